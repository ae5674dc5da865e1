"""`ligetil check`: lint the Danish source and check every translation."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import click

from pipeline.catalog.glossary import Glossary
from pipeline.catalog.pofile import header_field_line, read_catalog
from pipeline.commands import App
from pipeline.config import Settings
from pipeline.errors import CatalogError, SourceError
from pipeline.model import Issue
from pipeline.paths import guide_paths, po_path
from pipeline.project import chosen_guide_paths, chosen_languages, project_glossary
from pipeline.qa import (REGISTRY, CatalogHeader, check_catalog, check_project, check_settings, check_source, count,
                         file_issue, validate_check_settings)
from pipeline.source.reader import read_guide
from pipeline.source.segment import segment


@dataclass
class Report:
    """Everything one run of ``check`` found."""

    issues: list[Issue] = field(default_factory=list)
    guides: int = 0
    catalogs: int = 0
    headers: list[CatalogHeader] = field(default_factory=list)
    glossary: Glossary | None = None


def _source(path, settings: Settings, report: Report) -> None:
    """Read, segment and lint one guide, recording a broken file as a finding."""
    try:
        guide = read_guide(path, settings)
        report.issues += check_source(guide, segment(guide), settings)
    except SourceError as error:
        report.issues += file_issue(error, settings, settings.source_language, path.stem)


def _catalog(slug: str, lang: str, settings: Settings, report: Report) -> None:
    """Check one catalog if it exists; a guide not yet translated is not a finding."""
    path = po_path(settings, lang, slug)
    if not path.is_file():
        return
    display = settings.relative(path)
    report.catalogs += 1
    try:
        po = read_catalog(path, display)
    except CatalogError as error:
        report.issues += file_issue(error, settings, lang, slug)
        return
    report.issues += check_catalog(po, lang, slug, display, settings, report.glossary)
    report.headers.append(_header(po.metadata.get("Plural-Forms", ""), path, lang, slug, display))


def _header(rule: str, path, lang: str, slug: str, display: str) -> CatalogHeader:
    """Return the header facts the project checks compare."""
    return CatalogHeader(lang, slug, display, rule, header_field_line(path, "Plural-Forms") if rule else None)


def _other_headers(settings: Settings, languages: tuple[str, ...], checked: set[str]) -> list[CatalogHeader]:
    """Read the headers of the catalogs ``--guide`` left out, to compare the checked ones with."""
    found = []
    for path in guide_paths(settings):
        for lang in languages:
            po_file = po_path(settings, lang, path.stem)
            if path.stem in checked or not po_file.is_file():
                continue
            display = settings.relative(po_file)
            try:
                po = read_catalog(po_file, display)
            except CatalogError:
                continue  # reported when that guide is checked
            found.append(_header(po.metadata.get("Plural-Forms", ""), po_file, lang, path.stem, display))
    return found


def _glossary(settings: Settings, report: Report) -> None:
    """Read the glossary once; a malformed one is a finding and its terms are not checked."""
    try:
        report.glossary = project_glossary(settings)
    except CatalogError as error:
        report.issues += file_issue(error, settings)


def _languages(settings: Settings, lang: str | None) -> tuple[bool, tuple[str, ...]]:
    """Return (check the source?, target languages) for ``--lang``."""
    chosen = chosen_languages(settings, lang, source=True)
    with_source = lang is None or lang == settings.source_language
    return with_source, tuple(code for code in chosen if code != settings.source_language)


def run_checks(settings: Settings, lang: str | None = None, guide: str | None = None) -> Report:
    """Check the chosen guides and catalogs and gather every finding."""
    validate_check_settings(settings)
    with_source, languages = _languages(settings, lang)
    paths = chosen_guide_paths(settings, guide)
    report = Report(guides=len(paths))
    if languages:
        _glossary(settings, report)
    for path in paths:
        if with_source:
            _source(path, settings, report)
        for code in languages:
            _catalog(path.stem, code, settings, report)
    others = _other_headers(settings, languages, {p.stem for p in paths}) if guide else []
    report.issues += check_settings(settings)
    report.issues += check_project([h for h in report.headers if h.plural_forms] +
                                   [h for h in others if h.plural_forms], settings,
                                   only_guides={p.stem for p in paths})
    return report


def as_data(issue: Issue) -> dict:
    """Return one finding as JSON-ready data."""
    return {"path": issue.location.path, "line": issue.location.line, "code": issue.code,
            "severity": issue.severity, "message": issue.message, "lang": issue.lang,
            "guide": issue.guide, "msgid": issue.msgid}


def summary(report: Report) -> str:
    """Return the one-line summary of a run."""
    totals = count(report.issues)
    found = ", ".join(f"{n} info" if kind == "info" else _plural(n, kind) for kind, n in totals.items())
    return (f"{found} in {_plural(report.guides, 'guide')} and "
            f"{_plural(report.catalogs, 'catalog')}")


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def exit_code(report: Report, strict: bool) -> int:
    """Return 1 when an error (or, with ``--strict``, a warning) was found."""
    totals = count(report.issues)
    return 1 if totals["error"] or (strict and totals["warning"]) else 0


@click.command("check")
@click.option("--lang", "lang", metavar="L", help="Check only this language (the source language: only the source).")
@click.option("--guide", "guide", metavar="G", help="Check only this guide (its slug).")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--list", "list_checks", is_flag=True, help="List the checks: code, severity, what it finds.")
@click.pass_obj
def command(app: App, lang: str | None, guide: str | None, as_json: bool, strict: bool,
            list_checks: bool) -> None:
    """Lint the Danish source and check every translation; exit 1 when an error is found.

    Silence a check in ligetil.toml (`[check] disable = ["identical"]`, `severity =
    {number-changed = "error"}`) or for one PO entry (`#, ligetil-ignore:number-changed`).
    """
    if list_checks:
        for item in sorted(REGISTRY.values(), key=lambda c: (c.scope != "source", c.code)):
            app.out.print(f"{item.code:<16} {item.severity:<8} {item.summary}", markup=False, emoji=False)
        return
    report = run_checks(app.settings, lang, guide)
    issues = sorted(report.issues, key=lambda i: (i.location.path, i.location.line or 0, i.code))
    if as_json:
        click.echo(json.dumps([as_data(i) for i in issues], ensure_ascii=False, indent=2))
        app.err.print(summary(report), markup=False, emoji=False)
    else:
        for issue in issues:
            app.out.print(str(issue), markup=False, emoji=False)
        app.out.print(summary(report), markup=False, emoji=False)
    raise click.exceptions.Exit(exit_code(report, strict))
