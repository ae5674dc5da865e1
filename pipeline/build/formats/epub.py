"""The accessible e-book: an EPUB 3 per guide and language, with media overlays where the audio exists.

Its overlays are the audio format's narration (the same script, narrated once per worker
process), each sentence's clip where the engine's WAV frames put it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from pipeline.build.formats.audio import has_voice, marked, spoken, voices
from pipeline.build.formats.base import Format
from pipeline.render.ebook import Audio, render_epub
from pipeline.render.speech.choice import DEFAULT_ENGINE
from pipeline.render.speech.narrate import encode_mp3


def render(context: dict, base_url: str) -> bytes:
    """Render the e-book; ``base_url`` is output/<lang>/'s place in content/, where images resolve."""
    content_dir = Path(unquote(urlsplit(base_url).path)).parent  # url2pathname on POSIX; its module loads http.client and ssl
    audio = None
    if has_voice(context["lang"], context["source_lang"]):
        narration = spoken(context)
        audio = Audio(encode_mp3(narration.wav, context["title"], context["lang"]), narration.clips,
                      DEFAULT_ENGINE.label(context["lang"]) or "espeak-ng")
    return render_epub(context, marked(context), content_dir, audio)


def overlays(lang: str, source_lang: str) -> dict:
    """Return whether this machine gives the e-book its audio in a language, and in which voices."""
    spoken_here = has_voice(lang, source_lang)
    return {"overlays": spoken_here, "voices": voices(lang, source_lang) if spoken_here else ()}


FORMAT = Format("epub", ".epub", render, depends=overlays)
