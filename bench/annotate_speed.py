"""Benchmark: annotation throughput (sentences per second, one core).

Annotates every eval case article and the seed, repeated until the batch holds at least
``--sentences`` sentences, in this one process (the models are loaded before the clock starts).
Prints the figures for the whole annotation (segmentation, tagging, temporal expressions,
actors, quotes, positions, meetings, background) and for the stages after segmentation.

    .venv/bin/python bench/annotate_speed.py [--sentences 3000]
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import date
from pathlib import Path

from briefing.dates import settle_dates
from briefing.nlp import annotate as annotate_module
from briefing.nlp import segment as segment_module
from briefing.nlp.annotate import annotate
from briefing.sources import read_source

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT.parent / "shared" / "eval" / "cases"


def articles() -> list:
    paths = sorted(p for p in CASES.glob("*") if p.suffix in (".md", ".txt")) if CASES.is_dir() else []
    paths += sorted((ROOT / "seeds").glob("*.txt"))
    sources = [read_source(p) for p in paths]
    settle_dates(sources, "2022-01-04", date.today())
    return sources


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=3000)
    a = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    sources = articles()
    for s in sources[:2]:  # load SoMaJo, HanTa and the lexicons before timing
        annotate(s)
    segmented = {}
    real_segment = annotate_module.segment

    def timed_segment(body, language="de", tag=True):
        # Each round re-reads the same articles: forget their segmentation so that every one
        # is really segmented and tagged again (word analyses and lemmas stay remembered, as in
        # a batch of many articles; the first round shows the cost of words new to the process).
        segment_module._SEGMENTED.clear()
        t0 = time.process_time()
        out = real_segment(body, language, tag)
        segmented["t"] = segmented.get("t", 0.0) + time.process_time() - t0
        return out

    annotate_module.segment = timed_segment
    total = articles_done = 0
    first: tuple[int, float] | None = None
    t0, c0 = time.perf_counter(), time.process_time()
    while total < a.sentences:
        for s in sources:
            total += len(annotate(s).sentences)
            articles_done += 1
        first = first or (total, time.process_time() - c0)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    annotate_module.segment = real_segment
    seg = segmented.get("t", 0.0)
    print(f"articles annotated:        {articles_done} ({len(sources)} distinct)")
    print(f"sentences:                 {total}")
    print(f"wall time:                 {elapsed:.2f} s (CPU {cpu:.2f} s; load average {os.getloadavg()[0]:.1f})")
    print(f"throughput (all stages):   {total / elapsed:.0f} sentences/s wall, {total / cpu:.0f} per CPU second")
    print(f"  first round, words new:  {first[0] / first[1]:.0f} sentences per CPU second")
    print(f"  of which segmentation:   {seg:.2f} CPU s ({100 * seg / cpu:.0f} %)")
    print(f"throughput (after segment): {total / max(cpu - seg, 1e-9):.0f} sentences per CPU second")

if __name__ == "__main__":
    main()
