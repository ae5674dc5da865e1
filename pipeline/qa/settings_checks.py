"""Checks of the project's settings, such as a base_url that is still a placeholder."""

from __future__ import annotations

from typing import Iterator
from urllib.parse import urlsplit

from pipeline.config import Settings
from pipeline.qa.registry import check

# Hosts reserved for examples and tests (RFC 2606, RFC 6761): nothing is published there.
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net", "localhost")
PLACEHOLDER_SUFFIXES = (".example", ".test", ".invalid", ".localhost")


def is_placeholder(url: str) -> bool:
    """Tell whether a URL is on a host reserved for examples."""
    host = (urlsplit(url).hostname or "").lower()
    return host in PLACEHOLDER_HOSTS or host.endswith(PLACEHOLDER_SUFFIXES) or host.endswith(
        tuple("." + h for h in PLACEHOLDER_HOSTS))


@check("placeholder-base-url", "warning", "settings")
def placeholder_base_url(settings: Settings) -> Iterator[tuple[str, str]]:
    """Report a base_url on a host reserved for examples: QR codes and links would lead nowhere."""
    if is_placeholder(settings.base_url):
        yield "base_url", (f"base_url {settings.base_url} is a placeholder: the QR codes and canonical links of every "
               "page and flyer point there; set [project] base_url to where output/ is published")


@check("accessibility-statement", "warning", "settings")
def accessibility_statement(settings: Settings) -> Iterator[tuple[str, str]]:
    """Report a missing or placeholder accessibility statement (the web accessibility act asks for one)."""
    url = settings.accessibility_statement
    if not url:
        yield "[site]", ("no accessibility statement: a Danish public-sector site must link one from every page "
                         '(the web accessibility act); set [site] accessibility_statement = "https://…"')
    elif is_placeholder(url):
        yield "accessibility_statement", (f"accessibility_statement {url} is a placeholder: the footer of every page "
                                          "and PDF links there; set [site] accessibility_statement to the statement's URL")
