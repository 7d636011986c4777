#!/usr/bin/env bash
# Install briefing into .venv and build the briefing from seeds/ into out/ (README, first command).
set -euo pipefail
cd "$(dirname "$0")/.."

# WeasyPrint draws text with Pango; Debian-based machines get it from apt when it is missing.
if ! ldconfig -p 2>/dev/null | grep -q libpango-1.0; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core >/dev/null
  else
    echo "error: WeasyPrint needs Pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)" >&2
    exit 1
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e . 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import briefing, weasyprint, docx, apscheduler" # fail here, not later, if the install failed
.venv/bin/briefing build "$@"
