"""The engine of each language: Piper where a Piper voice of that language is installed, else espeak-ng.

Neither borrows a voice from another language, so a language neither speaks gets no audio.
Every utterance comes out at one sample rate, because a page mixes languages (its fallback
blocks are spoken in the source language) and its narration is one track.
"""

from __future__ import annotations

import io
import wave

from pipeline.errors import RenderError
from pipeline.render.speech.engine import Engine, Espeak, Speech, wav_seconds
from pipeline.render.speech.piper_engine import Piper

RATE = 22050  # espeak-ng's rate and that of Piper's medium and high voices: most utterances need no resampling


def resample(speech: Speech, rate: int = RATE) -> Speech:
    """Return the speech at ``rate``, resampled by libsoxr (``soxr``) when it has another rate."""
    with wave.open(io.BytesIO(speech.wav)) as sound:
        found = (sound.getframerate(), sound.getnchannels(), sound.getsampwidth())
        frames = sound.readframes(sound.getnframes())
    if found == (rate, 1, 2):
        return speech
    if found[1:] != (1, 2):
        raise RenderError(f"the speech engine made {found[1]}-channel {8 * found[2]}-bit audio; Listen takes mono 16-bit")
    import numpy as np  # here, not at the top: a no-op build imports this module and must not start numpy
    import soxr  # with numpy

    samples = soxr.resample(np.frombuffer(frames, dtype=np.int16), found[0], rate)
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(rate)
        sound.writeframes(samples.astype(np.int16).tobytes())
    return Speech(out.getvalue(), wav_seconds(out.getvalue()))


class Chosen:
    """Speak each language with its engine: Piper where it has a voice, espeak-ng elsewhere."""

    def __init__(self, piper: Piper | None = None, espeak: Espeak | None = None):
        self.piper = piper or Piper()
        self.espeak = espeak or Espeak()

    def engine(self, lang: str) -> tuple[str, Engine]:
        """Return the name and engine that speak ``lang`` (espeak-ng also when neither has a voice)."""
        return ("piper", self.piper) if self.piper.voice(lang) else ("espeak-ng", self.espeak)

    def voice(self, lang: str) -> str | None:
        """Return the voice that speaks ``lang``, or None when no engine has one."""
        return self.engine(lang)[1].voice(lang)

    def label(self, lang: str) -> str:
        """Return the engine and voice of ``lang`` for people (``piper da_DK-talesyntese-medium``), or ""."""
        name, engine = self.engine(lang)
        voice = engine.voice(lang)
        return f"{name} {voice}" if voice else ""

    def identity(self, lang: str) -> str:
        """Return the engine and the voice identity of ``lang`` (a new voice file changes it)."""
        name, engine = self.engine(lang)
        return f"{name}: {engine.identity(lang)}"

    def speak(self, text: str, lang: str) -> Speech:
        """Synthesize ``text`` with the engine of ``lang``, at the narration's one rate."""
        return resample(self.engine(lang)[1].speak(text, lang))


DEFAULT_ENGINE = Chosen()
