"""The one Python-Markdown configuration shared by extraction and rendering.

A treeprocessor at priority 25 runs after the block parser and before inline
processing, so each block's ``element.text`` still holds its raw inline Markdown:
that text is the msgid, and rendering swaps in the translation at the same point.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import markdown
from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE, HTML_RE
from markdown.treeprocessors import Treeprocessor

EXTENSIONS = ("tables", "attr_list", "sane_lists", "toc")
EXTENSION_CONFIGS: dict[str, dict] = {"toc": {"permalink": False}}
BLOCK_HOOK_PRIORITY = 25  # after block parsing (none), before "inline" (20)

PLACEHOLDER_RE = re.compile("\x02wzxhzdk:(\\d+)\x03")
HEADING_ATTR_RE = re.compile(r"[ ]+\{:?[ ]*([^}\n ][^\n]*)[ ]*\}[ ]*$")  # as attr_list
BLOCK_ATTR_RE = re.compile(r"\n[ ]*\{:?[ ]*([^}\n ][^\n]*)[ ]*\}[ ]*$")  # as attr_list
I18N_NOTE_RE = re.compile(r"^\s*<!--\s*i18n:\s*(.*?)\s*-->\s*$", re.DOTALL)
COMMENT_RE = re.compile(r"^\s*<!--.*-->\s*$", re.DOTALL)
_INLINE_HTML = re.compile(HTML_RE)
_AUTOLINK = re.compile(f"{AUTOLINK_RE}|{AUTOMAIL_RE}")
HEADINGS = {f"h{n}": n for n in range(1, 7)}


@dataclass
class Block:
    """One translatable block of the parsed tree (mutable: rendering edits it)."""

    element: etree.Element
    kind: str
    text: str  # normalised raw inline Markdown: the msgid
    suffix: str = ""  # attr_list syntax cut off the text, put back on render
    level: int = 0  # heading level
    note: str | None = None  # from a preceding <!-- i18n: … --> comment
    raw: str = ""  # the text as the parser saw it, to find its source line


@dataclass
class RawHtml:
    """An HTML block or inline tag found where only Markdown is allowed."""

    html: str


_OPEN_DESTINATION_RE = re.compile(r"\]\([^)\s]*$")  # text ending inside "[…](address"


def normalise(text: str) -> str:
    """Join soft-wrapped lines with a space; keep hard breaks (two trailing spaces).

    A break inside a link's address joins with nothing, as a browser reads the address
    (it drops line breaks from URLs): a space would change the link's target.
    """
    lines = text.strip("\n").split("\n")
    out = ""
    for index, line in enumerate(lines):
        if index:
            if lines[index - 1].endswith("  "):
                out += "  \n"
            elif not _OPEN_DESTINATION_RE.search(out):
                out += " "
        out += line.strip()
    return out.strip()


def find_inline_html(text: str) -> str | None:
    """Return the first raw HTML tag or comment in inline Markdown, ignoring autolinks."""
    without_autolinks = _AUTOLINK.sub("", text)
    found = _INLINE_HTML.search(without_autolinks)
    return found.group(0) if found else None


def _kind_of(element: etree.Element, parents: dict) -> str | None:
    tag = element.tag
    if tag in HEADINGS:
        return "heading"
    if tag == "th":
        return "table_header"
    if tag == "td":
        return "table_cell"
    if tag == "li":
        return "list_item"
    if tag != "p":
        return None
    ancestor = parents.get(element)
    while ancestor is not None:
        if ancestor.tag == "blockquote":
            return "blockquote"
        if ancestor.tag == "li":
            return "list_item"
        ancestor = parents.get(ancestor)
    return "paragraph"


def _split_suffix(element: etree.Element, text: str) -> tuple[str, str]:
    pattern = HEADING_ATTR_RE if element.tag in HEADINGS else BLOCK_ATTR_RE
    found = pattern.search(text)
    return (text[: found.start()], text[found.start():]) if found else (text, "")


def iter_blocks(root: etree.Element, stash: list[str]) -> Iterator[Block | RawHtml]:
    """Yield translatable blocks in document order; raw HTML as RawHtml; attach notes."""
    parents = {child: parent for parent in root.iter() for child in parent}
    note: str | None = None
    for element in root.iter():
        kind = _kind_of(element, parents)
        if kind is None or not (element.text or "").strip():
            continue
        raw = element.text
        placeholder = PLACEHOLDER_RE.fullmatch(raw.strip())
        if placeholder:
            html = stash[int(placeholder.group(1))]
            if isinstance(html, str) and (match := I18N_NOTE_RE.match(html)):
                note = match.group(1)
            elif not (isinstance(html, str) and COMMENT_RE.match(html)):
                yield RawHtml(str(html))
            continue
        for index in PLACEHOLDER_RE.findall(raw):
            yield RawHtml(str(stash[int(index)]))
        text, suffix = _split_suffix(element, raw)
        yield Block(element, kind, normalise(text), suffix, HEADINGS.get(element.tag, 0), note, raw)
        note = None


BlockHook = Callable[[list[Block | RawHtml]], None]

SAFE_ATTRIBUTES = {"id", "class", "lang", "dir", "href", "src", "alt", "title", "colspan",
                   "rowspan", "start", "data-draft"}
SAFE_URL_RE = re.compile(r"^(?:https?:|mailto:|tel:|#|[^:]*$)", re.IGNORECASE)
INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
TABLE_ALIGN_RE = re.compile(r"^text-align: (?:left|right|center);$")


class _SanitizeProcessor(Treeprocessor):
    """Keep only harmless attributes: attr_list in a translation must not add handlers."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name, value in list(element.attrib.items()):
                if name == "style" and element.tag in ("th", "td") and TABLE_ALIGN_RE.match(value):
                    continue
                if name not in SAFE_ATTRIBUTES or (name in ("href", "src") and not is_safe_url(value)):
                    del element.attrib[name]


