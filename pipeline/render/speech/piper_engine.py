"""The Piper engine (``piper-tts``): neural voices, run offline with onnxruntime, from installed files.

A language is spoken by Piper only when a voice of that language is installed (voices.py).
"""

from __future__ import annotations

import io
import wave
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from pipeline.errors import RenderError
from pipeline.render.speech.engine import Speech, wav_seconds
from pipeline.render.speech.voices import InstalledVoice, installed_voices, voice_for, voices_dir


@lru_cache(maxsize=8)
def _loaded(model: Path, identity: str):
    """Load a voice once per process and version of its files (``identity`` keys the cache)."""
    from piper import PiperVoice  # imports onnxruntime: only where a Piper voice speaks

    try:
        return PiperVoice.load(model)
    except Exception as error:  # onnxruntime and json raise their own types for a broken file
        raise RenderError(f"cannot load the Piper voice ({str(error).splitlines()[0][:200]}); "
                          f"install it again: ligetil models install-voice FILE.onnx", model) from None


class Piper:
    """Piper voices from the voice folder (``folder``, else the default one, read on every call)."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder

    def installed(self, lang: str) -> InstalledVoice | None:
        """Return the installed voice of ``lang``, or None."""
        return voice_for(installed_voices(self.folder or voices_dir()), lang)

    def voice(self, lang: str) -> str | None:
        """Return the name of the voice of ``lang``, or None."""
        found = self.installed(lang)
        return found.name if found else None

    def identity(self, lang: str) -> str:
        """Return what speech in ``lang`` depends on: piper-tts's version and the voice's files."""
        found = self.installed(lang)
        return f"piper-tts {version('piper-tts')} {found.identity() if found else 'none'}"

    def speak(self, text: str, lang: str) -> Speech:
        """Synthesize ``text`` with the voice of ``lang`` as a mono 16-bit WAV at the voice's rate."""
        found = self.installed(lang)
        if found is None:
            raise RenderError(f"no Piper voice for {lang}")
        voice = _loaded(found.model, found.identity())
        out = io.BytesIO()
        with wave.open(out, "wb") as sound:  # the format is set here: a text with no phonemes is 0 frames
            sound.setnchannels(1)
            sound.setsampwidth(2)
            sound.setframerate(voice.config.sample_rate)
            try:
                voice.synthesize_wav(text, sound, set_wav_format=False)
            except Exception as error:  # the model or phonemizer failed: name the voice, not a traceback
                raise RenderError(f"Piper failed ({found.name}): {error}", found.model) from None
        data = out.getvalue()
        return Speech(data, wav_seconds(data))
