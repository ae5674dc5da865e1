"""Each translation check: one failing and one passing example."""

from __future__ import annotations

import pytest

from pipeline.catalog.entries import EntryView
from pipeline.qa.registry import REGISTRY
from pipeline.qa.translation_checks import CatalogContext

# code, language, source, a translation that fails, a translation that passes
CASES = [
    ("url-changed", "en", "Se [borger.dk](https://www.borger.dk/mad).",
     "See [borger.dk](https://www.borger.dk/food).", "See [borger.dk](https://www.borger.dk/mad)."),
    ("url-changed", "en", "Læs mere på https://kk.dk/mad.", "Read more on the website.",
     "Read more at https://kk.dk/mad."),
    ("email-changed", "en", "Skriv til mad@kk.dk.", "Write to food@kk.dk.", "Write to MAD@kk.dk."),
    ("phone-changed", "en", "Ring på 33 66 33 66.", "Call 33 66 33 67.", "Call +45 33 66 33 66."),
    ("phone-changed", "ar", "Ring på 33 66 33 66.", "اتصل على ٣٣ ٦٦ ٣٣ ٦٠.",
     "اتصل على \u2066٣٣ ٦٦ ٣٣ ٦٦\u2069."),
    ("number-changed", "en", "Det koster 1.500 kr. om måneden.", "It costs DKK 1,600 a month.",
     "It costs DKK 1,500 a month."),
    ("number-changed", "ur", "Kom kl. 8.30 den 15. maj.", "۱۵ مئی کو ۹:۳۰ بجے آئیں۔",
     "۱۵ مئی کو ۸:۳۰ بجے آئیں۔"),
    ("raw-html", "en", "Husk dit **sygesikringskort**.", "Bring your <b>health card</b>.",
     "Bring your **health card**."),
    ("raw-html", "en", "Husk kortet.", "Bring the card.<script>alert(1)</script>", "Bring the card."),
    ("unsafe-link", "en", "Se [siden](https://kk.dk).", "See [the page](javascript:alert(1)).",
     "See [the page](https://kk.dk)."),
    ("unsafe-link", "en", "Se [siden](https://kk.dk).", "See [the page](jav&#x61;script:x).",
     "See [the page](https://kk.dk)."),
    ("attribute-list", "tr", "Vi laver mad.", 'Yemek yapıyoruz.\n{: onclick="alert(1)" }',
     "Yemek yapıyoruz."),
    ("attribute-list", "en", "## Priser {#priser}", "## Prices {#priser}{onmouseover=x}",
     "## Prices {#priser}"),
    ("markup", "en", "Husk dit **sygesikringskort**.", "Bring your health card.",
     "Bring your **health card**."),
    ("markup", "en", "Skriv `CPR` her.", "Write CPR here.", "Write `CPR` here."),
    ("markup", "en", "Første linje  \nanden linje", "First line second line", "First line  \nsecond line"),
    ("markup", "en", "![Et kort](kort.png)", "![](kort.png)", "![A map](kort.png)"),
    ("whitespace", "en", "Kontakt", " Contact", "Contact"),
    ("whitespace", "en", "Kontakt", "Contact ", "Contact"),
    ("blank-line", "en", "Bor du hjemme? Så kan du få mad.", "Do you live at home?\n\nThen you can get meals.",
     "Do you live at home?\nThen you can get meals."),
    ("blank-line", "en", "Bor du hjemme?", "Do you live at home?\n \t\nYes.", "Do you live at home?"),
    ("end-punctuation", "en", "Hvad koster det?", "What does it cost.", "What does it cost?"),
    ("end-punctuation", "en", "Kontakt", "Contact.", "Contact"),
    ("end-punctuation", "ar", "Hvad koster det?", "كم يكلف?", "كم يكلف؟"),
    # Ethiopic script has its own full stop (U+1362), known by its Unicode name
    ("end-punctuation", "ti", "Vi bringer maden hjem.", "ምግቢ ናብ ገዛኹም ነብጽሕ", "ምግቢ ናብ ገዛኹም ነብጽሕ።"),
    ("end-punctuation", "ti", "Vi bringer maden hjem.", "ምግቢ ናብ ገዛኹም ነብጽሕ.", "ምግቢ ናብ ገዛኹም ነብጽሕ።"),
    ("end-punctuation", "ur", "Du får et brev.", "آپ کو ایک خط ملے گا.", "آپ کو ایک خط ملے گا۔"),
    ("end-punctuation", "ur", "Hvad koster det?", "اس کی قیمت کیا ہے?", "اس کی قیمت کیا ہے؟"),
    ("identical", "en", "Du får et brev.", "Du får et brev.", "You get a letter."),
    ("length-ratio", "en", "Du kan få mad bragt hjem, hvis du ikke selv kan lave mad.", "Food.",
     "You can get food delivered if you cannot cook yourself."),
    ("length-ratio", "tr", "Du får et brev med svaret.",
     "Cevabı içeren bir mektup alırsınız ve bu mektupta başka birçok bilgi de bulunur, lütfen dikkatle okuyun.",
     "Cevabı içeren bir mektup alırsınız."),
]


