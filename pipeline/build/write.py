"""Write a build's files atomically, keep the manifest, remove stale outputs, save the state."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.build.formats import format_of
from pipeline.build.plan import Run
from pipeline.build.state import STATE_FILE, file_hash, write_state
from pipeline.fsutil import write_text_atomic

MANIFEST = ".ligetil-manifest.json"


def read_manifest(out: Path) -> set[str]:
    """Return the files a previous build wrote (relative to output/)."""
    try:
        return set(json.loads((out / MANIFEST).read_text("utf-8"))["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def remove_stale(out: Path, old: set[str], now: set[str]) -> list[str]:
    """Delete files an earlier build made that this build no longer makes; drop empty folders."""
    removed = []
    for name in sorted(old - now):
        path = out / name
        if ".." not in Path(name).parts and path.is_file():
            path.unlink()
            removed.append(name)
            for folder in path.parents:
                if folder == out or any(folder.iterdir()):
                    break
                folder.rmdir()
    return removed


def write_all(run: Run, full: bool, extra: list[str]) -> tuple[int, list[str]]:
    """Commit what was rendered (spooled), update the manifest, remove stale files, then save the state."""
    out = run.out
    changed = run.files.commit()
    old = read_manifest(out)
    kept = {name for name in old if (format_of(name) or "html") not in run.formats}  # not built by this run
    now = set(run.files) | run.up_to_date | set(extra) | kept | {STATE_FILE}
    removed = remove_stale(out, old, now) if full else []
    manifest = sorted(now if full else now | (old - set(removed)))
    write_text_atomic(out / MANIFEST, json.dumps({"files": manifest}, indent=1) + "\n")
    for path, (dep, more) in run.records.items():
        made = run.files.made.get(path)
        run.state.outputs[path] = {"dep": dep, "hash": made.hash if made is not None else file_hash(out / path),
                                   **more}
    keep = set(manifest)
    run.state.forget([p for p in list(run.state.outputs) if p not in keep])
    run.state.guides = {s: e for s, e in run.state.guides.items() if s in run.inputs.sources}
    write_state(out, run.state)
    return changed, removed
