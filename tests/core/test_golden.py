"""Golden files: guide (+ catalog before) → exact POT and PO.

Each folder in tests/core/golden/ holds ``guide.md``, optionally ``before.po`` (the Turkish
catalog before the update), and the expected ``expected.pot`` and ``expected.po``.
Regenerate after an intended change with:

    LIGETIL_REGENERATE=1 .venv/bin/python -m pytest tests/core/test_golden.py

then review the diff with git before committing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from support import msgfmt_check

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
        assert path.read_text(encoding="utf-8") == (folder / name).read_text(encoding="utf-8")
