"""`ligetil init DIR`: a new project with settings, one example guide and the folders."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.commands import App
from pipeline.config import SETTINGS_FILE
from pipeline.errors import ConfigError
from pipeline.fsutil import write_text_atomic

SETTINGS_TEMPLATE = """\
[project]
name = "{name}"
source_language = "da"
languages = ["en", "tr", "ar", "ur"]      # BCP 47 / gettext codes
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


@click.command(short_help="Create a new project with settings and an example guide.")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="Min kommune — borgerguider", show_default=True,
              help="The project's name, shown on the site.")
def command(directory: Path, name: str) -> int:
    """Create DIRECTORY with ligetil.toml, content/ (one example guide), content/images/
    and translations/. Refuses to overwrite an existing project.
    """
    if (directory / SETTINGS_FILE).exists():
        raise ConfigError(f"{directory / SETTINGS_FILE} exists already; not overwriting a project")
    for folder in ("content/images", "translations"):
        (directory / folder).mkdir(parents=True, exist_ok=True)
    write_text_atomic(directory / "content" / "borgerservice.md", EXAMPLE_GUIDE)
    write_text_atomic(directory / SETTINGS_FILE, SETTINGS_TEMPLATE.format(name=name.replace('"', "'")))
    click.echo(f"created {directory}/: next, cd {directory} && ligetil update && ligetil status")
    return 0


__all__ = ["App", "command"]
