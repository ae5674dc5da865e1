"""Read the numbers of a source and its translation the way each language writes them.

A source number is read as the source language writes numbers (Danish 3.200 is 3200, 2,5 is
2.5); what that language cannot read as a number (8.30, 8.00–15.00, 1.11.2026) is a time or a
date, compared digit group by digit group as before. A translation's number is tried, in turn:

- as its own language writes numbers (English 3,200 is 3200; Arabic ٣٬٢٠٠ too), or, when the
  source language cannot read it, by its digit groups as a time or a date (8.00 is 8 and 0);
- as the source language writes them: the value is right, but a reader of the translation
  reads it otherwise (English 3.200 is 3.2), so it is a ``Misformat`` with the suggested form;
- by its digit groups.

Every reading that matches source numbers takes them; of a number that matches in no reading,
the digit groups a source number still has are taken one by one (9.00 for 8.00 only changes
the 8), and what is left over is missing or added.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from babel import Locale, UnknownLocaleError
from babel.numbers import NumberFormatError, format_decimal, get_group_symbol, parse_decimal

from pipeline.qa.text import number_tokens

_SPACES = re.compile("[\u00a0\u202f]")


@dataclass(frozen=True)
class Misformat:
    """A translation's number written the source language's way, which its own language reads otherwise."""

    written: str
    meant: Decimal  # the source's value
    read: Decimal | None  # what the translation's language reads; None: not a number there
    suggestion: str  # the meant value as the translation's language writes it


@dataclass(frozen=True)
class NumberMatch:
    """How the numbers of a translation match its source's."""

    missing: tuple[Decimal, ...]
    added: tuple[Decimal, ...]
    misformats: tuple[Misformat, ...]


class _Reading(NamedTuple):
    values: tuple[Decimal, ...]
    rank: int  # 0: as the translation's language writes it; 1: the source's way; 2: digit groups
    misformat: Misformat | None = None


@lru_cache(maxsize=64)
def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def read_number(token: str, lang: str) -> Decimal | None:
    """Return the value of a number token as ``lang`` writes numbers, or None if it would not write it so."""
    locale = _locale(lang)
    if locale is None:
        return None
    group = get_group_symbol(locale)
    if group.isspace():  # a no-break space or a narrow one: writers use either
        token = _SPACES.sub(group, token)
    try:
        return parse_decimal(token, locale=locale, strict=True)
    except NumberFormatError:
        return None


def show(value: Decimal) -> str:
    """Return a value for a message: 3200, 2.5, 8 (never 3.2E+3 or 8.00)."""
    return format(value.normalize(), "f")


def _digit_groups(token: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(group) for group in re.findall(r"\d+", token))


def _source_values(token: str, source_language: str) -> tuple[Decimal, ...]:
    value = read_number(token, source_language)
    return (value,) if value is not None else _digit_groups(token)


def _readings(token: str, lang: str, source_language: str) -> list[_Reading]:
    """Return a translation token's readings, the likeliest first."""
    theirs = read_number(token, source_language)
    # A language Babel does not know reads numbers as the source does: no format findings.
    own = read_number(token, lang) if _locale(lang) is not None else theirs
    groups = _digit_groups(token)
    if theirs is None:  # a time or a date in the source language's eyes (8.00), or a decimal (1.5)
        return [_Reading(groups, 0), *([_Reading((own,), 0)] if own is not None and (own,) != groups else [])]
    readings = [_Reading((own,), 0)] if own is not None else []
    if own != theirs:
        suggestion = format_decimal(theirs, locale=_locale(lang), decimal_quantization=False)
        readings.append(_Reading((theirs,), 1, Misformat(token, theirs, own, suggestion)))
    return [*readings, *([_Reading(groups, 2)] if (theirs,) != groups else [])]


def _take(pool: Counter[Decimal], values: tuple[Decimal, ...]) -> bool:
    wanted = Counter(values)
    if wanted <= pool:
        pool.subtract(wanted)
        return True
    return False


@lru_cache(maxsize=4096)
def compare_numbers(source: str, target: str, source_language: str, lang: str) -> NumberMatch:
    """Match the numbers of a translation in ``lang`` against those of its source.

    Args:
        source: the source text.
        target: the translation.
        source_language: the source's language code, such as ``da``.
        lang: the translation's language code.

    Returns:
        The source's values no translation number matched, the translation's that matched none
        (as its own language reads them), and the numbers written the source language's way.
    """
    pool = Counter(v for token in number_tokens(source) for v in _source_values(token, source_language))
    # The token with the fewest readings chooses first, so that English 1.500 (1.5, or the
    # Danish 1500) cannot take the 1.5 of a 1.5 beside it; best readings before worse ones.
    tokens = enumerate(number_tokens(target))
    pending = sorted(((n, _readings(token, lang, source_language)) for n, token in tokens), key=lambda t: len(t[1]))
    misformats: list[tuple[int, Misformat]] = []
    for rank in range(3):
        left: list[tuple[int, list[_Reading]]] = []
        for n, readings in pending:
            chosen = next((r for r in readings if r.rank == rank and _take(pool, r.values)), None)
            if chosen is None:
                left.append((n, readings))
            elif chosen.misformat:
                misformats.append((n, chosen.misformat))
        pending = left
    added = [v for _, readings in pending for v in readings[0].values if not _take(pool, (v,))]
    return NumberMatch(tuple(sorted(pool.elements())), tuple(sorted(added)),
                       tuple(misformat for _, misformat in sorted(misformats, key=lambda m: m[0])))
