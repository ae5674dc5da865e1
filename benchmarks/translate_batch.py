"""Compare Ligetil's batched drafts with argostranslate's per-segment ``translate()``.

Same model, same segments (every paragraph and list item of content/*.md, tagged so that
each is unique, at least 500), same beam size and the same sentence splitter, so the ratio
measures batching alone. By default the model is the test suite's tiny copy model, built
here without any download; pass ``--package DIR`` to time an installed Argos package instead.

    .venv/bin/python benchmarks/translate_batch.py [--segments 600] [--beam 4] [--package DIR]

Ligetil does not depend on argostranslate (see README); for this comparison install it beside
Ligetil without its dependencies, ``.venv/bin/pip install --no-deps argostranslate==1.11.0``
(``pip check`` then complains: use a scratch copy of the venv if that matters). It imports
stanza and minisbd, which are stubbed here with Ligetil's own splitter, which the comparison
needs anyway to be fair.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import sys
import tempfile
import time
import types
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def segments(count: int) -> list[str]:
    """Return ``count`` unique Danish segments taken from the sample guides."""
    texts = []
    for path in sorted((REPO / "content").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---", 2)[-1]
        for block in re.split(r"\n\s*\n", body):
            text = re.sub(r"^(#+|[-*]|\d+\.)\s+", "", block.strip()).replace("\n", " ")
            if text and not text.startswith(("<!--", "|", "!")):
                texts.append(text)
    if not texts:
        raise SystemExit("no guides in content/")
    return [f"Afsnit {_letters(i)}: {texts[i % len(texts)]}" for i in range(count)]


def _letters(number: int) -> str:
    """Return a, b, …, z, ba, bb, …: a tag that masking leaves alone (digits would be masked,
    making repeated paragraphs identical again)."""
    tag = ""
    while True:
        number, digit = divmod(number, 26)
        tag = "abcdefghijklmnopqrstuvwxyz"[digit] + tag
        if not number:
            return tag


def tiny_package(folder: Path) -> tuple[Path, str, str]:
    """Build and install the tests' tiny da→en copy model into ``folder``."""
    spec = importlib.util.spec_from_file_location("tiny_model", REPO / "tests/translate/tiny_model.py")
    tiny = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tiny)
    sp_model = tiny.train_sentencepiece(tiny.corpus([REPO / "content"]), folder / "sp")
    return tiny.build_package(folder, sp_model, "da", "en", "1.9"), "da", "en"


def stub_sentence_splitters() -> None:
    """Let ``import argostranslate.translate`` work without stanza/minisbd, splitting like Ligetil."""
    from pipeline.translate.sentences import split_sentences

    class Detector:
        def __init__(self, *args, **kwargs):
            pass

        def sentences(self, text: str) -> list[str]:
            return [sentence for sentence, _ in split_sentences(text)]

    minisbd = types.ModuleType("minisbd")
    minisbd.SBDetect = Detector
    minisbd.models = types.SimpleNamespace(list_models=lambda: ["da", "en"], cache_dir="")
    sys.modules.setdefault("minisbd", minisbd)
    sys.modules.setdefault("stanza", types.ModuleType("stanza"))


def time_argos(texts: list[str], source: str, target: str, models_dir: Path) -> float:
    """Seconds for argostranslate's ``translate()``, one segment at a time, model preloaded."""
    stub_sentence_splitters()
    os.environ["ARGOS_PACKAGES_DIR"] = str(models_dir)  # argostranslate reads it at import
    try:
        import argostranslate.translate as argos_translate
    except ModuleNotFoundError:
        sys.exit("argostranslate is not installed: .venv/bin/pip install --no-deps argostranslate==1.11.0")

    argos_translate.translate(texts[0], source, target)  # load the model outside the timing
    started = time.perf_counter()
    for text in texts:
        argos_translate.translate(text, source, target)
    return time.perf_counter() - started


def time_ligetil(texts: list[str], route, beam: int) -> tuple[float, float]:
    """Seconds for Ligetil's drafts, and for its batched engine alone without deduplication.

    make_drafts masks, splits, translates each distinct sentence once, restores and verifies;
    the second figure translates every sentence of every segment, repeats included, so it
    measures batching alone.
    """
    from pipeline.translate.argos import ArgosEngine
    from pipeline.translate.engine import make_drafts
    from pipeline.translate.sentences import split_sentences

    engine = ArgosEngine(route, beam=beam)
    engine.translate([texts[0]])  # load the model outside the timing
    started = time.perf_counter()
    drafts = make_drafts(texts, engine, ("MitID", "Borgerservice"))
    total = time.perf_counter() - started
    every = [s for text in texts for s, _ in split_sentences(text) if s.strip()]
    started = time.perf_counter()
    engine.translate(every)
    batch = time.perf_counter() - started
    refused = sum(d.text is None for d in drafts)
    if refused:
        print(f"note: {refused} draft(s) refused by the mask check")
    return total, batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--segments", type=int, default=600)
    parser.add_argument("--beam", type=int, default=4, help="beam size for both (argostranslate's default is 4)")
    parser.add_argument("--package", type=Path, help="an installed Argos package folder (default: tiny model)")
    args = parser.parse_args()
    os.environ["ARGOS_BEAM_SIZE"] = str(args.beam)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        os.environ.setdefault("XDG_DATA_HOME", str(folder / "data"))
        os.environ.setdefault("XDG_CACHE_HOME", str(folder / "cache"))
        os.environ.setdefault("XDG_CONFIG_HOME", str(folder / "config"))
        from pipeline.translate.packages import find_route, install_file, installed_models

        if args.package:
            models_dir = args.package.resolve().parent
        else:
            models_dir = folder / "models"
            install_file(tiny_package(folder)[0], models_dir)
        model = installed_models(models_dir)[0] if not args.package else next(
            m for m in installed_models(models_dir) if m.path == args.package.resolve())
        texts = segments(args.segments)
        route = find_route([model], model.from_code, model.to_code)
        ours, batch = time_ligetil(texts, route, args.beam)
        theirs = time_argos(texts, model.from_code, model.to_code, models_dir)
    n = len(texts)
    print(f"model: {model.label} ({model.path.name}), {n} segments, beam {args.beam}")
    print(f"argostranslate translate() per segment: {theirs:7.3f} s  ({1000 * theirs / n:.2f} ms/segment)")
    print(f"ligetil make_drafts (batched, deduped): {ours:7.3f} s  ({1000 * ours / n:.2f} ms/segment)")
    print(f"ligetil engine, batched, no dedup:      {batch:7.3f} s  ({1000 * batch / n:.2f} ms/segment)")
    print(f"ratio make_drafts:      {theirs / ours:.1f}x (goal >= 5x)")
    print(f"ratio batching alone:   {theirs / batch:.1f}x")


if __name__ == "__main__":
    main()
