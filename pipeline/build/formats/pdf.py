"""The A4 PDF flyer (PDF/UA-1) of a guide in one language."""

from __future__ import annotations

from pipeline.build.formats.base import Format
from pipeline.render.pdf import flyer_html, render_pdf
from pipeline.render.ui import render_environment


def render(context: dict, base_url: str) -> bytes:
    """Render the flyer; images resolve against ``base_url``."""
    return render_pdf(flyer_html(context, render_environment(context["lang"], context.get("site_words"))), base_url)


FORMAT = Format("pdf", ".pdf", render, shows=("audio",))
