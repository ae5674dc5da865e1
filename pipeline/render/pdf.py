"""The A4 flyer: its HTML from the shared page context, and the tagged PDF/UA-1 file."""

from __future__ import annotations

import gc
import multiprocessing.util
import os
import re
import uuid
from html import unescape as html_unescape
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from pipeline.errors import RenderError
from pipeline.render import fontconfig, fonts, pdf_text
from pipeline.render.qr import qr_svg, svg_data_uri
from pipeline.render.body import split_first_h1
from pipeline.render.site import visible_text

FLYER_TEMPLATE = "flyer.html.j2"
PDF_VARIANT = "pdf/ua-1"


class TooManyPages(RenderError):
    """A document that needs more pages than it may have."""

    def __init__(self, pages: int, limit: int):
        super().__init__(f"needs {pages} pages, at most {limit}")
        self.pages, self.limit = pages, limit


def preload() -> None:
    """Import WeasyPrint and patch it now, so that workers forked after this share it instead of each importing it."""
    pdf_text.install()


_font_config: tuple[tuple, Any] | None = None  # (fontconfig's state, WeasyPrint's FontConfiguration for it)


def font_configuration():
    """Return the WeasyPrint font configuration of this process's fontconfig state, made once.

    Left to itself, WeasyPrint makes one per document: that costs 40 ms a document, and a part
    of its fontconfig and Pango data is never freed (a worker grew 0.6 MB a guide). Documents
    can share one: their @font-face rules name each font by its own family and file, and
    WeasyPrint adds a rule it has seen once only (``add_font_face`` keys on the rule).
    """
    global _font_config
    from weasyprint.text.fonts import FontConfiguration  # heavy: with WeasyPrint

    key = (fontconfig.generation(), os.environ.get("FONTCONFIG_FILE"), os.environ.get("FONTCONFIG_PATH"))
    if _font_config is None:  # a worker exits without collecting it: drop it then, so its folder of font copies goes
        multiprocessing.util.Finalize(None, _drop_font_configuration, exitpriority=0)
    if _font_config is None or _font_config[0] != key:
        _font_config = None  # the fonts changed (tests): the collector frees the old one, and its folder
        _font_config = (key, FontConfiguration())
    return _font_config[1]


_inherited: list = []  # a forked worker's copies of its parent's configuration: never used, never freed


def _leave_to_parent() -> None:
    """In a forked worker, set the parent's configuration aside: its folder of font copies is the parent's.

    Used here, it would get fonts the parent then believes it has loaded (WeasyPrint skips a
    face whose file is there), and it has no Finalize here; freed, its __del__ would remove
    the parent's folder.
    """
    global _font_config
    if _font_config is not None:
        _inherited.append(_font_config)
        _font_config = None


os.register_at_fork(after_in_child=_leave_to_parent)


def _drop_font_configuration() -> None:
    """Let the font configuration go and collect it: it sits in a reference cycle, and its __del__ removes the folder."""
    global _font_config
    if _font_config is not None:
        _font_config = None
        gc.collect()


