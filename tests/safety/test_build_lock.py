"""One run at a time: a second build waits briefly, then names the build that holds the project."""

from __future__ import annotations

import fcntl
import functools
import os
import subprocess
import time

from helpers import assert_whole, start_ligetil_process

from pipeline.lock import LOCK_NAME, project_lock

WAIT = 1.0  # the build's wait, shortened so the holder is surely still running when it ends


def wait_for_holder(project, proc: subprocess.Popen, limit: float = 30.0) -> None:
    """Return once ``proc`` holds the project lock (its pid is in the lock file)."""
    deadline = time.monotonic() + limit
    lock = project / LOCK_NAME
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the first build ended before it was seen holding the lock"
        if lock.exists() and f"(pid {proc.pid})" in lock.read_text(encoding="utf-8"):
            return
        time.sleep(0.01)
    raise AssertionError("the first build never took the project lock")


def test_a_second_build_waits_then_fails_naming_the_running_build(project, ligetil, monkeypatch):
    from pipeline.commands import build as build_command
    monkeypatch.setattr(build_command, "project_lock", functools.partial(project_lock, wait=WAIT))
    holder = start_ligetil_process(project, "build", "--format", "html,pdf",
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_holder(project, holder)
        started = time.monotonic()
        second = ligetil(project, "build", "--format", "html", "--lang", "tr")
        waited = time.monotonic() - started
        assert holder.poll() is None, "the first build ended while the second waited: no contention"
    finally:
        out, err = holder.communicate(timeout=120)
    assert second.code == 1
    assert f"{LOCK_NAME}: another run holds the project lock: ligetil build (pid {holder.pid})" in second.err
    assert waited >= WAIT
    assert holder.returncode == 0, err
    for path in (project / "output").rglob("*.*"):
        assert_whole(path)


def test_by_default_a_blocked_build_gives_up_naming_the_holder_and_a_finished_build_releases_the_lock(
        project, ligetil):
    lock = project / LOCK_NAME
    with open(lock, "a+", encoding="utf-8") as other_run:  # another open file: flock conflicts
        fcntl.flock(other_run, fcntl.LOCK_EX | fcntl.LOCK_NB)
        other_run.write("ligetil update (pid 4242)\n")
        other_run.flush()
        refused = ligetil(project, "build", "--format", "html", "--lang", "tr")
    assert refused.code == 1, refused.out + refused.err
    assert (f"{LOCK_NAME}: another run holds the project lock: ligetil update (pid 4242); "
            "wait for it to finish") in refused.err
    assert not (project / "output").exists()
    done = ligetil(project, "build", "--format", "html", "--lang", "tr")
    assert done.code == 0, done.out + done.err
    assert (project / "output" / "tr" / "madservice.html").is_file()
    assert lock.read_text(encoding="utf-8") == f"ligetil build (pid {os.getpid()})\n"
    with open(lock, "a+", encoding="utf-8") as next_run:
        fcntl.flock(next_run, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError if the build kept it
