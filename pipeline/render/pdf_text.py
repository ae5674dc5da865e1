"""The PDF's text layer as written: exact text for every script, languages tagged, furniture as artifacts.

WeasyPrint 70 draws shaped text glyph by glyph in visual order, maps each glyph to one
string in the font's ToUnicode map (a glyph reused elsewhere, a vowel mark inside its
letter's cluster or a Thai SARA AM split in two cannot map right everywhere), leaves the
space a line break swallows out of the text, tags page numbers as content, and puts no
/Lang on structure elements. ../shared/notes/pdf-text-layer.md has the measurements.

This module changes four places of WeasyPrint 70.0's drawing and tagging (the version is
pinned in pyproject.toml because the patches follow its code; a new version needs them
read again):

1. Structure tree: each text span's element gets /ActualText, its text in logical order
   with the space a line break swallowed, and /Lang where its language differs from the
   document's (every element of a Danish fallback block, every ``lang``-marked span). This
   is what Acrobat gives NVDA and JAWS.
2. Content: each line with right-to-left text, or whose glyphs do not spell it one to
   one (marks, ligatures, split vowels, reordered or reused glyphs), is wrapped in a /Span
   with /ActualText, for readers of the page content (poppler for Evince and Orca,
   MuPDF), in the order poppler turns back into the text as written
   (:func:`pipeline.render.reading_order.reader_order`). Inside it, a line with
   right-to-left text, or on a right-to-left page, gives MuPDF its text as written on an
   unseen copy of one glyph, under a tag poppler does not read, in an innermost dictionary
   without /ActualText, from which PDFium (Chrome's viewer) takes no text: it reads the line's
   glyphs, once (pipeline/render/pdf_glyphs.py); on a right-to-left page a line's first box
   gives the whole line's text, so that MuPDF does not break the line between its boxes (a
   link, a bold word).
3. ToUnicode: no glyph maps to an empty string (PDF/UA-1 7.21.7); a glyph that shares a
   cluster maps to the cluster's text.
4. Margin boxes (page numbers, running heads) are drawn as /Artifact and left out of the
   structure tree.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import partial
from dataclasses import dataclass, field

import pydyf

from pipeline.render.reading_order import page_reads_rtl, written_texts

WEASYPRINT_VERSION = "70.0"


@dataclass
class PageLayer:
    """What the drawing of one page learns for its tagging: artifacts, texts and languages."""

    artifacts: set[int] = field(default_factory=set)  # ids of boxes drawn as /Artifact
    written: dict[int, str] = field(default_factory=dict)  # id of a text box -> its text as written
    texts: dict[int, str] = field(default_factory=dict)  # MCID -> the text box's text as written
    langs: dict[int, str] = field(default_factory=dict)  # MCID -> the text box's language
    rtl: bool = False  # poppler reads the page right to left
    block_rtl: dict[int, bool] = field(default_factory=dict)  # id of a text box -> its paragraph is right-to-left
    line_texts: dict[int, str] = field(default_factory=dict)  # id of a text box -> MuPDF's text from it, where
    # not its own: its line's on the line's first box, "" on the others


_LAYERS: dict[int, PageLayer] = {}  # id of a page stream's tag dict -> its layer, until tagged
_installed = False


def block_is_rtl(stream, textbox) -> bool | None:
    """Tell whether the paragraph holding a text box is right-to-left (None when not known)."""
    layer = _LAYERS.get(id(stream._tags)) if stream._tags is not None else None
    return layer.block_rtl.get(id(textbox)) if layer else None


def line_text_of(stream, textbox) -> str | None:
    """Return the text MuPDF gets from a text box where not its own: its line's, or "" (None: its own)."""
    layer = _LAYERS.get(id(stream._tags)) if stream._tags is not None else None
    return layer.line_texts.get(id(textbox)) if layer else None


def page_is_rtl(stream) -> bool:
    """Tell whether the page a stream draws is right-to-left (its document's direction)."""
    layer = _LAYERS.get(id(stream._tags)) if stream._tags is not None else None
    return bool(layer and layer.rtl)


def _text_boxes(box, boxes):
    """Yield the text boxes below a box, in order."""
    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.TextBox):
            yield child
        else:
            yield from _text_boxes(child, boxes)


def _line_boxes(line, boxes):
    """Yield the text boxes of a line box, in order (not those of an inline block's own lines)."""
    for child in getattr(line, "children", ()):
        if isinstance(child, boxes.TextBox):
            yield child
        elif isinstance(child, boxes.InlineBox):
            yield from _line_boxes(child, boxes)


