"""How executor: celery scales from one worker to two, for many runs and for one big build.

Starts its own Redis and PostgreSQL on 127.0.0.1 (as the tests do), then, with one `briefing worker`
and then with two (each with one process, ``--concurrency 1``):

- runs: queues N runs of a job at once (N fire times, the seed article as PDF, e-mailed to the SMTP
  test server) and times them from queueing to the last delivery;
- one build: queues one run of a job over ``--sources`` articles (the texts of
  ``../shared/eval/quotes/*.jsonl``, read at run time and written into a temporary folder, as
  scale_bench.py does; repeated under other names past the corpus's 850), JSON only, with an empty
  annotation cache, and times it from queueing to its end. Its annotation fans out over the workers
  (fan_out.py).

Prints figures and the load of the machine, asserts nothing.

Usage: .venv/bin/python bench/celery_bench.py [--runs 6] [--sources 1000] [--workers 1,2] [--only runs|build]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale_bench import quotes_articles  # noqa: E402
from briefing.annotation_table import AnnotationTable  # noqa: E402
from briefing.scheduler import runs  # noqa: E402
from briefing.scheduler.states import DONE  # noqa: E402
from tests.delivery_support import SMTPServer, free_port, ledger_of, make_project, wait_for  # noqa: E402
from tests.services_support import (  # noqa: E402
    fresh_database,
    postgres_server,
    redis_server,
    start_worker,
    stop_process,
    workers_ready,
)


def one_round(redis: str, postgres: str, workers: int, count: int, db: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        cfg_path = make_project(Path(tmp), port, job={"deliver": ["email"], "recipients": ["a@example.org"],
                                                      "formats": ["pdf"]},
                                executor="celery", ledger=fresh_database(postgres, f"bench{db}"),
                                celery={"broker": redis.rsplit("/", 1)[0] + f"/{db}"})
        ledger = ledger_of(cfg_path)
        names = [f"w{i}" for i in range(workers)]
        procs = [start_worker(cfg_path, n) for n in names]
        try:
            wait_for(lambda: workers_ready(cfg_path, *names), timeout=120)
            due = datetime.now(UTC).replace(second=0, microsecond=0)
            with SMTPServer(port):
                began = time.perf_counter()
                for m in range(count):
                    runs.scheduled_run(str(cfg_path), "daily", fire_time=due - timedelta(minutes=m + 1))
                wait_for(lambda: all(r.status in DONE for r in ledger.runs("daily", limit=count)), timeout=1800,
                         every=0.2)
                took = time.perf_counter() - began
            statuses = {r.status for r in ledger.runs("daily", limit=count)}
        finally:
            for p in procs:
                stop_process(p)
    print(f"{workers} worker{'s' if workers > 1 else ''}: {count} runs in {took:6.1f} s "
          f"({count / took * 60:5.1f} runs per minute; outcomes: {', '.join(sorted(statuses))}; load {_load()})",
          flush=True)
    return took


def one_build(redis: str, postgres: str, workers: int, count: int, db: int) -> float:
    """One run of a job over ``count`` articles, from queueing to its end; returns the seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        cfg_path = make_project(Path(tmp), job={"formats": ["json"], "as_of": "latest-source", "timeout_minutes": 120},
                                executor="celery",
                                ledger=fresh_database(postgres, f"build{db}"),
                                celery={"broker": redis.rsplit("/", 1)[0] + f"/{db}"})
        seeds = Path(tmp) / "seeds"
        for seed in seeds.iterdir():
            seed.unlink()
        texts = quotes_articles()
        for i in range(count):
            name, text = texts[i % len(texts)]
            (seeds / f"{i // len(texts)}-{name}").write_text(text, encoding="utf-8")
        ledger = ledger_of(cfg_path)
        names = [f"w{i}" for i in range(workers)]
        procs = [start_worker(cfg_path, n) for n in names]
        try:
            wait_for(lambda: workers_ready(cfg_path, *names), timeout=120)
            began = time.perf_counter()
            runs.scheduled_run(str(cfg_path), "daily", fire_time=datetime.now(UTC).replace(second=0, microsecond=0))
            wait_for(lambda: ledger.runs("daily")[0].status in DONE, timeout=3600, every=0.5)
            took = time.perf_counter() - began
            status = ledger.runs("daily")[0].status
            cpu = sum(_tree_cpu(p.pid) for p in procs)  # the build, its reader, the annotation tasks
            shares = AnnotationTable(ledger.url).makers()
        finally:
            for p in procs:
                stop_process(p)
    print(f"{workers} worker{'s' if workers > 1 else ''}: one build of {count} sources in {took:6.1f} s "
          f"({count / took:5.1f} sources per second; {status}; {cpu:.0f} CPU s in the workers, "
          f"start-up included; load {_load()})\n  sources annotated per worker: "
          + ", ".join(f"{who.split('@')[0]} {n}" for who, n in sorted(shares.items())), flush=True)
    return took


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _tree_cpu(pid: int) -> float:
    """CPU seconds of ``pid`` and its descendants, live ones and those they have waited for."""
    total, todo, tick = 0, [pid], os.sysconf("SC_CLK_TCK")
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total / tick


def _speed_ups(times: dict[int, float]) -> None:
    base = times[min(times)]
    for n, took in times.items():
        print(f"speed-up with {n}: {base / took:.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=6)
    ap.add_argument("--sources", type=int, default=1000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--only", choices=["runs", "build"])
    args = ap.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    print(f"load before: {_load()}", flush=True)
    with redis_server() as redis, postgres_server() as postgres:
        if args.only != "build":
            _speed_ups({n: one_round(redis, postgres, n, args.runs, db) for db, n in enumerate(counts, start=1)})
        if args.only != "runs":
            _speed_ups({n: one_build(redis, postgres, n, args.sources, db)
                        for db, n in enumerate(counts, start=len(counts) + 1)})


if __name__ == "__main__":
    main()
