#!/usr/bin/env bash
# Install the test dependencies and run the whole suite (browser tests in Debian's Chromium),
# then type-check the rules core. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_setup.sh
ensure_debs chromium poppler-utils fonts-liberation fonts-dejavu-core libreoffice-writer-nogui redis-server
ensure_venv "[test]"
"$VENV/bin/python" -m pytest "$@"
"$VENV/bin/python" -m mypy
