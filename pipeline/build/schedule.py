"""Run a build's units on the pool: localize what changed, render what is out of date.

Guides are localized first; each result queues the renders of its languages, a few per
worker, so that urgent tasks (the web fonts) start soon. Errors are gathered and raised
once, at the end.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext

from pipeline.build.formats import FORMATS
from pipeline.build.plan import Run, guide_unit, needs_localizing, wanted_languages, plan_pair
from pipeline.build.pool import completed, make_executor, restore, stop
from pipeline.build.state import hash_parts
from pipeline.build.units import GuideResult, PairResult, PairUnit, localize_guide, render_pair
from pipeline.errors import LigetilError, RenderError, raise_all
from pipeline.render.pdf import preload as preload_pdf


def on_guide(run: Run, result: GuideResult) -> list[PairUnit]:
    """Record a guide's localization; return the renders it needs (none after an error)."""
    slug = result.slug
    if result.errors:
        run.errors["localize"].extend(result.errors)
        return []
    run.published[slug] = tuple(lang for lang in run.settings.all_languages if lang in result.localized)
    run.stubs[slug] = result.stubs
    run.withheld.extend(result.withheld)
    tofu = sorted({line for lines in result.tofu.values() for line in lines})
    run.state.guides[slug] = {"key": run.guide_key(slug), "published": list(run.published[slug]),
                              "stubs": result.stubs, "withheld": result.withheld, "tofu": tofu}
    run.tofu.update(tofu)
    langs = wanted_languages(run, slug)
    run.page_chars.update({f"{lang}/{slug}.html": chars for lang, chars in result.chars.items()})
    if any(run.errors.values()):
        return []
    units = []
    for lang in langs:
        plan = plan_pair(run, lang, slug)
        if plan is not None:
            run.bases.update((FORMATS[name].path(lang, slug), base) for name, base in plan.bases)
            source = run.settings.source_language
            bodies = {key: result.bodies[key] for key in {lang, source} if key in result.bodies}
            units.append(PairUnit(result.localized[lang], run.settings, run.published[slug], plan,
                                  result.localized.get(source), bodies))
    return units


def on_pair(run: Run, result: PairResult) -> None:
    """Keep a pair's rendered files and what the state will record of them."""
    if result.errors:
        run.errors["render"].extend(result.errors)
        return
    page_path = next((f.path(result.lang, result.slug) for f in FORMATS.values() if f.page), "")
    for path, data in result.files.items():
        if path == page_path:
            run.records[path] = (result.page_dep, {"images": result.images, "chars": run.page_chars[path]})
        else:
            run.records[path] = (hash_parts(run.bases[path], run.images_digest(result.images)),
                                 {"size": len(data), "images": result.images})
    if result.page_fresh:
        run.up_to_date.add(page_path)
    run.files.update(result.files)


def render_guides(run: Run, jobs: int, progress=None, then=None) -> None:
    """Localize what changed and render what is out of date, in parallel; fail once at the end.

    ``progress`` makes a Rich Progress; it starts after the pool forked its workers, so no
    worker is forked while its refresh thread holds a lock. ``then()`` is called once every
    guide is localized and returns more tasks ``(name, fn, args)``; they go ahead of the
    renders still waiting, so the web fonts are cut while PDFs render, not after.
    """
    todo = [slug for slug in run.inputs.sources if needs_localizing(run, slug)]
    if todo and any(FORMATS[name].suffix.endswith(".pdf") for name in run.formats):
        preload_pdf()  # before the workers fork: 0.2 s of CPU once, not once per worker
    with make_executor(jobs, len(todo) * len(run.settings.all_languages) + 6) as executor:
        queue = Queue(executor, 2 * max(1, jobs))
        for slug in todo:
            queue.submit("guide", slug, localize_guide, guide_unit(run, slug))
        try:
            with progress() if progress is not None and queue.pending else nullcontext() as bar:
                queue.bar, queue.task = bar, bar.add_task("Guides", total=len(queue.pending)) if bar else None
                _drain(run, queue, then)
        except BaseException:  # Ctrl-C or a bug: do not finish the queue
            stop(executor)
            raise
    for group in ("localize", "render"):
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
