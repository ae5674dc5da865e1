"""An empty form of an incoming plural never clears the catalog's form."""

from __future__ import annotations

import polib

from pipeline.catalog.imported import Incoming, apply_translations


def catalog() -> tuple[polib.POFile, polib.POEntry]:
    po = polib.POFile()
    po.metadata = {"Plural-Forms": "nplurals=2; plural=(n != 1);", "Content-Type": "text/plain; charset=UTF-8"}
    entry = polib.POEntry(msgid="en dag", msgid_plural="%d dage", msgstr_plural={0: "bir gün", 1: "%d gün"})
    po.append(entry)
    return po, entry


def test_an_empty_plural_form_keeps_the_catalogs_form():
    po, entry = catalog()
    report = apply_translations(po, [Incoming(None, "en dag", ("bir gün ✎", ""), True, 5, plural=True)])
    assert entry.msgstr_plural == {0: "bir gün ✎", 1: "%d gün"}
    assert [o.what for o in report.changed] == ["changed"]


def test_a_plural_whose_only_change_is_an_empty_form_is_unchanged():
    po, entry = catalog()
    report = apply_translations(po, [Incoming(None, "en dag", ("bir gün", ""), False, 5, plural=True)])
    assert entry.msgstr_plural == {0: "bir gün", 1: "%d gün"} and "fuzzy" not in entry.flags
    assert report.changed == [] and report.unchanged == 1
