"""The bilingual flyer's body: each block of the guide beside its Danish source, block by block."""

from __future__ import annotations

import re

from markupsafe import Markup

from pipeline.render.blocks import top_level_blocks
from pipeline.render.body import split_first_h1

_ID_RE = re.compile(r'\s(?:id|aria-labelledby)="[^"]*"')


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