def render_pdf(html: str, base_url: str, max_pages: int | None = None) -> bytes:
    """Render flyer HTML to a tagged A4 PDF/UA-1 (lang, title, embedded fonts).

    Args:
        html: a complete document from :func:`flyer_html`.
        base_url: where relative URLs (images) resolve, e.g. the content folder as a URL.
        max_pages: the most pages it may have; more raise :class:`TooManyPages`, unwritten.
    Returns:
        The PDF file's bytes.
    """
    import weasyprint  # heavy: only a build that writes PDFs pays for it

    pdf_text.install()
    try:
        document = weasyprint.HTML(string=html, base_url=base_url).render(font_config=font_configuration())
        if max_pages is not None and len(document.pages) > max_pages:
            raise TooManyPages(len(document.pages), max_pages)
        return document.write_pdf(pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
    except RenderError:
        raise
    except Exception as error:  # WeasyPrint raises many types; the build needs one
        raise RenderError(f"cannot render PDF: {error}") from error
    finally:
        pdf_text.forget_pages()


FONT_SLOTS = {key: Markup(f"ligetil-{uuid.uuid4().hex}-{key}") for key in ("font_css", "font_stack", "source_stack")}


def flyer_html(context: dict[str, Any], env, body_html: str | None = None, sheet: bool = False,
               bilingual: bool = False, large: bool = False) -> str:
    """Render the flyer template with the shared page context, a QR code and PDF fonts.

    Args:
        context: the page context shared with the HTML page (lang, dir, title, summary,
            service, contact, updated, body_html, page_url, preview, has_fallback, …).
        env: the Jinja2 environment with the package's gettext translations installed.
        body_html: the part of the body to print (default: all of it).
        sheet: set as the one-sheet flyer (larger type) rather than the whole guide.
        bilingual: the body is :func:`pipeline.render.bilingual.paired_body` rows, and the
            context has the source's title as ``source_title``.
        large: set in large print for low vision (body 18 pt, line spacing 1.5 or more).
    Returns:
        A complete HTML document for :func:`render_pdf`.
    """
    lang = context["lang"]
    body_html = unwrap_loose_lists(str(context.get("body_html") or "") if body_html is None else body_html)
    heading, body = split_first_h1(with_printed_addresses(unbroken_compounds(body_html)))
    template = env.get_template(FLYER_TEMPLATE)
    choices = context.get("font_choices", ())
    font = fonts.pdf_font(lang, choices)
    source = fonts.pdf_font(context.get("source_lang") or lang, choices)  # fallback blocks, addresses
    values = {
        **context,
        "body_html": Markup(body),
        "heading_html": Markup(heading) if heading else Markup("<h1>{}</h1>").format(
            context.get("title", "")),
        "qr_image": qr_image,
        "sheet": sheet,
        "language_label": label_text(context),
        "bilingual": bilingual,
        "large": large,
        "short_url": re.sub(r"^https?://", "", str(context.get("page_url", ""))),  # printed beside its QR code
        "short_audio_url": re.sub(r"^https?://", "", str(context.get("audio_url", ""))),
        "kept_whole": lambda text: Markup(unbroken_compounds(str(escape(text)))),
        "css_string": css_string,
        "flyer_css": Markup(_flyer_css()),
        "line_height": font.line_height,
        "side_line_height": font.side_line_height,
        "source_side_line_height": source.side_line_height,
        "script_size": font.web_size,
        "tall": font.tall,  # flyer.css puts a cell that does not fit beside the other under it
    }
    # The fonts follow the scripts of the flyer's own text, so the rendering tells which; its
    # style sheet holds stand-ins for them (no text shows them), then the fonts' CSS.
    drafted = template.render({**values, **FONT_SLOTS})
    used = fonts.text_fonts(f"{visible_text(drafted)} {label_text(context)}", lang, fonts.PDF, choices)
    chosen = {"font_css": fonts.pdf_font_css(used), "font_stack": fonts.font_stack(used),
              "source_stack": fonts.font_stack([source, *used])}
    for key, slot in FONT_SLOTS.items():
        drafted = drafted.replace(slot, chosen[key])
    return drafted


def label_text(context: dict[str, Any]) -> str:
    """Return the language label printed on every page: "اردو · urdu" (the endonym alone in Danish)."""
    label = context.get("label") or {}
    return " · ".join(part for part in (label.get("endonym"), label.get("staff_name")) if part)


SHORT_ADDRESS = 60  # characters: well within one line of the flyer at 11.5 pt
_EXTERNAL_LINK_RE = re.compile(r'(<a href="(https?://[^"]+)"[^>]*>(.*?)</a>)', re.S)


def with_printed_addresses(html: str) -> str:
    """Print each web link's address after its text, so a reader of the paper can follow it."""
    def add(found: re.Match) -> str:
        link, href, text = found.groups()
        shown = html_unescape(re.sub(r"<[^>]+>", "", text)).strip()
        if shown.rstrip("/") == html_unescape(href).rstrip("/"):
            return link  # the text is the address already
        # An address short enough for a line is kept on one: broken, an RTL reader (poppler)
        # would meet its second half first. Marks (LRM) hold the brackets to the address.
        kept = " compound" if len(href) <= SHORT_ADDRESS else ""
        return f'{link}<span class="link-address{kept}" dir="ltr"> \u200e({href})\u200e</span>'
    return _EXTERNAL_LINK_RE.sub(add, html)


_TAG_RE = re.compile(r"(<[^>]*>)")
_COMPOUND_RE = re.compile(r"\w[\w.:]*(?:[-‐–]\w[\w.:]*)+")  # joined by a hyphen, or a range's en dash
LONGEST_COMPOUND = 30  # characters: a longer one may break, or it would run past the margin


def unbroken_compounds(html: str) -> str:
    """Keep each hyphenated compound ("af-Deenishka") on one line of the flyer.

    At a line end, poppler (Evince, Orca) takes a written hyphen for a soft one and joins
    the halves ("afDeenishka"); a compound kept whole is read as written.
    """
    parts = _TAG_RE.split(html)
    for index in range(0, len(parts), 2):  # even parts are text between tags
        parts[index] = _COMPOUND_RE.sub(lambda found: found.group(0) if len(found.group(0)) > LONGEST_COMPOUND
                                        else f'<span class="compound">{found.group(0)}</span>', parts[index])
    return "".join(parts)


@lru_cache(maxsize=64)  # a guide's printed formats (guide, flyer, large print, bilingual) print the same codes
def qr_image(url: str, label: str) -> str:
    """Return a data URI of the QR code for ``url`` (used as an <img> with alt text)."""
    return svg_data_uri(qr_svg(url, label))


def css_string(text: str) -> Markup:
    """Return ``text`` as a quoted CSS string, safe inside a <style> element."""
    escaped = "".join(c if c.isalnum() or c in " .,:;!?—–-'()" or ord(c) > 127
                      else f"\\{ord(c):x} " for c in str(text))
    return Markup(f'"{escaped}"')


def _flyer_css() -> str:
    return (Path(__file__).parent / "static" / "flyer.css").read_text("utf-8")


def unwrap_loose_lists(html: str) -> str:
    """Replace ``<li><p>a</p><p>b</p></li>`` by ``<li>a<br><br>b</li>``.

    Python-Markdown wraps the items of a list with blank lines in <p>; WeasyPrint 70 tags
    that P outside the LBody, which fails PDF/UA rule LI-KIDS.
    """
    unwrapper = _LooseListUnwrapper()
    unwrapper.feed(html)
    unwrapper.close()
    return "".join(unwrapper.out)


class _LooseListUnwrapper(HTMLParser):
    """Copy HTML verbatim, dropping <p> tags whose parent is an <li>."""

    VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "col", "source"})

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.stack: list[list] = []  # [tag, dropped?, paragraphs seen inside an li]

    def handle_starttag(self, tag, attrs):
        parent = self.stack[-1] if self.stack else None
        if tag == "p" and parent is not None and parent[0] == "li":
            if parent[2]:
                self.out.append("<br><br>")
            parent[2] += 1
            self.stack.append([tag, True, 0])
            return
        self.out.append(self.get_starttag_text())
        if tag not in self.VOID:
            self.stack.append([tag, False, 0])

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, dropped, _ = self.stack.pop()
            if open_tag == tag:
                if not dropped:
                    self.out.append(f"</{tag}>")
                return
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")
