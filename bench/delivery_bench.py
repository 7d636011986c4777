"""How long one scheduled run takes from its due time to the last delivery, and where the time goes.

A real scheduler (in this process), a real SMTP server on 127.0.0.1 and the seed article; prints
figures, asserts nothing. Usage: .venv/bin/python bench/delivery_bench.py [--recipients N] [--formats json,html]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from apscheduler.triggers.interval import IntervalTrigger

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.config import load_config  # noqa: E402
from briefing.scheduler import runs as jobs  # noqa: E402
from briefing.scheduler.service import make_scheduler, sync_jobs  # noqa: E402
from briefing.scheduler.states import DONE  # noqa: E402
from tests.delivery_support import SMTPServer, free_port, ledger_of, make_project  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--recipients", type=int, default=3)
    ap.add_argument("--formats", default="json,html")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        recipients = [f"r{i}@example.org" for i in range(args.recipients)]
        cfg_path = make_project(Path(tmp), port, job={"deliver": ["folder", "email"], "recipients": recipients,
                                                      "formats": args.formats.split(",")})
        config = load_config(cfg_path)
        with SMTPServer(port) as smtp:
            scheduler = make_scheduler(config)
            scheduler.start(paused=True)
            sync_jobs(scheduler, config, str(cfg_path))
            due = datetime.now(UTC)
            scheduler.add_job(jobs.JOB_FUNC, IntervalTrigger(hours=1), id="bench", next_run_time=due,
                              kwargs={"config_path": str(cfg_path), "job_id": "daily"})
            began = time.monotonic()
            scheduler.resume()
            ledger = ledger_of(cfg_path)
            while not (runs := ledger.runs("daily")) or runs[0].status not in DONE:
                time.sleep(0.05)
            total = time.monotonic() - began
            scheduler.shutdown(wait=True)
        run = runs[0]
        events = ledger.events(run.id)
        stamps = [datetime.fromisoformat(at) for at, _ in events]
        print(f"formats {args.formats}, {args.recipients} recipients: status {run.status}")
        print(f"due -> last delivery: {total:.2f} s; messages received: {len(smtp.messages)}")
        for (_at, text), when in zip(events, stamps, strict=True):
            print(f"  +{(when - stamps[0]).total_seconds():5.2f} s  {text[:90]}")


if __name__ == "__main__":
    main()
