"""Every page of every PDF a citizen gets names its language, in itself and in Danish."""

from __future__ import annotations

import subprocess

import pytest
from babel import Locale

from helpers import sample_languages
from pdf_referees import normalized

KINDS = (".pdf", ".flyer.pdf", ".bilingual.pdf")


@pytest.mark.parametrize("lang", ["da", *sample_languages()])
def test_every_pdf_page_carries_the_language_label(built_site, lang):
    locale = Locale.parse(lang)
    endonym, danish = locale.get_display_name(lang), locale.get_display_name("da")
    pdfs = [p for p in sorted((built_site / lang).glob("*.pdf"))]
    assert {kind for p in pdfs for kind in KINDS if p.name.endswith(kind)} >= (
        set(KINDS) if lang != "da" else {".pdf", ".flyer.pdf"})
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        pages = [normalized(page) for page in text.split("\f")[:-1]]
        assert pages, pdf
        for number, page in enumerate(pages, 1):
            assert endonym.lower() in page.lower(), (pdf, number)
            if lang != "da":
                assert danish.lower() in page.lower(), (pdf, number, danish)
