"""A translator silences a check with `# ligetil-ignore:CODE`, a comment GNU msgmerge and msgcat keep.

The flag form `#, ligetil-ignore:CODE` is dropped by every GNU gettext tool run by hand (they
ignore flags they do not know: gettext's read-catalog-special.c), so its finding comes back.
"""

from __future__ import annotations

import subprocess

import polib
from helpers import copy_sample, run_ligetil

PO = "translations/en/LC_MESSAGES/madservice.po"


def numbers_changed(project) -> set[str]:
    return {line.split(": warning")[0] for line in run_ligetil(project, "check", "--lang", "en").out.splitlines()
            if "number-changed" in line}


def test_the_comment_survives_msgmerge_and_msgcat_and_the_flag_does_not(tmp_path):
    project = copy_sample(tmp_path / "sample", guides=("madservice",), languages=("en",))
    path = project / PO
    po = polib.pofile(str(path))
    by_flag, by_comment = po.find("58 kr."), po.find("21 kr.")
    by_flag.msgstr, by_comment.msgstr = "DKK 59", "DKK 22"  # two deliberate number changes
    by_flag.flags.append("ligetil-ignore:number-changed")
    by_comment.tcomment = "ligetil-ignore:number-changed"
    po.save(str(path))
    assert numbers_changed(project) == set()  # both forms silence the check
    pot = project / "translations/madservice.pot"
    merged = subprocess.run(["msgmerge", "--quiet", "--previous", "-o", "-", str(path), str(pot)],
                            capture_output=True, text=True, check=True).stdout
    path.write_text(subprocess.run(["msgcat", "-"], input=merged, capture_output=True, text=True,
                                   check=True).stdout, encoding="utf-8")
    after = polib.pofile(str(path))
    assert "ligetil-ignore:number-changed" not in after.find("58 kr.").flags
    assert after.find("21 kr.").tcomment == "ligetil-ignore:number-changed"
    assert numbers_changed(project) == {f"{PO}:{after.find('58 kr.').linenum}"}
