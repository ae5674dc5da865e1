"""Language facts the checks need: end punctuation and usual length against Danish."""

from __future__ import annotations

import re
import unicodedata

from babel import Locale, UnknownLocaleError

from pipeline.source.abbreviations import MID_SENTENCE, SENTENCE_END

# What a sentence's last character means, whatever the script, from its Unicode name:
# ARABIC FULL STOP, ETHIOPIC FULL STOP, IDEOGRAPHIC FULL STOP and DEVANAGARI DANDA are all
# full stops; ETHIOPIC COMMA is a comma. The first phrase of a name found decides.
NAME_CLASSES = (("FULL STOP", "full stop"), ("DANDA", "full stop"), ("QUESTION MARK", "question mark"),
                ("EXCLAMATION MARK", "exclamation mark"), ("SEMICOLON", "semicolon"),
                ("COMMA", "comma"), ("COLON", "colon"))
LATIN_MARKS = {"full stop": ".", "question mark": "?", "comma": ",", "semicolon": ";"}
# The mark each language expects; a class missing here takes the Latin mark.
# Arabic keeps the Latin full stop but turns the question mark and comma; Urdu also uses
# the Arabic full stop (U+06D4) where Danish has a period.
LANGUAGE_MARKS: dict[str, dict[str, str]] = {
    "ar": {"question mark": "؟", "comma": "،", "semicolon": "؛"},
    "fa": {"question mark": "؟", "comma": "،", "semicolon": "؛"},
    "ur": {"full stop": "۔", "question mark": "؟", "comma": "،", "semicolon": "؛"},
    "ti": {"full stop": "።"}, "am": {"full stop": "።"},  # Ethiopic script's own full stop
}
# Danish abbreviations whose full stop is part of the word, not the end of a sentence.
_ABBREVIATIONS = sorted(MID_SENTENCE | SENTENCE_END, key=len, reverse=True)
ABBREVIATION_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")\.$", re.IGNORECASE)
# Closing characters that sit after the end mark: quotes, brackets, Markdown emphasis.
CLOSERS = "\"'”’»›)]*_` \u00a0"

# Usual length of a translation relative to the Danish source, in characters of visible
# text (rough figures from parallel texts: Turkish and Urdu run a little longer, Arabic
# script a little shorter). Beyond LENGTH_SPREAD times these either way something is
# likely missing or added.
USUAL_LENGTH_RATIO: dict[str, float] = {"en": 1.0, "tr": 1.1, "ar": 0.95, "ur": 1.05, "fa": 1.0}
LENGTH_SPREAD = 2.0
MIN_LENGTH_FOR_RATIO = 20  # short labels vary too much to judge


def language_base(lang: str) -> str:
    """Return the language part of a code such as ``ar_EG`` or ``pt-BR``."""
    return lang.replace("-", "_").split("_")[0].lower()


def language_name(lang: str) -> str:
    """Return a language's English name from Babel ("Urdu" for ``ur``), or the code if Babel has none."""
    try:
        return Locale.parse(lang.replace("-", "_")).english_name or lang
    except (UnknownLocaleError, ValueError):
        return lang


def end_mark(text: str) -> tuple[str, str] | None:
    """Return (mark, class) of the text's end punctuation, or None."""
    stripped = text.rstrip(CLOSERS)
    if stripped.endswith("..."):
        return "...", "ellipsis"
    kind = end_class(stripped[-1]) if stripped else None
    return (stripped[-1], kind) if kind else None


def end_class(char: str) -> str | None:
    """Return what a punctuation mark ends a sentence with ("full stop", "comma", …), or None."""
    if char == "…":
        return "ellipsis"
    if unicodedata.category(char) != "Po":
        return None
    name = unicodedata.name(char, "")
    return next((kind for phrase, kind in NAME_CLASSES if phrase in name), None)


def ends_with_abbreviation(text: str) -> bool:
    """Tell whether text ends with an abbreviation such as "kr." or "osv."."""
    return bool(ABBREVIATION_RE.search(text.rstrip(CLOSERS)))


def expected_mark(lang: str, kind: str) -> str | None:
    """Return the mark a language writes for an end-punctuation class, if it prescribes one."""
    marks = LANGUAGE_MARKS.get(language_base(lang), {})
    return marks.get(kind, LATIN_MARKS.get(kind))


def usual_ratio(lang: str) -> float:
    """Return the usual translation/source length ratio for a language."""
    return USUAL_LENGTH_RATIO.get(language_base(lang), 1.0)
