"""Counts and coverage of a catalog against its guide's segments."""

from __future__ import annotations

import re
from dataclasses import dataclass

import polib

from pipeline.model import Coverage, Segment

_LINK_TARGET_RE = re.compile(r"\]\([^)]*\)")
_WORD_RE = re.compile(r"\w+")


def count_words(text: str) -> int:
    """Count the words of a text, ignoring link and image targets."""
    return len(_WORD_RE.findall(_LINK_TARGET_RE.sub("]", text)))


def is_reviewed(entry: polib.POEntry | None) -> bool:
    """Tell whether an entry has a translation a human has accepted."""
    return entry is not None and entry.translated() and not entry.obsolete


def is_draft(entry: polib.POEntry | None) -> bool:
    """Tell whether an entry has only a fuzzy translation (a draft)."""
    return (entry is not None and "fuzzy" in entry.flags and not entry.obsolete
            and bool(entry.msgstr or any(entry.msgstr_plural.values())))


@dataclass(frozen=True)
class CatalogCounts:
    """Entries of a catalog by state."""

    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int


def count_entries(po: polib.POFile) -> CatalogCounts:
    """Count active entries by state, and obsolete ones."""
    active = [e for e in po if not e.obsolete]
    translated = sum(1 for e in active if is_reviewed(e))
    fuzzy = sum(1 for e in active if is_draft(e))
    return CatalogCounts(translated, fuzzy, len(active) - translated - fuzzy,
                         len(po) - len(active))


def coverage(segments: list[Segment], po: polib.POFile | None,
             excluded: frozenset[str] = frozenset()) -> Coverage:
    """Return how many source words have a reviewed or draft translation.

    ``excluded`` msgids count as untranslated (for example those with QA errors).
    """
    index = {e.msgid: e for e in po if not e.obsolete and not e.msgctxt} if po else {}
    words = reviewed = drafts = 0
    for seg in segments:
        n = count_words(seg.msgid)
        words += n
        entry = None if seg.msgid in excluded else index.get(seg.msgid)
        reviewed += n if is_reviewed(entry) else 0
        drafts += n if is_draft(entry) else 0
    return Coverage(words, reviewed, drafts)
