"""Typed, frozen settings from ``ligetil.toml``; every problem is reported at once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from fontTools import unicodedata as unicode_scripts

from pipeline.errors import ConfigError

SETTINGS_FILE = "ligetil.toml"
OUTPUT_FOLDER = "output"  # built pages and PDFs: never committed (ligetil init writes .gitignore)


@dataclass(frozen=True)
class CheckSettings:
    """How ``ligetil check`` treats each code: off, or another severity."""

    disabled: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    lix_max: int = 40  # why 40: pipeline/qa/lix.py
    max_sentence_words: int = 25


@dataclass(frozen=True)
class Settings:
    """The project's settings; paths are absolute."""

    root: Path
    name: str
    source_language: str
    languages: tuple[str, ...]
    base_url: str
    min_reviewed: float = 0.8
    protected_terms: tuple[str, ...] = ()
    checks: CheckSettings = field(default_factory=CheckSettings)
    fonts: tuple[tuple[str, str, str], ...] = ()  # [fonts]: (language or script, web family, PDF family)
    accessibility_statement: str = ""  # [site]: the statement's URL, linked from every page and PDF; "" unset
    format_requests: str = ""  # [site]: where a citizen asks for another format (mailto:, tel: or https:);
    # "" asks the guide's own contact
    memories: tuple[Path, ...] = ()  # [memory] files: other projects' TMX files update pre-translates from

    @property
    def content_dir(self) -> Path:
        """Return the folder of source guides."""
        return self.root / "content"

    @property
    def translations_dir(self) -> Path:
        """Return the folder of POT and PO files."""
        return self.root / "translations"

    @property
    def output_dir(self) -> Path:
        """Return the folder of built pages and PDFs."""
        return self.root / OUTPUT_FOLDER

    @property
    def all_languages(self) -> tuple[str, ...]:
        """Return the source language followed by the target languages."""
        return (self.source_language, *self.languages)

    def relative(self, path: Path) -> str:
        """Return a path relative to the project root, as users see it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


def is_known_language(code: str) -> bool:
    """Tell whether Babel's locale data knows a gettext/BCP 47 language code."""
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


