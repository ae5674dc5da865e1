"""The lock is what is installed: requirements/*.txt, pyproject.toml and the environment agree."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import metadata

import pytest
from helpers import REPO
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LOCKS = REPO / "requirements"


def locked(name: str) -> dict[str, str]:
    """Return {package: version} of one lock file, for this Python and platform."""
    pins: dict[str, str] = {}
    for line in (LOCKS / name).read_text(encoding="utf-8").splitlines():
        if not line or line[0] in " #-":
            continue
        requirement = Requirement(line.rstrip(" \\"))
        if requirement.marker is None or requirement.marker.evaluate(default_environment()):
            pins[canonicalize_name(requirement.name)] = str(requirement.specifier).removeprefix("==")
    assert pins, f"requirements/{name} pins nothing"
    return pins


def declared(extra: str | None = None) -> set[str]:
    """Return the names pyproject.toml declares (runtime, or one extra)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entries = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    return {canonicalize_name(Requirement(entry).name) for entry in entries}


def test_every_pin_has_hashes() -> None:
    for name in ("runtime.txt", "test.txt"):
        text = (LOCKS / name).read_text(encoding="utf-8")
        pins = [line for line in text.splitlines() if line and line[0] not in " #-"]
        assert pins and all(line.endswith("\\") for line in pins), f"{name}: a pin without --hash"
        assert text.count("--hash=sha256:") >= len(pins)


def test_the_runtime_lock_is_the_test_lock_cut_down() -> None:
    runtime, full = locked("runtime.txt"), locked("test.txt")
    assert {name: full.get(name) for name in runtime} == runtime
    assert declared() <= set(runtime), "a runtime dependency is missing from requirements/runtime.txt"
    assert declared("test") <= set(full), "a test dependency is missing from requirements/test.txt"
    assert set(runtime) < set(full), "the runtime lock should leave the test tools out"


@pytest.mark.parametrize("name", sorted(locked("test.txt")))
def test_installed_version_is_the_locked_one(name: str) -> None:
    want = locked("test.txt")[name]
    try:
        have = metadata.version(name)
    except metadata.PackageNotFoundError:
        pytest.fail(f"{name} {want} is locked but not installed: run bash scripts/setup.sh --test")
    assert have == want, f"{name}: installed {have}, locked {want}: run bash scripts/setup.sh --test"


def test_pip_check_finds_no_problem() -> None:
    done = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
