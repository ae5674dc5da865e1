"""Read and write PO/POT files, formatted exactly as GNU gettext's msgcat does."""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polib

from pipeline.catalog.syntax import check_duplicates, check_syntax, with_obsolete_previous
from pipeline.errors import CatalogError

WRAP_WIDTH = 79  # GNU gettext's default, so editors and msgcat cause no churn
_POLIB_LINE_RE = re.compile(r"\(line (\d+)\)")
_PLURAL_FORMS_RE = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*[^;]+;?\s*$")


def parse_catalog(text: str, display: str) -> polib.POFile:
    """Parse PO text, raising CatalogError with the line of the first problem."""
    check_syntax(text, display)
    try:
        po = polib.pofile(with_obsolete_previous(text), wrapwidth=WRAP_WIDTH)
    except (OSError, ValueError) as error:
        found = _POLIB_LINE_RE.search(str(error))
        message = re.sub(r"\s*\S*\(line \d+\)", "", str(error)).strip() or "cannot parse"
        raise CatalogError(f"not a valid PO file: {message}", display,
                           int(found.group(1)) if found else None) from None
    check_duplicates(po, display)
    _check_header(po, text, display)
    _check_plurals(po, display)
    return po


def _check_plurals(po: polib.POFile, display: str) -> None:
    """Refuse entries whose number of plural forms contradicts the header."""
    expected = nplurals(po)
    for entry in po:
        forms = entry.msgstr_plural
        if entry.msgid_plural and not entry.obsolete and sorted(forms) != list(range(expected)):
            raise CatalogError(f"entry has {len(forms)} plural forms, the header says "
                               f"nplurals={expected}", display, entry.linenum)


def _check_header(po: polib.POFile, text: str, display: str) -> None:
    plural_forms = po.metadata.get("Plural-Forms")
    if plural_forms is not None and not _PLURAL_FORMS_RE.match(plural_forms):
        raise CatalogError(f"broken Plural-Forms header: {plural_forms!r}", display,
                           _line_of(text, "Plural-Forms"))
    content_type = po.metadata.get("Content-Type", "text/plain; charset=UTF-8")
    if "charset=utf-8" not in content_type.lower().replace(" ", ""):
        raise CatalogError(f"catalogs must declare charset=UTF-8, found {content_type!r}", display,
                           _line_of(text, "Content-Type"))


def _line_of(text: str, needle: str) -> int | None:
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number
    return None


def header_field_line(path: Path, field: str) -> int | None:
    """Return the line of a header field (``Plural-Forms``) in a catalog file, for messages."""
    try:
        return _line_of(path.read_text(encoding="utf-8", errors="replace"), f'"{field}:')
    except OSError:
        return None


def unwritable_char(text: str) -> str:
    """Return the first character of ``text`` a catalog cannot carry ("" when there is none).

    msgcat cuts a text at U+0000 and writes other controls as escapes the reader refuses;
    U+0085, U+2028 and U+2029 are line breaks to the reader, so they would break the file.
    """
    return next((char for char in text if char in "\u2028\u2029"
                 or (unicodedata.category(char) == "Cc" and char not in "\t\n\r")), "")


def nplurals(po: polib.POFile) -> int:
    """Return the number of plural forms the header declares (2 when absent)."""
    found = _PLURAL_FORMS_RE.match(po.metadata.get("Plural-Forms", "nplurals=2; plural=n != 1;"))
    return int(found.group(1)) if found else 2


def decode_catalog(data: bytes, display: str) -> str:
    """Decode a catalog's bytes as UTF-8, naming the line of a bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CatalogError("not UTF-8; save the catalog as UTF-8", display, line) from None


def read_catalog(path: Path, display: str) -> polib.POFile:
    """Read a PO/POT file from disk."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CatalogError(f"cannot read: {error.strerror}", display) from None
    return parse_catalog(decode_catalog(data, display), display)


