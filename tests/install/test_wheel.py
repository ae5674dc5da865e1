"""`pip install` of the built wheel alone, in a clean venv: every runtime import is declared.

The venv gets the runtime lock's versions (so the test is the same on every machine), then the
wheel with ``--no-deps``: a module that imports an undeclared package fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO


def run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run a command of the clean venv and return what it did."""
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """Build the wheel from a copy of the package and install it into a new venv."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "pipeline", source / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(root / "dist"), str(source)], check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "venv", str(root / "venv")], check=True)
    pip = [str(root / "venv/bin/python"), "-m", "pip", "install", "-q"]
    subprocess.run([*pip, "--require-hashes", "--no-deps", "-r", str(REPO / "requirements/runtime.txt")],
                   check=True, capture_output=True)
    wheels = list((root / "dist").glob("ligetil-*.whl"))
    assert len(wheels) == 1
    subprocess.run([*pip, "--no-deps", str(wheels[0])], check=True, capture_output=True)
    env = {"PATH": f"{root / 'venv/bin'}:{os.environ['PATH']}", "HOME": str(root / "home"),
           "LANG": "C.UTF-8", "SOURCE_DATE_EPOCH": "1764547200"}
    return root, env


def test_the_wheel_alone_imports_every_module(wheel_venv) -> None:
    root, env = wheel_venv
    code = ("import importlib, pkgutil, pipeline\n"
            "names = [m.name for m in pkgutil.walk_packages(pipeline.__path__, 'pipeline.')]\n"
            "for name in names: importlib.import_module(name)\n"
            "print(len(names), pipeline.__file__)")
    done = run("python", "-c", code, cwd=root, env=env)
    assert done.returncode == 0, done.stderr
    count, where = done.stdout.split()
    assert int(count) > 40 and "site-packages" in where
    checked = run("python", "-m", "pip", "check", cwd=root, env=env)
    assert checked.returncode == 0, checked.stdout


def test_the_wheel_alone_runs_help_init_models_and_build(wheel_venv) -> None:
    root, env = wheel_venv
    for args in (("--help",), ("init", "x"), ("models", "list"), ("-C", "x", "update"), ("-C", "x", "build")):
        done = run("ligetil", *args, cwd=root, env=env)
        assert done.returncode == 0, f"ligetil {' '.join(args)}: {done.stderr}"
        assert "Traceback" not in done.stderr
    assert "no models in" in run("ligetil", "models", "list", cwd=root, env=env).stdout
    assert (root / "x/output/index.html").is_file() and list((root / "x/output/da").glob("*.pdf"))
