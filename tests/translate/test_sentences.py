"""The offline sentence splitter."""

from __future__ import annotations

import pytest

from pipeline.translate.sentences import join_sentences, split_sentences


def texts(pieces):
    return [sentence for sentence, _ in pieces]


@pytest.mark.parametrize("abbreviation", ["kl.", "f.eks.", "bl.a.", "nr.", "ca.", "evt.", "jf.", "dvs."])
def test_danish_abbreviations_do_not_end_a_sentence(abbreviation):
    text = f"Vi kommer {abbreviation} Tirsdag med maden. Du betaler bagefter."
    assert texts(split_sentences(text)) == [
        f"Vi kommer {abbreviation} Tirsdag med maden.", "Du betaler bagefter."
    ]


def test_splits_at_sentence_ends_and_keeps_the_whitespace():
    text = 'Ring kl. 8 i dag!  Spørger du? "Ja," siger vi.\nBussen nr. 5C kører.'
    pieces = split_sentences(text)
    assert pieces == [
        ("Ring kl. 8 i dag!", "  "),
        ("Spørger du?", " "),
        ('"Ja," siger vi.', "\n"),
        ("Bussen nr. 5C kører.", ""),
    ]
    assert join_sentences(pieces) == text


def test_ordinal_dates_and_lowercase_continuations_do_not_split():
    text = "Fristen er den 1. november 2026. Husk det."
    assert texts(split_sentences(text)) == ["Fristen er den 1. november 2026.", "Husk det."]


def test_initials_do_not_split():
    assert texts(split_sentences("H. C. Andersen boede her. Han skrev.")) == [
        "H. C. Andersen boede her.", "Han skrev."
    ]


def test_placeholders_after_abbreviations_do_not_split():
    assert texts(split_sentences("Åbent kl. ZQ1 hver dag. Ring ZQ2.")) == ["Åbent kl. ZQ1 hver dag.", "Ring ZQ2."]


def test_empty_text_is_one_empty_sentence():
    assert split_sentences("") == [("", "")]
