"""Incremental, parallel rendering for ``ligetil build``: find what is out of date, render it.

Per guide and language the PDF and the page depend on: the common hash (package version,
templates, styles, UI catalogs, render code, fonts, settings, preview), the guide's source,
its catalog in that language and the languages the guide is published in (the switcher);
the page also on its PDF's size (shown in the link) and whether the build makes PDFs.
Guides are localized (QA, coverage) only when their inputs changed or an output of theirs
must be rendered; the results are cached in the state, so a no-op build reads hashes only.
"""

from __future__ import annotations

from collections import deque
from contextlib import nullcontext
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.commands.build_state import BuildState, common_digest, file_hash, hash_parts
from pipeline.commands.build_work import (GuideResult, GuideUnit, PairResult, PairUnit, guide_from_stub,
                                          completed, localize_guide, make_executor, page_dep, render_pair,
                                          restore, stop)
from pipeline.config import Settings
from pipeline.errors import LigetilError, RenderError, SourceError, raise_all
from pipeline.fsutil import digest
from pipeline.paths import guide_paths, po_path


@dataclass
class Inputs:
    """The project's guides and catalogs as bytes and hashes, read once."""

    common: str
    sources: dict[str, tuple[str, bytes, str]]  # slug -> (where, bytes, hash)
    catalogs: dict[tuple[str, str], tuple[str, bytes | None, str | None]]  # (lang, slug)

    def source_hash(self, slug: str) -> str:
        return self.sources[slug][2]

    def catalog_hash(self, lang: str, slug: str) -> str | None:
        return self.catalogs.get((lang, slug), ("", None, None))[2]


