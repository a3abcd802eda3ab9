#!/usr/bin/env bash
# Install the test dependencies and run the whole suite (browser tests in Debian's Chromium),
# then type-check the rules core. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_setup.sh
ensure_debs chromium poppler-utils fonts-liberation fonts-dejavu-core libreoffice-writer-nogui redis-server
ensure_venv "[test]"
# Keep compiled modules, and pytest's assertion-rewritten ones, between runs even where the
# environment says not to (PYTHONDONTWRITEBYTECODE=1): without them every run compiles Django,
# schemathesis and the tests again, about six CPU seconds a run; the caches are git-ignored.
export PYTHONDONTWRITEBYTECODE=
"$VENV/bin/python" -m pytest "$@"
"$VENV/bin/python" -m mypy
