"""The title of a link reference definition is published in the reader's language."""

from __future__ import annotations

from pathlib import Path

import polib
from helpers import GUIDE

from pipeline.config import parse_settings
from pipeline.render.body import render_body
from pipeline.render.localize import localize
from pipeline.source.reader import parse_guide
from pipeline.source.segment import segment

SETTINGS = parse_settings('[project]\nname = "K"\nsource_language = "da"\nlanguages = ["tr"]\n'
                          'base_url = "https://example.org/"\n', Path("/project"))


def test_a_translated_link_title_replaces_the_danish_one() -> None:
    text = GUIDE + "\nLæs [reglerne][regler].\n\n[regler]: https://www.borger.dk/mad \"Reglerne om mad\"\n"
    guide = parse_guide(text.encode("utf-8"), "mad", "content/mad.md")
    segments = segment(guide)
    po = polib.POFile()
    for item in segments:
        po.append(polib.POEntry(msgid=item.msgid, msgstr="Yemek kuralları" if item.kind == "link_title" else ""))
    html = render_body(localize(guide, segments, po, "tr", SETTINGS)).html
    assert 'href="https://www.borger.dk/mad" title="Yemek kuralları"' in html
    danish = render_body(localize(guide, segments, None, "da", SETTINGS)).html
    assert 'title="Reglerne om mad"' in danish
