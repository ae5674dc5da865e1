"""`ligetil check` on a small project: output lines, summary, JSON, exit codes, options."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main

FAULTS = Path(__file__).parent / "fixtures" / "faults.po"
SETTINGS = """[project]
name = "Prøve"
source_language = "da"
languages = ["en", "ar"]
base_url = "https://example.org/"
"""
GUIDE = "---\ntitle: Mad\n---\n# Mad\n\nDu får mad hver dag.\n\n## Tom\n"


def project(root: Path, checks: str = "", guide: str = GUIDE) -> Path:
    """Write a project with one guide and the fault catalog as its Arabic translation."""
    (root / "ligetil.toml").write_text(SETTINGS + checks, encoding="utf-8")
    (root / "content").mkdir()
    (root / "content" / "madservice.md").write_text(guide, encoding="utf-8")
    catalogs = root / "translations" / "ar" / "LC_MESSAGES"
    catalogs.mkdir(parents=True)
    shutil.copy(FAULTS, catalogs / "madservice.po")
    return root


def run(root: Path, capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(["-C", str(root), "check", *args])
    out, err = capsys.readouterr()
    return done.value.code, out, err


def test_prints_findings_and_a_summary_and_fails_on_errors(tmp_path: Path, capsys) -> None:
    code, out, _ = run(project(tmp_path), capsys)
    lines = out.splitlines()
    assert code == 1
    assert "content/madservice.md:8: warning empty-section: section \"Tom\" is empty" in lines
    assert "translations/ar/LC_MESSAGES/madservice.po:17: error url-changed: link targets differ " \
           "from the source: missing https://www.borger.dk/mad; added https://www.borger.example/mad" in lines
    assert lines[-1] == "9 errors, 7 warnings, 1 info in 1 guide and 1 catalog"


def test_json_has_every_field(tmp_path: Path, capsys) -> None:
    code, out, err = run(project(tmp_path), capsys, "--json")
    data = json.loads(out)
    assert code == 1 and len(data) == 17 and "9 errors" in err
    first = next(d for d in data if d["code"] == "url-changed")
    assert first == {"path": "translations/ar/LC_MESSAGES/madservice.po", "line": 17,
                     "code": "url-changed", "severity": "error", "message": first["message"],
                     "lang": "ar", "guide": "madservice",
                     "msgid": "Læs mere på [borger.dk](https://www.borger.dk/mad)."}


def test_lang_picks_the_source_or_one_translation(tmp_path: Path, capsys) -> None:
    root = project(tmp_path)
    code, out, _ = run(root, capsys, "--lang", "da")
    assert code == 0 and "translations/" not in out and "empty-section" in out
    code, out, _ = run(root, capsys, "--lang", "ar")
    assert code == 1 and "content/" not in out
    code, out, _ = run(root, capsys, "--lang", "en")
    assert code == 0 and out.splitlines()[-1].endswith("in 1 guide and 0 catalogs")


def test_strict_fails_on_warnings(tmp_path: Path, capsys) -> None:
    root = project(tmp_path)
    assert run(root, capsys, "--lang", "da")[0] == 0
    assert run(root, capsys, "--lang", "da", "--strict")[0] == 1


def test_settings_switch_checks_off_and_change_severity(tmp_path: Path, capsys) -> None:
    checks = '[check]\ndisable = ["empty-section", "lix"]\nseverity = {url-changed = "warning"}\n'
    code, out, _ = run(project(tmp_path, checks), capsys, "--lang", "da", "--strict")
    assert code == 0 and "empty-section" not in out
    _, out, _ = run(tmp_path, capsys, "--lang", "ar")
    assert "madservice.po:17: warning url-changed:" in out


def test_unknown_codes_in_settings_are_bad_usage(tmp_path: Path, capsys) -> None:
    code, _, err = run(project(tmp_path, '[check]\ndisable = ["url-changd"]\n'), capsys)
    assert code == 2 and "check.disable: unknown check code 'url-changd'" in err


def test_guide_option_and_unknown_guide(tmp_path: Path, capsys) -> None:
    root = project(tmp_path)
    assert run(root, capsys, "--guide", "madservice", "--lang", "da")[0] == 0
    code, _, err = run(root, capsys, "--guide", "nope")
    assert code == 2 and "no content/nope.md" in err


def test_broken_files_are_findings_not_crashes(tmp_path: Path, capsys) -> None:
    root = project(tmp_path, guide="no front matter\n")
    (root / "translations" / "ar" / "LC_MESSAGES" / "madservice.po").write_text('msgid "x"\nmsgstr', "utf-8")
    code, out, _ = run(root, capsys)
    assert code == 1
    assert out.count(" error invalid-file: ") == 2


def test_list_shows_every_code(tmp_path: Path, capsys) -> None:
    from pipeline.qa import REGISTRY
    with pytest.raises(SystemExit) as done:
        main(["-C", str(project(tmp_path)), "check", "--list"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert sorted(line.split()[0] for line in out.splitlines()) == sorted(REGISTRY)
