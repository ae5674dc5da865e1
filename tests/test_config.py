"""Settings: every problem reported at once with its key path, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import parse_settings
from pipeline.errors import ConfigError


def test_valid_settings_load():
    settings = parse_settings(
        '[project]\nname = "K"\nsource_language = "da"\nlanguages = ["en", "ar"]\n'
        'base_url = "https://example.org/g"\n[publish]\nmin_reviewed = 1.0\n', Path("/p"))
    assert settings.languages == ("en", "ar")
    assert settings.base_url == "https://example.org/g/"
    assert settings.min_reviewed == 1.0


def test_every_problem_is_reported_together():
    text = ('[project]\nname = ""\nsource_language = "da"\nlanguages = ["en", "qq", "en"]\n'
            'base_url = "ftp://x"\n[publish]\nmin_reviewed = 2\n[extra]\n')
    with pytest.raises(ConfigError) as caught:
        parse_settings(text, Path("/p"))
    message = str(caught.value)
    for expected in ("ligetil.toml: extra: unknown section",
                     "ligetil.toml: project.name: must be a non-empty string",
                     "ligetil.toml: project.languages[1]: unknown language code 'qq'",
                     "ligetil.toml: project.languages: lists a language twice",
                     "ligetil.toml: project.base_url: must start with http",
                     "ligetil.toml: publish.min_reviewed: must be a number from 0 to 1"):
        assert expected in message
    assert caught.value.exit_code == 2


def test_toml_syntax_error_is_a_config_error():
    with pytest.raises(ConfigError, match="not valid TOML"):
        parse_settings("[project\n", Path("/p"))


BASE = '[project]\nname = "K"\nsource_language = "da"\nlanguages = ["fa", "ur"]\nbase_url = "https://e.org/"\n'


def test_fonts_are_set_by_language_or_script_for_both_media_or_each():
    settings = parse_settings(BASE + '[fonts]\nfa = "Vazirmatn"\nEthi = "Noto Serif Ethiopic"\n'
                              'ur = {web = "Noto Nastaliq Urdu", pdf = "Noto Naskh Arabic"}\n', Path("/p"))
    assert settings.fonts == (("Ethi", "Noto Serif Ethiopic", "Noto Serif Ethiopic"), ("fa", "Vazirmatn", "Vazirmatn"),
                              ("ur", "Noto Nastaliq Urdu", "Noto Naskh Arabic"))


def test_a_wrong_fonts_entry_names_its_key():
    with pytest.raises(ConfigError) as caught:
        parse_settings(BASE + '[fonts]\nxx = "Noto Sans"\nfa = 3\nur = {screen = "X"}\n', Path("/p"))
    message = str(caught.value)
    assert "ligetil.toml: fonts.xx: is neither a language code (fa) nor a script (Arab, Arabic)" in message
    assert "ligetil.toml: fonts.fa: must be a font family" in message
    assert "ligetil.toml: fonts.ur: must be a font family" in message


def test_an_unknown_code_that_babel_knows_by_another_name_says_which():
    with pytest.raises(ConfigError, match=r"unknown language code 'prs' \(Babel knows it as 'fa_AF'\)"):
        parse_settings(BASE.replace('["fa", "ur"]', '["prs"]'), Path("/p"))


PROJECT = '[project]\nname = "K"\nsource_language = "da"\nlanguages = ["en"]\n'


def test_format_requests_takes_an_address_a_citizen_can_use():
    for address in ("mailto:tilgaengelighed@kk.dk", "tel:+4533663366", "https://kk.dk/formater"):
        settings = parse_settings(f'{PROJECT}[site]\nformat_requests = "{address}"\n', Path("/p"))
        assert settings.format_requests == address
    assert parse_settings(PROJECT, Path("/p")).format_requests == ""


def test_format_requests_must_be_mailto_tel_or_web():
    for address in ("tilgaengelighed@kk.dk", "ftp://kk.dk", "mailto:"):
        with pytest.raises(ConfigError) as caught:
            parse_settings(f'{PROJECT}[site]\nformat_requests = "{address}"\n', Path("/p"))
        assert "ligetil.toml: site.format_requests: must be a mailto:, tel: or https:// address" in str(caught.value)


def test_format_requests_refuses_an_address_no_link_can_carry():
    # Review 16: a prefix check let through links a citizen cannot use (spaces, a line break,
    # a phone number with letters); each is a broken "Ask us" link on every page.
    for address in ("tel:ring os", "tel:+45abc", "https://exa mple.org/a b", "mailto: ",
                    "https://kk.dk\\njavascript:alert(1)"):
        with pytest.raises(ConfigError, match="site.format_requests"):
            parse_settings(f'{PROJECT}[site]\nformat_requests = "{address}"\n', Path("/p"))
