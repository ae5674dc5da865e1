#!/usr/bin/env bash
# Install the Debian packages and the Python environment Ligetil needs (idempotent).
# Usage: scripts/setup.sh [--test]   (--test adds Chromium, EPUBCheck, Ace and the test libraries)
# Python packages come from the lock only (requirements/*.txt, hash-checked): every machine
# gets the same versions. scripts/lock.sh rewrites the lock.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# gettext: msgcat/msgfmt (catalog format, checks); fonts-noto-core: the fonts of Latin, Arabic,
# Cyrillic, Ethiopic, Thai, Tamil and most other scripts; fontconfig: fc-list, how Ligetil finds
# them; pango/harfbuzz: WeasyPrint; poppler-utils: pdftotext/pdffonts/pdftoppm. The fonts of
# the project's other scripts (CJK: fonts-noto-cjk) follow, from `ligetil doctor --packages`.
# So do espeak-ng and ffmpeg (the audio version: speech, then MP3), listed with the tools there.
packages=(python3 python3-venv python3-pip gettext fonts-noto-core fontconfig poppler-utils
          libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 shared-mime-info)
lock=requirements/runtime.txt
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium)        # headless browser for axe-core accessibility tests
  packages+=(fonts-noto-cjk)  # the tests build Chinese, Japanese and Korean pages too
  packages+=(zbar-tools)      # zbarimg reads the flyers' QR codes back (page and audio addresses)
  packages+=(epubcheck)  # EPUBCheck 4.2.6 (Java; it brings a JRE) validates every sample e-book
  lock=requirements/test.txt
fi

install_debian() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -q
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}
install_debian "${packages[@]}"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
echo "Installing the locked Python packages ($lock)"
.venv/bin/python -m pip install -q --require-hashes --no-deps -r "$lock"
# Ligetil itself, editable, built with the locked setuptools (no unlocked build environment).
.venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
.venv/bin/python -m pip check
# The fonts of every script the project's languages are written in (ligetil.toml).
mapfile -t project_packages < <(.venv/bin/ligetil doctor --packages)
install_debian "${project_packages[@]}"

# Ace by DAISY (checks every sample e-book) from npm, exactly as tests/tools/package-lock.json
# pins it. Its browser is Debian's Chromium above: puppeteer's own download is skipped.
if [ "${1:-}" = "--test" ]; then
  if ! command -v npm >/dev/null; then install_debian nodejs npm; fi
  stamp=tests/tools/node_modules/.ligetil-lock
  if ! cmp -s tests/tools/package-lock.json "$stamp"; then
    echo "Installing the locked Node test tools (tests/tools/package-lock.json)"
    (cd tests/tools && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    cp tests/tools/package-lock.json "$stamp"
  fi
fi
