#!/usr/bin/env bash
# Install the test dependencies (Chromium, axe-core, pikepdf, a PDF/UA validator, EPUBCheck, Ace) and run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec .venv/bin/python -m pytest -q "$@"
