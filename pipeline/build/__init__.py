"""``ligetil build``'s engine: plan what is out of date, render it on the pool, write output/.

One call, :func:`build`, gathers the inputs, localizes and renders what changed
(plan → schedule → units), adds the site pages, images and fonts (site), and writes
everything atomically with the manifest and the state (write).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pipeline.build.formats import FORMATS
from pipeline.build.plan import Run, read_inputs
from pipeline.build.pool import default_jobs
from pipeline.build.schedule import render_guides
from pipeline.build.site import (copy_css, copy_images, copy_script, finish_fonts, plan_fonts, render_indexes,
                                 site_pages)
from pipeline.build.state import read_state
from pipeline.build.write import read_manifest, write_all
from pipeline.config import Settings
from pipeline.project import chosen_guide_paths, chosen_languages
from pipeline.render.fonts import first_per_script


@dataclass(frozen=True)
class BuildOptions:
    """What to build: ``ligetil build``'s options."""

    lang: str | None = None  # only this language's guide files (indexes are always rebuilt)
    guide: str | None = None  # only this guide
    formats: tuple[str, ...] = tuple(FORMATS)
    preview: bool = False  # also publish machine drafts, marked
    jobs: int | None = None  # worker processes; None: the usable cores
    force: bool = False  # render everything, even what is up to date

    @property
    def full(self) -> bool:
        """Tell whether this build makes the whole site (and so may remove stale files)."""
        return self.lang is None and self.guide is None


@dataclass(frozen=True)
class BuildReport:
    """What one build made, kept and removed."""

    out: Path
    pages: int
    pdfs: int
    images: int
    built: int  # outputs rendered by this run
    up_to_date: int  # outputs kept as they were
    changed: int  # files whose bytes changed on disk
    removed: int  # stale files deleted
    published: tuple[tuple[str, str], ...]  # (lang, slug) of every guide file this build made
    withheld: tuple[str, ...]  # "path:line: …" of each translation or language not published, and why
    tofu: tuple[str, ...]  # "fa: no font for Arabic script …": languages not built for want of a font
    seconds: float


def build(settings: Settings, options: BuildOptions, progress: Callable | None = None) -> BuildReport:
    """Render what is out of date (in parallel), then write output/ and the state.

    ``progress`` makes a Rich Progress for the long part (None: no bar).
    """
    started = time.perf_counter()
    inputs = read_inputs(settings, options.preview)
    chosen = chosen_languages(settings, options.lang, source=True)
    chosen_guide_paths(settings, options.guide)  # refuses an unknown --guide, as every command does
    run = Run(settings, read_state(settings.output_dir), inputs, options.formats, chosen, options.guide,
              options.preview, options.force)
    old = read_manifest(run.out)

    def then() -> list:
        """Once every guide is localized: the indexes, then the web fonts' tasks."""
        if "html" not in options.formats:
            return []
        render_indexes(run)
        return plan_fonts(run, site_pages(run, old, options.full))

    try:
        render_guides(run, options.jobs or default_jobs(), progress, then)
        images, extra = 0, []
        if "html" in options.formats:
            images = copy_images(run)
            extra = finish_fonts(run)
            copy_script(run)
        copy_css(run)
        changed, removed = write_all(run, options.full, extra)
    except BaseException:  # an error, Ctrl-C, a full disk: nothing of this build is left in output/
        run.files.discard()
        raise
    made = set(run.files) | run.up_to_date | set(extra)
    return BuildReport(run.out, sum(p.endswith(".html") for p in made), sum(p.endswith(".pdf") for p in made),
                       images, len(run.records), len(made) - len(run.records), changed, len(removed),
                       tuple(sorted(run.wanted)), tuple(run.withheld), tuple(first_per_script(run.tofu)),
                       time.perf_counter() - started)
