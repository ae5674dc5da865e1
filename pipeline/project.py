"""The one reader of a project: guides, catalogs (with their hashes), the languages to work
on, and the one decision whether a guide is published in a language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.catalog.glossary import Glossary, read_glossary
from pipeline.catalog.pofile import decode_catalog, format_catalogs, parse_catalog
from pipeline.catalog.stats import coverage
from pipeline.config import SETTINGS_FILE, Settings
from pipeline.errors import ConfigError, LigetilError, SourceError, raise_all
from pipeline.fsutil import digest, file_digest, replace_if_unchanged
from pipeline.model import Coverage, Guide, Segment
from pipeline.paths import glossary_path, guide_paths, po_path
from pipeline.qa import erroneous_msgids
from pipeline.qa.glossary_checks import GLOSSARY_CHECK
from pipeline.qa.registry import is_enabled, severity_of
from pipeline.render.localize import unusable_msgids
from pipeline.source import read_guide, segment

if TYPE_CHECKING:  # polib is imported only by pipeline.catalog
    import polib


@dataclass(frozen=True)
class SourceGuide:
    """A guide with its segments."""

    guide: Guide
    segments: list[Segment]


def chosen_guide_paths(settings: Settings, only: str | None = None) -> list[Path]:
    """Return the guides' files for ``--guide`` (all when None), refusing an unknown slug."""
    paths = guide_paths(settings)
    if only is None:
        return paths
    chosen = [p for p in paths if p.stem == only]
    if not chosen:
        known = ", ".join(p.stem for p in paths) or "none"
        raise ConfigError(f"no guide named {only!r} in content/ (guides: {known})")
    return chosen


def load_guides(settings: Settings, only: str | None = None) -> list[SourceGuide]:
    """Read and segment every guide (or one); report all broken guides at once."""
    paths = chosen_guide_paths(settings, only)
    loaded, errors = [], []
    for path in paths:
        try:
            guide = read_guide(path, settings)
            loaded.append(SourceGuide(guide, segment(guide)))
        except LigetilError as error:
            errors.append(error)
    raise_all(errors)
    return loaded


def project_glossary(settings: Settings) -> Glossary:
    """Read ``translations/glossary.csv`` (empty when there is none); a bad row raises at its line."""
    path = glossary_path(settings)
    return read_glossary(path, settings.relative(path), settings.source_language)


def withholding_glossary(settings: Settings) -> Glossary | None:
    """Return the glossary when its check can withhold a translation (``[check] severity`` makes
    glossary-term an error); else None, and publishing never reads it."""
    if not is_enabled(GLOSSARY_CHECK, settings) or severity_of(GLOSSARY_CHECK, settings) != "error":
        return None
    return project_glossary(settings)


def chosen_languages(settings: Settings, lang: str | None, *, source: bool = False) -> list[str]:
    """Return the languages to work on for ``--lang``; with ``source``, the source language too.

    Every command refuses a language the project does not have with this one message.
    """
    if lang is None:
        return list(settings.all_languages if source else settings.languages)
    if source and lang == settings.source_language:
        return [lang]
    if lang not in settings.languages:
        known = ", ".join(settings.all_languages if source else settings.languages)
        raise ConfigError(f"unknown language {lang!r}; this project has: {known} "
                          "(add it to project.languages in ligetil.toml)")
    return [lang]


@dataclass(frozen=True)
class Publication:
    """Whether one guide is published in one language, and why (or why not)."""

    lang: str
    coverage: Coverage  # words, after entries with check errors count as untranslated
    refused: frozenset[str]  # msgids whose translation is not published (check errors, raw HTML)
    publishable: bool
    threshold: float

    def reason(self) -> str:
        """Return why the guide is not published (empty when it is)."""
        if self.publishable:
            return ""
        refused = f" after {len(self.refused)} entr{'y' if len(self.refused) == 1 else 'ies'} with " \
                  "check errors" if self.refused else ""
        return (f"not published in {self.lang}: {self.coverage.ratio:.0%} of the words reviewed{refused}, "
                f"below publish.min_reviewed = {self.threshold:.0%}")


