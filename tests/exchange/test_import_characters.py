"""An XLIFF target with a character no catalog can hold is refused, never written."""

from __future__ import annotations

import pytest
from helpers import GUIDE, snapshot

TR = "translations/tr/LC_MESSAGES/mad.po"
XLF = "output/xliff/tr/mad.xlf"


@pytest.fixture
def exported(tr_project, ligetil):
    assert ligetil(tr_project, "export", "--format", "xliff", "--lang", "tr").code == 0
    return tr_project


def with_target(root, inner: str):
    path = root / XLF
    text = path.read_text(encoding="utf-8")
    old = '<target xml:space="preserve">Sana yemek</target>'
    assert old in text
    path.write_text(text.replace(old, f'<target xml:space="preserve">Sana{inner}yemek</target>'), encoding="utf-8")
    return path


@pytest.mark.parametrize("inner", ["&#x2028;", "&#x85;", '<cp hex="000B"/>', '<cp hex="0000"/>', '<cp hex="001B"/>'])
def test_a_character_a_catalog_cannot_hold_is_refused_and_nothing_is_written(exported, ligetil, inner):
    path = with_target(exported, inner)
    before = snapshot(exported / "translations")
    result = ligetil(exported, "import", str(path))
    assert result.code == 1, result.out + result.err
    assert f"{XLF}:" in result.err and "not applied" in result.err and "U+" in result.err
    assert snapshot(exported / "translations") == before
    assert ligetil(exported, "check", "--lang", "tr").code in (0, 1)  # the catalog still reads


@pytest.mark.parametrize("inner", ['<cp hex="zz"/>', '<cp hex="D800"/>', '<cp hex="110000"/>'])
def test_a_bad_cp_is_a_clear_error_with_its_line(exported, ligetil, inner):
    path = with_target(exported, inner)
    before = snapshot(exported / "translations")
    result = ligetil(exported, "import", str(path))
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert f"{XLF}:" in result.err and "<cp hex=" in result.err
    assert snapshot(exported / "translations") == before


def test_a_memory_segment_a_catalog_cannot_hold_is_refused_with_its_line(make_project, ligetil, tmp_path):
    root = make_project({"mad": GUIDE})
    tmx = tmp_path / "other.tmx"
    tmx.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="da"/><body>\n'
                   '<tu><tuv xml:lang="da"><seg>Mad til dig</seg></tuv>\n'
                   '<tuv xml:lang="tr"><seg>Sana&#x2028;yemek</seg></tuv></tu></body></tmx>\n', encoding="utf-8")
    result = ligetil(root, "update", "--memory", str(tmx))
    assert result.code != 0 and "other.tmx:4: the segment holds U+2028" in result.err, result.out + result.err
    assert not (root / TR).exists()
