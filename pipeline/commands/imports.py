"""`ligetil import`: bring an XLIFF file a CAT tool saved back into its catalog, as a translator's save."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.catalog.imported import ImportReport, Outcome, apply_translations, entry_lines
from pipeline.catalog.pofile import read_catalog
from pipeline.commands import App
from pipeline.config import Settings
from pipeline.errors import CatalogError, LigetilError, raise_all
from pipeline.exchange.langtags import project_language, same_language
from pipeline.exchange.xliff_read import ReadXliff, parse_xliff
from pipeline.fsutil import remove_stale_temps
from pipeline.lock import project_lock
from pipeline.paths import SLUG_RE, guide_paths, po_path
from pipeline.project import CatalogSnapshot

if TYPE_CHECKING:  # polib is imported only by pipeline.catalog
    import polib


@dataclass
class Imported:
    """What one import did: per catalog, what changed and what was refused, and where."""

    changed: list[tuple[str, str, Outcome]] = field(default_factory=list)  # (catalog, xliff, outcome)
    refused: list[tuple[str, Outcome]] = field(default_factory=list)  # (xliff, outcome)
    unchanged: int = 0
    empty: int = 0
    written: list[Path] = field(default_factory=list)


def catalog_of(settings: Settings, read: ReadXliff, display: str) -> Path:
    """Return the catalog an XLIFF <file> belongs to, refusing another project's or language's."""
    if not same_language(read.source_lang, settings.source_language):
        raise CatalogError(f"source language is {read.source_lang!r}, this project's is "
                           f"{settings.source_language!r}", display, read.line)
    lang = project_language(read.target_lang, settings.languages)
    if lang is None:
        raise CatalogError(f"target language {read.target_lang!r} is not in this project "
                           f"({', '.join(settings.languages)})", display, read.line)
    if not SLUG_RE.match(read.slug):
        raise CatalogError(f"{read.slug!r} is not a guide of this project", display, read.line)
    path = po_path(settings, lang, read.slug)
    if not path.is_file():
        raise CatalogError(f"no catalog {settings.relative(path)} to import into; run `ligetil update` "
                           "first", display, read.line)
    if read.slug not in {guide.stem for guide in guide_paths(settings)}:  # its catalog is left over
        raise CatalogError(f"{read.slug!r} is no longer a guide of this project (no "
                           f"{settings.relative(settings.content_dir / read.slug)}.md); nothing of it is "
                           "published, so nothing is imported", display, read.line)
    return path


def read_all(settings: Settings, files: tuple[Path, ...]) -> list[tuple[str, Path, ReadXliff]]:
    """Read every file first; report every broken one at once."""
    found, errors = [], []
    for file in files:
        display = settings.relative(file)
        try:
            for read in parse_xliff(file.read_bytes(), display):
                found.append((display, catalog_of(settings, read, display), read))
        except OSError as error:
            errors.append(CatalogError(f"cannot read: {error.strerror}", display))
        except LigetilError as error:
            errors.append(error)
    raise_all(errors)
    return found


def import_files(app: App, files: tuple[Path, ...], dry_run: bool) -> Imported:
    """Apply every file to its catalog in memory, then write the changed catalogs together."""
    settings = app.settings
    snapshot = CatalogSnapshot(settings)
    catalogs: dict[Path, polib.POFile] = {}
    result, touched = Imported(), set()
    for display, path, read in read_all(settings, files):
        if path not in catalogs:
            catalogs[path] = snapshot.read(path)
        report: ImportReport = apply_translations(catalogs[path], list(read.incoming))
        where = settings.relative(path)
        result.changed += [(where, display, outcome) for outcome in report.changed]
        result.refused += [(display, outcome) for outcome in report.refused]
        result.unchanged += report.unchanged
        result.empty += report.empty
        if report.changed:
            touched.add(path)
    if not dry_run:
        result.written = snapshot.write_all({path: catalogs[path] for path in catalogs if path in touched})
        _renumber(settings, result)
    return result


def _renumber(settings: Settings, result: Imported) -> None:
    """Give each changed entry its line in the catalog as written (msgcat may have moved it)."""
    lines = {settings.relative(path): entry_lines(read_catalog(path, settings.relative(path)))
             for path in result.written}

    def moved(catalog: str, outcome: Outcome) -> Outcome:
        found = lines.get(catalog, {}).get((outcome.msgctxt, outcome.msgid))
        return replace(outcome, entry_line=found) if found else outcome

    result.changed = [(catalog, display, moved(catalog, outcome)) for catalog, display, outcome in result.changed]


@click.command("import", short_help="Merge XLIFF files from a CAT tool into their catalogs.")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Report what would change, but write nothing.")
@click.pass_obj
def command(app: App, files: tuple[Path, ...], dry_run: bool) -> int:
    """Merge XLIFF 2.x or 1.2 files (from `ligetil export`, saved by a CAT tool) into their catalogs.

    \b
    - a changed translation comes in as the translator's work: reviewed when the tool
      marks it translated, reviewed or final; a draft (fuzzy) when it is still initial;
    - an empty target never clears a translation, and a reviewed entry whose text did
      not change stays reviewed; comments, flags and locations stay as they were;
    - a unit whose source is no longer the guide's text is named and not applied;
    - every file is read and checked before any catalog is written; a catalog saved
      by someone else meanwhile is never overwritten.
    Exit code 1 when a unit was not applied.
    """
    with project_lock(app.settings.root, "import"):
        remove_stale_temps(app.settings.translations_dir)  # left by a run that was killed
        result = import_files(app, tuple(p.resolve() for p in files), dry_run)
    for catalog, display, outcome in result.changed:
        where = f"{catalog}:{outcome.entry_line}" if outcome.entry_line else catalog
        app.out.print(f"{where}: {outcome.what} (from {display}:{outcome.line}): {_short(outcome.msgid)}",
                      markup=False)
    for display, outcome in result.refused:
        app.err.print(f"{display}:{outcome.line}: {outcome.what}: {_short(outcome.msgid)}", markup=False)
    for path in result.written:
        app.out.print(f"wrote {app.settings.relative(path)}", markup=False)
    verb = "would change" if dry_run else "changed"
    app.out.print(f"import: {verb} {len(result.changed)} entr{'y' if len(result.changed) == 1 else 'ies'}, "
                  f"{result.unchanged} unchanged, {result.empty} without a translation, "
                  f"{len(result.refused)} not applied; {len(result.written)} catalog(s) written", markup=False)
    return 1 if result.refused else 0


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= width else flat[: width - 1] + "…")