def publication(segments: list[Segment], po: polib.POFile | None, lang: str, settings: Settings,
                preview: bool = False, glossary: Glossary | None = None) -> Publication:
    """Decide whether a guide is published in ``lang``: its reviewed share after QA errors.

    The one decision behind ``status``, ``build`` and the site's indexes. The source language
    is always published; with ``preview``, machine drafts count as reviewed. ``glossary``:
    :func:`withholding_glossary`, so that an error ``check`` reports withholds here too.
    """
    if lang == settings.source_language:
        words = coverage(segments, None).words
        return Publication(lang, Coverage(words, words), frozenset(), True, settings.min_reviewed)
    refused = frozenset(erroneous_msgids(po, lang, settings, glossary) if po is not None else ()) | unusable_msgids(po)
    cov = coverage(segments, po, refused)
    share = (cov.reviewed_words + cov.draft_words) / cov.words if preview and cov.words else cov.ratio
    return Publication(lang, cov, refused, share >= settings.min_reviewed, settings.min_reviewed)


class CatalogSnapshot:
    """Catalogs as read, with their hashes, so a concurrent edit is never overwritten."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.hashes: dict[Path, str | None] = {}
        self.parsed: dict[Path, polib.POFile] = {}
        self.texts: dict[Path, str] = {}  # each catalog as polib printed it when read: what a merge left alone

    def read(self, path: Path) -> polib.POFile | None:
        """Read a catalog if it exists, remembering what it looked like (read once: the same object again)."""
        if path in self.parsed:
            return self.parsed[path]
        display = self.settings.relative(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.hashes[path] = None
            return None
        self.hashes[path] = digest(data)
        self.parsed[path] = parse_catalog(decode_catalog(data, display), display)
        self.texts[path] = str(self.parsed[path])
        return self.parsed[path]

    def read_po(self, lang: str, slug: str) -> polib.POFile | None:
        """Read one guide's catalog in one language."""
        return self.read(po_path(self.settings, lang, slug))

    def write_all(self, catalogs: dict[Path, polib.POFile]) -> list[Path]:
        """Format every catalog first, then write each one that changed; return the changed.

        All of them go through msgcat before any is written, so a refusal writes nothing;
        a catalog whose content is what was read is left as it is, without msgcat.
        Each write is a compare-and-replace against the file as read: a file saved since by
        someone else is never overwritten (ConcurrencyError names it, and the run stops).
        """
        printed = {path: str(po) for path, po in catalogs.items()}
        changed = {path: po for path, po in catalogs.items() if printed[path] != self.texts.get(path)}
        displays = {path: self.settings.relative(path) for path in changed}
        texts = format_catalogs(changed, displays, printed)
        return [path for path, text in texts.items()
                if replace_if_unchanged(path, text.encode("utf-8"), self.hashes.get(path), displays[path])]


def catalog_inputs(settings: Settings) -> list[tuple[str, str]]:
    """Return every file ``ligetil update`` reads, by path, with its hash: settings, guides, catalogs."""
    folder = settings.translations_dir
    paths = [settings.root / SETTINGS_FILE, *guide_paths(settings), *sorted(folder.glob("*.pot")),
             *sorted(folder.glob("*/LC_MESSAGES/*.po"))]
    return [(settings.relative(path), file_digest(path)) for path in paths]


@dataclass
class Inputs:
    """The project's guides and catalogs as bytes and hashes, read once (what a build renders)."""

    common: str  # the hash every output depends on besides these files (the build's)
    sources: dict[str, tuple[str, bytes, str]]  # slug -> (where, bytes, hash)
    catalogs: dict[tuple[str, str], tuple[str, bytes | None, str | None]]  # (lang, slug)
    glossary: Glossary | None = None  # withholding_glossary(): read only when its check is an error

    def source_hash(self, slug: str) -> str:
        """Return the hash of a guide's source."""
        return self.sources[slug][2]

    def catalog_hash(self, lang: str, slug: str) -> str | None:
        """Return the hash of a guide's catalog in a language (None when there is none)."""
        return self.catalogs.get((lang, slug), ("", None, None))[2]


def read_files(settings: Settings) -> tuple[dict, dict]:
    """Read every guide and catalog as bytes with hashes; report unreadable guides all at once."""
    sources, catalogs, errors = {}, {}, []
    for path in guide_paths(settings):
        where = settings.relative(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            errors.append(SourceError(f"cannot read: {error.strerror}", where))
            continue
        sources[path.stem] = (where, data, digest(data))
        for lang in settings.languages:
            po = po_path(settings, lang, path.stem)
            try:
                raw = po.read_bytes()
            except FileNotFoundError:
                raw = None
            catalogs[(lang, path.stem)] = (settings.relative(po), raw, None if raw is None else digest(raw))
    raise_all(errors)
    return sources, catalogs
