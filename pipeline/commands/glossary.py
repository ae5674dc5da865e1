"""`ligetil glossary`: show the glossary's terms per language; export them as TBX for Weblate."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.catalog.tbx import glossary_tbx
from pipeline.commands import App
from pipeline.fsutil import write_bytes_atomic
from pipeline.project import chosen_languages, project_glossary


def tbx_files(app: App, folder: Path, lang: str | None) -> dict[Path, bytes]:
    """Return ``folder/<lang>.tbx`` for each chosen target language, gathered before any write."""
    settings = app.settings
    glossary = project_glossary(settings)
    title = f"{settings.name}: glossary"
    return {folder / f"{code}.tbx": glossary_tbx(glossary, code, f"{title} ({code})")
            for code in chosen_languages(settings, lang)}


@click.command("glossary", short_help="Show the glossary; export it as TBX for Weblate.")
@click.option("--tbx", "folder", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Write DIR/<lang>.tbx (TBX-Basic) for each language.")
@click.option("--lang", "lang", metavar="L", help="Only this language.")
@click.pass_obj
def command(app: App, folder: Path | None, lang: str | None) -> None:
    """Show how many terms translations/glossary.csv agrees per language, or export it as TBX.

    One TBX file per language, as Weblate's glossary component expects (file mask
    `DIR/*.tbx`); a term a language keeps as it is (a name) is marked untranslatable.
    """
    glossary = project_glossary(app.settings)
    if folder is None:
        for code in chosen_languages(app.settings, lang):
            agreed, kept = glossary.agreed_terms(code), glossary.kept_terms(code)
            app.out.print(f"{code}: {len(agreed)} agreed term(s), {len(kept)} of them kept as they are", markup=False)
        return
    files = tbx_files(app, folder, lang)
    folder.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        write_bytes_atomic(path, data)
        app.out.print(f"wrote {path}", markup=False)
