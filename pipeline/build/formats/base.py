"""What an output format is: a name, a suffix and a render function."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Format:
    """One output format of a guide in a language."""

    name: str  # the --format choice, e.g. "html"
    suffix: str  # the file's suffix in output/<lang>/, e.g. ".html"
    render: Callable[[dict, str], bytes]  # (page context, base URL for relative links) -> bytes
    page: bool = False  # the web page: made last, it links the other formats ("downloads") and their sizes
    beside_source: bool = False  # set beside the source language: made in the other languages only,
    # its context has the source's page context as "source_page"
    only_where: Callable[[str, str], bool] | None = None  # (lang, source_lang) -> whether this machine
    # can make it there (audio: a voice for the language and for its fallback blocks)
    variant: Callable[[str, str], object] | None = None  # (lang, source_lang) -> what else on this machine
    # decides its bytes, JSON-able; part of its dependency hash (the e-book: whether it carries the audio)

    def made_in(self, lang: str, source_lang: str) -> bool:
        """Tell whether a guide gets this format in a language."""
        if self.only_where is not None and not self.only_where(lang, source_lang):
            return False
        return not (self.beside_source and lang == source_lang)

    def variant_of(self, lang: str, source_lang: str) -> object:
        """Return what besides the project decides this format's bytes in a language (None: nothing)."""
        return None if self.variant is None else self.variant(lang, source_lang)

    def path(self, lang: str, slug: str) -> str:
        """Return the output path of one guide in one language, relative to output/."""
        return f"{lang}/{slug}{self.suffix}"
