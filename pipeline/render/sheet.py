"""The one-sheet flyer's body: the guide's opening and the sections its author marks for it."""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify

from pipeline.errors import RenderError

FRONT_MATTER_KEY = "flyer"  # in pipeline.source.frontmatter's schema: `flyer: [Priser, "#kontakt-os"]`
_SECTION_RE = re.compile(r'<h2\b[^>]*\bid="([^"]*)"')


def split_sections(body_html: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a body (its h1 taken out) into the opening and its h2 sections, as (id, html)."""
    starts = list(_SECTION_RE.finditer(body_html))
    if not starts:
        return body_html, []
    opening = body_html[:starts[0].start()]
    ends = [found.start() for found in starts[1:]] + [len(body_html)]
    return opening, [(found.group(1), body_html[found.start():end]) for found, end in zip(starts, ends)]


def section_id(name: str) -> str:
    """Return the id of a section named in the front matter: its Danish heading or ``#id``."""
    name = name.strip()
    return name.removeprefix("#").lower() if name.startswith("#") else slugify(name, "-")


def marked_body(body_html: str, names: list[str], where: str, line: int | None) -> str:
    """Return the opening and the sections ``names`` mark, in the guide's order.

    Raises:
        RenderError: at the key's line, for a name that is no section of the guide.
    """
    opening, sections = split_sections(body_html)
    known = {section_id: html for section_id, html in sections}
    for name in names:
        if section_id(name) not in known:
            headings = ", ".join(repr(found) for found, _ in sections) or "none"
            raise RenderError(f"{FRONT_MATTER_KEY}: {name!r} is no section of this guide "
                              f"(its section ids: {headings})", where, line)
    wanted = {section_id(name) for name in names}
    return opening + "".join(html for found, html in sections if found in wanted)


def first_sections(body_html: str, count: int) -> str:
    """Return the opening and the guide's first ``count`` sections (the unmarked default)."""
    opening, sections = split_sections(body_html)
    return opening + "".join(html for _, html in sections[:count])
