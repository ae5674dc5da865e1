"""Translate with an Argos package's CTranslate2 model and SentencePiece, in batches.

argostranslate's own ``translate()`` handles one text at a time and needs stanza/minisbd for
sentence splitting; calling CTranslate2 directly on all sentences of a run is ~5-10x faster.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.errors import TranslateError
from pipeline.translate.engine import Progress
from pipeline.translate.packages import InstalledModel

CHUNK = 256  # sentences per translate_batch call, so the progress bar moves
BATCH = 64  # CTranslate2 sorts by length and batches inside a call
MAX_TOKENS = 256  # CTranslate2's default limit


class ArgosEngine:
    """A chain of installed Argos models (one, or two through a pivot language)."""

    def __init__(self, route: Sequence[InstalledModel], beam: int = 4, threads: int = 0):
        if not route:
            raise TranslateError("an Argos engine needs at least one model")
        self.route = tuple(route)
        self.beam = beam
        self.threads = threads
        self._loaded: dict[InstalledModel, tuple[object, object]] = {}

    def describe(self) -> str:
        """Return e.g. ``argos da→en→tr (translate-da_en 1.9, translate-en_tr 1.5)``."""
        codes = [self.route[0].from_code, *(m.to_code for m in self.route)]
        return f"argos {'→'.join(codes)} ({', '.join(m.label for m in self.route)})"

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[str]:
        """Translate sentences through every model of the route, batched."""
        texts, total = list(sentences), len(sentences) * len(self.route)
        for hop, model in enumerate(self.route):
            offset = hop * len(sentences)
            texts = self._hop(model, texts, lambda done: progress and progress(offset + done, total))
        return texts

    def _load(self, model: InstalledModel) -> tuple[object, object]:
        """Load (once) the CTranslate2 translator and SentencePiece processor of a model."""
        if model not in self._loaded:
            import ctranslate2  # heavy (and a native library): only a run that translates loads it
            import sentencepiece  # with it, for the same reason

            try:
                translator = ctranslate2.Translator(
                    str(model.path / "model"), device="cpu", intra_threads=self.threads
                )
                processor = sentencepiece.SentencePieceProcessor(
                    model_file=str(model.path / "sentencepiece.model")
                )
            except (RuntimeError, OSError, ValueError) as error:
                raise TranslateError(f"cannot load {model.label}: {error}", model.path) from None
            self._loaded[model] = (translator, processor)
        return self._loaded[model]

    def _hop(self, model: InstalledModel, texts: list[str], report) -> list[str]:
        """Translate texts with one model, shortest first, ``CHUNK`` sentences per call."""
        translator, processor = self._load(model)
        tokens = processor.encode(texts, out_type=str)
        order = sorted(range(len(texts)), key=lambda i: len(tokens[i]))
        out: list[str] = [""] * len(texts)
        for start in range(0, len(order), CHUNK):
            chunk = order[start : start + CHUNK]
            done = self._batch(model, translator, processor, [tokens[i] for i in chunk])
            for index, text in zip(chunk, done):
                out[index] = text
            report(min(start + CHUNK, len(order)))
        return out

    def _batch(self, model: InstalledModel, translator, processor, tokens: list[list[str]]) -> list[str]:
        """Translate one chunk of tokenized sentences with a single ``translate_batch`` call."""
        prefix = [[model.target_prefix]] * len(tokens) if model.target_prefix else None
        longest = max(map(len, tokens), default=0)
        results = translator.translate_batch(
            tokens, target_prefix=prefix, beam_size=self.beam, max_batch_size=BATCH,
            replace_unknowns=True, length_penalty=0.2,
            # A draft far longer than its source is a decoding loop, not a translation.
            max_decoding_length=min(MAX_TOKENS, 2 * longest + 16),
        )
        out = []
        for result in results:
            text = processor.decode_pieces(result.hypotheses[0]).replace("▁", " ")
            if model.target_prefix and text.startswith(model.target_prefix):
                text = text[len(model.target_prefix):]
            out.append(text.strip())
        return out
