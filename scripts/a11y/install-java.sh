#!/usr/bin/env bash
# A Java runtime for the Nu HTML checker (vnu.jar needs Java 11 or later), from Debian.
set -euo pipefail
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends default-jre-headless
else
    echo "check-a11y: the Nu checker needs Java; run:  sudo apt-get install default-jre-headless" >&2
    exit 1
fi
