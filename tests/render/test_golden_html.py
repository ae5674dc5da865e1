"""Golden HTML: the sample's madservice page in Danish and Arabic, byte for byte.

The sample project is built as HTML only (``--format html --guide madservice``) with fixed dates.
A build with PDFs would add the flyer's size in kB to the page, and that depends on the fonts
installed; HTML alone embeds nothing of the machine (no absolute path, no font hash), so the pages
are compared exactly, with nothing normalised. The expected pages are in tests/render/golden_html/.
Regenerate after an intended change with:

    LIGETIL_REGENERATE=1 .venv/bin/python -m pytest tests/render/test_golden_html.py

then review the diff with git before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import FIXED_EPOCH, copy_project, run_build

GOLDEN = Path(__file__).parent / "golden_html"
GUIDE = "madservice"


@pytest.fixture(scope="module")
def golden_output(tmp_path_factory) -> Path:
    """Build the sample's madservice pages as HTML once, with fixed dates; return output/."""
    project = copy_project(tmp_path_factory.mktemp("golden-html"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        return run_build(project, "--format", "html", "--guide", GUIDE)


@pytest.mark.parametrize("lang", ["da", "ar"])
def test_the_built_page_is_the_golden_page(golden_output, lang):
    page = golden_output / lang / f"{GUIDE}.html"
    expected = GOLDEN / f"{GUIDE}.{lang}.html"
    if os.environ.get("LIGETIL_REGENERATE"):
        GOLDEN.mkdir(exist_ok=True)
        expected.write_bytes(page.read_bytes())
    assert page.read_bytes().decode("utf-8") == expected.read_bytes().decode("utf-8")  # exact: no newline translation
