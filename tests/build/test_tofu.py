"""A language whose script has no installed font is not built; every other language is."""

from __future__ import annotations
from helpers import copy_project, run_ligetil


def test_without_the_arabic_fonts_only_arabic_and_urdu_fail(tmp_path, latin_fonts_only):
    project = copy_project(tmp_path / "project")
    result = run_ligetil(project, "build", "--format", "html")
    assert result.code == 1, result.err
    lines = [line for line in result.err.splitlines() if "no font for" in line]
    assert sorted({line.split(":")[0] for line in lines}) == ["ar", "ur"]
    assert len(lines) == 2 and all("Arabic script" in line and "install Debian's fonts-noto-core or set [fonts] Arab"
                                   in line for line in lines)
    assert "Traceback" not in result.err
    out = project / "output"
    for lang in ("da", "en", "tr"):
        assert len(list((out / lang).glob("*.html"))) == 7, lang  # six guides and the index
    assert not (out / "ar").exists() and not (out / "ur").exists()
    assert "ar/" not in (out / "da/madservice.html").read_text(encoding="utf-8")
    again = run_ligetil(project, "build", "--format", "html")  # said again, from the cache
    assert again.code == 1 and sorted(l.split(":")[0] for l in again.err.splitlines() if "no font" in l) == ["ar", "ur"]
