"""The sample catalogs: complete, reviewed, in their language (the glossary: tests/qa/test_glossary.py)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

import polib
import pytest
from helpers import REPO, copy_project, msgfmt_check, run_ligetil, sample_languages

LANGS = sample_languages()
# The guides' catalogs; _site.po (the site's own words) is the project's optional override.
CATALOGS = sorted(p for p in (REPO / "translations").glob("*/LC_MESSAGES/*.po") if p.stem != "_site")
URDU_ONLY = set("ٹڈڑںےۓ")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
ONLY_NAME_NUMBER_OR_LINK = re.compile(r"^[\d\s.,:–-]*$|^\[[^\]]*\]\([^)]*\)\.?$")


def by_lang(lang: str) -> list[Path]:
    return [p for p in CATALOGS if p.parts[-3] == lang]


def protected_terms() -> list[str]:
    settings = tomllib.loads((REPO / "ligetil.toml").read_text(encoding="utf-8"))
    return settings.get("translate", {}).get("protected_terms", [])


def test_every_sample_guide_has_a_catalog_in_every_language():
    guides = sorted(p.stem for p in (REPO / "content").glob("*.md"))
    for lang in LANGS:
        assert sorted(p.stem for p in by_lang(lang)) == guides


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parts[-3]}/{p.stem}")
def test_catalog_is_complete_reviewed_and_valid(path):
    po = polib.pofile(str(path))
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    assert "FULL NAME" not in po.metadata["Last-Translator"]
    assert "machine draft" not in path.read_text(encoding="utf-8")
    checked = msgfmt_check(path)
    assert checked.returncode == 0, checked.stderr


def letters(text: str) -> list[str]:
    return [c for c in LINK_TARGET.sub("", text) if c.isalpha()]


def arabic_share(po: polib.POFile) -> float:
    found = [c for e in po for c in letters(e.msgstr)]
    return sum("ARABIC" in unicodedata.name(c, "") for c in found) / len(found)


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_arabic_script_dominates_ar_and_ur(lang):
    for path in by_lang(lang):
        assert arabic_share(polib.pofile(str(path))) > 0.75, path


def test_urdu_letters_are_in_urdu_and_absent_from_arabic():
    for path in by_lang("ur"):
        assert URDU_ONLY & set(path.read_text(encoding="utf-8")), path
    for path in by_lang("ar"):
        text = "".join(e.msgstr for e in polib.pofile(str(path)))
        assert not URDU_ONLY & set(text), path


def test_persian_is_written_with_persian_letters():
    for path in by_lang("fa"):
        text = "".join(e.msgstr for e in polib.pofile(str(path)))
        assert set("پچژگ") & set(text) and arabic_share(polib.pofile(str(path))) > 0.75, path
        assert not set("يك") & set(text), f"{path}: Arabic yeh or kaf instead of Persian ی ک"


@pytest.mark.parametrize("lang, script", [("ti", "ETHIOPIC"), ("uk", "CYRILLIC")])
def test_tigrinya_and_ukrainian_are_in_their_scripts(lang, script):
    for path in by_lang(lang):
        found = [c for e in polib.pofile(str(path)) for c in letters(e.msgstr)]
        assert sum(script in unicodedata.name(c, "") for c in found) / len(found) > 0.75, path


def test_ukrainian_has_its_own_letters_and_no_russian_ones():
    for path in by_lang("uk"):
        text = "".join(e.msgstr for e in polib.pofile(str(path)))
        assert set("їєі") & set(text) and not set("ыэъё") & set(text), path


def test_turkish_letters_occur_in_turkish():
    for path in by_lang("tr"):
        text = "".join(e.msgstr for e in polib.pofile(str(path)))
        assert {"ı", "ş", "ğ"} <= set(text), path


def test_no_msgstr_copies_its_danish_source_unless_name_number_or_link():
    names = set(protected_terms())
    for path in CATALOGS:
        for entry in polib.pofile(str(path)):
            if entry.msgstr == entry.msgid:
                assert entry.msgid in names or ONLY_NAME_NUMBER_OR_LINK.match(entry.msgid), \
                    f"{path}:{entry.linenum}: {entry.msgid!r}"


def test_committed_catalogs_are_what_update_writes(tmp_path):
    """A fresh clone's `ligetil update` (the README's first command) changes no file."""
    project = copy_project(tmp_path / "sample")
    before = {p: p.read_bytes() for p in (project / "translations").rglob("*") if p.is_file()}
    result = run_ligetil(project, "update")
    assert result.code == 0, result.err
    after = {p: p.read_bytes() for p in (project / "translations").rglob("*") if p.is_file()}
    assert [p.name for p in after if after[p] != before.get(p)] == []
