"""What fonts this machine has, as fontconfig lists them: families, their faces, their languages.

fontconfig is the one list of installed fonts that Pango (and so WeasyPrint) also uses;
``FONTCONFIG_FILE`` points it at another configuration (the tests use one with a single
folder). ``fc-list`` is Debian's ``fontconfig`` package; without it no font is found, and
the build says which language lacks one.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

FC_LIST = "fc-list"
FACE_FORMAT = "%{family[0]}\t%{weight}\t%{slant}\t%{width}\t%{index}\t%{file}\n"
# fontconfig's weights of the two faces a page uses (fontconfig.h: FC_WEIGHT_REGULAR, _BOLD)
CSS_WEIGHT = {80: 400, 200: 700}
UPRIGHT, NORMAL_WIDTH = 0, 100


def _fc_list(*args: str) -> list[str]:
    """Return fc-list's lines, or none when fontconfig's tools are not installed."""
    if shutil.which(FC_LIST) is None:
        return []
    found = subprocess.run([FC_LIST, *args], capture_output=True, text=True, check=False)
    return found.stdout.splitlines() if found.returncode == 0 else []


@lru_cache(maxsize=None)
def installed_families() -> dict[str, dict[int, tuple[Path, int]]]:
    """Return each installed family with its upright normal-width faces: CSS weight → (file, index).

    The index is the face's place in a font collection (``.ttc``, as Noto CJK comes), 0 in a
    single-font file. Variable fonts (a weight range) are left out.
    """
    families: dict[str, dict[int, tuple[Path, int]]] = {}
    for line in _fc_list("--format", FACE_FORMAT):
        parts = line.split("\t")
        if len(parts) != 6 or not parts[1].isdigit() or not parts[4].isdigit():
            continue  # a variable font lists a weight range, e.g. "[100 900]"
        family, weight, slant, width, index, file = parts
        css = CSS_WEIGHT.get(int(weight))
        if css and slant == str(UPRIGHT) and width == str(NORMAL_WIDTH):
            families.setdefault(family, {}).setdefault(css, (Path(file), int(index)))
    return families


@lru_cache(maxsize=None)
def families_for_language(lang: str) -> tuple[str, ...]:
    """Return the families whose coverage fontconfig counts as complete for a language."""
    return tuple(sorted({line.split(",")[0] for line in _fc_list(f":lang={lang}", "family") if line}))


@lru_cache(maxsize=None)
def families_for_character(char: str) -> tuple[str, ...]:
    """Return the families that have a glyph for one character."""
    return tuple(sorted({line.split(",")[0] for line in _fc_list(f":charset={ord(char):x}", "family") if line}))


def forget() -> None:
    """Forget what was listed, after the fonts or ``FONTCONFIG_FILE`` changed (tests)."""
    for cached in (installed_families, families_for_language, families_for_character):
        cached.cache_clear()
