"""PO/POT headers from Babel's locale data (Language, Plural-Forms, dates)."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import polib
from babel import Locale
from babel.messages.catalog import Catalog

from pipeline import __version__

DATE_FORMAT = "%Y-%m-%d %H:%M%z"


def now() -> datetime:
    """Return the current time, or SOURCE_DATE_EPOCH for reproducible output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(second=0, microsecond=0)


def revision_date(po: polib.POFile | None) -> datetime | None:
    """Return a catalog's PO-Revision-Date in UTC; None without one (or with gettext's placeholder)."""
    value = (po.metadata.get("PO-Revision-Date", "") if po is not None else "").strip()
    for form in (DATE_FORMAT, "%Y-%m-%d %H:%M:%S%z"):  # Poedit, Weblate and Babel write the first
        try:
            return datetime.strptime(value, form).astimezone(timezone.utc)
        except ValueError:
            continue
    return None


def template_header(project: str, slug: str, created: datetime) -> dict[str, str]:
    """Return the header of a guide's POT file."""
    catalog = Catalog(project=f"{project}: {slug}", version=None, creation_date=created,
                      fuzzy=True, charset="utf-8")
    headers = dict(catalog.mime_headers)
    headers["Project-Id-Version"] = f"{project}: {slug}"
    headers.pop("Report-Msgid-Bugs-To", None)
    headers["Generated-By"] = f"Ligetil {__version__}"
    return headers


def catalog_header(project: str, slug: str, lang: str, created: datetime) -> dict[str, str]:
    """Return the header of a new PO file for one language, with Babel's plural forms."""
    locale = Locale.parse(lang.replace("-", "_"))
    catalog = Catalog(locale=locale, project=f"{project}: {slug}", creation_date=created,
                      revision_date=created, fuzzy=False, charset="utf-8")
    headers = dict(catalog.mime_headers)
    headers["Project-Id-Version"] = f"{project}: {slug}"
    headers.pop("Report-Msgid-Bugs-To", None)
    headers["Language-Team"] = f"{locale.english_name} <LL@li.org>".replace("LL", lang)
    headers["Language"] = lang
    headers["Generated-By"] = f"Ligetil {__version__}"
    return headers


def plural_forms(lang: str) -> str:
    """Return the Plural-Forms header value for a language."""
    return Catalog(locale=Locale.parse(lang.replace("-", "_"))).plural_forms


def empty_catalog(project: str, slug: str, lang: str, created: datetime) -> polib.POFile:
    """Return a new, empty catalog for one guide in one language."""
    po = polib.POFile(wrapwidth=79)
    po.metadata = catalog_header(project, slug, lang, created)
    po.header = f"{lang} translation of content/{slug}.md ({project})."
    return po
