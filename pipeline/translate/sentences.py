"""Split a paragraph into sentences offline, knowing Danish abbreviations.

Hand-written because argostranslate's splitter downloads a model on first use and fails offline.
"""

from __future__ import annotations

import re

from pipeline.source.abbreviations import MID_SENTENCE

# Danish abbreviations that rarely end a sentence; enumeration endings ("osv.", "m.m.",
# "kr.") are left out: they often do end one.
ABBREVIATIONS = MID_SENTENCE

# A candidate break: sentence-final punctuation, closing quotes/brackets, then whitespace.
_BREAK = re.compile(r"[.!?…]+[\"'»”’)\]]*(\s+)")
_WORD_BEFORE = re.compile(r"(\w[\w.]*)\.$")


def _is_abbreviation(text: str) -> bool:
    """Tell whether ``text`` (ending in a period) ends with a known abbreviation."""
    found = _WORD_BEFORE.search(text)
    if not found:
        return False
    word = found.group(1).lower()
    return word in ABBREVIATIONS or len(word) == 1 or bool(re.fullmatch(r"(\w\.)+\w", word))


def _starts_sentence(rest: str) -> bool:
    """Tell whether the text after a candidate break can start a new sentence."""
    first = rest.lstrip("\"'«“‘([-–— ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def split_sentences(text: str) -> list[tuple[str, str]]:
    """Split text into ``(sentence, following whitespace)`` pairs that join back exactly."""
    pieces: list[tuple[str, str]] = []
    start = 0
    for match in _BREAK.finditer(text):
        end, after = match.start(1), match.end(1)
        sentence, rest = text[start:end], text[after:]
        if not _starts_sentence(rest):
            continue
        if sentence.endswith(".") and _is_abbreviation(sentence):
            continue
        pieces.append((sentence, match.group(1)))
        start = after
    if start < len(text) or not pieces:
        pieces.append((text[start:], ""))
    return pieces


def join_sentences(pieces: list[tuple[str, str]]) -> str:
    """Join ``(sentence, whitespace)`` pairs back into one text."""
    return "".join(sentence + space for sentence, space in pieces)
