"""Helpers every test folder shares (imported as `helpers`): the repository, sample projects, the CLI."""

from __future__ import annotations

import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import polib

REPO = Path(__file__).resolve().parents[1]  # the repository and sample project: ligetil.toml, content/, translations/
FIXED_EPOCH = "1764547200"  # 2025-12-01 00:00 UTC: deterministic header and PDF dates
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]  # what every page must pass in axe-core
LIGETIL = Path(sys.executable).with_name("ligetil")  # the installed command, for runs in a separate process


# The sample project -------------------------------------------------------------------------------


def copy_project(target: Path) -> Path:
    """Copy the sample project's settings, guides and catalogs into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "ligetil.toml", target / "ligetil.toml")
    shutil.copytree(REPO / "content", target / "content")
    shutil.copytree(REPO / "translations", target / "translations")
    return target


# Two guides and two Latin-script languages keep builds short where a test is about writing and
# refusing, which do not depend on the script.
SMALL_GUIDES = ("madservice", "videotolkning")
SMALL_LANGUAGES = ("en", "tr")


def sample_languages() -> list[str]:
    """Return the target languages of the repository's sample project (its ligetil.toml)."""
    return tomllib.loads((REPO / "ligetil.toml").read_text(encoding="utf-8"))["project"]["languages"]


def copy_sample(root: Path, guides: tuple[str, ...] = SMALL_GUIDES,
                languages: tuple[str, ...] = SMALL_LANGUAGES) -> Path:
    """Copy the sample project to ``root``, keeping only some guides and languages."""
    root.mkdir(parents=True)
    settings = (REPO / "ligetil.toml").read_text(encoding="utf-8")
    lines = [f"languages = {json.dumps(list(languages))}" if line.startswith("languages =") else line
             for line in settings.split("\n")]
    (root / "ligetil.toml").write_text("\n".join(lines), encoding="utf-8")
    shutil.copytree(REPO / "translations", root / "translations")
    shutil.copytree(REPO / "content", root / "content")
    for path in (root / "content").glob("*.md"):
        if path.stem not in guides:
            path.unlink()
    return root


def rewrite_catalogs(project: Path, change) -> None:
    """Apply ``change(entry, lang)`` to every active entry of every catalog, then save."""
    for path in sorted(p for p in (project / "translations").glob("*/LC_MESSAGES/*.po") if p.stem != "_site"):
        po = polib.pofile(str(path), wrapwidth=79)
        for entry in po:
            if entry.msgid and not entry.obsolete:
                change(entry, path.parts[-3])
        po.save(str(path))


def set_msgstr(po: Path, msgid_start: str, msgstr: str, fuzzy: bool = False) -> str:
    """Replace the translation of the entry whose msgid starts with ``msgid_start``; return its msgid."""
    catalog = polib.pofile(str(po), wrapwidth=0)
    entry = next(e for e in catalog if e.msgid.startswith(msgid_start) and not e.obsolete)
    entry.msgstr = msgstr
    if fuzzy and "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    catalog.save(str(po))
    return entry.msgid


# The fallback experiment (issue 20): five ur/madservice entries left untranslated — two items
# of the right-to-left menu list (one nested), an item of the numbered list, a heading and a
# paragraph (which occurs twice).
FALLBACK_MSGIDS = ("uden svinekød", "dansk mad, for eksempel frikadeller med hvidkål",
                   "Du ringer til kommunen. Du kan også bede din hjemmehjælper om hjælp.",
                   "Vær med i en brugergruppe", "Du kan altid tage en pårørende eller en tolk med.")


# The command line ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """What a CLI run printed and returned."""

    code: int
    out: str
    err: str


def run_ligetil(project: Path | str | None, *args: str) -> Result:
    """Run ``ligetil [-C project] ARGS`` in-process through pipeline.cli.main; return code and output."""
    from pipeline.cli import main

    argv = [*(["-C", str(project)] if project is not None else []), *args]
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            main(argv)
        except SystemExit as done:
            code = done.code
        else:
            raise AssertionError("pipeline.cli.main returned without exiting")
    if code is not None and not isinstance(code, int):
        raise AssertionError(f"pipeline.cli.main exited with {code!r}, not an exit code")
    return Result(code or 0, out.getvalue(), err.getvalue())


SUMMARY_RE = re.compile(r"(\d+) built, (\d+) up to date, (\d+) file\(s\) changed, (\d+) stale removed")


@dataclass(frozen=True)
class Built:
    """What one `ligetil build` printed, with the counts of its summary line."""

    out: str
    err: str
    built: int
    up_to_date: int
    changed: int
    removed: int