def _share_line(line: list, layer: PageLayer) -> None:
    """Give a line's text as written to its first drawn box, for MuPDF, and no text to the others."""
    drawn = [box for box in line if box.text.strip()]
    if len(drawn) > 1:
        layer.line_texts.update((id(box), "") for box in drawn[1:])
        layer.line_texts[id(drawn[0])] = "".join(layer.written.get(id(box), box.text) for box in line)


def _descendants(box):
    for child in getattr(box, "children", ()):
        yield child
        yield from _descendants(child)


def element_text(element) -> str:
    """Return an HTML element's text as written, a line break (<br>) as a space."""
    parts = [element.text or ""]
    for child in element:
        parts.append(" " if str(child.tag).rsplit("}", 1)[-1] == "br" else element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _prepare(page_box, layer: PageLayer) -> None:
    """Find a page's margin-box content, its boxes' texts as written, and poppler's direction."""
    from weasyprint.formatting_structure import boxes  # heavy: WeasyPrint loads only when a PDF is made

    for child in page_box.children:
        if isinstance(child, boxes.MarginBox):
            layer.artifacts.update(id(box) for box in _descendants(child))
    for box in _descendants(page_box):
        if id(box) in layer.artifacts or box.element is None:
            continue
        if any(isinstance(child, boxes.LineBox) for child in getattr(box, "children", ())):
            source = " ".join(element_text(box.element).split())
            drawn = [(id(text_box), text_box.text) for text_box in _text_boxes(box, boxes)]
            hyphen = box.style["hyphenate_character"] or "\u2010"
            layer.written.update(written_texts(drawn, source, hyphen))
            layer.block_rtl.update((box_id, box.style["direction"] == "rtl") for box_id, _ in drawn)
    layer.rtl = page_reads_rtl([b.text for b in _descendants(page_box) if isinstance(b, boxes.TextBox)])
    if layer.rtl:  # where every line has its text drawn (see pdf_glyphs.draw_first_line)
        for line in _descendants(page_box):
            if isinstance(line, boxes.LineBox) and id(line) not in layer.artifacts:
                _share_line(list(_line_boxes(line, boxes)), layer)


def _deref(pdf, reference):
    """Return the pydyf object a reference (``b"12 0 R"``) points at."""
    return pdf.objects[int(bytes(reference).split()[0])]


BLOCK_ROLES = {"/P", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/LBody", "/Lbl", "/TD", "/TH", "/Caption"}


def _ancestors(pdf, element) -> list:
    """Return ``element`` and the structure elements above it, up to the /Document."""
    chain = [element]
    while "P" in chain[-1]:
        parent = _deref(pdf, chain[-1]["P"])
        if parent.get("S") in ("/Document", None) or parent.get("Type") == "/StructTreeRoot":
            break
        chain.append(parent)
    return chain


def _block_of(chain: list):
    """Return the nearest block-level element of an ancestor chain, or None."""
    return next((element for element in chain if element["S"] in BLOCK_ROLES), None)


def _tag_texts(pdf, page_streams, layers: list[PageLayer | None]) -> None:
    """Give each block's structure element its /ActualText and each span, where it differs, its /Lang."""
    document_lang = getattr(pdf.catalog.get("Lang"), "string", "")
    root = _deref(pdf, pdf.catalog["StructTreeRoot"])
    nums = _deref(pdf, root["ParentTree"])["Nums"]
    blocks: dict[int, list] = {}  # id of a block -> [block, (leaf, text), …]
    outer: set[int] = set()  # blocks with a block inside (a list item's nested list), or text in two
    # languages (a fallback block's label): one /ActualText would hide the inner block or language
    langs_in: dict[int, set[str]] = {}  # id of a block -> the languages of its text
    for page_number, layer in enumerate(layers):
        if layer is None or 2 * page_number + 1 >= len(nums):
            continue
        for mcid, reference in enumerate(nums[2 * page_number + 1]):
            element = _deref(pdf, reference)
            text = layer.texts.get(mcid)
            if text is None:
                continue
            chain = _ancestors(pdf, element)
            block = _block_of(chain)
            if block is not None:
                blocks.setdefault(id(block), [block]).append((element, text))
                outer.update(id(above) for above in chain[chain.index(block) + 1:] if above["S"] in BLOCK_ROLES)
            elif element["S"] != "/Link":
                element["ActualText"] = pydyf.String(text)
            lang = layer.langs.get(mcid)
            if block is not None:
                langs_in.setdefault(id(block), set()).add(lang or document_lang)
            around = next((str(e["Lang"]) for e in chain[1:] if "Lang" in e), document_lang)
            if lang and lang != around and "Lang" not in element and element["S"] != "/Link":
                element["Lang"] = pydyf.String(lang)  # also a span in the page's language inside a Danish block
    for key, (block, *leaves) in blocks.items():
        if key not in outer and len(langs_in.get(key, ())) <= 1:
            block["ActualText"] = pydyf.String("".join(text for _, text in leaves).strip())
            continue
        texts: dict[int, tuple] = {}  # id of a leaf -> (leaf, its lines' texts): a span may hold several lines
        for leaf, text in leaves:
            texts.setdefault(id(leaf), (leaf, []))[1].append(text)
        for leaf, parts in texts.values():  # its own text, leaf by leaf, so the inner block or language stays
            if leaf["S"] != "/Link" and leaf is not block:
                leaf["ActualText"] = pydyf.String("".join(parts).strip())


def forget_pages() -> None:
    """Drop what pages of an unfinished render left (a render that failed midway)."""
    _LAYERS.clear()


def install() -> None:
    """Patch WeasyPrint's drawing and tagging once (see the module docstring)."""
    global _installed
    if _installed:
        return
    import weasyprint  # heavy: only a build that writes PDFs loads WeasyPrint
    from weasyprint import document as wp_document, pdf as wp_pdf  # with it
    from weasyprint.draw import text as wp_text  # with it
    from weasyprint.formatting_structure import boxes  # with it
    from weasyprint.pdf import stream as wp_stream, tags as wp_tags  # with it

    if weasyprint.__version__ != WEASYPRINT_VERSION:
        raise RuntimeError(f"pipeline/render/pdf_text.py patches WeasyPrint {WEASYPRINT_VERSION}, "
                           f"not {weasyprint.__version__}; install the locked version (scripts/setup.sh)")
    import pipeline.render.pdf_glyphs as pdf_glyphs  # heavy: WeasyPrint's drawing, copied (imports WeasyPrint)

    original_draw_page = wp_document.draw_page
    original_marked = wp_stream.Stream.marked
    original_build_box_tree = wp_tags._build_box_tree
    original_add_tags = wp_pdf.add_tags

    def draw_page(page, stream):
        if stream._tags is not None:
            layer = _LAYERS[id(stream._tags)] = PageLayer()
            _prepare(page, layer)
        original_draw_page(page, stream)

    @contextmanager
    def marked(self, box, tag):
        layer = _LAYERS.get(id(self._tags)) if self._tags is not None else None
        if layer is not None and id(box) in layer.artifacts:
            with self.artifact():
                yield
            return
        with original_marked(self, box, tag):
            if layer is not None and isinstance(box, boxes.TextBox):
                mcid = self._tags[box]["mcid"]
                layer.texts[mcid] = layer.written.get(id(box), box.text)
                layer.langs[mcid] = box.style["lang"] or ""
            yield

    def build_box_tree(box, parent, pdf, page_number, nums, annotations, tags):
        if isinstance(box, boxes.MarginBox):
            return  # drawn as an artifact: nothing of it is in the tags
        document_lang = getattr(pdf.catalog.get("Lang"), "string", "")
        lang = box.style["lang"] if box.style is not None else None
        for element in original_build_box_tree(box, parent, pdf, page_number, nums, annotations, tags):
            if lang and lang != document_lang and "Lang" not in element:
                element["Lang"] = pydyf.String(lang)
            yield element

    def add_tags(pdf, document, pdf_version, page_streams):
        layers = [_LAYERS.pop(id(stream._tags), None) for stream in page_streams]
        original_add_tags(pdf, document, pdf_version, page_streams)
        _tag_texts(pdf, page_streams, layers)

    wp_document.draw_page = draw_page
    wp_stream.Stream.marked = marked
    wp_tags._build_box_tree = build_box_tree
    wp_pdf.add_tags = add_tags
    wp_text.draw_first_line = partial(pdf_glyphs.draw_first_line, page_rtl=page_is_rtl, block_rtl=block_is_rtl,
                                       line_text=line_text_of)
    _installed = True
