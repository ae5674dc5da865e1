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
    [issue] = check_settings(parse_settings(text, tmp_path))
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("base_url"))
    assert (issue.code, issue.severity, issue.location.path, issue.location.line) == (
        "placeholder-base-url", "warning", "ligetil.toml", line)
    assert url in issue.message


def test_a_real_base_url_is_fine(tmp_path):
    text = SETTINGS.replace('base_url = "https://example.org/guides/"', 'base_url = "https://www.kk.dk/guider/"')
    (tmp_path / "ligetil.toml").write_text(text, encoding="utf-8")
    assert check_settings(parse_settings(text, tmp_path)) == []
