"""Put machine drafts into a catalog: fuzzy, with a comment naming the engine.

- only entries without any translation get a draft: not translated, not fuzzy, not obsolete,
  not the header and not plural (Argos has no plural forms);
- a draft is flagged ``fuzzy`` so it is never published as reviewed text;
- the translator comment names engine, route and versions; a translator's own comment stays;
- every other entry is left exactly as it was, so a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polib

NOTE_PREFIX = "machine draft: "


@dataclass(frozen=True)
class Pending:
    """One entry waiting for a draft: its source text and line in the catalog."""

    msgid: str
    line: int | None


def _needs_draft(entry: polib.POEntry) -> bool:
    return (
        bool(entry.msgid) and not entry.msgid_plural and not entry.obsolete
        and not entry.fuzzy and not entry.msgstr
    )


def pending(po: polib.POFile) -> list[Pending]:
    """Return the entries that would get a draft, in catalog order."""
    return [Pending(e.msgid, getattr(e, "linenum", None)) for e in po if _needs_draft(e)]


def apply_drafts(po: polib.POFile, drafts: Mapping[str, str], engine: str) -> int:
    """Fill pending entries whose msgid has a draft; return how many were filled.

    Args:
        po: the catalog, changed in place.
        drafts: msgid -> verified draft text.
        engine: e.g. ``argos da→en→tr (translate-da_en 1.9, translate-en_tr 1.5)``.
    """
    note = NOTE_PREFIX + engine
    filled = 0
    for entry in po:
        text = drafts.get(entry.msgid)
        if not text or not _needs_draft(entry):
            continue
        entry.msgstr = text
        entry.flags.append("fuzzy")
        kept = [line for line in entry.tcomment.splitlines() if not line.startswith(NOTE_PREFIX)]
        entry.tcomment = "\n".join([*kept, note])
        filled += 1
    return filled