class _Collector:
    """Gather problems as ``ligetil.toml: key.path: message`` lines."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[str] = []

    def add(self, key: str, message: str) -> None:
        self.problems.append(f"{self.source}: {key}: {message}")


def _string(data: dict, key: str, where: str, found: _Collector, default: str | None = None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str) or not value.strip():
        found.add(f"{where}.{key}", f"must be a non-empty string, got {value!r}")
        return default or ""
    return value


def _languages(data: dict, found: _Collector) -> tuple[str, ...]:
    value = data.get("languages", [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        found.add("project.languages", f"must be a list of language codes, got {value!r}")
        return ()
    for index, code in enumerate(value):
        if not is_known_language(code):
            alias = get_global("language_aliases").get(code)
            hint = f" (Babel knows it as {alias!r})" if alias and is_known_language(alias) else ""
            found.add(f"project.languages[{index}]", f"unknown language code {code!r}{hint}")
    if len(set(value)) != len(value):
        found.add("project.languages", "lists a language twice")
    return tuple(value)


def _min_reviewed(data: dict, found: _Collector) -> float:
    value = data.get("min_reviewed", 0.8)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        found.add("publish.min_reviewed", f"must be a number from 0 to 1, got {value!r}")
        return 0.8
    return float(value)


def _string_list(data: dict, key: str, where: str, found: _Collector) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        found.add(f"{where}.{key}", f"must be a list of strings, got {value!r}")
        return ()
    return tuple(value)


def _checks(data: dict, found: _Collector) -> CheckSettings:
    disabled = _string_list(data, "disable", "check", found)
    severity = data.get("severity", {})
    if not isinstance(severity, dict) or not all(
        v in ("error", "warning", "info") for v in severity.values()
    ):
        found.add("check.severity", "must map check codes to error, warning or info")
        severity = {}
    numbers = {}
    for key, default in (("lix_max", CheckSettings.lix_max), ("max_sentence_words", 25)):
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            found.add(f"check.{key}", f"must be a positive integer, got {value!r}")
            value = default
        numbers[key] = value
    return CheckSettings(disabled, dict(severity), **numbers)


BABEL_SCRIPTS = {"Hans": "Hani", "Hant": "Hani", "Jpan": "Hani", "Kore": "Hang"}  # Babel's names of Han writings


def _script_code(key: str) -> str | None:
    """Return the ISO 15924 code a [fonts] key names, by code ("Arab", "Hans") or name ("Arabic")."""
    if key.title() in BABEL_SCRIPTS or unicode_scripts.script_name(key.title(), default=""):
        return key.title()
    return unicode_scripts.script_code(key, default="") or None


def _fonts(data: dict, found: _Collector) -> tuple[tuple[str, str, str], ...]:
    """Read [fonts]: ``fa = "Vazirmatn"``, ``Arab = "Noto Sans Arabic"`` or ``ur = {web = …, pdf = …}``."""
    chosen = []
    for key, value in sorted(data.items()):
        script = None if is_known_language(key) else _script_code(key)
        if not is_known_language(key) and script is None:
            found.add(f"fonts.{key}", "is neither a language code (fa) nor a script (Arab, Arabic)")
            continue
        key = script or key  # one form for a script: its code
        if isinstance(value, str) and value.strip():
            chosen.append((key, value.strip(), value.strip()))
        elif isinstance(value, dict) and set(value) <= {"web", "pdf"} and value and all(
                isinstance(v, str) and v.strip() for v in value.values()):
            web = value.get("web", value.get("pdf")).strip()
            chosen.append((key, web, value.get("pdf", web).strip()))
        else:
            found.add(f"fonts.{key}", f'must be a font family ("Noto Sans Arabic") or {{web = "…", pdf = "…"}}, '
                      f"got {value!r}")
    return tuple(chosen)


REQUEST_SCHEMES = ("mailto:", "tel:", "https://", "http://")
TEL = re.compile(r"tel:\+?[0-9][0-9.()-]*")  # RFC 3966 visual separators, no spaces


def _request_address(data: dict, key: str, where: str, found: _Collector) -> str:
    """Read an optional address a citizen can use: a mailto:, tel: or http(s) URL; "" when absent."""
    if key not in data:
        return ""
    value = _string(data, key, where, found)
    if value and (not value.startswith(REQUEST_SCHEMES) or value in REQUEST_SCHEMES):
        found.add(f"{where}.{key}", f"must be a mailto:, tel: or https:// address, got {value!r}")
        return ""
    if value and (re.search(r"\s", value) or (value.startswith("tel:") and not TEL.fullmatch(value))):
        found.add(f"{where}.{key}", f"must be one address with no spaces (a tel: only digits, "
                                    f"+, - and .), got {value!r}")
        return ""
    return value


def _web_address(data: dict, key: str, where: str, found: _Collector) -> str:
    """Read an optional http(s) URL; "" when the key is absent."""
    if key not in data:
        return ""
    value = _string(data, key, where, found)
    if value and not value.startswith(("http://", "https://")):
        found.add(f"{where}.{key}", f"must start with http:// or https://, got {value!r}")
        return ""
    return value


KNOWN_SECTIONS = {"project", "publish", "translate", "check", "fonts", "site", "memory"}


def _memories(data: dict, root: Path, found: _Collector) -> tuple[Path, ...]:
    """Read [memory] files: TMX paths, relative to the project folder."""
    files = _string_list(data, "files", "memory", found)
    for index, name in enumerate(files):
        if not name.lower().endswith(".tmx"):
            found.add(f"memory.files[{index}]", f"must be a .tmx file, got {name!r}")
    for key in sorted(set(data) - {"files"}):
        found.add(f"memory.{key}", "unknown key (memory has: files)")
    return tuple(root / name for name in files)


def parse_settings(text: str, root: Path, source: str = SETTINGS_FILE) -> Settings:
    """Validate settings text; raise one ConfigError listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML: {error}", source) from None
    found = _Collector(source)
    for section in sorted(set(data) - KNOWN_SECTIONS):
        found.add(section, "unknown section")
    sections = {name: data.get(name, {}) for name in KNOWN_SECTIONS}
    for name, value in sections.items():
        if not isinstance(value, dict):
            found.add(name, "must be a table")
            sections[name] = {}
    project = sections["project"]
    name = _string(project, "name", "project", found)
    source_language = _string(project, "source_language", "project", found, "da")
    if source_language and not is_known_language(source_language):
        found.add("project.source_language", f"unknown language code {source_language!r}")
    languages = _languages(project, found)
    if source_language in languages:
        found.add("project.languages", f"must not contain the source language {source_language!r}")
    base_url = _string(project, "base_url", "project", found, "https://example.org/")
    if base_url and not base_url.startswith(("http://", "https://")):
        found.add("project.base_url", f"must start with http:// or https://, got {base_url!r}")
    settings = Settings(
        root=root,
        name=name,
        source_language=source_language,
        languages=languages,
        base_url=base_url if base_url.endswith("/") else base_url + "/",
        min_reviewed=_min_reviewed(sections["publish"], found),
        protected_terms=_string_list(sections["translate"], "protected_terms", "translate", found),
        checks=_checks(sections["check"], found),
        fonts=_fonts(sections["fonts"], found),
        accessibility_statement=_web_address(sections["site"], "accessibility_statement", "site", found),
        format_requests=_request_address(sections["site"], "format_requests", "site", found),
        memories=_memories(sections["memory"], root, found),
    )
    if found.problems:
        raise ConfigError("\n".join(found.problems))
    return settings


def find_root(start: Path) -> Path:
    """Return the nearest folder at or above ``start`` holding ``ligetil.toml``."""
    for folder in (start, *start.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
    raise ConfigError(f"no {SETTINGS_FILE} here or in any parent folder of {start}; run `ligetil init DIR`")


def load_settings(start: Path) -> Settings:
    """Find and read the project's settings."""
    root = find_root(start.resolve())
    path = root / SETTINGS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"not UTF-8 (byte {error.start})", SETTINGS_FILE) from None
    return parse_settings(text, root)


def settings_digest(settings: Settings) -> dict[str, Any]:
    """Return the settings that affect built output, for dependency hashing."""
    return {
        "name": settings.name,
        "source_language": settings.source_language,
        "languages": list(settings.languages),
        "base_url": settings.base_url,
        "min_reviewed": settings.min_reviewed,
        "fonts": [list(choice) for choice in settings.fonts],
        "accessibility_statement": settings.accessibility_statement,
        "format_requests": settings.format_requests,
    }
