"""The files a build made, kept on disk beside their places in output/ until the build commits them.

A build that fails writes nothing: its temp files are removed (a killed build's by the next
one, fsutil.remove_stale_temps). Keeping them on disk rather than in memory keeps a build's
memory flat in the number of guides, and writes them while the workers render.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import WriteError
from pipeline.fsutil import digest, remove_temp, same_bytes, sync_folder, temp_beside


@dataclass(frozen=True)
class Spooled:
    """One file of the build: its hash and size, and its temp file (None: output/ already holds it)."""

    hash: str
    size: int
    temp: Path | None


class Spool(MutableMapping):
    """Output name (relative to output/) → bytes, written to a temp file as soon as it is set."""

    def __init__(self, out: Path, shown: str = "output"):
        self.out, self.shown = out, shown  # shown: output/ as errors name it (relative to the project)
        self.made: dict[str, Spooled] = {}
        self._folders: list[Path] = []  # folders made for temp files, removed again if the build fails

    def __setitem__(self, name: str, data: bytes) -> None:
        path = self.out / name
        old = self.made.pop(name, None)
        if old is not None and old.temp is not None:
            remove_temp(old.temp)
        temp, hashed = None, digest(data)  # hashed first: nothing slow between the temp file and its record
        if not same_bytes(path, data):
            self._folders.extend(f for f in reversed(path.parents) if f.is_relative_to(self.out) and not f.exists())
            temp = temp_beside(path, data, f"{self.shown}/{name}")
        self.made[name] = Spooled(hashed, len(data), temp)

    def __getitem__(self, name: str) -> bytes:
        found = self.made[name]
        return (found.temp or self.out / name).read_bytes()

    def __delitem__(self, name: str) -> None:
        found = self.made.pop(name)
        if found.temp is not None:
            remove_temp(found.temp)

    def __iter__(self) -> Iterator[str]:
        return iter(self.made)

    def __contains__(self, name: object) -> bool:
        return name in self.made  # Mapping's would read the file

    def __len__(self) -> int:
        return len(self.made)

    def commit(self) -> int:
        """Rename every temp file over its place, then make the renames durable; return how many."""
        folders: dict[Path, str] = {}  # folder -> a file of it, as errors name it
        changed = 0
        for name, found in sorted(self.made.items()):
            if found.temp is None:
                continue
            try:
                os.replace(found.temp, self.out / name)
            except OSError as error:
                raise WriteError(f"cannot write: {error.strerror or error}", f"{self.shown}/{name}") from None
            self.made[name] = Spooled(found.hash, found.size, None)
            folders.setdefault((self.out / name).parent, f"{self.shown}/{name}")
            changed += 1
        for folder, shown in sorted(folders.items()):
            sync_folder(folder, shown)
        self._folders = []
        return changed

    def discard(self) -> None:
        """Remove every temp file not yet committed, and the folders made only for them."""
        for found in self.made.values():
            if found.temp is not None:
                remove_temp(found.temp)
        self.made.clear()
        for folder in reversed(self._folders):
            try:
                folder.rmdir()
            except OSError:  # not empty (another file came), or already gone
                pass
        self._folders = []
