"""The engine protocol, and turning segments into verified drafts with any engine."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from pipeline.translate.masking import Masked, MaskError, mask, restore, verify
from pipeline.translate.sentences import split_sentences

Progress = Callable[[int, int], None]  # (done, total)


class Engine(Protocol):
    """A machine translation engine that translates many sentences at once."""

    def describe(self) -> str:
        """Return the engine, route and model versions, for the draft's comment."""
        ...

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        """Translate sentences in one batched run, in order."""
        ...


@dataclass(frozen=True)
class Draft:
    """The outcome for one source text: a verified draft, or why there is none."""

    source: str
    text: str | None
    problem: str | None = None


def _prepare(text: str, terms: tuple[str, ...]) -> tuple[Masked | None, list[tuple[str, str]], str | None]:
    try:
        masked = mask(text, terms)
    except MaskError as error:
        return None, [], error.message
    return masked, split_sentences(masked.text), None


def _finish(source: str, masked: Masked, pieces: list[tuple[str, str]], terms: tuple[str, ...]) -> Draft:
    try:
        draft = restore(masked, "".join(s + space for s, space in pieces))
        verify(source, draft, terms)
    except MaskError as error:
        return Draft(source, None, error.message)
    return Draft(source, draft)


def _swap(sentence: str, translated: dict[str, str]) -> str:
    """Return the translation of ``sentence``, keeping its surrounding whitespace."""
    core = sentence.strip()
    if not core:
        return sentence
    lead = sentence[: len(sentence) - len(sentence.lstrip())]
    trail = sentence[len(sentence.rstrip()):]
    return lead + translated[core] + trail


def make_drafts(
    texts: Sequence[str], engine: Engine, terms: tuple[str, ...] = (), progress: Progress | None = None
) -> list[Draft]:
    """Mask, split, translate every distinct sentence once, restore and verify each text.

    Args:
        texts: source texts (PO msgids), Markdown inline markup included.
        engine: translates the masked sentences in one batch.
        terms: protected terms copied unchanged.
        progress: called with (done, total) while the engine works.

    Returns:
        One Draft per text, in order; a Draft without text says why it was refused.
    """
    prepared = [_prepare(text, terms) for text in texts]
    unique = sorted({s.strip() for _, pieces, _ in prepared for s, _ in pieces if s.strip()})
    translated = dict(zip(unique, engine.translate(unique, progress))) if unique else {}
    drafts = []
    for text, (masked, pieces, problem) in zip(texts, prepared):
        if masked is None:
            drafts.append(Draft(text, None, problem))
            continue
        done = [(_swap(s, translated), space) for s, space in pieces]
        drafts.append(_finish(text, masked, done, terms))
    return drafts
