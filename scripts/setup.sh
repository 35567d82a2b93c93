#!/usr/bin/env bash
# Create .venv and install attache with its test and benchmark extras (CPU torch pinned first, so
# pip never picks a CUDA build). Idempotent and quiet: it installs only when pyproject.toml changed
# since the last successful install, says what it does and how long it took, and keeps pip's
# output in .venv/setup.log (shown when the install fails).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
STAMP=.venv/.attache-installed
LOG=.venv/setup.log
want="$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)"
if [ -x .venv/bin/python ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  echo "setup: .venv is up to date" >&2
  exit 0
fi
start=$(date +%s)
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $("$PY" --version 2>&1)" >&2
  "$PY" -m venv .venv
fi
echo "setup: installing attache and its dependencies into .venv (a few minutes the first time; log: $LOG)" >&2
: > "$LOG"
.venv/bin/python -m pip install --upgrade pip >> "$LOG" 2>&1 || echo "setup: could not upgrade pip; going on" >&2
if ! { .venv/bin/python -m pip install torch==2.13.0 && .venv/bin/python -m pip install -e ".[test,bench]"; } >> "$LOG" 2>&1; then
  echo "setup: install failed; the end of $LOG:" >&2
  tail -n 40 "$LOG" >&2
  exit 1
fi
echo "$want" > "$STAMP"
echo "setup: installed in $(( $(date +%s) - start )) s" >&2
