"""`ligetil update`: extract, then merge each template into every language's catalog."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline import __version__, cache
from pipeline.catalog.headers import empty_catalog, now
from pipeline.catalog.memory import TranslationMemory
from pipeline.catalog.merge import MergeReport, merge
from pipeline.catalog.pofile import read_catalog
from pipeline.commands import App
from pipeline.commands.extract import plan_templates, stale_templates
from pipeline.project import CatalogSnapshot, catalog_inputs, chosen_languages, load_guides
from pipeline.config import Settings
from pipeline.errors import ConfigError
from pipeline.exchange.tmx import pairs_for, read_tmx
from pipeline.fsutil import file_digest, remove_stale_temps
from pipeline.lock import project_lock
from pipeline.paths import SITE_WORDS, po_path, pot_path, site_po_path, site_pot_path
from pipeline.render.ui import UI_TEMPLATE

if TYPE_CHECKING:  # polib is imported only by pipeline.catalog
    import polib


def new_catalog(settings: Settings, slug: str, lang: str) -> polib.POFile:
    """Return an empty catalog with a proper header for one language."""
    return empty_catalog(settings.name, slug, lang, now())


Memories = dict[str, dict[str, list[tuple[str, str]]]]  # file as shown -> language -> pairs


def read_memories(settings: Settings, extra: tuple[Path, ...] = ()) -> Memories:
    """Read the TMX files of [memory] files and of ``--memory``, each once."""
    memories: Memories = {}
    for path in (*settings.memories, *extra):
        display = settings.relative(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            where = "" if path in extra else " (ligetil.toml: memory.files)"
            raise ConfigError(f"cannot read the memory{where}: {error.strerror}", display) from None
        # by path, not name: every project's memory is output/tmx/da-<lang>.tmx
        memories[display] = read_tmx(data, display, settings.source_language)
    return memories


def build_memory(settings: Settings, lang: str, snapshot: CatalogSnapshot,
                 memories: Memories | None = None) -> TranslationMemory:
    """Collect the reviewed translations of every catalog of a language, then other projects'."""
    memory = TranslationMemory()
    folder = settings.translations_dir / lang / "LC_MESSAGES"
    for path in sorted(folder.glob("*.po")):
        if path.stem == SITE_WORDS:
            continue  # the site's own words are no memory for guides
        po = snapshot.read(path)
        if po is not None:
            memory.add_catalog(po, path.stem)
    for name, by_language in (memories or {}).items():
        memory.add_pairs(pairs_for(by_language, lang), Path(name).name)
    return memory


def plan_catalogs(settings: Settings, templates: dict[Path, polib.POFile], langs: list[str],
                  snapshot: CatalogSnapshot, prune: bool,
                  memories: Memories | None = None) -> dict[Path, tuple[polib.POFile, MergeReport]]:
    """Merge every template into every chosen language's catalog, in memory."""
    planned = {}
    for lang in langs:
        memory = build_memory(settings, lang, snapshot, memories)
        for template_path, template in templates.items():
            slug = template_path.stem
            path = po_path(settings, lang, slug)
            existing = snapshot.read(path) or new_catalog(settings, slug, lang)
            planned[path] = merge(template, existing, memory, origin=slug, prune=prune)
    return planned


def plan_site_words(settings: Settings, langs: list[str], snapshot: CatalogSnapshot,
                    prune: bool) -> dict[Path, polib.POFile]:
    """Copy Ligetil's template of the site's words into the project and merge every language's catalog."""
    template = read_catalog(UI_TEMPLATE, "pipeline/locale/messages.pot")
    template.metadata["Project-Id-Version"] = f"{settings.name}: site words"
    snapshot.read(site_pot_path(settings))  # its hash: the copy is only written over as it was read
    planned = {site_pot_path(settings): template}
    for lang in langs:
        path = site_po_path(settings, lang)
        existing = snapshot.read(path)
        if existing is None:
            existing = empty_catalog(settings.name, SITE_WORDS, lang, now())
            existing.metadata["Project-Id-Version"] = f"{settings.name}: site words"
            existing.header = f"{lang}: the site's own words; a translation here wins over Ligetil's own."
        planned[path], _ = merge(template, existing, TranslationMemory(), origin=SITE_WORDS, prune=prune)
    return planned


PACKAGE_DIR = Path(__file__).resolve().parents[1]
SETTLED = "update-settled"  # the user cache's kind of entry: inputs an update left unchanged


def settled_key(settings: Settings, langs: list[str], prune: bool, inputs: list) -> str:
    """Return the hash of everything an update reads: Ligetil's files, msgcat, the options and ``inputs``."""
    package = [(p.relative_to(PACKAGE_DIR).as_posix(), file_digest(p)) for p in sorted(PACKAGE_DIR.rglob("*"))
               if p.is_file() and "__pycache__" not in p.parts]
    return cache.key_of(SETTLED, __version__, package, cache.file_stamps([shutil.which("msgcat") or "msgcat"]),
                        str(settings.root.resolve()), langs, prune, inputs)


