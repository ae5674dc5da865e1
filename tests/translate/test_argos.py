"""The batched CTranslate2 engine on the tiny copy models, and drafting with it."""

from __future__ import annotations

import pytest

from pipeline.translate.argos import ArgosEngine
from pipeline.translate.engine import make_drafts

SENTENCES = [
    "Du kan få mad bragt ud, hvis du ikke selv kan lave mad.",
    "Hjemmeplejen hjælper dig med rengøring, bad og indkøb.",
    "Log ind ZQ1 med ZQ2 på ZQ3 borger ZQ4 nu.",
    "Hej verden.",
]


@pytest.mark.parametrize("beam", [1, 2, 4, 8])
def test_the_copy_model_returns_every_sentence(installed, beam):
    engine = ArgosEngine(installed[:1], beam=beam)
    assert engine.translate(SENTENCES) == SENTENCES


def test_a_pivot_runs_both_models_and_names_them(installed):
    engine = ArgosEngine(installed, beam=2)
    assert engine.describe() == "argos da→en→tr (translate-da_en 1.9, translate-en_tr 1.5)"
    assert engine.translate(["Hej verden."]) == ["Merhaba verden."]


def test_progress_counts_every_sentence_on_every_hop(installed):
    seen = []
    ArgosEngine(installed).translate(SENTENCES, lambda done, total: seen.append((done, total)))
    assert seen == [(4, 8), (8, 8)]


def test_drafts_restore_markup_exactly_and_translate_each_sentence_once(installed):
    calls = []

    class Counting(ArgosEngine):
        def translate(self, sentences, progress=None):
            calls.append(list(sentences))
            return super().translate(sentences, progress)

    texts = ["Hej fra **MitID** på [borger.dk](https://borger.dk) kl. 8–15. Hej verden.", "Hej verden."]
    drafts = make_drafts(texts, Counting(installed), ("MitID",))
    assert [d.text for d in drafts] == [
        "Merhaba fra **MitID** på [borger.dk](https://borger.dk) kl. 8–15. Merhaba verden.",
        "Merhaba verden.",
    ]
    assert len(calls) == 1 and calls[0].count("Hej verden.") == 1
