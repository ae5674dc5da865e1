"""Checks of the settings: a placeholder base_url is reported at its line in ligetil.toml."""

from __future__ import annotations

import pytest
from helpers import SETTINGS

from pipeline.config import parse_settings
from pipeline.qa import check_settings


@pytest.mark.parametrize("url", ["https://example.org/guides/", "http://localhost:8000/", "https://kk.example/",
                                 "https://guides.example.com/"])
def test_a_placeholder_base_url_is_a_warning_at_its_line(tmp_path, url):
    text = SETTINGS.replace('base_url = "https://example.org/guides/"', f'base_url = "{url}"')
    assert f'base_url = "{url}"' in text
    (tmp_path / "ligetil.toml").write_text(text, encoding="utf-8")
    [issue] = [i for i in check_settings(parse_settings(text, tmp_path)) if i.code == "placeholder-base-url"]
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("base_url"))
    assert (issue.code, issue.severity, issue.location.path, issue.location.line) == (
        "placeholder-base-url", "warning", "ligetil.toml", line)
    assert url in issue.message


def test_a_real_base_url_is_fine(tmp_path):
    text = SETTINGS.replace('base_url = "https://example.org/guides/"', 'base_url = "https://www.kk.dk/guider/"') + STATEMENT
    (tmp_path / "ligetil.toml").write_text(text, encoding="utf-8")
    assert check_settings(parse_settings(text, tmp_path)) == []


STATEMENT = '\n[site]\naccessibility_statement = "https://www.was.digst.dk/kk-dk"\n'


def _statement_issues(tmp_path, text: str) -> list:
    (tmp_path / "ligetil.toml").write_text(text, encoding="utf-8")
    return [i for i in check_settings(parse_settings(text, tmp_path)) if i.code == "accessibility-statement"]


def test_no_accessibility_statement_is_a_warning_on_the_file(tmp_path):
    [issue] = _statement_issues(tmp_path, SETTINGS)
    assert (issue.severity, issue.location.path, issue.location.line) == ("warning", "ligetil.toml", None)
    assert "accessibility_statement" in issue.message


def test_no_accessibility_statement_is_a_warning_at_the_site_table(tmp_path):
    text = SETTINGS + "\n[site]\n"
    [issue] = _statement_issues(tmp_path, text)
    assert issue.location.line == text.splitlines().index("[site]") + 1


def test_a_placeholder_accessibility_statement_is_a_warning_at_its_line(tmp_path):
    text = SETTINGS + STATEMENT.replace("https://www.was.digst.dk/kk-dk", "https://example.org/a11y/")
    [issue] = _statement_issues(tmp_path, text)
    assert issue.location.line == len(text.splitlines()) and "https://example.org/a11y/" in issue.message


def test_a_real_accessibility_statement_is_fine(tmp_path):
    assert _statement_issues(tmp_path, SETTINGS + STATEMENT) == []


@pytest.mark.parametrize("value", ['"ftp://x.dk/a"', '""', "3"])
def test_a_bad_accessibility_statement_is_a_settings_error(tmp_path, value):
    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError, match=r"ligetil.toml: site.accessibility_statement: must"):
        parse_settings(SETTINGS + f"\n[site]\naccessibility_statement = {value}\n", tmp_path)