GETTEXT_FLAG_RE = re.compile(r"^(fuzzy|(no-)?[a-z0-9+-]+-format|no-wrap|wrap|range: .*)$")
_KEPT_FLAGS = "ligetil-kept-flags: "


def format_catalog(po: polib.POFile, display: str = "catalog", printed: str | None = None) -> str:
    """Return the catalog as msgcat would write it (wrapping, escapes, line breaks).

    msgcat drops flags it does not know (such as ``ligetil-ignore:CODE``); they are
    carried through it in a marked comment and put back on the entry's ``#,`` line.
    ``printed`` is ``str(po)`` when the caller has it already (a large catalog takes seconds).
    """
    if po.wrapwidth != WRAP_WIDTH or "Content-Type" not in po.metadata:
        po.wrapwidth = WRAP_WIDTH
        po.metadata.setdefault("Content-Type", "text/plain; charset=UTF-8")  # msgcat needs it
        printed = None
    return _restore_flags(msgcat(_stash_flags(po, printed) + "\n", display))


def _stash_flags(po: polib.POFile, printed: str | None = None) -> str:
    if not any(not GETTEXT_FLAG_RE.match(f) for e in po for f in e.flags):
        return str(po) if printed is None else printed
    stashed = copy.deepcopy(po)
    for entry in stashed:
        own = [f for f in entry.flags if not GETTEXT_FLAG_RE.match(f)]
        if own:  # one flag a line: msgcat wraps a long comment line, and would cut a flag
            entry.flags = [f for f in entry.flags if GETTEXT_FLAG_RE.match(f)]
            entry.tcomment = "\n".join(filter(None, [entry.tcomment, *(_KEPT_FLAGS + f for f in own)]))
    return str(stashed)


def _restore_flags(text: str) -> str:
    out: list[str] = []
    pending = ""
    for line in text.split("\n"):
        if line.startswith("# " + _KEPT_FLAGS):
            kept = line[len("# " + _KEPT_FLAGS):]
            pending = f"{pending}, {kept}" if pending else kept
            continue
        if pending and line.startswith("#,"):
            line, pending = f"{line}, {pending}", ""
        elif pending and line.startswith(("#|", "#~", "msgctxt", "msgid")):
            out.append(f"#, {pending}")
            pending = ""
        out.append(line)
    return "\n".join(out)


def msgcat(text: str, display: str = "catalog") -> str:
    """Normalise PO text with GNU msgcat.

    No Python library reproduces gettext's line breaking (measured: Translate Toolkit 3.20
    differs inside URLs and on ``#|`` lines), and translators' tools follow gettext.
    """
    binary = shutil.which("msgcat")
    if binary is None:
        raise CatalogError("GNU gettext's msgcat is not installed (Debian: apt-get install gettext)")
    with tempfile.NamedTemporaryFile("w", suffix=".po", encoding="utf-8", delete=False) as temp:
        temp.write(text)
    try:
        done = subprocess.run([binary, "--use-first", "-o", "-", temp.name],
                              capture_output=True, text=True, encoding="utf-8", check=False)
    finally:
        Path(temp.name).unlink(missing_ok=True)
    if done.returncode != 0:
        problem = done.stderr.strip().splitlines()[0] if done.stderr.strip() else "no reason given"
        problem = problem.replace(temp.name, display)
        raise CatalogError(f"GNU msgcat refuses this catalog as ligetil would write it ({problem}); "
                           "nothing was written", display)
    return done.stdout


def format_catalogs(catalogs: dict[Path, polib.POFile], displays: dict[Path, str],
                    printed: dict[Path, str] | None = None) -> dict[Path, str]:
    """Format many catalogs at once (msgcat runs in parallel); any refusal raises before a write.

    ``printed``: each catalog's ``str()``, where the caller made it already.
    """
    printed = printed or {}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        texts = list(pool.map(format_catalog, catalogs.values(), [displays[p] for p in catalogs],
                              [printed.get(p) for p in catalogs]))
    return dict(zip(catalogs, texts))
