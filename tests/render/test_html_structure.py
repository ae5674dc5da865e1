"""The structure issue 3 asks of every page: landmarks, one h1, skip link, languages."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.render.ui import extract_ui_messages, po_file, UI_LANGUAGES
from babel.messages.pofile import read_po


def guide_pages(output: Path) -> list[Path]:
    return sorted(p for p in output.glob("*/*.html") if p.name != "index.html")


def test_every_page_has_landmarks_one_h1_and_a_skip_link(built_site):
    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text("utf-8")
        for tag in ("<header", "<main id=\"main\"", "<footer"):
            assert tag in html, (path, tag)
        assert len(re.findall(r"<h1[\s>]", html)) == 1, path
        assert 'class="skip" href="#main"' in html, path
        assert "<script" not in html, path
        assert re.search(r'<html lang="[a-z]{2}" dir="(ltr|rtl)">', html), path


def test_guide_pages_link_languages_pdf_and_canonical(built_site):
    for path in guide_pages(built_site):
        html = path.read_text("utf-8")
        lang, slug = path.parent.name, path.stem
        assert f'<link rel="canonical" href="https://example.org/guides/{lang}/{slug}.html">' in html
        assert f'hreflang="{lang}"' in html
        for link in re.findall(r"<nav class=\"languages\".*?</nav>", html, re.DOTALL):
            for anchor in re.findall(r"<a [^>]*>", link):
                assert "hreflang=" in anchor and " lang=" in anchor and " dir=" in anchor
        if (path.parent / f"{slug}.pdf").is_file():
            assert re.search(rf'href="{slug}.pdf"[^>]*>[^<]*\(\d[\d.,]* kB\)', html), path


def test_rtl_pages_isolate_phone_numbers_and_email(built_site):
    for lang in ("ar", "ur"):
        for path in guide_pages(built_site / lang) if (built_site / lang).is_dir() else []:
            html = path.read_text("utf-8")
            assert 'dir="rtl"' in html
            assert re.search(r'<a href="tel:[^"]+" dir="ltr">', html), path


def test_ui_catalog_template_is_up_to_date():
    with (po_file("da").parents[2] / "messages.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert template == {msgid for msgid, _ in extract_ui_messages()}, \
        "regenerate pipeline/locale/messages.pot and the PO files"


def test_ui_catalogs_translate_every_message():
    expected = {msgid for msgid, _ in extract_ui_messages()}
    for lang in UI_LANGUAGES:
        with po_file(lang).open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        done = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
        assert expected <= done, (lang, sorted(expected - done))
