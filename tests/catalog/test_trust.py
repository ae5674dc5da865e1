"""Translators' trust: each way a catalog was once lost or altered, refused or kept now.

The numbers are the cases of the issue "Translators' trust".
"""

from __future__ import annotations

import errno
import os
import re
import tempfile

import pytest
from helpers import GUIDE, msgfmt_check, snapshot

from pipeline import fsutil

TR = "translations/tr/LC_MESSAGES/mad.po"


def updated(make_project, ligetil):
    """Return a project with one guide whose catalogs were made by update."""
    root = make_project({"mad": GUIDE})
    assert ligetil(root, "update").code == 0
    return root


def translate_first(root, text: str = "çeviri") -> str:
    """Give the tr catalog's first untranslated entry a translation; return the catalog text."""
    po = root / TR
    body = po.read_text(encoding="utf-8").replace('msgstr ""\n\n#', f'msgstr "{text}"\n\n#', 1)
    po.write_text(body, encoding="utf-8")
    return body


def test_1_a_save_made_while_update_writes_is_kept_and_the_update_stops(make_project, ligetil, monkeypatch):
    root = updated(make_project, ligetil)
    (root / "content/mad.md").write_text(GUIDE + "\nNy tekst.\n", encoding="utf-8")
    po = root / TR
    real_mkstemp = tempfile.mkstemp
    saved = {}

    def translator_saves_meanwhile(*args, **kwargs):
        if kwargs.get("dir") == po.parent and not saved:
            saved["text"] = translate_first(root, "kaydedildi")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(fsutil.tempfile, "mkstemp", translator_saves_meanwhile)
    result = ligetil(root, "update")
    assert saved, "the update never wrote the tr catalog"
    assert result.code == 1
    assert f"{TR}: changed on disk while ligetil was working; nothing was written over it" in result.err
    assert po.read_text(encoding="utf-8") == saved["text"]
    assert not list(po.parent.glob(".ligetil-tmp-*"))


def test_2_long_ignore_flags_survive_update_whole(make_project, ligetil):
    root = updated(make_project, ligetil)
    po = root / TR
    flags = "#, ligetil-ignore:number-changed, ligetil-ignore:end-punctuation"
    body = translate_first(root)
    entry_start = body.index('msgstr "çeviri"')
    msgid_at = body.rindex("\nmsgid ", 0, entry_start) + 1
    own_line = body.rfind("\n#, ", 0, msgid_at) + 1  # the entry's md-text line, if any, becomes one
    if own_line and body[own_line:msgid_at].count("\n") == 1:
        flags += ", " + body[own_line + 3:msgid_at - 1]
        msgid_at, body = own_line, body[:own_line] + body[msgid_at:]
    body = body[:msgid_at] + flags + "\n" + body[msgid_at:]
    po.write_text(body, encoding="utf-8")
    assert ligetil(root, "update").code == 0
    after = po.read_text(encoding="utf-8")
    assert flags in after and "# punctuation" not in after and after == body


def test_3_previous_msgids_of_obsolete_entries_are_kept_and_updates_settle(make_project, ligetil):
    root = updated(make_project, ligetil)
    _append(root, '\n#, fuzzy\n#~| msgid "Den gamle tekst om mad, som er lang nok til at blive brudt af '
                  'msgcat ved kolonne 79"\n#~ msgid "Gammel tekst"\n#~ msgstr "eski metin"\n')
    assert ligetil(root, "update").code == 0
    text = (root / TR).read_text(encoding="utf-8")
    assert "#~| msgid" in text and "brudt af" in text and "eski metin" in text
    before = snapshot(root)
    assert ligetil(root, "update").code == 0
    assert snapshot(root) == before
    assert msgfmt_check(root / TR).returncode == 0


@pytest.mark.parametrize(("bad", "message"), [
    ('msgstr "Evde yemek', "end-of-line within string"),
    ('msgstr "Evinde yaşa\x00yın"', "a NUL byte"),
    ('msgstr "zil \\a sesi"', "unsupported escape \\a"),
    ('# yorum \\', "a line ending in \\ joins the next line"),
])
def test_4_po_syntax_polib_would_alter_is_refused_with_its_line(make_project, ligetil, bad, message):
    root = updated(make_project, ligetil)
    po = root / TR
    lines = po.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line == 'msgstr ""' and i > 20)
    lines[number] = bad
    po.write_text("\n".join(lines), encoding="utf-8")
    (root / "content/mad.md").write_text(GUIDE + "\nNy tekst.\n", encoding="utf-8")
    before = snapshot(root)
    result = ligetil(root, "update")
    assert result.code == 1
    assert f"{TR}:{number + 1}: not a valid PO file" in result.err or f"{TR}:{number + 1}: {message}" in result.err
    assert message in result.err and "Traceback" not in result.err
    assert snapshot(root) == before


