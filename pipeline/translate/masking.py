"""Mask what machine translation must not change, restore it afterwards, and verify.

Markdown inline markup (emphasis, code spans, images, link targets), URLs, e-mail addresses,
phone numbers, dates, times, numbers and protected terms become placeholders such as ``ZQ3``:
plain ASCII, so every SentencePiece vocabulary can spell it, and a non-word, so models copy it
like a name. Link text stays visible and is translated; only ``[`` and ``](url)`` are masked.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from pipeline.errors import TranslateError

Glue = Literal["atom", "open", "close"]
PREFIXES = ("ZQ", "QZ", "XJ", "JX", "ZX", "XZ")

_PATTERNS = [
    ("code", r"(?P<ticks>`+).+?(?P=ticks)"),
    ("image", r"!\[[^\]]*\]\([^)]*\)"),
    ("autolink", r"<(?:https?://|mailto:)[^>\s]+>|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>"),
    ("link_open", r"\[(?=[^\[\]]*\]\()"),
    ("link_close", r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"),
    ("escape", r"\\[!-/:-@\[-`{-~]"),
    ("entity", r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"),
    ("url", r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?\"'»”]"),
    ("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("terms", None),
    ("phone", r"(?<![\w+])(?:\+\d{1,3}[ \u00a0]?)?\d{2}(?:[ \u00a0]\d{2}){3}(?!\d)|\+\d{7,14}\b"),
    ("date", r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"),
    ("time", r"\b\d{1,2}[.:]\d{2}(?:\s?[–-]\s?\d{1,2}[.:]\d{2})?\b"),
    ("number", r"\d+(?:[.,]\d+)*(?:\s?[–-]\s?\d+(?:[.,]\d+)*)?"),
    ("emphasis", r"\*{1,3}|(?<![^\W_])_{1,3}|_{1,3}(?![^\W_])"),
]


class MaskError(TranslateError):
    """A machine draft lost, duplicated or invented a protected token."""


@dataclass(frozen=True)
class Masked:
    """A text with protected tokens replaced by numbered placeholders."""

    text: str
    prefix: str
    tokens: tuple[str, ...]  # the original text of placeholder n + 1
    glue: tuple[Glue, ...]
    partner: tuple[int, ...]  # index of the matching open/close token, or -1

    def placeholder(self, index: int) -> str:
        """Return the placeholder of token ``index``."""
        return f"{self.prefix}{index + 1}"


def _scanner(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Compile one alternation; earlier kinds win at the same position."""
    parts = []
    for name, pattern in _PATTERNS:
        if name == "terms":
            if not terms:
                continue
            words = sorted(set(terms), key=len, reverse=True)
            pattern = r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)"
        parts.append(f"(?P<{name}>{pattern})")
    return re.compile("|".join(parts))


