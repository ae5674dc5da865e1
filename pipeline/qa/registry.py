"""The registry of checks: each a small function with a stable code and a default severity."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Literal, NamedTuple

from pipeline.config import Settings
from pipeline.errors import ConfigError
from pipeline.model import Severity

Scope = Literal["source", "pair", "entry", "file", "project", "settings"]
IGNORE_FLAG = "ligetil-ignore:"
# What keeps a page safe and readable; a PO flag never turns these off.
SAFETY_CODES = frozenset({"raw-html", "unsafe-link", "attribute-list", "bidi-control", "control-character"})


@dataclass(frozen=True)
class Check:
    """One registered check."""

    code: str
    severity: Severity
    scope: Scope
    func: Callable
    summary: str


class Finding(NamedTuple):
    """What a source check yields: a message and where, before code and severity are added."""

    message: str
    line: int | None = None
    msgid: str | None = None


REGISTRY: dict[str, Check] = {}


def check(code: str, severity: Severity, scope: Scope) -> Callable[[Callable], Callable]:
    """Register the decorated function as the check ``code``."""

    def register(func: Callable) -> Callable:
        if code in REGISTRY:
            raise ValueError(f"check code {code!r} registered twice")
        summary = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else code
        REGISTRY[code] = Check(code, severity, scope, func, summary)
        return func

    return register


def checks_for(scope: Scope, settings: Settings) -> list[Check]:
    """Return the enabled checks of one scope, in code order."""
    off = set(settings.checks.disabled)
    return [c for code, c in sorted(REGISTRY.items()) if c.scope == scope and code not in off]


def severity_of(code: str, settings: Settings) -> Severity:
    """Return a code's severity after the overrides in ``[check] severity``."""
    override = settings.checks.severity.get(code)
    return override if override else REGISTRY[code].severity  # type: ignore[return-value]


def is_enabled(code: str, settings: Settings) -> bool:
    """Tell whether ``[check] disable`` leaves a code on."""
    return code not in settings.checks.disabled


def ignored_codes(flags: Iterable[str], comment: str = "") -> set[str]:
    """Return the codes a PO entry silences: ``#, ligetil-ignore:<code>`` or ``# ligetil-ignore:<code>``.

    The comment form survives GNU msgcat and msgmerge, which drop every flag they do not know.
    Safety checks cannot be silenced by a translator (only in ligetil.toml, by the project).
    """
    lines = [line.strip() for line in comment.splitlines()]
    asked = {item[len(IGNORE_FLAG):].strip() for item in [*flags, *lines] if item.startswith(IGNORE_FLAG)}
    return asked - SAFETY_CODES


def validate_check_settings(settings: Settings) -> None:
    """Refuse unknown codes in ``[check] disable`` and ``[check] severity``, all at once."""
    problems = [
        f"ligetil.toml: check.{key}: unknown check code {code!r}"
        for key, codes in (("disable", settings.checks.disabled), ("severity", settings.checks.severity))
        for code in codes
        if code not in REGISTRY
    ]
    if problems:
        raise ConfigError("\n".join(problems) + f"\n(known codes: {', '.join(sorted(REGISTRY))})")
