"""`#, md-text` on every Markdown entry, for Weblate's Markdown checks; plain text has none."""

from __future__ import annotations

import subprocess

import polib
import pytest
from helpers import REPO, copy_sample, run_ligetil

from pipeline.catalog.template import MARKDOWN_FLAG
from pipeline.config import load_settings
from pipeline.paths import guide_paths
from pipeline.source.reader import read_guide
from pipeline.source.segment import segment

SETTINGS = load_settings(REPO)
GUIDES = guide_paths(SETTINGS)


def markdown_split(path) -> tuple[set[str], set[str]]:
    """Return (msgids used as a Markdown block somewhere, msgids only ever plain text)."""
    segments = segment(read_guide(path, SETTINGS))
    markdown = {s.msgid for s in segments if s.is_markdown}
    return markdown, {s.msgid for s in segments} - markdown


def flagged(po_path) -> dict[str, bool]:
    return {e.msgid: MARKDOWN_FLAG in e.flags for e in polib.pofile(str(po_path)) if e.msgid and not e.obsolete}


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.stem)
def test_every_markdown_entry_and_no_plain_one_carries_md_text(guide):
    markdown, plain = markdown_split(guide)
    assert markdown and plain  # body blocks, and front-matter values such as contact.hours
    catalogs = [REPO / "translations" / f"{guide.stem}.pot",
                *sorted((REPO / "translations").glob(f"*/LC_MESSAGES/{guide.stem}.po"))]
    for path in catalogs:
        flags = flagged(path)
        assert {m for m, on in flags.items() if on} == markdown, path
        assert {m for m, on in flags.items() if not on} == plain, path


def _write(path, text):
    path.write_text(text, encoding="utf-8")


def test_update_puts_md_text_back_after_msgcat_and_msgmerge_drop_it(tmp_path):
    """GNU gettext drops flags it does not know; md-text follows the source, so update restores it."""
    project = copy_sample(tmp_path / "sample", guides=("madservice",), languages=("en",))
    po = project / "translations/en/LC_MESSAGES/madservice.po"
    pot = project / "translations/madservice.pot"
    committed = po.read_bytes()
    committed_flags = {e.msgid: e.flags for e in polib.pofile(str(po))}
    merged = subprocess.run(["msgmerge", "--quiet", "--previous", "-o", "-", str(po), str(pot)],
                            capture_output=True, text=True, check=True).stdout
    assert MARKDOWN_FLAG in committed.decode() and MARKDOWN_FLAG not in merged  # what gettext does
    _write(po, merged)
    catted = subprocess.run(["msgcat", str(pot)], capture_output=True, text=True, check=True).stdout
    assert MARKDOWN_FLAG not in catted
    _write(pot, catted)
    assert run_ligetil(project, "update").code == 0
    # msgmerge also rewrote the header's charset=utf-8 as UTF-8, which update keeps as the translator's
    assert {e.msgid: e.flags for e in polib.pofile(str(po))} == committed_flags
    assert MARKDOWN_FLAG in pot.read_text(encoding="utf-8")


def test_md_text_leaves_fuzzy_and_ignore_flags_as_the_translator_set_them(tmp_path):
    project = copy_sample(tmp_path / "sample", guides=("madservice",), languages=("en",))
    path = project / "translations/en/LC_MESSAGES/madservice.po"
    po = polib.pofile(str(path))
    body = next(e for e in po if MARKDOWN_FLAG in e.flags)
    plain = next(e for e in po if e.msgid and MARKDOWN_FLAG not in e.flags)
    body.flags = ["fuzzy", "ligetil-ignore:number-changed"]  # as if a hand msgcat had dropped md-text
    plain.flags = ["ligetil-ignore:identical"]
    po.save(str(path))
    assert run_ligetil(project, "update").code == 0
    after = {e.msgid: e.flags for e in polib.pofile(str(path))}
    assert after[body.msgid] == ["fuzzy", "ligetil-ignore:number-changed", MARKDOWN_FLAG]
    assert after[plain.msgid] == ["ligetil-ignore:identical"]
    assert run_ligetil(project, "update").code == 0
    assert {e.msgid: e.flags for e in polib.pofile(str(path))} == after


def test_changed_markdown_text_arrives_fuzzy_with_md_text(tmp_path):
    project = copy_sample(tmp_path / "sample", guides=("madservice",), languages=("en",))
    guide = project / "content/madservice.md"
    old = "Vi bringer maden hjem til dig."
    text = guide.read_text(encoding="utf-8")
    assert old in text
    _write(guide, text.replace(old, "Vi bringer maden helt hjem til dig."))
    assert run_ligetil(project, "update").code == 0
    entry = next(e for e in polib.pofile(str(project / "translations/en/LC_MESSAGES/madservice.po"))
                 if "helt hjem" in e.msgid and not e.obsolete)
    assert entry.flags == ["fuzzy", MARKDOWN_FLAG] and entry.previous_msgid