def is_safe_url(value: str) -> bool:
    """Tell whether a link target is http(s), mailto, tel, a fragment or a relative path.

    Judged as a browser reads it: entities decoded (``javascript&#58;``), invisible
    characters and spaces removed (``java script:``).
    """
    decoded = INVISIBLE_RE.sub("", html.unescape(value))
    return bool(SAFE_URL_RE.match(decoded))


class _BlockHookProcessor(Treeprocessor):
    """Hand the tree's blocks to a hook before inline Markdown is processed."""

    def __init__(self, md: markdown.Markdown, hook: BlockHook):
        super().__init__(md)
        self.hook = hook

    def run(self, root: etree.Element) -> None:
        self.hook(list(iter_blocks(root, self.md.htmlStash.rawHtmlBlocks)))


def create_markdown(hook: BlockHook | None = None, sanitize: bool = True) -> markdown.Markdown:
    """Return a fresh Markdown instance with the fixed extensions and an optional hook.

    ``sanitize=False`` keeps unsafe attributes, for checks that must see them.
    """
    md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS,
                           output_format="html")
    if hook is not None:
        md.treeprocessors.register(_BlockHookProcessor(md, hook), "ligetil-blocks",
                                   BLOCK_HOOK_PRIORITY)
    if sanitize:
        md.treeprocessors.register(_SanitizeProcessor(md), "ligetil-sanitize", 1)  # after attr_list
    return md


@lru_cache(maxsize=4096)  # each language's page renders the same source headings for their anchors
def render_markdown(text: str) -> str:
    """Render Markdown to HTML with the fixed configuration (no translation)."""
    return create_markdown().convert(text)


@dataclass(frozen=True)
class LinkTitle:
    """The title of a link reference definition (``[1]: https://… "Title"``): text a reader sees."""

    label: str
    title: str


def collect_blocks(body: str) -> list[Block | RawHtml | LinkTitle]:
    """Parse a Markdown body and return its blocks in document order, then its link titles."""
    found: list[Block | RawHtml | LinkTitle] = []
    md = create_markdown(found.extend)
    for later in [p for p in md.treeprocessors._priority if p.priority < BLOCK_HOOK_PRIORITY]:
        md.treeprocessors.deregister(later.name)  # extraction needs the blocks, not the HTML
    md.convert(body)
    found += [LinkTitle(label, normalise(title)) for label, (_, title) in md.references.items() if title]
    return found


class TitleSwap(Treeprocessor):
    """Put the published text of each link reference title in place before links are made."""

    def __init__(self, md: markdown.Markdown, published):
        super().__init__(md)
        self.published = published  # title -> the text to show

    def run(self, root: etree.Element) -> None:
        for label, (url, title) in list(self.md.references.items()):
            if title and (text := self.published(normalise(title))) is not None:
                self.md.references[label] = (url, text)
