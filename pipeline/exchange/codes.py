"""A Markdown text as text and inline codes, for tools that protect codes (XLIFF, TMX).

What is markup comes from the one owner, pipeline.translate.masking: its Markdown kinds
become codes; its other kinds (numbers, terms) stay text a translator may edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Union

from pipeline.translate.masking import MARKUP_KINDS, protected_spans

Role = Literal["open", "close", "atom"]
KIND_TYPES = {"emphasis": "fmt", "code": "fmt", "link_open": "link", "link_close": "link",
              "autolink": "link", "image": "image"}  # XLIFF 2 type of each kind; others "other"


@dataclass(frozen=True)
class Code:
    """One inline code: the Markdown it stands for, and its partner when it opens or closes."""

    id: int  # 1-based, unique in its text
    role: Role
    native: str
    kind: str
    partner: int = 0  # the id of the matching open/close code; 0 for an atom

    @property
    def type(self) -> str:
        """Return the XLIFF 2 type of the code (fmt, link, image, other)."""
        return KIND_TYPES.get(self.kind, "other")


Piece = Union[str, Code]
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(.*\)", re.S)


def _nested_pairs(spans: list) -> dict[int, int]:
    """Return open index -> close index for the pairs that nest (crossing pairs become atoms)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for index, span in enumerate(spans):
        if span.glue == "open" and span.partner > index:
            stack.append(index)
        elif span.glue == "close" and span.partner >= 0 and span.partner in stack:
            if stack[-1] == span.partner:
                pairs[stack.pop()] = index
            else:
                stack.remove(span.partner)
    return pairs


def split_markup(text: str) -> list[Piece]:
    """Return ``text`` as text pieces and Codes for its Markdown markup, in order.

    An image's alt text stays text between two codes: it is read aloud, so it is translated.
    """
    spans = [s for s in protected_spans(text) if s.kind in MARKUP_KINDS]
    pairs = _nested_pairs(spans)
    closers = {close: opener for opener, close in pairs.items()}
    pieces: list[Piece] = []
    last = 0
    for index, span in enumerate(spans):
        if span.start > last:
            pieces.append(text[last:span.start])
        native, first = text[span.start:span.end], _shift(index, spans)
        if span.kind == "image" and (alt := _IMAGE_RE.fullmatch(native)):
            pieces += [Code(first, "open", "![", "image", first + 1), alt.group(1),
                       Code(first + 1, "close", native[alt.end(1):], "image", first)]
        else:
            role: Role = "open" if index in pairs else "close" if index in closers else "atom"
            partner = _shift(pairs.get(index, closers.get(index)), spans)
            pieces.append(Code(first, role, native, span.kind, partner))
        last = span.end
    if last < len(text):
        pieces.append(text[last:])
    return [p for p in pieces if p != ""]


def _shift(index: int | None, spans: list) -> int:
    """Return the code id of span ``index``: images before it take two ids each."""
    if index is None:
        return 0
    return index + 1 + sum(1 for s in spans[:index] if s.kind == "image")


def join_markup(pieces: list[Piece]) -> str:
    """Return the Markdown text of pieces (the inverse of split_markup)."""
    return "".join(p if isinstance(p, str) else p.native for p in pieces)
