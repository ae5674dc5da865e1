"""Fixtures every test folder may use: fixed dates, the in-process CLI and small projects."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import FIXED_EPOCH, SETTINGS, copy_project, run_ligetil

CHROMIUM = "/usr/bin/chromium"  # Debian's (scripts/setup.sh --test installs it); nothing is downloaded
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture
def fixed_dates(monkeypatch):
    """Make header and PDF dates deterministic."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)


@pytest.fixture
def ligetil():
    """Return run(project, *args) -> Result: `ligetil [-C project] ARGS` in-process, output captured."""
    return run_ligetil


@pytest.fixture
def make_project(tmp_path, fixed_dates):
    """Return a maker of a project with the given guides {slug: text}, with fixed dates."""
    def make(guides: dict[str, str], settings: str = SETTINGS) -> Path:
        root = tmp_path / "project"
        (root / "content").mkdir(parents=True, exist_ok=True)
        (root / "ligetil.toml").write_text(settings, encoding="utf-8")
        for slug, text in guides.items():
            (root / "content" / f"{slug}.md").write_text(text, encoding="utf-8")
        return root
    return make


@pytest.fixture
def sample_project(tmp_path, fixed_dates):
    """A copy of the repository's sample project (settings, guides, translations), with fixed dates."""
    return copy_project(tmp_path / "sample")


@pytest.fixture
def latin_fonts_only(tmp_path, monkeypatch) -> Path:
    """Point the font folder at a copy holding Noto Sans alone, as if no other font were installed."""
    from pipeline.render import fonts

    folder = tmp_path / "latin-fonts"
    folder.mkdir()
    for _, name in fonts.LATIN.files:
        shutil.copy(fonts.FONT_DIR / name, folder / name)
    monkeypatch.setattr(fonts, "FONT_DIR", folder)
    return folder


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium driven by Playwright (nothing is downloaded)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        instance = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()
