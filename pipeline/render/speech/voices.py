"""Piper voice files: where they live, installing and removing them, and which language each speaks.

A voice is a ``NAME.onnx`` model with its ``NAME.onnx.json`` config beside it (Piper's own file
pair). Piper keeps no voice folder of its own, so Ligetil keeps one where Argos keeps its
packages: under $XDG_DATA_HOME, with an environment variable and an option to move it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.errors import RenderError

ENV_DIR = "LIGETIL_VOICES_DIR"
MODEL_INPUTS = ("input", "input_lengths", "scales")  # what Piper's runtime feeds every voice model
CONFIG_KEYS = ("num_symbols", "num_speakers", "phoneme_id_map")  # besides audio.sample_rate, espeak.voice


@dataclass(frozen=True, order=True)
class InstalledVoice:
    """One installed Piper voice: its name (the file's stem), language and files."""

    name: str
    code: str  # the voice's language, e.g. "da_DK" (or its espeak-ng voice when the config has none)
    family: str  # the language without its region, e.g. "da"
    sample_rate: int
    model: Path

    @property
    def config(self) -> Path:
        """Return the config file beside the model."""
        return self.model.with_name(self.model.name + ".json")

    def speaks(self, lang: str) -> bool:
        """Tell whether the voice speaks a Ligetil language: ``da`` takes da_DK, ``pt_BR`` only pt_BR."""
        wanted = lang.replace("-", "_").lower()
        return wanted in (self.code.lower(), self.family.lower())

    def identity(self) -> str:
        """Return what the audio depends on: the name and the content hash of both files."""
        return f"{self.name} {_file_hash(self.model, *_stamp(self.model))[:16]} " \
               f"{_file_hash(self.config, *_stamp(self.config))[:16]}"


def _stamp(path: Path) -> tuple[int, int]:
    """Return a file's size and modification time, so its hash is computed again when it changes."""
    found = path.stat()
    return found.st_size, found.st_mtime_ns


@lru_cache(maxsize=64)
def _file_hash(path: Path, size: int, mtime_ns: int) -> str:
    """Return the SHA-256 of a file, once per version of it (a voice model is 20–120 MB)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def default_dir() -> Path:
    """Return Ligetil's voice folder beside Argos's packages: $XDG_DATA_HOME/ligetil/voices."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "ligetil" / "voices"


def voices_dir(override: str | Path | None = None) -> Path:
    """Return the voice folder: the option, else $LIGETIL_VOICES_DIR, else the default."""
    return Path(override or os.environ.get(ENV_DIR) or default_dir()).expanduser().resolve()


def read_voice(model: Path) -> InstalledVoice:
    """Read a voice's config (``MODEL.json``); raise RenderError naming the file when it is not Piper's."""
    config = model.with_name(model.name + ".json")
    if not model.is_file():
        raise RenderError("no such Piper voice model", model)
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
        rate, espeak = int(data["audio"]["sample_rate"]), str(data["espeak"]["voice"])
        missing = [key for key in CONFIG_KEYS if key not in data]
        language = data.get("language") or {}
    except FileNotFoundError:
        raise RenderError(f"no voice config beside the model (Piper needs {config.name})", config) from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise RenderError(f"not a Piper voice config ({type(error).__name__}: {error})", config) from None
    if missing or rate <= 0:
        raise RenderError(f"not a Piper voice config: missing {', '.join(missing) or 'a sample rate'}", config)
    code = str(language.get("code") or espeak).replace("-", "_")
    family = str(language.get("family") or code.split("_")[0])
    return InstalledVoice(model.name.removesuffix(".onnx"), code, family, rate, model)


def check_model(model: Path) -> None:
    """Refuse a file that onnxruntime cannot load or that lacks Piper's inputs (naming the file)."""
    import onnxruntime  # only here and in synthesis: 0.4 s to import, for builds without a Piper voice too

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # errors only: its warnings are about the model's insides, not for users
    try:
        session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime raises its own untyped errors for any unreadable model
        raise RenderError(f"not an ONNX model onnxruntime can load ({str(error).splitlines()[0][:200]})",
                          model) from None
    names = {item.name for item in session.get_inputs()}
    if missing := [name for name in MODEL_INPUTS if name not in names]:
        raise RenderError(f"not a Piper voice model: no input {', '.join(missing)}", model)


def installed_voices(folder: Path) -> list[InstalledVoice]:
    """Return the voices installed in ``folder``, sorted by name (a broken one raises, naming its file)."""
    if not folder.is_dir():
        return []
    return sorted(read_voice(model) for model in folder.glob("*.onnx") if not model.name.startswith("."))


def voice_for(voices: list[InstalledVoice], lang: str) -> InstalledVoice | None:
    """Return the voice of a language (the exact code before the family, then by name), or None."""
    exact = [v for v in voices if v.code.lower() == lang.replace("-", "_").lower()]
    return (exact or [v for v in voices if v.speaks(lang)] or [None])[0]


def install_voice(model: Path, folder: Path) -> InstalledVoice:
    """Copy a checked voice (model and config) into ``folder``; a voice of the same name is replaced.

    Both files are copied beside their final place first and renamed in, config last, so a
    reader never finds a model without its config.
    """
    model = Path(model)
    if not model.name.endswith(".onnx"):
        raise RenderError("a Piper voice is a .onnx file (with its .onnx.json beside it)", model)
    voice = read_voice(model)
    check_model(model)
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".ligetil-voice-", dir=folder))
    try:
        for source in (voice.model, voice.config):
            shutil.copyfile(source, staging / source.name)
        for source in (voice.model, voice.config):
            os.replace(staging / source.name, folder / source.name)
    except OSError as error:
        raise RenderError(f"cannot install the voice: {error}", model) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return read_voice(folder / model.name)


def remove_voice(name: str, folder: Path) -> InstalledVoice:
    """Remove an installed voice by name (``da_DK-talesyntese-medium``); return what was removed."""
    model = folder / f"{name.removesuffix('.onnx')}.onnx"
    if not model.is_file():
        known = ", ".join(v.name for v in installed_voices(folder)) or "none"
        raise RenderError(f"no installed voice {name!r} (installed: {known})", folder)
    voice = InstalledVoice(model.name.removesuffix(".onnx"), "", "", 0, model)
    for path in (voice.model, voice.config):  # model first: a config alone is never read as a voice
        path.unlink(missing_ok=True)
    return voice
