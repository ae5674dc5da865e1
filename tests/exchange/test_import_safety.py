"""`ligetil import` is a translator's save: the merge-safety cases of tests/catalog, for XLIFF."""

from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

import polib
import pytest
from helpers import GUIDE, msgfmt_check, set_msgstr, snapshot
from lxml import etree

from pipeline import fsutil

TR = "translations/tr/LC_MESSAGES/mad.po"
X2 = "urn:oasis:names:tc:xliff:document:2.0"
XLF = "output/xliff/tr/mad.xlf"


def q(tag: str) -> str:
    return f"{{{X2}}}{tag}"


@pytest.fixture
def project(tr_project, ligetil):
    """The exchange project, its draft with the note a machine draft carries."""
    root = tr_project
    po = polib.pofile(str(root / TR), wrapwidth=79)
    draft = next(e for e in po if e.msgid == "Maden er god.")
    draft.tcomment = "machine draft: argos da→tr (test 1.0)"
    po.save(str(root / TR))
    assert ligetil(root, "update").code == 0  # back to msgcat's layout
    return root


def export(ligetil, root: Path, *args: str) -> Path:
    result = ligetil(root, "export", "--format", "xliff", "--lang", "tr", *args)
    assert result.code == 0, result.err
    return root / XLF


def edit(path: Path, source_start: str, target: str | None, state: str | None = None) -> int:
    """Set the target (None: remove it) and state of the unit whose source starts so; return its line."""
    tree = etree.parse(str(path))
    segment = next(s for s in tree.iter(q("segment"))
                   if "".join(s.find(q("source")).itertext()).startswith(source_start))
    old = segment.find(q("target"))
    if old is not None:
        segment.remove(old)
    if target is not None:
        etree.SubElement(segment, q("target")).text = target
    if state:
        segment.set("state", state)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return etree.parse(str(path)).find(f".//{q('segment')}").sourceline  # parsed again for lines


def entry(root: Path, msgid: str) -> polib.POEntry:
    return next(e for e in polib.pofile(str(root / TR)) if e.msgid == msgid)


def test_an_empty_or_missing_target_never_clears_a_translation(project, ligetil):
    path = export(ligetil, project)
    edit(path, "Mad til dig", None)
    edit(path, "Maden er god.", "", "translated")
    before = snapshot(project)
    result = ligetil(project, "import", str(path))
    assert result.code == 0 and "changed 0 entries" in result.out and "0 catalog(s) written" in result.out
    assert snapshot(project) == before
    assert entry(project, "Mad til dig").msgstr == "Sana yemek"


def test_a_reviewed_entry_marked_initial_with_its_text_unchanged_stays_reviewed(project, ligetil):
    path = export(ligetil, project)
    edit(path, "Mad til dig", "Sana yemek", "initial")
    before = snapshot(project)
    assert ligetil(project, "import", str(path)).code == 0
    assert snapshot(project) == before


@pytest.mark.parametrize(("target", "source"), [("tr-TR", "da-DK"), ("TR", "da")])
def test_a_language_tag_with_a_region_or_in_capitals_is_the_projects_language(project, ligetil, target, source):
    """memoQ and Trados write trgLang="tr-TR"; that is the project's tr."""
    path = export(ligetil, project)
    edit(path, "Maden er god.", "Yemek çok güzel.", "translated")
    path.write_text(path.read_text(encoding="utf-8").replace('trgLang="tr"', f'trgLang="{target}"')
                    .replace('srcLang="da"', f'srcLang="{source}"'), encoding="utf-8")
    result = ligetil(project, "import", str(path))
    assert result.code == 0, result.err
    assert entry(project, "Maden er god.").msgstr == "Yemek çok güzel."


def test_a_changed_translation_comes_in_as_the_translators_work(project, ligetil):
    path = export(ligetil, project)
    edit(path, "Maden er god.", "Yemek çok güzel.", "translated")
    edit(path, "Du kan altid", "Her zaman bir yakınınızı getirebilirsiniz.", "initial")
    result = ligetil(project, "import", str(path))
    assert result.code == 0, result.err
    good, draft = entry(project, "Maden er god."), entry(project, "Du kan altid tage en pårørende med.")
    assert (good.msgstr, good.fuzzy, good.tcomment) == ("Yemek çok güzel.", False, "")
    assert (draft.msgstr, draft.fuzzy) == ("Her zaman bir yakınınızı getirebilirsiniz.", True)
    lines = {e.msgid: e.linenum for e in polib.pofile(str(project / TR))}
    assert f"{TR}:{lines['Maden er god.']}: changed (from {XLF}:" in result.out
    assert f"{TR}:{lines['Du kan altid tage en pårørende med.']}: changed (draft)" in result.out
    assert "import: changed 2 entries" in result.out and msgfmt_check(project / TR).returncode == 0


