"""The site-wide outputs of a build (indexes, front page, images, styles, web fonts), and the write.

Each is rendered only when its dependency hash changed or its file is not intact; an index
depends on the titles and summaries of the guides it lists, not on their bodies, so fixing
a paragraph does not touch it.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.build.plan import Run, index_stubs
from pipeline.build.state import hash_parts
from pipeline.build.units import page_chars
from pipeline.errors import RenderError, raise_all
from pipeline.fsutil import digest
from pipeline.render import fonts
from pipeline.render.body import check_image_src
from pipeline.render.html import FONTS_CSS, SEARCH_JS, STATIC_CSS, STATIC_DIR, SiteInfo
from pipeline.render.site import home_context, index_context, render_home, render_index, site_languages



def _site_page(run: Run, path: str, dep: str, render) -> None:
    """Render an index page unless it is up to date (``render()`` returns its HTML)."""
    if run.fresh(path, dep):
        run.up_to_date.add(path)
        return
    data = render().encode("utf-8")
    run.files[path] = data
    run.records[path] = (dep, {"chars": page_chars(data, None, False, run.settings.fonts)})


def render_indexes(run: Run) -> None:
    """Render the index of each language with published guides, and the front page."""
    settings = run.settings
    site = SiteInfo(settings.name, dict(sorted(run.published.items())), pdf=run.pdf_flag,
                    flyer="flyer" in run.formats)
    languages = site_languages(site, settings)
    for lang in languages:
        shown = [(slug, run.stubs[slug][lang]) for slug in sorted(run.published) if lang in run.published[slug]]
        dep = hash_parts("index", run.inputs.common, lang, languages, shown, run.pdf_flag, site.flyer)
        _site_page(run, f"{lang}/index.html", dep, lambda lang=lang: render_index(
            index_context(lang, index_stubs(run, lang), settings, site, run.preview)))
    source = settings.source_language
    shown = [(slug, run.stubs[slug].get(source)) for slug in sorted(run.published)]
    dep = hash_parts("home", run.inputs.common, site.published, shown, run.pdf_flag)
    _site_page(run, "index.html", dep, lambda: render_home(
        home_context(index_stubs(run, source), settings, site, run.preview)))


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
    errors, content = [], run.settings.content_dir
    for image, slug in sorted(used.items()):
        where = (f"content/{slug}.md", _image_line(run, slug, image))
        try:
            # the state file lists them: trust no path from it; an up-to-date page's image
            # may have become a link out of content/ since
            check_image_src(image, content, *where)
        except RenderError as error:
            errors.append(error)
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


def copy_css(run: Run) -> None:
    """Copy the site's style sheet."""
    _static(run, STATIC_CSS, (STATIC_DIR / Path(STATIC_CSS).name).read_bytes())


def copy_script(run: Run) -> None:
    """Copy the language indexes' search script (the pages work without it)."""
    _static(run, SEARCH_JS, (STATIC_DIR / Path(SEARCH_JS).name).read_bytes())


def plan_fonts(run: Run, pages: set[str]) -> list[tuple[str, object, tuple]]:
    """Return the tasks that cut the web fonts, or none when fonts.css and its files are up to date.

    The fonts cover the characters the pages show; each face is one task, the largest
    first (Nastaliq takes seconds per weight). ``finish_fonts`` writes the CSS as
    ``webfont_css`` does, from the cut files.
    """
    chars: dict[str, set[str]] = {}
    for path in sorted(pages):
        record = run.page_chars.get(path) or _page_record(run, path).get("chars", {})
        for key, text in record.items():
            chars.setdefault(key, set()).update(text)
    used = {key: "".join(sorted(found)) for key, found in sorted(chars.items())}
    run.fonts_dep = hash_parts("fonts", run.inputs.common, used)
    run.used_chars = used
    record = run.fresh(FONTS_CSS, run.fonts_dep)
    if record and all(run.fresh(name, run.fonts_dep) for name in record.get("fonts", [])):
        run.up_to_date.update([FONTS_CSS, *record["fonts"]])
        run.fonts_files = list(record["fonts"])
        return []
    run.fonts_files = None
    faces = [(f"fonts/{fonts.face_file(font, weight)}", path, used[font.family], font.index)
             for font in fonts.used_fonts(used) for weight, path in font.files]
    faces.sort(key=lambda face: -face[1].stat().st_size)
    return [(name, fonts.subset_woff2, (path, text, index)) for name, path, text, index in faces]


def finish_fonts(run: Run) -> list[str]:
    """Write fonts.css for the cut faces (as ``webfont_css`` would) and return the font files."""
    if run.fonts_files is not None:
        return run.fonts_files
    cut = {name.removeprefix("fonts/"): data for name, data in run.font_data.items()}
    used = fonts.used_fonts(run.used_chars)
    css = (fonts.font_face_css(used, cut, "../fonts/")
           + fonts.language_css(run.settings.all_languages, run.settings.fonts, used))
    run.files[FONTS_CSS] = css.encode("utf-8")
    run.records[FONTS_CSS] = (run.fonts_dep, {"fonts": sorted(run.font_data)})
    for name, data in run.font_data.items():
        run.files[name] = data
        run.records[name] = (run.fonts_dep, {})
    return sorted(run.font_data)


def site_pages(run: Run, old: set[str], full: bool) -> set[str]:
    """Return the HTML pages output/ will hold, whose characters the web fonts must cover."""
    made = {f"{lang}/{slug}.html" for lang, slug in run.wanted} | {
        p for p in set(run.files) | run.up_to_date if p.endswith(".html")}
    return made if full else made | {p for p in old if p.endswith(".html") and p in run.state.outputs}
