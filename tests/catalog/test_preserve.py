"""Never lose a translator's work: real-world catalogs and random edits through update."""

from __future__ import annotations

import shutil
from importlib.resources import files

import polib
import pytest
from helpers import GUIDE, msgfmt_check
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.catalog.memory import TranslationMemory
from pipeline.catalog.merge import merge
from pipeline.catalog.pofile import format_catalog, parse_catalog
from pipeline.catalog.template import build_template
from pipeline.source.reader import parse_guide
from pipeline.source.segment import segment

DJANGO_CATALOGS = ["conf/locale/{lang}/LC_MESSAGES/django.po",
                   "contrib/admin/locale/{lang}/LC_MESSAGES/django.po"]


def translated(po: polib.POFile) -> dict:
    """Every entry with any translation, by (msgctxt, msgid): its msgstr and plural forms."""
    return {(e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural), e.msgid_plural)
            for e in po if e.msgstr or any(e.msgstr_plural.values())}


@pytest.mark.parametrize("lang", ["ar", "tr", "ur", "da"])
@pytest.mark.parametrize("catalog", DJANGO_CATALOGS)
def test_real_world_catalog_keeps_every_translation(lang, catalog, make_project, ligetil):
    source = files("django") / catalog.format(lang=lang)
    settings = ('[project]\nname = "K"\nsource_language = "en"\n'
                f'languages = ["{lang}"]\nbase_url = "https://example.org/"\n')
    root = make_project({"mad": GUIDE}, settings)
    target = root / f"translations/{lang}/LC_MESSAGES/mad.po"
    target.parent.mkdir(parents=True)
    shutil.copy(str(source), target)
    before = polib.pofile(str(target))
    result = ligetil(root, "update")
    assert result.code == 0, result.err
    after = polib.pofile(str(target))
    kept_translations = translated(after)
    assert all(kept_translations.get(key) == value for key, value in translated(before).items())
    for name in ("Last-Translator", "Language-Team", "Plural-Forms", "Language"):
        assert after.metadata.get(name) == before.metadata.get(name)
    kept = {(e.msgctxt, e.msgid): (e.flags, e.tcomment, e.previous_msgid) for e in after}
    for entry in before:
        if entry.msgstr or any(entry.msgstr_plural.values()):
            assert kept[entry.msgctxt, entry.msgid] == (entry.flags, entry.tcomment, entry.previous_msgid)
    assert msgfmt_check(target).returncode == 0


BLOCKS = st.sampled_from([
    "Vi bringer mad ud til dig.", "Ring til os på hverdage.", "Maden koster 58 kr.",
    "## Sådan bestiller du", "- Ring til os.\n- Skriv til os.", "> Maden er god.",
    "| Dag | Tid |\n|---|---|\n| Mandag | kl. 8 |", "Læs [om maden](https://example.dk/mad).",
    "Du kan **altid** få hjælp.", "1. Først\n2. Så", "## Priser {#priser}",
])


def guide_text(blocks: list[str]) -> str:
    return "---\ntitle: Mad\n---\n# Mad\n\n" + "\n\n".join(blocks) + "\n"


def catalog_for(text: str, existing: polib.POFile | None) -> polib.POFile:
    from datetime import datetime, timezone
    guide = parse_guide(text.encode(), "mad", "content/mad.md")
    template = build_template(guide, segment(guide), "K", datetime(2026, 1, 1, tzinfo=timezone.utc))
    base = existing if existing is not None else polib.POFile()
    merged, _ = merge(template, base, TranslationMemory(), "mad")
    return parse_catalog(format_catalog(merged), "mad.po")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(BLOCKS, min_size=1, max_size=8), st.lists(BLOCKS, min_size=0, max_size=8))
def test_random_edits_never_lose_or_change_a_translation_of_an_unchanged_block(first, second):
    po = catalog_for(guide_text(first), None)
    for entry in po:
        entry.msgstr = "T:" + entry.msgid
    edited = catalog_for(guide_text(second), po)
    active = {e.msgid: e for e in edited if not e.obsolete}
    everywhere = {e.msgid: e for e in edited}
    for entry in po:
        if entry.msgid in active:
            assert active[entry.msgid].msgstr == entry.msgstr
            assert not active[entry.msgid].fuzzy
        else:
            assert everywhere[entry.msgid].msgstr == entry.msgstr  # kept as obsolete


FUZZY_WORDS = st.sampled_from(["Ring", "til", "Borgerservice", "på", "hverdage", "kl.", "8", "mad", "og", "du",
                               "kan", "madservice", "æøå", "Kommunen"])
FUZZY_SENTENCE = st.lists(FUZZY_WORDS, min_size=1, max_size=40).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(st.lists(FUZZY_SENTENCE, min_size=1, max_size=25, unique=True), FUZZY_SENTENCE)
def test_the_rapidfuzz_prefilter_keeps_difflibs_choice_of_fuzzy_match(texts, wanted):
    """update's fuzzy match (msgmerge's difflib ratio) is the same with the Indel-ratio prefilter as without."""
    import difflib

    from pipeline.catalog.merge import FUZZY_MATCH, reachable

    kept = reachable(wanted, texts)
    assert set(kept) <= set(texts)
    alone = difflib.get_close_matches(wanted, texts, n=1, cutoff=FUZZY_MATCH)
    assert difflib.get_close_matches(wanted, kept, n=1, cutoff=FUZZY_MATCH) == alone
    assert all(difflib.SequenceMatcher(None, wanted, t).ratio() < FUZZY_MATCH for t in set(texts) - set(kept))
