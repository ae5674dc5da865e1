"""`ligetil doctor`: what each project language needs, whether this machine has it, and the fix."""

from __future__ import annotations

import ctypes.util
import json
import shutil
from dataclasses import asdict, dataclass

import click

from pipeline.catalog.headers import plural_forms
from pipeline.commands import App
from pipeline.commands.status import site_word_rows
from pipeline.config import Settings
from pipeline.errors import LigetilError
from pipeline.render.fonts import PACKAGE_OF_SCRIPT, language_script, pdf_font, script_title, unicode_script, web_font
from pipeline.render.speech.choice import DEFAULT_ENGINE
from pipeline.render.ui import text_direction
from pipeline.translate.packages import find_route, installed_models, models_dir

# Tools the pipeline runs, the Debian package of each, and whether a build needs it.
TOOLS = (("msgcat", "gettext", True), ("msgfmt", "gettext", True), ("fc-list", "fontconfig", True),
         ("espeak-ng", "espeak-ng", True), ("ffmpeg", "ffmpeg", True),  # Listen: speech, then MP3
         ("pdftotext", "poppler-utils", False))
LIBRARIES = (("pango-1.0", "libpango-1.0-0"), ("harfbuzz-subset", "libharfbuzz-subset0"))


@dataclass(frozen=True)
class LanguageReport:
    """What one project language needs and has."""

    lang: str
    script: str
    direction: str
    plural_forms: str
    pdf_font: str
    web_font: str
    fonts_installed: bool
    site_words: str  # "23 of 23"
    machine_drafts: str  # "ready (da→en→tr)" or the command that installs the models
    voice: str  # the speech engine's voice ("da"), or "" when the language gets no audio
    speech: str  # the engine and voice ("piper da_DK-talesyntese-medium", "espeak-ng da"), or ""
    problems: tuple[str, ...]


def _route(settings: Settings, lang: str) -> str:
    """Describe the machine-draft route to ``lang``, or the command that installs it."""
    if lang == settings.source_language:
        return "source language"
    try:
        route = find_route(installed_models(models_dir()), settings.source_language, lang)
    except LigetilError as error:
        return error.message
    return "ready (" + "→".join([settings.source_language, *(m.to_code for m in route)]) + ")"


def language_report(settings: Settings, lang: str, site_words: dict[str, str]) -> LanguageReport:
    """Return what one language needs (script, fonts, rules) and what of it is missing."""
    script = language_script(lang)
    fonts = [pdf_font(lang, settings.fonts), web_font(lang, settings.fonts)]
    missing = [f.family for f in dict.fromkeys(fonts) if not f.installed]
    package = PACKAGE_OF_SCRIPT.get(unicode_script(script), "fonts-noto-core")
    name = script_title(script)
    problems = tuple(f"{lang}: {family} is not installed (for {name} script); install Debian's {package} "
                     f"or set [fonts] {script} = \"<family>\" in ligetil.toml" for family in missing)
    return LanguageReport(lang, name, text_direction(lang),
                          plural_forms(lang), fonts[0].family, fonts[1].family, not missing,
                          site_words.get(lang, "—"), _route(settings, lang), DEFAULT_ENGINE.voice(lang) or "",
                          DEFAULT_ENGINE.label(lang), problems)


def tool_problems() -> list[str]:
    """Return one line per missing system tool or library a build needs."""
    problems = [f"{tool} not found; install Debian's {package}" for tool, package, needed in TOOLS
                if needed and shutil.which(tool) is None]
    problems += [f"library {name} not found (WeasyPrint needs it); install Debian's {package}"
                 for name, package in LIBRARIES if ctypes.util.find_library(name) is None]
    return problems


def debian_packages(settings: Settings) -> list[str]:
    """Return the Debian packages the project's languages and the build need, one each, sorted."""
    needed = {package for _, package, required in TOOLS if required} | {package for _, package in LIBRARIES}
    chosen = {key for key, _, _ in settings.fonts}
    for lang in settings.all_languages:
        script = language_script(lang)
        if not {lang, script, script_title(script)} & chosen:  # a family the project chose is its own to install
            needed.add(PACKAGE_OF_SCRIPT.get(unicode_script(script), "fonts-noto-core"))
    return sorted(needed)


@click.command(short_help="Check what each language needs: script, fonts, rules, models, tools.")
@click.option("--json", "as_json", is_flag=True, help="Print the same as JSON data.")
@click.option("--packages", is_flag=True,
              help="Only print the Debian packages the project needs, one per line (scripts/setup.sh "
                   "installs them).")
@click.pass_obj
def command(app: App, as_json: bool, packages: bool) -> int:
    """For each language of the project: its script, the fonts chosen for it (and whether
    they are installed), text direction, plural rule, how many of the site's own words are
    translated, whether machine drafts can be made, and which speech engine and voice speak it
    (Piper where its voice is installed, else espeak-ng); then the system tools.

    Exit 1 when something a configured language needs is missing, with the command that
    installs it.
    """
    settings = app.settings
    if packages:
        click.echo("\n".join(debian_packages(settings)))
        return 0
    site = {r.lang: f"{r.translated} of {r.entries}" for r in site_word_rows(settings, list(settings.all_languages))}
    reports = [language_report(settings, lang, site) for lang in settings.all_languages]
    problems = [p for r in reports for p in r.problems] + tool_problems()
    if as_json:
        click.echo(json.dumps({"languages": [asdict(r) for r in reports], "problems": problems},
                              ensure_ascii=False, indent=2))
    else:
        for r in reports:
            app.out.print(f"{r.lang}: {r.script} script, {r.direction}; fonts {r.pdf_font} (PDF), {r.web_font} "
                          f"(web){'' if r.fonts_installed else ' — MISSING'}; plural {r.plural_forms.rstrip(';')}; "
                          f"site words {r.site_words}; machine drafts: {r.machine_drafts}; "
                          f"speech: {r.speech or 'none (no audio)'}", markup=False)
        if silent := [r.lang for r in reports if not r.voice]:
            app.out.print(f"no voice (no audio, no player): {', '.join(silent)}", markup=False)
        for problem in problems:
            app.err.print(problem, markup=False)
        app.out.print("doctor: " + (f"{len(problems)} problem(s)" if problems else "everything a language needs is here"),
                      markup=False)
    return 1 if problems else 0
