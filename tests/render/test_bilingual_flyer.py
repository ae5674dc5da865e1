"""The bilingual flyer: the citizen's language beside the Danish, block by block, each in its language."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from helpers import sample_languages
from pdf_checks import assert_pdf_ua_1, text_outside_margins
from pdf_referees import normalized, structure_blocks

from pipeline.render.bilingual import paired_body
from pipeline.render.blocks import top_level_blocks


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def _langs_of_blocks(pdf: Path) -> list[str]:
    """Return the /Lang of each structure element that has one, in tree order."""
    found = []
    with pikepdf.open(pdf) as opened:
        def walk(node):
            if isinstance(node, pikepdf.Dictionary):
                if "/Lang" in node:
                    found.append(str(node.Lang))
                kids = node.get("/K")
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                    walk(kid)
        walk(opened.Root.StructTreeRoot)
    return found


def test_top_level_blocks_keep_each_element_whole():
    html = '<p>a <em>b</em></p>\n<ul>\n<li>x<ul><li>y</li></ul></li>\n</ul>\n<p><img src="i.svg" alt="i"><br>c &amp; d</p>'
    assert top_level_blocks(html) == ["<p>a <em>b</em></p>", "<ul>\n<li>x<ul><li>y</li></ul></li>\n</ul>",
                                      '<p><img src="i.svg" alt="i"><br>c &amp; d</p>']


def test_pairs_put_the_citizens_block_first_and_drop_the_danish_ids():
    body = paired_body('<h1>Mad</h1><h2 id="priser">الأسعار</h2><p>نص</p>',
                       '<h1>Mad</h1><h2 id="priser">Priser</h2><p>Tekst</p>', ("ar", "rtl"), ("da", "ltr"))
    rows = body.split("\n")
    assert len(rows) == 2
    assert rows[0].index('lang="ar" dir="rtl"><h2 id="priser">') < rows[0].index('lang="da" dir="ltr"><h2>Priser')
    assert body.count('id="priser"') == 1


@pytest.mark.parametrize("lang", sample_languages())
def test_every_guide_has_a_bilingual_flyer_in_every_target_language(built_site, lang):
    pages = [p for p in sorted((built_site / lang).glob("*.html")) if p.name != "index.html"]
    assert pages
    for html in pages:
        pdf = html.with_name(html.stem + ".bilingual.pdf")
        assert pdf.exists(), pdf
        assert f'href="{pdf.name}"' in html.read_text(encoding="utf-8")
    assert not list((built_site / "da").glob("*.bilingual.pdf"))


@pytest.mark.parametrize("lang", ["en", "ar", "ur"])
def test_bilingual_flyers_tag_each_danish_block_and_pass_pdf_ua_1(built_site, lang):
    for pdf in sorted((built_site / lang).glob("*.bilingual.pdf")):
        assert_pdf_ua_1(pdf, lang)
        langs = _langs_of_blocks(pdf)
        assert langs.count("da") >= 10, (pdf, langs.count("da"))
        blocks = structure_blocks(pdf)
        assert len(blocks) >= 20


def test_the_bilingual_flyer_prints_the_marked_sections_in_both_languages(built_site):
    text = _text(built_site / "en" / "madservice.bilingual.pdf")
    for both in ("Prices", "Priser", "Mad til dig, der bor hjemme", "Meals for you at home"):
        assert both in text, both
    assert "Our new menu" not in text and "Vores nye menu" not in text


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_bilingual_text_runs_past_the_margins_or_into_the_other_column(built_site, lang):
    pdfs = sorted((built_site / lang).glob("*.bilingual.pdf"))
    assert pdfs
    for pdf in pdfs:
        assert not text_outside_margins(pdf), pdf.name


@pytest.mark.parametrize("lang", sample_languages())
def test_every_bilingual_flyer_holds_both_titles_each_in_its_language(built_site, lang):
    pdfs = sorted((built_site / lang).glob("*.bilingual.pdf"))
    assert pdfs
    for pdf in pdfs:
        slug = pdf.name.removesuffix(".bilingual.pdf")
        titles = {}
        for code in ("da", lang):
            html = (built_site / code / f"{slug}.html").read_text(encoding="utf-8")
            titles[code] = normalized(re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)))
        with pikepdf.open(pdf) as opened:
            document_lang = str(opened.Root.Lang)
        blocks = _texts_with_langs(pdf, document_lang)
        assert (titles["da"], "da") in blocks, (pdf.name, titles["da"])
        assert (titles[lang], lang) in blocks, (pdf.name, titles[lang])


def _texts_with_langs(pdf: Path, document_lang: str) -> set[tuple[str, str]]:
    """Return (text, language) of each structure element with /ActualText, its /Lang inherited."""
    found = set()
    with pikepdf.open(pdf) as opened:
        def walk(node, lang):
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    walk(kid, lang)
            elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") != "/MCR":
                lang = str(node.Lang) if "/Lang" in node else lang
                if "/ActualText" in node:
                    found.add((normalized(str(node.ActualText)), lang))
                if "/K" in node:
                    walk(node.K, lang)
        walk(opened.Root.StructTreeRoot.K, document_lang)
    return found
