"""The build's pure work units, run in worker processes: localize a guide, render its files.

Each unit takes bytes and settings and returns bytes; no file is read besides templates,
fonts and (for a PDF) the images it embeds, and none is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.build.formats import render_output
from pipeline.build.pool import PortableError, portable
from pipeline.build.state import hash_parts
from pipeline.catalog.pofile import decode_catalog, parse_catalog
from pipeline.config import Settings
from pipeline.errors import LigetilError
from pipeline.model import Coverage, Guide, LocalizedGuide, LocalizedText
from pipeline.project import publication
from pipeline.render.fonts import check_glyphs, web_font_key
from pipeline.render.html import SiteInfo, page_context
from pipeline.render.localize import localize
from pipeline.render.site import used_text
from pipeline.render.ui import file_size, text_direction
from pipeline.source import segment
from pipeline.source.reader import parse_guide


@dataclass(frozen=True)
class GuideUnit:
    """One guide's source and catalogs, to localize in every language."""

    slug: str
    where: str  # e.g. "content/madservice.md"
    source: bytes
    catalogs: dict[str, tuple[str, bytes | None]]  # lang -> (display path, bytes or None)
    settings: Settings
    preview: bool
    pages: tuple[str, ...] = ()  # languages whose page's characters the web fonts need
    pdf_flag: bool = True  # the build makes PDFs, so pages show their size


@dataclass
class GuideResult:
    """A guide localized: what is published where, the index stubs and any errors."""

    slug: str
    localized: dict[str, LocalizedGuide] = field(default_factory=dict)  # published languages
    stubs: dict[str, dict] = field(default_factory=dict)
    glyphs: dict[str, list[PortableError]] = field(default_factory=dict)  # lang -> tofu errors
    chars: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> page_chars()
    errors: list[PortableError] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)  # "path:line: …" of entries QA refused


def _glyph_errors(localized: LocalizedGuide, segments) -> list[PortableError]:
    """Return the tofu check's errors for one published guide."""
    labels = {s.msgid: str(s.location) for s in segments}
    lang = localized.lang
    texts = [(labels.get(k, localized.guide.slug), t.text) for k, t in localized.texts.items() if t.lang == lang]
    try:
        check_glyphs(texts, lang, localized.guide.path)
    except LigetilError as error:
        return portable(error)
    return []


def stub_of(localized: LocalizedGuide) -> dict:
    """Return what an index needs of a published guide: title and summary, as JSON."""
    meta = localized.guide.meta
    keys = {k: meta.get(k) if isinstance(meta.get(k), str) else None for k in ("title", "summary")}
    texts = {v.strip(): [t.text, t.lang, t.state] for v in keys.values() if v and v.strip()
             for t in [localized.texts.get(v.strip())] if t is not None}
    return {**keys, "texts": texts}


def guide_from_stub(slug: str, where: str, lang: str, stub: dict, preview: bool) -> LocalizedGuide:
    """Rebuild the part of a LocalizedGuide an index shows, from :func:`stub_of`."""
    meta = {k: stub[k] for k in ("title", "summary") if stub.get(k) is not None}
    texts = {k: LocalizedText(*v) for k, v in stub["texts"].items()}
    return LocalizedGuide(Guide(slug, where, meta, "", 1), lang, text_direction(lang), texts,
                          Coverage(0, 0), preview)


def localize_guide(unit: GuideUnit) -> GuideResult:
    """Parse and segment a guide, then localize it in every language of the project."""
    result, settings = GuideResult(unit.slug), unit.settings
    try:
        guide = parse_guide(unit.source, unit.slug, unit.where)
        segments = segment(guide)
    except LigetilError as error:
        result.errors = portable(error)
        return result
    for lang in settings.all_languages:
        display, data = unit.catalogs.get(lang, (unit.where, None))
        try:
            po = None if data is None else parse_catalog(decode_catalog(data, display), display)
            decided = publication(segments, po, lang, settings, unit.preview)
            found = localize(guide, segments, po, lang, settings, preview=unit.preview,
                             excluded=decided.refused)
        except LigetilError as error:
            result.errors.extend(portable(error))
            continue
        result.withheld += [f"{display}:{entry.linenum}: not published: `ligetil check` finds an "
                            f"error in this translation; the {settings.source_language} text is shown"
                            for entry in (po or []) if entry.msgid in decided.refused and not entry.obsolete]
        if not decided.publishable:
            result.withheld.append(f"{display}: {decided.reason()}")
            continue
        result.localized[lang] = found
        result.stubs[lang] = stub_of(found)
        result.glyphs[lang] = _glyph_errors(found, segments)
    if not result.errors:
        _page_chars(unit, result)
    return result


