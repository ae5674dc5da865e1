"""Bad input: a clear message with file and line, the right exit code, nothing written."""

from __future__ import annotations

import pytest
from helpers import GUIDE, snapshot


def broken_guides():
    return {
        "broken YAML": (GUIDE.replace("summary: Sådan", "summary: [Sådan"), 1,
                        "content/mad.md:4: front matter is not valid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence started at line 3)"),
        "missing title": (GUIDE.replace("title: Mad til dig\n", ""), 1,
                          "content/mad.md:1: front matter needs a non-empty 'title'"),
        "raw HTML": (GUIDE + "\n<div>x</div>\n", 1,
                     "content/mad.md:34: raw HTML is not allowed in a guide"),
        "no front matter": ("# Mad\n", 1, "content/mad.md:1: a guide must start with YAML front matter"),
        "date not a date": (GUIDE.replace("updated: 2026-11-01", "updated: i går"), 1,
                            "content/mad.md:8: 'updated' must be a date"),
        "YAML alias": (GUIDE.replace("service: Testservice", "service: &a Test\nx: *a"), 1,
                       "content/mad.md:5: front matter is not valid YAML: aliases"),
    }


@pytest.mark.parametrize("case", list(broken_guides()))
def test_broken_guide_fails_with_location_and_writes_nothing(case, make_project, ligetil):
    text, code, message = broken_guides()[case]
    root = make_project({"mad": text, "andet": GUIDE})
    before = snapshot(root)
    result = ligetil(root, "update")
    assert result.code == code
    assert message in result.err
    assert snapshot(root) == before


def test_guide_that_is_not_utf8_names_the_line(make_project, ligetil):
    root = make_project({})
    (root / "content" / "mad.md").write_bytes(GUIDE.replace("Ring til", "Ring æ til").encode("utf-8").replace("æ".encode(), b"\xe6"))
    result = ligetil(root, "extract")
    assert result.code == 1
    assert "content/mad.md:18: not UTF-8 text" in result.err


def test_unknown_language_in_settings_exits_2_naming_the_key(make_project, ligetil):
    from helpers import SETTINGS
    root = make_project({"mad": GUIDE}, SETTINGS.replace('"ur"]', '"xx-klingon"]'))
    result = ligetil(root, "update")
    assert result.code == 2
    assert "ligetil.toml: project.languages[3]: unknown language code 'xx-klingon'" in result.err


def test_unknown_language_on_the_command_line_exits_2(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    result = ligetil(root, "update", "--lang", "fr")
    assert result.code == 2
    assert "unknown language 'fr'" in result.err


def test_unparsable_po_names_file_and_line_and_nothing_is_written(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    assert ligetil(root, "update").code == 0
    po = root / "translations/tr/LC_MESSAGES/mad.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    lines[25] = 'msgstr "unterminated'
    po.write_text("\n".join(lines), encoding="utf-8")
    (root / "content" / "mad.md").write_text(GUIDE + "\nNy tekst.\n", encoding="utf-8")
    before = snapshot(root)
    result = ligetil(root, "update")
    assert result.code == 1
    assert "translations/tr/LC_MESSAGES/mad.po:26: not a valid PO file" in result.err
    assert snapshot(root) == before


def test_po_that_is_not_utf8_is_refused(make_project, ligetil):
    root = make_project({"mad": GUIDE})
    assert ligetil(root, "update").code == 0
    po = root / "translations/ar/LC_MESSAGES/mad.po"
    po.write_bytes(po.read_bytes() + b'\nmsgid "x"\nmsgstr "\xff"\n')
    result = ligetil(root, "status")
    assert result.code == 1
    assert "translations/ar/LC_MESSAGES/mad.po:" in result.err and "not UTF-8" in result.err


def test_all_broken_guides_are_reported_at_once(make_project, ligetil):
    root = make_project({"a": GUIDE + "\n<div>x</div>\n", "b": GUIDE.replace("title: Mad til dig\n", "")})
    result = ligetil(root, "extract")
    assert result.code == 1
    assert "content/a.md:34:" in result.err and "content/b.md:1:" in result.err


def test_bad_file_name_is_refused(make_project, ligetil):
    root = make_project({"Mad Til Dig": GUIDE})
    result = ligetil(root, "extract")
    assert result.code == 1
    assert "content/Mad Til Dig.md: guide name 'Mad Til Dig' must be lowercase" in result.err
