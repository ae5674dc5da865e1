"""Measure `ligetil update` of one big guide: the memory's near matches by rapidfuzz vs difflib.

The project is the sample (its guides and reviewed catalogs are the memory) plus one guide of
about --megabytes MB made of the sample guides' bodies, each copy with its numbers changed, so
most of its texts are near, not exact, matches of the memory. One update runs with the
memory as shipped (rapidfuzz with a length prefilter) and one with the difflib search it
replaced, each on a fresh copy, in this process. It prints both times and their ratio.

    .venv/bin/python benchmarks/memory_bench.py [--megabytes 1.95] [--langs tr,en]

Not a test: it prints figures. Times include msgcat and writing, as a user waits for them.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import re
import shutil
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.catalog import memory as memory_module  # noqa: E402
from pipeline.cli import main  # noqa: E402

FRONT_MATTER_RE = re.compile(r"^---\n.*?\n---\n", re.S)
NUMBER_RE = re.compile(r"\d+")


def difflib_lookup(self, msgid: str, exclude: str | None = None):
    """The lookup before rapidfuzz: difflib's get_close_matches over every source."""
    found = self.entries.get(msgid)
    if found and found[1] != exclude:
        return memory_module.Match(msgid, found[0], found[1], exact=True)
    candidates = [k for k, (_, origin) in self.entries.items() if origin != exclude]
    close = difflib.get_close_matches(msgid, candidates, n=1, cutoff=memory_module.NEAR_MATCH)
    if not close:
        return None
    translation, origin = self.entries[close[0]]
    return memory_module.Match(close[0], translation, origin, exact=False,
                               score=difflib.SequenceMatcher(None, msgid, close[0]).ratio())


def _prose(line: str) -> bool:
    """Tell whether a line is a paragraph's or list item's text (not a table, heading id or image)."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(("|", "!", "<!--", "#")) and "{#" not in stripped


def big_guide(megabytes: float) -> str:
    """Return a guide of about ``megabytes`` MB: sample bodies with their numbers changed per copy."""
    bodies = [FRONT_MATTER_RE.sub("", p.read_text(encoding="utf-8")) for p in sorted((REPO / "content").glob("*.md"))]
    parts, size, copy = [], 0, 0
    while size < megabytes * 1_000_000:
        copy += 1
        for body in bodies:
            text = NUMBER_RE.sub(lambda m: str((int(m.group()) * 7 + copy) % 10 ** len(m.group())), body)
            text = text.replace("{#", f"{{#c{copy}-")  # heading ids stay unique
            lines = [f"{line} Afsnit {copy}." if _prose(line) else line for line in text.split("\n")]
            text = "\n".join(lines)  # every copy's texts differ a little: near matches, not repeats
            parts.append(text)
            size += len(text.encode("utf-8"))
    return "---\ntitle: Stor guide\nsummary: Alle guiderne i én.\n---\n" + "\n\n".join(parts)


def project(folder: Path, guide: str, langs: list[str]) -> Path:
    """Copy the sample project into ``folder`` with these languages and the big guide."""
    shutil.copytree(REPO / "content", folder / "content")
    shutil.copytree(REPO / "translations", folder / "translations")
    settings = (REPO / "ligetil.toml").read_text(encoding="utf-8")
    settings = re.sub(r"^languages = .*$", f"languages = {json.dumps(langs)}", settings, flags=re.M)
    (folder / "ligetil.toml").write_text(settings, encoding="utf-8")
    (folder / "content/stor.md").write_text(guide, encoding="utf-8")
    return folder


def timed_update(root: Path) -> tuple[float, str]:
    """Run `ligetil update` in this process; return seconds and its summary line."""
    out = io.StringIO()
    started = time.perf_counter()
    with redirect_stdout(out):
        try:
            main(["-C", str(root), "update"])
        except SystemExit as done:
            if done.code:
                raise RuntimeError(f"update failed with {done.code}") from None
    return time.perf_counter() - started, out.getvalue().strip().split("\n")[-1]


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=1.95)
    parser.add_argument("--langs", default="tr", help="comma-separated, from the sample's languages")
    parser.add_argument("--shipped-only", action="store_true",
                        help="time only the code as it is (copy this script into an older checkout to compare)")
    args = parser.parse_args()
    guide = big_guide(args.megabytes)
    langs = args.langs.split(",")
    print(f"guide: {len(guide.encode('utf-8')) / 1e6:.2f} MB, languages: {', '.join(langs)}")
    shipped = memory_module.TranslationMemory.lookup  # rapidfuzz with a length prefilter
    with tempfile.TemporaryDirectory() as temp:
        timed_update(project(Path(temp) / "warm-up", "---\ntitle: Lille\n---\nEt afsnit.\n", langs))
        fast, summary = timed_update(project(Path(temp) / "rapidfuzz", guide, langs))
        print(f"as shipped:                   {fast:6.1f} s  ({summary})")
        if args.shipped_only:
            return
        memory_module.TranslationMemory.lookup = difflib_lookup
        try:
            slow, summary = timed_update(project(Path(temp) / "difflib", guide, langs))
        finally:
            memory_module.TranslationMemory.lookup = shipped
        print(f"memory search by difflib:     {slow:6.1f} s  ({summary})")
    print(f"ratio difflib / rapidfuzz: {slow / fast:.1f}")


if __name__ == "__main__":
    main_bench()