def test_the_same_text_marked_reviewed_confirms_a_draft(project, ligetil):
    path = export(ligetil, project)
    edit(path, "Maden er god.", "Yemek güzel.", "reviewed")
    result = ligetil(project, "import", str(path))
    assert result.code == 0 and "confirmed" in result.out
    confirmed = entry(project, "Maden er god.")
    assert (confirmed.msgstr, confirmed.fuzzy) == ("Yemek güzel.", False)
    assert confirmed.tcomment == "machine draft: argos da→tr (test 1.0)"  # the text is still the engine's


def test_flags_comments_and_locations_of_a_changed_entry_survive_whole(project, ligetil):
    text = (project / TR).read_text(encoding="utf-8")
    at = text.index('msgid "Maden er god."')
    text = text[:at] + "# oversætterens note\n" + text[at:]
    (project / TR).write_text(re.sub(r"#, fuzzy([^\n]*)\n", r"#, fuzzy\1, ligetil-ignore:end-punctuation\n", text, count=1),
                              encoding="utf-8")
    before = entry(project, "Maden er god.")
    path = export(ligetil, project)
    edit(path, "Maden er god.", "Yemek çok güzel.", "translated")
    assert ligetil(project, "import", str(path)).code == 0
    after = entry(project, "Maden er god.")
    assert "ligetil-ignore:end-punctuation" in before.flags
    assert after.flags == [flag for flag in before.flags if flag != "fuzzy"] and "oversætterens note" in after.tcomment
    assert (after.occurrences, after.comment) == (before.occurrences, before.comment)
    assert "ligetil-ignore:end-punctuation" in (project / TR).read_text(encoding="utf-8")


def test_a_unit_whose_source_changed_since_the_export_is_named_and_not_applied(project, ligetil):
    path = export(ligetil, project)
    edit(path, "Maden er god.", "Yemek çok güzel.", "translated")
    edit(path, "Du kan altid", "Her zaman.", "translated")
    (project / "content/mad.md").write_text(GUIDE.replace("Maden er god.", "Maden er rigtig god."), encoding="utf-8")
    assert ligetil(project, "update").code == 0
    tree = etree.parse(str(path))
    line = next(s.find(q("target")).sourceline for s in tree.iter(q("segment"))
                if "".join(s.find(q("source")).itertext()) == "Maden er god.")
    result = ligetil(project, "import", str(path))
    assert result.code == 1
    assert f"{XLF}:{line}: not applied: its source text is not in the catalog now" in result.err
    assert "'Maden er god.'" in result.err and "Traceback" not in result.err
    assert entry(project, "Du kan altid tage en pårørende med.").msgstr == "Her zaman."
    assert entry(project, "Maden er rigtig god.").msgstr != "Yemek çok güzel."


def test_broken_xml_is_refused_with_its_line_and_nothing_is_written(project, ligetil):
    path = export(ligetil, project)
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if "<target" in line)
    lines[number] = lines[number].replace("</target>", "</targt>")
    path.write_text("\n".join(lines), encoding="utf-8")
    before = snapshot(project)
    result = ligetil(project, "import", str(path))
    assert result.code == 1 and "Traceback" not in result.err
    assert re.search(rf"^{re.escape(XLF)}:{number + 1}: not valid XML: ", result.err, re.M), result.err
    assert snapshot(project) == before


def test_a_code_without_its_original_data_is_refused_with_its_line(project, ligetil):
    path = export(ligetil, project)
    text = path.read_text(encoding="utf-8")
    number = text[:text.index('dataRefStart="d1"')].count("\n") + 1
    path.write_text(text.replace('dataRefStart="d1"', 'dataRefStart="d99"', 1), encoding="utf-8")
    before = snapshot(project)
    result = ligetil(project, "import", str(path))
    assert result.code == 1
    assert f"{XLF}:{number}: inline code <pc id='1'> refers to 'd99'" in result.err
    assert snapshot(project) == before


