"""Shared fixtures of the render tests: the sample project built once, and small projects."""

from __future__ import annotations

import os
from pathlib import Path

import polib
import pytest
from helpers import FALLBACK_MSGIDS, copy_project, rewrite_catalogs, run_build



def identity(entry: polib.POEntry, lang: str) -> None:
    """Translate every entry as itself (reviewed)."""
    entry.msgstr = entry.msgid
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Build the sample project (real catalogs, HTML and PDF) once; return output/."""
    project = copy_project(tmp_path_factory.mktemp("sample"))
    return run_build(project)


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh copy of the sample project."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def partial_project(tmp_path) -> Path:
    """A project whose catalogs translate (as pseudo-English) all but every fifth entry;
    every tenth entry is only a fuzzy draft."""
    project = copy_project(tmp_path / "partial")
    counter = {"n": 0}

    def change(entry: polib.POEntry, lang: str) -> None:
        counter["n"] += 1
        n = counter["n"]
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        entry.msgstr = "" if n % 5 == 0 else f"{entry.msgid} [{lang}]"
        if n % 10 == 3:
            entry.msgstr = f"DRAFT {n} {entry.msgid}"
            entry.flags.append("fuzzy")

    rewrite_catalogs(project, change)
    (project / "ligetil.toml").write_text((project / "ligetil.toml").read_text().replace(
        "min_reviewed = 0.8", "min_reviewed = 0.5"), encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def fallback_site(tmp_path_factory) -> Path:
    """Build the sample in Urdu with FALLBACK_MSGIDS untranslated in madservice; return output/."""
    project = copy_project(tmp_path_factory.mktemp("fallback"))
    path = project / "translations/ur/LC_MESSAGES/madservice.po"
    po = polib.pofile(str(path), wrapwidth=79)
    cleared = [entry for entry in po if entry.msgid in FALLBACK_MSGIDS and not entry.obsolete]
    assert sorted(e.msgid for e in cleared) == sorted(FALLBACK_MSGIDS)
    for entry in cleared:
        entry.msgstr = ""
    po.save(str(path))
    return run_build(project, "--lang", "ur")


SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
_SHOWN: list[Path] = []  # the folder, once a test of this run asked for it


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The folder where browser tests leave screenshots to look at: test-output/screenshots/
    (LIGETIL_SCREENSHOTS moves it); the run's summary lists what is there."""
    folder = Path(os.environ.get("LIGETIL_SCREENSHOTS") or SCREENSHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()  # only this run's pictures, never a stale one
    _SHOWN.append(folder)
    return folder


def pytest_terminal_summary(terminalreporter) -> None:
    """List the screenshots this run left, so a CI log says where to look."""
    shots = sorted(_SHOWN[0].glob("*.png")) if _SHOWN else []
    if shots:
        folder = _SHOWN[0]
        terminalreporter.write_sep("-", f"screenshots to look at, in {folder}")
        for shot in shots:
            terminalreporter.write_line(f"{shot.name} ({shot.stat().st_size // 1024} KiB)")