def build(project: Path, *args: str) -> Built:
    """Run ``ligetil build ARGS`` in-process; fail the test with its output if it fails."""
    result = run_ligetil(project, "build", *args)
    assert result.code == 0, result.out + result.err
    found = SUMMARY_RE.search(result.out)
    assert found, result.out + result.err
    return Built(result.out, result.err, *(int(n) for n in found.groups()))


def run_build(project: Path, *args: str) -> Path:
    """Run ``ligetil build ARGS`` in-process (it must succeed); return the project's output/."""
    build(project, *args)
    return project / "output"


def cli_env() -> dict[str, str]:
    """Return the environment of a CLI subprocess (fixed dates)."""
    return {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH}


def start_ligetil_process(project: Path, *args: str, **popen: object) -> subprocess.Popen:
    """Start the installed `ligetil -C project ARGS` in a separate process (for signals and locks)."""
    return subprocess.Popen([str(LIGETIL), "-C", str(project), *args], env=cli_env(), **popen)


def run_ligetil_process(project: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the installed `ligetil -C project ARGS` in a separate process; capture its output."""
    return subprocess.run([str(LIGETIL), "-C", str(project), *args], capture_output=True,
                          text=True, timeout=timeout, env=cli_env())


# Files and tools ----------------------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, bytes]:
    """Return every file below root with its bytes (the lock file aside)."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".ligetil.lock"}


def snapshot_with_mtimes(output: Path) -> dict[str, tuple[int, bytes]]:
    """Return every file of output/ with its mtime in ns and its bytes."""
    return {p.relative_to(output).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(output.rglob("*")) if p.is_file()}


def rewritten(before: dict, after: dict) -> set[str]:
    """Return the files that are new, gone, or whose mtime or bytes changed."""
    return {name for name in set(before) | set(after) if before.get(name) != after.get(name)}


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    """Run GNU msgfmt -c on a PO/POT file."""
    return subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)],
                          capture_output=True, text=True)


def msgcat(path: Path) -> str:
    """Return GNU msgcat's rendering of a file."""
    return subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True).stdout


def temp_files(root: Path) -> list[str]:
    """Return the temp files of interrupted atomic writes below root."""
    from pipeline.fsutil import TEMP_PREFIX

    return sorted(p.relative_to(root).as_posix() for p in root.rglob(TEMP_PREFIX + "*"))


class _Attributes(html.parser.HTMLParser):
    """Collect every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def tags_of(page: str) -> list[tuple[str, dict[str, str]]]:
    """Return the start tags of an HTML page with their attributes (entities decoded)."""
    parser = _Attributes()
    parser.feed(page)
    parser.close()
    return parser.tags


def assert_whole(path: Path) -> None:
    """Fail unless an output file is complete: a PDF opens, a page ends with </html>, …"""
    data = path.read_bytes()
    assert data, f"{path} is empty"
    if path.suffix == ".pdf":
        import pikepdf
        with pikepdf.open(path) as pdf:
            assert len(pdf.pages) >= 1, f"{path} has no page"
        assert data.rstrip().endswith(b"%%EOF"), f"{path} is cut short"
    elif path.suffix == ".html":
        page = data.decode("utf-8")  # a cut inside a multi-byte character fails here
        assert page.rstrip().endswith("</html>"), f"{path} is cut short"
        assert page.lstrip().lower().startswith("<!doctype html>"), f"{path} does not start as a page"
        assert tags_of(page)[0][0] == "html", f"{path} does not parse as a page"
    elif path.suffix == ".woff2":
        from fontTools.ttLib import TTFont
        TTFont(path).ensureDecompiled()
    elif path.suffix == ".json":
        json.loads(data)
    elif path.suffix in (".css", ".svg"):
        data.decode("utf-8")


# Sample texts of the trunk's tests ------------------------------------------------------------------

SETTINGS = """\
[project]
name = "Testkommune"
source_language = "da"
languages = ["en", "tr", "ar", "ur"]
base_url = "https://example.org/guides/"

[publish]
min_reviewed = 0.8
"""


GUIDE = """\
---
title: Mad til dig
summary: Sådan bestiller du mad.
service: Testservice
contact:
  address: Vej 1, 2700 Brønshøj
  hours: Mandag–fredag kl. 8–15
updated: 2026-11-01
---
# Mad til dig {#top}

Vi bringer **varm mad** ud til dig.
Det koster 58 kr. om dagen.

<!-- i18n: "Visitation" is the municipality's needs assessment. -->
## Sådan får du mad

- Ring til os.
- Vi kommer på besøg.
    - Vi taler om din mad.

| Dag | Tid |
|---|---|
| Mandag | kl. 8–15 |

> Maden er god.

Læs om [madservice på borger.dk](https://www.borger.dk/mad).

![En tallerken med mad](images/mad.svg)

Du kan altid tage en pårørende med.
"""

