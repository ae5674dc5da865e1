"""`python -m pipeline check` on a copy of the sample: a number left in Danish notation, by path:line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import REPO, cli_env, copy_sample

CATALOG = "translations/{lang}/LC_MESSAGES/madservice.po"


def edit(project: Path, lang: str, old: str, new: str) -> int:
    """Replace ``old`` in one catalog's text as a translator would; return its entry's first line."""
    path = project / CATALOG.format(lang=lang)
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if old in line and not line.startswith(("#", "msgid")))
    lines[at] = lines[at].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")
    while at > 0 and lines[at - 1].strip():  # back to the blank line before the entry
        at -= 1
    return at + 1


def check(project: Path) -> subprocess.CompletedProcess:
    # The module from this checkout, not the installed console script (which may be another's).
    return subprocess.run([sys.executable, "-m", "pipeline", "-C", str(project), "check"], cwd=REPO,
                          capture_output=True, text=True, timeout=300, env=cli_env())


def test_a_danish_number_left_in_english_is_a_warning_at_its_entry(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project", guides=("madservice",), languages=("en", "ar"))
    line = edit(project, "en", "about 3,200 people", "about 3.200 people")
    done = check(project)
    assert done.returncode == 0, done.stdout + done.stderr  # a warning, not an error
    assert [o for o in done.stdout.splitlines() if "number-" in o] == [
        f"{CATALOG.format(lang='en')}:{line}: warning number-format: "
        "3.200 is Danish for 3200, but English reads it as 3.2: write 3,200"]


def test_arabic_indic_digits_with_the_arabic_separator_pass(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "project", guides=("madservice",), languages=("ar",))
    edit(project, "ar", "لنحو 3,200 مواطن", "لنحو ٣٬٢٠٠ مواطن")
    done = check(project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not [o for o in done.stdout.splitlines() if "number-" in o]
