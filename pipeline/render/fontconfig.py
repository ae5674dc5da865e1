"""What fonts this machine has, as fontconfig lists them: families, their faces, their languages.

fontconfig is the one list of installed fonts that Pango (and so WeasyPrint) also uses;
``FONTCONFIG_FILE`` points it at another configuration (the tests use one with a single
folder). ``fc-list`` is Debian's ``fontconfig`` package; without it no font is found, and
the build says which language lacks one. Its answers are kept in the user cache
(pipeline/cache.py) while fontconfig's settings and the folders holding fonts stay as they
were, so a no-op build runs no fc-list.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from pipeline import cache

FC_LIST = "fc-list"
FACE_FORMAT = "%{family[0]}\t%{weight}\t%{slant}\t%{width}\t%{index}\t%{file}\n"
# fontconfig's weights of the two faces a page uses (fontconfig.h: FC_WEIGHT_REGULAR, _BOLD)
CSS_WEIGHT = {80: 400, 200: 700}
UPRIGHT, NORMAL_WIDTH = 0, 100


CONFIG_ENV = ("FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")


def _run_fc_list(*args: str) -> str:
    """Return fc-list's output, or none when fontconfig's tools are not installed."""
    if shutil.which(FC_LIST) is None:
        return ""
    found = subprocess.run([FC_LIST, *args], capture_output=True, text=True, check=False)
    return found.stdout if found.returncode == 0 else ""


def _fc_list(*args: str) -> list[str]:
    """Return fc-list's lines, asked once per machine while the fonts and fontconfig's settings stay."""
    world = _world()
    if args == ("--format", FACE_FORMAT):
        return world[0].splitlines()
    key = cache.key_of("fc-list", world[1], args)
    return cache.cached("fontconfig", key, lambda: _run_fc_list(*args).encode("utf-8")).decode("utf-8").splitlines()


@lru_cache(maxsize=1)
def _world() -> tuple[str, str]:
    """Return fontconfig's listing of every face, and a key for everything fontconfig knows now.

    The listing is asked again when fontconfig's settings (files and environment) or a
    folder that holds fonts changed: fontconfig's own test of its caches.
    """
    identity = [_config_identity(), cache.file_stamps([shutil.which(FC_LIST) or FC_LIST])]
    listing = cache.remembered("fontconfig", identity, _ask_faces)
    return listing, cache.key_of(identity, listing)


def _ask_faces() -> tuple[str, list[str]]:
    listing = _run_fc_list("--format", FACE_FORMAT)
    files = [line.rsplit("\t", 1)[-1] for line in listing.splitlines() if "\t" in line]
    return listing, [*_font_folders(files), *_walk(default_folders())]


def default_folders() -> list[Path]:
    """Return the folders fontconfig's default settings read fonts from (Debian's fonts.conf)."""
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts", data / "fonts"]


def _font_folders(files: list[str]) -> set[str]:
    """Return the folders of the listed fonts, each with its parents up to a folder named ``…fonts``."""
    found = set()
    for file in files:
        for folder in list(Path(file).parents)[:-1]:  # never "/": it changes for anything
            found.add(str(folder))
            if folder.name.lower().endswith("fonts"):
                break
    return found


def _walk(roots: list[Path]) -> list[str]:
    """Return the roots and every folder below them (a missing root too: its appearance counts)."""
    found = []
    for root in roots:
        found.append(str(root))
        found.extend(folder for folder, _, _ in os.walk(root))
    return found


def _config_identity() -> list:
    """Return what fontconfig's settings are made of: its environment and its configuration files."""
    env = [(name, os.environ.get(name)) for name in CONFIG_ENV]
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "fontconfig"
    config = os.environ.get("FONTCONFIG_FILE")
    files = [config] if config else []
    for root in [Path("/etc/fonts"), home, *[Path(p) for p in os.environ.get("FONTCONFIG_PATH", "").split(":") if p]]:
        files.append(str(root))
        if root.is_dir():
            files.extend(str(p) for p in sorted(root.rglob("*")))
    return [env, cache.file_stamps(files)]


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


_forgotten = 0  # how often forget() was called


def generation() -> int:
    """Return how often :func:`forget` was called: caches of answers drawn from fontconfig key on it."""
    return _forgotten


def forget() -> None:
    """Forget what was listed, after the fonts or ``FONTCONFIG_FILE`` changed (tests)."""
    global _forgotten
    _forgotten += 1
    for cached in (_world, installed_families, families_for_language, families_for_character):
        cached.cache_clear()
