"""Measure `ligetil build` and `ligetil update` on a synthetic project of N guides in five languages.

The guides are the sample guides (content/*.md) with their numbers changed per copy, and
the catalogs are the sample's reviewed translations with the same numbers changed, so every
guide is complete in en, tr, ar and ur, in real Latin, Arabic and Urdu text. In one run it
reports:

1. the cold build's wall time ÷ (the sum of the pure Python-Markdown + WeasyPrint render
   times of the same documents, measured here, ÷ jobs): the overhead ratio, goal ≤ 1.15;
   WeasyPrint is timed called plainly (the ratio the goal is about) and as the build's
   workers call it (the build's own overhead);
2. the no-op rebuild's wall time (the median of 5), goal ≤ 0.3 s;
3. one paragraph changed in one guide (its source, then one translation): what was
   rewritten and how long it took;
4. the peak RSS of the build's whole process tree (summed), and of its largest process
   (getrusage), goal ≤ 500 MB;
5. `ligetil extract` and `ligetil update` beside mdpo's `md2po` on the same files, and a
   no-op `ligetil update` (the median of 5), goal ≤ 0.3 s;
6. the cold build again with the font cache warm (a second machine-wide build): the web
   fonts are not cut again;
7. with ``--scale 20,50,200``: only cold builds at each size, and their slope (time per
   guide against the first size's: 1.00 is linear).

    .venv/bin/python benchmarks/build_bench.py [--guides 50] [--jobs N] [--keep DIR]
    .venv/bin/python benchmarks/build_bench.py --scale 20,50,200 [--jobs N]

Not a test: it prints figures and ratios, each with the load average of the machine when
it was taken (a shared machine makes absolute times noisy; ratios less so). Wall times
include starting Python. The user cache (cut fonts, machine facts) is a fresh temporary
folder, so the first cold build is a first build on this machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
LANGS = ("en", "tr", "ar", "ur")
NUMBER_RE = re.compile(r"[0-9]+|[\u0660-\u0669]+|[\u06f0-\u06f9]+")
KEEP_RE = re.compile(r"^\s*(updated|phone|address|email|service):")  # not translated: left alone
TITLE_RE = re.compile(r"^title: (.*)$", re.MULTILINE)
NOOP_RUNS = 5  # a no-op takes a third of a second: one run says more about the machine than about ligetil


def shift_numbers(text: str, seed: int) -> str:
    """Change every number (Western, Arabic-Indic or Urdu digits) the same way for one seed."""
    def change(match: re.Match) -> str:
        digits = match.group(0)
        zero = ord(digits[0]) - unicodedata.digit(digits[0])
        value = (int("".join(str(unicodedata.digit(c)) for c in digits)) * 7 + seed * 13 + 1) % 10 ** len(digits)
        return "".join(chr(zero + int(c)) for c in str(value).zfill(len(digits)))
    return NUMBER_RE.sub(change, text)


def synthetic_guide(text: str, seed: int) -> str:
    """Return a sample guide with its numbers changed and its title numbered."""
    lines = [line if KEEP_RE.match(line) else shift_numbers(line, seed) for line in text.split("\n")]
    text = "\n".join(lines)
    return TITLE_RE.sub(lambda m: f"title: {_numbered(m.group(1), seed)}", text, count=1)


def _numbered(title: str, seed: int) -> str:
    if title.endswith('"'):
        return f'{title[:-1]} {seed}"'
    return f"{title} {seed}"


def make_project(root: Path, count: int) -> dict[str, tuple[str, int]]:
    """Write settings and ``count`` guides; return slug -> (sample slug, seed)."""
    root.mkdir(parents=True, exist_ok=True)
    settings = (REPO / "ligetil.toml").read_text("utf-8")
    languages = "languages = [" + ", ".join(f'"{lang}"' for lang in LANGS) + "]"
    (root / "ligetil.toml").write_text(re.sub(r"(?m)^languages = .*$", languages, settings), "utf-8")
    shutil.copytree(REPO / "content" / "images", root / "content" / "images")
    (root / "translations").mkdir()
    glossary = REPO / "translations" / "glossary.csv"
    if glossary.is_file():
        shutil.copy(glossary, root / "translations" / "glossary.csv")
    samples = sorted((REPO / "content").glob("*.md"))
    made = {}
    for number in range(count):
        sample = samples[number % len(samples)]
        slug = f"{sample.stem}-{number:03d}"
        text = synthetic_guide(sample.read_text("utf-8"), number)
        (root / "content" / f"{slug}.md").write_text(text, encoding="utf-8")
        made[slug] = (sample.stem, number)
    return made


def fill_catalogs(root: Path, made: dict[str, tuple[str, int]]) -> int:
    """Translate every entry from the sample's catalogs (numbers changed); return how many are missing."""
    import polib

    missing = 0
    for lang in LANGS:
        for slug, (sample, seed) in made.items():
            source = polib.pofile(str(REPO / "translations" / lang / "LC_MESSAGES" / f"{sample}.po"))
            table = {shift_numbers(e.msgid, seed): shift_numbers(e.msgstr, seed)
                     for e in source if e.msgstr and not e.obsolete and "fuzzy" not in e.flags}
            path = root / "translations" / lang / "LC_MESSAGES" / f"{slug}.po"
            po = polib.pofile(str(path), wrapwidth=79)
            for entry in po:
                found = table.get(entry.msgid)
                if found is None and entry.msgid.endswith(f" {seed}"):
                    base = table.get(entry.msgid[: -len(f" {seed}")])
                    found = None if base is None else f"{base} {seed}"
                if found is None:
                    missing += not entry.obsolete
                    continue
                entry.msgstr = found
                entry.flags = [f for f in entry.flags if f != "fuzzy"]
                entry.previous_msgid = None
            po.save(str(path))
    return missing


