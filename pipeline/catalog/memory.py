"""Translation memory: reviewed translations of one language, from this project's guides and
from other projects' memories (TMX)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

import polib
from rapidfuzz import fuzz, process

NEAR_MATCH = 0.85  # similarity (Indel ratio); below this a suggestion costs a translator more than it saves
NOTE_PREFIX = "translation memory: "  # the translator comment of a near match


@dataclass(frozen=True)
class Match:
    """A translation found in memory."""

    source: str
    translation: str
    origin: str  # the guide, or the memory file, it came from
    exact: bool
    score: float = 1.0  # similarity of ``source`` to the text looked up, 0–1
    external: bool = False  # from another project's memory, not from this project's guides

    def note(self) -> str:
        """Return the translator comment a match arrives with (a near one, or one from elsewhere)."""
        return f"{NOTE_PREFIX}{'exact' if self.exact else f'{self.score:.0%}'} match from {self.origin}"


@dataclass
class TranslationMemory:
    """Reviewed (translated, not fuzzy) pairs by source text; the first one added wins."""

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    external: set[str] = field(default_factory=set)  # origins that are other projects' memories
    _by_length: list[tuple[int, str]] | None = field(default=None, repr=False, compare=False)

    def add_catalog(self, po: polib.POFile, origin: str) -> None:
        """Remember every reviewed singular translation of a catalog."""
        self.add_pairs(((e.msgid, e.msgstr) for e in po.translated_entries()
                        if not (e.msgid_plural or e.msgctxt or e.obsolete)), origin, external=False)

    def add_pairs(self, pairs: Iterable[tuple[str, str]], origin: str, external: bool = True) -> None:
        """Remember reviewed (source, translation) pairs, such as another project's TMX."""
        if external:
            self.external.add(origin)
        for source, translation in pairs:
            if source and translation:
                self.entries.setdefault(source, (translation, origin))
        self._by_length = None

    def lookup(self, msgid: str, exclude: str | None = None) -> Match | None:
        """Return an exact match, else the closest match at or above NEAR_MATCH."""
        found = self.entries.get(msgid)
        if found and found[1] != exclude:
            return Match(msgid, found[0], found[1], exact=True, external=found[1] in self.external)
        candidates = [s for s in self._similar_length(msgid) if self.entries[s][1] != exclude]
        best = process.extractOne(msgid, candidates, scorer=fuzz.ratio, processor=None,
                                  score_cutoff=NEAR_MATCH * 100)
        if best is None:
            return None
        translation, origin = self.entries[best[0]]
        return Match(best[0], translation, origin, exact=False, score=best[1] / 100,
                     external=origin in self.external)

    def _similar_length(self, text: str) -> list[str]:
        """Return the sources long enough and short enough to reach NEAR_MATCH at all.

        The Indel ratio is at most 2·min(a, b) / (a + b), so lengths outside
        [a·c / (2 - c), a·(2 - c) / c] cannot reach the cutoff c.
        """
        if self._by_length is None:
            self._by_length = sorted((len(s), s) for s in self.entries)
        size, cut = len(text), NEAR_MATCH
        low = bisect.bisect_left(self._by_length, (int(size * cut / (2 - cut)), ""))
        high = bisect.bisect_right(self._by_length, (int(size * (2 - cut) / cut) + 1, ""))
        return [source for _, source in self._by_length[low:high]]
