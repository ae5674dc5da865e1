"""`ligetil extract`: content/ → translations/<guide>.pot."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.catalog.headers import now
from pipeline.catalog.template import build_template, keep_creation_date
from pipeline.commands import App
from pipeline.project import CatalogSnapshot, SourceGuide, load_guides
from pipeline.config import Settings
from pipeline.fsutil import remove_stale_temps
from pipeline.lock import project_lock
from pipeline.paths import pot_path

if TYPE_CHECKING:  # polib is imported only by pipeline.catalog
    import polib


def plan_templates(settings: Settings, guides: list[SourceGuide],
                   snapshot: CatalogSnapshot) -> dict[Path, polib.POFile]:
    """Build every guide's template, keeping old dates where nothing changed."""
    created = now()
    planned = {}
    for item in guides:
        path = pot_path(settings, item.guide.slug)
        fresh = build_template(item.guide, item.segments, settings.name, created)
        planned[path] = keep_creation_date(fresh, snapshot.read(path))
    return planned


def stale_templates(settings: Settings, planned: dict[Path, polib.POFile]) -> list[Path]:
    """Return templates whose guide no longer exists (generated files, safe to remove)."""
    return sorted(p for p in settings.translations_dir.glob("*.pot") if p not in planned)


def write_templates(settings: Settings, planned: dict[Path, polib.POFile],
                    snapshot: CatalogSnapshot) -> list[Path]:
    """Write changed templates and remove stale ones; return what changed."""
    changed = snapshot.write_all(planned)
    for path in stale_templates(settings, planned):
        path.unlink()
        changed.append(path)
    return changed


def extract(app: App) -> list[Path]:
    """Extract every guide into its template; return the files that changed."""
    settings = app.settings
    snapshot = CatalogSnapshot(settings)
    planned = plan_templates(settings, load_guides(settings), snapshot)
    return write_templates(settings, planned, snapshot)


@click.command(short_help="Write translations/<guide>.pot from content/.")
@click.pass_obj
def command(app: App) -> int:
    """Extract the translatable text of every guide in content/ into translations/<guide>.pot.

    One entry per distinct text (headings, paragraphs, list items, table cells, block
    quotes, and the front matter's title, summary and contact.hours), with `#:` locations
    and `#.` notes from `<!-- i18n: … -->` comments. Unchanged templates are not rewritten.
    """
    with project_lock(app.settings.root, "extract"):
        remove_stale_temps(app.settings.translations_dir)  # left by a run that was killed
        changed = extract(app)
    for path in changed:
        app.out.print(f"wrote {app.settings.relative(path)}")
    app.out.print(f"extract: {len(changed)} template(s) changed")
    return 0
