"""The bilingual flyer: the guide in the citizen's language beside the Danish, block by block.

It prints the sections the guide marks for its flyer (front-matter key ``flyer``), or all of
it; it has no page limit, as two languages of one sheet's text need about two sheets.
"""

from __future__ import annotations

from pipeline.build.formats.base import Format
from pipeline.render.bilingual import paired_body
from pipeline.render.pdf import flyer_html, render_pdf
from pipeline.render.sheet import marked_body
from pipeline.render.ui import render_environment


def render(context: dict, base_url: str) -> bytes:
    """Render the two languages side by side; each block is tagged with its language."""
    source, marked = context["source_page"], context["flyer_sections"]
    mine, theirs = context["body_html"], source["body_html"]
    if marked is not None:  # the sections the one-sheet flyer prints, when the author marks them
        where, line = context["source_path"], context["flyer_line"]
        mine, theirs = marked_body(mine, marked, where, line), marked_body(theirs, marked, where, line)
    body = paired_body(mine, theirs, (context["lang"], context["dir"]), (source["lang"], source["dir"]))
    env = render_environment(context["lang"], context.get("site_words"))
    return render_pdf(flyer_html({**context, "source_title": source["title"]}, env, body, bilingual=True),
                      base_url)


FORMAT = Format("bilingual", ".bilingual.pdf", render, beside_source=True, shows=("audio",))
