#!/usr/bin/env bash
# Set up attache, ingest the bundled sample articles and open the chat UI (http://127.0.0.1:7860).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. .venv/bin/activate
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
exec attache demo "$@"
