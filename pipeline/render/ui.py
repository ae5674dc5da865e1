"""The templates' own words and language facts: gettext catalogs of the package, Babel data."""

from __future__ import annotations

import gettext
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.extract import extract_from_dir
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, select_autoescape

from pipeline.catalog.compiled import compiled_translations
from pipeline.errors import RenderError
from pipeline.fsutil import digest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
DOMAIN = "messages"
UI_TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
# The languages Ligetil ships its own words in: one reviewed catalog each.
UI_LANGUAGES = tuple(sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")))


def po_file(lang: str) -> Path:
    """Return the package catalog of one UI language."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def translations_for(lang: str, site_po: Path | None = None) -> gettext.NullTranslations:
    """Return the site's own words in a language: the project's catalog, then Ligetil's, then English.

    ``site_po`` is the project's ``translations/<lang>/LC_MESSAGES/_site.po``; an entry
    translated there wins, anything else falls back to the package's catalog of the language,
    and where that has none (a language Ligetil does not ship), to the English msgids.
    """
    package = _package_translations(lang)
    if site_po is None or not site_po.is_file():
        return package
    return _project_translations(lang, site_po, digest(site_po.read_bytes()))


@lru_cache(maxsize=None)
def _package_translations(lang: str) -> gettext.NullTranslations:
    path = po_file(lang)
    return compiled_translations(path, lang, DOMAIN) if path.is_file() else gettext.NullTranslations()


@lru_cache(maxsize=64)
def _project_translations(lang: str, site_po: Path, content: str) -> gettext.NullTranslations:
    """Compile a project's site words once per content (``content`` is its hash)."""
    project = compiled_translations(site_po, lang, DOMAIN)
    project.add_fallback(_package_translations(lang))
    return project


def _locale(lang: str) -> Locale:
    return Locale.parse(lang.replace("-", "_"))


def endonym(lang: str) -> str:
    """Return a language's name in itself, capitalised as a menu item ("Dansk", "Türkçe")."""
    name = _locale(lang).get_display_name(_locale(lang)) or lang
    return name[:1].upper() + name[1:]


def language_name(lang: str, in_lang: str) -> str:
    """Return a language's name in another language ("Danish" in English)."""
    return _locale(lang).get_display_name(_locale(in_lang)) or lang


def language_label(lang: str, staff_lang: str) -> dict:
    """Return a page's language label: the endonym, and its name in the staff's language ("urdu")."""
    label = {"code": lang, "endonym": endonym(lang), "dir": text_direction(lang),
             "staff_lang": staff_lang, "staff_dir": text_direction(staff_lang)}
    return {**label, "staff_name": language_name(lang, staff_lang) if lang != staff_lang else ""}


def text_direction(lang: str) -> str:
    """Return "rtl" or "ltr" for a language code, from Babel's locale data."""
    return _locale(lang).text_direction


def long_date(value: date | None, lang: str) -> str:
    """Format a date in the language's long format ("1. november 2026")."""
    return format_date(value, "long", locale=_locale(lang)) if value else ""


def file_size(size: int, lang: str) -> str:
    """Format a byte count as kB or MB with the language's digits and separators."""
    if size >= 1_000_000:
        return f"{format_decimal(round(size / 1_000_000, 1), locale=_locale(lang))} MB"
    return f"{format_decimal(max(1, round(size / 1000)), locale=_locale(lang))} kB"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=select_autoescape(
        ["html", "j2", "xml"], default_for_string=True),
        extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
    env.install_null_translations(newstyle=True)
    return env


def render_environment(lang: str | None = None, site_po: str | None = None) -> Environment:
    """Return the Jinja2 environment (i18n extension), with ``lang``'s site words if given."""
    env = _environment()
    if lang is not None:
        env.install_gettext_translations(translations_for(lang, Path(site_po) if site_po else None),
                                         newstyle=True)
    return env


def render_template(name: str, context: dict) -> str:
    """Render one template in the context's language."""
    try:
        return render_environment(context["lang"], context.get("site_words")).get_template(name).render(context)
    except Exception as error:  # a template bug must name the template, not crash bare
        if isinstance(error, RenderError):
            raise
        raise RenderError(f"template {name} failed: {error}") from error


def extract_ui_messages() -> list[tuple[str, list[str]]]:
    """Return (msgid, locations) of every UI string in the templates and render code, sorted."""
    method_map = [("render/templates/**.j2", "jinja2.ext:babel_extract"), ("render/**.py", "python")]
    options = {"render/templates/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true",
                                          "lstrip_blocks": "true"}}
    found: dict[str, list[str]] = {}
    root = LOCALE_DIR.parent
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(root), method_map, options_map=options, keywords={"_": None, "gettext": None}):
        found.setdefault(message, []).append(f"pipeline/{filename}:{lineno}")
    return sorted(found.items())
