"""Numbers by locale: values compared, each read as its language writes it (Babel's CLDR data)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.qa.numbers import compare_numbers, read_number
from pipeline.qa.registry import REGISTRY
from pipeline.qa.translation_checks import CatalogContext

SOURCE = "Vi laver mad til cirka 3.200 borgere hver dag."


def findings(code: str, lang: str, source: str, target: str) -> list[str]:
    return list(REGISTRY[code].func(source, target, CatalogContext(lang)))


@pytest.mark.parametrize(("token", "lang", "value"), [
    ("3.200", "da", Decimal(3200)), ("2,5", "da", Decimal("2.5")), ("3,200", "en", Decimal(3200)),
    ("3.200", "en", Decimal("3.2")), ("3,200", "ar", Decimal(3200)), ("3.200", "tr", Decimal(3200)),
    ("3\u00a0200", "uk", Decimal(3200)), ("3\u202f200", "uk", Decimal(3200)), ("2,5", "uk", Decimal("2.5")),
    ("3,200", "ur", Decimal(3200)), ("3,200", "fa", Decimal(3200)), ("3,200", "so", Decimal(3200)),
    ("3,200", "ti", Decimal(3200)), ("8.30", "da", None), ("2,5", "en", None), ("1.11.2026", "da", None),
])
def test_read_number_as_the_language_writes_it(token: str, lang: str, value: Decimal | None) -> None:
    assert read_number(token, lang) == value


# Translations of SOURCE that keep its value, each written as its language does.
@pytest.mark.parametrize(("lang", "target"), [
    ("en", "We cook for about 3,200 people every day."),
    ("en", "We cook for about 3200 people every day."),
    ("ar", "نعد الطعام لنحو ٣٬٢٠٠ مواطن كل يوم."),
    ("ar", "نعد الطعام لنحو 3,200 مواطن كل يوم."),
    ("ar", "نعد الطعام لنحو \u2066٣٬٢٠٠\u2069 مواطن كل يوم."),
    ("ur", "ہم ہر روز تقریباً 3,200 شہریوں کے لیے کھانا تیار کرتے ہیں۔"),
    ("fa", "ما هر روز برای حدود ۳٬۲۰۰ شهروند غذا درست می‌کنیم."),
    ("tr", "Her gün yaklaşık 3.200 kişiye yemek hazırlıyoruz."),
    ("uk", "Щодня ми готуємо їжу приблизно для 3\u00a0200 мешканців."),
    ("so", "Maalin kasta waxaan cunto u karinaa ku dhawaad 3,200 qof."),
])
def test_the_local_way_of_writing_the_number_passes(lang: str, target: str) -> None:
    assert findings("number-changed", lang, SOURCE, target) == []
    assert findings("number-format", lang, SOURCE, target) == []


@pytest.mark.parametrize(("lang", "target", "message"), [
    ("ar", "نعد الطعام لنحو 3.200 مواطن كل يوم.",
     "3.200 is Danish for 3200, but Arabic reads it as 3.2: write 3,200"),
    ("ur", "ہم ہر روز تقریباً 3.200 شہریوں کے لیے کھانا تیار کرتے ہیں۔",
     "3.200 is Danish for 3200, but Urdu reads it as 3.2: write 3,200"),
    ("en", "We cook for about 3.200 people.", "3.200 is Danish for 3200, but English reads it as 3.2: write 3,200"),
    ("uk", "приблизно для 3.200 мешканців", "3.200 is Danish for 3200, but Ukrainian reads it as 3.2: write 3\u00a0200"),
])
def test_a_danish_number_left_in_the_translation_is_a_format_warning(lang: str, target: str, message: str) -> None:
    assert findings("number-format", lang, SOURCE, target) == [message]
    assert findings("number-changed", lang, SOURCE, target) == []  # the value is right


def test_an_ambiguous_danish_thousand_gets_the_local_form() -> None:
    # "1.500" in Danish is 1500; an English reader sees one and a half.
    assert findings("number-format", "en", "Det koster 1.500 kr.", "It costs DKK 1.500.") == [
        "1.500 is Danish for 1500, but English reads it as 1.5: write 1,500"]


def test_a_danish_decimal_comma_that_english_cannot_read() -> None:
    assert findings("number-format", "en", "Ca. 2,5 km.", "About 2,5 km.") == [
        "2,5 is Danish for 2.5; English writes 2.5"]


@pytest.mark.parametrize(("lang", "target"), [("en", "About 2.5 km."), ("ar", "حوالي ٢٫٥ كم."),
                                              ("tr", "Yaklaşık 2,5 km."), ("uk", "Близько 2,5 км.")])
def test_decimals_pass_in_each_language_s_notation(lang: str, target: str) -> None:
    assert findings("number-changed", lang, "Ca. 2,5 km.", target) == []
    assert findings("number-format", lang, "Ca. 2,5 km.", target) == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_wrong_value_is_still_number_changed(lang: str) -> None:
    assert findings("number-changed", lang, SOURCE, "for about 3,300 people") == [
        "numbers differ from the source: missing 3200; added 3300"]
    assert findings("number-format", lang, SOURCE, "for about 3,300 people") == []


@pytest.mark.parametrize(("lang", "source", "target"), [
    ("en", "Åbent kl. 8.00–15.00.", "Open 8.00–15.00."),
    ("en", "Åbent kl. 8.00–15.00.", "Open 8:00–15:00."),
    ("ar", "Åbent kl. 8.00–15.00.", "مفتوح ٨٫٠٠–١٥٫٠٠."),
    ("ur", "Kom kl. 8.30 den 15. maj.", "۱۵ مئی کو ۸:۳۰ بجے آئیں۔"),
    ("tr", "Kom kl. 8.30.", "Saat 8.30'da gelin."),
    ("en", "Senest 1.11.2026.", "By 1.11.2026."),
    ("en", "Ring på +45 12 34 56 78.", "Call 12 34 56 78."),
    ("en", "Det koster 58 kr.", "It costs DKK 58."),
    ("en", "1. Bestil. 2. Betal.", "1. Order. 2. Pay."),
])
def test_times_dates_phones_and_prices_are_unaffected(lang: str, source: str, target: str) -> None:
    assert findings("number-changed", lang, source, target) == []
    assert findings("number-format", lang, source, target) == []


def test_a_changed_time_names_only_the_changed_digits() -> None:
    assert findings("number-changed", "en", "Åbent kl. 8.00–15.00.", "Open 9.00–15.00.") == [
        "numbers differ from the source: missing 8; added 9"]


@pytest.mark.parametrize("target", ["1.5 km and DKK 1.500", "DKK 1.500 for 1.5 km"])
def test_a_decimal_and_a_danish_thousand_in_one_entry(target: str) -> None:
    # The English 1.5 is the source's 1,5; the 1.500 is then the Danish 1.500, misformatted,
    # in whichever order they come.
    found = compare_numbers("1,5 km og 1.500 kr.", target, "da", "en")
    assert (found.missing, found.added) == ((), ())
    assert [m.written for m in found.misformats] == ["1.500"]


def test_format_findings_come_in_text_order() -> None:
    found = compare_numbers("3.200 og 2,5 og 7.000", "7.000, 2,5 and 3.200", "da", "en")
    assert [m.written for m in found.misformats] == ["7.000", "2,5", "3.200"]
