"""One WeasyPrint font configuration serves every PDF a process renders, with the same bytes as one each."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from helpers import copy_sample

from pipeline.render import fontconfig, pdf

BUILD = ("build", "--format", "pdf,bilingual", "--jobs", "1")


def pdfs_of(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}


def test_pdfs_rendered_with_one_shared_font_configuration_equal_those_with_one_each(tmp_path, ligetil, fixed_dates,
                                                                                   monkeypatch):
    """Urdu, Arabic and Danish documents in one process: a face one adds must not change another's."""
    from weasyprint.text.fonts import FontConfiguration

    shared = copy_sample(tmp_path / "shared", languages=("ur", "ar"))
    assert ligetil(shared, *BUILD).code == 0
    alone = copy_sample(tmp_path / "alone", languages=("ur", "ar"))
    monkeypatch.setattr(pdf, "font_configuration", FontConfiguration)  # WeasyPrint's default: a new one each time
    assert ligetil(alone, *BUILD).code == 0
    made = pdfs_of(shared / "output")
    assert {name.split("/")[0] for name in made} == {"da", "ur", "ar"} and any("bilingual" in n for n in made)
    assert made == pdfs_of(alone / "output")


def test_the_font_configuration_is_made_again_when_the_fonts_change():
    first = pdf.font_configuration()
    assert pdf.font_configuration() is first
    fontconfig.forget()
    assert pdf.font_configuration() is not first


def test_a_build_on_the_pool_leaves_no_folder_of_font_copies_behind(tmp_path, monkeypatch):
    """Each process's font configuration copies the fonts to a temp folder; a worker exits without collecting it."""
    import subprocess

    from helpers import LIGETIL, cli_env

    root = copy_sample(tmp_path / "project", languages=("ur",))
    temp = tmp_path / "tmp"
    temp.mkdir()
    done = subprocess.run([str(LIGETIL), "-C", str(root), "build", "--format", "pdf", "--jobs", "2"],
                          capture_output=True, text=True, timeout=300, env={**cli_env(), "TMPDIR": str(temp)})
    assert done.returncode == 0, done.stderr
    assert len(list((root / "output").rglob("*.pdf"))) == 4  # two guides in da and ur: both workers rendered
    assert sorted(p.name for p in temp.iterdir()) == []


def _render_with(face: str) -> int:
    """Render a one-line PDF whose text is in the font of one @font-face rule; return this process's id."""
    import os

    pdf.render_pdf(f'<html lang="da"><head><title>T</title><style>{face} p {{ font-family: "Noto Sans" }}</style>'
                   '</head><body><p>Hej</p></body></html>', "file:///")
    return os.getpid()


def _folders(temp: Path) -> dict[str, list[str]]:
    return {f.name: sorted(p.name for p in f.iterdir()) for f in sorted(temp.glob("weasyprint-*"))}


@pytest.mark.parametrize("fonts_changed", [False, True])
def test_workers_forked_after_the_parent_rendered_use_their_own_font_folders(tmp_path, monkeypatch, fonts_changed):
    """The parent's configuration (an inline build's) is inherited: a worker must not add to its folder,
    nor leave its own behind when the fonts changed in between (the worker then makes one)."""
    import tempfile

    from pipeline.build.pool import make_executor
    from pipeline.render import fonts

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    regular, bold = (fonts.pdf_font_css([replace(fonts.latin(), files=(face,))]) for face in fonts.latin().files[:2])
    fontconfig.forget()  # a configuration of this test's own, its folder in tmp_path
    try:
        _render_with(regular)
        parent = _folders(tmp_path)
        assert len(parent) == 1
        if fonts_changed:
            fontconfig.forget()
        with make_executor(2, 2) as pool:
            pids = {pool.submit(_render_with, bold).result() for _ in range(4)}
        assert pids, "the workers rendered"
        assert _folders(tmp_path) == parent
    finally:
        pdf._drop_font_configuration()
