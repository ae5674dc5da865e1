#!/usr/bin/env bash
# Rewrite the Python lock from pyproject.toml: requirements/test.txt (every dependency, test
# ones included, with hashes) and requirements/runtime.txt (its runtime subset, same versions).
# Usage: scripts/lock.sh            re-resolve, keeping every pin that still fits (after editing pyproject.toml)
#        scripts/lock.sh --upgrade  move every package to its newest release
# Then run scripts/test.sh: the tests say what the new versions changed (plural rules, say).
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9   # the lock tool itself, pinned so that two runs write the same lock
upgrade=()
if [ "${1:-}" = "--upgrade" ]; then upgrade=(--upgrade); fi

tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT
python3 -m venv "$tool"
"$tool/bin/python" -m pip install -q "uv==$UV_VERSION"
compile=("$tool/bin/uv" pip compile --quiet --generate-hashes --universal --python-version 3.11
         --custom-compile-command "bash scripts/lock.sh")
"${compile[@]}" "${upgrade[@]}" pyproject.toml requirements/build.in --extra test -o requirements/test.txt
"${compile[@]}" pyproject.toml requirements/build.in -c requirements/test.txt -o requirements/runtime.txt
echo "Rewrote requirements/test.txt and requirements/runtime.txt; review with: git diff requirements/"
