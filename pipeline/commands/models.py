"""`ligetil models`: list and install Argos Translate models (offline files or the index)."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.commands import App
from pipeline.errors import ConfigError, LigetilError
from pipeline.translate.packages import available_models, find_route, install_file, install_pair, installed_models
from pipeline.translate.packages import models_dir as resolve

DIR_OPTION = click.option(
    "--models-dir", envvar="ARGOS_PACKAGES_DIR", metavar="DIR", type=click.Path(file_okay=False),
    help="Argos package folder [env: ARGOS_PACKAGES_DIR; default: argostranslate's folder].",
)


@click.group(short_help="List and install offline translation models.")
def command() -> None:
    """List and install Argos Translate models for `ligetil translate`."""


def _project_routes(app: App, models) -> list[str]:
    """Describe, per project language, the route or the command that installs it."""
    try:
        settings = app.settings
    except LigetilError:
        return []  # outside a project: nothing to relate the models to
    lines = []
    for lang in settings.languages:
        try:
            route = find_route(models, settings.source_language, lang)
            codes = "→".join([settings.source_language, *(m.to_code for m in route)])
            lines.append(f"{lang}: ready ({codes})")
        except LigetilError as error:
            lines.append(f"{lang}: {error.message}")
    return lines


@command.command("list")
@click.option("--available", is_flag=True, help="Also list the packages in the Argos index (online).")
@DIR_OPTION
@click.pass_obj
def list_models(app: App, available: bool, models_dir: str | None) -> int:
    """Show installed models, what the project's languages need, and optionally the index."""
    folder = resolve(models_dir)
    models = installed_models(folder)
    app.out.print(f"models in {folder}:" if models else f"no models in {folder}", markup=False)
    for model in models:
        app.out.print(f"  {model.from_code}→{model.to_code}  {model.label}", markup=False)
    for line in _project_routes(app, models):
        app.out.print(line, markup=False)
    if available:
        app.out.print("in the Argos index:")
        for item in available_models():
            app.out.print(f"  {item.from_code}→{item.to_code}  translate-{item.from_code}_{item.to_code} {item.version}")
    return 0


@command.command("install")
@click.argument("what", nargs=-1, required=True, metavar="FROM TO | FILE.argosmodel")
@DIR_OPTION
@click.pass_obj
def install(app: App, what: tuple[str, ...], models_dir: str | None) -> int:
    """Install a model: a language pair from the Argos index, or a downloaded .argosmodel file.

    \b
      ligetil models install da en
      ligetil models install path/to/translate-da_en-1_9.argosmodel
    A pair the index lacks (e.g. da tr) is installed as two models through English.
    """
    folder = resolve(models_dir)
    if len(what) == 1 and (what[0].endswith(".argosmodel") or Path(what[0]).is_file()):
        done = [install_file(Path(what[0]), folder)]
    elif len(what) == 2:
        done = install_pair(what[0], what[1], folder)
    else:
        raise ConfigError("give a language pair (ligetil models install da en) or one .argosmodel file")
    for model in done:
        app.out.print(f"installed {model.label} ({model.from_code}→{model.to_code}) in {folder}", markup=False)
    return 0
