"""Checks of a Danish source guide: accessibility, structure, readability, front matter."""

from __future__ import annotations

import re
from typing import Iterator

from pipeline.config import Settings
from pipeline.model import Guide, Segment
from pipeline.qa.lix import readability, sentences, words
from pipeline.qa.markup import inline_markup
from pipeline.qa.registry import Finding, check
from pipeline.source.frontmatter import FRONT_MATTER_KEYS
from pipeline.source.sections import FLYER_KEY, source_sections

PROSE_KINDS = ("paragraph", "list_item", "blockquote")
SENTENCE_KINDS = ("meta", "paragraph", "list_item", "blockquote", "table_cell")
# Link texts that say nothing when read out of context by a screen reader (WCAG 2.4.4).
VAGUE_LINK_TEXTS = {
    "her", "klik her", "tryk her", "læs mere", "læs mere her", "læs her", "se her", "se mere",
    "mere", "link", "dette link", "klik", "click here", "here", "read more", "more",
}


def body(segments: list[Segment]) -> list[Segment]:
    """Return the body segments in source order."""
    return [s for s in segments if s.kind != "meta"]


def headings(segments: list[Segment]) -> list[tuple[Segment, int]]:
    """Return (segment, level) for each heading."""
    return [(s, getattr(s, "level", 0) or 1) for s in segments if s.kind == "heading"]


def _short(text: str, count: int = 8) -> str:
    found = text.split()
    return " ".join(found[:count]) + (" …" if len(found) > count else "")


@check("missing-alt", "error", "source")
def missing_alt(guide: Guide, segments: list[Segment], settings: Settings) -> Iterator[Finding]:
    """Report images without alt text: screen readers and text-only readers lose them."""
    for seg in body(segments):
        for src, alt in inline_markup(seg.msgid).images:
            if not alt.strip():
                yield Finding(f"image {src} has no alt text; describe what it shows", seg.location.line, seg.msgid)


@check("heading-skip", "warning", "source")
def heading_skip(guide: Guide, segments: list[Segment], settings: Settings) -> Iterator[Finding]:
    """Report headings that skip a level, such as an h2 followed by an h4."""
    previous = 1
    for seg, level in headings(segments):
        if level > previous + 1:
            yield Finding(f"heading level {level} follows level {previous}; use level {previous + 1}",
                          seg.location.line, seg.msgid)
        previous = level


@check("multiple-h1", "warning", "source")
def multiple_h1(guide: Guide, segments: list[Segment], settings: Settings) -> Iterator[Finding]:
    """Report every top-level heading after the first: a page has one title."""
    top = [seg for seg, level in headings(segments) if level == 1]
    for seg in top[1:]:
        yield Finding(f"a second level-1 heading \"{_short(seg.msgid)}\"; the page has one title",
                      seg.location.line, seg.msgid)


@check("vague-link-text", "warning", "source")
def vague_link_text(guide: Guide, segments: list[Segment], settings: Settings) -> Iterator[Finding]:
    """Report links whose text says nothing out of context, such as "klik her"."""
    for seg in body(segments):
        for href, text in inline_markup(seg.msgid).links:
            if re.sub(r"[\s.:!…]+", " ", text).strip().lower() in VAGUE_LINK_TEXTS:
                yield Finding(f"link text \"{text}\" says nothing on its own; name where {href} leads",
                              seg.location.line, seg.msgid)


@check("long-sentence", "warning", "source")
def long_sentence(guide: Guide, segments: list[Segment], settings: Settings) -> Iterator[Finding]:
    """Report sentences longer than ``[check] max_sentence_words`` words."""
    limit = settings.checks.max_sentence_words
    for seg in segments:
        if seg.kind not in SENTENCE_KINDS:
            continue
        for sentence in sentences(inline_markup(seg.msgid).text):
            if (count := len(words(sentence))) > limit:
                yield Finding(f"sentence of {count} words (over {limit}): \"{_short(sentence)}\"",
                              seg.location.line, seg.msgid)


def guide_readability(segments: list[Segment]):
    """Return the readability counts of a guide's prose."""
    return readability([inline_markup(s.msgid).text for s in segments if s.kind in PROSE_KINDS])


@check("lix", "info", "source")
def lix(guide: Guide, segments: list[Segment], settings: Settings) -> Iterator[Finding]:
    """Report the guide's LIX readability figure."""
    counts = guide_readability(segments)
    if counts.words:
        yield Finding(f"LIX {counts.lix:.0f} ({counts.words} words, {counts.sentences} sentences, "
                      f"{counts.long_words} long words)", guide.body_line)


@check("lix-high", "warning", "source")
def lix_high(guide: Guide, segments: list[Segment], settings: Settings) -> Iterator[Finding]:
    """Warn when the guide's LIX is above ``[check] lix_max``."""
    counts = guide_readability(segments)
    if counts.words and counts.lix > settings.checks.lix_max:
        yield Finding(f"LIX {counts.lix:.0f} is above {settings.checks.lix_max}; "
                      "use shorter sentences and shorter words", guide.body_line)


@check("unknown-meta", "warning", "source")
def unknown_meta(guide: Guide, segments: list[Segment], settings: Settings) -> Iterator[Finding]:
    """Report front-matter keys that Ligetil does not know, such as a misspelt "sumary"."""
    lines = getattr(guide, "meta_lines", {}) or {}
    for key, value in guide.meta.items():
        schema = FRONT_MATTER_KEYS.get(key)
        if schema is None:
            known = ", ".join(FRONT_MATTER_KEYS)
            yield Finding(f"unknown front-matter key '{key}' (known: {known})", lines.get(key, 1))
        elif isinstance(schema, dict) and isinstance(value, dict):
            for sub in value:
                if sub not in schema:
                    yield Finding(f"unknown front-matter key '{key}.{sub}' (known: {', '.join(schema)})",
                                  lines.get(f"{key}.{sub}", lines.get(key, 1)))


@check("empty-section", "warning", "source")
def empty_section(guide: Guide, segments: list[Segment], settings: Settings) -> Iterator[Finding]:
    """Report headings with nothing under them before the next heading of the same rank."""
    blocks = body(segments)
    for index, seg in enumerate(blocks):
        if seg.kind != "heading":
            continue
        level = getattr(seg, "level", 0) or 1
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or (following.kind == "heading" and (getattr(following, "level", 0) or 1) <= level):
            yield Finding(f"section \"{_short(seg.msgid)}\" is empty", seg.location.line, seg.msgid)


@check("flyer-section", "error", "source")
def flyer_section(guide: Guide, segments: list[Segment], settings: Settings) -> Iterator[Finding]:
    """Report a section named under ``flyer:`` that is no h2 section of the guide (the flyer cannot print it)."""
    names = guide.meta.get(FLYER_KEY)
    if not isinstance(names, list) or not names:
        return
    unknown, known = source_sections(guide.body, [str(name) for name in names])
    line = (getattr(guide, "meta_lines", {}) or {}).get(FLYER_KEY)
    for name in unknown:
        yield Finding(f"{FLYER_KEY}: {name!r} is no section of this guide (its section ids: "
                      f"{', '.join(repr(found) for found in known) or 'none'})", line)
