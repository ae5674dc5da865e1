"""Gather a project's guides, segments and catalogs before any command writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.catalog.pofile import decode_catalog, parse_catalog
from pipeline.config import Settings
from pipeline.errors import ConcurrencyError, ConfigError, LigetilError, raise_all
from pipeline.fsutil import digest
from pipeline.model import Guide, Segment
from pipeline.paths import guide_paths, po_path
from pipeline.source import read_guide, segment

if TYPE_CHECKING:  # polib is imported only by pipeline.catalog
    import polib


@dataclass(frozen=True)
class SourceGuide:
    """A guide with its segments."""

    guide: Guide
    segments: list[Segment]


def load_guides(settings: Settings, only: str | None = None) -> list[SourceGuide]:
    """Read and segment every guide (or one); report all broken guides at once."""
    paths = guide_paths(settings)
    if only is not None:
        paths = [p for p in paths if p.stem == only]
        if not paths:
            known = ", ".join(p.stem for p in guide_paths(settings)) or "none"
            raise ConfigError(f"no guide named {only!r} in content/ (guides: {known})")
    loaded, errors = [], []
    for path in paths:
        try:
            guide = read_guide(path, settings)
            loaded.append(SourceGuide(guide, segment(guide)))
        except LigetilError as error:
            errors.append(error)
    raise_all(errors)
    return loaded


def check_language(settings: Settings, lang: str | None) -> list[str]:
    """Return the target languages to work on, refusing one the project does not have."""
    if lang is None:
        return list(settings.languages)
    if lang not in settings.languages:
        known = ", ".join(settings.languages)
        raise ConfigError(f"unknown language {lang!r}; this project has: {known} "
                          "(add it to project.languages in ligetil.toml)")
    return [lang]


class CatalogSnapshot:
    """Catalogs as read, with their hashes, so a concurrent edit is never overwritten."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.hashes: dict[Path, str | None] = {}

    def read(self, path: Path) -> polib.POFile | None:
        """Read a catalog if it exists, remembering what it looked like."""
        display = self.settings.relative(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.hashes[path] = None
            return None
        self.hashes[path] = digest(data)
        return parse_catalog(decode_catalog(data, display), display)

    def read_po(self, lang: str, slug: str) -> polib.POFile | None:
        """Read one guide's catalog in one language."""
        return self.read(po_path(self.settings, lang, slug))

    def verify_unchanged(self, path: Path) -> None:
        """Refuse to write over a catalog that changed on disk since it was read."""
        try:
            now = digest(path.read_bytes())
        except FileNotFoundError:
            now = None
        if now != self.hashes.get(path):
            raise ConcurrencyError("changed on disk while ligetil was working; nothing was "
                                   "written over it, run the command again",
                                   self.settings.relative(path))
