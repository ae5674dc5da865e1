"""The registry of output formats made per guide and language.

A format is one module with a ``FORMAT`` (see base.py): its name (the ``--format`` choice),
the file suffix, and how to render one (guide, language) page context into bytes.
"""

from __future__ import annotations

from pipeline.build.formats import page, pdf
from pipeline.build.formats.base import Format

FORMATS: dict[str, Format] = {item.name: item for item in (page.FORMAT, pdf.FORMAT)}
KINDS = {"page": "html", "pdf": "pdf"}  # the work units' names for the two first formats


def format_of(path: str) -> str | None:
    """Return the name of the format that makes an output path, if one does."""
    return next((f.name for f in FORMATS.values() if path.endswith(f.suffix)), None)


def render_output(kind: str, context: dict, base_url: str = "") -> bytes:
    """Render one guide file of a format (a unit's kind, "page" or "pdf", or a format's name)."""
    return FORMATS[KINDS.get(kind, kind)].render(context, base_url)
