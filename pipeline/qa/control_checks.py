"""Invisible characters that change what a reader sees: bidi overrides and control characters."""

from __future__ import annotations

import unicodedata
from typing import Iterator

from pipeline.qa.registry import check
from pipeline.qa.translation_checks import CatalogContext

OVERRIDES = {"\u202d": "LRO", "\u202e": "RLO"}  # reverse or force what they cover
EMBEDDINGS = {"\u202a": "LRE", "\u202b": "RLE"}  # closed by PDF
ISOLATES = {"\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI"}  # closed by PDI
POP_EMBEDDING, POP_ISOLATE = "\u202c", "\u2069"
KEPT_CONTROLS = {"\t", "\n"}


def _unbalanced(text: str, openers: dict[str, str], closer: str) -> bool:
    """Tell whether the openers and the closer in ``text`` fail to pair up, in order."""
    depth = 0
    for char in text:
        if char in openers:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


@check("bidi-control", "error", "pair")
def bidi_control(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report bidi overrides, and embeddings or isolates left open (balanced isolates are fine)."""
    overrides = sorted({f"{OVERRIDES[c]} (U+{ord(c):04X})" for c in target if c in OVERRIDES})
    if overrides:
        yield (f"{', '.join(overrides)} reverses or forces the direction of the text it covers; remove "
               "it (to keep a number left-to-right, wrap it in the isolates U+2066 … U+2069)")
    elif _unbalanced(target, EMBEDDINGS, POP_EMBEDDING) or _unbalanced(target, ISOLATES, POP_ISOLATE):
        yield "a bidi embedding or isolate is not closed (or closed without opening); pair them or remove them"


@check("control-character", "error", "pair")
def control_character(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report control characters (NUL, Markdown's internal markers) that no reader should get."""
    found = sorted({f"U+{ord(c):04X}" for c in target
                    if unicodedata.category(c) == "Cc" and c not in KEPT_CONTROLS and c not in source})
    if found:
        yield f"control character(s) {', '.join(found)} in the translation; remove them"
