"""The exception hierarchy: every user-facing error carries a location."""

from __future__ import annotations

from pathlib import Path


class LigetilError(Exception):
    """A problem the user can fix; prints as ``path:line: message``."""

    exit_code = 1

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class ConfigError(LigetilError):
    """Bad settings or bad usage: exit 2."""

    exit_code = 2


class SourceError(LigetilError):
    """A guide in ``content/`` cannot be read or is not valid."""


class CatalogError(LigetilError):
    """A POT/PO file cannot be read, merged or written safely."""


class TranslateError(LigetilError):
    """Machine translation cannot run (missing model, broken package)."""


class RenderError(LigetilError):
    """HTML or PDF output cannot be produced."""


class WriteError(LigetilError):
    """A file cannot be written: a read-only folder, a full disk."""


class ConcurrencyError(LigetilError):
    """Another run holds the lock, or a file changed on disk while we worked."""


class ServeError(LigetilError):
    """``ligetil serve`` cannot listen on its port or watch the project."""


class ManyErrors(LigetilError):
    """Several problems found before anything was written; printed one per line."""

    def __init__(self, errors: list[LigetilError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors
        self.exit_code = max(e.exit_code for e in errors)

    def __str__(self) -> str:
        return self.message


def raise_all(errors: list[LigetilError]) -> None:
    """Raise nothing, the one error, or all of them together."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ManyErrors(errors)
