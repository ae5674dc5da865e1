"""Listen: the guide spoken as published, one MP3 per language that has a voice (Piper or espeak-ng).

Its chapters are a second format (chapters.py), one file each; both narrate the same script,
once per worker process (a pair's downloads render in one unit).
"""

from __future__ import annotations

from pipeline.build.formats.base import Format
from pipeline.errors import RenderError
from pipeline.render.speech.choice import DEFAULT_ENGINE
from pipeline.render.html import render_article
from pipeline.render.speech.narrate import Narration, can_narrate, encode_mp3, narrate_once
from pipeline.render.speech.script import Marked, mark_script


def marked(context: dict) -> Marked:
    """Return the guide's article (as the page shows it) with every spoken fragment marked."""
    return mark_script(render_article(context), context["lang"])


def spoken(context: dict) -> Narration:
    """Return the narration of a page context (its article: title, summary, body, contact)."""
    try:
        return narrate_once(marked(context).script, voices(context["lang"], context["source_lang"]))
    except RenderError as error:
        raise RenderError(f"audio in {context['lang']}: {error}", context["source_path"]) from None  # keeps a voice's path


def voices(lang: str, source_lang: str) -> tuple[str, ...]:
    """Return the identity of each voice that speaks a guide in ``lang`` (its fallback blocks too)."""
    return tuple(f"{code} {DEFAULT_ENGINE.identity(code)}" for code in sorted({lang, source_lang}))


def has_voice(lang: str, source_lang: str) -> bool:
    """Tell whether the speech engine has a voice for the language and for its fallback blocks."""
    return can_narrate({lang, source_lang})


def render(context: dict, base_url: str) -> bytes:
    """Render the guide's narration as MP3 (``base_url`` is unused: nothing is embedded)."""
    return encode_mp3(spoken(context).wav, context["title"], context["lang"])


FORMAT = Format("audio", ".mp3", render, only_where=has_voice, depends=voices)