@pytest.mark.parametrize(("old", "new", "message"), [
    ('trgLang="tr"', 'trgLang="de"', "target language 'de' is not in this project"),
    ('trgLang="tr"', 'trgLang="tr-Latn"', "target language 'tr-Latn' is not in this project"),
    ('srcLang="da"', 'srcLang="sv"', "source language is 'sv', this project's is 'da'"),
    ('file id="mad"', 'file id="andet"', "no catalog translations/tr/LC_MESSAGES/andet.po to import into"),
])
def test_a_file_of_another_project_language_or_guide_is_refused(project, ligetil, old, new, message):
    path = export(ligetil, project)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    before = snapshot(project)
    result = ligetil(project, "import", str(path))
    assert result.code == 1 and f"{XLF}:" in result.err and message in result.err
    assert snapshot(project) == before


def test_a_save_made_while_import_writes_is_kept_and_the_import_stops(project, ligetil, monkeypatch):
    path = export(ligetil, project)
    edit(path, "Maden er god.", "Yemek çok güzel.", "translated")
    po, real_mkstemp, saved = project / TR, tempfile.mkstemp, {}

    def translator_saves_meanwhile(*args, **kwargs):
        if kwargs.get("dir") == po.parent and not saved:
            saved["text"] = po.read_text(encoding="utf-8").replace('msgstr "Sana yemek"', 'msgstr "kaydedildi"')
            po.write_text(saved["text"], encoding="utf-8")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(fsutil.tempfile, "mkstemp", translator_saves_meanwhile)
    result = ligetil(project, "import", str(path))
    assert saved and result.code == 1
    assert f"{TR}: changed on disk while ligetil was working; nothing was written over it" in result.err
    assert po.read_text(encoding="utf-8") == saved["text"]
    assert not list(po.parent.glob(".ligetil-tmp-*"))


def test_a_catalog_with_broken_syntax_is_refused_with_its_line(project, ligetil):
    path = export(ligetil, project)
    edit(path, "Maden er god.", "Yemek çok güzel.", "translated")
    lines = (project / TR).read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line == 'msgstr ""' and i > 20)
    lines[number] = 'msgstr "zil \\a sesi"'
    (project / TR).write_text("\n".join(lines), encoding="utf-8")
    before = snapshot(project)
    result = ligetil(project, "import", str(path))
    assert result.code == 1 and f"{TR}:{number + 1}: unsupported escape \\a" in result.err
    assert snapshot(project) == before


@pytest.mark.parametrize(("where", "code", "words"), [
    ("replace", errno.EROFS, "Read-only file system"), ("fsync", errno.ENOSPC, "No space left on device")])
def test_a_read_only_folder_or_a_full_disk_is_a_clear_error(project, ligetil, monkeypatch, where, code, words):
    path = export(ligetil, project)
    edit(path, "Maden er god.", "Yemek çok güzel.", "translated")

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fsutil.os, where, fail)
    result = ligetil(project, "import", str(path))
    assert result.code == 1 and "Traceback" not in result.err
    assert f"{TR}: cannot write: {words}" in result.err
    assert not list((project / "translations").rglob(".ligetil-tmp-*"))


def test_dry_run_reports_and_writes_nothing(project, ligetil):
    path = export(ligetil, project)
    edit(path, "Maden er god.", "Yemek çok güzel.", "translated")
    before = snapshot(project)
    result = ligetil(project, "import", "--dry-run", str(path))
    assert result.code == 0 and "import: would change 1 entry" in result.out
    assert snapshot(project) == before


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_a_plural_entry_round_trips_form_by_form(project, ligetil, version):
    text = (project / TR).read_text(encoding="utf-8")
    forms = int(re.search(r"nplurals=(\d+)", text).group(1))
    body = "".join(f'msgstr[{i}] "{i} gün"\n' for i in range(forms))
    (project / TR).write_text(text + f'\nmsgid "en dag"\nmsgid_plural "%d dage"\n{body}', encoding="utf-8")
    path = export(ligetil, project, "--version", version)
    changed = path.read_text(encoding="utf-8").replace(" gün<", " gün ✎<")
    path.write_text(changed, encoding="utf-8")
    result = ligetil(project, "import", str(path))
    assert result.code == 0 and "changed 1 entry" in result.out, result.out + result.err
    plural = entry(project, "en dag")
    assert plural.msgstr_plural == {i: f"{i} gün ✎" for i in range(forms)}


