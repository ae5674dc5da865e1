"""A language whose script has no installed font is not built; every other language is."""

from __future__ import annotations
from helpers import copy_project, run_ligetil


def test_with_the_latin_font_alone_only_the_other_scripts_languages_fail(tmp_path, latin_fonts_only):
    project = copy_project(tmp_path / "project")
    result = run_ligetil(project, "build", "--format", "html")
    assert result.code == 1, result.err
    lines = [line for line in result.err.splitlines() if "no font for" in line]
    assert sorted({line.split(":")[0] for line in lines}) == ["ar", "fa", "ti", "ur"]
    by_lang = {line.split(":")[0]: line for line in lines}
    assert len(lines) == 4 and all("Arabic script" in by_lang[lang] and "install Debian's fonts-noto-core or set "
                                   "[fonts] Arab" in by_lang[lang] for lang in ("ar", "fa", "ur"))
    assert "Ethiopic script" in by_lang["ti"]
    assert "Traceback" not in result.err
    out = project / "output"
    for lang in ("da", "en", "tr", "so", "uk"):  # Latin and Cyrillic: Noto Sans
        assert len(list((out / lang).glob("*.html"))) == 7, lang  # six guides and the index
    assert not any((out / lang).exists() for lang in ("ar", "fa", "ti", "ur"))
    assert "ar/" not in (out / "da/madservice.html").read_text(encoding="utf-8")
    again = run_ligetil(project, "build", "--format", "html")  # said again, from the cache
    assert again.code == 1 and sorted(l.split(":")[0] for l in again.err.splitlines() if "no font" in l) == [
        "ar", "fa", "ti", "ur"]
