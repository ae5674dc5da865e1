"""Markdown body → HTML, with each block's published text swapped in before inline parsing."""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import slugify, unique
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from pipeline.errors import RenderError
from pipeline.model import LocalizedGuide
from pipeline.render.sanitize import sanitize_body
from pipeline.source.markdown_engine import Block, RawHtml, TitleSwap, create_markdown, render_markdown

FALLBACK_CLASS = "fallback"
FALLBACK_LABEL_CLASS = "fallback-label"
FALLBACK_TEXT_CLASS = "fallback-text"
DRAFT_CLASS = "draft"
# Phone numbers, e-mail addresses and URLs keep left-to-right order inside RTL text.
LTR_TOKEN_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?)\]]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\+?\d[\d ().-]{5,}\d"
)
SKIP_TAGS = {"code", "pre", "bdi", "script", "style"}
TAG_RE = re.compile(r"<[^>]+>")
TRANSLATOR_NOTE_RE = re.compile(r"<!--\s*i18n:.*?-->\n?", re.S)  # raw HTML is refused: only notes remain
RESERVED_TOP = {"static", "fonts", "index.html"}
FIRST_H1_RE = re.compile(r"<h1[\s>].*?</h1>\s*", re.IGNORECASE | re.DOTALL)


@dataclass
class RenderedBody:
    """A guide body as HTML, and the content-relative paths of the images it uses."""

    html: str
    images: list[str] = field(default_factory=list)


def _mark_fallback(element: etree.Element, lang: str, label: etree.Element | None) -> None:
    """Mark a block shown in the source language: ``lang`` on it, its text isolated as LTR.

    The block keeps the page's direction, so a Danish item of a right-to-left list stays an
    item of that list (its marker on the list's side); a label in the page's language says
    which language the text is in. A block with nested blocks (a list item with a list)
    gets the marks on a span around its own text only.
    """
    target = element
    if len(element):  # e.g. a list item with a nested list: only its own text is in ``lang``
        target = etree.Element("span")
        element.insert(0, target)
    text = etree.Element("span", {"class": FALLBACK_TEXT_CLASS, "dir": "ltr"})  # isolated: site.css
    text.text, element.text = element.text, None
    target.set("lang", lang)
    target.set("class", " ".join(filter(None, [target.get("class"), FALLBACK_CLASS])))
    for offset, child in enumerate([label, text] if label is not None else [text]):
        target.insert(offset, child)


def fallback_label(text: str, lang: str, direction: str) -> etree.Element:
    """Return the visible label of a fallback block ("ڈینش میں"), in the page's language."""
    label = etree.Element("span", {"class": FALLBACK_LABEL_CLASS, "lang": lang, "dir": direction})
    label.text, label.tail = AtomicString(text), " "
    return label


def source_anchor(markdown_text: str, used: set[str]) -> str:
    """Return the id the toc extension gives a heading in the source language, made unique."""
    plain = html.unescape(TAG_RE.sub("", render_markdown(markdown_text)))
    return unique(slugify(plain.strip(), "-"), used)


def swap_hook(localized: LocalizedGuide, draft_label: str, source_label: str = ""):
    """Return the block hook that puts each block's published text into the tree.

    A block left in the source language gets ``source_label`` (e.g. "In Danish"), when given.

    Headings keep the id of the source heading (unless the author set one with ``{#id}``),
    so a link to ``#sadan-soger-du`` works in every language.
    """
    def hook(blocks: list[Block | RawHtml]) -> None:
        used: set[str] = set()
        for block in blocks:
            if isinstance(block, RawHtml):
                continue  # refused at extraction; a guide cannot get here with raw HTML
            text = localized.texts.get(block.text)
            if text is None:
                continue
            if block.level and "{#" not in block.suffix and "id" not in block.element.attrib:
                block.element.set("id", source_anchor(block.text, used))
            block.element.text = text.text + block.suffix
            if text.state == "source" and text.lang != localized.lang:
                label = fallback_label(source_label, localized.lang, localized.direction) if source_label else None
                _mark_fallback(block.element, text.lang, label)
            elif text.state == "draft":
                block.element.set("class", DRAFT_CLASS)
                block.element.set("data-draft", draft_label)
    return hook


def _wrap_tokens(parent: etree.Element, text: str | None) -> tuple[str | None, list[etree.Element]]:
    """Split text into a head and <bdi dir="ltr"> elements (with tails) for LTR tokens."""
    if not text or not LTR_TOKEN_RE.search(text):
        return text, []
    parts = LTR_TOKEN_RE.split(text)
    tokens = LTR_TOKEN_RE.findall(text)
    made = []
    for token, tail in zip(tokens, parts[1:]):
        bdi = etree.Element("bdi", {"dir": "ltr"})
        bdi.text, bdi.tail = token, tail
        made.append(bdi)
    return parts[0], made


