#!/usr/bin/env bash
# Install the system libraries and fonts presskit needs (Debian/Ubuntu).
# Pango/HarfBuzz for WeasyPrint, HarfBuzz's subsetter for fast CJK font subsetting,
# Noto fonts for the six UN scripts (found with fontconfig's fc-match), poppler and gettext for the tests,
# strace for the test that a publish starts no process (tests/test_libraries.py).
# `--browser`: Chromium only, for the live-preview browser test (tests/test_serve.py), headless.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0
          fontconfig fonts-noto-core fonts-noto-cjk poppler-utils gettext strace)
[ "${1:-}" = "--browser" ] && packages=(chromium)
command -v dpkg-query >/dev/null 2>&1 || {
    echo "presskit: not a Debian/Ubuntu system; install Pango, HarfBuzz (with hb-subset)," \
         "Noto fonts (Naskh Arabic, Sans/Serif CJK SC), poppler-utils and gettext by hand." >&2
    exit 0
}
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "presskit: installing system packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "presskit: missing system packages: ${missing[*]}" >&2
    echo "run:  sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
