#!/bin/sh
# Regenerate the sample pages from the seed (run from the repository root): page 1 and 2 of the
# German briefing, page 1 of the same briefing in English (--lang en).
# The seed has no date of its own; --as-of places it on the Tuesday its text speaks from,
# so its meetings show as upcoming on the timeline.
set -eu
out=$(mktemp -d)
for lang in de en; do
  mkdir -p "$out/$lang"
  .venv/bin/python -m briefing build --out "$out/$lang" --format pdf --as-of "${AS_OF:-2022-01-04}" --lang "$lang"
  pdftoppm -r 72 -f 1 -l 2 -png "$out/$lang"/*.pdf "$out/$lang/page"
done
cp "$out/de/page-1.png" docs/briefing-page-1.png
cp "$out/de/page-2.png" docs/briefing-page-2.png
cp "$out/en/page-1.png" docs/briefing-page-1-en.png
rm -rf "$out"
ls -l docs/briefing-page-*.png
