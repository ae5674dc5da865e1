"""Web fonts are cut once per machine: a second cold build takes every face from the user cache."""

from __future__ import annotations

import shutil

import pytest
from helpers import build, copy_sample, snapshot

from pipeline.render import fonts


@pytest.fixture
def cuts(monkeypatch, tmp_path) -> list[str]:
    """Count the faces cut (in this process: the builds run with --jobs 1), in an empty cache."""
    monkeypatch.setenv("LIGETIL_CACHE_DIR", str(tmp_path / "cache"))
    made: list[str] = []
    real = fonts.cut_woff2

    def counting(data: bytes, chars: str, index: int = 0) -> bytes:
        made.append(chars)
        return real(data, chars, index)

    monkeypatch.setattr(fonts, "cut_woff2", counting)
    return made


def test_a_second_cold_build_cuts_no_face_and_writes_the_same_files(tmp_path, cuts, fixed_dates):
    project = copy_sample(tmp_path / "project", guides=("madservice",), languages=("en", "ur"))
    build(project, "--format", "html", "--jobs", "1")
    first, faces = snapshot(project / "output"), len(cuts)
    assert faces >= 2 and any(name.startswith("fonts/") for name in first)  # Latin and Nastaliq at least
    shutil.rmtree(project / "output")
    build(project, "--format", "html", "--jobs", "1")
    assert len(cuts) == faces  # none cut again
    assert snapshot(project / "output") == first


def test_a_damaged_cache_entry_is_cut_again_and_repaired(tmp_path, cuts, fixed_dates):
    project = copy_sample(tmp_path / "project", guides=("madservice",), languages=("en",))
    build(project, "--format", "html", "--jobs", "1")
    first, faces = snapshot(project / "output"), len(cuts)
    entries = sorted(p for p in (tmp_path / "cache" / "fonts").rglob("*") if p.is_file())
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:100])  # torn, as by a crash without the rename
    shutil.rmtree(project / "output")
    build(project, "--format", "html", "--jobs", "1")
    assert len(cuts) == 2 * faces and snapshot(project / "output") == first
    shutil.rmtree(project / "output")
    build(project, "--format", "html", "--jobs", "1")
    assert len(cuts) == 2 * faces  # the entries were written again, whole
