"""Fixtures every test folder may use: fixed dates, the in-process CLI and small projects."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import FIXED_EPOCH, SETTINGS, copy_project, run_ligetil

CHROMIUM = "/usr/bin/chromium"  # Debian's (scripts/setup.sh --test installs it); nothing is downloaded
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session", autouse=True)
def no_installed_voices(tmp_path_factory):
    """Point the Piper voice folder at an empty one: a voice in the real home must not change the audio."""
    import os

    from pipeline.render.speech.voices import ENV_DIR

    saved = os.environ.get(ENV_DIR)
    os.environ[ENV_DIR] = str(tmp_path_factory.mktemp("no-voices"))
    yield
    if saved is None:
        os.environ.pop(ENV_DIR, None)
    else:
        os.environ[ENV_DIR] = saved


@pytest.fixture(scope="session", autouse=True)
def user_cache(tmp_path_factory) -> Iterator[Path]:
    """Keep the tests' cache (cut fonts, machine facts) out of the user's: one folder for the session."""
    with pytest.MonkeyPatch.context() as patch:
        folder = tmp_path_factory.mktemp("ligetil-cache")
        patch.setenv("LIGETIL_CACHE_DIR", str(folder))
        yield folder


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


def _fonts_from(folder: Path, files: list[Path], monkeypatch) -> Path:
    """Point fontconfig (FONTCONFIG_FILE) at a folder holding links to ``files`` only."""
    from pipeline.render import fontconfig

    folder.mkdir()
    for path in files:
        if not (folder / path.name).exists():
            (folder / path.name).symlink_to(path)
    config = folder.parent / f"{folder.name}.conf"
    config.write_text(f"<?xml version='1.0'?>\n<fontconfig><dir>{folder}</dir>"
                      f"<cachedir>{folder.parent / 'fontconfig-cache'}</cachedir></fontconfig>\n", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    fontconfig.forget()
    return folder


@pytest.fixture
def latin_fonts_only(tmp_path, monkeypatch) -> Iterator[Path]:
    """Point fontconfig at a folder holding Noto Sans alone, as if no other font were installed."""
    from pipeline.render import fontconfig, fonts

    yield _fonts_from(tmp_path / "latin-fonts", [path for _, path in fonts.latin().files], monkeypatch)
    fontconfig.forget()


@pytest.fixture
def fonts_without(tmp_path, monkeypatch) -> Iterator[Callable[..., Path]]:
    """Return a function that hides some installed families from fontconfig (the others stay)."""
    from pipeline.render import fontconfig

    def hide(*families: str) -> Path:
        kept = [path for family, faces in fontconfig.installed_families().items() if family not in families
                for path, _ in faces.values()]
        return _fonts_from(tmp_path / "some-fonts", kept, monkeypatch)

    yield hide
    fontconfig.forget()


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium driven by Playwright (nothing is downloaded)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        instance = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()
