"""Argos Translate packages: where they live, installing them, and routes between languages.

Read and installed here, in argostranslate's own folder layout and from its index, rather than
through the argostranslate package: its release pins stanza, which pulls PyTorch (about 6 GB)
that Ligetil never runs, and a ``.argosmodel`` is only a zip of one folder with metadata.json.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import urllib.request
import zipfile
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.errors import TranslateError
from pipeline.fsutil import write_bytes_atomic

ENV_DIR = "ARGOS_PACKAGES_DIR"
PIVOT = "en"  # the Argos index pairs most languages with English
PROBE_SECONDS = 4.0
DOWNLOAD_SECONDS = 60.0
INDEX_BASE = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"  # argostranslate's default
REQUIRED_FILES = ("metadata.json", "sentencepiece.model", "model/model.bin")


@dataclass(frozen=True, order=True)
class InstalledModel:
    """One installed translation package."""

    from_code: str
    to_code: str
    version: str
    path: Path
    target_prefix: str = ""

    @property
    def name(self) -> str:
        """Return the argospm name, e.g. ``translate-da_en``."""
        return f"translate-{self.from_code}_{self.to_code}"

    @property
    def label(self) -> str:
        """Return the name and version, e.g. ``translate-da_en 1.9``."""
        return f"{self.name} {self.version}"


@dataclass(frozen=True, order=True)
class AvailableModel:
    """One package listed in the Argos package index."""

    from_code: str
    to_code: str
    version: str
    size_hint: str = ""


def data_home() -> Path:
    """Return argostranslate's data folder: its packages and its copy of the index live there."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "argos-translate"


def default_dir() -> Path:
    """Return argostranslate's default package folder, shared with its other users."""
    return data_home() / "packages"


def models_dir(override: str | Path | None = None) -> Path:
    """Return the package folder: the option, else $ARGOS_PACKAGES_DIR, else the default."""
    chosen = override or os.environ.get(ENV_DIR) or default_dir()
    return Path(chosen).expanduser().resolve()


def _model_from(package_dir: Path) -> InstalledModel:
    """Read one installed package's metadata."""
    meta_path = package_dir / "metadata.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return InstalledModel(
            str(meta["from_code"]), str(meta["to_code"]), str(meta.get("package_version", "?")),
            package_dir, str(meta.get("target_prefix", "")),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise TranslateError(f"broken Argos package ({error}); reinstall it", meta_path) from None


def _is_translation_package(package_dir: Path) -> bool:
    """Tell a translation package from argostranslate's other kinds (sentence splitters)."""
    try:
        meta = json.loads((package_dir / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True  # let _model_from name the broken file
    return isinstance(meta, dict) and meta.get("type", "translate") == "translate" and bool(meta.get("from_code"))


def installed_models(folder: Path) -> list[InstalledModel]:
    """Return the installed translation packages in ``folder``, sorted by language pair."""
    if not folder.is_dir():
        return []
    found = []
    for package_dir in folder.iterdir():
        if package_dir.is_dir() and not package_dir.name.startswith(".") and _is_translation_package(package_dir):
            found.append(_model_from(package_dir))
    return sorted(found)


def _check_archive(path: Path) -> str:
    """Refuse files that are not a single-folder Argos package; return the folder name."""
    if not zipfile.is_zipfile(path):
        raise TranslateError("not an Argos package (.argosmodel must be a zip archive)", path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    tops = {name.split("/", 1)[0] for name in names}
    unsafe = [n for n in names if n.startswith(("/", "\\")) or ".." in Path(n).parts]
    if len(tops) != 1 or unsafe:
        raise TranslateError("not an Argos package (expected one top-level folder)", path)
    top = tops.pop()
    missing = [f for f in REQUIRED_FILES if f"{top}/{f}" not in names]
    if missing:
        raise TranslateError(f"not an Argos package: missing {', '.join(missing)}", path)
    return top


def install_file(path: Path, folder: Path) -> InstalledModel:
    """Install a ``.argosmodel`` file into ``folder`` as argostranslate would; return it.

    The archive is unpacked beside its final place and moved in with one rename, so an
    interrupted install leaves the old package (or none), never half of one.
    """
    path = Path(path)
    if not path.is_file():
        raise TranslateError("no such file", path)
    top = _check_archive(path)
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".ligetil-install-", dir=folder))
    try:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(staging)
        model = _model_from(staging / top)  # refuse a broken package before it replaces a good one
        target = folder / top
        old = staging / "previous"
        if target.exists():
            os.replace(target, old)
        os.replace(staging / top, target)
    except (OSError, zipfile.BadZipFile) as error:
        raise TranslateError(f"cannot install the package: {error}", path) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return replace(model, path=target)


def find_route(models: list[InstalledModel], source: str, target: str) -> tuple[InstalledModel, ...]:
    """Return the shortest chain of installed models from ``source`` to ``target``.

    Raises TranslateError with the exact install commands when there is none.
    """
    edges: dict[str, list[InstalledModel]] = {}
    for model in sorted(models, key=lambda m: (m.to_code != PIVOT, m.to_code)):
        edges.setdefault(model.from_code, []).append(model)
    queue, seen = deque([(source, ())]), {source}
    while queue:
        code, chain = queue.popleft()
        if code == target:
            return chain
        for model in edges.get(code, []):
            if model.to_code not in seen:
                seen.add(model.to_code)
                queue.append((model.to_code, (*chain, model)))
    raise TranslateError(f"no translation model for {source}→{target}; {install_hint(models, source, target)}")


def install_hint(models: list[InstalledModel], source: str, target: str) -> str:
    """Return the command that installs what a route ``source``→``target`` lacks."""
    have = {(m.from_code, m.to_code) for m in models}
    pairs = [(source, target)] if PIVOT in (source, target) else [(source, PIVOT), (PIVOT, target)]
    needed = [pair for pair in pairs if pair not in have]
    commands = [f"ligetil models install {a} {b}" for a, b in needed]
    return "install it with: " + " && ".join(commands)


def _probe(url: str, seconds: float) -> str | None:
    """Return why ``url`` cannot be reached within ``seconds`` (DNS included), or None."""
    outcome: list[str | None] = []

    def attempt() -> None:
        try:
            request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "ligetil"})
            urllib.request.urlopen(request, timeout=seconds).close()
            outcome.append(None)
        except Exception as error:  # any failure means "offline" to the user
            outcome.append(str(getattr(error, "reason", error)))

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(seconds)  # a socket timeout does not bound DNS lookups; the thread does
    return outcome[0] if outcome else f"no answer within {seconds:g} s"