def children_cpu() -> float:
    """Return the CPU seconds (user + system) of every child process waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ligetil(root: Path, *args: str) -> float:
    """Run the CLI in a subprocess; return its wall time."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pipeline", "-C", str(root), *args],
                          capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ligetil {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return seconds


class TreeMemory:
    """Sample the summed RSS and PSS of a process and all its descendants from /proc.

    RSS counts the pages forked workers share once in each; PSS (smaps_rollup) divides them
    among the processes that share them, so the tree's PSS is the memory it really holds.
    """

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid, self.interval, self.peak, self.peak_procs, self.peak_pss = pid, interval, 0, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = descendants(self.pid)
            total = sum(rss_bytes(pid) for pid in tree)
            if total > self.peak:
                self.peak, self.peak_procs = total, len(tree)
            self.peak_pss = max(self.peak_pss, sum(pss_bytes(pid) for pid in tree))
            self._stop.wait(self.interval)


def pss_bytes(pid: int) -> int:
    """Return a process's proportional set size (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def descendants(root: int) -> list[int]:
    """Return ``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def rss_bytes(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def load() -> str:
    """Return the machine's load average now, as uptime prints it (1, 5, 15 minutes)."""
    return "load " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def timed_build(root: Path, *args: str) -> tuple[float, tuple[int, int, int, float], str]:
    """Run `ligetil build`; return wall time, (peak tree RSS, processes, largest process's peak RSS, CPU seconds,
    peak tree PSS) and its summary line. CPU seconds (user + system, the workers included) suffer less from a busy machine."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "-C", str(root), "build", *args],
                                stdout=out, stderr=err, text=True, cwd=REPO)
        with TreeMemory(proc.pid) as memory:
            _, status, usage = os.wait4(proc.pid, 0)  # its rusage covers the workers it reaped
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        text, problems = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(f"build failed:\n{text}\n{problems}")
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, (memory.peak, memory.peak_procs, usage.ru_maxrss * 1024, cpu, memory.peak_pss), \
        text.strip().splitlines()[-1]


def snapshot(output: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(output).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size)
            for p in output.rglob("*") if p.is_file()}


def rewritten(before: dict, after: dict) -> list[str]:
    return sorted(n for n in set(before) | set(after) if before.get(n) != after.get(n))


def pure_render_seconds(root: Path) -> tuple[float, float, float, int, float]:
    """Time (CPU) Python-Markdown (body) and WeasyPrint (the pdf format's document) for every published
    document, in here; also return the CPU the build spends on reading catalogs, QA and localizing them.

    WeasyPrint is timed twice over the same documents: called plainly (a font configuration of its
    own for each document, the garbage collector as Python starts it), and as a build's worker calls
    it (one font configuration for all, what the process had before rendering frozen out of the
    garbage collector); document by document, each way going first for every other document, so
    that neither gains from caches the other warmed. Returns (Markdown, WeasyPrint plainly, WeasyPrint as the build, documents,
    localizing).
    """
    import gc

    from pipeline.config import load_settings
    from pipeline.project import CatalogSnapshot, load_guides, publication
    from pipeline.render import pdf
    from pipeline.render.body import render_body
    from pipeline.render.html import SiteInfo, page_context
    from pipeline.render.localize import localize
    from pipeline.render.ui import render_environment
    from weasyprint.text.fonts import FontConfiguration

    settings = load_settings(root)
    snapshot_ = CatalogSnapshot(settings)
    markdown = localizing = 0.0
    documents = []
    for source in load_guides(settings):
        for lang in settings.all_languages:
            started = time.process_time()
            po = None if lang == settings.source_language else snapshot_.read_po(lang, source.guide.slug)
            decided = publication(source.segments, po, lang, settings)
            found = localize(source.guide, source.segments, po, lang, settings, excluded=decided.refused)
            localizing += time.process_time() - started
            if not decided.publishable:
                continue
            started = time.process_time()
            render_body(found)
            markdown += time.process_time() - started
            context = page_context(found, settings, SiteInfo(settings.name, {source.guide.slug: (lang,)}))
            documents.append((pdf.flyer_html(context, render_environment(lang)),
                              (settings.content_dir / lang).as_uri() + "/"))
    shared, spent = pdf.font_configuration, {False: 0.0, True: 0.0}
    for number, (html, base_url) in enumerate(documents):
        # each way goes first for every other document: the second render of a document finds caches warm
        for as_built in ((False, True) if number % 2 else (True, False)):
            # plainly: WeasyPrint's default, a new font configuration for each document
            pdf.font_configuration = shared if as_built else FontConfiguration
            if as_built:
                gc.freeze()  # as pool._worker_setup does
            started = time.process_time()
            pdf.render_pdf(html, base_url)
            spent[as_built] += time.process_time() - started
            gc.unfreeze()
    pdf.font_configuration = shared
    plain, as_built = spent[False], spent[True]
    return markdown, plain, as_built, len(documents), localizing


def font_cut_seconds(output: Path) -> float:
    """Time cutting the web font faces to the characters of the built pages, one by one, without the cache."""
    from pipeline.render import fonts
    from pipeline.render.site import used_text

    used = used_text([p.read_text("utf-8") for p in output.rglob("*.html")])
    started = time.process_time()
    for font in fonts.used_fonts(used):
        for _, path in font.files:
            fonts.cut_woff2(path.read_bytes(), "".join(sorted(set(used[font.family] + " "))), font.index)
    return time.process_time() - started


def edit_paragraph(root: Path, slug: str) -> None:
    """Add a sentence to the first long paragraph of a guide's body."""
    path = root / "content" / f"{slug}.md"
    text = path.read_text("utf-8")
    head, body = text.split("\n---\n", 1)
    blocks = body.split("\n\n")
    index = next(i for i, b in enumerate(blocks) if len(b) > 150 and b[0].isalpha())
    blocks[index] += " Husk at tage dit sundhedskort med."
    path.write_text(head + "\n---\n" + "\n\n".join(blocks), encoding="utf-8")


def edit_translation(root: Path, lang: str, slug: str) -> None:
    """Change one reviewed paragraph's translation in one catalog."""
    import polib

    path = root / "translations" / lang / "LC_MESSAGES" / f"{slug}.po"
    po = polib.pofile(str(path), wrapwidth=79)
    entry = next(e for e in po if len(e.msgid) > 150 and e.msgstr)
    entry.msgstr = entry.msgstr.replace(" ", "  ", 1).replace("  ", " ", 1) + " 2026"
    po.save(str(path))


def md2po_seconds(root: Path) -> float | None:
    """Time mdpo's md2po over the same guides (one process, one catalog), if it is installed."""
    md2po = Path(sys.executable).with_name("md2po")
    if not md2po.exists() or "mdpo" not in md2po.read_text(errors="replace"):  # Translate Toolkit has an md2po too
        return None
    started = time.perf_counter()
    done = subprocess.run([str(md2po), str(root / "content" / "*.md"), "--po-filepath",
                           str(root / "md2po.po"), "--save", "--quiet"], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        print(f"md2po failed: {done.stderr.strip()[:300]}")
        return None
    return seconds


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    load = os.getloadavg()
    return (f"{model}; nproc {os.cpu_count()}, usable {len(os.sched_getaffinity(0))}; "
            f"Python {platform.python_version()}; load average at start {load[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--guides", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--format", dest="formats", help="build only these formats (ligetil build --format)")
    parser.add_argument("--scale", help="only cold builds at these guide counts, e.g. 20,50,200, and their slope")
    parser.add_argument("--keep", type=Path, help="build here and keep the project")
    args = parser.parse_args()
    os.environ["LIGETIL_CACHE_DIR"] = tempfile.mkdtemp(prefix="ligetil-bench-cache-")  # a first build on this machine
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's install keeps compiled modules; without them each run compiles ~80
    print(f"machine: {machine()}")
    print(f"command: {Path(sys.executable).name} benchmarks/build_bench.py "
          + " ".join(a for a in sys.argv[1:]) + f" (jobs {args.jobs})")
    if args.scale:
        report_scale([int(n) for n in args.scale.split(",")], args)
        return
    root = fresh_root(args.keep)
    made, missing = prepared(root, args.guides, report=True)
    words = sum(len(p.read_text("utf-8").split()) for p in (root / "content").glob("*.md"))
    print(f"project: {args.guides} guides, {words / args.guides:.0f} words each on average, "
          f"{len(LANGS)} target languages + da, {missing} untranslated entries")
    report_builds(root, args, made)
    report_noop_update(root)


def fresh_root(keep: Path | None) -> Path:
    root = keep or Path(tempfile.mkdtemp(prefix="ligetil-bench-")) / "project"
    if root.exists():
        shutil.rmtree(root)
    return root


def prepared(root: Path, guides: int, report: bool = False) -> tuple[dict, int]:
    """Make the project, its catalogs and their translations; time extract and update if asked."""
    made = make_project(root, guides)
    extract = ligetil(root, "extract")
    create = ligetil(root, "update")
    missing = fill_catalogs(root, made)
    merge = ligetil(root, "update")
    if report:
        report_extraction(extract, create, merge, md2po_seconds(root))
    return made, missing


def build_args(args) -> tuple[str, ...]:
    return ("--jobs", str(args.jobs), *(("--format", args.formats) if args.formats else ()))


def report_scale(counts: list[int], args) -> None:
    """Cold builds (empty font cache each) at each size; time per guide against the first size's."""
    first = None
    for count in counts:
        os.environ["LIGETIL_CACHE_DIR"] = tempfile.mkdtemp(prefix="ligetil-bench-cache-")
        root = fresh_root(None)
        prepared(root, count)
        before = load()
        seconds, peak, line = timed_build(root, *build_args(args))
        per_guide = peak[3] / count
        first = first or per_guide
        print(f"(7) {count} guides: cold build {seconds:.1f} s wall, {peak[3]:.1f} s CPU, {per_guide:.2f} CPU s a guide, "
              f"slope of CPU against {counts[0]} guides {per_guide / first:.2f} (1.00 = linear); peak RSS tree "
              f"{peak[0] / 1e6:.0f} MB, PSS tree {peak[4] / 1e6:.0f} MB, largest process {peak[2] / 1e6:.0f} MB; {before} before, {load()} after; {line}")
        shutil.rmtree(root.parent, ignore_errors=True)


def report_noop_update(root: Path) -> None:
    """A no-op update twice (after one that takes in the edits): the first merges and finds nothing to
    write, the second only hashes."""
    ligetil(root, "update")
    cpu = children_cpu()
    first, before = ligetil(root, "update"), load()
    cpu, first_cpu = children_cpu(), children_cpu() - cpu
    seconds = []
    for _ in range(NOOP_RUNS):
        started = children_cpu()
        seconds.append((ligetil(root, "update"), children_cpu() - started))
    walls, cpus = sorted(w for w, _ in seconds), sorted(c for _, c in seconds)
    print(f"(5) no-op update: first {first:.2f} s wall, {first_cpu:.2f} s CPU (merges, writes nothing, remembers "
          f"it settled), then, median of {NOOP_RUNS}: {statistics.median(walls):.2f} s wall ({walls[0]:.2f}–{walls[-1]:.2f}), "
          f"{statistics.median(cpus):.2f} s CPU (goal ≤ 0.3 s); {before}")


def report_extraction(extract: float, create: float, merge: float, md2po: float | None) -> None:
    print(f"(5) ligetil extract {extract:.2f} s; update creating the catalogs {create:.2f} s; "
          f"update merging into the translated catalogs {merge:.2f} s; {load()}")
    if md2po is None:
        print("    mdpo's md2po: not available (pip install mdpo)")
    else:
        print(f"    mdpo's md2po on the same files {md2po:.2f} s → extract ÷ md2po = {extract / md2po:.2f}, "
              f"(extract + merge) ÷ md2po = {(extract + merge) / md2po:.2f}")


def report_builds(root: Path, args, made: dict) -> None:
    jobs = build_args(args)
    before_load = load()
    cold, peak, line = timed_build(root, *jobs)
    print(f"    cold build (empty font cache): {cold:.1f} s wall, {peak[3]:.1f} s CPU; {before_load} before, "
          f"{load()} after; {line}")
    output = root / "output"
    first = snapshot(output)
    runs = [timed_build(root, *jobs) for _ in range(NOOP_RUNS)]
    walls, cpus = sorted(r[0] for r in runs), sorted(r[1][3] for r in runs)
    print(f"(2) no-op rebuild, median of {NOOP_RUNS}: {statistics.median(walls):.2f} s wall "
          f"({walls[0]:.2f}–{walls[-1]:.2f}), {statistics.median(cpus):.2f} s CPU (goal ≤ 0.3 s); files rewritten: "
          f"{len(rewritten(first, snapshot(output)))}; {load()}")
    kept = root.parent / "first-output"
    shutil.move(output, kept)
    before_load = load()
    warm, warm_used, line = timed_build(root, *jobs)
    same = sorted(p.relative_to(kept).as_posix() for p in kept.rglob("*") if p.is_file()
                  and (output / p.relative_to(kept)).read_bytes() != p.read_bytes())
    print(f"(6) cold build again, font cache warm: {warm:.1f} s wall (÷ first cold build {warm / cold:.2f}), "
          f"{warm_used[3]:.1f} s CPU (÷ first {warm_used[3] / peak[3]:.2f}); "
          f"files that differ from the first build's: {len(same)} {same[:5]}; {before_load} before, {load()} after")
    shutil.rmtree(kept)
    slugs = sorted(made)
    for label, slug, change in (
            ("source paragraph", slugs[len(slugs) // 2], edit_paragraph),
            ("tr translation of a paragraph", slugs[len(slugs) // 2 - 1], lambda r, s: edit_translation(r, "tr", s))):
        before = snapshot(output)
        change(root, slug)
        seconds, used, line = timed_build(root, *jobs)
        changed = rewritten(before, snapshot(output))
        print(f"(3) one {label} changed in {slug}: {seconds:.2f} s wall, {used[3]:.2f} s CPU; rewritten {len(changed)}: {', '.join(changed)}; "
              f"{load()}")
    print(f"(4) peak RSS of the cold build: process tree {peak[0] / 1e6:.0f} MB in {peak[1]} processes "
          f"(RSS summed over the processes, so pages forked workers share are counted in each), PSS "
          f"{peak[4] / 1e6:.0f} MB (shared pages divided among their processes); "
          f"largest process {peak[2] / 1e6:.0f} MB (getrusage); goal ≤ 500 MB")
    markdown, weasy, as_built, count, localizing = pure_render_seconds(root)
    pure = (2 * markdown + weasy) / args.jobs  # Markdown twice: the page and the flyer
    same = (2 * markdown + as_built) / args.jobs
    print(f"(1) cold build {cold:.1f} s wall, {peak[3]:.1f} s CPU; pure render (CPU) of {count} documents (the "
          f"pdf format's): Python-Markdown {markdown:.1f} s (×2: page and PDF), WeasyPrint {weasy:.1f} s; ÷ {args.jobs} "
          f"jobs = {pure:.1f} s; overhead ratio: wall {cold / pure:.2f}, warm font cache {warm / pure:.2f} "
          f"(goal ≤ 1.15; other formats than html,pdf add work this does not count); CPU {peak[3] / (pure * args.jobs):.2f}, "
          f"warm font cache {warm_used[3] / (pure * args.jobs):.2f}; {load()}")
    print(f"    WeasyPrint called as the build's workers call it (one font configuration, inherited objects frozen "
          f"out of the garbage collector): {as_built:.1f} s ({as_built / weasy:.2f} of plain); ÷ {args.jobs} jobs "
          f"= {same:.1f} s; the build's own overhead over that: wall {cold / same:.2f}, warm font cache "
          f"{warm / same:.2f}; CPU {peak[3] / (same * args.jobs):.2f}, warm font cache "
          f"{warm_used[3] / (same * args.jobs):.2f}")
    fonts = font_cut_seconds(output)
    work = pure + (fonts + localizing) / args.jobs
    print(f"    other work the build must do: cutting the web fonts {fonts:.1f} s CPU (what the warm cache saves), "
          f"reading + QA + localizing the catalogs {localizing:.1f} s; with them ÷ {args.jobs} jobs = {work:.1f} s → "
          f"cold build ÷ all measured work: wall {cold / work:.2f}, CPU {peak[3] / (work * args.jobs):.2f}")
    print(f"project kept in {root}" if args.keep else f"project in {root} (delete when done)")


if __name__ == "__main__":
    main()
