"""`ligetil --help` stays light: neither WeasyPrint nor CTranslate2 is imported."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import copy_project

PROBE = """
import sys
from pipeline.cli import main
try:
    main({args!r})
except SystemExit:
    pass
print("weasyprint" in sys.modules, "ctranslate2" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"]])
def test_help_imports_neither_weasyprint_nor_ctranslate2(args):
    done = subprocess.run([sys.executable, "-c", PROBE.format(args=args)], capture_output=True,
                          text=True, timeout=60, check=True)
    assert "Usage:" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "False False"


BUILD_PROBE = """
import sys
from pipeline.cli import main
try:
    main(["-C", {project!r}, "build", *{args!r}])
except SystemExit as done:
    assert not done.code, done.code
print("weasyprint" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize("args, expected", [
    (["--format", "html", "--jobs", "1"], "False"),  # no PDF: WeasyPrint is never imported
    (["--jobs", "2"], "True"),  # PDFs: imported once before the workers fork, so they share it
    (["--jobs", "1"], "True"),  # one process renders everything itself
])
def test_weasyprint_is_imported_only_where_pdfs_are_rendered(tmp_path, args, expected):
    project = copy_project(tmp_path / "project")
    probe = BUILD_PROBE.format(project=str(project), args=[*args, "--lang", "da", "--guide", "madservice"])
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == expected
    assert (project / "output" / "da" / "madservice.html").is_file()