def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _emphasis_glue(text: str, start: int, end: int) -> Glue | None:
    """Classify a ``*``/``_`` run by CommonMark's flanking rules; None if it is literal."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    left = not after.isspace() and (not _is_punct(after) or before.isspace() or _is_punct(before))
    right = not before.isspace() and (not _is_punct(before) or after.isspace() or _is_punct(after))
    if text[start] == "_":
        left, right = left and (not right or _is_punct(before)), right and (not left or _is_punct(after))
    if left and right:
        return "atom"
    return "open" if left else "close" if right else None


def _choose_prefix(text: str) -> str:
    """Return a placeholder prefix that does not already occur in ``text``."""
    upper = text.upper()
    for prefix in PREFIXES:
        if prefix not in upper:
            return prefix
    raise MaskError("text contains every placeholder prefix; cannot mask it")


def _pair(tokens: list[str], glue: list[Glue]) -> list[int]:
    """Match each opening token with its closing token (same delimiter, or link brackets)."""
    partner, stack = [-1] * len(tokens), []
    for index, (token, kind) in enumerate(zip(tokens, glue)):
        if kind == "open":
            stack.append(index)
            continue
        if kind != "close":
            continue
        want = "[" if token.startswith("](") else token
        for depth in range(len(stack) - 1, -1, -1):
            if tokens[stack[depth]] == want:
                opener = stack.pop(depth)
                partner[opener], partner[index] = index, opener
                break
    return partner


def _classify(match: re.Match[str], text: str) -> Glue | None:
    kind = match.lastgroup
    if kind == "link_open":
        return "open"
    if kind == "link_close":
        return "close"
    if kind == "emphasis":
        return _emphasis_glue(text, match.start(), match.end())
    return "atom"


# The kinds that are Markdown markup (what a CAT tool must protect as inline codes); the
# others (numbers, dates, terms, …) are words a machine must not change but a translator may.
MARKUP_KINDS = frozenset({"code", "image", "autolink", "link_open", "link_close", "escape", "entity",
                          "emphasis"})


@dataclass(frozen=True)
class Span:
    """One protected token of a text: where it is, what it is, how it glues."""

    start: int
    end: int
    kind: str  # a name of _PATTERNS: "emphasis", "link_open", "number", …
    glue: Glue
    partner: int  # index of the matching open/close span, or -1


def protected_spans(text: str, terms: tuple[str, ...] = ()) -> list[Span]:
    """Return the protected tokens of ``text`` in order, openers paired with their closers."""
    found = []
    for match in _scanner(terms).finditer(text):
        glue = _classify(match, text)
        if glue is not None:
            found.append((match, glue))
    partner = _pair([m.group() for m, _ in found], [g for _, g in found])
    return [Span(m.start(), m.end(), m.lastgroup or "", g, p) for (m, g), p in zip(found, partner)]


def mask(text: str, terms: tuple[str, ...] = ()) -> Masked:
    """Replace protected tokens in ``text`` by placeholders."""
    prefix = _choose_prefix(text)
    spans = protected_spans(text, terms)
    out, last = [], 0
    for index, span in enumerate(spans):
        out.append(text[last:span.start])
        holder = f"{prefix}{index + 1}"
        out.append({"open": holder + " ", "close": " " + holder}.get(span.glue, holder))
        last = span.end
    out.append(text[last:])
    return Masked("".join(out), prefix, tuple(text[s.start:s.end] for s in spans),
                  tuple(s.glue for s in spans), tuple(s.partner for s in spans))


def restore(masked: Masked, translated: str) -> str:
    """Put the original tokens back into a translation of ``masked.text``.

    Raises MaskError when a placeholder is missing, repeated, unknown or out of order.
    """
    found = re.compile(rf"{masked.prefix}\s?(\d+)", re.IGNORECASE)
    out, seen, last = "", [], 0
    for match in found.finditer(translated):
        index = int(match.group(1)) - 1
        if not 0 <= index < len(masked.tokens):
            raise MaskError(f"the draft has an unknown placeholder {match.group()!r}")
        out += translated[last:match.start()]
        if masked.glue[index] == "close":
            out = out.rstrip(" \t")
        out += masked.tokens[index]
        last = match.end()
        if masked.glue[index] == "open":
            while last < len(translated) and translated[last] in " \t":
                last += 1
        seen.append(index)
    out += translated[last:]
    _check_placeholders(masked, seen)
    return out


def _check_placeholders(masked: Masked, seen: list[int]) -> None:
    """Require every placeholder exactly once, each opener before its closer."""
    counts = Counter(seen)
    missing = [masked.tokens[i] for i in range(len(masked.tokens)) if counts[i] == 0]
    if missing:
        raise MaskError(f"the draft lost {', '.join(map(repr, missing))}")
    repeated = [masked.tokens[i] for i, n in counts.items() if n > 1]
    if repeated:
        raise MaskError(f"the draft repeats {', '.join(map(repr, repeated))}")
    order = {index: position for position, index in enumerate(seen)}
    for index, other in enumerate(masked.partner):
        if other > index and order[index] > order[other]:
            raise MaskError(f"the draft swapped {masked.tokens[index]!r} and {masked.tokens[other]!r}")


def verify(source: str, draft: str, terms: tuple[str, ...] = ()) -> None:
    """Require the draft to hold exactly the source's protected tokens and markup.

    Raises MaskError naming what was lost or added.
    """
    before, after = mask(source, terms), mask(draft, terms)
    if after.prefix != before.prefix:
        raise MaskError(f"the draft contains a placeholder-like word ({before.prefix})")
    lost = Counter(before.tokens) - Counter(after.tokens)
    added = Counter(after.tokens) - Counter(before.tokens)
    if lost or added:
        parts = [f"lost {', '.join(map(repr, sorted(lost)))}" if lost else "",
                 f"added {', '.join(map(repr, sorted(added)))}" if added else ""]
        raise MaskError("the draft " + " and ".join(p for p in parts if p))
    if _unbalanced(after) != _unbalanced(before):
        raise MaskError("the draft's markup is not balanced like the source's")


def _unbalanced(masked: Masked) -> int:
    """Count opening and closing tokens without a partner."""
    return sum(1 for kind, other in zip(masked.glue, masked.partner) if kind != "atom" and other < 0)
