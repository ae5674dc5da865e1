"""Which changed paths make `ligetil serve` build again."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.serve.watch import is_input

ROOT = Path("/p")


@pytest.mark.parametrize("path", ["content/madservice.md", "content/images/a.svg",
                                  "translations/tr/LC_MESSAGES/madservice.po", "translations/glossary.csv",
                                  "ligetil.toml"])
def test_the_builds_inputs_count(path):
    assert is_input(ROOT, f"/p/{path}")


@pytest.mark.parametrize("path", ["output/da/madservice.html", ".ligetil.lock", "README.md",
                                  "translations/tr/LC_MESSAGES/.ligetil-tmp-x1", "/elsewhere/content/a.md", "/p"])
def test_output_temp_files_and_other_files_do_not(path):
    assert not is_input(ROOT, path if path.startswith("/") else f"/p/{path}")
