"""Identity round trip: translating every entry as itself renders exactly the source body."""

from __future__ import annotations

import polib
import pytest
from helpers import REPO

from pipeline.project import load_guides
from pipeline.config import load_settings
from pipeline.render.body import render_body
from pipeline.render.localize import localize


def identity_catalog(segments) -> polib.POFile:
    po = polib.POFile()
    for msgid in dict.fromkeys(s.msgid for s in segments):
        po.append(polib.POEntry(msgid=msgid, msgstr=msgid))
    return po


SETTINGS = load_settings(REPO)
GUIDES = load_guides(SETTINGS)


@pytest.mark.parametrize("source", GUIDES, ids=[g.guide.slug for g in GUIDES])
@pytest.mark.parametrize("lang", ["en", "tr"])
def test_identity_catalog_renders_the_source_body(source, lang):
    original = localize(source.guide, source.segments, None, "da", SETTINGS)
    same = localize(source.guide, source.segments, identity_catalog(source.segments), lang, SETTINGS)
    assert same is not None and same.coverage.ratio == 1.0
    assert render_body(same).html == render_body(original).html
