#!/usr/bin/env bash
# Install daihoi, load the demo ward and serve it on http://127.0.0.1:8000 (SQLite in ./data).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_setup.sh
ensure_debs fonts-liberation fonts-dejavu-core libreoffice-writer-nogui
ensure_venv ""
"$VENV/bin/daihoi" migrate --noinput -v 0
"$VENV/bin/daihoi" demo
echo "daihoi: open http://127.0.0.1:8000 (Ctrl+C to stop)"
# gunicorn rather than Django's development server: the phones, the projector and the counting
# stations of the hall all connect at once. Workers and threads are in daihoi/gunicorn_conf.py,
# which bench/news.py also uses, so the benchmark measures what a ward runs.
exec "$VENV/bin/gunicorn" daihoi.wsgi -c python:daihoi.gunicorn_conf --bind "${DAIHOI_ADDR:-127.0.0.1:8000}"
