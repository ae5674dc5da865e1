"""Measure what sentence-by-sentence narration (the e-book's media overlays) costs against one utterance per block.

For each built guide page given, it narrates the page's article twice with espeak-ng: once a
sentence per utterance (what the build does), once a block per utterance (as before the
overlays), and prints the utterance counts, the wall times and their ratio, and the audio's
lengths (the engine's own pause after each sentence makes the sentence version longer).

    .venv/bin/python -m pipeline build --format html   # first: the pages to read
    .venv/bin/python benchmarks/narration_units.py output/da/madservice.html output/ar/madservice.html

Not a test: it prints figures and ratios.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pipeline.render.speech.narrate import narrate
from pipeline.render.speech.script import Chapter, Utterance, mark_script


def by_block(script: tuple[Chapter, ...], marked) -> tuple[Chapter, ...]:
    """Return the same chapters with one utterance per block (the block's language, its whole text)."""
    blocks = iter(marked.blocks)
    found = []
    for chapter in script:
        count, items = len(chapter.utterances), []
        while count > 0:
            block = next(blocks)
            count -= len(block.utterances)
            items.append(Utterance(block.text, block.lang))
        found.append(Chapter(chapter.title, tuple(items)))
    return tuple(found)


def main(pages: list[str]) -> None:
    for page in pages:
        html = Path(page).read_text("utf-8")
        article = html[html.index("<article"):html.index("</article>") + len("</article>")]
        lang = Path(page).parent.name
        marked = mark_script(article, lang)
        timings = {}
        for name, script in (("sentences", marked.script), ("blocks", by_block(marked.script, marked))):
            started = time.perf_counter()
            narration = narrate(script)
            timings[name] = (sum(len(c.utterances) for c in script), time.perf_counter() - started, narration.seconds)
        (n_s, t_s, a_s), (n_b, t_b, a_b) = timings["sentences"], timings["blocks"]
        print(f"{page}: {n_s} sentences / {n_b} blocks; narrate {t_s:.1f} s / {t_b:.1f} s = {t_s / t_b:.2f}×; "
              f"audio {a_s:.0f} s / {a_b:.0f} s = {a_s / a_b:.2f}×")


if __name__ == "__main__":
    main(sys.argv[1:])
