"""The process pool of a build: forked workers, an inline stand-in, and errors that cross it.

Errors travel back from workers as plain tuples because a LigetilError's path and line do
not survive pickling.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from pipeline import errors
from pipeline.errors import LigetilError, ManyErrors

PortableError = tuple[str, str, str | None, int | None]  # class name, message, path, line


def portable(error: LigetilError) -> list[PortableError]:
    """Return an error (or each of several) as picklable tuples."""
    if isinstance(error, ManyErrors):
        return [e for inner in error.errors for e in portable(inner)]
    return [(type(error).__name__, error.message, error.path, error.line)]


def restore(found: PortableError) -> LigetilError:
    """Rebuild an error from :func:`portable`'s tuple, keeping its class where known."""
    name, message, path, line = found
    kind = getattr(errors, name, LigetilError)
    return kind(message, path, line) if isinstance(kind, type) and issubclass(kind, LigetilError) \
        else LigetilError(message, path, line)


class LazyFuture(Future):
    """A future that runs its call in this process when the build asks for the next result."""

    def __init__(self, fn, args):
        super().__init__()
        self.call = (fn, args)

    def result(self, timeout=None):
        if not self.done():
            self.run()
        return super().result(timeout)

    def run(self) -> None:
        fn, args = self.call
        try:
            self.set_result(fn(*args))
        except BaseException as error:  # noqa: BLE001 - handed to the caller like a pool does
            self.set_exception(error)


class InlineExecutor:
    """Run units one by one in this process (``--jobs 1``, or too little work for a pool)."""

    def submit(self, fn, *args) -> Future:
        return LazyFuture(fn, args)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        """Nothing to stop."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()


def completed(pending) -> list[Future]:
    """Return finished futures: run the next inline one, else wait for the pool."""
    lazy = next((f for f in pending if isinstance(f, LazyFuture) and not f.done()), None)
    if lazy is not None:
        lazy.run()
        return [lazy]
    return list(wait(pending, return_when=FIRST_COMPLETED)[0])


def default_jobs() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def make_executor(jobs: int, units: int):
    """Return a process pool of at most ``jobs`` workers, or run inline when one would do.

    Workers are forked: they share the parent's imported modules and start in milliseconds;
    a build that renders PDFs imports WeasyPrint before forking them (schedule.render_guides).
    """
    workers = min(jobs, units)
    if workers <= 1:
        return InlineExecutor()
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_setup)


def stop(executor) -> None:
    """Cancel what waits and end the workers now (Ctrl-C): a font cut can take seconds."""
    processes = list((getattr(executor, "_processes", None) or {}).values())  # shutdown forgets them
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()  # Python 3.14 has terminate_workers(); until then, the processes


def _worker_setup() -> None:
    """Leave Ctrl-C to the parent, and die with it: an orphan would hold the project lock.

    What the worker inherited (WeasyPrint, the inputs) is frozen out of its garbage collection:
    a collection writes to every object it visits, which would copy the shared pages.
    """
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pool's own checks still end workers
        pass
    if os.getppid() == 1:  # the parent died before the call above
        os._exit(1)
