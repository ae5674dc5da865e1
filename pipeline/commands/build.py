"""`ligetil build`: the command, the output manifest and the pure render of one output file.

The incremental engine lives in build_incremental (what is out of date), build_work (the
work units run on the process pool) and build_site (indexes, images, fonts, the write).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import click

from pipeline.commands import App
from pipeline.commands.project import check_language
from pipeline.config import Settings
from pipeline.fsutil import remove_stale_temps
from pipeline.lock import project_lock
from pipeline.render.html import render_page
from pipeline.render.site import render_home, render_index
from pipeline.render.ui import render_environment

MANIFEST = ".ligetil-manifest.json"
FORMATS = ("html", "pdf")
STATIC_DIR = Path(__file__).resolve().parent.parent / "render" / "static"


@dataclass(frozen=True)
class RenderJob:
    """One output file to render: what kind, where it goes, and its template context."""

    kind: str  # "page", "pdf", "index" or "home"
    path: str  # relative to output/
    context: dict = field(hash=False, compare=False)
    base_url: str = ""  # where a PDF's relative URLs resolve


def render_output(job: RenderJob) -> bytes:
    """Render one output file (pure: no file is read or written besides templates and fonts)."""
    if job.kind == "pdf":
        from pipeline.render.pdf import flyer_html, render_pdf
        env = render_environment(job.context["lang"])
        return render_pdf(flyer_html(job.context, env), job.base_url)
    render = {"page": render_page, "index": render_index, "home": render_home}[job.kind]
    return render(job.context).encode("utf-8")


def _chosen_languages(settings: Settings, lang: str | None) -> list[str]:
    if lang is None:
        return list(settings.all_languages)
    return [lang] if lang == settings.source_language else check_language(settings, lang)


def read_manifest(out: Path) -> set[str]:
    """Return the files a previous build wrote (relative to output/)."""
    try:
        return set(json.loads((out / MANIFEST).read_text("utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def remove_stale(out: Path, old: set[str], now: set[str]) -> list[str]:
    """Delete files an earlier build made that this build no longer makes; drop empty folders."""
    removed = []
    for name in sorted(old - now):
        path = out / name
        if ".." not in Path(name).parts and path.is_file():
            path.unlink()
            removed.append(name)
            for folder in path.parents:
                if folder == out or any(folder.iterdir()):
                    break
                folder.rmdir()
    return removed


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)}, separated by commas", param_hint="--format")
    return chosen


@click.command(short_help="Build the site and PDF flyers into output/.")
@click.option("--lang", "-l", metavar="LANG", help="Only this language's pages (indexes are always rebuilt).")
@click.option("--guide", "-g", metavar="GUIDE", help="Only this guide (its slug, e.g. madservice).")
@click.option("--format", "formats", default="html,pdf", show_default=True, metavar="FORMATS",
              help="What to build: html, pdf or html,pdf.")
@click.option("--preview", is_flag=True, help="Also show machine drafts (marked), and stamp every page "
              "\"Preview — not reviewed\".")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes for rendering  [default: the usable cores].")
@click.option("--force", is_flag=True, help="Rebuild every output, even those that are up to date.")
@click.pass_obj
def command(app: App, lang: str | None, guide: str | None, formats: str, preview: bool,
            jobs: int | None, force: bool) -> int:
    """Build output/: the site index, an index per language, and per guide and language an
    HTML page and an A4 PDF flyer.

    \b
    A guide is published in a language when its reviewed share of words reaches
    publish.min_reviewed in ligetil.toml; untranslated parts show the source text,
    marked, with a notice. Fuzzy drafts appear only with --preview.
    Only outputs whose inputs changed (by content hash) are rendered again, on a pool
    of worker processes; --force renders everything.
    Files from removed guides or languages are deleted (only files ligetil made).
    """
    from pipeline.commands.build_site import run_build
    from pipeline.commands.build_work import default_jobs

    chosen = _formats(formats)
    full = lang is None and guide is None
    with project_lock(app.settings.root, "build"):
        remove_stale_temps(app.settings.output_dir)
        result = run_build(app, lang, guide, chosen, preview, jobs or default_jobs(), force, full,
                           STATIC_DIR)
    for line in result["withheld"]:
        app.err.print(line, markup=False)
    languages = sorted({code for code, _ in result["published"]})
    app.out.print(f"build: {result['built']} built, {result['up_to_date']} up to date, "
                  f"{result['changed']} file(s) changed, {result['removed']} stale removed in "
                  f"{result['seconds']:.1f} s; {result['pages']} page(s), {result['pdfs']} PDF(s) in "
                  f"{', '.join(languages) or 'no language'} → {app.settings.relative(result['out'])}/"
                  + (" (preview)" if preview else ""))
    return 0


__all__ = ["RenderJob", "command", "render_output"]