def test_a_unit_a_cat_tool_split_into_sentences_is_joined_back(project, ligetil):
    path = export(ligetil, project)
    tree = etree.parse(str(path))
    segment = next(s for s in tree.iter(q("segment")) if s.find(q("source")).text == "Du kan altid tage en pårørende med.")
    unit = segment.getparent()
    unit.remove(segment)
    for tag, source, target in (("segment", "Du kan altid tage", "Her zaman"), ("ignorable", " ", None),
                                ("segment", "en pårørende med.", "bir yakınınızı getirebilirsiniz.")):
        part = etree.SubElement(unit, q(tag), {"state": "translated"} if tag == "segment" else {})
        etree.SubElement(part, q("source")).text = source
        if target:
            etree.SubElement(part, q("target")).text = target
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    result = ligetil(project, "import", str(path))
    assert result.code == 0, result.err
    joined = entry(project, "Du kan altid tage en pårørende med.")
    assert (joined.msgstr, joined.fuzzy) == ("Her zaman bir yakınınızı getirebilirsiniz.", False)


def test_a_doctype_that_defines_entities_is_refused_with_its_line(project, ligetil):
    path = export(ligetil, project)
    text = path.read_text(encoding="utf-8")
    declaration, rest = text.split("\n", 1)
    bomb = '<!DOCTYPE xliff [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    path.write_text(f"{declaration}\n{bomb}\n{rest.replace('Sana yemek', '&b;', 1)}", encoding="utf-8")
    before = snapshot(project)
    result = ligetil(project, "import", str(path))
    assert result.code == 1 and f"{XLF}:2: a <!DOCTYPE> that defines entities is not allowed" in result.err
    assert snapshot(project) == before


def test_a_catalog_msgcat_refuses_is_named_and_nothing_is_written(project, ligetil, monkeypatch):
    from pipeline.catalog import pofile

    path = export(ligetil, project)
    edit(path, "Maden er god.", "Yemek çok güzel.", "translated")
    real = pofile.msgcat

    def refuse_tr(text: str, display: str = "catalog") -> str:
        if display == TR:
            return real('msgid "a"\nmsgstr ""\n\nmsgid "a"\nmsgstr ""\n', display)
        return real(text, display)

    monkeypatch.setattr(pofile, "msgcat", refuse_tr)
    before = snapshot(project)
    result = ligetil(project, "import", str(path))
    assert result.code == 1 and result.err.startswith(f"{TR}: GNU msgcat refuses")
    assert snapshot(project) == before


def test_temp_files_of_a_killed_run_are_cleaned(project, ligetil):
    path = export(ligetil, project)
    left = project / "translations/tr/LC_MESSAGES/.ligetil-tmp-left-by-a-killed-run"
    left.write_text("half", encoding="utf-8")
    assert ligetil(project, "import", str(path)).code == 0
    assert not left.exists()


def test_a_file_of_a_guide_that_was_removed_is_refused(project, ligetil):
    path = export(ligetil, project)
    edit(path, "Maden er god.", "Yemek çok güzel.", "translated")
    (project / "content/mad.md").unlink()
    assert ligetil(project, "update").code == 0  # the catalog stays, the guide is gone
    before = snapshot(project)
    result = ligetil(project, "import", str(path))
    assert result.code == 1 and f"{XLF}:" in result.err, result.out + result.err
    assert "'mad' is no longer a guide of this project (no content/mad.md)" in result.err
    assert snapshot(project) == before


def test_a_pretty_printed_target_without_preserved_space_comes_in_without_the_layout(project, ligetil):
    path = export(ligetil, project)
    text = path.read_text(encoding="utf-8")
    old = '<target xml:space="preserve">Sana yemek</target>'
    assert old in text
    path.write_text(text.replace(old, "<target>\n      Sana sıcak yemek\n    </target>"), encoding="utf-8")
    result = ligetil(project, "import", str(path))
    assert result.code == 0, result.err
    assert entry(project, "Mad til dig").msgstr == "Sana sıcak yemek"
