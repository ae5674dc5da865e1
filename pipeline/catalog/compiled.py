"""PO file → gettext translations compiled in memory (no .mo file on disk)."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def compiled_translations(path: Path, lang: str, domain: str) -> gettext.GNUTranslations:
    """Return a PO file's translations as gettext would read them from its .mo, fuzzy left out."""
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)
