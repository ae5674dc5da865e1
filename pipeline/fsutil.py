"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from pipeline.errors import ConcurrencyError, WriteError

TEMP_PREFIX = ".ligetil-tmp-"


def write_bytes_atomic(path: Path, data: bytes, display: str | None = None, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` via a synced temp file and ``os.replace``; skip if equal.

    Returns whether the file was (re)written. A failed write (a full disk, a read-only
    folder) raises WriteError naming ``display`` (default: the path) and leaves no temp file.
    ``durable=False`` skips the fsyncs: still atomic, but a crash may lose the file (the
    cache checks its entries instead).
    """
    path = Path(path)
    if same_bytes(path, data):
        return False
    _replace(path, data, display, lambda: None, durable)
    return True


def replace_if_unchanged(path: Path, data: bytes, expected: str | None, display: str) -> bool:
    """Write ``data`` over ``path`` only if the file still has the digest ``expected`` (None: absent).

    The file is compared again right before the rename, so a translator's save made while
    ligetil worked is never overwritten: ConcurrencyError instead. Returns whether it changed.
    """
    path = Path(path)

    def still_as_read() -> None:
        found = _read_or_none(path)
        if (None if found is None else digest(found)) != expected:
            raise ConcurrencyError("changed on disk while ligetil was working; nothing was written "
                                   "over it, run the command again", display)

    still_as_read()
    if _read_or_none(path) == data:
        return False
    _replace(path, data, display, still_as_read)
    return True


def _read_or_none(path: Path) -> bytes | None:
    """Return a file's bytes, or None when there is no such file."""
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def same_bytes(path: Path, data: bytes) -> bool:
    """Tell whether ``path`` holds exactly ``data`` (an unreadable file does not: it is replaced)."""
    try:
        return _read_or_none(path) == data
    except OSError:  # another user's folder, a link loop: replacing it says whether it can be
        return False


def temp_beside(path: Path, data: bytes, display: str | None = None, durable: bool = True) -> Path:
    """Write ``data`` to a new (synced) temp file in ``path``'s folder and return it; rename it later.

    A failed write raises WriteError naming ``display`` (default: the path) and leaves no temp file.
    """
    temp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            if durable:
                os.fsync(temp.fileno())
        os.chmod(temp_name, 0o644)
    except BaseException as error:  # a full disk, or Ctrl-C during a long write or fsync
        if temp_name is not None:
            remove_temp(Path(temp_name))
        if isinstance(error, OSError):
            raise WriteError(f"cannot write: {error.strerror or error}", display or str(path)) from None
        raise
    return Path(temp_name)


def _replace(path: Path, data: bytes, display: str | None, before_rename, durable: bool = True) -> None:
    """Write a synced temp file beside ``path``, call ``before_rename()``, then rename it over."""
    temp = temp_beside(path, data, display, durable)
    try:
        before_rename()
        os.replace(temp, path)
    except OSError as error:
        raise WriteError(f"cannot write: {error.strerror or error}", display or str(path)) from None
    finally:
        remove_temp(temp)  # gone once renamed
    if durable:
        sync_folder(path.parent, display)


def write_text_atomic(path: Path, text: str, display: str | None = None) -> bool:
    """Write UTF-8 text atomically; return whether the file changed."""
    return write_bytes_atomic(path, text.encode("utf-8"), display)


def sync_folder(folder: Path, display: str | None = None) -> None:
    """Make the rename itself durable (no-op where folders cannot be opened); errors name ``display``."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as error:  # the file is in place, but a crash now could lose it: say so
        raise WriteError(f"cannot make the write durable: {error.strerror or error}", display or str(folder)) from None
    finally:
        os.close(fd)


def remove_temp(temp: Path) -> None:
    """Remove a temp file where possible: on a disk gone read-only the error that led here is the one to show.

    One left behind is hidden, and the next run removes it (:func:`remove_stale_temps`).
    """
    try:
        temp.unlink(missing_ok=True)
    except OSError:
        pass


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


def file_digest(path: Path) -> str | None:
    """Return the content hash of a file, or None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None
