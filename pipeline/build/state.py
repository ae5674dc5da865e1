"""What the last build made from what: dependency hashes, output hashes, cached decisions.

The state lives in ``output/.ligetil-state.json``. Every output maps to the hash of what
it was made from (``dep``) and the hash of its bytes (``hash``). An output is up to date
when its dependency hash is unchanged and the file on disk still has its recorded hash;
mtimes are never trusted (a checkout or a copy changes them, an edit may not).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.config import Settings, settings_digest
from pipeline.fsutil import file_digest, write_text_atomic
from pipeline.paths import site_po_path
from pipeline.render import fontconfig, fonts

STATE_FILE = ".ligetil-state.json"
STATE_VERSION = 1
PACKAGE_DIR = Path(__file__).resolve().parent.parent
# What shapes the output besides the project's files: templates, styles, UI catalogs and
# the code that reads, checks, localizes and renders. A change in any of them rebuilds all.
CODE_PARTS = ("render", "locale", "source", "catalog", "qa", "build", "model.py", "config.py", "project.py")
CODE_SUFFIXES = {".py", ".j2", ".css", ".js", ".po", ".html", ".svg", ".png", ".woff2"}


def hash_parts(*parts: Any) -> str:
    """Return a stable hash of JSON-able parts (the dependency hash of one output)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


file_hash = file_digest  # the content hash of a file, None when it cannot be read


def code_files(package: Path = PACKAGE_DIR) -> list[Path]:
    """Return the package files whose content shapes the built output."""
    found = []
    for part in CODE_PARTS:
        for path in package.glob(part):
            if path.is_file():
                found.append(path)
            elif path.is_dir():
                found.extend(p for p in path.rglob("*") if p.is_file() and p.suffix in CODE_SUFFIXES
                             and "__pycache__" not in p.parts)
    return sorted(found)


def code_digest(files: list[Path] | None = None) -> str:
    """Return one hash over the package's templates, styles, UI catalogs and render code."""
    files = code_files() if files is None else files
    return hash_parts([(p.relative_to(PACKAGE_DIR).as_posix() if p.is_relative_to(PACKAGE_DIR)
                        else p.name, file_hash(p)) for p in files])


def font_digest(settings: Settings) -> str:
    """Return one hash over the fonts a build may choose from: the chosen files' contents, and
    what fontconfig lists (a font installed or removed for any script changes it)."""
    chosen = [fonts.latin(settings.fonts)] + [choose(lang, settings.fonts) for lang in settings.all_languages
                                               for choose in (fonts.pdf_font, fonts.web_font)]
    paths = sorted({path for font in chosen for _, path in font.files})
    listed = sorted((family, weight, str(path), index) for family, faces in fontconfig.installed_families().items()
                    for weight, (path, index) in faces.items())
    return hash_parts([(str(path), file_hash(path)) for path in paths], listed)


def common_digest(settings: Settings, preview: bool) -> str:
    """Return the hash every output depends on: package, code, fonts, settings, preview."""
    local = {**settings_digest(settings), "protected_terms": list(settings.protected_terms),
             "checks": [list(settings.checks.disabled), settings.checks.severity,
                        settings.checks.lix_max, settings.checks.max_sentence_words]}
    site_words = [(lang, file_hash(site_po_path(settings, lang))) for lang in settings.all_languages]
    return hash_parts(__version__, code_digest(), font_digest(settings), local, preview, site_words)


@dataclass
class BuildState:
    """Records of the last successful build, read from and written to output/."""

    outputs: dict[str, dict] = field(default_factory=dict)  # path -> {"dep", "hash", …}
    guides: dict[str, dict] = field(default_factory=dict)  # slug -> cached localize results

    def fresh(self, out: Path, path: str, dep: str) -> dict | None:
        """Return the record of ``path`` if it was made from ``dep`` and the file is intact."""
        record = self.outputs.get(path)
        if record is None or record.get("dep") != dep:
            return None
        return record if file_hash(out / path) == record.get("hash") else None

    def record(self, path: str, dep: str, data: bytes, **extra: Any) -> None:
        """Remember that ``path`` now holds ``data``, made from ``dep``."""
        self.outputs[path] = {"dep": dep, "hash": hashlib.sha256(data).hexdigest(), **extra}

    def forget(self, paths) -> None:
        """Drop the records of removed outputs."""
        for path in paths:
            self.outputs.pop(path, None)


def read_state(out: Path) -> BuildState:
    """Read the state of the last build; a missing or broken file means a full rebuild."""
    try:
        data = json.loads((out / STATE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return BuildState()
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        return BuildState()
    outputs, guides = data.get("outputs"), data.get("guides")
    if not isinstance(outputs, dict) or not isinstance(guides, dict):
        return BuildState()
    return BuildState(outputs, guides)


def write_state(out: Path, state: BuildState) -> bool:
    """Write the state atomically (unchanged bytes are not rewritten)."""
    data = {"version": STATE_VERSION, "outputs": state.outputs, "guides": state.guides}
    return write_text_atomic(out / STATE_FILE, json.dumps(data, sort_keys=True, ensure_ascii=False,
                                                          indent=0) + "\n")