def read_inputs(settings: Settings, preview: bool) -> Inputs:
    """Read every guide and catalog as bytes; report unreadable guides all at once."""
    sources, catalogs, errors = {}, {}, []
    for path in guide_paths(settings):
        where = settings.relative(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            errors.append(SourceError(f"cannot read: {error.strerror}", where))
            continue
        sources[path.stem] = (where, data, digest(data))
        for lang in settings.languages:
            po = po_path(settings, lang, path.stem)
            try:
                raw = po.read_bytes()
            except FileNotFoundError:
                raw = None
            catalogs[(lang, path.stem)] = (settings.relative(po), raw, None if raw is None else digest(raw))
    raise_all(errors)
    return Inputs(common_digest(settings, preview), sources, catalogs)


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
    files: dict[str, bytes] = field(default_factory=dict)  # rendered in this run
    records: dict[str, tuple[str, dict]] = field(default_factory=dict)  # path -> (dep, extra)
    pdf_bases: dict[str, str] = field(default_factory=dict)  # PDF path -> dependency before images
    page_chars: dict[str, dict[str, str]] = field(default_factory=dict)  # page path -> characters
    font_data: dict[str, bytes] = field(default_factory=dict)  # cut web fonts, by file
    fonts_dep: str = ""
    fonts_files: list[str] | None = None  # the up-to-date font files, when none is cut
    up_to_date: set[str] = field(default_factory=set)
    withheld: list[str] = field(default_factory=list)  # translations not published for QA errors
    errors: dict[str, list] = field(default_factory=lambda: {"localize": [], "glyph": [], "render": []})
    _image_hashes: dict[str, str | None] = field(default_factory=dict)

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


def _bases(run: Run, lang: str, slug: str) -> tuple[str, str]:
    """Return the dependency hashes of a guide's PDF and page in one language (before images/size)."""
    parts = (run.inputs.common, run.inputs.source_hash(slug), run.inputs.catalog_hash(lang, slug),
             list(run.published[slug]))
    return hash_parts("pdf", *parts), hash_parts("html", *parts, run.pdf_flag)


def plan_pair(run: Run, lang: str, slug: str) -> dict | None:
    """Return what to render of one guide in one language, or None when all is up to date."""
    pdf_base, html_base = _bases(run, lang, slug)
    pdf_path, html_path = f"{lang}/{slug}.pdf", f"{lang}/{slug}.html"
    need_pdf, size = False, None
    if run.pdf_flag:
        record = run.state.outputs.get(pdf_path) or {}
        found = run.fresh(pdf_path, hash_parts(pdf_base, run.images_digest(record.get("images", []))))
        need_pdf, size = found is None, (found or {}).get("size")
    recorded = None
    if "html" in run.formats:
        record = run.state.outputs.get(html_path) or {}
        recorded = record.get("dep") if run.fresh(html_path, record.get("dep", "")) else None
    page_ok = "html" not in run.formats or recorded == page_dep(html_base, size if run.pdf_flag else None)
    if not need_pdf and page_ok:
        run.up_to_date.update(p for p, f in ((pdf_path, "pdf"), (html_path, "html")) if f in run.formats)
        return None
    if not need_pdf and run.pdf_flag:
        run.up_to_date.add(pdf_path)
    return {"pdf": need_pdf, "page": "html" in run.formats, "pdf_flag": run.pdf_flag, "pdf_size": size,
            "page_base": html_base, "page_recorded": recorded, "pdf_base": pdf_base}


def _use_cache(run: Run, slug: str) -> bool:
    """Take a guide's localization from the state; return whether it must be localized again."""
    entry = run.state.guides.get(slug)
    if run.force or not entry or entry.get("key") != run.guide_key(slug):
        return True
    run.published[slug] = tuple(entry["published"])
    run.stubs[slug] = entry["stubs"]
    stale = False
    for lang in _wanted_languages(run, slug):
        stale = plan_pair(run, lang, slug) is not None or stale
    return stale


def _wanted_languages(run: Run, slug: str) -> list[str]:
    if not run.in_scope(slug):
        return []
    langs = [lang for lang in run.chosen if lang in run.published[slug]]
    run.wanted.update((lang, slug) for lang in langs)
    return langs


def _guide_unit(run: Run, slug: str) -> GuideUnit:
    where, source, _ = run.inputs.sources[slug]
    catalogs = {lang: run.inputs.catalogs[(lang, slug)][:2] for lang in run.settings.languages}
    pages = tuple(run.chosen) if "html" in run.formats and run.in_scope(slug) else ()
    return GuideUnit(slug, where, source, catalogs, run.settings, run.preview, pages, run.pdf_flag)


def on_guide(run: Run, result: GuideResult) -> list[PairUnit]:
    """Record a guide's localization; return the renders it needs (none after an error)."""
    slug = result.slug
    if result.errors:
        run.errors["localize"].extend(result.errors)
        return []
    run.published[slug] = tuple(lang for lang in run.settings.all_languages if lang in result.localized)
    run.stubs[slug] = result.stubs
    run.withheld.extend(result.withheld)
    run.state.guides[slug] = {"key": run.guide_key(slug), "published": list(run.published[slug]),
                              "stubs": result.stubs}
    langs = _wanted_languages(run, slug)
    run.page_chars.update({f"{lang}/{slug}.html": chars for lang, chars in result.chars.items()})
    for lang in langs:
        run.errors["glyph"].extend(result.glyphs.get(lang, []))
    if any(run.errors.values()):
        return []
    units = []
    for lang in langs:
        plan = plan_pair(run, lang, slug)
        if plan is not None:
            run.pdf_bases[f"{lang}/{slug}.pdf"] = plan.pop("pdf_base")
            units.append(PairUnit(result.localized[lang], run.settings, run.published[slug], **plan))
    return units


def on_pair(run: Run, result: PairResult) -> None:
    """Keep a pair's rendered files and what the state will record of them."""
    if result.errors:
        run.errors["render"].extend(result.errors)
        return
    pdf_path, html_path = f"{result.lang}/{result.slug}.pdf", f"{result.lang}/{result.slug}.html"
    if pdf_path in result.files:
        data = result.files[pdf_path]
        run.records[pdf_path] = (hash_parts(run.pdf_bases[pdf_path], run.images_digest(result.images)),
                                 {"size": len(data), "images": result.images})
    if html_path in result.files:
        run.records[html_path] = (result.page_dep, {"images": result.images,
                                                    "chars": run.page_chars[html_path]})
    elif result.page_fresh:
        run.up_to_date.add(html_path)
    run.files.update(result.files)


def render_guides(run: Run, jobs: int, progress=None, then=None) -> None:
    """Localize what changed and render what is out of date, in parallel; fail once at the end.

    ``progress`` makes a Rich Progress; it starts after the pool forked its workers, so no
    worker is forked while its refresh thread holds a lock. ``then()`` is called once every
    guide is localized and returns more tasks ``(name, fn, args)``; they go ahead of the
    renders still waiting, so the web fonts are cut while PDFs render, not after.
    """
    todo = [slug for slug in run.inputs.sources if _use_cache(run, slug)]
    with make_executor(jobs, len(todo) * len(run.settings.all_languages) + 6) as executor:
        queue = Queue(executor, 2 * max(1, jobs))
        for slug in todo:
            queue.submit("guide", slug, localize_guide, _guide_unit(run, slug))
        try:
            with progress() if progress is not None and queue.pending else nullcontext() as bar:
                queue.bar, queue.task = bar, bar.add_task("Guides", total=len(queue.pending)) if bar else None
                _drain(run, queue, then)
        except BaseException:  # Ctrl-C or a bug: do not finish the queue
            stop(executor)
            raise
    for group in ("localize", "glyph", "render"):
        raise_all(_unique([restore(e) for e in run.errors[group]]))


def _drain(run: Run, queue: Queue, then) -> None:
    """Handle results as they come, feeding renders to the pool, until nothing is left."""
    while True:
        if then is not None and not queue.busy("guide"):
            tasks, then = ([] if any(run.errors.values()) else then()), None
            for name, fn, args in tasks:
                queue.submit("task", name, fn, *args)
        queue.feed(stop=any(run.errors.values()))
        if not queue.pending:
            return
        for future in completed(queue.pending):
            (kind, name), result = queue.pending.pop(future), _result(future)
            if kind == "task":
                run.font_data[name] = result
            elif kind == "guide":
                queue.wait(on_guide(run, result))
            else:
                on_pair(run, result)
            queue.advance(_label(kind, name, result))


class Queue:
    """The futures in the pool, and renders waiting (a few per worker) so urgent tasks start soon."""

    def __init__(self, executor, limit: int):
        self.executor, self.limit = executor, limit
        self.pending: dict = {}  # future -> (kind, name)
        self.backlog: deque[PairUnit] = deque()
        self.bar, self.task = None, None

    def submit(self, kind: str, name: str, fn, *args) -> None:
        self.pending[self.executor.submit(fn, *args)] = (kind, name)
        if kind != "pair":  # renders were counted when they joined the backlog
            self._grow(1)

    def wait(self, units: list[PairUnit]) -> None:
        self.backlog.extend(units)
        self._grow(len(units))

    def _grow(self, more: int) -> None:
        if self.bar is not None and more:
            self.bar.update(self.task, total=self.bar.tasks[self.task].total + more)

    def busy(self, kind: str) -> bool:
        return any(k == kind for k, _ in self.pending.values())

    def feed(self, stop: bool = False) -> None:
        """Send waiting renders to the pool, up to the limit; drop them after an error."""
        if stop:
            self.backlog.clear()
        running = sum(k == "pair" for k, _ in self.pending.values())
        while self.backlog and running < self.limit:
            unit = self.backlog.popleft()
            self.submit("pair", unit.localized.guide.slug, render_pair, unit)
            running += 1

    def advance(self, label: str) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=label)


def _label(kind: str, name: str, result) -> str:
    return {"task": name, "guide": name}.get(kind) or f"{result.slug} ({result.lang})"


def _result(future):
    try:
        return future.result()
    except BrokenProcessPool as error:
        raise RenderError(f"a render worker stopped unexpectedly ({error}); run the build again "
                          "with --jobs 1 to see the problem") from None


def _unique(errors: list[LigetilError]) -> list[LigetilError]:
    return list({str(e): e for e in errors}.values())


def index_stubs(run: Run, lang: str) -> list:
    """Return what the index of ``lang`` shows of each guide published in it, by slug."""
    return [guide_from_stub(slug, run.inputs.sources[slug][0], lang, run.stubs[slug][lang], run.preview)
            for slug in sorted(run.published) if lang in run.published[slug]]
