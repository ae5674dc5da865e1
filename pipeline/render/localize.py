"""Guide + catalog → LocalizedGuide: decide, per segment, which text is published."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.catalog.headers import revision_date
from pipeline.catalog.stats import coverage, is_draft, is_reviewed
from pipeline.config import Settings
from pipeline.model import Coverage, Guide, LocalizedGuide, LocalizedText, Segment
from pipeline.render.ui import text_direction
from pipeline.source.markdown_engine import find_inline_html

if TYPE_CHECKING:  # polib is imported only by pipeline.catalog
    import polib


def _index(po: polib.POFile | None) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in po if not e.obsolete and not e.msgctxt} if po else {}


def unusable_msgids(po: polib.POFile | None) -> frozenset[str]:
    """Return msgids whose msgstr holds raw HTML: they are published as untranslated."""
    return frozenset(e.msgid for e in _index(po).values() if e.msgstr and find_inline_html(e.msgstr))


def _text(seg: Segment, entry: polib.POEntry | None, lang: str, source: str,
          preview: bool) -> LocalizedText:
    if is_reviewed(entry):
        return LocalizedText(entry.msgstr, lang, "translated")
    if preview and is_draft(entry):
        return LocalizedText(entry.msgstr, lang, "draft")
    return LocalizedText(seg.msgid, source, "source")


def localize(guide: Guide, segments: list[Segment], po: polib.POFile | None, lang: str,
             settings: Settings, *, preview: bool = False,
             excluded: frozenset[str] = frozenset()) -> LocalizedGuide:
    """Return the guide's texts in ``lang``: reviewed translations, else the source text.

    Whether the result is published at all is decided once, by ``pipeline.project.publication``.

    Args:
        guide, segments: the source guide and its segments.
        po: the guide's catalog in ``lang`` (None when there is none).
        lang: the page language; for the source language every text is its msgid.
        preview: show fuzzy drafts too (marked as drafts).
        excluded: msgids with QA errors; they are treated as untranslated.
    """
    direction = text_direction(lang)
    if lang == settings.source_language:
        texts = {s.msgid: LocalizedText(s.msgid, lang, "translated") for s in segments}
        words = coverage(segments, None).words
        return LocalizedGuide(guide, lang, direction, texts, Coverage(words, words), preview)
    excluded = frozenset(excluded) | unusable_msgids(po)
    index = _index(po)
    texts = {s.msgid: _text(s, None if s.msgid in excluded else index.get(s.msgid), lang,
                            settings.source_language, preview) for s in segments}
    return LocalizedGuide(guide, lang, direction, texts, coverage(segments, po, excluded), preview,
                          revision_date(po))
