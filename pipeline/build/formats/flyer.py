"""The one-sheet flyer (A4, front and back, PDF/UA-1) of a guide in one language."""

from __future__ import annotations

from pipeline.build.formats.base import Format
from pipeline.errors import RenderError
from pipeline.render.pdf import TooManyPages, flyer_html, render_pdf
from pipeline.render.sheet import FRONT_MATTER_KEY, first_sections, marked_body, split_sections
from pipeline.render.ui import render_environment

SHEET_PAGES = 2  # one sheet of paper, printed on both sides


def render(context: dict, base_url: str) -> bytes:
    """Render the flyer of the sections the guide marks, or of as many first ones as fit.

    Raises:
        RenderError: at the front-matter key, when the marked sections need more than a sheet.
    """
    env = render_environment(context["lang"], context.get("site_words"))
    body, where, line = context["body_html"], context["source_path"], context["flyer_line"]

    def attempt(part: str) -> bytes:
        return render_pdf(flyer_html(context, env, part, sheet=True), base_url, SHEET_PAGES)

    if context["flyer_sections"] is not None:
        try:
            return attempt(marked_body(body, context["flyer_sections"], where, line))
        except TooManyPages as error:
            raise RenderError(f"flyer needs {error.pages} pages, at most {error.limit}; mark fewer "
                              f"sections under '{FRONT_MATTER_KEY}:'", where, line) from None
    return _longest_that_fits(body, attempt, where)


def _longest_that_fits(body: str, attempt, where: str) -> bytes:
    """Return the flyer of the opening and the most first sections that fit (binary search)."""
    low, high, best = 0, len(split_sections(body)[1]), None
    while low <= high:
        middle = (low + high) // 2
        try:
            best, low = attempt(first_sections(body, middle)), middle + 1
        except TooManyPages as error:
            if middle == 0:
                raise RenderError(f"flyer needs {error.pages} pages, at most {error.limit}, for the "
                                  f"opening alone; shorten the text before the first section", where) from None
            high = middle - 1
    assert best is not None  # middle 0 either fits or raised
    return best


FORMAT = Format("flyer", ".flyer.pdf", render)
