"""One run at a time per project: an advisory lock file naming its holder."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import ConcurrencyError

LOCK_NAME = ".ligetil.lock"


@contextmanager
def project_lock(root: Path, command: str, wait: float = 5.0) -> Iterator[None]:
    """Hold the project's lock while a writing command runs; wait briefly, then fail."""
    path = root / LOCK_NAME
    handle = open(path, "a+", encoding="utf-8")
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another ligetil process"
                    raise ConcurrencyError(f"another run holds the project lock: {holder}; "
                                           "wait for it to finish", LOCK_NAME) from None
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(f"ligetil {command} (pid {os.getpid()})\n")
        handle.flush()
        yield
    finally:
        handle.close()
