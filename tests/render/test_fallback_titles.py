"""A title or summary left in Danish is labelled and lang-marked wherever it is shown."""

from __future__ import annotations

from html.parser import HTMLParser

import pikepdf
import polib
import pytest
from helpers import copy_project, run_build
from pdf_referees import normalized, structure_elements

LABEL = "ڈینش میں"  # "In Danish" in Urdu, from pipeline/locale/ur


@pytest.fixture(scope="module")
def untitled(tmp_path_factory):
    """Build madservice in Urdu with its title and summary untranslated; return (output, title, summary)."""
    project = copy_project(tmp_path_factory.mktemp("untitled"))
    path = project / "translations/ur/LC_MESSAGES/madservice.po"
    po = polib.pofile(str(path), wrapwidth=79)
    cleared = {e.comment: e for e in po if e.comment in ("front matter: title", "front matter: summary")}
    assert sorted(cleared) == ["front matter: summary", "front matter: title"]
    for entry in cleared.values():
        entry.msgstr = ""
    po.save(str(path))
    output = run_build(project, "--lang", "ur", "--guide", "madservice", "--format", "html,flyer,epub")
    return output, cleared["front matter: title"].msgid, cleared["front matter: summary"].msgid


class Fallbacks(HTMLParser):
    """Collect each element with class "fallback": its lang, its label's text and its text's text."""

    def __init__(self):
        super().__init__()
        self.found: list[dict] = []
        self.open: list[tuple[str, dict | None, str | None]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        block = {"tag": tag, "lang": values.get("lang"), "label": "", "text": ""} if "fallback" in classes else None
        part = "label" if "fallback-label" in classes else "text" if "fallback-text" in classes else None
        if block:
            self.found.append(block)
        self.open.append((tag, block, part))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        blocks = [b for _, b, _ in self.open if b]
        parts = [p for _, _, p in self.open if p]
        if blocks and parts:
            blocks[-1][parts[-1]] += data


def fallbacks(html: str) -> list[dict]:
    parser = Fallbacks()
    parser.feed(html)
    return parser.found


def test_the_urdu_index_labels_a_danish_title_and_summary(untitled):
    output, title, summary = untitled
    found = fallbacks((output / "ur/index.html").read_text(encoding="utf-8"))
    assert {(b["tag"], b["lang"], b["label"], b["text"]) for b in found} == {
        ("h2", "da", LABEL, title), ("p", "da", LABEL, summary)}


def test_the_urdu_page_labels_a_danish_summary(untitled):
    output, title, summary = untitled
    found = fallbacks((output / "ur/madservice.html").read_text(encoding="utf-8"))
    assert ("p", "da", LABEL, summary) in {(b["tag"], b["lang"], b["label"], b["text"]) for b in found}
    assert ("h1", "da", LABEL, title) in {(b["tag"], b["lang"], b["label"], b["text"]) for b in found}


def test_the_urdu_ebook_labels_a_danish_title_and_summary(untitled):
    import zipfile

    output, title, summary = untitled
    with zipfile.ZipFile(output / "ur/madservice.epub") as book:
        found = fallbacks(book.read("EPUB/guide.xhtml").decode("utf-8"))
    assert {("p", "da", LABEL, summary), ("h1", "da", LABEL, title)} <= {
        (b["tag"], b["lang"], b["label"], b["text"]) for b in found}


def test_the_urdu_flyer_reads_a_danish_summary_with_a_danish_voice(untitled):
    output, title, summary = untitled
    with pikepdf.open(output / "ur/madservice.flyer.pdf") as pdf:
        elements = list(structure_elements(pdf.Root.StructTreeRoot.K))
        heard_in_danish = normalized(" ".join(str(e.ActualText) for e, lang in elements
                                              if "/ActualText" in e and lang == "da"))
        labels = [str(e.ActualText) for e, lang in elements if "/ActualText" in e and lang == "ur"
                  and normalized(str(e.ActualText)) == normalized(LABEL)]
    assert normalized(summary) in heard_in_danish
    assert labels, "the label is read in Urdu"