def settled_report(key: str) -> MergeReport | None:
    """Return the report of the update that found these inputs settled, if one did."""
    found = cache.get(SETTLED, key)
    try:
        return MergeReport(**json.loads(found)) if found is not None else None
    except (ValueError, TypeError):
        return None


def memory_inputs(settings: Settings, extra: tuple[Path, ...]) -> list[tuple[str, str]] | None:
    """Return the memories' paths and hashes, or None when one cannot be read (read_memories says why)."""
    try:
        return [(settings.relative(path), file_digest(path)) for path in (*settings.memories, *extra)]
    except OSError:
        return None


def update(app: App, lang: str | None, prune: bool,
           memory_files: tuple[Path, ...] = ()) -> tuple[list[Path], MergeReport]:
    """Run extract and merge; write only after everything merged; return changed files.

    Inputs an earlier update left unchanged (every file, option and Ligetil's own code by
    hash) are known settled from the user cache: nothing is parsed or merged again.
    """
    settings = app.settings
    langs = chosen_languages(settings, lang)
    memories = memory_inputs(settings, memory_files)
    inputs = catalog_inputs(settings) + (memories or [])
    key = settled_key(settings, langs, prune, inputs)
    known = settled_report(key) if memories is not None else None
    if known is not None:
        return [], known
    changed, report = merge_all(settings, langs, prune, read_memories(settings, memory_files))
    # a fixed point, and nobody saved meanwhile
    if not changed and memories is not None and catalog_inputs(settings) + memories == inputs:
        counts = {name: getattr(report, name) for name in ("kept", "fuzzy", "from_memory", "new", "obsoleted",
                                                          "revived")}
        cache.put(SETTLED, key, json.dumps(counts).encode("utf-8"))
    return changed, report


def merge_all(settings: Settings, langs: list[str], prune: bool,
              memories: Memories | None = None) -> tuple[list[Path], MergeReport]:
    """Extract, merge every catalog in memory, then write the changed ones."""
    snapshot = CatalogSnapshot(settings)
    guides = load_guides(settings)
    templates = plan_templates(settings, guides, snapshot)
    catalogs = plan_catalogs(settings, templates, langs, snapshot, prune, memories)
    site_words = plan_site_words(settings, langs, snapshot, prune)
    changed = snapshot.write_all({**templates, **{path: po for path, (po, _) in catalogs.items()}, **site_words})
    for path in stale_templates(settings, {**templates, **site_words}):
        path.unlink()
        changed.append(path)
    return changed, _total(report for _, report in catalogs.values())


def _total(reports) -> MergeReport:
    total = MergeReport()
    for report in reports:
        for name in ("kept", "fuzzy", "from_memory", "new", "obsoleted", "revived"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
    return total


@click.command(short_help="Extract, then merge into every language's PO files.")
@click.option("--lang", "-l", metavar="LANG", help="Only this language (default: all in ligetil.toml).")
@click.option("--prune", is_flag=True, help="Drop obsolete (#~) entries. They are kept by default.")
@click.option("--memory", "memory_files", multiple=True, metavar="FILE.tmx",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Another project's memory (TMX) to pre-translate from; repeatable. "
                   "[memory] files in ligetil.toml are always used.")
@click.pass_obj
def command(app: App, lang: str | None, prune: bool, memory_files: tuple[Path, ...]) -> int:
    """Extract the guides, then bring every translations/<lang>/LC_MESSAGES/<guide>.po up to date.

    \b
    - unchanged text keeps its translation, comments and flags, byte for byte;
    - changed text becomes fuzzy, keeps the old translation as a draft and shows
      the old text as `#| msgid`;
    - removed text is kept as obsolete `#~` entries (drop them with --prune);
    - text already translated (reviewed) in another guide, or in another project's
      memory (--memory, [memory] files), arrives translated; a near match (≥ 85 %
      similar) arrives fuzzy, its score and origin in a translator comment.
    Missing catalogs are created with headers and plural forms from Babel.
    """
    with project_lock(app.settings.root, "update"):
        remove_stale_temps(app.settings.translations_dir)  # left by a run that was killed
        changed, report = update(app, lang, prune, tuple(p.resolve() for p in memory_files))
    for path in changed:
        app.out.print(f"wrote {app.settings.relative(path)}")
    app.out.print(
        f"update: {len(changed)} file(s) changed; entries kept {report.kept}, "
        f"fuzzy {report.fuzzy}, from memory {report.from_memory}, new {report.new}, "
        f"made obsolete {report.obsoleted}, revived {report.revived}"
    )
    return 0


__all__ = ["command", "new_catalog", "pot_path", "update"]
