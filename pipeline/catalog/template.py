"""Build a guide's POT template from its segments."""

from __future__ import annotations

from datetime import datetime

import polib

from pipeline.catalog.headers import DATE_FORMAT, template_header
from pipeline.catalog.pofile import WRAP_WIDTH
from pipeline.model import Guide, Segment

# Weblate runs its Markdown checks (md-link, md-reflink, md-syntax) only on entries with this flag.
MARKDOWN_FLAG = "md-text"


def _comment(segments: list[Segment]) -> str:
    notes: list[str] = []
    for seg in segments:
        for note in (f"front matter: {seg.key}" if seg.kind == "meta" else None, seg.note):
            if note and note not in notes:
                notes.append(note)
    return "\n".join(notes)


def build_template(guide: Guide, segments: list[Segment], project: str,
                   created: datetime) -> polib.POFile:
    """Return the POT for one guide: one entry per distinct text, in source order.

    Identical texts share an entry with one ``#:`` location per occurrence; i18n notes
    and the front-matter key become ``#.`` comments; an entry used as a Markdown block
    anywhere is flagged ``md-text``.
    """
    grouped: dict[str, list[Segment]] = {}
    for seg in segments:
        grouped.setdefault(seg.msgid, []).append(seg)
    pot = polib.POFile(wrapwidth=WRAP_WIDTH)
    pot.metadata = template_header(project, guide.slug, created)
    pot.metadata_is_fuzzy = True
    pot.header = f"Template of {guide.path} ({project})."
    for msgid, group in grouped.items():
        occurrences = [(s.location.path, str(s.location.line or 1)) for s in group]
        flags = [MARKDOWN_FLAG] if any(s.is_markdown for s in group) else []
        pot.append(polib.POEntry(msgid=msgid, msgstr="", occurrences=occurrences,
                                 comment=_comment(group), flags=flags))
    return pot


def created_date(pot: polib.POFile) -> str:
    """Return a template's POT-Creation-Date header."""
    return pot.metadata.get("POT-Creation-Date", "")


def same_entries(first: polib.POFile, second: polib.POFile) -> bool:
    """Tell whether two templates differ only in their header dates."""
    def key(pot: polib.POFile) -> list[tuple]:
        # msgcat wraps long #. comments, so a comment read back has newlines where it had spaces
        return [(e.msgctxt, e.msgid, e.occurrences, " ".join(e.comment.split()), e.flags) for e in pot]
    return key(first) == key(second)


def template_flags(flags: list[str], fresh: polib.POEntry) -> list[str]:
    """Return an entry's flags with the template's ``md-text`` decision in place of its own."""
    return [f for f in flags if f != MARKDOWN_FLAG] + [f for f in fresh.flags if f == MARKDOWN_FLAG]


def keep_creation_date(new: polib.POFile, old: polib.POFile | None) -> polib.POFile:
    """Reuse the old creation date when nothing else changed, so reruns change no byte."""
    if old is not None and same_entries(new, old) and created_date(old):
        new.metadata["POT-Creation-Date"] = created_date(old)
    return new


__all__ = ["DATE_FORMAT", "MARKDOWN_FLAG", "build_template", "keep_creation_date", "same_entries", "template_flags"]
