#!/usr/bin/env bash
# Install everything on a fresh Debian machine, then build the sample guides into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ligetil update
.venv/bin/ligetil status
.venv/bin/ligetil build
echo "Done: open output/index.html"
