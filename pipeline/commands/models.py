"""`ligetil models`: list and install Argos Translate models (offline files or the index) and Piper voices."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.commands import App
from pipeline.errors import ConfigError, LigetilError
from pipeline.render.speech.choice import Chosen
from pipeline.render.speech.piper_engine import Piper
from pipeline.render.speech.voices import install_voice, installed_voices, remove_voice
from pipeline.render.speech.voices import voices_dir as resolve_voices
from pipeline.translate.packages import available_models, find_route, install_file, install_pair, installed_models
from pipeline.translate.packages import models_dir as resolve

DIR_OPTION = click.option(
    "--models-dir", envvar="ARGOS_PACKAGES_DIR", metavar="DIR", type=click.Path(file_okay=False),
    help="Argos package folder [env: ARGOS_PACKAGES_DIR; default: argostranslate's folder].",
)


VOICES_OPTION = click.option(
    "--voices-dir", envvar="LIGETIL_VOICES_DIR", metavar="DIR", type=click.Path(file_okay=False),
    help="Piper voice folder [env: LIGETIL_VOICES_DIR; default: $XDG_DATA_HOME/ligetil/voices].",
)


@click.group(short_help="List and install offline translation models and voices.")
def command() -> None:
    """List and install Argos Translate models for `ligetil translate` and Piper voices for the audio."""


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
@VOICES_OPTION
@click.pass_obj
def list_models(app: App, available: bool, models_dir: str | None, voices_dir: str | None) -> int:
    """Show installed models, what the project's languages need, and optionally the index."""
    folder = resolve(models_dir)
    models = installed_models(folder)
    app.out.print(f"models in {folder}:" if models else f"no models in {folder}", markup=False)
    for model in models:
        app.out.print(f"  {model.from_code}→{model.to_code}  {model.label}", markup=False)
    for line in _project_routes(app, models):
        app.out.print(line, markup=False)
    _list_voices(app, resolve_voices(voices_dir))
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


def _list_voices(app: App, folder: Path) -> None:
    """Print the installed Piper voices, then the engine and voice of each project language."""
    voices = installed_voices(folder)
    app.out.print(f"voices in {folder}:" if voices else f"no Piper voices in {folder}", markup=False)
    for voice in voices:
        app.out.print(f"  {voice.name}  {voice.code}, {voice.sample_rate} Hz", markup=False)
    for line in speech_lines(app, folder):
        app.out.print(line, markup=False)


def speech_lines(app: App, folder: Path) -> list[str]:
    """Describe, per project language, the engine and voice that speak it (or none)."""
    try:
        settings = app.settings
    except LigetilError:
        return []  # outside a project: nothing to relate the voices to
    chosen = Chosen(Piper(folder))
    return [f"{lang}: speech {chosen.label(lang) or 'none (no audio)'}" for lang in settings.all_languages]


@command.command("install-voice")
@click.argument("model", type=click.Path(dir_okay=False), metavar="FILE.onnx")
@VOICES_OPTION
@click.pass_obj
def install_voice_command(app: App, model: str, voices_dir: str | None) -> int:
    """Install a downloaded Piper voice: FILE.onnx with its FILE.onnx.json beside it.

    \b
      ligetil models install-voice path/to/da_DK-talesyntese-medium.onnx
    Its language is then spoken by Piper instead of espeak-ng (the next build re-renders its audio).
    """
    folder = resolve_voices(voices_dir)
    voice = install_voice(Path(model), folder)
    app.out.print(f"installed voice {voice.name} ({voice.code}, {voice.sample_rate} Hz) in {folder}", markup=False)
    return 0


@command.command("remove-voice")
@click.argument("name")
@VOICES_OPTION
@click.pass_obj
def remove_voice_command(app: App, name: str, voices_dir: str | None) -> int:
    """Remove an installed Piper voice by name; its language goes back to espeak-ng."""
    folder = resolve_voices(voices_dir)
    voice = remove_voice(name, folder)
    app.out.print(f"removed voice {voice.name} from {folder}", markup=False)
    return 0
