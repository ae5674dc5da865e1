"""`ligetil check` on a small project: output lines, summary, JSON, exit codes, options."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.catalog.headers import plural_forms
from pipeline.cli import main

FAULTS = Path(__file__).parent / "fixtures" / "faults.po"
SETTINGS = """[project]
name = "Prøve"
source_language = "da"
languages = ["en", "ar"]
base_url = "https://guider.kk.dk/"  # not a placeholder: its warning is tested on its own

[site]
accessibility_statement = "https://www.was.digst.dk/guider-kk-dk"  # set, for the same reason
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
    assert lines[-1] == "12 errors, 9 warnings, 1 info in 1 guide and 1 catalog"


def test_json_has_every_field(tmp_path: Path, capsys) -> None:
    code, out, err = run(project(tmp_path), capsys, "--json")
    data = json.loads(out)
    assert code == 1 and len(data) == 22 and "12 errors" in err
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
    assert code == 2 and "no guide named 'nope' in content/ (guides: madservice)" in err


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


def _tr_catalog(root: Path, slug: str, rule: str) -> Path:
    """Write a Turkish catalog of ``slug`` whose header states ``rule``."""
    path = root / "translations" / "tr" / "LC_MESSAGES" / f"{slug}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'msgid ""\nmsgstr ""\n"Language: tr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                    f'"Plural-Forms: {rule}\\n"\n\nmsgid "Mad"\nmsgstr "Yemek"\n', encoding="utf-8")
    return path


def test_a_catalog_with_another_plural_rule_than_its_language_siblings_is_named(tmp_path: Path, capsys) -> None:
    root = project(tmp_path)
    (root / "ligetil.toml").write_text(SETTINGS.replace('["en", "ar"]', '["en", "tr"]'), encoding="utf-8")
    for slug in ("a", "b", "c"):
        (root / "content" / f"{slug}.md").write_text("---\ntitle: Mad\n---\n# Mad\n", encoding="utf-8")
    for slug, rule in (("a", "nplurals=2; plural=(n != 1);"), ("b", "nplurals=2; plural=(n != 1);"),
                       ("c", "nplurals=1; plural=0;")):
        _tr_catalog(root, slug, rule)
    code, out, _ = run(root, capsys, "--lang", "tr")
    found = [line for line in out.splitlines() if "plural-forms-mismatch" in line]
    assert code == 0 and found == [
        "translations/tr/LC_MESSAGES/c.po:5: warning plural-forms-mismatch: Plural-Forms "
        "'nplurals=1; plural=0;' differ from the other tr catalogs ('nplurals=2; plural=(n != 1);' in 2 "
        "of 3, e.g. translations/tr/LC_MESSAGES/a.po); give every tr catalog the same rule in its "
        f"header (Babel's: {plural_forms('tr')!r}) and check the plural entries; ligetil update never "
        "changes a header"]
    assert run(root, capsys, "--guide", "c", "--lang", "tr")[1].count("plural-forms-mismatch") == 1
    assert "plural-forms-mismatch" not in run(root, capsys, "--guide", "a", "--lang", "tr")[1]
    _tr_catalog(root, "c", "nplurals=2;  plural=(n != 1)")  # the same rule, spaced differently
    assert "plural-forms-mismatch" not in run(root, capsys, "--lang", "tr")[1]


def test_update_keeps_a_translators_plural_rule(tmp_path: Path, capsys) -> None:
    root = project(tmp_path)
    (root / "ligetil.toml").write_text(SETTINGS.replace('["en", "ar"]', '["en", "tr"]'), encoding="utf-8")
    path = _tr_catalog(root, "madservice", "nplurals=1; plural=0;")
    with pytest.raises(SystemExit) as done:
        main(["-C", str(root), "update", "--lang", "tr"])
    assert done.value.code == 0
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in path.read_text(encoding="utf-8")
