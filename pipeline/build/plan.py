"""What a build must render: the project's inputs by hash, and each output's up-to-date test.

Per guide and language every format depends on: the common hash (package version,
templates, styles, site words, render code, fonts, settings, preview), the guide's source,
its catalog in that language and the languages the guide is published in (the switcher);
a download (the PDF) also on the images it embeds and on what its format declares (the
audio: each voice's identity, so an installed voice re-renders it), the page on the
downloads it links and their sizes.
Guides are localized (QA, coverage) only when their inputs changed or an output of theirs
must be rendered; the results are cached in the state, so a no-op build reads hashes only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.build.formats import FORMATS, downloads
from pipeline.build.spool import Spool
from pipeline.build.state import BuildState, common_digest, file_hash, hash_parts
from pipeline.build.units import GuideUnit, PairPlan, guide_from_stub, page_dep
from pipeline.config import Settings
from pipeline.paths import glossary_path
from pipeline.project import Inputs, read_files, withholding_glossary


def read_inputs(settings: Settings, preview: bool) -> Inputs:
    """Read the project's files (project.read_files) with the hash every output depends on.

    The glossary is among them only where it can withhold a translation (glossary-term an error).
    """
    glossary = withholding_glossary(settings)
    common = common_digest(settings, preview)
    if glossary is not None:
        common = hash_parts(common, "glossary", file_hash(glossary_path(settings)))
    return Inputs(common, *read_files(settings), glossary)


@dataclass
class Run:
    """One build's inputs, decisions and results."""

    settings: Settings
    state: BuildState
    inputs: Inputs
    formats: tuple[str, ...]
    chosen: list[str]  # languages whose guide files this build makes
    guide: str | None  # the one guide this build makes, if chosen
    preview: bool
    force: bool
    published: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stubs: dict[str, dict[str, dict]] = field(default_factory=dict)
    wanted: set[tuple[str, str]] = field(default_factory=set)
    files: Spool = field(init=False)  # rendered in this run, spooled beside output/ until written
    records: dict[str, tuple[str, dict]] = field(default_factory=dict)  # path -> (dep, extra)
    bases: dict[str, str] = field(default_factory=dict)  # download path -> dependency before images
    page_chars: dict[str, dict[str, str]] = field(default_factory=dict)  # page path -> characters
    font_data: dict[str, bytes] = field(default_factory=dict)  # cut web fonts, by file
    fonts_dep: str = ""
    used_chars: dict[str, str] = field(default_factory=dict)  # web font family -> characters the pages show
    fonts_files: list[str] | None = None  # the up-to-date font files, when none is cut
    up_to_date: set[str] = field(default_factory=set)
    withheld: list[str] = field(default_factory=list)  # translations not published for QA errors
    errors: dict[str, list] = field(default_factory=lambda: {"localize": [], "render": []})
    tofu: set[str] = field(default_factory=set)  # "lang: no font for … script": languages not built
    _image_hashes: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.files = Spool(self.out, self.settings.relative(self.out))

    @property
    def out(self) -> Path:
        return self.settings.output_dir

    @property
    def pdf_flag(self) -> bool:
        return "pdf" in self.formats

    def guide_key(self, slug: str) -> str:
        """Return the hash of everything a guide's localization depends on."""
        return hash_parts(self.inputs.common, self.inputs.source_hash(slug),
                          [self.inputs.catalog_hash(lang, slug) for lang in self.settings.languages])

    def in_scope(self, slug: str) -> bool:
        return self.guide in (None, slug)

    def images_digest(self, images: list[str]) -> str:
        """Return a hash of the images a PDF embeds."""
        for image in images:
            if image not in self._image_hashes:
                self._image_hashes[image] = file_hash(self.settings.content_dir / image)
        return hash_parts([(image, self._image_hashes[image]) for image in images])

    def fresh(self, path: str, dep: str) -> dict | None:
        """Return the record of an intact output made from ``dep`` (never with --force)."""
        return None if self.force else self.state.fresh(self.out, path, dep)


