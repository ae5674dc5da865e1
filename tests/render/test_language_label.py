"""Every page a citizen gets says its language across a desk, and its PDFs save under a name with it."""

from __future__ import annotations

import re
from pathlib import Path

from babel import Locale
from helpers import tags_of

from pipeline.render.ui import endonym, text_direction

SOURCE = "da"  # the sample's source language: the staff's


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert len(found) > 50, "the sample built too few pages"
    return found


def label_of(text: str) -> str:
    found = re.search(r'<header class="site-header">.*?(<p class="language-label">.*?</p>)', text, re.S)
    assert found, "no language label in the header"
    return found.group(1)


def test_every_page_is_labelled_with_its_own_and_the_danish_name(built_site):
    langs = set()
    for path in pages(built_site):
        text = path.read_text("utf-8")
        lang = re.search(r'<html lang="([^"]+)"', text).group(1)
        langs.add(lang)
        parts = [attrs for tag, attrs in tags_of(label_of(text)) if tag == "span"]
        spans = re.findall(r"<span [^>]*>([^<]*)</span>", label_of(text))
        assert parts[0] == {"lang": lang, "dir": text_direction(lang)} and spans[0] == endonym(lang), path
        if lang == SOURCE:
            assert len(parts) == 1, path
        else:
            assert parts[1] == {"lang": SOURCE, "dir": "ltr"}, path
            assert spans[1] == Locale.parse(lang).get_display_name(SOURCE), path
    assert {"da", "ar", "ur", "ti", "uk"} <= langs


def test_the_label_reads_across_a_desk(built_site, browser):
    page = browser.new_page()
    for lang in ("da", "ar", "ur", "ti"):
        page.goto((built_site / lang / "madservice.html").as_uri())
        sizes = page.locator(".language-label span").evaluate_all(
            "spans => spans.map(s => parseFloat(getComputedStyle(s).fontSize))")
        root = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
        assert sizes and min(sizes) >= 1.25 * 16 and min(sizes) >= 1.25 * root, (lang, sizes)
    page.close()


def test_every_pdf_download_saves_under_a_name_with_its_language(built_site):
    links = 0
    for path in pages(built_site):
        for tag, attrs in tags_of(path.read_text("utf-8")):
            href = attrs.get("href", "")
            if tag != "a" or not href.endswith(".pdf") or path.name == "index.html" and path.parent != built_site:
                continue  # a language index's "Print flyer" opens the PDF instead (test_kiosk)
            target = (path.parent / href).resolve().relative_to(built_site.resolve())
            lang, (slug, kind) = target.parent.name, target.name.split(".", 1)
            expected = {"pdf": f"{slug}.{lang}.pdf", "flyer.pdf": f"{slug}.{lang}.flyer.pdf", "large.pdf": f"{slug}.{lang}.large.pdf",
                        "bilingual.pdf": f"{slug}.da-{lang}.pdf"}[kind]
            assert attrs.get("download") == expected, (path, attrs)
            links += 1
    assert links > 50
