"""Fixtures for the build's safety proofs: a copy of the sample project and two CLI runners."""

from __future__ import annotations

import html.parser
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from projects import FIXED_EPOCH, REPO, Result, cli_runner  # noqa: F401 (Result for tests)

from pipeline.fsutil import TEMP_PREFIX

LIGETIL = Path(sys.executable).with_name("ligetil")
# Two guides and two Latin-script languages keep builds short; the proofs are about writing
# and refusing, which do not depend on the script.
GUIDES = ("madservice", "videotolkning")
LANGUAGES = ("en", "tr")


@pytest.fixture(autouse=True)
def _dates(fixed_dates):
    """Every test here runs with fixed dates."""


def copy_sample(root: Path, guides=GUIDES, languages=LANGUAGES) -> Path:
    """Copy the repository's sample project to ``root``, keeping only some guides and languages."""
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


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the sample project with two guides in Danish, English and Turkish."""
    return copy_sample(tmp_path / "project")


def snapshot(root: Path) -> dict[str, bytes]:
    """Return every file below root with its bytes (the lock file aside)."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".ligetil.lock"}


def set_msgstr(po: Path, msgid_start: str, msgstr: str, fuzzy: bool = False) -> str:
    """Replace the translation of the entry whose msgid starts with ``msgid_start``; return its msgid."""
    import polib
    catalog = polib.pofile(str(po), wrapwidth=0)
    entry = next(e for e in catalog if e.msgid.startswith(msgid_start) and not e.obsolete)
    entry.msgstr = msgstr
    if fuzzy and "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    catalog.save(str(po))
    return entry.msgid


def run_cli(project: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the installed `ligetil` in a subprocess."""
    return subprocess.run([str(LIGETIL), "-C", str(project), *args], capture_output=True,
                          text=True, timeout=timeout, env=cli_env())


def cli_env() -> dict[str, str]:
    """Return the environment of a CLI subprocess."""
    return {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH}


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


def temp_files(root: Path) -> list[str]:
    """Return the temp files of interrupted atomic writes below root."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(TEMP_PREFIX + "*"))


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
