"""`ligetil build`: turn the options into one call of the build engine, and its report into lines."""

from __future__ import annotations

import click

from pipeline import cache
from pipeline.build import BuildOptions, BuildReport, build
from pipeline.build.formats import FORMATS
from pipeline.commands import App, progress_bar
from pipeline.fsutil import remove_stale_temps
from pipeline.lock import project_lock


def parse_formats(value: str) -> tuple[str, ...]:
    """Parse ``--format`` (names from the format registry, comma-separated)."""
    chosen = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)}, separated by commas", param_hint="--format")
    return chosen


def summary(app: App, report: BuildReport, preview: bool) -> str:
    """Return the build's closing line."""
    languages = sorted({code for code, _ in report.published})
    return (f"build: {report.built} built, {report.up_to_date} up to date, "
            f"{report.changed} file(s) changed, {report.removed} stale removed in "
            f"{report.seconds:.1f} s; {report.pages} page(s), {report.pdfs} PDF(s) in "
            f"{', '.join(languages) or 'no language'} → {app.settings.relative(report.out)}/"
            + (" (preview)" if preview else ""))


@click.command(short_help="Build the site, its PDFs, audio and e-books into output/.")
@click.option("--lang", "-l", metavar="LANG", help="Only this language's pages (indexes are always rebuilt).")
@click.option("--guide", "-g", metavar="GUIDE", help="Only this guide (its slug, e.g. madservice).")
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True, metavar="FORMATS",
              help=f"What to build: {', '.join(FORMATS)}, or several separated by commas.")
@click.option("--preview", is_flag=True, help="Also show machine drafts (marked), and stamp every page "
              "\"Preview — not reviewed\".")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes for rendering  [default: the usable cores].")
@click.option("--force", is_flag=True, help="Rebuild every output, even those that are up to date.")
@click.pass_obj
def command(app: App, lang: str | None, guide: str | None, formats: str, preview: bool,
            jobs: int | None, force: bool) -> int:
    """Build output/: the site index, an index per language, and per guide and language an
    HTML page, its PDFs (the guide, a one-sheet flyer, large print, the source alongside), the
    audio with its chapters where the language has a voice, and an EPUB 3 e-book (read
    aloud in sync, sentence by sentence, where the audio exists).

    \b
    A guide is published in a language when its reviewed share of words reaches
    publish.min_reviewed in ligetil.toml; untranslated parts show the source text,
    marked, with a notice. Fuzzy drafts appear only with --preview.
    Only outputs whose inputs changed (by content hash) are rendered again, on a pool
    of worker processes; --force renders everything.
    Files from removed guides or languages are deleted (only files ligetil made).
    """
    report = run(app, BuildOptions(lang, guide, parse_formats(formats), preview, jobs, force))
    return 1 if report.tofu else 0


def run(app: App, options: BuildOptions) -> BuildReport:
    """Build under the project lock and print the report (``ligetil serve`` calls this too)."""
    with project_lock(app.settings.root, "build"):
        remove_stale_temps(app.settings.output_dir)
        report = build(app.settings, options, lambda: progress_bar(app.err))
    if report.built:  # something may have been cut into the user cache: keep it under its bound
        cache.prune()
    for line in report.withheld:
        app.err.print(line, markup=False)
    app.out.print(summary(app, report, options.preview))
    for line in report.tofu:  # those languages were not built; every other one was
        app.err.print(line, markup=False)
    return report
