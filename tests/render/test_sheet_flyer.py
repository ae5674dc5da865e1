"""The one-sheet flyer: at most two A4 pages, nothing under 10 pt, body 12 pt, the marked sections."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pymupdf
import pytest

from helpers import copy_sample, run_ligetil, sample_languages
from pdf_checks import assert_pdf_ua_1

LANGUAGES = ["da", *sample_languages()]


def _sheets(built_site: Path, lang: str) -> list[Path]:
    found = sorted((built_site / lang).glob("*.flyer.pdf"))
    assert found, f"no flyer in {built_site / lang}"
    return found


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_flyer_is_one_sheet_with_nothing_under_10_pt(built_site, lang):
    for pdf in _sheets(built_site, lang):
        with pymupdf.open(pdf) as document:
            assert 1 <= document.page_count <= 2, pdf
            sizes = [(span["size"], len(span["text"].strip())) for p in document
                     for block in p.get_text("dict")["blocks"] for line in block.get("lines", ())
                     for span in line["spans"] if span["text"].strip()]
        assert sizes, pdf
        assert min(size for size, _ in sizes) >= 9.95, (pdf, sorted(sizes)[:3])
        letters = sum(n for _, n in sizes)
        body = sum(n for size, n in sizes if size >= 11.95)
        assert body / letters >= 0.85, f"{pdf}: only {body / letters:.0%} of the text at 12 pt or more"


@pytest.mark.parametrize("lang", ["da", "en", "ar", "ur"])
def test_flyers_pass_pdf_ua_1_and_print_the_address_of_their_qr_code(built_site, lang):
    for pdf in _sheets(built_site, lang):
        assert_pdf_ua_1(pdf, lang)
        assert f"example.org/guides/{lang}/{pdf.name.removesuffix('.flyer.pdf')}.html" in \
            _text(pdf).replace("\n", ""), pdf


def test_a_marked_flyer_prints_exactly_the_marked_sections(built_site):
    text = _text(built_site / "en" / "madservice.flyer.pdf")
    for marked in ("Who can get the meal service?", "Prices", "Order, change or cancel"):
        assert marked in text
    for unmarked in ("Our new menu", "Join a user group", "Contact us"):
        assert unmarked not in text
    full = _text(built_site / "en" / "madservice.pdf")
    assert "Our new menu" in full  # the whole guide stays its own PDF


def test_an_unmarked_flyer_takes_the_first_sections_that_fit(built_site):
    text = _text(built_site / "en" / "videotolkning.flyer.pdf")
    assert "What is video interpreting?" in text
    assert "If something goes wrong" not in text  # the guide's last section does not fit


def test_the_page_links_its_flyer_with_its_size(built_site):
    for lang in LANGUAGES:
        for html in sorted((built_site / lang).glob("*.html")):
            if html.name == "index.html":
                continue
            flyer = html.with_suffix(".flyer.pdf")
            assert f'<a href="{flyer.name}" type="application/pdf" download=' in html.read_text(encoding="utf-8"), html


def _mark(project: Path, sections: str) -> Path:
    guide = project / "content" / "madservice.md"
    text = guide.read_text(encoding="utf-8")
    start = text.index("flyer:")
    end = text.index("---", start)
    guide.write_text(text[:start] + sections + text[end:], encoding="utf-8")
    return guide


def test_marked_sections_that_need_more_than_a_sheet_fail_at_the_key(tmp_path):
    project = copy_sample(tmp_path / "p", languages=("en",))
    all_sections = [line[3:].split(" {")[0] for line in (project / "content" / "madservice.md")
                    .read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
    assert len(all_sections) >= 6
    _mark(project, "flyer:\n" + "".join(f"  - {name}\n" for name in all_sections))
    line = next(n for n, text in enumerate((project / "content" / "madservice.md").read_text(
        encoding="utf-8").splitlines(), 1) if text.startswith("flyer:"))
    result = run_ligetil(project, "build")
    assert result.code != 0
    assert f"content/madservice.md:{line}: flyer in en needs 3 pages, at most 2" in result.out + result.err
    assert "Traceback" not in result.out + result.err
    assert not (project / "output" / "en" / "madservice.flyer.pdf").exists()


def test_a_marked_section_the_guide_lacks_is_named(tmp_path):
    project = copy_sample(tmp_path / "p", languages=("en",))
    _mark(project, "flyer:\n  - Priser\n  - Åbningstider\n")
    result = run_ligetil(project, "build", "--format", "flyer")
    assert result.code != 0
    assert "content/madservice.md:" in result.out + result.err
    assert "'Åbningstider' is no section of this guide" in result.out + result.err


def test_a_flyer_key_that_is_no_list_is_refused_with_its_line(tmp_path):
    project = copy_sample(tmp_path / "p", languages=("en",))
    _mark(project, "flyer: 3\n")
    result = run_ligetil(project, "build")
    assert result.code != 0
    assert "'flyer' must be a list of section headings" in result.out + result.err


def test_an_unmarked_guide_whose_opening_is_too_long_gets_the_start_of_it(tmp_path):
    project = copy_sample(tmp_path / "p", languages=("en",))
    guide = project / "content" / "madservice.md"
    text = guide.read_text(encoding="utf-8")
    start = text.index("flyer:")
    text = text[:start] + text[text.index("---", start):]  # unmarked
    head, body = text.split("\n---\n", 1)
    paragraphs = "".join(f"Punkt nummer {n} i en lang tekst uden afsnit.\n\n" for n in range(1, 90))
    guide.write_text(head + "\n---\n# Mad til dig, der bor hjemme\n\n" + paragraphs, encoding="utf-8")
    result = run_ligetil(project, "build", "--format", "flyer", "--lang", "da")
    assert result.code == 0, result.out + result.err
    with pymupdf.open(project / "output" / "da" / "madservice.flyer.pdf") as document:
        assert document.page_count <= 2
        text = "".join(p.get_text() for p in document)
    assert "Punkt nummer 1 " in text and "Punkt nummer 89 " not in text


def test_a_section_named_by_its_id_in_capitals_is_found():
    from pipeline.render.sheet import marked_body

    body = '<p>intro</p><h2 id="priser">Priser</h2><p>58 kr.</p><h2 id="kontakt">Kontakt</h2><p>x</p>'
    assert marked_body(body, ["#Priser"], "content/x.md", 3) == '<p>intro</p><h2 id="priser">Priser</h2><p>58 kr.</p>'
