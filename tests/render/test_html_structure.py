"""The structure issue 3 asks of every page: landmarks, one h1, skip link, languages."""

from __future__ import annotations

import re
import subprocess
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
        if path.name != "index.html" or path.parent == built_site:  # a language index: test_kiosk
            assert "<script" not in html, path
        assert re.search(r'<html lang="[a-z]{2}" dir="(ltr|rtl)">', html), path


def test_guide_pages_link_languages_pdf_and_canonical(built_site):
    pages = guide_pages(built_site)
    assert pages, "the sample built no guide page"
    for path in pages:
        html = path.read_text("utf-8")
        lang, slug = path.parent.name, path.stem
        assert f'<link rel="canonical" href="https://example.org/guides/{lang}/{slug}.html">' in html
        assert f'hreflang="{lang}"' in html
        for link in re.findall(r"<nav class=\"languages\".*?</nav>", html, re.DOTALL):
            for anchor in re.findall(r"<a [^>]*>", link):
                assert "hreflang=" in anchor and " lang=" in anchor and " dir=" in anchor
        assert (path.parent / f"{slug}.pdf").is_file(), f"{path} has no PDF flyer beside it"
        assert re.search(rf'href="{slug}.pdf"[^>]*>[^<]*\(\d[\d.,]* kB\)', html), path


def test_rtl_pages_isolate_phone_numbers_and_email(built_site):
    for lang in ("ar", "ur"):
        pages = [p for p in guide_pages(built_site) if p.parent.name == lang]
        assert pages, f"the sample built no {lang} guide page"
        phones = 0
        for path in pages:
            html = path.read_text("utf-8")
            assert f'<html lang="{lang}" dir="rtl">' in html, path
            contacts = re.findall(r'<a href="(?:tel|mailto):[^"]+"[^>]*>', html)
            assert contacts, f"{path} has no phone or e-mail link"
            for anchor in contacts:
                assert ' dir="ltr"' in anchor, (path, anchor)
            phones += sum(anchor.startswith('<a href="tel:') for anchor in contacts)
        assert phones, f"no {lang} page has a phone link"  # every sample guide but one has a phone


def test_ui_catalog_template_is_up_to_date():
    with (po_file("da").parents[2] / "messages.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert template == {msgid for msgid, _ in extract_ui_messages()}, \
        "regenerate pipeline/locale/messages.pot and the PO files"


def test_ui_catalogs_translate_every_message():
    expected = {msgid for msgid, _ in extract_ui_messages()}
    assert {"da", "en", "tr", "ar", "ur", "so", "fa", "uk", "ti"} <= set(UI_LANGUAGES)
    for lang in UI_LANGUAGES:
        with po_file(lang).open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        done = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
        assert expected <= done, (lang, sorted(expected - done))


def test_every_page_and_pdf_links_the_accessibility_statement(built_site):
    url = "https://example.org/tilgaengelighed/"  # the sample's ligetil.toml
    pages, pdfs = sorted(built_site.rglob("*.html")), sorted(built_site.rglob("*.pdf"))
    assert pages and pdfs
    for path in pages:
        footer = path.read_text("utf-8").split('<footer class="site-footer">', 1)[1]
        assert f'<a href="{url}">' in footer, path
    for path in pdfs:
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "example.org/tilgaengelighed/" in " ".join(text.split()).replace("/ ", "/"), path
