"""Benchmark: reading a feed of news pages from a local HTTP server, first run vs. the next one.

Serves an RSS feed of ``--items`` news-like pages (the test pages of tests/web_support.py, each
under its own URL with its own text) from 127.0.0.1, then gathers the sources twice through the
source cache: the first run downloads and extracts every page, the second asks conditionally and
should download nothing. Prints time, requests and bytes downloaded for each run.

    .venv/bin/python bench/fetch_bench.py [--items 40]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.config import load_config, source_entries  # noqa: E402
from briefing.sources import gather  # noqa: E402
from tests.conftest import write_config  # noqa: E402
from tests.web_support import DE_NATO, EN_IRAN, NewsServer, Route, rss  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=40)
    n = ap.parse_args().items
    server = NewsServer().start()
    items = []
    for i in range(n):
        body = (DE_NATO if i % 2 else EN_IRAN).replace(b"</article>", f"<p>Meldung Nummer {i}.</p></article>".encode())
        server.routes[f"/a/{i}.html"] = Route(body)
        items.append((f"/a/{i}.html", f"Item {i}", f"Tue, 04 Jan 2022 {i % 24:02d}:00:00 +0000"))
    server.routes["/rss.xml"] = Route(rss(server.base, items), content_type="application/xml")
    with tempfile.TemporaryDirectory() as tmp:
        config = load_config(write_config(Path(tmp), sources=[{"feed": server.url("/rss.xml"), "max_items": n}]))
        for run in ("first", "second"):
            mark, start = len(server.seen), time.perf_counter()
            got = gather(config, source_entries(config), date(2022, 1, 7))
            seconds = time.perf_counter() - start
            seen = server.seen[mark:]
            size = sum(len(server.routes[s.path].body) for s in seen if s.status == 200 and s.path in server.routes)
            print(f"{run} run: {len(got.sources)} sources in {seconds:.2f} s; {len(seen)} requests, "
                  f"{sum(s.status == 200 for s in seen)} downloads ({size / 1024:.0f} kB), "
                  f"{sum(s.status == 304 for s in seen)} answered 304")
    server.stop()


if __name__ == "__main__":
    main()
