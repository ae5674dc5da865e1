"""Translation memory: reviewed translations of one language across all guides."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import polib

NEAR_MATCH = 0.85  # difflib ratio; below this a suggestion costs a translator more than it saves


@dataclass(frozen=True)
class Match:
    """A translation found in memory."""

    source: str
    translation: str
    origin: str  # the guide it came from
    exact: bool


@dataclass
class TranslationMemory:
    """Reviewed (translated, not fuzzy) entries by msgid, first guide wins."""

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)

    def add_catalog(self, po: polib.POFile, origin: str) -> None:
        """Remember every reviewed singular translation of a catalog."""
        for entry in po.translated_entries():
            if entry.msgid_plural or entry.msgctxt or entry.obsolete:
                continue
            self.entries.setdefault(entry.msgid, (entry.msgstr, origin))

    def lookup(self, msgid: str, exclude: str | None = None) -> Match | None:
        """Return an exact match, else the closest match at or above NEAR_MATCH."""
        found = self.entries.get(msgid)
        if found and found[1] != exclude:
            return Match(msgid, found[0], found[1], exact=True)
        candidates = [k for k, (_, origin) in self.entries.items() if origin != exclude]
        close = difflib.get_close_matches(msgid, candidates, n=1, cutoff=NEAR_MATCH)
        if not close:
            return None
        translation, origin = self.entries[close[0]]
        return Match(close[0], translation, origin, exact=False)
