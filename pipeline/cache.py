"""The user's cache folder: results that depend only on their inputs, kept across builds and projects.

An entry is named by the hash of everything that shapes it (a font file's hash, the
characters, the library versions…), so a stale entry is never found, only an unused one.
Each file holds the payload's SHA-256 before the payload: a torn or corrupt entry is
ignored (and written again by whoever needs it). The folder is
``$LIGETIL_CACHE_DIR``, else ``$XDG_CACHE_HOME/ligetil``, else ``~/.cache/ligetil``; it
may be deleted at any time. :func:`prune` keeps it under ``$LIGETIL_CACHE_MAX_MB``
(default 1024), dropping the entries used least recently.

The cache is an accelerator only: a folder that cannot be read or written makes ligetil
slower, never wrong, and never stops a command.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Callable, Iterable

from pipeline.errors import WriteError
from pipeline.fsutil import TEMP_PREFIX, write_bytes_atomic

ENV_DIR = "LIGETIL_CACHE_DIR"
ENV_MAX_MB = "LIGETIL_CACHE_MAX_MB"
DEFAULT_MAX_MB = 1024
_DIGEST = 32  # bytes of SHA-256 before each payload


def cache_dir() -> Path:
    """Return the cache folder (platformdirs is not a dependency; this is its Linux answer)."""
    chosen = os.environ.get(ENV_DIR)
    if chosen:
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ligetil"


def key_of(*parts: Any) -> str:
    """Return the entry name for JSON-able parts (bytes are hashed first)."""
    plain = [hashlib.sha256(p).hexdigest() if isinstance(p, (bytes, bytearray)) else p for p in parts]
    text = json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _path(kind: str, key: str) -> Path:
    return cache_dir() / kind / key[:2] / key


def get(kind: str, key: str) -> bytes | None:
    """Return an entry's payload, or None when it is missing or corrupt."""
    path = _path(kind, key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    payload = data[_DIGEST:]
    if len(data) < _DIGEST or hashlib.sha256(payload).digest() != data[:_DIGEST]:
        return None  # torn or damaged: the caller makes it again and put() replaces it
    try:
        os.utime(path)  # last use, for prune()
    except OSError:
        pass
    return payload


def put(kind: str, key: str, payload: bytes) -> None:
    """Store an entry atomically; a folder that cannot be written is passed over."""
    try:
        write_bytes_atomic(_path(kind, key), hashlib.sha256(payload).digest() + payload, durable=False)
    except WriteError:
        pass


def cached(kind: str, key: str, make: Callable[[], bytes]) -> bytes:
    """Return the entry, or ``make()`` it and store it."""
    found = get(kind, key)
    if found is None:
        found = make()
        put(kind, key, found)
    return found


def folder_stamps(folders: Iterable[str]) -> list[list]:
    """Return each folder's modification time (ns; None when it is missing).

    A folder's time changes when a file is added to it, removed or renamed: the test
    fontconfig itself trusts its caches by.
    """
    stamps = []
    for folder in folders:
        try:
            stamps.append([folder, os.stat(folder).st_mtime_ns])
        except OSError:
            stamps.append([folder, None])
    return stamps


def remembered(kind: str, identity: Any, ask: Callable[[], tuple[str, Iterable[str]]]) -> str:
    """Return a fact about this machine (a tool's listing), asked again only when it may have changed.

    ``ask()`` returns the answer and the folders whose change would change it; the answer
    is kept with their times under ``identity`` (the tool's path and times, its settings)
    and given back while ``identity`` and every folder's time are as they were.
    """
    key = key_of("remembered", identity)
    found = get(kind, key)
    if found is not None:
        try:
            record = json.loads(found)
            if record["stamps"] == folder_stamps(record["folders"]):
                return record["answer"]
        except (ValueError, KeyError, TypeError):
            pass  # an entry of another shape: ask again
    answer, folders = ask()
    folders = sorted(set(folders))
    put(kind, key, json.dumps({"answer": answer, "folders": folders,
                               "stamps": folder_stamps(folders)}).encode("utf-8"))
    return answer


def file_stamps(paths: Iterable[str]) -> list[list]:
    """Return each file's size and modification time (None when it is missing)."""
    stamps = []
    for path in paths:
        try:
            stat = os.stat(path)
            stamps.append([path, stat.st_size, stat.st_mtime_ns])
        except OSError:
            stamps.append([path, None, None])
    return stamps


def max_bytes() -> int:
    """Return the size the cache is kept under ($LIGETIL_CACHE_MAX_MB, default 1024 MB)."""
    try:
        return max(0, int(os.environ.get(ENV_MAX_MB, DEFAULT_MAX_MB))) * 1_000_000
    except ValueError:
        return DEFAULT_MAX_MB * 1_000_000


def prune(limit: int | None = None) -> int:
    """Delete the least recently used entries until the cache is under ``limit`` bytes; return how many."""
    limit = max_bytes() if limit is None else limit
    entries = []
    root = cache_dir()
    for path in root.glob("*/*/*") if root.is_dir() else ():
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.name.startswith(TEMP_PREFIX):  # a killed writer's: never used by anyone
            path.unlink(missing_ok=True)
            continue
        entries.append((stat.st_mtime_ns, stat.st_size, path))
    total, removed = sum(size for _, size, _ in entries), 0
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        path.unlink(missing_ok=True)
        total, removed = total - size, removed + 1
    return removed
