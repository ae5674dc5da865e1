"""Checks the PDF tests share: PDF/UA-1 with the document's language, and text inside the margins."""

from __future__ import annotations

from pathlib import Path

import page
import pikepdf
import pymupdf

MARGIN = 40  # pt from the paper's edge; the flyers' margins are 17 mm (48 pt)


def assert_pdf_ua_1(pdf: Path, lang: str) -> None:
    """Fail unless the PDF passes PDF/UA-1 and declares ``lang`` as its language."""
    report = page.validate_pdf(pdf, profile="ua1")
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]
    with pikepdf.open(pdf) as opened:
        assert str(opened.Root.Lang) == lang


def text_outside_margins(pdf: Path) -> list[str]:
    """Return the text spans that run past a margin, on any page; fail if a page has no text."""
    outside = []
    with pymupdf.open(pdf) as document:
        for sheet in document:
            width = sheet.rect.width
            # The glyphs where they are drawn: a right-to-left line gives MuPDF its /ActualText on one glyph.
            blocks = sheet.get_text("dict", flags=pymupdf.TEXTFLAGS_DICT | pymupdf.TEXT_IGNORE_ACTUALTEXT)["blocks"]
            spans = [s for b in blocks for line in b.get("lines", ())
                     for s in line["spans"] if s["text"].strip("\u200e\u200f ")]
            assert spans, f"{pdf}: a page without text"
            outside += [s["text"] for s in spans if s["bbox"][0] < MARGIN or s["bbox"][2] > width - MARGIN]
    return outside
