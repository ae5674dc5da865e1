"""Run the registered checks over a guide or a catalog and turn findings into Issues."""

from __future__ import annotations

from typing import Iterable, Iterator, get_args

from babel import UnknownLocaleError
from babel.messages.plurals import get_plural

from pipeline.catalog.entries import Catalog, EntryView, declared_nplurals, entry_views
from pipeline.catalog.glossary import Glossary
from pipeline.config import SETTINGS_FILE, Settings
from pipeline.errors import LigetilError
from pipeline.model import Guide, Issue, Segment, Severity, SourceLocation
from pipeline.qa import (control_checks, glossary_checks, project_checks, settings_checks,  # noqa: F401  (registers)
                         source_checks, translation_checks)
from pipeline.qa.project_checks import CatalogHeader
from pipeline.qa.registry import REGISTRY, Check, check, checks_for, ignored_codes, is_enabled, severity_of
from pipeline.qa.translation_checks import CatalogContext

DRAFT_PREFIX = "draft: "
SEVERITIES = frozenset(get_args(Severity))


@check("invalid-file", "error", "file")
def invalid_file(error: LigetilError) -> Iterator[str]:
    """Report a guide or catalog that cannot be read or parsed, such as a guide with raw HTML."""
    yield error.message


def check_source(guide: Guide, segments: list[Segment], settings: Settings) -> list[Issue]:
    """Run every enabled source check on one guide.

    Args:
        guide: the parsed guide.
        segments: its segments, as ``segment(guide)`` returns them.
        settings: the project settings (disabled codes, severities, thresholds).

    Returns:
        The findings, sorted by line and code.
    """
    found = []
    for item in checks_for("source", settings):
        for finding in item.func(guide, segments, settings):
            found.append(Issue(SourceLocation(guide.path, finding.line), item.code,
                               severity_of(item.code, settings), finding.message,
                               lang=settings.source_language, guide=guide.slug, msgid=finding.msgid))
    return sorted(found, key=lambda i: (i.location.line or 0, i.code, i.message))


def catalog_context(po: Catalog, lang: str, settings: Settings, glossary: Glossary | None = None) -> CatalogContext:
    """Return what the checks need to know about a catalog."""
    terms = glossary.agreed_terms(lang) if glossary else ()
    display = glossary.display if glossary else ""
    return CatalogContext(lang, settings.source_language, plural_count(po, lang), settings.protected_terms,
                          terms, display)


def plural_count(po: Catalog, lang: str) -> int:
    """Return the catalog's number of plural forms: its header's, else Babel's for the language.

    The header wins because tools and versions disagree for some languages (Babel before 2.19
    gave Turkish one form, later two) and the catalog's own expression is what gettext evaluates.
    """
    declared = declared_nplurals(po)
    if declared:
        return declared
    try:
        return get_plural(lang.replace("-", "_")).num_plurals
    except (ValueError, UnknownLocaleError):
        return 2


def entry_findings(entry: EntryView, ctx: CatalogContext, settings: Settings,
                   skipped: frozenset[str] = frozenset()) -> Iterator[tuple[Check, str]]:
    """Yield (check, message) for one entry from every check but ``skipped``, honouring
    ``ligetil-ignore:<code>`` flags and comments."""
    silenced = ignored_codes(entry.flags, entry.comment) | skipped
    for item in checks_for("entry", settings):
        if item.code not in silenced:
            yield from ((item, message) for message in item.func(entry, ctx))
    for item in checks_for("pair", settings):
        if item.code in silenced:
            continue
        seen: set[str] = set()
        for source, target in entry.pairs():
            for message in item.func(source, target, ctx):
                if message not in seen:
                    seen.add(message)
                    yield item, message


def check_catalog(po: Catalog, lang: str, guide_slug: str | None, display_path: str,
                  settings: Settings, glossary: Glossary | None = None,
                  severities: frozenset[str] = SEVERITIES) -> list[Issue]:
    """Run every enabled translation check on one catalog's translated and draft entries.

    Args:
        po: the catalog, as ``read_catalog`` returns it.
        lang: the catalog's language code.
        guide_slug: the guide the catalog belongs to, for the findings.
        display_path: the catalog's path relative to the project root, for the findings.
        settings: the project settings.
        glossary: the project's agreed terms, for ``glossary-term`` (not checked when None).
        severities: run only the checks of these severities (after ``[check] severity``).

    Returns:
        The findings in file order; a draft's message starts with "draft: ".
    """
    ctx = catalog_context(po, lang, settings, glossary)
    skipped = frozenset(code for code in REGISTRY if severity_of(code, settings) not in severities)
    found = []
    for entry in entry_views(po):
        if not entry.translated:
            continue
        prefix = DRAFT_PREFIX if entry.fuzzy else ""
        for item, message in entry_findings(entry, ctx, settings, skipped):
            found.append(Issue(SourceLocation(display_path, entry.line), item.code,
                               severity_of(item.code, settings), prefix + message,
                               lang=lang, guide=guide_slug, msgid=entry.msgid))
    return found


def check_project(headers: list[CatalogHeader], settings: Settings, only_guides: set[str]) -> list[Issue]:
    """Run every enabled project check over the catalogs' headers; report on ``only_guides``."""
    found = []
    for item in checks_for("project", settings):
        for header, message in item.func(headers):
            if header.guide in only_guides:
                found.append(Issue(SourceLocation(header.display, header.line), item.code,
                                   severity_of(item.code, settings), message, lang=header.lang,
                                   guide=header.guide))
    return found


def check_settings(settings: Settings) -> list[Issue]:
    """Run every enabled settings check; a finding points at its key's line in ligetil.toml."""
    path = settings.root / SETTINGS_FILE
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []

    def line_of(key: str) -> int | None:
        return next((n for n, text in enumerate(lines, 1) if text.split("=")[0].strip() == key), None)

    return [Issue(SourceLocation(SETTINGS_FILE, line_of(key)), item.code, severity_of(item.code, settings), message)
            for item in checks_for("settings", settings) for key, message in item.func(settings)]


def erroneous_msgids(po: Catalog, lang: str, settings: Settings, glossary: Glossary | None = None) -> set[str]:
    """Return the msgids of entries with an error finding; the build treats them as untranslated."""
    return {i.msgid for i in check_catalog(po, lang, None, "", settings, glossary, frozenset({"error"}))
            if i.msgid is not None}  # the warnings' checks are not run: most of QA's time, no decision


def file_issue(error: LigetilError, settings: Settings, lang: str | None = None,
               guide: str | None = None) -> list[Issue]:
    """Turn an error reading a file into an ``invalid-file`` finding (unless disabled)."""
    if not is_enabled("invalid-file", settings):
        return []
    location = SourceLocation(error.path or "?", error.line)
    return [Issue(location, "invalid-file", severity_of("invalid-file", settings), error.message,
                  lang=lang, guide=guide)]


def count(issues: Iterable[Issue]) -> dict[str, int]:
    """Return the number of findings per severity."""
    totals = {"error": 0, "warning": 0, "info": 0}
    for issue in issues:
        totals[issue.severity] += 1
    return totals
