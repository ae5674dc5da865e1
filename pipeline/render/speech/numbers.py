"""Numbers spoken the way a listener needs them: phone numbers digit by digit, clock times as times.

espeak-ng reads "8.00" as "eight point zero zero" in every language; a clock time is said
as the hour ("8") or the hour and minutes ("8:30"), which every voice reads as a time.
"""

from __future__ import annotations

import re

from babel.numbers import get_decimal_symbol

# "+45 12 34 56 78", "70 00 00 00": three or more groups of 2–4 digits, spaced (a date is not one).
PHONE = re.compile(r"(?<![\d,.])\+?\d{2,4}(?:[ \u00a0]\d{2,4}){2,}(?!\d|[,.]\d)")
_TIME = r"\d{1,2}[.:٫]\d{2}"  # any script's digits; ٫: the Arabic decimal sign, "٨٫٠٠–١٥٫٠٠" in a range
_ALONE = r"(?<![\d.,:٫])({time})(?!\d|[.,:٫]\d)"
TIME_RANGE = re.compile(_ALONE.format(time=rf"{_TIME})\s*[–—-]\s*({_TIME}"))  # "8.00–15.00": two times
CLOCK_TIME = re.compile(_ALONE.format(time=_TIME.replace("٫", "")))


def spell_digits(number: str) -> str:
    """Return a phone number as its digits one by one, groups kept apart by commas (a pause)."""
    groups = re.split(r"[ \u00a0]+", number.strip())
    return ", ".join(" ".join(group).replace("+ ", "+") for group in groups)


QUARTERS = {0, 15, 30, 45}  # a dotted "1.12" is a date or a version as often as a time; these never are


def spoken_time(time: str) -> str | None:
    """Return a clock time as a voice says it ("8.00" → "8", "8.30" → "8:30"); None if it may be none.

    A dotted time counts only on the quarter: "1.12" (1 December) and "2.10" (a version) stay as written.
    """
    hours, minutes = (int(part) for part in re.split(r"[.:٫]", time))
    if hours > 24 or minutes > 59 or (":" not in time and minutes not in QUARTERS):
        return None
    return str(hours) if minutes == 0 else f"{hours}:{minutes:02d}"


def spoken_times(text: str, lang: str) -> str:
    """Return ``text`` with its clock times as times: a range "8.00–15.00" as "8, 15" (the dash is
    silent, so a pause parts them); a lone "12.00" as "12"; a lone "17.30" only where "." is not
    the language's decimal sign (espeak-ng's Arabic voice even varies run to run on "12.00")."""
    def said_range(found: re.Match) -> str:
        start, end = spoken_time(found[1]), spoken_time(found[2])
        return f"{start}, {end}" if start and end else found[0]

    def said(found: re.Match) -> str:  # "12.00" is twelve either way: a price or the hour
        whole = re.split(r"[.:٫]", found[1])[1] == "00"
        return (dotted_is_time or whole or ":" in found[1]) and spoken_time(found[1]) or found[1]

    dotted_is_time = get_decimal_symbol(lang.replace("-", "_")) != "."
    return CLOCK_TIME.sub(said, TIME_RANGE.sub(said_range, text))


def spoken_numbers(text: str, lang: str) -> str:
    """Return ``text`` with every phone number spelled out digit by digit and clock times as times."""
    return spoken_times(PHONE.sub(lambda match: spell_digits(match.group()), text), lang)
