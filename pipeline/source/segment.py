"""Cut a guide into segments: translatable front matter, then one per Markdown block."""

from __future__ import annotations

from pipeline.errors import SourceError
from pipeline.model import Guide, Segment, SourceLocation
from pipeline.source.frontmatter import TRANSLATABLE_KEYS, lookup
from pipeline.source.markdown_engine import (PLACEHOLDER_RE, Block, LinkTitle, RawHtml, collect_blocks,
                                             find_inline_html)


class LineFinder:
    """Find each block's line in the body; blocks arrive in document order."""

    def __init__(self, body: str, first_line: int):
        self.lines = [line.expandtabs(4) for line in body.split("\n")]
        self.first_line = first_line
        self.cursor = 0

    def find(self, raw: str) -> int:
        """Return the 1-based file line where ``raw`` starts, at or after the last one found."""
        probe = next((part.strip() for part in PLACEHOLDER_RE.sub("", raw).split("\n")
                      if part.strip()), "")
        for index in range(self.cursor, len(self.lines)):
            if probe and probe in self.lines[index]:
                self.cursor = index
                break
        return self.first_line + self.cursor


def meta_segments(guide: Guide) -> list[Segment]:
    """Return a segment for each translatable front-matter value."""
    found = []
    for key in TRANSLATABLE_KEYS:
        value = lookup(guide.meta, key)
        if isinstance(value, str) and value.strip():
            location = SourceLocation(guide.path, guide.meta_lines.get(key))
            found.append(Segment(value.strip(), location, "meta", key=key))
    return found


def body_segments(guide: Guide) -> list[Segment]:
    """Return one segment per block of the body; refuse raw HTML."""
    finder = LineFinder(guide.body, guide.body_line)
    found = []
    for block in collect_blocks(guide.body):
        if isinstance(block, LinkTitle):
            found.append(Segment(block.title, SourceLocation(guide.path, _definition_line(guide, block.label)),
                                 "link_title"))
            continue
        if isinstance(block, RawHtml):
            line = finder.find(block.html)
            raise SourceError(f"raw HTML is not allowed in a guide, only Markdown: {_short(block.html)}",
                              guide.path, line)
        line = finder.find(block.raw)
        if html := find_inline_html(block.text):
            raise SourceError(f"raw HTML is not allowed in a guide, only Markdown: {_short(html)}",
                              guide.path, line)
        found.append(_segment(block, SourceLocation(guide.path, line)))
    return found


def _definition_line(guide: Guide, label: str) -> int | None:
    """Return the file line of a link reference definition ``[label]: …``."""
    for offset, line in enumerate(guide.body.split("\n")):
        if line.strip().lower().startswith(f"[{label.lower()}]:"):
            return guide.body_line + offset
    return None


def _segment(block: Block, location: SourceLocation) -> Segment:
    return Segment(block.text, location, block.kind, block.note, level=block.level)  # type: ignore[arg-type]


def _short(html: str) -> str:
    first = html.strip().split("\n")[0]
    return first if len(first) <= 60 else first[:57] + "..."


def segment(guide: Guide) -> list[Segment]:
    """Return the guide's translatable segments in source order."""
    return meta_segments(guide) + body_segments(guide)
