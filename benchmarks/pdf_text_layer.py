"""Print, per language and PDF reader, the share of each page's sentences its flyer gives verbatim.

Usage: .venv/bin/python benchmarks/pdf_text_layer.py [OUTPUT_DIR]   (default: output/, built)
The readers and the comparison are those of the tests (tests/pdf_referees.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from pdf_referees import READERS, found_share, page_sentences  # noqa: E402  (the tests' own module)


def main() -> None:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "output"
    languages = sorted(p.name for p in output.iterdir() if p.is_dir() and any(p.glob("*.pdf")))
    if not languages:
        raise SystemExit(f"no PDF under {output}: run `ligetil build` first")
    print("| reader | " + " | ".join(languages) + " |")
    print("|---" * (len(languages) + 1) + "|")
    for reader, read in READERS.items():
        cells, lowest = [], []
        for lang in languages:
            found = total = 0
            worst = (1.0, "")
            for html in sorted((output / lang).glob("*.html")):
                pdf = html.with_suffix(".pdf")
                if pdf.exists():
                    sentences = page_sentences(html.read_text(encoding="utf-8"))
                    share, missing = found_share(sentences, read(pdf))
                    total += len(sentences)
                    found += len(sentences) - len(missing)
                    worst = min(worst, (share, pdf.stem))
            cells.append(f"{100 * found / total:.1f} % ({found}/{total})" if total else "—")
            lowest.append(f"{100 * worst[0]:.1f} % {worst[1]}" if total else "—")
        print(f"| {reader} | " + " | ".join(cells) + " |")
        print(f"| {reader}, lowest PDF | " + " | ".join(lowest) + " |")


if __name__ == "__main__":
    main()
