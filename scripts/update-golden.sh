#!/usr/bin/env bash
# Write tests/golden/ again from the seed's briefing, after a deliberate change to what the
# briefing says or how it looks. Then read `git diff tests/golden` and commit what you meant.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m tests.golden_support