@pytest.mark.parametrize(("code", "lang", "source", "bad", "good"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_pair_check_fails_and_passes(code: str, lang: str, source: str, bad: str, good: str) -> None:
    ctx = CatalogContext(lang, nplurals=2, protected_terms=("MitID",))
    func = REGISTRY[code].func
    assert list(func(source, bad, ctx)), f"{code} should flag {bad!r}"
    assert list(func(source, good, ctx)) == [], f"{code} should accept {good!r}"


@pytest.mark.parametrize("source", ["Københavns Madservice", "MitID", "[borger.dk](https://borger.dk)",
                                    "33 66 33 66", "mad@kk.dk", "2026", "https://kk.dk"])
def test_identical_is_fine_for_names_numbers_and_links(source: str) -> None:
    ctx = CatalogContext("en", protected_terms=("MitID",))
    assert list(REGISTRY["identical"].func(source, source, ctx)) == []


def test_identical_is_fine_in_the_source_language() -> None:
    assert list(REGISTRY["identical"].func("Du får et brev.", "Du får et brev.", CatalogContext("da"))) == []


@pytest.mark.parametrize(("source", "target"), [("58 kr.", "DKK 58"), ("Mad, drikke osv.", "Food, drink etc.")])
def test_end_punctuation_ignores_a_closing_abbreviation(source: str, target: str) -> None:
    assert list(REGISTRY["end-punctuation"].func(source, target, CatalogContext("en"))) == []


def test_arabic_indic_digits_equal_ascii_digits() -> None:
    ctx = CatalogContext("ar")
    assert list(REGISTRY["number-changed"].func("Åbent kl. 8-15.", "مفتوح من ٨ إلى ١٥.", ctx)) == []


def _plural(*forms: str) -> EntryView:
    return EntryView("%d dag", "%d dage", forms, 10, False, ())


def test_plural_forms_count_must_match_the_catalog() -> None:
    check = REGISTRY["plural-forms"].func
    assert list(check(_plural("يوم", "يومان"), CatalogContext("ar", nplurals=6)))
    assert list(check(_plural(*["يوم"] * 6), CatalogContext("ar", nplurals=6))) == []


def test_plural_forms_must_not_be_empty() -> None:
    check = REGISTRY["plural-forms"].func
    assert list(check(_plural("day", ""), CatalogContext("en", nplurals=2)))
    assert list(check(EntryView("dag", "", ("day",), 3, False, ()), CatalogContext("en"))) == []


@pytest.mark.parametrize("target", ["1. Adım: **başvurun**", "# Önemli: **başvurun**"])
def test_block_syntax_in_a_translation_stays_text(target: str) -> None:
    # The build swaps a msgstr into its block after block parsing: "1. " is not a list there.
    assert list(REGISTRY["markup"].func("Trin 1: **søg**", target, CatalogContext("tr"))) == []
