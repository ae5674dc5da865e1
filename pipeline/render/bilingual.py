"""The bilingual flyer's body: each block of the guide beside its Danish source, block by block."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markupsafe import Markup

from pipeline.render.body import split_first_h1

_ID_RE = re.compile(r'\s(?:id|aria-labelledby)="[^"]*"')


class _TopLevel(HTMLParser):
    """Cut an HTML fragment into its top-level elements, each copied verbatim."""

    VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "col", "source"})

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.depth = 0

    def _add(self, text: str, opens: int = 0, closes: int = 0) -> None:
        self.depth -= closes
        self.current.append(text)
        self.depth += opens
        if self.depth == 0 and "".join(self.current).strip():
            self.blocks.append("".join(self.current).strip())
            self.current = []

    def handle_starttag(self, tag, attrs):
        self._add(self.get_starttag_text(), opens=0 if tag in self.VOID else 1)

    def handle_startendtag(self, tag, attrs):
        self._add(self.get_starttag_text())

    def handle_endtag(self, tag):
        self._add(f"</{tag}>", closes=1 if self.depth else 0)

    def handle_data(self, data):
        if self.depth or data.strip():
            self._add(data)

    def handle_entityref(self, name):
        self._add(f"&{name};")

    def handle_charref(self, name):
        self._add(f"&#{name};")


def top_level_blocks(html: str) -> list[str]:
    """Return the top-level elements of an HTML fragment (a guide's body), in order."""
    parser = _TopLevel()
    parser.feed(html)
    parser.close()
    return parser.blocks


def paired_body(target_html: str, source_html: str, target: tuple[str, str], source: tuple[str, str]) -> str:
    """Return the bodies side by side: per block a row of the target's block and the source's.

    Args:
        target_html, source_html: the guide's body in the citizen's language and in Danish,
            block for block the same structure (one segment is one block), h1 included.
        target, source: (language code, direction) of each.
    Returns:
        ``<div class="pair">`` rows, the target's block first; the source copy without ids.
    """
    mine = top_level_blocks(split_first_h1(target_html)[1])
    theirs = top_level_blocks(split_first_h1(source_html)[1])
    rows = []
    for index in range(max(len(mine), len(theirs))):
        left = mine[index] if index < len(mine) else ""
        right = _ID_RE.sub("", theirs[index]) if index < len(theirs) else ""
        rows.append(Markup('<div class="pair"><div class="side" lang="{}" dir="{}">{}</div>'
                           '<div class="side source" lang="{}" dir="{}">{}</div></div>').format(
            target[0], target[1], Markup(left), source[0], source[1], Markup(right)))
    return "\n".join(rows)

