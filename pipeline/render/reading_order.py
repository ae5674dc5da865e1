"""Text in the order PDF readers need it: directional runs, poppler's reordering undone.

Pure text functions, with no PDF library: pipeline/render/pdf_glyphs.py and
pipeline/render/pdf_text.py use them while WeasyPrint draws and tags a page.
"""

from __future__ import annotations

import unicodedata

RTL_CLASSES = {"R", "AL"}
LRM, RLM = "\u200e", "\u200f"


def has_rtl(text: str) -> bool:
    """Tell whether a text has right-to-left letters."""
    return any(unicodedata.bidirectional(c) in RTL_CLASSES for c in text)


def _strength(char: str) -> str | None:
    """Return "R" for a right-to-left letter, "L" for a left-to-right one or a digit, else None."""
    kind = unicodedata.bidirectional(char)
    return "R" if kind in RTL_CLASSES else "L" if kind in ("L", "EN", "AN") else None


def direction_runs(text: str, rtl: bool) -> list[tuple[str, str]]:
    """Split a text as written into runs of one direction, ("R" or "L", text).

    Digits run left to right. Marks stay with their letter. Neutral characters (spaces,
    punctuation) take the direction of the runs on both sides when they agree, else the
    paragraph's (``rtl``), as the Unicode bidi algorithm resolves them (rules N1, N2).
    """
    kinds: list[str | None] = []
    for char in text:
        kind = _strength(char)
        if kind is None and kinds and unicodedata.category(char) in ("Mn", "Mc", "Me"):
            kind = kinds[-1] or None
        kinds.append(kind)
    resolved = list(kinds)
    i = 0
    while i < len(kinds):
        if kinds[i] is not None:
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] is None:
            j += 1
        before = next((k for k in reversed(kinds[:i]) if k), None)
        after = kinds[j] if j < len(kinds) else None
        side = before if before == after and before else ("R" if rtl else "L")
        resolved[i:j] = [side] * (j - i)
        i = j
    runs: list[tuple[str, str]] = []
    for char, kind in zip(text, resolved):
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + char)
        else:
            runs.append((kind, char))
    return runs


def reader_order(text: str, rtl: bool, page_rtl: bool, block_rtl: bool | None = None) -> str:
    """Return a line's /ActualText so that poppler turns it back into the text as written.

    poppler (pdftotext, Evince) takes /ActualText as drawn from left to right, then puts a
    line in reading order itself: on a right-to-left page it reads the runs from the right,
    each right-to-left run reversed, each other run forward, and on a left-to-right page
    from the left (``reorderText`` in poppler's TextOutputDev.cc). So each right-to-left
    run is given reversed, between RLMs, each other run between LRMs (the marks keep
    spaces and punctuation in their run), and on a right-to-left page the runs in reverse.
    poppler's number characters inside right-to-left text (a full stop, a comma) are runs
    of their own, as poppler reads them.

    Args:
        text: the line as written (logical order).
        rtl: whether the text's own direction is right-to-left (for neutral characters).
        page_rtl: whether poppler reads the page right to left (its reordering's direction).
        block_rtl: whether the paragraph the line is in is right-to-left (default ``rtl``): its
            mark ends the text, so boxes of one line join in poppler's reading only as they should.
    """
    if not has_rtl(text) and not page_rtl:
        return text
    pieces: list[tuple[bool, str]] = []  # (left to right, text as given)
    for kind, run in direction_runs(text, rtl):
        for forward, part in _numeric_parts(run) if kind == "R" else [(True, run)]:
            pieces.append((forward, LRM + part + LRM if forward else RLM + part[::-1] + RLM))
    out, previous = [], None
    for forward, piece in reversed(pieces) if page_rtl else pieces:
        if previous == forward:  # two runs of one direction stay two runs (a full stop after a time)
            out.append(RLM if forward else LRM)
        out.append(piece)
        previous = forward
    edge = RLM if (rtl if block_rtl is None else block_rtl) else LRM
    return edge + "".join(out) + edge


# Characters poppler reads as part of a number (bidi EN, AN, ES, CS, ET: "." "," "،" ":" "-"
# "+" "/" "%" "#"), which end a right-to-left run in its reordering (measured with pdftotext
# 22.12, tests/render/test_pdf_text.py).
POPPLER_NUMERIC = {"EN", "AN", "ES", "CS", "ET"}


