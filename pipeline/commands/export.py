"""`ligetil export`: XLIFF for agencies' CAT tools, TMX of the reviewed pairs for other projects."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.catalog.entries import entry_views
from pipeline.catalog.memory import TranslationMemory
from pipeline.commands import App
from pipeline.config import Settings
from pipeline.exchange.tmx import write_tmx
from pipeline.exchange.xliff import VERSIONS, XliffFile, write_xliff
from pipeline.fsutil import remove_stale_temps, write_bytes_atomic
from pipeline.lock import project_lock
from pipeline.paths import po_path
from pipeline.project import CatalogSnapshot, chosen_guide_paths, chosen_languages


def xliff_files(settings: Settings, langs: list[str], slugs: list[str],
                snapshot: CatalogSnapshot) -> tuple[dict[tuple[str, str], XliffFile], list[str]]:
    """Return the XLIFF contents per (language, guide), and the catalogs that are missing."""
    found, missing = {}, []
    for lang in langs:
        for slug in slugs:
            path = po_path(settings, lang, slug)
            po = snapshot.read(path)
            if po is None:
                missing.append(settings.relative(path))
                continue
            found[lang, slug] = XliffFile(slug, settings.source_language, lang, settings.relative(path),
                                          tuple(entry_views(po)))
    return found, missing


def memory_pairs(settings: Settings, lang: str, slugs: list[str],
                 snapshot: CatalogSnapshot) -> list[tuple[str, str, str]]:
    """Return the reviewed (source, translation, guide) pairs of a language, as the memory holds them."""
    memory = TranslationMemory()
    for slug in slugs:
        po = snapshot.read(po_path(settings, lang, slug))
        if po is not None:
            memory.add_catalog(po, slug)
    return [(source, text, origin) for source, (text, origin) in memory.entries.items()]


def export(app: App, fmt: str, version: str, lang: str | None, guide: str | None,
           out: Path) -> tuple[list[Path], list[str]]:
    """Write the exchange files; return those written and the catalogs that were missing."""
    settings = app.settings
    langs = chosen_languages(settings, lang)
    slugs = [p.stem for p in chosen_guide_paths(settings, guide)]
    snapshot = CatalogSnapshot(settings)
    if fmt == "tmx":
        files = {out / f"{settings.source_language}-{code}.tmx":
                 write_tmx(memory_pairs(settings, code, slugs, snapshot), settings.source_language, code)
                 for code in langs}
        missing: list[str] = []
    else:
        found, missing = xliff_files(settings, langs, slugs, snapshot)
        files = {out / code / f"{slug}.xlf": write_xliff(content, version) for (code, slug), content in found.items()}
    for path, data in files.items():  # everything is made before the first write
        write_bytes_atomic(path, data, settings.relative(path))
    return list(files), missing


@click.command(short_help="Write XLIFF for CAT tools, or TMX of the reviewed translations.")
@click.option("--format", "fmt", type=click.Choice(["xliff", "tmx"]), required=True,
              help="xliff: one file per guide and language; tmx: one memory per language.")
@click.option("--version", "version", type=click.Choice(VERSIONS), default="2.1", show_default=True,
              help="XLIFF version: 1.2 for older CAT tools.")
@click.option("--lang", "-l", metavar="LANG", help="Only this language (default: all in ligetil.toml).")
@click.option("--guide", "-g", metavar="GUIDE", help="Only this guide (default: all).")
@click.option("--output", "-o", "output", metavar="DIR", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write into (default: output/xliff or output/tmx).")
@click.pass_obj
def command(app: App, fmt: str, version: str, lang: str | None, guide: str | None, output: Path | None) -> int:
    """Export translations for the tools translators already use.

    \b
    xliff: output/xliff/<lang>/<guide>.xlf, XLIFF 2.1 (or --version 1.2). Markup is inline
      codes the CAT tool protects; #. notes, #: locations and comments are notes; drafts
      (fuzzy) are state initial, reviewed entries reviewed. Bring the work back with
      `ligetil import FILE`.
    tmx: output/tmx/<source>-<lang>.tmx, every reviewed translation (not drafts), for
      another project's `ligetil update --memory FILE.tmx` or a CAT tool's memory.
    """
    out = output if output is not None else app.settings.output_dir / fmt
    with project_lock(app.settings.root, "export"):
        remove_stale_temps(out)  # left by a run that was killed
        written, missing = export(app, fmt, version, lang, guide, out)
    for path in missing:
        app.err.print(f"{path}: no catalog; run `ligetil update` first", markup=False)
    for path in written:
        app.out.print(f"wrote {app.settings.relative(path)}", markup=False)
    label = f"XLIFF {version}" if fmt == "xliff" else "TMX"
    app.out.print(f"export: {len(written)} {label} file(s) in {app.settings.relative(out)}", markup=False)
    return 1 if missing else 0  # the others are written; a missing catalog is still a problem found
