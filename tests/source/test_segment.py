"""Segmenting guides on Python-Markdown's tree: kinds, lines, notes, refusals."""

from __future__ import annotations

import pytest
from helpers import GUIDE

from pipeline.errors import SourceError
from pipeline.source.reader import parse_guide
from pipeline.source.segment import segment


def segments_of(text: str):
    return segment(parse_guide(text.encode(), "mad", "content/mad.md"))


def test_every_block_kind_becomes_a_segment_with_its_line():
    found = [(s.kind, s.msgid, s.location.line) for s in segments_of(GUIDE)]
    assert found == [
        ("meta", "Mad til dig", 2),
        ("meta", "Sådan bestiller du mad.", 3),
        ("meta", "Mandag–fredag kl. 8–15", 7),
        ("heading", "Mad til dig", 10),
        ("paragraph", "Vi bringer **varm mad** ud til dig. Det koster 58 kr. om dagen.", 12),
        ("heading", "Sådan får du mad", 16),
        ("list_item", "Ring til os.", 18),
        ("list_item", "Vi kommer på besøg.", 19),
        ("list_item", "Vi taler om din mad.", 20),
        ("table_header", "Dag", 22),
        ("table_header", "Tid", 22),
        ("table_cell", "Mandag", 24),
        ("table_cell", "kl. 8–15", 24),
        ("blockquote", "Maden er god.", 26),
        ("paragraph", "Læs om [madservice på borger.dk](https://www.borger.dk/mad).", 28),
        ("paragraph", "![En tallerken med mad](images/mad.svg)", 30),
        ("paragraph", "Du kan altid tage en pårørende med.", 32),
    ]


def test_attr_list_id_stays_out_of_the_msgid():
    heading = [s for s in segments_of(GUIDE) if s.kind == "heading"][0]
    assert heading.msgid == "Mad til dig" and heading.level == 1


def test_i18n_comment_becomes_the_note_of_the_next_block_only():
    notes = {s.msgid: s.note for s in segments_of(GUIDE)}
    assert notes["Sådan får du mad"] == '"Visitation" is the municipality\'s needs assessment.'
    assert notes["Ring til os."] is None


def test_code_blocks_and_plain_comments_are_not_translated():
    text = GUIDE + "\n<!-- a note to self -->\n\n    kode her\n"
    msgids = [s.msgid for s in segments_of(text)]
    assert "kode her" not in " ".join(msgids)
    assert not any("note to self" in m for m in msgids)


def test_loose_list_items_are_segments_too():
    text = GUIDE + "\n- Første\n\n- Anden\n"
    kinds = {s.msgid: s.kind for s in segments_of(text)}
    assert kinds["Første"] == kinds["Anden"] == "list_item"


@pytest.mark.parametrize("html, line", [
    ("<div>Rå HTML</div>\n", 34),
    ("Tekst med <b>fed</b> HTML.\n", 34),
    ("<script>alert(1)</script>\n", 34),
])
def test_raw_html_is_refused_with_its_line(html, line):
    with pytest.raises(SourceError) as caught:
        segments_of(GUIDE + "\n" + html)
    assert str(caught.value).startswith(f"content/mad.md:{line}: raw HTML is not allowed")


def test_autolinks_are_markdown_not_html():
    found = segments_of(GUIDE + "\nSkriv til <mad@example.dk> eller se <https://example.dk>.\n")
    assert found[-1].msgid == "Skriv til <mad@example.dk> eller se <https://example.dk>."


def test_a_line_break_inside_a_link_address_keeps_the_target():
    text = GUIDE + "\nLæs [reglerne](https://www.borger.dk/mad-\nog-bolig) og ring.\n"
    segments = segment(parse_guide(text.encode("utf-8"), "mad", "content/mad.md"))
    found = [s.msgid for s in segments if "reglerne" in s.msgid]
    assert found == ["Læs [reglerne](https://www.borger.dk/mad-og-bolig) og ring."]


def test_the_title_of_a_link_reference_definition_is_translatable():
    text = GUIDE + "\nLæs [reglerne][regler].\n\n[regler]: https://www.borger.dk/mad \"Reglerne om mad\"\n"
    guide = parse_guide(text.encode("utf-8"), "mad", "content/mad.md")
    titles = [s for s in segment(guide) if s.kind == "link_title"]
    assert [(s.msgid, s.location.line) for s in titles] == [
        ("Reglerne om mad", text.split("\n").index('[regler]: https://www.borger.dk/mad "Reglerne om mad"') + 1)]