# A page shows its PDF's size ("Download PDF (41 kB)"), known only once the PDF is made.
# The web fonts cover every character such a size can have, so a page's characters can be
# taken from a draft rendered with any size, early, and the fonts cut while PDFs render.
PLACEHOLDER_SIZE = 1_500_000
SAMPLE_SIZES = (*range(1_000, 10_001, 1_000), 1_500_000, 2_500_000)


def size_chars(lang: str) -> str:
    """Return every character a PDF size may show in ``lang`` (digits, separators, units)."""
    return "".join(sorted({c for size in SAMPLE_SIZES for c in file_size(size, lang)}))


def page_chars(html: bytes, lang: str | None, pdf_flag: bool) -> dict[str, str]:
    """Return, per web font, the characters a page shows, plus any PDF size's when it shows one."""
    found = {key: set(text) for key, text in used_text([html.decode("utf-8")]).items()}
    if pdf_flag and lang is not None:
        for key in ("latin", web_font_key(lang)):
            found.setdefault(key, set()).update(size_chars(lang))
    return {key: "".join(sorted(chars)) for key, chars in sorted(found.items())}


def _page_chars(unit: GuideUnit, result: GuideResult) -> None:
    """Draft the pages of ``unit.pages`` (with a placeholder PDF size) for their characters."""
    published = tuple(lang for lang in unit.settings.all_languages if lang in result.localized)
    for lang in unit.pages:
        if lang not in result.localized:
            continue
        sizes = {(lang, unit.slug): PLACEHOLDER_SIZE} if unit.pdf_flag else {}
        try:
            html, _ = _render(result.localized[lang], unit.settings, published, "page", sizes, unit.pdf_flag)
        except LigetilError as error:
            result.errors.extend(portable(error))
            return
        result.chars[lang] = page_chars(html, lang, unit.pdf_flag)


@dataclass(frozen=True)
class PairUnit:
    """What to render for one guide in one language: its PDF, its page, or both."""

    localized: LocalizedGuide
    settings: Settings
    published: tuple[str, ...]  # the guide's languages (the language switcher)
    pdf: bool  # render the PDF
    page: bool  # the build makes the HTML page
    pdf_flag: bool  # the build makes PDFs, so pages link them
    pdf_size: int | None  # the up-to-date PDF's size when it is not rendered again
    page_base: str  # the page's dependency hash before the PDF's size is known
    page_recorded: str | None  # the dependency hash of the intact page on disk, if any


@dataclass
class PairResult:
    """The files rendered for one guide in one language, with what the state records."""

    lang: str
    slug: str
    files: dict[str, bytes] = field(default_factory=dict)
    images: list[str] = field(default_factory=list)
    page_dep: str = ""
    page_fresh: bool = False
    errors: list[PortableError] = field(default_factory=list)


def page_dep(base: str, pdf_size: int | None) -> str:
    """Return a page's dependency hash: its inputs and the size its PDF link shows."""
    return hash_parts(base, pdf_size)


def render_pair(unit: PairUnit) -> PairResult:
    """Render a guide's PDF (if asked), then its page if its PDF size or inputs changed."""
    localized, settings = unit.localized, unit.settings
    lang, slug = localized.lang, localized.guide.slug
    result, size = PairResult(lang, slug), unit.pdf_size
    try:
        if unit.pdf:
            data, result.images = _render(localized, settings, unit.published, "pdf", {}, True)
            result.files[f"{lang}/{slug}.pdf"], size = data, len(data)
        if unit.page:
            result.page_dep = page_dep(unit.page_base, size if unit.pdf_flag else None)
            result.page_fresh = result.page_dep == unit.page_recorded
            if not result.page_fresh:
                sizes = {(lang, slug): size} if size and unit.pdf_flag else {}
                html, result.images = _render(localized, settings, unit.published, "page", sizes,
                                              unit.pdf_flag)
                result.files[f"{lang}/{slug}.html"] = html
    except LigetilError as error:
        result.errors = portable(error)
    return result


def _render(localized: LocalizedGuide, settings: Settings, published: tuple[str, ...], kind: str,
            sizes: dict, pdf_flag: bool) -> tuple[bytes, list[str]]:
    """Render one file of a guide; return it and the images its body uses."""
    lang, slug = localized.lang, localized.guide.slug
    site = SiteInfo(settings.name, {slug: published}, pdf_sizes=sizes, pdf=pdf_flag)
    context = page_context(localized, settings, site)
    base_url = (settings.content_dir / lang).as_uri() + "/" if kind == "pdf" else ""
    return render_output(kind, context, base_url), list(context.get("images", ()))
