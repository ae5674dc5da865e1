"""The one-sheet flyer (A4, front and back, PDF/UA-1) of a guide in one language."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.build.formats.base import Format
from pipeline.errors import RenderError
from pipeline.render.pdf import TooManyPages, flyer_html, render_pdf
from pipeline.render.blocks import top_level_blocks
from pipeline.render.sheet import FRONT_MATTER_KEY, first_sections, marked_body, split_sections
from pipeline.render.ui import render_environment

SHEET_PAGES = 2  # one sheet of paper, printed on both sides


def render(context: dict, base_url: str) -> bytes:
    """Render the flyer of the sections the guide marks, or of as much of its start as fits.

    Raises:
        RenderError: at the front-matter key, when the marked sections need more than a sheet
            in this language.
    """
    env = render_environment(context["lang"], context.get("site_words"))
    body, where, line = context["body_html"], context["source_path"], context["flyer_line"]

    def attempt(part: str) -> bytes:
        return render_pdf(flyer_html(context, env, part, sheet=True), base_url, SHEET_PAGES)

    if context["flyer_sections"] is not None:
        try:
            return attempt(marked_body(body, context["flyer_sections"], where, line))
        except TooManyPages as error:
            raise RenderError(f"flyer in {context['lang']} needs {error.pages} pages, at most {error.limit}; "
                              f"mark fewer sections under '{FRONT_MATTER_KEY}:'", where, line) from None
    opening, sections = split_sections(body)
    found = _longest_that_fits(len(sections), lambda count: attempt(first_sections(body, count)))
    if found is not None:
        return found
    blocks = top_level_blocks(opening)  # not even the opening fits: as many of its blocks as do
    found = _longest_that_fits(len(blocks), lambda count: attempt("\n".join(blocks[:count])), start=1)
    if found is None:
        raise RenderError(f"flyer in {context['lang']}: the title, summary and contact alone need more "
                          f"than {SHEET_PAGES} pages", where)
    return found


def _longest_that_fits(most: int, attempt: Callable[[int], bytes], start: int = 0) -> bytes | None:
    """Return the flyer of the largest count in [start, most] that fits (binary search), or None."""
    low, high, best = start, most, None
    while low <= high:
        middle = (low + high) // 2
        try:
            best, low = attempt(middle), middle + 1
        except TooManyPages:
            high = middle - 1
    return best


FORMAT = Format("flyer", ".flyer.pdf", render, shows=("audio",))
