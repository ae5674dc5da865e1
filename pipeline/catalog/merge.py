"""Merge a fresh template into a language's catalog, as msgmerge would, losing nothing."""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass, field

import polib
from rapidfuzz import fuzz, process

from pipeline.catalog.memory import TranslationMemory
from pipeline.catalog.pofile import WRAP_WIDTH
from pipeline.catalog.template import template_flags

FUZZY_MATCH = 0.6  # the same similarity threshold GNU msgmerge uses for fuzzy matches
FUZZY_MIN_LENGTH = 8  # shorter texts ("Dag" ~ "Aug") match by accident, not by edit

Key = tuple[str | None, str]


def key_of(entry: polib.POEntry) -> Key:
    """Return the identity of an entry: (msgctxt, msgid)."""
    return (entry.msgctxt, entry.msgid)


def has_translation(entry: polib.POEntry) -> bool:
    """Tell whether an entry carries any translated text, reviewed or not."""
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


@dataclass
class MergeReport:
    """What a merge did, for the command's summary."""

    kept: int = 0
    fuzzy: int = 0
    from_memory: int = 0
    new: int = 0
    obsoleted: int = 0
    revived: int = 0
    notes: list[str] = field(default_factory=list)


def merge(template: polib.POFile, existing: polib.POFile, memory: TranslationMemory,
          origin: str, prune: bool = False) -> tuple[polib.POFile, MergeReport]:
    """Return ``existing`` updated to ``template``; the inputs are not modified.

    - An entry whose text is unchanged keeps everything a translator wrote; only its
      ``#:`` locations, ``#.`` notes and ``md-text`` flag follow the template.
    - An obsolete entry whose text comes back is revived as it was.
    - Changed text becomes fuzzy, keeps the closest old translation as its draft and
      shows the old text as ``#| msgid``; the old reviewed entry stays as obsolete ``#~``.
    - New text takes a reviewed translation of the same text from another guide or from
      another project's memory; a near match arrives fuzzy, with ``#| msgid`` the text it
      translates and its score and origin in a translator comment.
    - Removed text with a translation becomes obsolete; obsolete entries are dropped
      only with ``prune``.
    """
    result = polib.POFile(wrapwidth=WRAP_WIDTH)
    result.header = existing.header
    result.metadata = dict(existing.metadata)
    result.metadata_is_fuzzy = existing.metadata_is_fuzzy
    if "POT-Creation-Date" in template.metadata:
        result.metadata["POT-Creation-Date"] = template.metadata["POT-Creation-Date"]
    report = MergeReport()
    active = {key_of(e): e for e in existing if not e.obsolete}
    obsolete = {key_of(e): e for e in existing if e.obsolete}
    used: set[Key] = set()
    for fresh in template:
        result.append(_merge_entry(fresh, active, obsolete, used, memory, origin, report))
    _append_obsolete(result, existing, active, used, prune, report)
    return result, report


def _merge_entry(fresh: polib.POEntry, active: dict, obsolete: dict, used: set,
                 memory: TranslationMemory, origin: str, report: MergeReport) -> polib.POEntry:
    key = key_of(fresh)
    for pool, counter in ((active, "kept"), (obsolete, "revived")):
        if key in pool:
            used.add(key)
            setattr(report, counter, getattr(report, counter) + 1)
            return _refresh(pool[key], fresh)
    if old := _closest(fresh.msgid, active, used):
        report.fuzzy += 1
        return _draft_from(fresh, old.msgstr, old.msgid, old.tcomment)
    match = memory.lookup(fresh.msgid, exclude=origin)
    if match and match.exact:
        report.from_memory += 1
        entry = copy.deepcopy(fresh)
        entry.msgstr = match.translation
        if match.external:  # another project's reviewed text: say where it came from
            entry.tcomment = match.note()
        return entry
    if match:
        report.fuzzy += 1
        return _draft_from(fresh, match.translation, match.source, match.note())
    report.new += 1
    return copy.deepcopy(fresh)


def _refresh(old: polib.POEntry, fresh: polib.POEntry) -> polib.POEntry:
    entry = copy.deepcopy(old)
    entry.obsolete = False
    entry.occurrences = list(fresh.occurrences)
    entry.comment = fresh.comment
    entry.flags = template_flags(entry.flags, fresh)
    return entry


def _closest(msgid: str, active: dict, used: set) -> polib.POEntry | None:
    if len(msgid) < FUZZY_MIN_LENGTH:
        return None
    candidates = {k[1]: e for k, e in active.items()
                  if k not in used and k[0] is None and has_translation(e) and not e.msgid_plural}
    if not candidates:  # difflib indexes the text even for no candidates: 2 s on a 2 MB guide
        return None
    close = difflib.get_close_matches(msgid, reachable(msgid, list(candidates)), n=1, cutoff=FUZZY_MATCH)
    return candidates[close[0]] if close else None


def reachable(msgid: str, texts: list[str]) -> list[str]:
    """Return the texts whose difflib ratio to ``msgid`` can reach FUZZY_MATCH, found by rapidfuzz.

    difflib's matching blocks are a common subsequence, so its ratio is at most the Indel
    ratio (2·LCS / total length) rapidfuzz computes in C: a text below the cutoff there is
    below it in difflib, and dropping it first changes no choice (msgmerge's matcher stays).
    """
    found = process.extract(msgid, texts, scorer=fuzz.ratio, processor=None, limit=None,
                            score_cutoff=FUZZY_MATCH * 100 - 1e-6)  # float rounding must not drop a tie
    return [text for text, _, _ in found]


def _draft_from(fresh: polib.POEntry, msgstr: str, previous: str, tcomment: str) -> polib.POEntry:
    entry = copy.deepcopy(fresh)
    entry.msgstr = msgstr
    entry.previous_msgid = previous
    entry.tcomment = tcomment
    entry.flags = template_flags(["fuzzy"], fresh)
    return entry


def _append_obsolete(result: polib.POFile, existing: polib.POFile, active: dict, used: set,
                     prune: bool, report: MergeReport) -> None:
    if prune:
        return
    for entry in existing:
        if key_of(entry) in used:
            continue
        if entry.obsolete:
            result.append(copy.deepcopy(entry))
        elif has_translation(entry):
            gone = copy.deepcopy(entry)
            gone.obsolete = True
            gone.occurrences = []
            result.append(gone)
            report.obsoleted += 1
