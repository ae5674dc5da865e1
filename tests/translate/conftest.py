"""Fixtures for machine drafts: a tiny copy model, installed packages and a small project."""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest
from helpers import REPO


def _load_tiny_model():
    spec = importlib.util.spec_from_file_location("ligetil_tiny_model", Path(__file__).with_name("tiny_model.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tiny_model = _load_tiny_model()


@dataclass(frozen=True)
class TinyPackages:
    """Built .argosmodel files: da→en copies, en→tr copies but turns "Hej" into "Merhaba"."""

    da_en: Path
    en_tr: Path
    sentencepiece: Path


@pytest.fixture(scope="session", autouse=True)
def argos_home(tmp_path_factory):
    """Keep the Argos folders (packages, index) out of the real home directory."""
    home = tmp_path_factory.mktemp("argos-home")
    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR")}
    for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[key] = str(home / key.lower())
    os.environ.pop("ARGOS_PACKAGES_DIR", None)
    yield home
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def tiny_packages(tmp_path_factory) -> TinyPackages:
    """Build the two tiny packages once per session (about half a second)."""
    folder = tmp_path_factory.mktemp("tiny-models")
    sp_model = tiny_model.train_sentencepiece(tiny_model.corpus([REPO / "content"]), folder / "sp")
    return TinyPackages(
        da_en=tiny_model.build_package(folder, sp_model, "da", "en", "1.9"),
        en_tr=tiny_model.build_package(folder, sp_model, "en", "tr", "1.5", {"Hej": "Merhaba"}),
        sentencepiece=sp_model,
    )


@pytest.fixture
def models_dir(tmp_path) -> Path:
    """An empty Argos package folder for one test."""
    folder = tmp_path / "models"
    folder.mkdir()
    return folder


@pytest.fixture
def installed(models_dir, tiny_packages):
    """Both tiny packages installed into ``models_dir``; returns the installed models."""
    from pipeline.translate.packages import install_file

    return [install_file(tiny_packages.da_en, models_dir), install_file(tiny_packages.en_tr, models_dir)]


SETTINGS = """\
[project]
name = "Testkommune"
source_language = "da"
languages = ["en", "tr"]
base_url = "https://example.org/guides/"

[translate]
protected_terms = ["MitID", "Borgerservice"]
"""

GUIDE = """\
---
title: Hej fra Borgerservice
---
# Hej fra Borgerservice

Log ind med **MitID** på [borger.dk](https://www.borger.dk) kl. 8–15.
"""

# msgid -> (msgstr, fuzzy); "" means untranslated.
ENTRIES = {
    "Hej fra Borgerservice": ("", False),
    "Log ind med **MitID** på [borger.dk](https://www.borger.dk) kl. 8–15.": ("", False),
    "Ring på 33 66 33 66, f.eks. mandag. Vi svarer hurtigt.": ("", False),
    "Se `ligetil build` og ![Kort](kort.png) i *bogen*.": ("", False),
    "Mad til dig, der bor hjemme.": ("Food for you who live at home.", False),
    "Prisen er ca. 62 kr.": ("Fiyat yaklaşık 62 kr.", True),
}


def write_po(path: Path, lang: str, entries: dict[str, tuple[str, bool]]) -> None:
    """Write a catalog with a complete header, one entry per msgid."""
    po = polib.POFile(wrapwidth=79)
    po.metadata = {
        "Project-Id-Version": "Testkommune", "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2026-01-01 00:00+0000", "PO-Revision-Date": "2026-01-01 00:00+0000",
        "Last-Translator": "Test <test@example.org>", "Language-Team": f"{lang} <team@example.org>",
        "Language": lang, "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit", "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for line, (msgid, (msgstr, fuzzy)) in enumerate(entries.items(), start=1):
        entry = polib.POEntry(msgid=msgid, msgstr=msgstr, occurrences=[("content/hej.md", str(line))])
        if fuzzy:
            entry.flags.append("fuzzy")
        po.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))


@pytest.fixture
def project(tmp_path) -> Path:
    """A project with one guide and a Turkish and an English catalog."""
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (root / "ligetil.toml").write_text(SETTINGS, encoding="utf-8")
    (root / "content" / "hej.md").write_text(GUIDE, encoding="utf-8")
    for lang in ("tr", "en"):
        write_po(root / "translations" / lang / "LC_MESSAGES" / "hej.po", lang, ENTRIES)
    return root
