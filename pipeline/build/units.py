"""The build's pure work units, run in worker processes: localize a guide, render its files.

Each unit takes bytes and settings and returns bytes; no file is read besides templates,
fonts and (for a PDF) the images it embeds, and none is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.build.formats import FORMATS
from pipeline.build.pool import PortableError, portable
from pipeline.build.state import hash_parts
from pipeline.catalog.glossary import Glossary
from pipeline.catalog.pofile import decode_catalog, parse_catalog
from pipeline.config import Settings
from pipeline.errors import LigetilError, RenderError
from pipeline.model import Coverage, Guide, LocalizedGuide, LocalizedText
from pipeline.project import publication
from pipeline.render.fonts import FontChoices, latin, script_problems, web_font
from pipeline.render.body import RenderedBody
from pipeline.render.html import SiteInfo, page_body, page_context
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
    downloads: tuple[str, ...] = ("pdf",)  # the formats the pages link, with their sizes
    glossary: Glossary | None = None  # project.withholding_glossary()


@dataclass
class GuideResult:
    """A guide localized: what is published where, the index stubs and any errors."""

    slug: str
    localized: dict[str, LocalizedGuide] = field(default_factory=dict)  # published languages
    stubs: dict[str, dict] = field(default_factory=dict)
    tofu: dict[str, list[str]] = field(default_factory=dict)  # lang -> scripts it has no font for
    chars: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> page_chars()
    bodies: dict[str, RenderedBody] = field(default_factory=dict)  # lang -> page_body(), drafted with the pages
    errors: list[PortableError] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)  # "path:line: …" of entries QA refused


def _tofu(localized: LocalizedGuide, segments, choices: FontChoices) -> list[str]:
    """Return one line per script of the published text that the language's fonts cannot draw."""
    labels = {s.msgid: str(s.location) for s in segments}
    lang = localized.lang
    texts = [(labels.get(k, localized.guide.slug), t.text) for k, t in localized.texts.items() if t.lang == lang]
    return script_problems(texts, lang, choices)


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
            decided = publication(segments, po, lang, settings, unit.preview, unit.glossary)
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
        if tofu := _tofu(found, segments, settings.fonts):
            result.tofu[lang] = tofu  # that language is not built; the others are
            continue
        result.localized[lang] = found
        result.stubs[lang] = stub_of(found)
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


def page_chars(html: bytes, lang: str | None, sizes_shown: bool, choices: FontChoices = ()) -> dict[str, str]:
    """Return, per web font family, the characters a page shows, plus any file size's when it shows one."""
    found = {family: set(text) for family, text in used_text([html.decode("utf-8")], choices).items()}
    if sizes_shown and lang is not None:
        for family in (latin(choices).family, web_font(lang, choices).family):
            found.setdefault(family, set()).update(size_chars(lang))
    return {key: "".join(sorted(chars)) for key, chars in sorted(found.items())}


def _page_chars(unit: GuideUnit, result: GuideResult) -> None:
    """Draft the pages of ``unit.pages`` (with placeholder file sizes) for their characters."""
    published = tuple(lang for lang in unit.settings.all_languages if lang in result.localized)
    sizes = {name: PLACEHOLDER_SIZE for name in unit.downloads}
    for lang in unit.pages:
        if lang not in result.localized:
            continue
        try:
            html, _ = _render(result.localized[lang], unit.settings, published, "html", sizes, unit.downloads,
                              bodies=result.bodies)
        except LigetilError as error:
            result.errors.extend(portable(error))
            return
        result.chars[lang] = page_chars(html, lang, bool(unit.downloads), unit.settings.fonts)


@dataclass(frozen=True)
class PairPlan:
    """What to render of one guide in one language, and what the render needs to decide."""

    render: tuple[str, ...]  # the download formats to render again
    sizes: tuple[tuple[str, int], ...]  # the sizes of the up-to-date downloads
    bases: tuple[tuple[str, str], ...]  # each download's dependency hash before its images are known
    downloads: tuple[str, ...]  # every download format this build makes (the page links them)
    page: bool  # the build makes the page
    page_base: str  # the page's dependency hash before the downloads' sizes are known
    page_recorded: str | None  # the dependency hash of the intact page on disk, if any


@dataclass(frozen=True)
class PairUnit:
    """What to render for one guide in one language: some downloads, the page, or both."""

    localized: LocalizedGuide
    settings: Settings
    published: tuple[str, ...]  # the guide's languages (the language switcher)
    plan: PairPlan
    source: LocalizedGuide | None = None  # the guide in the source language (bilingual formats)
    bodies: dict[str, RenderedBody] = field(default_factory=dict)  # lang -> page_body() the guide unit drafted


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


def page_dep(base: str, sizes: dict[str, int]) -> str:
    """Return a page's dependency hash: its inputs and the sizes its download links show."""
    return hash_parts(base, sorted(sizes.items()))


def render_pair(unit: PairUnit) -> PairResult:
    """Render a guide's downloads that are out of date, then its page if a size or an input changed."""
    localized, settings, plan = unit.localized, unit.settings, unit.plan
    lang, slug = localized.lang, localized.guide.slug
    result, sizes = PairResult(lang, slug), dict(plan.sizes)
    bodies = dict(unit.bodies)  # each guide's body is rendered once for all the pair's formats
    try:
        for name in plan.render:
            data, result.images = _render(localized, settings, unit.published, name, {}, plan.downloads,
                                          unit.source, bodies)
            result.files[FORMATS[name].path(lang, slug)], sizes[name] = data, len(data)
        if plan.page:
            result.page_dep = page_dep(plan.page_base, sizes)
            result.page_fresh = result.page_dep == plan.page_recorded
            if not result.page_fresh:
                html, result.images = _render(localized, settings, unit.published, "html", sizes,
                                              plan.downloads, bodies=bodies)
                result.files[FORMATS["html"].path(lang, slug)] = html
    except LigetilError as error:
        result.errors = portable(error)
    return result


def _render(localized: LocalizedGuide, settings: Settings, published: tuple[str, ...], name: str,
            sizes: dict[str, int], downloads: tuple[str, ...],
            source: LocalizedGuide | None = None, bodies: dict | None = None) -> tuple[bytes, list[str]]:
    """Render one format of a guide; return it and the images its body uses.

    ``sizes`` are the downloads' sizes a page shows; ``downloads`` the formats it links;
    ``bodies`` keeps the guide's rendered body per language for the next format.
    """
    bodies = {} if bodies is None else bodies

    def body_of(guide: LocalizedGuide) -> RenderedBody:
        if guide.lang not in bodies:
            bodies[guide.lang] = page_body(guide, settings)
        return bodies[guide.lang]

    lang, slug = localized.lang, localized.guide.slug
    site = SiteInfo(settings.name, {slug: published}, pdf="pdf" in downloads,
                    sizes={name: size for name, size in sizes.items() if name in downloads and size},
                    listen="audio" in downloads)
    context = page_context(localized, settings, site, body_of(localized))
    if FORMATS[name].beside_source:
        if source is None:
            raise RenderError(f"{name}: the guide is not published in {settings.source_language}",
                              localized.guide.path)
        context["source_page"] = page_context(source, settings, site, body_of(source))
    base_url = "" if FORMATS[name].page else (settings.content_dir / lang).as_uri() + "/"
    return FORMATS[name].render(context, base_url), list(context.get("images", ()))
