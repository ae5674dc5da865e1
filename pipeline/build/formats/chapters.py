"""The WebVTT chapters track of a guide's audio: one cue per h1 and h2, where its audio starts."""

from __future__ import annotations

from pipeline.build.formats.audio import has_voice, spoken, voices
from pipeline.build.formats.base import Format
from pipeline.render.speech.narrate import chapters_vtt


def render(context: dict, base_url: str) -> bytes:
    """Render the chapters of the guide's narration (``base_url`` is unused)."""
    return chapters_vtt(spoken(context)).encode("utf-8")


FORMAT = Format("chapters", ".chapters.vtt", render, only_where=has_voice, depends=voices)
