"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

TEMP_PREFIX = ".ligetil-tmp-"


def write_bytes_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` via a synced temp file and ``os.replace``; skip if equal.

    Returns whether the file was (re)written.
    """
    path = Path(path)
    try:
        if path.read_bytes() == data:
            return False
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)
    return True


def write_text_atomic(path: Path, text: str) -> bool:
    """Write UTF-8 text atomically; return whether the file changed."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temps(folder: Path) -> int:
    """Delete temp files left by a killed run below ``folder``; return how many."""
    count = 0
    if folder.is_dir():
        for temp in folder.rglob(TEMP_PREFIX + "*"):
            temp.unlink(missing_ok=True)
            count += 1
    return count


def digest(data: bytes) -> str:
    """Return a content hash used to detect changes."""
    return hashlib.sha256(data).hexdigest()
