"""Measure `ligetil update` with one large guide beside the sample guides, at a few sizes.

The large guide is the sample guides' bodies repeated with their numbers changed (so its
paragraphs differ), in the sample project with two target languages. For each size it
prints the CPU and wall seconds of: the update that creates its catalogs, a no-op update
(it merges and finds nothing to write), a second no-op (known settled: only hashing), and
an update after one paragraph changed; CPU per MB shows what grows faster than the input.

    .venv/bin/python benchmarks/update_bench.py [--sizes 0.5,1,1.95] [--profile]

``--profile`` prints the top of cProfile's list for the largest size's creating update.
Not a test: figures only, each with the machine's load.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bench import children_cpu, load, machine, shift_numbers  # noqa: E402


def make_project(root: Path, size: float) -> Path:
    """Copy the sample project (en, tr) and add ``content/stor.md`` of about ``size`` MB."""
    root.mkdir(parents=True)
    for part in ("content", "translations"):
        shutil.copytree(REPO / part, root / part)
    settings = (REPO / "ligetil.toml").read_text("utf-8")
    (root / "ligetil.toml").write_text(re.sub(r"(?m)^languages = .*$", 'languages = ["en", "tr"]', settings), "utf-8")
    samples = sorted((REPO / "content").glob("*.md"))
    head = samples[0].read_text("utf-8").split("\n---\n", 1)[0]
    bodies = [p.read_text("utf-8").split("\n---\n", 1)[1] for p in samples]
    parts, total, number = [], 0, 0
    while total < size * 1e6 * 0.97:  # UTF-8 bytes run a little above the characters
        parts.append(shift_numbers(bodies[number % len(bodies)], number) + f"\n\nAfsnit nummer {number}.\n")
        total, number = total + len(parts[-1].encode("utf-8")), number + 1
    guide = root / "content" / "stor.md"
    guide.write_text(head + "\n---\n" + "\n\n".join(parts), "utf-8")
    return guide


def update(root: Path, profile: Path | None = None) -> tuple[float, float]:
    """Run `ligetil update`; return wall and CPU seconds."""
    cpu, started = children_cpu(), time.perf_counter()
    command = [sys.executable, *(["-m", "cProfile", "-o", str(profile)] if profile else []), "-m", "pipeline",
               "-C", str(root), "update"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"update failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - started, children_cpu() - cpu


def edit_paragraph(guide: Path) -> None:
    """Add a sentence to a paragraph in the middle of the guide."""
    text = guide.read_text("utf-8")
    middle = text.index("\n\nAfsnit nummer", len(text) // 2)
    guide.write_text(text[:middle] + " Husk dit sundhedskort." + text[middle:], "utf-8")


def foreign_update(catalog: Path) -> None:
    """Time `ligetil update` of the sample (en, tr) with another project's catalog as madservice's Turkish one.

    Every one of its entries is a candidate for every new entry's fuzzy match (merge.py), none
    matches, and all are kept as obsolete: the case where the fuzzy search costs most.
    """
    import polib

    root = Path(tempfile.mkdtemp(prefix="ligetil-update-bench-")) / "project"
    make_project(root, 0).unlink()  # the sample alone
    update(root)
    target = root / "translations" / "tr" / "LC_MESSAGES" / "madservice.po"
    shutil.copy(catalog, target)
    entries = len(polib.pofile(str(target)))
    wall, cpu = update(root)
    print(f"update with a {entries}-entry catalog of another project in place: {wall:.2f} s wall, "
          f"{cpu:.2f} s CPU (goal ≤ 0.5 s); {load()}")
    shutil.rmtree(root.parent, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0.5,1,1.95", help="MB of the large guide, comma-separated")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--foreign", type=Path, help="also time an update with this catalog of another project "
                        "(e.g. msgcat of Django's Turkish catalogs) in place of madservice's Turkish one")
    args = parser.parse_args()
    os.environ["LIGETIL_CACHE_DIR"] = tempfile.mkdtemp(prefix="ligetil-bench-cache-")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's install keeps compiled modules
    print(f"machine: {machine()}")
    print(f"command: {Path(sys.executable).name} benchmarks/update_bench.py {' '.join(sys.argv[1:])}")
    if args.foreign:
        foreign_update(args.foreign)
    sizes = [float(s) for s in args.sizes.split(",")]
    for size in sizes:
        root = Path(tempfile.mkdtemp(prefix="ligetil-update-bench-")) / "project"
        guide = make_project(root, size)
        megabytes = guide.stat().st_size / 1e6
        profile = root.parent / "create.prof" if args.profile and size == sizes[-1] else None
        figures = [("create", update(root, profile)), ("no-op", update(root)), ("settled no-op", update(root))]
        edit_paragraph(guide)
        figures.append(("one paragraph changed", update(root)))
        print(f"{megabytes:.2f} MB guide: " + "; ".join(f"{name} {wall:.2f} s wall, {cpu:.2f} s CPU "
                                                        f"({cpu / megabytes:.2f} CPU s/MB)"
                                                        for name, (wall, cpu) in figures) + f"; {load()}")
        if profile:
            import pstats

            pstats.Stats(str(profile)).sort_stats("cumulative").print_stats(r"pipeline|difflib|polib|markdown", 25)
        shutil.rmtree(root.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
