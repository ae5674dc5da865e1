"""What a page says aloud: its headings, blocks and contact, each in the language it is shown in.

The text is taken from the page's own HTML (``body_html``, the contact), so what is spoken is
what is published: reviewed text, and fallback blocks (``lang="da"``) in the source language.
A chapter starts at every h1 and h2, as the page's outline does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from pipeline.render.speech.numbers import spoken_numbers

BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "th", "td", "figcaption"})
CHAPTER_HEADINGS = frozenset({"h1", "h2"})


@dataclass(frozen=True)
class Utterance:
    """One block of text to speak, in one language."""

    text: str
    lang: str


@dataclass(frozen=True)
class Chapter:
    """A heading and the blocks under it, up to the next h1 or h2."""

    title: str
    utterances: tuple[Utterance, ...]


class _Blocks(HTMLParser):
    """Collect (tag, language, text) of each innermost text block of an HTML fragment."""

    def __init__(self, lang: str):
        super().__init__(convert_charrefs=True)
        self.langs: list[tuple[str, str]] = [("", lang)]  # (tag, language) of open elements
        self.found: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self.block: tuple[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("img", "br", "hr", "source", "wbr"):
            return
        lang = dict(attrs).get("lang") or self.langs[-1][1]
        if tag in BLOCKS:
            self._flush()  # a list inside a list item: the item's own text first
            self.block = (tag, lang)
        self.langs.append((tag, lang))

    def handle_endtag(self, tag):
        if any(open_tag == tag for open_tag, _ in self.langs[1:]):
            while self.langs.pop()[0] != tag:
                pass
        if tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self.block is not None:
            self.text.append(data)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.text)).strip()
        if self.block is not None and text:
            self.found.append((self.block[0], self.block[1], text))
        self.text = []
        if self.block is not None and self.block[0] != self.langs[-1][0]:
            self.block = next(((t, l) for t, l in reversed(self.langs) if t in BLOCKS), None)


def page_blocks(html: str, lang: str) -> list[tuple[str, str, str]]:
    """Return (tag, language, text) of each text block of an HTML fragment, in reading order."""
    parser = _Blocks(lang)
    parser.feed(html)
    parser.close()
    return parser.found


def chapters(blocks: list[tuple[str, str, str]]) -> tuple[Chapter, ...]:
    """Group blocks into chapters at each h1 and h2; text before the first heading opens the first."""
    found: list[tuple[str, list[Utterance]]] = []
    for tag, lang, text in blocks:
        if tag in CHAPTER_HEADINGS or not found:
            found.append((text if tag in CHAPTER_HEADINGS else "", []))
        found[-1][1].append(Utterance(spoken_numbers(text, lang), lang))
    return tuple(Chapter(title, tuple(items)) for title, items in found)


def page_script(context: dict, contact_html: str = "") -> tuple[Chapter, ...]:
    """Return the chapters a guide page says: its body (summary after the title), then its contact."""
    lang = context["lang"]
    blocks = page_blocks(context["body_html"], lang)
    if context.get("summary"):
        where = 1 if blocks and blocks[0][0] == "h1" else 0
        blocks.insert(where, ("p", context.get("summary_lang") or lang, context["summary"]))
    return chapters(blocks + page_blocks(contact_html, lang))
