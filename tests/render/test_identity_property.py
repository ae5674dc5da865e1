"""Property: for any guide built from the supported blocks, extract → identity catalog → render
gives the HTML of rendering the source with plain Python-Markdown and the page's sanitizer
(soft line breaks aside)."""

from __future__ import annotations

import re
from pathlib import Path

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.config import parse_settings
from pipeline.render.body import render_body
from pipeline.render.localize import localize
from pipeline.render.sanitize import sanitize_body
from pipeline.source.markdown_engine import render_markdown
from pipeline.source.reader import parse_guide
from pipeline.source.segment import segment

SETTINGS = parse_settings('[project]\nname = "K"\nsource_language = "da"\nlanguages = ["tr"]\n'
                          'base_url = "https://example.org/"\n', Path("/project"))

WORDS = st.sampled_from(["mad", "hjælp", "**vigtigt**", "*kort*", "`kode`", "58 kr.", "kl. 8.00",
                         "[borger.dk](https://www.borger.dk/)", "MitID", "pårørende", "ٹیکسٹ",
                         "<mad@example.dk>", "Ring", "til", "os", "i dag"])
TEXT = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
BLOCKS = st.one_of(
    TEXT,
    TEXT.map(lambda t: f"## {t}"),
    TEXT.map(lambda t: f"### {t} {{#afsnit}}"),
    st.lists(TEXT, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(TEXT, min_size=2, max_size=3).map(lambda items: "\n\n".join(f"1. {i}" for i in items)),
    st.tuples(TEXT, TEXT).map(lambda p: f"- {p[0]}\n    - {p[1]}"),
    st.tuples(TEXT, TEXT).map(lambda p: f"| {p[0]} | Pris |\n|---|---|\n| {p[1]} | 45 kr. |"),
    TEXT.map(lambda t: f"> {t}"),
    st.tuples(TEXT, TEXT).map(lambda p: f"{p[0]}\n{p[1]}"),
    TEXT.map(lambda t: f"![{t}](images/x.svg)"),
    st.just("    kode blok"),
)


def identity_catalog(segments) -> polib.POFile:
    po = polib.POFile()
    for msgid in dict.fromkeys(s.msgid for s in segments):
        po.append(polib.POEntry(msgid=msgid, msgstr=msgid))
    return po


def folded(html: str) -> str:
    """Fold white space: the msgid joins soft-wrapped lines with a space."""
    return re.sub(r"\s+", " ", html)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(BLOCKS, min_size=1, max_size=10))
def test_identity_catalog_renders_as_the_source(blocks):
    body = "# Titel\n\n" + "\n\n".join(blocks) + "\n"
    guide = parse_guide(f"---\ntitle: Titel\n---\n{body}".encode(), "g", "content/g.md")
    segments = segment(guide)
    localized = localize(guide, segments, identity_catalog(segments), "tr", SETTINGS)
    assert localized is not None and localized.coverage.ratio == 1.0
    # Python-Markdown's own output through the page's last gate (nh3 writes entity-obfuscated
    # e-mail autolinks as plain text; a browser reads both the same)
    expected = sanitize_body(render_markdown(body)).replace('src="images/x.svg"', 'src="../images/x.svg"')
    assert folded(render_body(localized).html) == folded(expected)