def isolate_ltr(root: etree.Element) -> None:
    """Isolate phone numbers, e-mail addresses and URLs so RTL text shows them in order."""
    for element in list(root.iter()):
        if element.tag in SKIP_TAGS:
            continue
        if element.tag == "a" and LTR_TOKEN_RE.fullmatch((element.text or "").strip()):
            element.set("dir", "ltr")
        elif element.tag != "a" or len(element):
            head, made = _wrap_tokens(element, element.text)
            element.text = head
            for offset, new in enumerate(made):
                element.insert(offset, new)
        for child in list(element):
            if child.tag == "bdi" and child.get("dir") == "ltr":
                continue
            head, made = _wrap_tokens(element, child.tail)
            child.tail = head
            position = list(element).index(child) + 1
            for offset, new in enumerate(made):
                element.insert(position + offset, new)


def check_image_src(src: str, content_dir: Path | None = None, path: str | None = None,
                    line: int | None = None) -> str:
    """Return an image's path relative to content/, refusing anything outside it.

    Args:
        src: the image's URL as written in the guide (or as recorded by an earlier build).
        content_dir: when given, a path that is a symlink to a file outside it is refused too.
        path, line: where the image is named (e.g. ``content/madservice.md``, 12), for the error.
    Raises:
        RenderError: the image is a URL, an absolute path, outside content/ or in a build folder.
    """
    parts = urlsplit(src)
    relative = unquote(parts.path)
    if parts.scheme or parts.netloc or not relative or relative.startswith("/"):
        raise RenderError(f"image {src!r} must be a file in content/, not a URL or absolute path",
                          path, line)
    normal = posixpath.normpath(relative)
    if normal.startswith("../") or normal == ".." or normal.split("/")[0] in RESERVED_TOP:
        raise RenderError(f"image {src!r} is outside content/ (or in a folder the build uses)", path, line)
    if content_dir is not None and not _inside(content_dir, normal):
        raise RenderError(f"image {src!r} is a link to a file outside content/", path, line)
    return normal


class _AfterInline(Treeprocessor):
    """Rewrite image paths for output/<lang>/ and isolate LTR tokens on RTL pages."""

    def __init__(self, md, rendered: RenderedBody, rtl: bool, problems: list[str],
                 content_dir: Path | None = None):
        super().__init__(md)
        self.rendered, self.rtl, self.problems = rendered, rtl, problems
        self.content_dir = content_dir

    def run(self, root: etree.Element) -> None:
        for img in root.iter("img"):
            try:
                path = check_image_src(img.get("src", ""), self.content_dir)
            except RenderError as error:  # located by render_body, which knows the guide
                self.problems.append(error.message)
                continue
            self.rendered.images.append(path)
            img.set("src", "../" + path)
        if self.rtl:
            isolate_ltr(root)


def _inside(content_dir: Path, path: str) -> bool:
    """Tell whether a content-relative path, symlinks followed, stays inside content/."""
    return (content_dir / path).resolve().is_relative_to(content_dir.resolve())


def render_body(localized: LocalizedGuide, draft_label: str = "Draft",
                content_dir: Path | None = None, source_label: str = "") -> RenderedBody:
    """Render the guide's Markdown body in its language; raise RenderError for a bad image.

    With ``content_dir``, an image that is a symlink to a file outside it is refused too;
    ``source_label`` labels each block shown in the source language.
    """
    rendered, problems = RenderedBody(""), []
    md = create_markdown(swap_hook(localized, draft_label, source_label))
    md.treeprocessors.register(TitleSwap(md, lambda title: getattr(localized.texts.get(title), "text", None)),
                               "ligetil-titles", 26)  # before inline patterns (20) make the links
    rtl = localized.direction == "rtl"
    md.treeprocessors.register(_AfterInline(md, rendered, rtl, problems, content_dir),
                               "ligetil-after-inline", 5)
    rendered.html = sanitize_body(TRANSLATOR_NOTE_RE.sub("", md.convert(localized.guide.body)))  # notes: translators only
    if problems:
        raise RenderError(problems[0], localized.guide.path, _line_of(localized, problems[0]))
    rendered.images = sorted(set(rendered.images))
    return rendered


def split_first_h1(html: str) -> tuple[str, str]:
    """Take the body's first h1 out, so a page or flyer can put it first; return (h1, rest)."""
    found = FIRST_H1_RE.search(html)
    if found is None:
        return "", html
    return found.group(0).strip(), html[:found.start()] + html[found.end():]


def _line_of(localized: LocalizedGuide, message: str) -> int | None:
    """Return the file line of the image named in ``message``, if the source has it."""
    quoted = re.search(r"'([^']*)'", message)
    needle = quoted.group(1) if quoted else ""
    for offset, line in enumerate(localized.guide.body.split("\n")):
        if needle and needle in line:
            return localized.guide.body_line + offset
    return None
