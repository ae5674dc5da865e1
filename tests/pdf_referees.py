"""Three readers of a PDF's text layer, compared with the sentences of the page it was made from.

- poppler (``pdftotext``): what Evince, and through it Orca, reads;
- MuPDF (PyMuPDF's text extraction): many viewers, indexers and reading apps;
- the structure tree (pikepdf): per structure element, in tree order, the text of its marked
  content, its ``/ActualText`` where it has one, else its glyphs through the font's
  ToUnicode map: the path Acrobat takes for NVDA and JAWS.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pikepdf

BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
SENTENCE_END = re.compile(r"(?<=[.!?؟۔።])\s+")


def structure_elements(node, inherited=None):
    """Yield every structure element under ``node`` with its own or inherited /Lang."""
    if isinstance(node, pikepdf.Array):
        for kid in node:
            yield from structure_elements(kid, inherited)
        return
    if not isinstance(node, pikepdf.Dictionary) or node.get("/Type") == "/MCR":
        return
    lang = str(node.Lang) if "/Lang" in node else inherited
    yield node, lang
    if "/K" in node:
        yield from structure_elements(node.K, lang)


def normalized(text: str) -> str:
    """Return text as compared: NFKC, no bidi controls or soft hyphens, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text.translate(BIDI_CONTROLS).replace("\u00ad", ""))
    return re.sub(r"\s+", " ", text).strip()


class _Blocks(HTMLParser):
    """Collect the text of a page's main content, one string per block element."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "dd", "dt", "figcaption", "address"}
    PAGE_ONLY = {"download", "listen", "format-request"}  # classes of what only the web page shows (links to
    # the PDFs, the player, where to ask for another format)

    def __init__(self):
        super().__init__()
        self.blocks, self.current, self.inside, self.skip, self.stack = [], [], 0, 0, []

    def handle_starttag(self, tag, attrs):
        skipped = tag in ("style", "script", "nav") or bool(set((dict(attrs).get("class") or "").split()) & self.PAGE_ONLY)
        self.stack.append((tag, skipped))
        self.skip += skipped
        if tag == "main":
            self.inside += 1
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, skipped = self.stack.pop()
            self.skip -= skipped
            if open_tag == tag:
                break
        if tag == "main":
            self.inside -= 1
        if tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self.inside and not self.skip:
            self.current.append(data)

    def _flush(self):
        text = normalized("".join(self.current))
        if text:
            self.blocks.append(text)
        self.current = []


def page_sentences(html: str) -> list[str]:
    """Return the sentences of a page's main content (at least three words each)."""
    parser = _Blocks()
    parser.feed(html)
    parser._flush()
    return [s for block in parser.blocks for s in SENTENCE_END.split(block) if len(s.split()) >= 3]


def poppler_text(pdf: Path) -> str:
    """Return pdftotext's reading of the PDF (its reading order, as Evince gets it)."""
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def mupdf_text(pdf: Path) -> str:
    """Return MuPDF's plain-text extraction of every page."""
    import pymupdf

    with pymupdf.open(pdf) as document:
        return "\n".join(page.get_text("text") for page in document)


