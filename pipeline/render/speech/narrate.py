"""A page's chapters spoken, joined into one track with its chapter starts, as MP3 and WebVTT.

The starts are sums of the utterances' lengths, measured from the WAV frames the engine
returns, so the chapters track, the e-book's sentence clips and the audio cannot disagree.
"""

from __future__ import annotations

import io
import subprocess
import wave
from dataclasses import dataclass
from functools import lru_cache

from pipeline.errors import RenderError
from pipeline.render.speech.choice import DEFAULT_ENGINE
from pipeline.render.speech.engine import Engine, Speech
from pipeline.render.speech.script import Chapter

BLOCK_PAUSE = 0.35  # seconds of silence after each block
SENTENCE_PAUSE = 0.1  # and after each other fragment (the engine ends each with a short silence of its own)
CHAPTER_PAUSE = 0.8  # and before each chapter after the first, so a jump lands in silence
MP3_BITRATE = "32k"  # mono speech: about 240 kB a minute


@dataclass(frozen=True)
class Narration:
    """A page spoken: one WAV, each chapter's title, start and end, and each utterance's, in seconds."""

    wav: bytes
    chapters: tuple[tuple[str, float, float], ...]
    clips: tuple[tuple[str, float, float], ...] = ()  # (Utterance.ref, start, end) of each utterance
    # in order; its end takes in the pause after it, so the clips of a chapter cover its audio

    @property
    def seconds(self) -> float:
        """Return the length of the whole track."""
        return self.chapters[-1][2] if self.chapters else 0.0


def can_narrate(langs: set[str], engine: Engine = DEFAULT_ENGINE) -> bool:
    """Tell whether the engine has a voice for every language a page is shown in."""
    return all(engine.voice(lang) is not None for lang in langs)


def _frames(speech: Speech) -> tuple[tuple, bytes]:
    with wave.open(io.BytesIO(speech.wav)) as sound:
        return (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()), \
            sound.readframes(sound.getnframes())


def narrate(script: tuple[Chapter, ...], engine: Engine = DEFAULT_ENGINE) -> Narration:
    """Speak every utterance of ``script`` and join them, with pauses, into one WAV."""
    params, parts, marks, clips, at = None, [], [], [], 0.0
    for index, chapter in enumerate(script):
        if index and params:
            parts.append(b"\0" * (params[1] * params[0] * round(CHAPTER_PAUSE * params[2])))
            at += round(CHAPTER_PAUSE * params[2]) / params[2]
        start = at
        for utterance in chapter.utterances:
            found, frames = _frames(engine.speak(utterance.text, utterance.lang))
            if params is not None and found != params:
                raise RenderError(f"the speech engine changed its WAV format ({found} after {params})")
            params = found
            pause = round((BLOCK_PAUSE if utterance.ends_block else SENTENCE_PAUSE) * params[2])
            parts += [frames, b"\0" * (params[1] * params[0] * pause)]
            begin = at
            at += (len(frames) // (params[1] * params[0]) + pause) / params[2]
            clips.append((utterance.ref, begin, at))
        marks.append((chapter.title, start, at))
    return Narration(_wav(params or (1, 2, 22050), b"".join(parts)), tuple(marks), tuple(clips))


@lru_cache(maxsize=2)
def narrate_once(script: tuple[Chapter, ...], voices: tuple[str, ...] = ()) -> Narration:
    """Narrate with the default engine, once per process and ``voices`` (their identities: a voice
    installed or removed meanwhile narrates anew; the MP3 and its chapters share it)."""
    return narrate(script)


def _wav(params: tuple, frames: bytes) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(params[0])
        sound.setsampwidth(params[1])
        sound.setframerate(params[2])
        sound.writeframes(frames)
    return out.getvalue()


@lru_cache(maxsize=1)  # the audio and the e-book of a page (rendered in one unit) encode the same narration
def encode_mp3(wav: bytes, title: str, lang: str) -> bytes:
    """Encode a WAV as mono MP3 with ffmpeg (Debian's LAME), tagged with title and language."""
    command = ["ffmpeg", "-nostdin", "-loglevel", "error", "-f", "wav", "-i", "pipe:0", "-map_metadata", "-1",
               "-metadata", f"title={title}", "-metadata", f"language={lang}", "-fflags", "+bitexact",
               "-ac", "1", "-c:a", "libmp3lame", "-b:a", MP3_BITRATE, "-f", "mp3", "pipe:1"]
    try:
        done = subprocess.run(command, input=wav, capture_output=True, check=False)
    except FileNotFoundError:
        raise RenderError("ffmpeg is not installed (Debian: apt-get install ffmpeg)") from None
    if done.returncode != 0:
        raise RenderError(f"ffmpeg could not encode the audio: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def _stamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    return f"{millis // 3_600_000:02d}:{millis // 60_000 % 60:02d}:{millis // 1000 % 60:02d}.{millis % 1000:03d}"


def chapters_vtt(narration: Narration) -> str:
    """Return the WebVTT chapters track of a narration: one cue per chapter, titled by its heading."""
    cues = [f"{index}\n{_stamp(start)} --> {_stamp(end)}\n{title.replace('-->', '→')}\n"
            for index, (title, start, end) in enumerate(narration.chapters, 1)]
    return "WEBVTT\n\n" + "\n".join(cues)
