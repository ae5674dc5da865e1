"""The last gate of a page's body: an allow-list sanitizer (nh3, Rust's ammonia) on the HTML.

The Markdown engine already strips unsafe attributes and link targets, and QA withholds
unsafe translations; this keeps a page safe even if both missed something.
"""

from __future__ import annotations

import nh3

from pipeline.source.markdown_engine import SAFE_ATTRIBUTES

BODY_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "table",
                       "thead", "tbody", "tr", "th", "td", "strong", "em", "code", "pre", "blockquote",
                       "span", "br", "hr", "bdi"})  # bdi: body.isolate_ltr's phone numbers and addresses in RTL text
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_ATTRIBUTES = {tag: set(SAFE_ATTRIBUTES) | ({"style"} if tag in ("th", "td") else set()) for tag in BODY_TAGS}


def sanitize_body(html: str) -> str:
    """Return the body HTML with only the tags, attributes and URL schemes Markdown makes."""
    return nh3.clean(html, tags=set(BODY_TAGS), attributes=_ATTRIBUTES, url_schemes=set(URL_SCHEMES),
                     link_rel=None, strip_comments=True, filter_style_properties={"text-align"})
