#!/bin/sh
# Regenerate docs/briefing-page-1.png and -2.png from the seed (run from the repository root).
# The seed has no date of its own; --as-of places it on the Tuesday its text speaks from,
# so its meetings show as upcoming on the timeline.
set -eu
out=$(mktemp -d)
.venv/bin/python -m briefing build --out "$out" --format pdf --as-of "${AS_OF:-2022-01-04}"
pdftoppm -r 72 -f 1 -l 2 -png "$out"/*.pdf "$out/page"
cp "$out/page-1.png" docs/briefing-page-1.png
cp "$out/page-2.png" docs/briefing-page-2.png
rm -rf "$out"
ls -l docs/briefing-page-*.png
