"""The token finders behind the checks: URLs, e-mails, phones, numbers, sentences, LIX."""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline.qa import text
from pipeline.qa.lix import readability, sentences
from pipeline.qa.markup import scheme_of, visible_text


@pytest.mark.parametrize(("written", "tokens"), [
    ("Det koster 1.500 kr.", ["1.500"]), ("kl. 8.00–15.00.", ["8.00", "15.00"]), ("15. maj", ["15"]),
    ("لنحو ٣٬٢٠٠ مواطن", ["3,200"]), ("приблизно 3\u00a0200", ["3\u00a0200"]), ("1, 2 og 3", ["1", "2", "3"]),
])
def test_number_tokens_as_written(written: str, tokens: list[str]) -> None:
    assert text.number_tokens(written) == tokens


def test_number_tokens_leave_out_phones_urls_and_emails() -> None:
    assert text.number_tokens("Ring 33 66 33 66 eller se https://kk.dk/side2 og a1@kk.dk, 3 gange") == ["3"]


@pytest.mark.parametrize("phone", ["33 66 33 66", "+45 33 66 33 66", "0045 3366 3366", "33663366",
                                   "\u2066٣٣ ٦٦ ٣٣ ٦٦\u2069"])
def test_danish_phone_numbers_in_every_spelling(phone: str) -> None:
    assert text.phones(f"Ring {phone}.") == Counter(["33663366"])


def test_a_date_is_not_a_phone_number() -> None:
    assert text.phones("Senest 01-11-2026") == Counter()


def test_urls_from_links_and_bare_text() -> None:
    found = text.urls("Se [siden](https://kk.dk/a_(b)) og www.borger.dk/mad.")
    assert found == Counter(["https://kk.dk/a_(b)", "www.borger.dk/mad"])


def test_emails_ignore_case() -> None:
    assert text.emails("Skriv til Mad@KK.dk.") == Counter(["mad@kk.dk"])


@pytest.mark.parametrize(("target", "scheme"), [
    ("https://kk.dk", "https"), ("JavaScript:alert(1)", "javascript"), ("java\tscript:x", "javascript"),
    ("&#106;avascript:x", "javascript"), ("data:text/html,x", "data"), ("images/kort.png", None),
])
def test_link_schemes_as_a_browser_reads_them(target: str, scheme: str | None) -> None:
    assert scheme_of(target) == scheme


def test_visible_text_drops_markup() -> None:
    assert visible_text("Ring **nu** på [tlf.](tel:+4533663366)") == "Ring nu på tlf."


def test_sentences_do_not_end_at_common_abbreviations() -> None:
    assert sentences("Kom kl. 8 i morgen. Den koster 58 kr. Husk kort!") == [
        "Kom kl. 8 i morgen.", "Den koster 58 kr.", "Husk kort!"]
    # "f.eks." followed by a capital is mid-sentence: only two sentences here.
    assert len(sentences("Ring f.eks. Borgerservice. Husk kortet.")) == 2


def test_lix_formula() -> None:
    counts = readability(["Du får mad hver dag. Kommunen betaler transporten."])
    assert (counts.words, counts.sentences, counts.long_words) == (8, 2, 3)
    assert counts.lix == 8 / 2 + 100 * 3 / 8
