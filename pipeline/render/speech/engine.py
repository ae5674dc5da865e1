"""The speech engine protocol and the default engine, Debian's espeak-ng.

A language with no voice of its own gets no audio: a voice is never borrowed from another
language. Another engine (Piper, piper_engine.py) is a class with the same methods; choice.py
picks one per language.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from pipeline import cache
from pipeline.errors import RenderError


@dataclass(frozen=True)
class Speech:
    """One utterance synthesized: a mono 16-bit WAV and its length measured from its frames."""

    wav: bytes
    seconds: float


class Engine(Protocol):
    """What Listen needs of a speech engine."""

    def voice(self, lang: str) -> str | None:
        """Return the engine's voice for a Ligetil language code, or None when it has none."""

    def speak(self, text: str, lang: str) -> Speech:
        """Synthesize ``text`` in the voice of ``lang``."""

    def identity(self, lang: str) -> str:
        """Return what the engine's speech in ``lang`` depends on (engine version, voice), for the build."""


def wav_seconds(data: bytes) -> float:
    """Return the length of a WAV file in seconds, from its header and frame count."""
    with wave.open(io.BytesIO(data)) as sound:
        return sound.getnframes() / sound.getframerate()


def parse_voices(listing: str) -> dict[str, str]:
    """Return language code -> voice from ``espeak-ng --voices``: a voice's own language first,
    then the voice listing the code among its other languages with the best priority (lowest)."""
    found: dict[str, str] = {}
    others: dict[str, tuple[int, str]] = {}
    for line in listing.splitlines()[1:]:  # Pty Language Age/Gender VoiceName File (other priority)…
        row = line.split()
        if len(row) < 2:
            continue
        found.setdefault(row[1].lower(), row[1])
        for code, priority in re.findall(r"\((\S+) (\d+)\)", line):
            others[code.lower()] = min(others.get(code.lower(), (99, "")), (int(priority), row[1]))
    return {**{code: voice for code, (_, voice) in others.items()}, **found}


@lru_cache(maxsize=1)
def _espeak_version() -> str:
    """Return espeak-ng's version line (an upgrade changes the speech), asked once per machine
    while the binary stays as it is."""
    binary = shutil.which("espeak-ng")
    if binary is None:
        return "espeak-ng missing"

    def ask() -> tuple[str, list[str]]:
        done = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False)
        return done.stdout.split("Data at")[0].strip(), []

    return cache.remembered("espeak-ng-version", [cache.file_stamps([binary])], ask)


@lru_cache(maxsize=1)
def _espeak_voices() -> dict[str, str]:
    """Return espeak-ng's voices, asked once per machine while espeak-ng and its voice folders stay."""
    binary = shutil.which("espeak-ng")
    if binary is None:
        return {}
    identity = [cache.file_stamps([binary]), os.environ.get("ESPEAK_DATA_PATH")]
    return parse_voices(cache.remembered("espeak-ng", identity, lambda: _ask_voices(binary)))


def _ask_voices(binary: str) -> tuple[str, list[str]]:
    """Return ``espeak-ng --voices`` and the folders its voices are read from (its data folder's)."""
    done = subprocess.run([binary, "--voices"], capture_output=True, text=True, check=False)
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False)
    found = re.search(r"Data at: (.+)$", version.stdout.strip())
    data = Path(found.group(1).strip()) if found else None
    folders = [str(data)] + [folder for part in ("voices", "lang") for folder, _, _ in os.walk(data / part)] \
        if data else []
    return (done.stdout if done.returncode == 0 else ""), folders


class Espeak:
    """espeak-ng (Debian's ``espeak-ng``), run once per utterance."""

    def voice(self, lang: str) -> str | None:
        """Return the voice of ``lang`` (``pt_BR`` asks for ``pt-br``), or None."""
        return _espeak_voices().get(lang.replace("_", "-").lower())

    def identity(self, lang: str) -> str:
        """Return espeak-ng's version and the voice of ``lang``."""
        return f"{_espeak_version()} {self.voice(lang)}"

    def speak(self, text: str, lang: str) -> Speech:
        """Synthesize ``text`` with espeak-ng; text goes on stdin so it is never an option."""
        voice = self.voice(lang)
        if voice is None:
            raise RenderError(f"espeak-ng has no voice for {lang}")
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "out.wav"
            done = subprocess.run(["espeak-ng", "-v", voice, "-w", str(out), "--stdin"], input=text,
                                  capture_output=True, text=True, encoding="utf-8", check=False)
            if done.returncode != 0 or not out.is_file():
                raise RenderError(f"espeak-ng failed ({voice}): {done.stderr.strip()}")
            data = out.read_bytes()
        return Speech(data, wav_seconds(data))