def index_url() -> str:
    """Return the package index address: $ARGOS_PACKAGE_INDEX (as argostranslate reads it) or the default."""
    return os.environ.get("ARGOS_PACKAGE_INDEX", INDEX_BASE) + "index.json"


def local_index() -> Path:
    """Return where argostranslate (and so Ligetil) keeps the downloaded index."""
    return data_home() / "index.json"


def _download(url: str) -> bytes:
    """Return the body at ``url``, or raise TranslateError naming it."""
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "ligetil"})
        with urllib.request.urlopen(request, timeout=DOWNLOAD_SECONDS) as response:
            return response.read()
    except Exception as error:  # any failure is "cannot download" to the user
        raise TranslateError(f"download failed: {getattr(error, 'reason', error)}", url) from None


def _index_entries(refresh: bool) -> list[dict]:
    """Return the index's package entries, downloading the index first when ``refresh``."""
    path = local_index()
    if refresh or not path.is_file():
        problem = _probe(index_url(), PROBE_SECONDS)
        if problem:
            raise TranslateError(
                f"cannot reach the Argos package index ({problem}); when offline, install from a "
                "file: ligetil models install path/to/translate-da_en.argosmodel"
            )
        write_bytes_atomic(path, _download(index_url()))
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise TranslateError(f"unreadable Argos package index ({error}); run ligetil models list --available", path) from None
    if not isinstance(entries, list):
        raise TranslateError("the Argos package index is not a list of packages", path)
    return [e for e in entries if isinstance(e, dict) and e.get("type", "translate") == "translate"
            and e.get("from_code") and e.get("to_code")]


def available_models(refresh: bool = True) -> list[AvailableModel]:
    """Return the packages in the Argos index, downloading the index first when ``refresh``.

    Fails fast when offline, instead of a long DNS wait.
    """
    return sorted(
        AvailableModel(str(e["from_code"]), str(e["to_code"]), str(e.get("package_version", "")))
        for e in _index_entries(refresh)
    )


def install_pair(source: str, target: str, folder: Path) -> list[InstalledModel]:
    """Download and install the index's package(s) for ``source``→``target``, pivoting via English."""
    index = _index_entries(refresh=True)  # fails fast when offline
    for pairs in ([(source, target)], [(source, PIVOT), (PIVOT, target)]):
        chosen = [next((e for e in index if (e["from_code"], e["to_code"]) == pair), None) for pair in pairs]
        if all(chosen):
            return [_download_and_install(entry, folder) for entry in chosen]
    raise TranslateError(f"the Argos index has no package for {source}→{target}, directly or via {PIVOT}")


def _download_and_install(entry: dict, folder: Path) -> InstalledModel:
    """Download one index package (its first working link) and install it from the file."""
    name = f"translate-{entry['from_code']}_{entry['to_code']}"
    links = [link for link in entry.get("links", []) if str(link).startswith(("https://", "http://"))]
    if not links:
        raise TranslateError(f"the Argos index lists no download for {name}")
    problems = []
    for link in links:
        try:
            data = _download(str(link))
            break
        except TranslateError as error:
            problems.append(str(error))
    else:
        raise TranslateError(f"download of {name} failed: {'; '.join(problems)}")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".ligetil-download-", dir=folder) as temp:
        path = Path(temp) / f"{name}.argosmodel"
        path.write_bytes(data)
        return install_file(path, folder)
