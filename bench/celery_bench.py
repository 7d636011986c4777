"""How scheduled runs scale from one Celery worker to two (executor: celery).

Starts its own Redis and PostgreSQL on 127.0.0.1 (as the tests do), queues N runs of a job at once
(N fire times, the seed article, e-mail to the SMTP test server) and times them from queueing to
the last delivery, first with one `briefing worker`, then with two. Prints figures, asserts
nothing. Each run is a whole build; a single build is not split across workers (yet).

Usage: .venv/bin/python bench/celery_bench.py [--runs 6] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
          f"({count / took * 60:5.1f} runs per minute; outcomes: {', '.join(sorted(statuses))})", flush=True)
    return took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=6)
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    with redis_server() as redis, postgres_server() as postgres:
        times = {n: one_round(redis, postgres, n, args.runs, db) for db, n in
                 enumerate((int(w) for w in args.workers.split(",")), start=1)}
    base = times[min(times)]
    for n, took in times.items():
        print(f"speed-up with {n}: {base / took:.2f}x")


if __name__ == "__main__":
    main()
