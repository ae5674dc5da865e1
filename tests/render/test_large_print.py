"""Large print: every guide in every language, body 18 pt and nothing smaller, lines 1.5 apart, PDF/UA-1."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from helpers import sample_languages
from pdf_checks import assert_pdf_ua_1, text_outside_margins

from pipeline.render.pdf import flyer_html

LANGUAGES = ["da", *sample_languages()]
REPO = Path(__file__).resolve().parents[2]
CSS = REPO / "pipeline" / "render" / "static" / "flyer.css"


def _large(built_site: Path, lang: str) -> list[Path]:
    found = sorted((built_site / lang).glob("*.large.pdf"))
    pages = [p for p in (built_site / lang).glob("*.html") if p.name != "index.html"]
    assert found and len(found) == len(pages), (lang, len(found), len(pages))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_large_print_has_no_text_under_18_pt(built_site, lang):
    sizes = []
    for pdf in _large(built_site, lang):
        with pymupdf.open(pdf) as document:
            sizes += [(span["size"], span["text"], pdf.name, number) for number, sheet in enumerate(document, 1)
                      for block in sheet.get_text("dict")["blocks"] for line in block.get("lines", ())
                      for span in line["spans"] if span["text"].strip("\u200e\u200f ")]
    assert sizes, lang
    assert min(sizes)[0] >= 17.95, min(sizes)


@pytest.mark.parametrize("lang", ["da", "en", "tr", "ar", "ur"])
def test_large_print_lines_are_at_least_1_5_font_sizes_apart(lang):
    """Measured in WeasyPrint's layout: glyph origins cannot say where a Nastaliq line is."""
    import weasyprint
    from weasyprint.formatting_structure import boxes

    from render.test_pdf_flyer import make_context, make_env  # the sample guide's page context

    html = flyer_html(make_context(lang), make_env(lang), large=True)
    document = weasyprint.HTML(string=html, base_url=(REPO / "content").as_uri() + "/").render()
    ratios = []

    def walk(box):
        lines = [child for child in getattr(box, "children", ()) if isinstance(child, boxes.LineBox)]
        ratios.extend((b.position_y - a.position_y) / box.style["font_size"] for a, b in zip(lines, lines[1:]))
        for child in getattr(box, "children", ()):
            if not isinstance(child, boxes.LineBox):
                walk(child)

    for page_ in document.pages:
        walk(page_._page_box)
    assert len(ratios) >= 5, lang
    assert min(ratios) >= 1.5 - 1e-3, sorted(ratios)[:5]


def test_no_large_print_text_runs_past_the_margins(built_site):
    for lang in ("da", "ar"):
        for pdf in _large(built_site, lang):
            assert not text_outside_margins(pdf), pdf.name


def test_large_print_is_never_justified():
    css = CSS.read_text(encoding="utf-8")
    assert "body.large" in css
    assert not re.search(r"text-align:\s*justify", css)


@pytest.mark.parametrize("lang", ["da", "en", "ar", "ur"])
def test_large_print_passes_pdf_ua_1_and_is_linked_from_its_page(built_site, lang):
    for pdf in _large(built_site, lang):
        assert_pdf_ua_1(pdf, lang)
        html = pdf.with_name(pdf.name.removesuffix(".large.pdf") + ".html").read_text(encoding="utf-8")
        assert f'href="{pdf.name}"' in html
