"""`ligetil translate` and `ligetil models` end to end, on a small project."""

from __future__ import annotations

import subprocess
import sys

import polib
from helpers import REPO

from pipeline.translate.argos import ArgosEngine

LINK = "Log ind med **MitID** på [borger.dk](https://www.borger.dk) kl. 8–15."
NOTE = "machine draft: argos da→en→tr (translate-da_en 1.9, translate-en_tr 1.5)"


def _po(project, lang="tr") -> polib.POFile:
    return polib.pofile(str(project / "translations" / lang / "LC_MESSAGES" / "hej.po"))


def _translate(ligetil, project, models_dir, *extra):
    return ligetil(project, "translate", "--lang", "tr", "--models-dir", str(models_dir), *extra)


def test_drafts_are_fuzzy_with_route_comment_and_markup_restored(ligetil, project, models_dir, installed):
    run = _translate(ligetil, project, models_dir)
    assert run.code == 0, run.err
    po = _po(project)
    heading = po.find("Hej fra Borgerservice")
    assert heading.msgstr == "Merhaba fra Borgerservice"
    assert heading.fuzzy and heading.tcomment == NOTE
    assert po.find(LINK).msgstr == LINK
    assert po.find("Se `ligetil build` og ![Kort](kort.png) i *bogen*.").msgstr == (
        "Se `ligetil build` og ![Kort](kort.png) i *bogen*."
    )
    assert "added 4 draft(s) of 4 untranslated" in run.out
    assert "wrote translations/tr/LC_MESSAGES/hej.po" in run.out


def test_translated_and_fuzzy_entries_are_untouched(ligetil, project, models_dir, installed):
    before = _po(project)
    _translate(ligetil, project, models_dir)
    after = _po(project)
    for msgid in ("Mad til dig, der bor hjemme.", "Prisen er ca. 62 kr."):
        old, new = before.find(msgid), after.find(msgid)
        assert (new.msgstr, new.flags, new.tcomment) == (old.msgstr, old.flags, old.tcomment)


def test_a_rerun_changes_nothing(ligetil, project, models_dir, installed):
    path = project / "translations" / "tr" / "LC_MESSAGES" / "hej.po"
    _translate(ligetil, project, models_dir)
    first = path.read_bytes()
    run = _translate(ligetil, project, models_dir)
    assert run.code == 0
    assert path.read_bytes() == first
    assert "added 0 draft(s)" in run.out and "0 file(s) changed" in run.out


def test_a_broken_restore_leaves_the_entry_untranslated(ligetil, project, models_dir, installed, monkeypatch):
    real = ArgosEngine.translate

    def drop_a_placeholder(self, sentences, progress=None):
        out = real(self, sentences, progress)
        return [t.replace("ZQ5", "") if t.startswith("Log ind") else t for t in out]

    monkeypatch.setattr(ArgosEngine, "translate", drop_a_placeholder)
    run = _translate(ligetil, project, models_dir)
    assert run.code == 1
    entry = _po(project).find(LINK)
    assert entry.msgstr == "" and not entry.fuzzy
    assert "translations/tr/LC_MESSAGES/hej.po:" in run.err
    assert "draft not written: the draft lost '](https://www.borger.dk)'" in run.err
    assert _po(project).find("Hej fra Borgerservice").msgstr == "Merhaba fra Borgerservice"


def test_dry_run_writes_nothing(ligetil, project, models_dir, installed):
    path = project / "translations" / "tr" / "LC_MESSAGES" / "hej.po"
    before = path.read_bytes()
    run = _translate(ligetil, project, models_dir, "--dry-run", "--beam", "1")
    assert run.code == 0 and "would add 4 draft(s)" in run.out
    assert path.read_bytes() == before


def test_a_missing_model_is_one_line_with_the_install_command(ligetil, project, models_dir):
    run = _translate(ligetil, project, models_dir)
    assert run.code == 1
    assert run.err.strip() == (
        "no translation model for da→tr; install it with: "
        "ligetil models install da en && ligetil models install en tr"
    )


def test_an_unknown_language_is_bad_usage(ligetil, project, models_dir):
    run = ligetil(project, "translate", "--lang", "ur", "--models-dir", str(models_dir))
    assert run.code == 2 and "unknown language 'ur'" in run.err


def test_the_written_catalog_passes_msgfmt_check(ligetil, project, models_dir, installed, tmp_path):
    _translate(ligetil, project, models_dir)
    path = project / "translations" / "tr" / "LC_MESSAGES" / "hej.po"
    done = subprocess.run(["msgfmt", "-c", "-o", str(tmp_path / "hej.mo"), str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_models_install_from_file_then_list(ligetil, project, models_dir, tiny_packages):
    for package in (tiny_packages.da_en, tiny_packages.en_tr):
        run = ligetil(None, "models", "install", str(package), "--models-dir", str(models_dir))
        assert run.code == 0, run.err
    assert "installed translate-en_tr 1.5 (en→tr)" in run.out
    run = ligetil(project, "models", "list", "--models-dir", str(models_dir))
    assert run.code == 0
    assert "da→en  translate-da_en 1.9" in run.out and "en→tr  translate-en_tr 1.5" in run.out
    assert "tr: ready (da→en→tr)" in run.out and "en: ready (da→en)" in run.out


def test_help_does_not_import_the_translation_stack():
    code = (
        "import contextlib, io, sys\nfrom pipeline.cli import main\n"
        "for args in (['--help'], ['translate', '--help'], ['models', '--help']):\n"
        "    try:\n"
        "        with contextlib.redirect_stdout(io.StringIO()):\n"
        "            main(args)\n"
        "    except SystemExit as done:\n"
        "        assert not done.code, (args, done.code)\n"
        "    else:\n"
        "        raise AssertionError('main returned without exiting')\n"
        "print(sorted(m for m in ('ctranslate2', 'sentencepiece', 'weasyprint') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout.strip() == "[]"


def test_a_term_the_glossary_keeps_in_the_language_is_protected_in_drafts(ligetil, project, models_dir, installed):
    """The tiny en→tr model turns "Hej" into "Merhaba"; the glossary's tr column keeps "Hej"."""
    (project / "translations" / "glossary.csv").write_text(
        "da,en,tr,note\nHej,Hello,Hej,kept in Turkish for this test\n", encoding="utf-8")
    run = _translate(ligetil, project, models_dir)
    assert run.code == 0, run.err
    assert _po(project).find("Hej fra Borgerservice").msgstr == "Hej fra Borgerservice"


def test_a_malformed_glossary_stops_translate_at_its_line(ligetil, project, models_dir, installed):
    (project / "translations" / "glossary.csv").write_text("da,tr,note\nHej,Hej\n", encoding="utf-8")
    run = _translate(ligetil, project, models_dir)
    assert run.code == 1
    assert "translations/glossary.csv:2: 2 cells, but the first row names 3 columns" in run.err
    assert _po(project).find("Hej fra Borgerservice").msgstr == ""
