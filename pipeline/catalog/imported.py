"""Bring a translator's work from an exchange file (XLIFF) into a catalog, as their save would.

- only entries whose source text (msgctxt, msgid) is in the catalog now are touched; an
  incoming text for a source that changed or left is refused, named, and not applied;
- an empty incoming translation never clears one: the entry is left as it was;
- a changed translation comes in as the translator's work: reviewed when their tool marks it
  translated or reviewed, a draft (fuzzy) when it marks it initial; notes of Ligetil's that
  described the old text (machine draft, memory match) and the ``#| msgid`` go with it;
- the same text marked reviewed confirms a draft (fuzzy goes); a reviewed entry whose text
  did not change is never made a draft again;
- the export records each target as it was (``exported_digest``): when the catalog's text
  changed since (a translator saved meanwhile), a unit the tool left as exported keeps the
  newer text, and a unit changed on both sides is refused and named;
- everything else on an entry (flags, comments, locations) stays exactly as it was.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field, replace

import polib

from pipeline.catalog.drafts import NOTE_PREFIX as DRAFT_NOTE
from pipeline.catalog.memory import NOTE_PREFIX as MEMORY_NOTE
from pipeline.catalog.pofile import nplurals, unwritable_char


@dataclass(frozen=True)
class Incoming:
    """One translation read from an exchange file."""

    msgctxt: str | None
    msgid: str
    forms: tuple[str, ...]  # the msgstr, or every plural form in order
    reviewed: bool  # the translator's tool marks it done (not a draft)
    line: int | None  # where it is in the exchange file
    plural: bool = False
    exported: tuple[str, ...] | None = None  # exported_digest of each form as exported; None: unknown


@dataclass(frozen=True)
class Outcome:
    """What happened to one incoming translation."""

    line: int | None  # the line in the exchange file
    entry_line: int | None  # the entry's line in the catalog as read (None when refused)
    msgctxt: str | None
    msgid: str
    what: str  # "changed", "changed (draft)", "confirmed", or why it was not applied


@dataclass
class ImportReport:
    """What an import changed in one catalog, and what it refused."""

    changed: list[Outcome] = field(default_factory=list)
    refused: list[Outcome] = field(default_factory=list)
    unchanged: int = 0
    empty: int = 0


def exported_digest(text: str) -> str:
    """Return the short digest an export records of a target, to tell on import whether it changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _digests(forms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(exported_digest(text) for text in forms)


def apply_translations(po: polib.POFile, incoming: list[Incoming]) -> ImportReport:
    """Apply incoming translations to ``po`` in place; return what changed and what was refused."""
    entries = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete and e.msgid}
    report = ImportReport()
    seen: set[tuple[str | None, str]] = set()
    for item in incoming:
        key = (item.msgctxt, item.msgid)
        entry = entries.get(key)
        problem = _problem(item, entry, key in seen, nplurals(po))
        seen.add(key)
        if problem:
            report.refused.append(Outcome(item.line, None, item.msgctxt, item.msgid, problem))
        elif not any(item.forms):
            report.empty += 1
        else:
            what = _apply(entry, _filled(item, entry))
            if what:
                report.changed.append(Outcome(item.line, entry.linenum, item.msgctxt, item.msgid, what))
            else:
                report.unchanged += 1
    return report


def entry_lines(po: polib.POFile) -> dict[tuple[str | None, str], int | None]:
    """Return the line of every live entry by (msgctxt, msgid), for messages."""
    return {(e.msgctxt, e.msgid): e.linenum for e in po if not e.obsolete and e.msgid}


def _problem(item: Incoming, entry: polib.POEntry | None, twice: bool, forms: int) -> str:
    """Return why an incoming translation cannot be applied ("" when it can)."""
    if entry is None:
        return ("not applied: its source text is not in the catalog now (the guide changed "
                "since the export?); export again and carry the translation over")
    if twice:
        return "not applied: the same source text comes twice in this file"
    if bool(entry.msgid_plural) != item.plural:
        return "not applied: plural forms do not match the catalog's entry"
    if item.plural and len(item.forms) != forms:
        return f"not applied: {len(item.forms)} plural forms, the catalog has nplurals={forms}"
    if item.exported is not None and _digests(_forms_of(entry)) != item.exported \
            and item.exported != _digests(item.forms) and item.forms != _forms_of(entry) and any(item.forms):
        return ("not applied: the catalog's translation changed since the export (someone saved it "
                f"meanwhile, now at line {entry.linenum}) and this file changes it too; choose in the catalog")
    if bad := next(filter(None, map(unwritable_char, item.forms)), ""):
        return (f"not applied: the translation holds U+{ord(bad):04X} "
                f"({unicodedata.name(bad, 'a control character')}), which a catalog cannot hold; remove it")
    return ""


def _filled(item: Incoming, entry: polib.POEntry) -> Incoming:
    """Return ``item`` with each empty plural form taken from the catalog: it never clears one."""
    if not item.plural:
        return item
    return replace(item, forms=tuple(new or old for new, old in zip(item.forms, _forms_of(entry))))


def _forms_of(entry: polib.POEntry) -> tuple[str, ...]:
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural.get(i, "") for i in range(len(entry.msgstr_plural)))
    return (entry.msgstr,)


def _apply(entry: polib.POEntry, item: Incoming) -> str:
    """Change one entry as the translator's save would; return what changed ("" for nothing)."""
    fuzzy = "fuzzy" in entry.flags
    if item.exported is not None and item.exported == _digests(item.forms) != _digests(_forms_of(entry)):
        return ""  # the tool left it as exported; the catalog's text is newer
    if _forms_of(entry) == item.forms:
        if fuzzy and item.reviewed:
            _set_reviewed(entry, True)
            return "confirmed"
        return ""
    if entry.msgid_plural:
        entry.msgstr_plural = dict(enumerate(item.forms))
    else:
        entry.msgstr = item.forms[0]
    kept = [line for line in (entry.tcomment or "").split("\n")
            if line and not line.startswith((DRAFT_NOTE, MEMORY_NOTE))]
    entry.tcomment = "\n".join(kept)
    _set_reviewed(entry, item.reviewed)
    return "changed" if item.reviewed else "changed (draft)"


def _set_reviewed(entry: polib.POEntry, reviewed: bool) -> None:
    if reviewed:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
        entry.previous_msgctxt = None
    elif "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
