"""Applying drafts to a catalog (pipeline.catalog.drafts)."""

from __future__ import annotations

import polib

from pipeline.catalog.drafts import apply_drafts, pending


def _catalog() -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Ny tekst", tcomment="Kort, tak."))
    po.append(polib.POEntry(msgid="Oversat", msgstr="Translated"))
    po.append(polib.POEntry(msgid="Gammel", msgstr="Old", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Forsvundet", obsolete=True))
    po.append(polib.POEntry(msgid="En fil", msgid_plural="%d filer", msgstr_plural={0: "", 1: ""}))
    return po


def test_only_entries_without_any_translation_are_pending():
    assert [p.msgid for p in pending(_catalog())] == ["Ny tekst"]


def test_drafts_are_fuzzy_with_the_engine_comment_and_nothing_else_changes():
    po = _catalog()
    before = [str(entry) for entry in po][1:]
    drafts = {"Ny tekst": "New text", "Oversat": "X", "Gammel": "X", "Forsvundet": "X", "En fil": "X"}
    assert apply_drafts(po, drafts, "argos da→en (translate-da_en 1.9)") == 1
    entry = po.find("Ny tekst")
    assert (entry.msgstr, entry.flags) == ("New text", ["fuzzy"])
    assert entry.tcomment == "Kort, tak.\nmachine draft: argos da→en (translate-da_en 1.9)"
    assert [str(entry) for entry in po][1:] == before
    assert apply_drafts(po, drafts, "argos da→en (translate-da_en 1.9)") == 0
