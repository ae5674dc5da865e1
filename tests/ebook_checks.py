"""The e-book's referees: EPUBCheck (Debian's, a Java program) and Ace by DAISY (npm, tests/tools/)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")  # Debian's epubcheck (scripts/setup.sh --test)
ACE = REPO / "tests" / "tools" / "node_modules" / ".bin" / "ace-cli"  # npm ci in scripts/setup.sh --test
CHROMIUM = "/usr/bin/chromium"
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "smil": "http://www.w3.org/ns/SMIL"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def epubcheck(book: Path) -> tuple[int, str]:
    """Return EPUBCheck's error count (fatals included) for one e-book, and its report."""
    # Java, not /usr/bin/epubcheck: that is the jar itself, run by binfmt_misc only where it is set up
    # (the C1 compiler alone: a third of the start-up time for a run this short)
    done = subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(EPUBCHECK_JAR),
                           str(book)], capture_output=True, text=True)
    report = done.stdout + done.stderr
    found = re.search(r"Messages: (\d+) fatals? / (\d+) errors?", report)
    if found is None:
        raise AssertionError(f"EPUBCheck did not finish on {book} ({done.returncode}): {report}")
    return int(found.group(1)) + int(found.group(2)), report


def ace(book: Path) -> list[tuple[str, str, str]]:
    """Return Ace's violations of one e-book: (document, rule, impact); raise when Ace cannot run."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM}
        done = subprocess.run([str(ACE), "--silent", "--force", "--outdir", folder, str(book)],
                              capture_output=True, text=True, env=env)
        report = Path(folder) / "report.json"
        if not report.is_file():
            raise AssertionError(f"Ace made no report for {book} ({done.returncode}): {done.stdout}{done.stderr}")
        data = json.loads(report.read_text("utf-8"))
    return [(part["earl:testSubject"]["url"], item["earl:test"]["dct:title"], item["earl:test"]["earl:impact"])
            for part in data.get("assertions", []) for item in part.get("assertions", [])
            if item["earl:result"]["earl:outcome"] == "fail"]


def each(check, books: list[Path]) -> dict[Path, object]:
    """Run a referee over many books, two at a time (each is a process of its own)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(books, pool.map(check, books)))


class Book:
    """An e-book opened for its parts: package, guide and nav XHTML, overlay, files."""

    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as book:
            self.infos = book.infolist()
            self.files = {info.filename: book.read(info) for info in self.infos}
        self.package = etree.fromstring(self.files["EPUB/package.opf"])
        self.guide = etree.fromstring(self.files["EPUB/guide.xhtml"])
        self.nav = etree.fromstring(self.files["EPUB/nav.xhtml"])
        smil = self.files.get("EPUB/guide.smil")
        self.overlay = etree.fromstring(smil) if smil is not None else None

    def meta(self, prop: str, refines: str | None = None) -> list[str]:
        """Return the values of a package ``meta`` property (refining ``refines``, or nothing)."""
        return [m.text for m in self.package.iterfind("opf:metadata/opf:meta", NS)
                if m.get("property") == prop and m.get("refines") == refines]

    def clips(self) -> list[tuple[str, float, float]]:
        """Return the overlay's (text fragment, clipBegin, clipEnd) in order, in seconds."""
        return [(par.find("smil:text", NS).get("src"), seconds(par.find("smil:audio", NS).get("clipBegin")),
                 seconds(par.find("smil:audio", NS).get("clipEnd"))) for par in self.overlay.iter(f"{{{NS['smil']}}}par")]


def seconds(clock: str) -> float:
    """Return a SMIL clock value (``0:01:02.345`` or ``62.345s``) in seconds."""
    if clock.endswith("s") and ":" not in clock:
        return float(clock[:-1])
    return sum(float(part) * unit for part, unit in zip(reversed(clock.split(":")), (1, 60, 3600)))
