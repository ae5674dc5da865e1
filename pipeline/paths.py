"""Where a project's files live (DESIGN.md, "Files a user sees")."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.config import Settings
from pipeline.errors import SourceError

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def guide_paths(settings: Settings) -> list[Path]:
    """Return the guides in ``content/``, sorted by slug, checking each file name."""
    paths = sorted(settings.content_dir.glob("*.md"))
    for path in paths:
        check_slug(path.stem, settings.relative(path))
    return paths


def check_slug(slug: str, where: str) -> str:
    """Refuse slugs that are not lowercase ASCII words joined by hyphens."""
    if not SLUG_RE.match(slug):
        raise SourceError(
            f"guide name {slug!r} must be lowercase letters, digits and hyphens (e.g. madservice)",
            where,
        )
    return slug


def pot_path(settings: Settings, slug: str) -> Path:
    """Return the template of one guide."""
    return settings.translations_dir / f"{check_slug(slug, slug)}.pot"


def po_path(settings: Settings, lang: str, slug: str) -> Path:
    """Return the catalog of one guide in one language."""
    return settings.translations_dir / lang / "LC_MESSAGES" / f"{check_slug(slug, slug)}.po"


SITE_WORDS = "_site"  # the site's own words ("Contact", …); never a guide slug, which has no "_"


def site_pot_path(settings: Settings) -> Path:
    """Return the template of the site's own words, copied from Ligetil's by update."""
    return settings.translations_dir / f"{SITE_WORDS}.pot"


def site_po_path(settings: Settings, lang: str) -> Path:
    """Return the project's catalog of the site's own words in one language."""
    return settings.translations_dir / lang / "LC_MESSAGES" / f"{SITE_WORDS}.po"


def glossary_path(settings: Settings) -> Path:
    """Return the project's glossary: agreed terms per language (pipeline/catalog/glossary.py)."""
    return settings.translations_dir / "glossary.csv"
