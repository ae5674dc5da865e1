"""What polib lets through but GNU msgfmt refuses, or what polib would silently change.

polib cuts an unterminated string, keeps a NUL byte, rewrites escapes it does not know
(``\\a`` becomes ``\\\\a``), drops ``#~|`` lines and accepts an obsolete entry that duplicates
another; each would lose or alter a translator's text on the next write. Hand-written
because msgfmt is a subprocess per file, and these checks are a line scan.
"""

from __future__ import annotations

import re

from pipeline.errors import CatalogError

# A PO string line: an optional obsolete/previous prefix, an optional keyword, then a string.
_STRING_START_RE = re.compile(r'^(?:#~\||#~|#\|)?\s*(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*(?=")')
_WHOLE_STRING_RE = re.compile(r'"((?:[^"\\]|\\.)*)"\s*')
_ESCAPE_RE = re.compile(r"\\(.)")
KEPT_ESCAPES = set('nt"\\r')  # the escapes polib reads and writes back unchanged
_PREVIOUS_OBSOLETE_RE = re.compile(r"^#~\|[ \t]?", re.M)


def check_syntax(text: str, display: str) -> None:
    """Refuse NUL bytes, unterminated strings and escapes that would not survive a save."""
    for number, line in enumerate(text.split("\n"), start=1):
        if "\x00" in line:
            raise CatalogError("not a valid PO file: a NUL byte; remove it (msgfmt refuses it, and it would cut the text)",
                               display, number)
        stripped = line.strip()
        if (len(line) - len(line.rstrip("\\"))) % 2:
            raise CatalogError("not a valid PO file: a line ending in \\ joins the next line for GNU "
                               "gettext; remove the backslash or add a character after it", display, number)
        start = _STRING_START_RE.match(stripped)
        if start is None:
            continue
        found = _WHOLE_STRING_RE.fullmatch(stripped[start.end():])
        if found is None:
            raise CatalogError('not a valid PO file: end-of-line within string: a string must end with " on its line',
                               display, number)
        for escape in _ESCAPE_RE.findall(found.group(1)):
            if escape not in KEPT_ESCAPES:
                raise CatalogError(f"unsupported escape \\{escape}: it would not survive a save; write the "
                                   "character itself, or one of \\n \\t \\r \\\" \\\\", display, number)


def with_obsolete_previous(text: str) -> str:
    """Return the text with ``#~|`` lines as ``#|``, which polib reads (it skips ``#~|``).

    The line count is unchanged, so polib's line numbers stay right, and polib writes the
    previous msgid of an obsolete entry back as ``#~|``.
    """
    return _PREVIOUS_OBSOLETE_RE.sub("#| ", text)


def check_duplicates(entries, display: str) -> None:
    """Refuse two entries with the same msgctxt and msgid, obsolete or not, as msgfmt does."""
    seen: dict[tuple[str | None, str], int | None] = {}
    for entry in entries:
        key = (entry.msgctxt, entry.msgid)
        if key in seen and entry.msgid != "":
            first = seen[key]
            where = f" (first at line {first})" if first else ""
            raise CatalogError(f"not a valid PO file: duplicate message definition{where}: msgid {entry.msgid[:40]!r}; "
                               "delete one of them, keeping the translation you want", display, entry.linenum)
        seen.setdefault(key, entry.linenum)
