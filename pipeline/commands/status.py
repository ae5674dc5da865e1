"""`ligetil status`: a guide × language table of translation progress."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import click
from rich.table import Table

from pipeline.catalog.stats import count_entries
from pipeline.commands import App
from pipeline.project import CatalogSnapshot, chosen_languages, load_guides, publication, withholding_glossary
from pipeline.catalog.pofile import read_catalog
from pipeline.paths import SITE_WORDS, po_path, site_po_path
from pipeline.render.ui import UI_TEMPLATE, translations_for


@dataclass(frozen=True)
class StatusRow:
    """One guide in one language."""

    guide: str
    lang: str
    entries: int
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    words: int
    reviewed_words: int  # after entries with check errors count as untranslated, as the build does
    reviewed: float
    publishable: bool  # exactly what `ligetil build` decides
    catalog: str | None


def status_rows(app: App, lang: str | None) -> list[StatusRow]:
    """Compute a row per guide and language from the sources and catalogs on disk."""
    settings = app.settings
    snapshot = CatalogSnapshot(settings)
    glossary = withholding_glossary(settings)
    rows = []
    for item in load_guides(settings):
        distinct = len({s.msgid for s in item.segments})
        for code in chosen_languages(settings, lang):
            po = snapshot.read_po(code, item.guide.slug)
            counts = count_entries(po) if po else None
            decided = publication(item.segments, po, code, settings, glossary=glossary)
            cover = decided.coverage
            rows.append(StatusRow(
                guide=item.guide.slug, lang=code, entries=distinct,
                translated=counts.translated if counts else 0,
                fuzzy=counts.fuzzy if counts else 0,
                untranslated=counts.untranslated if counts else distinct,
                obsolete=counts.obsolete if counts else 0,
                words=cover.words, reviewed_words=cover.reviewed_words,
                reviewed=round(cover.ratio, 4),
                publishable=decided.publishable,
                catalog=settings.relative(po_path(settings, code, item.guide.slug)) if po else None,
            ))
    return rows + site_word_rows(settings, chosen_languages(settings, lang))


def site_word_rows(settings, langs: list[str]) -> list[StatusRow]:
    """Return, per language, how many of the site's own words are translated (project or Ligetil)."""
    msgids = [e.msgid for e in read_catalog(UI_TEMPLATE, "pipeline/locale/messages.pot") if e.msgid]
    rows = []
    for code in langs:
        site_po = site_po_path(settings, code)
        words = translations_for(code, site_po)
        english = code.split("-")[0] == "en"  # the msgids are English: nothing to translate
        done = len(msgids) if english else sum(words.gettext(msgid) != msgid for msgid in msgids)
        rows.append(StatusRow(guide=SITE_WORDS, lang=code, entries=len(msgids), translated=done, fuzzy=0,
                              untranslated=len(msgids) - done, obsolete=0, words=0, reviewed_words=0,
                              reviewed=round(done / len(msgids), 4) if msgids else 1.0, publishable=True,
                              catalog=settings.relative(site_po) if site_po.is_file() else None))
    return rows


def status_table(rows: list[StatusRow], threshold: float) -> Table:
    """Return the rich table shown by `ligetil status`."""
    table = Table(title=f"Translation status (publish at ≥ {threshold:.0%} reviewed words)")
    for name in ("guide", "lang", "translated", "fuzzy", "untranslated", "words", "reviewed", "publishable"):
        table.add_column(name, justify="left" if name in ("guide", "lang") else "right")
    for row in rows:
        table.add_row(row.guide, row.lang, str(row.translated), str(row.fuzzy), str(row.untranslated),
                      str(row.words), f"{row.reviewed:.0%}", "yes" if row.publishable else "no")
    return table


@click.command(short_help="Show translated, draft and missing text per guide and language.")
@click.option("--lang", "-l", metavar="LANG", help="Only this language.")
@click.option("--json", "as_json", is_flag=True, help="Print the same as JSON data.")
@click.pass_obj
def command(app: App, lang: str | None, as_json: bool) -> int:
    """Show, for every guide and language: translated (reviewed), fuzzy (drafts) and
    untranslated entries, source words, the reviewed share of words, and whether the
    guide is publishable in that language under `publish.min_reviewed`.

    \b
    The rows "_site" count the site's own words ("Contact", "Opening hours") translated
    in the language, by the project's translations/<lang>/LC_MESSAGES/_site.po or by
    Ligetil; the rest is shown in English.
    """
    rows = status_rows(app, lang)
    if as_json:
        click.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
    else:
        app.out.print(status_table(rows, app.settings.min_reviewed))
    return 0
