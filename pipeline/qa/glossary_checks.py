"""The glossary check: a source term with an agreed translation must be rendered with it.

How terms are matched (case-insensitive, whole words, Turkish dotted İ folded to i):

- in the source, the term as whole words, in any of the Danish noun inflections
  (``kommune``, ``kommunen``, ``kommunens``; ``tolk``, ``tolken``, ``tolke``) but not inside
  a compound (``tolkebistand`` is another word). A protected name that merely contains
  the term (``Københavns Madservice`` for ``madservice``) does not count;
- in the translation, each word of the agreed term by its stem: the word without its last
  three letters, at least three letters kept, at the start of a word (``relative`` → ``relat``,
  so ``relatives`` passes; ``kişisi`` → ``kiş``, so ``kişiniz`` passes). In an Arabic-script
  or Ethiopic translation a word may also follow the prefixes those languages write joined to
  it (``CLITICS``: ``والمترجم`` passes for ``مترجم``, ``وDigital Post`` for ``Digital Post``,
  Tigrinya ``ንኣስተርጓሚ`` for ``ኣስተርጓሚ``). This is deliberately lenient — a stem, not a
  grammar — so a warning means the term is really missing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator

from pipeline.qa.languages import language_name
from pipeline.qa.registry import check
from pipeline.qa.text import LINK_TARGET_RE
from pipeline.qa.translation_checks import CatalogContext

# Danish noun endings (singular/plural, definite, genitive); other source languages: exact words.
SOURCE_ENDINGS = {"da": ("e", "en", "ene", "er", "erne", "et", "ets", "s", "es", "ens", "ernes",
                         "n", "ns", "r", "rne", "rnes")}  # -n, -r, …: after a final e (kommunen)
STEM_CUT = 3  # letters an inflection may change at a word's end
STEM_MIN = 3  # letters a stem keeps, so short words ("job", "tolk") match whole
# Prefixes written joined to the next word, by the script of the translation: Arabic و ف ب ل ك
# ("and", "then", "with", "for", "like") and the article ال; Tigrinya ን ብ ዝ ካብ ናብ ምስ ኣብ.
CLITICS = {"ARABIC": "(?:[وفبلك]?(?:ال|ل)?)", "ETHIOPIC": "(?:ካብ|ናብ|ምስ|ኣብ|[ንብዝ])?"}


def fold(text: str) -> str:
    """Return text case-folded, without the dot Turkish İ leaves behind (İrtibat → irtibat)."""
    decomposed = unicodedata.normalize("NFD", text.casefold()).replace("\u0307", "")
    return unicodedata.normalize("NFC", decomposed)


@lru_cache(maxsize=4096)
def source_pattern(term: str, source_language: str) -> re.Pattern[str]:
    """Return the pattern of a source term in its inflections, as whole words."""
    words = r"\s+".join(re.escape(w) for w in fold(term).split())
    endings = "|".join(SOURCE_ENDINGS.get(source_language, ()))
    return re.compile(rf"(?<!\w){words}(?:{endings})?(?!\w)" if endings else rf"(?<!\w){words}(?!\w)")


@lru_cache(maxsize=4096)
def target_patterns(agreed: str, script: str) -> tuple[re.Pattern[str], ...]:
    """Return one pattern per word of the agreed term: its stem at a word's start, after clitics."""
    clitics = CLITICS.get(script, "")
    found = []
    for word in fold(agreed).split():
        if script == "ARABIC" and word.startswith("ال") and len(word) > 4:
            word = word[2:]  # the article is one of the clitics, so "وجبات" passes for "الوجبات"
        stem = word if len(word) <= STEM_MIN else word[: max(STEM_MIN, len(word) - STEM_CUT)]
        found.append(re.compile(rf"(?<!\w){clitics}{re.escape(stem)}"))
    return tuple(found)


def _script(text: str) -> str:
    """Return ARABIC or ETHIOPIC when the text has such letters (their clitics apply), else ""."""
    names = {unicodedata.name(char, "").split(" ")[0] for char in text if char.isalpha()}
    return next((script for script in CLITICS if script in names), "")


def _plain(text: str) -> str:
    """Return folded text without link targets, whose words are addresses, not language."""
    return fold(LINK_TARGET_RE.sub("]", text))


@lru_cache(maxsize=4096)
def _names_containing(term: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """Return the folded protected names that contain the term but are more than it, longest first."""
    folded_term = fold(term)
    folded = sorted({fold(name) for name in names}, key=len, reverse=True)
    return tuple(name for name in folded if name != folded_term and folded_term in name)


def _without_names(source: str, term: str, names: tuple[str, ...]) -> str:
    """Blank out protected names that contain the term but are more than it."""
    for name in _names_containing(term, names):
        source = source.replace(name, " ")
    return source


def uses_term(target: str, agreed: str) -> bool:
    """Tell whether a translation holds every word of the agreed term (by stem)."""
    plain = _plain(target)
    return all(pattern.search(plain) for pattern in target_patterns(agreed, _script(plain)))


GLOSSARY_CHECK = "glossary-term"


@check(GLOSSARY_CHECK, "warning", "pair")
def glossary_term(source: str, target: str, ctx: CatalogContext) -> Iterator[str]:
    """Report a glossary term in the source whose agreed translation is missing."""
    plain = _plain(source)
    for term in ctx.glossary:
        agreed = term.agreed(ctx.lang)
        text = _without_names(plain, term.source, ctx.protected_terms)
        if source_pattern(term.source, ctx.source_language).search(text) and not uses_term(target, agreed):
            where = f"{ctx.glossary_display}:{term.line}" if term.line else ctx.glossary_display
            yield (f"the glossary ({where}) has {term.source!r} as {agreed!r} in "
                   f"{language_name(ctx.lang)}; the translation does not use it")
