#!/usr/bin/env bash
# Install briefing with its test tools, then lint and run the tests (README, second command).
# .ci/run calls exactly this script.
set -euo pipefail
cd "$(dirname "$0")/.."

# System parts the tests use for real: Pango for WeasyPrint, LibreOffice to open the DOCX,
# poppler (pdftoppm, pdftotext) to look at PDF pages.
need=()
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || need+=(libharfbuzz-subset0)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# Redis and PostgreSQL for the Celery tests, which start their own instances on 127.0.0.1.
command -v redis-server >/dev/null || need+=(redis-server)
command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing with apt-get: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test,celery]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/ruff check briefing tests bench
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
