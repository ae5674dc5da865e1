"""Argos Translate packages: where they live, installing them, and routes between languages."""

from __future__ import annotations

import json
import os
import threading
import urllib.request
import zipfile
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from pipeline.errors import TranslateError

ENV_DIR = "ARGOS_PACKAGES_DIR"
PIVOT = "en"  # the Argos index pairs most languages with English
PROBE_SECONDS = 4.0
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


@dataclass(frozen=True)
class AvailableModel:
    """One package listed in the Argos package index."""

    from_code: str
    to_code: str
    version: str
    size_hint: str = ""


def default_dir() -> Path:
    """Return argostranslate's own default package folder, shared with its other users."""
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "argos-translate" / "packages"


def models_dir(override: str | Path | None = None) -> Path:
    """Return the package folder: the option, else $ARGOS_PACKAGES_DIR, else the default."""
    chosen = override or os.environ.get(ENV_DIR) or default_dir()
    return Path(chosen).expanduser().resolve()


def argos(folder: Path) -> ModuleType:
    """Import ``argostranslate.package`` pointed at ``folder``.

    argostranslate reads ARGOS_PACKAGES_DIR once, at import time (and creates that folder), so
    the variable is set around the import and the settings are re-pointed on every call.
    """
    folder.mkdir(parents=True, exist_ok=True)
    before = os.environ.get(ENV_DIR)
    os.environ[ENV_DIR] = str(folder)
    try:
        import argostranslate.package as package
        from argostranslate import settings
    finally:
        if before is None:
            os.environ.pop(ENV_DIR, None)
        else:
            os.environ[ENV_DIR] = before

    settings.package_data_dir = folder
    settings.package_dirs = [folder]
    return package


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


def installed_models(folder: Path) -> list[InstalledModel]:
    """Return the installed translation packages in ``folder``, sorted by language pair."""
    found = []
    for package in argos(folder).get_installed_packages():
        if getattr(package, "type", "translate") == "translate" and package.from_code:
            found.append(_model_from(Path(package.package_path)))
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
    """Install a ``.argosmodel`` file into ``folder``; return what was installed."""
    path = Path(path)
    if not path.is_file():
        raise TranslateError("no such file", path)
    top = _check_archive(path)
    package = argos(folder)
    try:
        package.install_from_path(path)
    except ModuleNotFoundError as error:
        # After extracting, argostranslate clears a cache in argostranslate.translate, which
        # imports stanza/minisbd; we install without them (see README), so there is no cache.
        if error.name not in {"stanza", "minisbd", "spacy", "argostranslate.translate"}:
            raise
    return _model_from(folder / top)


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


def available_models(folder: Path, refresh: bool = True) -> list[AvailableModel]:
    """Return the packages in the Argos index, downloading the index first when ``refresh``.

    Fails fast when offline, instead of argostranslate's long DNS wait and RecursionError.
    """
    package = argos(folder)
    from argostranslate import settings

    if refresh or not Path(settings.local_package_index).is_file():
        problem = _probe(settings.remote_package_index, PROBE_SECONDS)
        if problem:
            raise TranslateError(
                f"cannot reach the Argos package index ({problem}); when offline, install from a "
                "file: ligetil models install path/to/translate-da_en.argosmodel"
            )
        package.update_package_index()
    if not Path(settings.local_package_index).is_file():
        raise TranslateError("could not download the Argos package index", settings.remote_package_index)
    return sorted(
        AvailableModel(p.from_code, p.to_code, p.package_version)
        for p in package.get_available_packages()
        if p.type == "translate" and p.from_code and p.to_code
    )


def install_pair(source: str, target: str, folder: Path) -> list[InstalledModel]:
    """Download and install the index's package(s) for ``source``→``target``, pivoting via English."""
    available_models(folder, refresh=True)  # fails fast when offline
    index = [p for p in argos(folder).get_available_packages() if p.type == "translate"]
    for pairs in ([(source, target)], [(source, PIVOT), (PIVOT, target)]):
        chosen = [next((p for p in index if (p.from_code, p.to_code) == pair), None) for pair in pairs]
        if all(chosen):
            return [_download_and_install(p, folder) for p in chosen]
    raise TranslateError(f"the Argos index has no package for {source}→{target}, directly or via {PIVOT}")


def _download_and_install(available, folder: Path) -> InstalledModel:
    """Download one index package and install it from the downloaded file."""
    try:
        path = available.download()
    except Exception as error:  # argostranslate raises a bare Exception on failed downloads
        raise TranslateError(f"download of translate-{available.from_code}_{available.to_code} failed: {error}") from None
    try:
        return install_file(Path(path), folder)
    finally:
        Path(path).unlink(missing_ok=True)
