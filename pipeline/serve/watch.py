"""What ``ligetil serve`` watches, and the batches of those files that changed (watchfiles)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from watchfiles import Change, DefaultFilter, watch

from pipeline.config import SETTINGS_FILE
from pipeline.errors import ServeError
from pipeline.fsutil import TEMP_PREFIX

FOLDERS = ("content", "translations")  # guides and their images; POT, PO files and the glossary
WATCHED = f"{FOLDERS[0]}/, {FOLDERS[1]}/ and {SETTINGS_FILE}"  # as --help and the terminal say it


def is_input(root: Path, path: str) -> bool:
    """Tell whether a changed path is one of the build's inputs (not output/, not a temp file)."""
    try:
        relative = Path(path).relative_to(root)
    except ValueError:
        return False
    if not relative.parts or relative.name.startswith(TEMP_PREFIX):
        return False
    return relative.as_posix() == SETTINGS_FILE or relative.parts[0] in FOLDERS


@contextmanager
def watching(root: Path) -> Iterator[Iterator[list[str]]]:
    """Watch the project's inputs while the block runs; yield the batches of changed paths."""
    ignored = DefaultFilter()  # editors' swap and backup files, .git, __pycache__

    def wanted(change: Change, path: str) -> bool:
        return ignored(change, path) and is_input(root, path)

    # An editor that saves by renaming over ligetil.toml ends a watch on the file itself, so the
    # root is watched instead, alone: not output/, nor a virtualenv that may sit below it.
    targets = [([root], False), ([root / name for name in FOLDERS if (root / name).is_dir()], True)]
    found: queue.Queue = queue.Queue()
    stop = threading.Event()
    threads = [threading.Thread(target=_feed, args=(paths, recursive, wanted, stop, found), daemon=True)
               for paths, recursive in targets if paths]
    for thread in threads:
        thread.start()
    try:
        yield _batches(root, found)
    finally:
        stop.set()
        for thread in threads:
            thread.join()


def _feed(paths: list[Path], recursive: bool, wanted: Callable[[Change, str], bool],
          stop: threading.Event, found: queue.Queue) -> None:
    """Put each batch of changed paths into ``found`` until ``stop`` is set (in a thread)."""
    try:
        for batch in watch(*paths, watch_filter=wanted, stop_event=stop, recursive=recursive,
                           raise_interrupt=False, debounce=800):
            lasting = {path for _, path in batch} - _transient(batch)
            if lasting:
                found.put(lasting)
    except (OSError, RuntimeError) as error:  # a folder gone, too many watches for the system
        found.put(ServeError(f"cannot watch for changes any more: {error}"))


def _transient(batch: set[tuple[Change, str]]) -> set[str]:
    """Return the paths made and removed within one batch: an editor's or sed's temp files."""
    made = {path for change, path in batch if change == Change.added}
    return {path for change, path in batch if change == Change.deleted and path in made
            and not Path(path).exists()}


def _batches(root: Path, found: queue.Queue) -> Iterator[list[str]]:
    """Yield changed inputs as sorted project-relative paths: all that waited, as one batch."""
    while True:
        changed: set[str] = set()
        item = found.get()
        while True:
            if isinstance(item, ServeError):
                raise item
            changed |= item
            try:
                item = found.get_nowait()
            except queue.Empty:
                break
        yield sorted(Path(path).relative_to(root).as_posix() for path in changed)
