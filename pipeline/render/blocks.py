"""An HTML fragment's top-level elements (a guide body's blocks), each copied verbatim."""

from __future__ import annotations

from html.parser import HTMLParser


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