def pdfium_text(pdf: Path) -> str:
    """Return PDFium's text of every page (Chrome's PDF viewer builds its accessibility tree from it)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()


def _cmap(font) -> dict[int, str]:
    """Return a Type 0 font's ToUnicode map: glyph code → text (WeasyPrint writes bfchar lines)."""
    if "/ToUnicode" not in font:
        return {}
    data = font.ToUnicode.read_bytes().decode("latin-1")
    found = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
            found[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be", "replace")
    return found


def _decode(value) -> str:
    """Return the text of a PDF string (UTF-16 with a byte-order mark, else PDFDocEncoding)."""
    raw = bytes(value)
    return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else str(value)


def _marked_texts(page: pikepdf.Page) -> dict[int, str]:
    """Return, per MCID of a page, the text of its marked content in content order."""
    cmaps = {name: _cmap(font) for name, font in page.Resources.get("/Font", {}).items()}
    texts: dict[int, list[str]] = {}
    stack: list[tuple[int | None, str | None]] = []  # (mcid, actual text) of each open sequence
    font: dict[int, str] = {}
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            props = operands[1] if op == "BDC" and len(operands) > 1 else None
            mcid = int(props.MCID) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None
            actual = _decode(props.ActualText) if isinstance(props, pikepdf.Dictionary) and "/ActualText" in props else None
            if mcid is None and stack:
                mcid = stack[-1][0]
            if actual is not None and mcid is not None and not any(a is not None for _, a in stack):
                texts.setdefault(mcid, []).append(actual)
            stack.append((mcid, actual))
        elif op == "EMC" and stack:
            stack.pop()
        elif op == "Tf":
            font = cmaps.get(str(operands[0]), {})
        elif op in ("Tj", "TJ") and stack and stack[-1][0] is not None:
            if any(a is not None for _, a in stack):
                continue  # the ActualText stands for these glyphs
            strings = [operands[0]] if op == "Tj" else [s for s in operands[0] if isinstance(s, pikepdf.String)]
            for string in strings:
                raw = bytes(string)
                texts.setdefault(stack[-1][0], []).append(
                    "".join(font.get(int.from_bytes(raw[i:i + 2], "big"), "") for i in range(0, len(raw) - 1, 2)))
    return {mcid: "".join(parts) for mcid, parts in texts.items()}


def structure_text(pdf: Path) -> str:
    """Return the text of the structure tree, element by element in tree order."""
    with pikepdf.open(pdf) as document:
        pages = {page.objgen: _marked_texts(page) for page in document.pages}
        out: list[str] = []

        def walk(element, page_key):
            if isinstance(element, int):
                out.append(pages.get(page_key, {}).get(element, ""))
                return
            if isinstance(element, pikepdf.Array):
                for kid in element:
                    walk(kid, page_key)
                return
            if not isinstance(element, pikepdf.Dictionary):
                return
            if "/Pg" in element:
                page_key = element.Pg.objgen
            if element.get("/Type") == "/MCR":
                out.append(pages.get(element.Pg.objgen if "/Pg" in element else page_key, {}).get(int(element.MCID), ""))
                return
            if "/ActualText" in element:
                out.append(_decode(element.ActualText))
                return
            if "/K" in element:
                walk(element.K, page_key)
            if element.get("/S") in ("/P", "/H1", "/H2", "/H3", "/LI", "/TD", "/TH"):
                out.append("\n")

        walk(document.Root.StructTreeRoot.K, None)
        return "".join(out)


def structure_blocks(pdf: Path) -> list[str]:
    """Return the /ActualText of every structure element that has one, in tree order."""
    with pikepdf.open(pdf) as document:
        found: list[str] = []

        def walk(node):
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    walk(kid)
            elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") != "/MCR":
                if "/ActualText" in node:
                    found.append(normalized(_decode(node.ActualText)))
                elif "/K" in node:
                    walk(node.K)

        walk(document.Root.StructTreeRoot.K)
        return found


def glyph_text(pdf: Path) -> str:
    """Return the text of every glyph drawn visibly, once each, through its font's ToUnicode map.

    What a reader that ignores /ActualText gets at most: a Nastaliq glyph that shares a cluster
    maps to the whole cluster, so in Urdu this holds more letters than the text itself.
    """
    out: list[str] = []
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            cmaps = {name: _cmap(font) for name, font in page.Resources.get("/Font", {}).items()}
            font: dict[int, str] = {}
            invisible = False
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op == "Tf":
                    font = cmaps.get(str(operands[0]), {})
                elif op == "Tr":
                    invisible = int(operands[0]) == 3
                elif op in ("Tj", "TJ") and not invisible:
                    strings = [operands[0]] if op == "Tj" else [s for s in operands[0] if isinstance(s, pikepdf.String)]
                    for string in strings:
                        raw = bytes(string)
                        out.append("".join(font.get(int.from_bytes(raw[i:i + 2], "big"), "")
                                           for i in range(0, len(raw) - 1, 2)))
    return "".join(out)


READERS = {"poppler": poppler_text, "mupdf": mupdf_text, "pdfium": pdfium_text, "structure": structure_text}


PRINTED_ADDRESS = re.compile(r" ?\(https?://[^)]*\)")  # the flyer prints a link's address after it


def found_share(sentences: list[str], text: str) -> tuple[float, list[str]]:
    """Return the share of sentences found verbatim in ``text`` and those missing."""
    flat = PRINTED_ADDRESS.sub("", normalized(text))
    missing = [s for s in sentences if s not in flat]
    return (1 - len(missing) / len(sentences)) if sentences else 0.0, missing
