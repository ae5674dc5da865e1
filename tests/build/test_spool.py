"""A build keeps what it renders in temp files beside output/, not in memory, and commits it only when all went well."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from helpers import copy_sample, temp_files

from pipeline import fsutil
from pipeline.build.spool import Spool

BUILD = ("build", "--format", "html,pdf", "--jobs", "1")


def files_of(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def touch_every_guide(root: Path) -> None:
    """Change every guide's date, so that a build renders every page and PDF again."""
    for guide in (root / "content").glob("*.md"):
        text = guide.read_text(encoding="utf-8")
        guide.write_text(re.sub(r"(?m)^updated: .*$", "updated: 2026-11-30", text, count=1), encoding="utf-8")


def fail_after(monkeypatch, calls: int) -> list[int]:
    """Make the ``calls``-th fsync and every later one fail as on a full disk; return the call count."""
    seen, real = [0], os.fsync

    def fsync(fd):
        seen[0] += 1
        if seen[0] >= calls:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd)

    monkeypatch.setattr(fsutil.os, "fsync", fsync)
    return seen


def test_a_full_disk_in_the_middle_of_a_build_leaves_output_as_it_was(tmp_path, ligetil, fixed_dates, monkeypatch):
    root = copy_sample(tmp_path / "project")
    assert ligetil(root, *BUILD).code == 0
    out = root / "output"
    before = files_of(out)
    touch_every_guide(root)
    seen = fail_after(monkeypatch, 6)  # after five of the build's files were spooled
    result = ligetil(root, *BUILD)
    assert seen[0] >= 6, "the build wrote fewer files than the test expects"
    assert result.code == 1 and "Traceback" not in result.err
    assert re.search(r"^output/[^:]+\.(html|pdf): cannot write: No space left on device$", result.err, re.M), result.err
    assert files_of(out) == before  # not one file changed, though five were written before the disk filled up
    assert temp_files(out) == []


def test_a_first_build_that_fails_leaves_no_output_folder(tmp_path, ligetil, fixed_dates, monkeypatch):
    root = copy_sample(tmp_path / "project")
    fail_after(monkeypatch, 4)
    result = ligetil(root, *BUILD)
    assert result.code == 1 and "Traceback" not in result.err
    assert not (root / "output").exists(), sorted(p.name for p in (root / "output").rglob("*"))


def test_the_spool_writes_only_what_differs_and_commits_it_whole(tmp_path):
    out = tmp_path / "output"
    (out / "da").mkdir(parents=True)
    (out / "da" / "same.html").write_bytes(b"same")
    (out / "da" / "old.html").write_bytes(b"old")
    spool = Spool(out)
    spool["da/same.html"], spool["da/old.html"], spool["en/new.pdf"] = b"same", b"new", b"%PDF-"
    assert (out / "da" / "old.html").read_bytes() == b"old" and not (out / "en" / "new.pdf").exists()
    assert len(temp_files(out)) == 2 and spool["en/new.pdf"] == b"%PDF-"
    assert spool.made["da/same.html"].temp is None and spool.made["en/new.pdf"].size == 5
    assert spool.commit() == 2
    assert files_of(out) == {"da/old.html": b"new", "da/same.html": b"same", "en/new.pdf": b"%PDF-"}
    assert temp_files(out) == []


@pytest.mark.parametrize("again", [False, True])
def test_discarding_the_spool_removes_its_temp_files_and_the_folders_made_for_them(tmp_path, again):
    out = tmp_path / "output"
    (out / "da").mkdir(parents=True)
    spool = Spool(out)
    spool["da/a.html"], spool["fa/b/c.pdf"] = b"a", b"c"
    if again:
        spool["fa/b/c.pdf"] = b"c2"  # set twice: the first temp file goes at once
        assert len(temp_files(out)) == 2
    spool.discard()
    assert files_of(out) == {} and sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["da"]


def test_a_folder_that_cannot_be_synced_is_a_clear_error_not_a_traceback(tmp_path, monkeypatch):
    out = tmp_path / "output"
    spool = Spool(out)
    spool["da/a.html"] = b"a"

    def fsync(fd):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(fsutil.os, "fsync", fsync)
    with pytest.raises(fsutil.WriteError, match="cannot make the write durable: Input/output error") as raised:
        spool.commit()
    assert raised.value.path == "output/da/a.html"  # as the user sees it, not the absolute folder


def test_ctrl_c_while_a_file_is_spooled_leaves_no_temp_file(tmp_path, monkeypatch):
    out = tmp_path / "output"
    spool = Spool(out)

    def fsync(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(fsutil.os, "fsync", fsync)
    with pytest.raises(KeyboardInterrupt):
        spool["da/a.pdf"] = b"%PDF-"
    spool.discard()
    with pytest.raises(KeyboardInterrupt):
        fsutil.write_bytes_atomic(tmp_path / "da.po", b"msgid")
    assert temp_files(tmp_path) == []


def test_a_temp_file_that_cannot_be_removed_does_not_hide_the_build_error(tmp_path, ligetil, fixed_dates, monkeypatch):
    """A disk that turned read-only fails the write and then the clean-up: the write's error is the one shown."""
    root = copy_sample(tmp_path / "project")
    assert ligetil(root, *BUILD).code == 0
    touch_every_guide(root)
    fail_after(monkeypatch, 3)
    real = Path.unlink

    def unlink(self, missing_ok=False):
        if self.name.startswith(fsutil.TEMP_PREFIX) and self.exists():
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    result = ligetil(root, *BUILD)
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert re.search(r"^output/[^:]+: cannot write: No space left on device$", result.err, re.M), result.err
