"""A guide's h2 sections by id, and how its front matter names one (the one-sheet flyer's ``flyer:``)."""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify

from pipeline.source.markdown_engine import render_markdown

FLYER_KEY = "flyer"  # in pipeline.source.frontmatter's schema: `flyer: [Priser, "#kontakt-os"]`
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


def unknown_sections(body_html: str, names: list[str]) -> tuple[list[str], list[str]]:
    """Return the names that are no h2 section of a body, and the section ids it has."""
    known = [found for found, _ in split_sections(body_html)[1]]
    return [name for name in names if section_id(name) not in known], known


def source_sections(body: str, names: list[str]) -> tuple[list[str], list[str]]:
    """Return the names that are no h2 section of a guide's Markdown body, and its section ids."""
    return unknown_sections(render_markdown(body), names)
