"""Large print: the whole guide as an A4 PDF/UA-1 for low vision (body 18 pt, spacing 1.5)."""

from __future__ import annotations

from pipeline.build.formats.base import Format
from pipeline.render.pdf import flyer_html, render_pdf
from pipeline.render.ui import render_environment


def render(context: dict, base_url: str) -> bytes:
    """Render the guide in large print; images resolve against ``base_url``."""
    env = render_environment(context["lang"], context.get("site_words"))
    return render_pdf(flyer_html(context, env, large=True), base_url)


FORMAT = Format("large", ".large.pdf", render, shows=("audio",))
