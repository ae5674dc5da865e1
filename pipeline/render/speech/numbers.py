"""Numbers spoken the way a listener needs them: phone numbers digit by digit."""

from __future__ import annotations

import re

# "+45 12 34 56 78", "70 00 00 00": three or more groups of 2–4 digits, spaced (a date is not one).
PHONE = re.compile(r"(?<![\d,.])\+?\d{2,4}(?:[ \u00a0]\d{2,4}){2,}(?!\d|[,.]\d)")


def spell_digits(number: str) -> str:
    """Return a phone number as its digits one by one, groups kept apart by commas (a pause)."""
    groups = re.split(r"[ \u00a0]+", number.strip())
    return ", ".join(" ".join(group).replace("+ ", "+") for group in groups)


def spoken_numbers(text: str) -> str:
    """Return ``text`` with every phone number spelled out digit by digit."""
    return PHONE.sub(lambda match: spell_digits(match.group()), text)
