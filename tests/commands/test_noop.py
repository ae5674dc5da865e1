"""A no-op `ligetil build` or `ligetil update` reads, hashes and decides: nothing else starts.

The no-op runs in a fresh process (as a user's does) that records every subprocess and
fork; WeasyPrint must not even be imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, build, copy_sample, run_ligetil

from pipeline.catalog import pofile

PROBE = """
import json, os, subprocess, sys
started = []
real_init, real_fork = subprocess.Popen.__init__, os.fork

def record(self, args, *more, **options):
    started.append(list(map(str, args)) if not isinstance(args, str) else [args])
    real_init(self, args, *more, **options)

def fork():
    started.append(["fork"])
    return real_fork()

subprocess.Popen.__init__, os.fork = record, fork
from pipeline.cli import main
try:
    main({argv!r})
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps({{"started": started, "weasyprint": "weasyprint" in sys.modules}}), file=sys.stderr)
"""


def fresh_process(*argv: str) -> dict:
    """Run ``ligetil ARGV`` in a new Python process; return what it started and imported."""
    done = subprocess.run([sys.executable, "-c", PROBE.format(argv=list(argv))], capture_output=True, text=True,
                          timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """One guide in Danish and English, built in every format (PDFs and audio included), then updated."""
    project = copy_sample(tmp_path_factory.mktemp("noop") / "project", guides=("madservice",), languages=("en",))
    assert run_ligetil(project, "update").code == 0
    build(project, "--jobs", "2")
    # a first run in its own process, as a user's: this process's own caches (filled while the
    # tests were collected, before the session's cache folder was set) must not stand in for it
    fresh_process("-C", str(project), "build")
    return project


def test_a_no_op_build_starts_no_process_and_imports_no_weasyprint(built):
    found = fresh_process("-C", str(built), "build")
    assert found == {"started": [], "weasyprint": False}
    assert any(p.suffix == ".mp3" for p in (built / "output").rglob("*")), "no audio: its voices were never asked"


def test_a_no_op_update_starts_no_process(built):
    assert run_ligetil(built, "update").code == 0  # settled: a fixed point is remembered
    assert fresh_process("-C", str(built), "update") == {"started": [], "weasyprint": False}


def test_msgcat_formats_only_the_catalogs_an_update_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("LIGETIL_CACHE_DIR", str(tmp_path / "empty-cache"))  # nothing known settled
    project = copy_sample(tmp_path / "project", languages=("en", "tr"))
    formatted: list[str] = []
    real = pofile.msgcat
    monkeypatch.setattr(pofile, "msgcat", lambda text, display="catalog": formatted.append(display) or real(text, display))
    assert run_ligetil(project, "update").code == 0
    assert formatted == []  # the committed catalogs are what update writes: none changed
    guide = project / "content" / "madservice.md"
    guide.write_text(guide.read_text("utf-8").replace("\n\n", "\n\nEt nyt afsnit om mad.\n\n", 1), "utf-8")
    assert run_ligetil(project, "update").code == 0
    assert sorted(formatted) == ["translations/en/LC_MESSAGES/madservice.po", "translations/madservice.pot",
                                 "translations/tr/LC_MESSAGES/madservice.po"]


def test_a_settled_update_is_done_again_when_any_input_changes(tmp_path, monkeypatch):
    project = copy_sample(tmp_path / "project", languages=("en",))
    assert run_ligetil(project, "update").code == 0
    assert run_ligetil(project, "update").out.startswith("update: 0 file(s) changed")  # settled
    po = project / "translations" / "en" / "LC_MESSAGES" / "madservice.po"
    entries = po.read_text("utf-8").split("\n\n")
    po.write_text("\n\n".join(entries[:1] + entries[2:]), "utf-8")  # a translator's tool lost the first entry
    result = run_ligetil(project, "update")
    assert result.code == 0 and "wrote translations/en/LC_MESSAGES/madservice.po" in result.out
    assert po.read_text("utf-8").split("\n\n")[1].split("msgstr")[0] == entries[1].split("msgstr")[0]
