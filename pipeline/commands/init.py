"""`ligetil init DIR`: a new project with settings, one example guide and the folders."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.catalog.glossary import header_row
from pipeline.commands import App
from pipeline.config import OUTPUT_FOLDER, SETTINGS_FILE
from pipeline.errors import ConfigError
from pipeline.fsutil import TEMP_PREFIX, write_text_atomic
from pipeline.lock import LOCK_NAME

SOURCE_LANGUAGE = "da"
LANGUAGES = ("en", "tr", "ar", "ur")

SETTINGS_TEMPLATE = """\
[project]
name = "{name}"
source_language = "{source}"
languages = {languages}      # BCP 47 / gettext codes
base_url = "https://example.org/guides/"  # for QR codes, canonical and hreflang links

[site]
# The web accessibility act: every page and PDF links the site's accessibility statement
# (`ligetil check` warns until it is set).
# accessibility_statement = "https://www.was.digst.dk/…"
# Where a citizen asks for a guide in another format (Braille, easy-to-read…): a mailto:, tel:
# or https:// address. Unset, each page points to its guide's own contact.
# format_requests = "mailto:tilgaengelighed@example.org"

[publish]
# A guide is published in a language when at least this share of its words has a
# reviewed (translated, not fuzzy) translation. 1.0 = complete translations only.
min_reviewed = 0.8

[translate]
# Words machine translation must never change.
protected_terms = ["MitID", "Borgerservice"]
"""

EXAMPLE_GUIDE = """\
---
title: Sådan bruger du Borgerservice
summary: Her kan du læse, hvordan du får hjælp hos Borgerservice.
service: Borgerservice
contact:
  address: Rådhuspladsen 1, 1550 København V
  phone: "+45 12 34 56 78"
  email: borgerservice@example.dk
  hours: Mandag–fredag kl. 10–15
updated: 2026-11-01
---
# Sådan bruger du Borgerservice

Borgerservice hjælper dig med **pas**, sundhedskort og MitID.

<!-- i18n: "Tidsbestilling" means booking an appointment. -->
## Tidsbestilling

- Bestil tid på nettet.
- Tag billedlegitimation med.

| Dag | Åbent |
|---|---|
| Mandag–fredag | kl. 10–15 |

Læs mere på [borger.dk om Borgerservice](https://www.borger.dk/).
"""

GITIGNORE = f"""\
# What ligetil writes that is not source (written by ligetil init):
# the built site, rebuilt by `ligetil build`; the lock of a running command; temp files of a killed one.
/{OUTPUT_FOLDER}/
/{LOCK_NAME}
{TEMP_PREFIX}*
"""


def project_files(name: str) -> dict[str, str]:
    """Return the files of a new project, by path relative to its folder; the settings last.

    ligetil.toml marks a project, so a run cut short before it can simply be run again.
    """
    languages = "[" + ", ".join(f'"{code}"' for code in LANGUAGES) + "]"
    settings = SETTINGS_TEMPLATE.format(name=name.replace('"', "'"), source=SOURCE_LANGUAGE, languages=languages)
    return {
        "content/borgerservice.md": EXAMPLE_GUIDE,
        "translations/glossary.csv": header_row(SOURCE_LANGUAGE, LANGUAGES),
        ".gitignore": GITIGNORE,
        SETTINGS_FILE: settings,
    }


@click.command(short_help="Create a new project with settings and an example guide.")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="Min kommune — borgerguider", show_default=True,
              help="The project's name, shown on the site.")
def command(directory: Path, name: str) -> int:
    """Create DIRECTORY with ligetil.toml, content/ (one example guide), content/images/,
    translations/ (an empty glossary.csv) and a .gitignore. Refuses to overwrite an existing
    project, and keeps any file that is already there.
    """
    if (directory / SETTINGS_FILE).exists():
        raise ConfigError(f"{directory / SETTINGS_FILE} exists already; not overwriting a project")
    for folder in ("content/images", "translations"):
        (directory / folder).mkdir(parents=True, exist_ok=True)
    for relative, text in project_files(name).items():
        path = directory / relative
        if path.exists():  # a .gitignore of the repository the project goes into, say
            click.echo(f"kept {path} as it was" + (f"; it should also ignore: {', '.join(_lines(GITIGNORE))}"
                                                   if relative == ".gitignore" else ""))
            continue
        write_text_atomic(path, text)
    click.echo(f"created {directory}/: next, cd {directory} && ligetil update && ligetil status")
    return 0


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


__all__ = ["App", "command"]
