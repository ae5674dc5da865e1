"""Masking protected tokens, restoring them, and verifying drafts."""

from __future__ import annotations

import pytest

from pipeline.translate.masking import MaskError, mask, restore, verify

TERMS = ("MitID", "Borgerservice")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Log ind med **MitID** nu.", ["**", "MitID", "**"]),
        ("Se [borger.dk](https://www.borger.dk) i dag.", ["[", "](https://www.borger.dk)"]),
        ("Kør `ligetil build` og se ![Kort over byen](kort.png).", ["`ligetil build`", "![Kort over byen](kort.png)"]),
        ("Ring +45 33 66 33 66 eller 33 66 33 66.", ["+45 33 66 33 66", "33 66 33 66"]),
        ("Skriv til madservice@kk.dk eller <https://kk.dk/mad>.", ["madservice@kk.dk", "<https://kk.dk/mad>"]),
        ("Læs https://www.kk.dk/madservice.", ["https://www.kk.dk/madservice"]),
        ("Senest 2026-11-01 eller 01.11.2026 kl. 9.30–15.00.", ["2026-11-01", "01.11.2026", "9.30–15.00"]),
        ("Det koster 1.250,50 kr. for 2 uger, kl. 8–15.", ["1.250,50", "2", "8–15"]),
        ("Gå til Borgerservice, ikke Borgerservicecentret.", ["Borgerservice"]),
        ("Skriv *kursiv* og _også_ men ikke snake_case eller 5 * 3.", ["*", "*", "_", "_", "5", "3"]),
    ],
)
def test_mask_finds_protected_tokens_and_restore_is_exact(text, tokens):
    masked = mask(text, TERMS)
    assert list(masked.tokens) == tokens
    assert [masked.placeholder(i) in masked.text for i in range(len(tokens))] == [True] * len(tokens)
    assert restore(masked, masked.text) == text
    verify(text, text, TERMS)


def test_link_text_is_translated_but_the_url_is_masked():
    masked = mask("Se [din side](https://borger.dk/side) nu.", TERMS)
    assert "din side" in masked.text
    assert "borger.dk" not in masked.text


def test_restore_glues_markup_back_after_the_engine_moved_spaces():
    masked = mask("Det er **vigtigt** at ringe.", TERMS)
    assert masked.text == "Det er ZQ1 vigtigt ZQ2 at ringe."
    assert restore(masked, "It is ZQ1  important ZQ2 to call.") == "It is **important** to call."


def test_restore_accepts_reordered_atoms():
    masked = mask("Ring 33 66 33 66 eller skriv til a@kk.dk.", TERMS)
    assert restore(masked, "Write to ZQ2 or call ZQ1.") == "Write to a@kk.dk or call 33 66 33 66."


@pytest.mark.parametrize(
    ("draft", "problem"),
    [
        ("It is important ZQ2 to call.", r"lost '\*\*'"),
        ("It is ZQ1 important ZQ2 ZQ2 to call.", "repeats"),
        ("It is ZQ1 important ZQ3 to call.", "unknown placeholder"),
        ("It is ZQ2 important ZQ1 to call.", "swapped"),
    ],
)
def test_restore_refuses_broken_placeholders(draft, problem):
    masked = mask("Det er **vigtigt** at ringe.", TERMS)
    with pytest.raises(MaskError, match=problem):
        restore(masked, draft)


def test_verify_refuses_invented_numbers_and_lost_terms():
    with pytest.raises(MaskError, match="added '3'"):
        verify("Kom to gange.", "Come 3 times.", TERMS)
    with pytest.raises(MaskError, match="lost 'MitID'"):
        verify("Brug MitID.", "Use your digital ID.", TERMS)


def test_a_prefix_already_in_the_text_is_avoided():
    masked = mask("Koden ZQ9 gælder fra kl. 8.", TERMS)
    assert masked.prefix != "ZQ"
    assert restore(masked, masked.text) == "Koden ZQ9 gælder fra kl. 8."
