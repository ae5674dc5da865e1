"""Golden files: guide (+ catalog before) → exact POT and PO.

Each folder in tests/catalog/golden/ holds ``guide.md``, optionally ``before.po`` (the Turkish
catalog before the update), and the expected ``expected.pot`` and ``expected.po``.
A catalog the update creates takes its Plural-Forms from Babel, so for the cases without
``before.po`` the expected header line is Babel's rule for Turkish, whichever Babel is locked;
a case with ``before.po`` states its own rule, which the update must keep.
Regenerate after an intended change with:

    LIGETIL_REGENERATE=1 .venv/bin/python -m pytest tests/catalog/test_golden.py

then review the diff with git before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from helpers import msgfmt_check

from pipeline.catalog.headers import plural_forms

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "guide.md").is_file())


@pytest.mark.parametrize("case", CASES)
def test_golden_catalogs(case, make_project, ligetil):
    folder = GOLDEN / case
    root = make_project({case: (folder / "guide.md").read_text(encoding="utf-8")})
    po = root / f"translations/tr/LC_MESSAGES/{case}.po"
    if (folder / "before.po").exists():
        po.parent.mkdir(parents=True)
        shutil.copy(folder / "before.po", po)
    result = ligetil(root, "update", "--lang", "tr")
    assert result.code == 0, result.err
    produced = {"expected.pot": root / f"translations/{case}.pot", "expected.po": po}
    for name, path in produced.items():
        assert msgfmt_check(path).returncode == 0
        if os.environ.get("LIGETIL_REGENERATE"):
            shutil.copy(path, folder / name)
        expected = (folder / name).read_text(encoding="utf-8")
        if name == "expected.po" and not (folder / "before.po").exists():
            expected = with_babel_plural_rule(expected, "tr")
        assert path.read_text(encoding="utf-8") == expected


def with_babel_plural_rule(text: str, lang: str) -> str:
    """Return the golden PO text with its Plural-Forms line set to Babel's rule for ``lang``."""
    line = re.compile(r'^"Plural-Forms: [^"\\]*\\n"$', re.M)
    assert len(line.findall(text)) == 1, "the golden catalog must state one Plural-Forms line"
    return line.sub(lambda _: f'"Plural-Forms: {plural_forms(lang)}\\n"', text)
