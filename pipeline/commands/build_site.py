"""The site-wide outputs of a build (indexes, front page, images, styles, web fonts), and the write.

Each is rendered only when its dependency hash changed or its file is not intact; an index
depends on the titles and summaries of the guides it lists, not on their bodies, so fixing
a paragraph does not touch it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from pipeline.commands.build_incremental import Run, index_stubs
from pipeline.commands.build_state import STATE_FILE, file_hash, hash_parts, write_state
from pipeline.commands.build_work import page_chars
from pipeline.errors import RenderError, raise_all
from pipeline.fsutil import digest, remove_stale_temps, write_bytes_atomic, write_text_atomic

FONTS_CSS = "static/fonts.css"
NO_FONTS_CSS = "/* web fonts are not available in this build */\n"


def _site_page(run: Run, path: str, dep: str, make_job) -> None:
    """Render an index page unless it is up to date."""
    from pipeline.commands.build import render_output

    if run.fresh(path, dep):
        run.up_to_date.add(path)
        return
    data = render_output(make_job())
    run.files[path] = data
    run.records[path] = (dep, {"chars": page_chars(data, None, False)})


def render_indexes(run: Run) -> None:
    """Render the index of each language with published guides, and the front page."""
    from pipeline.commands.build import RenderJob
    from pipeline.render.html import SiteInfo
    from pipeline.render.site import home_context, index_context, site_languages

    settings = run.settings
    site = SiteInfo(settings.name, dict(sorted(run.published.items())), pdf=run.pdf_flag)
    languages = site_languages(site, settings)
    for lang in languages:
        shown = [(slug, run.stubs[slug][lang]) for slug in sorted(run.published) if lang in run.published[slug]]
        dep = hash_parts("index", run.inputs.common, lang, languages, shown, run.pdf_flag)
        _site_page(run, f"{lang}/index.html", dep, lambda lang=lang: RenderJob(
            "index", f"{lang}/index.html", index_context(lang, index_stubs(run, lang), settings, site,
                                                         run.preview)))
    source = settings.source_language
    shown = [(slug, run.stubs[slug].get(source)) for slug in sorted(run.published)]
    dep = hash_parts("home", run.inputs.common, site.published, shown, run.pdf_flag)
    _site_page(run, "index.html", dep, lambda: RenderJob(
        "home", "index.html", home_context(index_stubs(run, source), settings, site, run.preview)))


def _page_record(run: Run, path: str) -> dict:
    if path in run.records:
        return run.records[path][1]
    return run.state.outputs.get(path, {})


def copy_images(run: Run) -> int:
    """Copy the images the built pages use; a missing one names the guide and line."""
    used: dict[str, str] = {}
    for lang, slug in sorted(run.wanted):
        for image in _page_record(run, f"{lang}/{slug}.html").get("images", ()):
            used.setdefault(image, slug)
    from pipeline.render.body import check_image_src

    errors, content = [], run.settings.content_dir
    for image, slug in sorted(used.items()):
        where = (f"content/{slug}.md", _image_line(run, slug, image))
        try:
            check_image_src(image)  # the state file lists them: trust no path from it
        except ValueError as error:
            errors.append(RenderError(str(error), *where))
            continue
        if not (content / image).resolve().is_relative_to(content.resolve()):
            # checked again here: an up-to-date page's image may have become a link since
            errors.append(RenderError(f"image {image!r} is a link to a file outside content/", *where))
            continue
        try:
            data = (content / image).read_bytes()
        except OSError:
            errors.append(RenderError(f"image {image!r} not found in content/", *where))
            continue
        _static(run, image, data)
    raise_all(errors)
    return len(used)


def _image_line(run: Run, slug: str, image: str) -> int | None:
    text = run.inputs.sources[slug][1].decode("utf-8", "replace")
    for number, line in enumerate(text.split("\n"), start=1):
        if image.rsplit("/", 1)[-1] in line:
            return number
    return None


def _static(run: Run, path: str, data: bytes) -> None:
    """Copy a file into output/ unless the same bytes are already there."""
    dep = hash_parts("file", digest(data))
    if run.fresh(path, dep):
        run.up_to_date.add(path)
        return
    run.files[path] = data
    run.records[path] = (dep, {})


def copy_css(run: Run, static_dir: Path) -> None:
    """Copy the site's style sheet."""
    _static(run, "static/site.css", (static_dir / "site.css").read_bytes())


def plan_fonts(run: Run, pages: set[str]) -> list[tuple[str, object, tuple]]:
    """Return the tasks that cut the web fonts, or none when fonts.css and its files are up to date.

    The fonts cover the characters the pages show; each face is one task, the largest
    first (Nastaliq takes seconds per weight). ``finish_fonts`` writes the CSS as
    ``webfont_css`` does, from the cut files.
    """
    from pipeline.render import fonts

    chars: dict[str, set[str]] = {}
    for path in sorted(pages):
        record = run.page_chars.get(path) or _page_record(run, path).get("chars", {})
        for key, text in record.items():
            chars.setdefault(key, set()).update(text)
    used = {key: "".join(sorted(found)) for key, found in sorted(chars.items())}
    run.fonts_dep = hash_parts("fonts", run.inputs.common, used)
    record = run.fresh(FONTS_CSS, run.fonts_dep)
    if record and all(run.fresh(name, run.fonts_dep) for name in record.get("fonts", [])):
        run.up_to_date.update([FONTS_CSS, *record["fonts"]])
        run.fonts_files = list(record["fonts"])
        return []
    run.fonts_files = None
    faces = [(f"fonts/{font.key}-{weight}.woff2", fonts.font_path(name), used[font.key])
             for font in fonts.ALL_WEB_FONTS if used.get(font.key, "").strip() for weight, name in font.files]
    faces.sort(key=lambda face: -face[1].stat().st_size)
    return [(name, fonts.subset_woff2, (path, text)) for name, path, text in faces]


