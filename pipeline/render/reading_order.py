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


def reader_order(text: str, rtl: bool, page_rtl: bool) -> str:
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
        rtl: whether the line's paragraph is right-to-left (for neutral characters).
        page_rtl: whether the page is, which decides poppler's reading direction.
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
    edge = RLM if page_rtl else LRM  # a line's runs never merge with the next span's on the same line
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


def swallowed_spaces(text_boxes: list, source: str) -> set[int]:
    """Return the ids of the text boxes after which ``source`` has a space no box shows.

    Args:
        text_boxes: a block's text boxes in order, each with its ``text``.
        source: the block's text as written (its element's text, spaces collapsed).
    """
    found, position = set(), 0
    for previous, box in zip([None, *text_boxes], text_boxes):
        start = source.find(box.text, position) if box.text else -1
        if start < 0:
            continue  # generated text (a list marker, a hyphen): nothing to align
        if previous is not None and start > position and not source[position:start].strip() and (
                not previous.text or not previous.text[-1].isspace()):
            found.add(id(previous))
        position = start + len(box.text)
    return found
