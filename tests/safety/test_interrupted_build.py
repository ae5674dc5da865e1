"""A build killed at any moment leaves no partial file, and the next build finishes the job."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import time
from pathlib import Path

from helpers import assert_whole, copy_sample, run_ligetil_process, start_ligetil_process, temp_files

from pipeline.fsutil import TEMP_PREFIX

KILLS = 5
BUILD = ("build", "--format", "html,pdf")


def set_updated(project: Path, day: int) -> str:
    """Change every guide's `updated:` date, so a build rewrites every page and PDF."""
    stamp = f"2026-10-{day:02d}"
    for guide in (project / "content").glob("*.md"):
        text = guide.read_text(encoding="utf-8")
        guide.write_text(re.sub(r"(?m)^updated: .*$", f"updated: {stamp}", text, count=1), encoding="utf-8")
    return stamp


def assert_no_partial_output(out: Path, where: str) -> None:
    """Fail if any file a user sees in output/ is incomplete; temp files must be hidden ones."""
    for path in sorted(out.rglob("*")):
        if path.is_dir():
            continue
        if path.name.startswith(TEMP_PREFIX):
            continue  # a killed write's temp file: hidden, and the next build removes it
        try:
            assert_whole(path)
        except Exception as error:  # noqa: BLE001 - report which file, after which kill
            raise AssertionError(f"{where}: {path.relative_to(out)} is partial: {error}") from error


def start_build(project: Path) -> subprocess.Popen:
    return start_ligetil_process(project, *BUILD, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def kill_after(project: Path, delay: float) -> int | None:
    """Start a build, SIGKILL it after ``delay`` seconds; return its exit code if it ended first."""
    proc = start_build(project)
    try:
        return proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        kill(proc)
        return None


def kill_while_writing(project: Path, folder: Path, limit: float) -> int | None:
    """Start a build, SIGKILL it as soon as a file in ``folder`` has been replaced (the commit's renames).

    Temp files do not count: the spool writes them while the workers render, long before.
    """
    proc, started = start_build(project), time.time()
    while time.time() - started < limit:
        if proc.poll() is not None:
            return proc.returncode
        with os.scandir(folder) as entries:
            if any(not e.name.startswith(TEMP_PREFIX) and e.stat().st_mtime >= started for e in entries):
                break
        time.sleep(0.002)
    kill(proc)
    return None


def pages_from(out: Path, stamp: str) -> int:
    """Return how many guide pages carry the given `updated` date."""
    return sum(f'datetime="{stamp}"' in p.read_text(encoding="utf-8")
               for p in out.glob("*/*.html") if p.name != "index.html")


def test_a_build_killed_at_random_moments_never_leaves_a_partial_file(tmp_path):
    project = copy_sample(tmp_path / "project", languages=("en",))  # 4 PDFs: a short build
    started = time.time()
    cold = run_ligetil_process(project, *BUILD)
    duration = time.time() - started
    assert cold.returncode == 0, cold.stderr
    out = project / "output"
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    log, killed = [f"cold build {duration:.2f}s"], 0
    for number in range(1, KILLS + 1):
        stamp = set_updated(project, number)
        # Odd kills land anywhere; even ones when the first page is being replaced, since
        # writing takes a few milliseconds at the end and random moments rarely hit it.
        if number % 2:
            delay = rng.uniform(0.2, duration)
            code = kill_after(project, delay)
            where = f"seed {seed}, kill {number} at {delay:.2f}s of {duration:.2f}s"
        else:
            code = kill_while_writing(project, out / "da", 10 * duration)
            where = f"kill {number} while writing output/da/"
        log.append(f"{where}: {'killed' if code is None else f'finished with {code}'}; "
                   f"{pages_from(out, stamp)} page(s) new; temp files left: {temp_files(project)}")
        assert code in (None, 0), where
        killed += code is None
        assert_no_partial_output(out, where)
        assert not [t for t in temp_files(project) if not t.startswith("output/")], where
    print("\n".join(log))
    assert killed >= 2, "too few builds were killed before they ended:\n" + "\n".join(log)
    final = run_ligetil_process(project, *BUILD)
    assert final.returncode == 0, final.stderr + "\n" + "\n".join(log)
    assert temp_files(project) == [], "\n".join(log)
    assert_no_partial_output(out, "after the final build")
    for lang in ("da", "en"):
        for slug in ("madservice", "videotolkning"):
            assert (out / lang / f"{slug}.pdf").is_file()
            assert f'datetime="{stamp}"' in (out / lang / f"{slug}.html").read_text(encoding="utf-8"), \
                f"{lang}/{slug}.html is not from the last build\n" + "\n".join(log)
    manifest = json.loads((out / ".ligetil-manifest.json").read_text(encoding="utf-8"))["files"]
    on_disk = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert sorted(manifest + [".ligetil-manifest.json"]) == on_disk
