"""Plain views of PO entries for the checks, so that only this package touches polib."""

from __future__ import annotations

import re
from dataclasses import dataclass

import polib


@dataclass(frozen=True)
class EntryView:
    """One live PO entry: its texts, flags and line, without polib."""

    msgid: str
    msgid_plural: str
    msgstrs: tuple[str, ...]  # one for a singular entry; every plural form in order otherwise
    line: int | None
    fuzzy: bool
    flags: tuple[str, ...]
    msgctxt: str | None = None
    notes: str = ""  # the #. comments for translators
    comment: str = ""  # the translator's own # comment
    locations: tuple[str, ...] = ()  # the #: places, as path:line

    @property
    def plural(self) -> bool:
        """Tell whether the entry has plural forms."""
        return bool(self.msgid_plural)

    @property
    def translated(self) -> bool:
        """Tell whether any form has a translation (draft or reviewed)."""
        return any(self.msgstrs)

    def pairs(self) -> list[tuple[str, str]]:
        """Return (source, translation) for each non-empty form."""
        if not self.plural:
            return [(self.msgid, self.msgstrs[0])] if self.msgstrs[0] else []
        sources = [self.msgid] + [self.msgid_plural] * (len(self.msgstrs) - 1)
        return [(src, dst) for src, dst in zip(sources, self.msgstrs) if dst]


def _view(entry: polib.POEntry) -> EntryView:
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        msgstrs = tuple(forms.get(i, "") for i in range(max(forms, default=-1) + 1))
    else:
        msgstrs = (entry.msgstr,)
    places = tuple(f"{path}:{line}" if line else path for path, line in entry.occurrences)
    return EntryView(entry.msgid, entry.msgid_plural or "", msgstrs, entry.linenum,
                     "fuzzy" in entry.flags, tuple(entry.flags), entry.msgctxt,
                     entry.comment or "", entry.tcomment or "", places)


def entry_views(po: polib.POFile) -> list[EntryView]:
    """Return the catalog's live entries (not the header, not obsolete) in file order."""
    return [_view(e) for e in po if not e.obsolete and e.msgid != ""]



Catalog = polib.POFile  # so that other stages can name the type without importing polib
_NPLURALS_RE = re.compile(r"nplurals\s*=\s*(\d+)")


def declared_nplurals(po: polib.POFile) -> int | None:
    """Return the number of plural forms the catalog's header declares, if it does."""
    found = _NPLURALS_RE.search(po.metadata.get("Plural-Forms", ""))
    return int(found.group(1)) if found else None