def finish_fonts(run: Run) -> list[str]:
    """Write fonts.css for the cut faces (as ``webfont_css`` would) and return the font files."""
    import hashlib

    from pipeline.render import fonts

    if run.fonts_files is not None:
        return run.fonts_files
    rules = []
    for font in fonts.ALL_WEB_FONTS:
        for weight, _ in font.files:
            name = f"fonts/{font.key}-{weight}.woff2"
            if name in run.font_data:
                url = f"../{name}?v={hashlib.sha256(run.font_data[name]).hexdigest()[:10]}"
                rules.append(fonts._face(font.family, weight, url, "woff2", swap=True))
    run.files[FONTS_CSS] = ("\n".join(rules) + "\n").encode("utf-8")
    run.records[FONTS_CSS] = (run.fonts_dep, {"fonts": sorted(run.font_data)})
    for name, data in run.font_data.items():
        run.files[name] = data
        run.records[name] = (run.fonts_dep, {})
    return sorted(run.font_data)


def _format_of(name: str) -> str:
    return "pdf" if name.endswith(".pdf") else "html"


def write_all(run: Run, full: bool, extra: list[str]) -> tuple[int, list[str]]:
    """Write what was rendered, update the manifest, remove stale files, then save the state."""
    from pipeline.commands.build import MANIFEST, read_manifest, remove_stale

    out = run.out
    remove_stale_temps(out)
    changed = sum(write_bytes_atomic(out / name, data) for name, data in sorted(run.files.items()))
    old = read_manifest(out)
    kept = {name for name in old if _format_of(name) not in run.formats}  # not built by this run
    now = set(run.files) | run.up_to_date | set(extra) | kept | {STATE_FILE}
    removed = remove_stale(out, old, now) if full else []
    manifest = sorted(now if full else now | (old - set(removed)))
    write_text_atomic(out / MANIFEST, json.dumps({"files": manifest}, indent=1) + "\n")
    for path, (dep, more) in run.records.items():
        data = run.files.get(path)
        run.state.outputs[path] = {"dep": dep, "hash": digest(data) if data is not None
                                   else file_hash(out / path), **more}
    keep = set(manifest)
    run.state.forget([p for p in list(run.state.outputs) if p not in keep])
    run.state.guides = {s: e for s, e in run.state.guides.items() if s in run.inputs.sources}
    write_state(out, run.state)
    return changed, removed


def _progress(app):
    """Return a factory of the build's progress bar (stderr, gone when done)."""
    def make():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        return Progress(TextColumn("{task.description:<36}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=app.err, transient=True)
    return make


def _pages(run: Run, old: set[str], full: bool) -> set[str]:
    """Return the HTML pages output/ will hold, whose characters the web fonts must cover."""
    made = {f"{lang}/{slug}.html" for lang, slug in run.wanted} | {
        p for p in set(run.files) | run.up_to_date if p.endswith(".html")}
    return made if full else made | {p for p in old if p.endswith(".html") and p in run.state.outputs}


def run_build(app, lang: str | None, guide: str | None, formats: tuple[str, ...], preview: bool,
              jobs: int, force: bool, full: bool, static_dir: Path) -> dict:
    """Render what is out of date (in parallel), then write output/ and the state; return counts."""
    from pipeline.commands.build import _chosen_languages, read_manifest
    from pipeline.commands.build_incremental import read_inputs, render_guides
    from pipeline.commands.build_state import read_state
    from pipeline.commands.project import load_guides

    started = time.perf_counter()
    settings = app.settings
    inputs = read_inputs(settings, preview)
    chosen = _chosen_languages(settings, lang)
    if guide is not None and guide not in inputs.sources:
        load_guides(settings, guide)  # raises the usual "no guide named" error
    run = Run(settings, read_state(settings.output_dir), inputs, formats, chosen, guide, preview, force)
    old = read_manifest(run.out)

    def then() -> list:
        """Once every guide is localized: the indexes, then the web fonts' tasks."""
        if "html" not in formats:
            return []
        render_indexes(run)
        return plan_fonts(run, _pages(run, old, full))

    render_guides(run, jobs, _progress(app), then)
    images, extra = 0, []
    if "html" in formats:
        images = copy_images(run)
        extra = finish_fonts(run)
    copy_css(run, static_dir)
    changed, removed = write_all(run, full, extra)
    built = len(run.records)
    made = set(run.files) | run.up_to_date | set(extra)
    return {"pages": sum(p.endswith(".html") for p in made), "pdfs": sum(p.endswith(".pdf") for p in made),
            "images": images, "changed": changed, "removed": len(removed), "published": sorted(run.wanted),
            "out": run.out, "built": built, "up_to_date": len(made) - built, "withheld": run.withheld,
            "seconds": time.perf_counter() - started}
