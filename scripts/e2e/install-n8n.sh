#!/usr/bin/env bash
# Kept for callers of the old entry point (scripts/demo.mjs): the install lives in install.mjs.
set -euo pipefail
exec node "$(dirname "$0")/install.mjs"
