"""Read the project's glossary, ``translations/glossary.csv``: agreed terms per language.

The file is CSV in UTF-8 (a spreadsheet's "CSV UTF-8" export). The first row names the
columns: the source language's code first (``da``), then one column per target language
(``en``, ``tr``, …), and an optional ``note`` column. Each further row is one source term
and its agreed translation in each language:

- an empty cell: no agreed term in that language (nothing is checked);
- the source term itself (``MitID`` → ``MitID``): the term is not translated in that
  language; machine drafts keep it as it is;
- ``note``: what translators should know; it goes into the TBX export.

Blank lines and lines starting with ``#`` are skipped.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import CatalogError

NOTE_COLUMN = "note"
HEADER_HELP = "the first row names the columns: the source language first (da), then languages, then note"


@dataclass(frozen=True)
class Term:
    """One source term with its agreed translations."""

    source: str
    translations: dict[str, str] = field(default_factory=dict)  # lang -> agreed term ("" = none)
    note: str = ""
    line: int | None = None  # the row's line in the glossary file

    def agreed(self, lang: str) -> str:
        """Return the agreed term in a language, or ""."""
        return self.translations.get(lang, "")

    def kept_in(self, lang: str) -> bool:
        """Tell whether the term stays as it is in a language (a name, not translated)."""
        return self.agreed(lang) == self.source


@dataclass(frozen=True)
class Glossary:
    """The project's agreed terms; empty when the project has no glossary."""

    source_language: str
    languages: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    display: str = "translations/glossary.csv"

    def agreed_terms(self, lang: str) -> tuple[Term, ...]:
        """Return the terms with an agreed translation in a language."""
        return tuple(t for t in self.terms if t.agreed(lang))

    def kept_terms(self, lang: str) -> tuple[str, ...]:
        """Return the source terms that are not translated in a language."""
        return tuple(t.source for t in self.terms if t.kept_in(lang))


def header_row(source_language: str, languages: tuple[str, ...]) -> str:
    """Return the first line of an empty glossary for a project."""
    return ",".join([source_language, *languages, NOTE_COLUMN]) + "\n"


def parse_glossary(text: str, display: str, source_language: str) -> Glossary:
    """Parse glossary CSV, raising CatalogError at ``path:line`` for a malformed row."""
    rows = _rows(text, display)
    if not rows:
        return Glossary(source_language, display=display)
    line, header = rows[0]
    columns = _columns(header, display, line, source_language)
    languages = tuple(c for c in columns[1:] if c != NOTE_COLUMN)
    terms: list[Term] = []
    seen: dict[str, int | None] = {}
    for line, cells in rows[1:]:
        term = _term(cells, columns, display, line)
        if term.source.casefold() in seen:
            raise CatalogError(f"{term.source!r} is already a term on line {seen[term.source.casefold()]}",
                               display, line)
        seen[term.source.casefold()] = line
        terms.append(term)
    return Glossary(source_language, languages, tuple(terms), display)


def read_glossary(path: Path, display: str, source_language: str) -> Glossary:
    """Read the glossary file; a project without one has an empty glossary."""
    if not path.is_file():
        return Glossary(source_language, display=display)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")  # spreadsheets write a byte order mark
    except UnicodeDecodeError as error:
        raise CatalogError("not UTF-8; save the glossary as CSV UTF-8", display,
                           data[: error.start].count(b"\n") + 1) from None
    return parse_glossary(text, display, source_language)


def _rows(text: str, display: str) -> list[tuple[int, list[str]]]:
    """Return (first line, cells) of each row that is not blank or a # comment."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    found = []
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells) and not cells[0].lstrip().startswith("#"):
                found.append((start, [c.strip() for c in cells]))
            start = reader.line_num + 1
    except csv.Error as error:
        raise CatalogError(f"not valid CSV: {error}", display, start) from None
    return found


def _columns(header: list[str], display: str, line: int, source_language: str) -> list[str]:
    """Check the header row: the source language first, no column twice, none unnamed."""
    if not header or header[0] != source_language:
        raise CatalogError(f"the first column must be the source language {source_language!r}, "
                           f"found {header[0] if header else ''!r}; {HEADER_HELP}", display, line)
    for index, name in enumerate(header):
        if not name:
            raise CatalogError(f"column {index + 1} has no name; {HEADER_HELP}", display, line)
        if name in header[:index]:
            raise CatalogError(f"column {name!r} appears twice", display, line)
    return header


def _term(cells: list[str], columns: list[str], display: str, line: int) -> Term:
    """Turn one row into a Term, refusing a wrong number of cells or an empty source term."""
    if len(cells) != len(columns):  # a missing or extra comma would shift every later language
        raise CatalogError(f"{len(cells)} cells, but the first row names {len(columns)} columns "
                           "(a comma inside a term needs quotes: \"a, b\")", display, line)
    values = dict(zip(columns, cells))
    source = values.pop(columns[0])
    if not source:
        raise CatalogError(f"the {columns[0]!r} cell (the source term) is empty", display, line)
    note = values.pop(NOTE_COLUMN, "")
    return Term(source, values, note, line)