def _numeric_parts(run: str) -> list[tuple[bool, str]]:
    """Split a right-to-left run where poppler's number characters start and end."""
    parts: list[tuple[bool, str]] = []
    for char in run:
        numeric = unicodedata.bidirectional(char) in POPPLER_NUMERIC
        if parts and parts[-1][0] == numeric:
            parts[-1] = (numeric, parts[-1][1] + char)
        else:
            parts.append((numeric, char))
    return parts


SOFT_HYPHEN = "\u00ad"


def written_texts(boxes: list[tuple[int, str]], source: str, hyphen: str = "\u2010") -> dict[int, str]:
    """Return each text box's text as written in ``source``: a line break's swallowed space put
    back, a hyphen the layout added at a line end taken away, the source's own letter case.

    Args:
        boxes: a block's text boxes in order, as (id, text drawn).
        source: the block's text as written (its element's text, spaces collapsed).
        hyphen: the character the layout adds where it hyphenates a word.
    Returns:
        id → text, for the boxes found in ``source`` (a list marker, say, is not).
    """
    plain = source.replace(SOFT_HYPHEN, "")
    folded = _fold(plain)
    found: dict[int, str] = {}
    position, previous = 0, None
    for box_id, text in boxes:
        drawn = text.replace(SOFT_HYPHEN, "")
        if not drawn:
            continue  # a box the line break emptied (its one space swallowed): the space goes to the one before
        start = folded.find(_fold(drawn), position)
        if start < 0 and drawn.endswith(hyphen):
            drawn = drawn[: -len(hyphen)]  # hyphenated at the line end: the word goes on
            start = folded.find(_fold(drawn), position) if drawn else -1
        if start < 0:
            previous = None
            continue  # generated text (a list marker): nothing to align
        if previous is not None and start > position and not plain[position:start].strip():
            found[previous] += " "
        found[box_id] = plain[start:start + len(drawn)]
        position, previous = start + len(drawn), box_id
    return found


def _fold(text: str) -> str:
    """Lower-case text character by character, keeping its length (Turkish İ stays one character)."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def page_reads_rtl(texts: list[str]) -> bool:
    """Tell whether poppler reads a page right to left: it has more right-to-left letters than
    left-to-right ones (``primaryLR`` in poppler's TextOutputDev.cc)."""
    balance = sum(1 if unicodedata.bidirectional(c) == "L" else -1 if unicodedata.bidirectional(c) in RTL_CLASSES
                  else 0 for text in texts for c in text)
    return balance < 0


# How MuPDF reads a line (1.24 and later; checked in 1.28.3's source): it takes a glyph's
# direction from the first character the font's ToUnicode map gives it, and these classes set
# it while the others keep the glyph before's (guess_bidi_level, source/pdf/pdf-op-run.c).
MUPDF_DIRECTIONS = {"L": "L", "EN": "L", "ES": "L", "ET": "L", "R": "R", "AL": "R", "AN": "R"}
MUPDF_SPACE_DIST = 0.15  # SPACE_DIST, source/fitz/stext-device.c: less motion than this, in ems, is none


def mupdf_direction(mapped: str) -> str | None:
    """Return the direction MuPDF gives a glyph mapped to ``mapped``: "R", "L", or None (the glyph before's)."""
    return MUPDF_DIRECTIONS.get(unicodedata.bidirectional(mapped[0])) if mapped else None


def mupdf_text(text: str, rtl: bool, direction: str | None, advance: float) -> str:
    """Return the /ActualText that gives MuPDF ``text`` as written from one glyph, its carrier.

    MuPDF gives an /ActualText's first character to the first glyph inside it and puts the
    others at that glyph's end, with no width (flush_actualtext, source/fitz/stext-device.c).
    After a right-to-left carrier wider than MUPDF_SPACE_DIST, a character that does not move
    looks drawn in visual order, so MuPDF reverses the line's right-to-left characters
    (reverse_bidi_line): the text is then given reversed. It starts with two marks: the
    carrier takes one, and the other, not a combining mark (which MuPDF would attach without
    looking at the motion), makes that choice the same for every text.

    Args:
        text: the line as written (logical order).
        rtl: whether the line's paragraph is right-to-left (which mark brackets the text).
        direction: the carrier's direction for MuPDF (:func:`mupdf_direction`).
        advance: the carrier's advance, in ems.
    """
    edge = RLM if rtl else LRM
    if direction == "R" and advance >= MUPDF_SPACE_DIST:
        text = text[::-1]
    return edge + edge + text + edge
