"""Shared helpers and sample texts for the trunk's tests (imported as `support`)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXED_EPOCH = "1764547200"  # 2025-12-01 00:00 UTC: deterministic header dates


SETTINGS = """\
[project]
name = "Testkommune"
source_language = "da"
languages = ["en", "tr", "ar", "ur"]
base_url = "https://example.org/guides/"

[publish]
min_reviewed = 0.8
"""


def snapshot(root: Path) -> dict[str, bytes]:
    """Return every file below root with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".ligetil.lock"}


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    """Run GNU msgfmt -c on a PO/POT file."""
    return subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)],
                          capture_output=True, text=True)


def msgcat(path: Path) -> str:
    """Return GNU msgcat's rendering of a file."""
    return subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True).stdout


GUIDE = """\
---
title: Mad til dig
summary: Sådan bestiller du mad.
service: Testservice
contact:
  address: Vej 1, 2700 Brønshøj
  hours: Mandag–fredag kl. 8–15
updated: 2026-11-01
---
# Mad til dig {#top}

Vi bringer **varm mad** ud til dig.
Det koster 58 kr. om dagen.

<!-- i18n: "Visitation" is the municipality's needs assessment. -->
## Sådan får du mad

- Ring til os.
- Vi kommer på besøg.
    - Vi taler om din mad.

| Dag | Tid |
|---|---|
| Mandag | kl. 8–15 |

> Maden er god.

Læs om [madservice på borger.dk](https://www.borger.dk/mad).

![En tallerken med mad](images/mad.svg)

Du kan altid tage en pårørende med.
"""

