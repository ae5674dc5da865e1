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


class ConcurrencyError(LigetilError):
    """Another run holds the lock, or a file changed on disk while we worked."""
