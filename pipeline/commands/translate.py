"""`ligetil translate`: machine drafts (fuzzy) for untranslated entries, offline with Argos."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import click

from pipeline.catalog.drafts import Pending, apply_drafts, pending
from pipeline.commands import App, progress_bar
from pipeline.config import Settings
from pipeline.errors import ConfigError
from pipeline.fsutil import remove_stale_temps
from pipeline.lock import project_lock
from pipeline.paths import SITE_WORDS, po_path
from pipeline.project import CatalogSnapshot, chosen_languages, project_glossary
from pipeline.translate.argos import ArgosEngine
from pipeline.translate.engine import make_drafts
from pipeline.translate.packages import find_route, installed_models
from pipeline.translate.packages import models_dir as resolve


@dataclass(frozen=True)
class Refusal:
    """An entry left untranslated because its draft failed the mask check."""

    where: str
    problem: str


def catalog_paths(settings: Settings, lang: str, guide: str | None) -> list[Path]:
    """Return the catalogs to fill, refusing a guide or language without any."""
    if guide is not None:
        path = po_path(settings, lang, guide)
        if not path.is_file():
            raise ConfigError(f"no catalog for guide {guide!r}; run `ligetil update --lang {lang}` first",
                              settings.relative(path))
        return [path]
    paths = sorted(p for p in (settings.translations_dir / lang / "LC_MESSAGES").glob("*.po")
                   if p.stem != SITE_WORDS)  # the site's words are English msgids: no Danish route
    if not paths:
        raise ConfigError(f"no catalogs for {lang!r}; run `ligetil update --lang {lang}` first")
    return paths


def load_engine(settings: Settings, lang: str, models_dir: str | None, beam: int):
    """Find the installed models from the source language to ``lang``; fail with the fix."""
    route = find_route(installed_models(resolve(models_dir)), settings.source_language, lang)
    return ArgosEngine(route, beam=beam)


def _progress(app: App, total_texts: int):
    """Return a rich progress bar and its (done, total) callback."""
    bar = progress_bar(app.err, remaining=True)
    task = bar.add_task(f"translating {total_texts} texts", total=None)
    return bar, lambda done, total: bar.update(task, completed=done, total=total)


def _refusals(settings: Settings, todo: dict[Path, list[Pending]], problems: dict[str, str]) -> list[Refusal]:
    found = []
    for path, entries in todo.items():
        for entry in entries:
            if entry.msgid in problems:
                where = settings.relative(path) + (f":{entry.line}" if entry.line else "")
                found.append(Refusal(where, problems[entry.msgid]))
    return found


def translate(app: App, lang: str, guide: str | None, dry_run: bool, beam: int,
              models_dir: str | None) -> tuple[int, int, list[Path], list[Refusal]]:
    """Draft every pending entry; write after all drafts are made.

    Returns (drafts made, entries pending, changed files, refused entries).
    """
    settings = app.settings
    chosen_languages(settings, lang)
    snapshot = CatalogSnapshot(settings)
    catalogs = {path: snapshot.read(path) for path in catalog_paths(settings, lang, guide)}
    todo = {path: pending(po) for path, po in catalogs.items()}
    texts = sorted({entry.msgid for entries in todo.values() for entry in entries})
    if not texts:
        return 0, 0, [], []
    # names the glossary keeps as they are in this language are protected like translate.protected_terms
    terms = tuple(dict.fromkeys(settings.protected_terms + project_glossary(settings).kept_terms(lang)))
    engine = load_engine(settings, lang, models_dir, beam)

    bar, report = _progress(app, len(texts))
    with bar:
        drafts = make_drafts(texts, engine, terms, report)
    good = {d.source: d.text for d in drafts if d.text is not None}
    problems = {d.source: d.problem or "no draft" for d in drafts if d.text is None}
    filled = sum(apply_drafts(po, good, engine.describe()) for po in catalogs.values())
    changed = [] if dry_run else _write(snapshot, catalogs, todo, good)
    pending_count = sum(len(entries) for entries in todo.values())
    return filled, pending_count, changed, _refusals(settings, todo, problems)


def _write(snapshot: CatalogSnapshot, catalogs: dict, todo: dict[Path, list[Pending]],
           good: dict[str, str]) -> list[Path]:
    """Write the catalogs that got a draft, refusing any that changed on disk meanwhile."""
    targets = [p for p in catalogs if any(e.msgid in good for e in todo[p])]
    return snapshot.write_all({path: catalogs[path] for path in targets})


@click.command(short_help="Fill untranslated entries with machine drafts (fuzzy).")
@click.option("--lang", "-l", "lang", required=True, metavar="LANG", help="Target language, e.g. tr.")
@click.option("--guide", "-g", metavar="GUIDE", help="Only this guide's catalog (default: all).")
@click.option("--dry-run", is_flag=True, help="Translate and report, but write nothing.")
@click.option("--beam", type=click.IntRange(1, 16), default=4, show_default=True,
              help="Beam size: 1 is fastest (greedy), larger gives better drafts.")
@click.option("--models-dir", envvar="ARGOS_PACKAGES_DIR", metavar="DIR",
              type=click.Path(file_okay=False), help="Argos package folder [env: ARGOS_PACKAGES_DIR].")
@click.pass_obj
def command(app: App, lang: str, guide: str | None, dry_run: bool, beam: int,
            models_dir: str | None) -> int:
    """Give every untranslated entry of translations/LANG/LC_MESSAGES/*.po a machine draft.

    \b
    - drafts are marked fuzzy, with a comment naming engine, route and model versions;
      a reviewer accepts one by clearing fuzzy in the PO editor;
    - translated and fuzzy entries are never touched, so a rerun changes nothing;
    - markup, links, numbers, dates, contacts and protected terms (translate.protected_terms,
      and glossary terms whose LANG column repeats the source term) must come back
      unchanged; an entry whose draft fails that check stays untranslated and is listed.
    Exit code 1 when an entry was left untranslated for that reason.
    """
    started = time.monotonic()
    with project_lock(app.settings.root, "translate"):
        remove_stale_temps(app.settings.translations_dir)  # left by a run that was killed
        filled, count, changed, refused = translate(app, lang, guide, dry_run, beam, models_dir)
    for path in changed:
        app.out.print(f"wrote {app.settings.relative(path)}")
    for refusal in refused:
        app.err.print(f"{refusal.where}: draft not written: {refusal.problem}", markup=False)
    verb = "would add" if dry_run else "added"
    app.out.print(
        f"translate {lang}: {verb} {filled} draft(s) of {count} untranslated entries, "
        f"{len(refused)} left untranslated, {len(changed)} file(s) changed "
        f"in {time.monotonic() - started:.1f} s"
    )
    return 1 if refused else 0