def _parts(run: Run, lang: str, slug: str) -> tuple:
    """Return what every format of a guide in one language depends on."""
    return (run.inputs.common, run.inputs.source_hash(slug), run.inputs.catalog_hash(lang, slug),
            list(run.published[slug]))


def _download_state(run: Run, name: str, lang: str, slug: str, chosen: tuple[str, ...]) -> tuple[str, int | None]:
    """Return a download's dependency hash before images, and its size when it is up to date."""
    path = FORMATS[name].path(lang, slug)
    shown = [other for other in FORMATS[name].shows if other in chosen]
    extra = FORMATS[name].depends
    base = hash_parts(name, *_parts(run, lang, slug), *([shown] if FORMATS[name].shows else []),
                      *([extra(lang, run.settings.source_language)] if extra else []))
    record = run.state.outputs.get(path) or {}
    found = run.fresh(path, hash_parts(base, run.images_digest(record.get("images", []))))
    return base, None if found is None else found.get("size")


def plan_pair(run: Run, lang: str, slug: str) -> PairPlan | None:
    """Return what to render of one guide in one language, or None when all is up to date."""
    chosen = tuple(name for name in downloads(run.formats)
                   if FORMATS[name].made_in(lang, run.settings.source_language))
    bases, sizes, render = {}, {}, []
    for name in chosen:
        bases[name], size = _download_state(run, name, lang, slug, chosen)
        if size is None:
            render.append(name)
        else:
            sizes[name] = size
            run.up_to_date.add(FORMATS[name].path(lang, slug))
    page = next((f for f in FORMATS.values() if f.page and f.name in run.formats), None)
    page_base, recorded = hash_parts("html", *_parts(run, lang, slug), list(chosen)), None
    if page is not None:
        record = run.state.outputs.get(page.path(lang, slug)) or {}
        recorded = record.get("dep") if run.fresh(page.path(lang, slug), record.get("dep", "")) else None
        if not render and recorded == page_dep(page_base, sizes):
            run.up_to_date.add(page.path(lang, slug))
            return None
    elif not render:
        return None
    return PairPlan(tuple(render), tuple(sorted(sizes.items())), tuple(sorted(bases.items())), chosen,
                    page is not None, page_base, recorded)


def needs_localizing(run: Run, slug: str) -> bool:
    """Take a guide's localization from the state; return whether it must be localized again."""
    entry = run.state.guides.get(slug)
    if run.force or not entry or entry.get("key") != run.guide_key(slug):
        return True
    run.published[slug] = tuple(entry["published"])
    run.stubs[slug] = entry["stubs"]
    run.withheld.extend(entry.get("withheld", []))  # said again on every build until fixed
    run.tofu.update(entry.get("tofu", []))
    stale = False
    for lang in wanted_languages(run, slug):
        stale = plan_pair(run, lang, slug) is not None or stale
    return stale


def wanted_languages(run: Run, slug: str) -> list[str]:
    """Return the chosen languages a guide is published in, and mark them wanted."""
    if not run.in_scope(slug):
        return []
    langs = [lang for lang in run.chosen if lang in run.published[slug]]
    run.wanted.update((lang, slug) for lang in langs)
    return langs


def guide_unit(run: Run, slug: str) -> GuideUnit:
    """Return the work unit that localizes one guide in every language."""
    where, source, _ = run.inputs.sources[slug]
    catalogs = {lang: run.inputs.catalogs[(lang, slug)][:2] for lang in run.settings.languages}
    pages = tuple(run.chosen) if "html" in run.formats and run.in_scope(slug) else ()
    return GuideUnit(slug, where, source, catalogs, run.settings, run.preview, pages, downloads(run.formats),
                     run.inputs.glossary)


def index_stubs(run: Run, lang: str) -> list:
    """Return what the index of ``lang`` shows of each guide published in it, by slug."""
    return [guide_from_stub(slug, run.inputs.sources[slug][0], lang, run.stubs[slug][lang], run.preview)
            for slug in sorted(run.published) if lang in run.published[slug]]
