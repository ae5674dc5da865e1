"""An update killed at any moment: every catalog parses, no translation is lost, and the next
update finishes the job and leaves no temp file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import polib
from helpers import copy_project, run_ligetil_process, start_ligetil_process, temp_files

from pipeline.catalog.pofile import read_catalog

KILLS = 6


def reviewed(project: Path) -> dict[tuple[str, str], str]:
    """Every reviewed translation of the project, by (catalog, msgid), obsolete ones included."""
    found = {}
    for path in sorted((project / "translations").glob("*/LC_MESSAGES/*.po")):
        for entry in polib.pofile(str(path)):
            if entry.msgstr and "fuzzy" not in entry.flags:
                found[(path.relative_to(project).as_posix(), entry.msgid)] = entry.msgstr
    assert found
    return found


def change_every_guide(project: Path, number: int) -> None:
    """Append a new paragraph to every guide, so update rewrites every template and catalog."""
    for guide in sorted((project / "content").glob("*.md")):
        guide.write_text(guide.read_text(encoding="utf-8") + f"\nNy tekst nummer {number}.\n", encoding="utf-8")


def kill_after(project: Path, delay: float) -> int | None:
    """Start an update, SIGKILL it after ``delay`` seconds; return its exit code if it ended first."""
    proc = start_ligetil_process(project, "update", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


def test_an_update_killed_at_random_moments_loses_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    before = reviewed(project)
    change_every_guide(project, 0)
    started = time.time()
    first = run_ligetil_process(project, "update")
    duration = time.time() - started
    assert first.returncode == 0, first.stderr
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    killed, log = 0, [f"update {duration:.2f}s, seed {seed}"]
    for number in range(1, KILLS + 1):
        change_every_guide(project, number)
        delay = rng.uniform(0.05, duration)
        code = kill_after(project, delay)
        killed += code is None
        log.append(f"kill {number} at {delay:.2f}s: {'killed' if code is None else code}; "
                   f"temp files {len(temp_files(project))}")
        assert code in (None, 0), log
        for path in sorted((project / "translations").glob("*/LC_MESSAGES/*.po")):
            read_catalog(path, path.name)  # raises if a catalog is partial
        assert reviewed(project) == before, "\n".join(log)
    assert killed >= 2, "too few updates were killed before they ended:\n" + "\n".join(log)
    final = run_ligetil_process(project, "update")
    assert final.returncode == 0, final.stderr
    assert temp_files(project) == [], "\n".join(log)
    assert reviewed(project) == before
