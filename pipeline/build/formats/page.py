"""The HTML page of a guide in one language."""

from __future__ import annotations

from pipeline.build.formats.base import Format
from pipeline.render.html import render_page


def render(context: dict, base_url: str) -> bytes:
    """Render the page (its links are relative, so ``base_url`` is unused)."""
    return render_page(context).encode("utf-8")


FORMAT = Format("html", ".html", render, page=True)
