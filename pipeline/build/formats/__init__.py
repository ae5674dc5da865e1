"""The registry of output formats made per guide and language.

A format is one module with a ``FORMAT`` (see base.py): its name (the ``--format`` choice),
the file suffix, and how to render one (guide, language) page context into bytes. The build
plans, renders and records every registered format the same way: each "download" depends on
the guide's source, its catalog and the images it embeds; the page is made after them and
depends on their sizes too. A new format is a module and a line in FORMATS.
"""

from __future__ import annotations

from pipeline.build.formats import audio, bilingual, chapters, epub, flyer, large, page, pdf
from pipeline.build.formats.base import Format

FORMATS: dict[str, Format] = {item.name: item for item in (page.FORMAT, pdf.FORMAT, flyer.FORMAT, bilingual.FORMAT, large.FORMAT,
                                                audio.FORMAT, chapters.FORMAT, epub.FORMAT)}


def downloads(chosen: tuple[str, ...]) -> tuple[str, ...]:
    """Return the chosen formats other than the page, in registry order."""
    return tuple(name for name, item in FORMATS.items() if name in chosen and not item.page)


def format_of(path: str) -> str | None:
    """Return the name of the format that makes an output path, if one does."""
    made = [f for f in FORMATS.values() if path.endswith(f.suffix)]  # ".flyer.pdf" ends in ".pdf" too
    return max(made, key=lambda f: len(f.suffix)).name if made else None
