"""The one-sheet flyer's body: the guide's opening and the sections its author marks for it."""

from __future__ import annotations

from pipeline.errors import RenderError
from pipeline.source.sections import FLYER_KEY as FRONT_MATTER_KEY
from pipeline.source.sections import section_id, split_sections, unknown_sections

__all__ = ["FRONT_MATTER_KEY", "first_sections", "marked_body", "split_sections"]


def marked_body(body_html: str, names: list[str], where: str, line: int | None) -> str:
    """Return the opening and the sections ``names`` mark, in the guide's order.

    Raises:
        RenderError: at the key's line, for a name that is no section of the guide.
    """
    unknown, known = unknown_sections(body_html, names)
    if unknown:
        headings = ", ".join(repr(found) for found in known) or "none"
        raise RenderError(f"{FRONT_MATTER_KEY}: {unknown[0]!r} is no section of this guide "
                          f"(its section ids: {headings})", where, line)
    opening, sections = split_sections(body_html)
    wanted = {section_id(name) for name in names}
    return opening + "".join(html for found, html in sections if found in wanted)


def first_sections(body_html: str, count: int) -> str:
    """Return the opening and the guide's first ``count`` sections (the unmarked default)."""
    opening, sections = split_sections(body_html)
    return opening + "".join(html for _, html in sections[:count])