def _append(root, text: str) -> None:
    po = root / TR
    po.write_text(po.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_5_an_obsolete_translation_beside_its_active_duplicate_is_refused_not_dropped(make_project, ligetil):
    root = updated(make_project, ligetil)
    text = (root / TR).read_text(encoding="utf-8")
    msgid = re.findall(r'^msgid "(.+)"$', text, re.M)[1]
    _append(root, f'\n#~ msgid "{msgid}"\n#~ msgstr "eski çeviri"\n')
    before = snapshot(root)
    result = ligetil(root, "update")
    assert result.code == 1 and "duplicate message definition" in result.err and TR in result.err
    assert snapshot(root) == before


def test_6_duplicate_obsolete_entries_are_refused_before_anything_is_written(make_project, ligetil):
    root = updated(make_project, ligetil)
    _append(root, '\n#~ msgid "gammel"\n#~ msgstr "eski"\n\n#~ msgid "gammel"\n#~ msgstr "eski 2"\n')
    (root / "content/mad.md").write_text(GUIDE + "\nNy tekst.\n", encoding="utf-8")
    before = snapshot(root)
    result = ligetil(root, "update")
    lines = (root / TR).read_text(encoding="utf-8").split("\n")
    second = len(lines) - lines[::-1].index('#~ msgid "gammel"')
    assert result.code == 1
    assert f"{TR}:{second}: not a valid PO file: duplicate message definition" in result.err
    assert "tmp" not in result.err
    assert snapshot(root) == before, "the template or a catalog was written before the refusal"
    checked = ligetil(root, "check", "--lang", "tr")
    assert checked.code == 1 and f"{TR}:{second}: error invalid-file" in checked.out


def test_6_a_catalog_msgcat_refuses_is_named_and_nothing_is_written(make_project, ligetil, monkeypatch):
    root = updated(make_project, ligetil)
    (root / "content/mad.md").write_text(GUIDE + "\nNy tekst.\n", encoding="utf-8")
    from pipeline.catalog import pofile

    real = pofile.msgcat

    def refuse_tr(text: str, display: str = "catalog") -> str:
        if display == TR:
            return real("msgid \"a\"\nmsgstr \"\"\n\nmsgid \"a\"\nmsgstr \"\"\n", display)
        return real(text, display)

    monkeypatch.setattr(pofile, "msgcat", refuse_tr)
    before = snapshot(root)
    result = ligetil(root, "update")
    assert result.code == 1 and result.err.startswith(f"{TR}: GNU msgcat refuses")
    assert "duplicate message definition" in result.err and "/tmp" not in result.err
    assert snapshot(root) == before


def test_7_a_nul_byte_in_a_guide_is_refused_with_its_line(make_project, ligetil):
    root = make_project({"mad": GUIDE.replace("Vi bringer", "Vi\x00 bringer")})
    result = ligetil(root, "update")
    line = GUIDE.split("\n").index(next(l for l in GUIDE.split("\n") if l.startswith("Vi bringer"))) + 1
    assert result.code == 1
    assert f"content/mad.md:{line}: control character U+0000" in result.err
    assert not (root / "translations").exists()


@pytest.mark.parametrize(("where", "code", "words"), [
    ("replace", errno.EROFS, "Read-only file system"), ("fsync", errno.ENOSPC, "No space left on device")])
def test_8_a_read_only_folder_or_a_full_disk_is_a_clear_error(make_project, ligetil, monkeypatch, where, code,
                                                               words):
    root = updated(make_project, ligetil)
    (root / "content/mad.md").write_text(GUIDE + "\nNy tekst.\n", encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fsutil.os, where, fail)
    result = ligetil(root, "update")
    assert result.code == 1 and "Traceback" not in result.err
    assert re.search(rf"^translations/[^:]+: cannot write: {words}$", result.err, re.M), result.err
    assert not list((root / "translations").rglob(".ligetil-tmp-*"))


def test_8_temp_files_of_a_killed_run_are_cleaned(make_project, ligetil):
    root = updated(make_project, ligetil)
    left = root / "translations/tr/LC_MESSAGES/.ligetil-tmp-left-by-a-killed-run"
    left.write_text("half", encoding="utf-8")
    assert ligetil(root, "update").code == 0
    assert not left.exists()
