"""`ligetil doctor`: each language's script, fonts, rules and models, and what is missing."""

from __future__ import annotations

import json

from helpers import SETTINGS, copy_project, run_ligetil, sample_languages


def test_the_sample_has_everything_its_languages_need(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_ligetil(project, "doctor", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    by_lang = {r["lang"]: r for r in data["languages"]}
    assert sorted(by_lang) == sorted(["da", *sample_languages()]) and data["problems"] == []
    assert by_lang["ti"]["script"] == "Ethiopic" and by_lang["ti"]["pdf_font"] == "Noto Sans Ethiopic"
    assert by_lang["ur"]["script"] == "Arabic" and by_lang["ur"]["direction"] == "rtl"
    assert (by_lang["ur"]["pdf_font"], by_lang["ur"]["web_font"]) == ("Noto Nastaliq Urdu", "Noto Nastaliq Urdu")
    assert by_lang["ar"]["pdf_font"] == "Noto Naskh Arabic"
    assert by_lang["ar"]["plural_forms"].startswith("nplurals=6;")
    assert by_lang["tr"]["machine_drafts"].endswith("ligetil models install da en && ligetil models install en tr")


def test_a_language_whose_font_is_missing_is_named_with_the_fix(tmp_path, latin_fonts_only):
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (root / "ligetil.toml").write_text(SETTINGS.replace('["en", "tr", "ar", "ur"]', '["ti", "zh", "uk"]'),
                                       encoding="utf-8")
    result = run_ligetil(root, "doctor")
    assert result.code == 1
    assert "ti: Noto Sans Ethiopic is not installed (for Ethiopic script); install Debian's fonts-noto-core" \
        in result.err
    assert "zh: " in result.err and "fonts-noto-cjk" in result.err
    assert "uk: " not in result.err and "uk: Cyrillic script, ltr; fonts Noto Sans (PDF)" in result.out
