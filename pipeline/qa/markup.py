"""The inline structure of a Markdown text, as the one shared engine renders it."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

import markdown

from pipeline.source.markdown_engine import Block, create_markdown

# A raw HTML tag or comment as Python-Markdown would pass it through; autolinks such as
# <https://x.dk> and <a@b.dk> do not match, because a tag name is followed by space, / or >.
RAW_HTML_RE = re.compile(r"<!--|<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<\s*script", re.I)
# Elements whose content is code, not text: cut out whole so no other check reads it.
_CODE_ELEMENTS_RE = re.compile(r"<\s*(script|style)\b.*?(?:<\s*/\s*\1\s*>|$)", re.I | re.S)
ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f\u00ad\u200b-\u200f\u2060\ufeff]")


@dataclass(frozen=True)
class Markup:
    """What the rendered HTML of a text is made of."""

    tags: Counter = field(default_factory=Counter)  # start tags, e.g. {"strong": 1, "a": 2}
    targets: tuple[str, ...] = ()  # href and src values, entities decoded
    images: tuple[tuple[str, str], ...] = ()  # (src, alt)
    links: tuple[tuple[str, str], ...] = ()  # (href, link text)
    text: str = ""  # the visible text


class _Collector(HTMLParser):
    """Gather tags, link targets, image alt texts and visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.targets: list[str] = []
        self.images: list[tuple[str, str]] = []
        self.links: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._open_links: list[tuple[str, int]] = []
        self._in_code = 0  # inside <script> or <style>, whose content is not visible text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags[tag] += 1
        self._in_code += tag in ("script", "style")
        for name in ("href", "src"):
            if name in values:
                self.targets.append(values[name])
        if tag == "img":
            self.images.append((values.get("src", ""), values.get("alt", "")))
        if tag == "a":
            self._open_links.append((values.get("href", ""), len(self.text)))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._in_code:
            self._in_code -= 1
        if tag == "a" and self._open_links:
            href, start = self._open_links.pop()
            self.links.append((href, "".join(self.text[start:]).strip()))

    def handle_data(self, data: str) -> None:
        if not self._in_code:
            self.text.append(data)


def render_inline(text: str) -> str:
    """Render text as the build renders a block's translation: inline Markdown only.

    The build swaps a translation into its block after block parsing, so "1. " or "# " at
    the start of a msgstr stays text; rendering the msgstr as a document would make it a
    list or a heading and report markup that the reader never sees.
    """
    engine, pending = _inline_engine()
    pending[0] = text
    return engine.reset().convert("x")


@lru_cache(maxsize=1)
def _inline_engine() -> tuple[markdown.Markdown, list[str]]:
    """Return one engine for every inline render (making one costs more than a render), and its text slot."""
    pending = [""]

    def swap(blocks: list) -> None:
        for block in blocks:
            if isinstance(block, Block):
                block.element.text = pending[0]

    return create_markdown(swap, sanitize=False), pending


@lru_cache(maxsize=4096)
def inline_markup(text: str) -> Markup:
    """Render inline Markdown with the shared engine and describe the result."""
    collector = _Collector()
    collector.feed(render_inline(text))
    collector.close()
    collector.tags.pop("p", None)  # every block renders as one paragraph here
    visible = re.sub(r"\s+", " ", "".join(collector.text)).strip()
    return Markup(collector.tags, tuple(collector.targets), tuple(collector.images),
                  tuple(collector.links), visible)


def visible_text(text: str) -> str:
    """Return the text a reader sees once the Markdown is rendered."""
    return inline_markup(text).text


def raw_html(text: str) -> list[str]:
    """Return the raw HTML tags and comments in a Markdown text."""
    return RAW_HTML_RE.findall(text)


def without_raw_html(text: str) -> str:
    """Return text with raw HTML tags and comments cut out."""
    return RAW_HTML_RE.sub("", _CODE_ELEMENTS_RE.sub("", text))


def scheme_of(target: str) -> str | None:
    """Return a link target's scheme as a browser reads it, or None for a relative link."""
    cleaned = _INVISIBLE.sub("", html.unescape(target)).lower()
    found = _SCHEME_RE.match(cleaned)
    return found.group(1) if found else None


def unsafe_targets(text: str) -> list[str]:
    """Return link and image targets whose scheme is not http(s), mailto or tel."""
    targets = list(inline_markup(text).targets)
    return [t for t in targets if (s := scheme_of(t)) is not None and s not in ALLOWED_SCHEMES]
