"""Find the protected tokens of a text: URLs, e-mail addresses, phone numbers, numbers."""

from __future__ import annotations

import re
from collections import Counter

# Arabic-Indic (U+0660…) and Extended Arabic-Indic (U+06F0…, Urdu/Persian) digits are the
# same numbers as ASCII digits: an Urdu translation may write ۱۵ for 15.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
# Bidi marks and isolates that RTL translators put around numbers and phone numbers.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'`]+", re.IGNORECASE)
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Danish numbers are eight digits in pairs or fours, maybe after a country code; dashes are
# left out on purpose, so that dates like 01-11-2026 are not mistaken for phone numbers.
PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{1,3}[ \u00a0]?)?\d{2}(?:[ \u00a0]?\d{2}){3}(?![\w])"
)
LINK_TARGET_RE = re.compile(r"\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)")
# A number as written: digits joined by "." or "," (decimals, thousands, times like 8.30,
# dates like 1.11.2026), or thousands after a no-break space (Ukrainian 3 200). What it means
# depends on the language; pipeline/qa/numbers.py reads it.
_NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+|[\u00a0\u202f]\d{3}(?!\d))*")
_TRAILING = ".,;:!?)]}'\""


def normalize(text: str) -> str:
    """Return text with ASCII digits and without bidi control marks."""
    return _BIDI.sub("", text.translate(_DIGITS))


def urls(text: str) -> Counter[str]:
    """Return the web addresses in text, in Markdown link targets or bare."""
    text = normalize(text)
    found = Counter(t for t in LINK_TARGET_RE.findall(text) if t)
    bare = LINK_TARGET_RE.sub("]()", text)
    found.update(u.rstrip(_TRAILING) for u in URL_RE.findall(bare))
    return found


def emails(text: str) -> Counter[str]:
    """Return the e-mail addresses in text, lowercased."""
    found = EMAIL_RE.findall(normalize(text))
    return Counter(e.rstrip(_TRAILING).lower().removeprefix("mailto:") for e in found)


def _phone_key(raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    if raw.startswith(("+45", "0045")) and len(digits) - (2 if raw[0] == "+" else 4) == 8:
        return digits[-8:]  # +45 is Denmark's own prefix: adding or dropping it is fine
    return digits


def phones(text: str) -> Counter[str]:
    """Return the phone numbers in text as digit strings."""
    text = LINK_TARGET_RE.sub("]()", normalize(text))
    return Counter(_phone_key(p) for p in PHONE_RE.findall(text))


def strip_protected(text: str) -> str:
    """Return text without link targets, URLs, e-mail addresses and phone numbers."""
    text = LINK_TARGET_RE.sub("]()", normalize(text))
    for pattern in (URL_RE, EMAIL_RE, PHONE_RE):
        text = pattern.sub(" ", text)
    return text


def number_tokens(text: str) -> list[str]:
    """Return the numbers in text as written (ASCII digits), phones, URLs and e-mails left out."""
    return _NUMBER_TOKEN.findall(strip_protected(text))


def describe(counter: Counter) -> str:
    """Return a counter's items as a short sorted list for a message."""
    return ", ".join(str(item) for item in sorted(counter.elements(), key=str)) or "none"


def difference(source: Counter, target: Counter) -> str:
    """Return what target drops and adds compared with source, for a message."""
    parts = []
    if source - target:
        parts.append(f"missing {describe(source - target)}")
    if target - source:
        parts.append(f"added {describe(target - source)}")
    return "; ".join(parts)
