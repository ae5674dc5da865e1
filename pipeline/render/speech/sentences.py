"""A text's sentences in its language, by Wikimedia's sentencex (abbreviations, ؟ ۔ ። and the rest)."""

from __future__ import annotations

from sentencex import segment


def sentences(text: str, lang: str) -> list[str]:
    """Split ``text`` into sentences that join back into it exactly (each keeps its trailing space)."""
    found = [piece for piece in segment(lang.split("_")[0].split("-")[0], text) if piece]
    if "".join(found) != text:  # never lose or reorder a character: the text is what is published
        return [text]
    return found
