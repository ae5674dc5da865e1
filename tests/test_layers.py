"""The package's layers: import-linter's contracts, no import cycle, PO files only in catalog/."""

from __future__ import annotations

import ast
import graphlib
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import REPO

PACKAGE = REPO / "pipeline"
# Imported where used, so --help, update and a no-op build never load them.
HEAVY = {"weasyprint", "ctranslate2", "sentencepiece", "fontTools", "onnxruntime", "piper",
         "segno",  # loads urllib, http.client and ssl
         "numpy", "soxr",  # 60 ms, and numpy starts its BLAS threads
         "lxml"}  # 10 ms that a no-op build would pay for the audio's script
# Our own modules that import a heavy library as they load, imported where they are needed.
HEAVY_OWN = {"pipeline.render.pdf_glyphs"}  # WeasyPrint's text drawing, copied


def module_name(path: Path) -> str:
    """Return the dotted name of a module file of the package."""
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(tree: ast.Module) -> list[tuple[ast.stmt, list[str], bool]]:
    """Return (statement, names it may import, inside a function?) for every import statement.

    ``from a import b`` may import the module ``a.b``, so both names are listed.
    """
    type_checking = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                     and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
                     for n in ast.walk(node)}
    functions = {id(n) for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                 for n in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if id(node) in type_checking:
            continue
        if isinstance(node, ast.Import):
            found.append((node, [alias.name for alias in node.names], id(node) in functions))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            found.append((node, names, id(node) in functions))
    return found


def modules() -> dict[str, tuple[Path, ast.Module]]:
    """Return every module of the package, parsed."""
    found = {module_name(p): (p, ast.parse(p.read_text(encoding="utf-8"))) for p in PACKAGE.rglob("*.py")}
    assert len(found) > 40
    return found


def test_import_linter_contracts_are_kept() -> None:
    binary = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert binary, "import-linter is not installed: bash scripts/setup.sh --test"
    done = subprocess.run([binary], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout and "2 kept" in done.stdout


def test_no_import_cycle_counting_function_level_imports() -> None:
    found = modules()
    graph = {name: set() for name in found}
    for name, (_, tree) in found.items():
        for _, targets, _ in imports(tree):
            for target in targets:
                while target and target not in found:
                    target = target.rpartition(".")[0]
                if target and target != name and not name.startswith(target + "."):
                    graph[name].add(target)
    try:
        order = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        raise AssertionError(f"import cycle: {' → '.join(error.args[1])}") from None
    assert len(order) == len(found)


def test_function_level_imports_are_only_heavy_libraries_with_a_reason() -> None:
    problems = []
    for path, tree in modules().values():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node, targets, nested in imports(tree):
            reason = "#" in lines[node.lineno - 1] or lines[node.lineno - 2].strip().startswith("#")
            heavy = targets[0].split(".")[0] in HEAVY or targets[0] in HEAVY_OWN
            if nested and (not heavy or not reason):
                problems.append(f"{path.relative_to(REPO)}:{node.lineno}: function-level import of {targets[0]}")
    assert not problems, "\n".join(problems)


def test_only_the_catalog_stage_reads_po_files() -> None:
    users = {name for name, (_, tree) in modules().items() for _, targets, _ in imports(tree)
             if targets[0] in ("polib", "babel.messages.pofile")
             or targets[0] == "babel.messages" and "babel.messages.pofile" in targets}
    assert users and all(name.startswith("pipeline.catalog") for name in users), sorted(users)
