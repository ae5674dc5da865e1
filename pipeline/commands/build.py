"""`ligetil build`: gather guides and catalogs, render every page and PDF, then write output/."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import click

from pipeline.commands import App
from pipeline.commands.project import CatalogSnapshot, SourceGuide, check_language, load_guides
from pipeline.config import Settings
from pipeline.errors import LigetilError, RenderError, raise_all
from pipeline.fsutil import remove_stale_temps, write_bytes_atomic, write_text_atomic
from pipeline.lock import project_lock
from pipeline.model import LocalizedGuide
from pipeline.render.html import SiteInfo, page_context, render_page
from pipeline.render.localize import localize
from pipeline.render.site import home_context, index_context, render_home, render_index, site_languages
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


@dataclass
class Plan:
    """Everything gathered before rendering."""

    localized: dict[tuple[str, str], LocalizedGuide]  # (lang, slug)
    guides: dict[str, SourceGuide]
    wanted: set[tuple[str, str]]  # the (lang, slug) pairs this run renders


def _excluded(po, lang: str, settings: Settings) -> frozenset[str]:
    """Return msgids with QA errors (the QA stage decides), or none if QA is unavailable."""
    try:
        from pipeline.qa import erroneous_msgids
    except ImportError:
        return frozenset()
    return frozenset(erroneous_msgids(po, lang, settings)) if po is not None else frozenset()


def _chosen_languages(settings: Settings, lang: str | None) -> list[str]:
    if lang is None:
        return list(settings.all_languages)
    return [lang] if lang == settings.source_language else check_language(settings, lang)


def gather(settings: Settings, lang: str | None, guide: str | None, preview: bool) -> Plan:
    """Read every guide and catalog and decide what is published in which language."""
    guides = {g.guide.slug: g for g in load_guides(settings)}
    chosen_langs = _chosen_languages(settings, lang)
    if guide is not None and guide not in guides:
        load_guides(settings, guide)  # raises the usual "no guide named" error
    snapshot, localized, errors = CatalogSnapshot(settings), {}, []
    for code in settings.all_languages:
        for slug, source in guides.items():
            try:
                po = None if code == settings.source_language else snapshot.read_po(code, slug)
                found = localize(source.guide, source.segments, po, code, settings, preview=preview,
                                 excluded=_excluded(po, code, settings))
            except LigetilError as error:
                errors.append(error)
                continue
            if found is not None:
                localized[(code, slug)] = found
    raise_all(errors)
    wanted = {key for key in localized if key[0] in chosen_langs and guide in (None, key[1])}
    return Plan(localized, guides, wanted)


def site_info(settings: Settings, plan: Plan, formats: tuple[str, ...],
              pdf_sizes: dict | None = None) -> SiteInfo:
    """Return what every page needs to know about the site."""
    published: dict[str, list[str]] = {}
    for code in settings.all_languages:
        for (lang, slug) in sorted(plan.localized):
            if lang == code:
                published.setdefault(slug, []).append(code)
    return SiteInfo(settings.name, {s: tuple(v) for s, v in published.items()},
                    pdf_sizes=dict(pdf_sizes or {}), pdf="pdf" in formats)


def check_fonts(plan: Plan) -> None:
    """Fail before rendering if a published character has no glyph (tofu)."""
    try:
        from pipeline.render.fonts import check_glyphs
    except ImportError:
        return
    errors = []
    for (lang, slug) in sorted(plan.wanted):
        localized = plan.localized[(lang, slug)]
        labels = {s.msgid: str(s.location) for s in plan.guides[slug].segments}
        texts = [(labels.get(k, slug), t.text) for k, t in localized.texts.items() if t.lang == lang]
        try:
            check_glyphs(texts, lang, localized.guide.path)
        except RenderError as error:
            errors.append(error)
    raise_all(errors)


def pdf_jobs(settings: Settings, plan: Plan, site: SiteInfo) -> list[RenderJob]:
    """Return a PDF job per published guide and language."""
    return [RenderJob("pdf", f"{lang}/{slug}.pdf", page_context(plan.localized[(lang, slug)], settings, site),
                      (settings.content_dir / lang).as_uri() + "/")
            for lang, slug in sorted(plan.wanted)]


def page_jobs(settings: Settings, plan: Plan, site: SiteInfo, preview: bool) -> list[RenderJob]:
    """Return a job per guide page, per language index and for the front page."""
    jobs = [RenderJob("page", f"{lang}/{slug}.html", page_context(plan.localized[(lang, slug)], settings, site))
            for lang, slug in sorted(plan.wanted)]
    for lang in site_languages(site, settings):
        guides = [g for (code, _), g in sorted(plan.localized.items()) if code == lang]
        jobs.append(RenderJob("index", f"{lang}/index.html", index_context(lang, guides, settings, site, preview)))
    sources = [g for (code, _), g in sorted(plan.localized.items()) if code == settings.source_language]
    jobs.append(RenderJob("home", "index.html", home_context(sources, settings, site, preview)))
    return jobs


def collect_images(settings: Settings, jobs: list[RenderJob]) -> dict[str, bytes]:
    """Read every image the pages use from content/; a missing one names guide and line."""
    found, errors = {}, []
    for job in jobs:
        for image in job.context.get("images", ()):
            path = settings.content_dir / image
            try:
                found[image] = path.read_bytes()
            except OSError:
                errors.append(RenderError(f"image {image!r} not found in content/",
                                          f"content/{job.context['slug']}.md", _image_line(settings, job, image)))
    raise_all(list({str(e): e for e in errors}.values()))
    return found


def _image_line(settings: Settings, job: RenderJob, image: str) -> int | None:
    path = settings.content_dir / f"{job.context['slug']}.md"
    for number, line in enumerate(path.read_text("utf-8").split("\n"), start=1):
        if image.rsplit("/", 1)[-1] in line:
            return number
    return None


def render_all(jobs: list[RenderJob], progress, task) -> dict[str, bytes]:
    """Render jobs in order, advancing the progress bar; collect every error, then fail."""
    rendered, errors = {}, []
    for job in jobs:
        progress.update(task, description=job.path)
        try:
            rendered[job.path] = render_output(job)
        except LigetilError as error:
            errors.append(error)
        progress.advance(task)
    raise_all(errors)
    return rendered


def fonts_css(out: Path, pages: list[bytes]) -> tuple[str, list[str]]:
    """Write the subsetted web fonts; return their CSS and the files written."""
    try:
        from pipeline.render.fonts import webfont_css
        from pipeline.render.site import used_text
    except ImportError:
        return "/* web fonts are not available in this build */\n", []
    css = webfont_css(used_text([p.decode("utf-8") for p in pages]), out / "fonts", "../fonts/")
    return css, sorted(f"fonts/{p.name}" for p in (out / "fonts").glob("*.woff2"))


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


def _format_of(name: str) -> str:
    return "pdf" if name.endswith(".pdf") else "html"


def write_output(out: Path, files: dict[str, bytes], full: bool, extra: list[str],
                 formats: tuple[str, ...] = FORMATS) -> tuple[int, list[str]]:
    """Write every file atomically, then the manifest; remove stale files on a full build
    (files of a format this run did not build are kept)."""
    changed = sum(write_bytes_atomic(out / name, data) for name, data in sorted(files.items()))
    old = read_manifest(out)
    now = set(files) | set(extra) | {n for n in old if _format_of(n) not in formats}
    removed = remove_stale(out, old, now) if full else []
    manifest = sorted(now if full else now | (old - set(removed)))
    write_text_atomic(out / MANIFEST, json.dumps({"files": manifest}, indent=1) + "\n")
    return changed, removed


def build(app: App, lang: str | None, guide: str | None, formats: tuple[str, ...],
          preview: bool) -> dict:
    """Gather, render (PDFs first: pages show their size), then write output/."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    settings = app.settings
    plan = gather(settings, lang, guide, preview)
    check_fonts(plan)
    out = settings.output_dir
    files: dict[str, bytes] = {}
    with Progress(TextColumn("{task.description:<36}"), BarColumn(), MofNCompleteColumn(),
                  console=app.err, transient=True) as progress:
        if "pdf" in formats:
            jobs = pdf_jobs(settings, plan, site_info(settings, plan, formats))
            files.update(render_all(jobs, progress, progress.add_task("PDF", total=len(jobs))))
        sizes = {tuple(p[:-4].split("/")): len(d) for p, d in files.items() if p.endswith(".pdf")}
        jobs = page_jobs(settings, plan, site_info(settings, plan, formats, sizes), preview)
        if "html" not in formats:
            jobs = []
        files.update(render_all(jobs, progress, progress.add_task("HTML", total=len(jobs))))
    images = collect_images(settings, jobs)
    files.update({image: data for image, data in images.items()})
    files["static/site.css"] = (STATIC_DIR / "site.css").read_bytes()
    extra: list[str] = []
    if "html" in formats:
        css, extra = fonts_css(out, [d for p, d in files.items() if p.endswith(".html")])
        files["static/fonts.css"] = css.encode("utf-8")
    full = lang is None and guide is None
    remove_stale_temps(out)
    changed, removed = write_output(out, files, full, extra, formats)
    return {"pages": sum(p.endswith(".html") for p in files), "pdfs": sum(p.endswith(".pdf") for p in files),
            "images": len(images), "changed": changed, "removed": len(removed),
            "published": sorted(plan.wanted), "out": out}


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
              help="Worker processes (accepted; rendering runs in one process for now).")
@click.pass_obj
def command(app: App, lang: str | None, guide: str | None, formats: str, preview: bool,
            jobs: int | None) -> int:
    """Build output/: the site index, an index per language, and per guide and language an
    HTML page and an A4 PDF flyer.

    \b
    A guide is published in a language when its reviewed share of words reaches
    publish.min_reviewed in ligetil.toml; untranslated parts show the source text,
    marked, with a notice. Fuzzy drafts appear only with --preview.
    Files from removed guides or languages are deleted (only files ligetil made).
    """
    chosen = _formats(formats)
    with project_lock(app.settings.root, "build"):
        result = build(app, lang, guide, chosen, preview)
    languages = sorted({code for code, _ in result["published"]})
    app.out.print(f"build: {result['pages']} page(s), {result['pdfs']} PDF(s), {result['images']} image(s) "
                  f"in {', '.join(languages) or 'no language'}; {result['changed']} file(s) changed, "
                  f"{result['removed']} stale removed → {app.settings.relative(result['out'])}/"
                  + (" (preview)" if preview else ""))
    return 0


__all__ = ["RenderJob", "build", "command", "render_output"]
