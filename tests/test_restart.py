"""The scheduler as a real process: killed (SIGKILL) in the middle of a build and started again, the
missed run runs once and is delivered once; a second scheduler on the same state refuses to start;
SIGTERM stops it cleanly."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from briefing.config import load_config
from briefing.scheduler.service import make_scheduler, sync_jobs
from briefing.scheduler.states import OK, RUNNING
from briefing.scheduler.tables import list_jobs, show_history

from .delivery_support import FAST_TEMPLATE, SLOW_TEMPLATE, SMTPServer, free_port, ledger_of, make_project, wait_for

pytestmark = pytest.mark.slow  # a real scheduler process, killed and started again

A = "anna@example.org"


def _start(cfg_path: Path, name: str) -> tuple[subprocess.Popen, Path]:
    out = cfg_path.parent / f"{name}.out"
    with open(out, "wb") as f:
        proc = subprocess.Popen([sys.executable, "-m", "briefing", "-c", str(cfg_path), "schedule"],
                                stdout=f, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    return proc, out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_killed_mid_build_then_restarted_delivers_the_missed_run_once(tmp_path: Path) -> None:
    port = free_port()
    (tmp_path / "mytemplates").mkdir()
    template = tmp_path / "mytemplates" / "briefing.html"
    template.write_text(SLOW_TEMPLATE)  # the first build cannot finish before the kill
    cfg_path = make_project(tmp_path, port, job={"deliver": ["folder", "email"], "recipients": [A],
                                                 "formats": ["html"]},
                            templates="mytemplates", shutdown_grace_seconds=5)
    config = load_config(cfg_path)
    # The job was due two minutes ago while no scheduler ran: a missed run within the grace time.
    scheduler = make_scheduler(config)
    scheduler.start(paused=True)
    sync_jobs(scheduler, config, str(cfg_path))
    due = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=2)
    scheduler.modify_job("daily", next_run_time=due)
    scheduler.shutdown(wait=False)

    ledger = ledger_of(cfg_path)
    procs = []
    try:
        with SMTPServer(port) as smtp:
            first, _ = _start(cfg_path, "first")
            procs.append(first)
            run = wait_for(lambda: next(iter(ledger.runs("daily")), None))
            builder = wait_for(lambda: next((int(t.split()[-1]) for _, t in ledger.events(run.id)
                                             if t.startswith("building in process")), None))

            second = subprocess.run([sys.executable, "-m", "briefing", "-c", str(cfg_path), "schedule"],
                                    capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
            assert second.returncode == 2, second.stderr
            said = [line for line in second.stderr.splitlines() if line.startswith("error:")]
            assert len(said) == 1 and "already running" in said[0] and f"process {first.pid}" in said[0], said

            first.kill()
            first.wait(timeout=10)
            wait_for(lambda: not _alive(builder), timeout=10)  # the build died with its scheduler
            assert ledger.get(run.id).status == RUNNING and run.fire == due
            assert f"run {run.id} of daily (schedule), scheduled" in show_history(config, run=run.id)
            assert show_history(config, run=run.id).split("\n")[0].endswith(": interrupted")  # no one builds it
            assert smtp.messages == [] and not (tmp_path / "delivered").exists()

            template.write_text(FAST_TEMPLATE)
            again, _ = _start(cfg_path, "again")
            procs.append(again)
            done = wait_for(lambda: ledger.get(run.id) if ledger.get(run.id).status == OK else None, timeout=60)
            again.kill()  # another crash, after the delivery
            again.wait(timeout=10)

            third, third_out = _start(cfg_path, "third")
            procs.append(third)
            wait_for(lambda: "running 1 jobs" in third_out.read_text(), timeout=30)
            third.send_signal(signal.SIGTERM)
            assert third.wait(timeout=30) == 0
            assert "stopped" in third_out.read_text()
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()

    assert len(smtp.to(A)) == 1  # delivered once, across two crashes and three starts
    assert len(list((tmp_path / "delivered" / "daily").iterdir())) == 1
    assert [r.id for r in ledger.runs("daily")] == [run.id]  # the missed run ran once, under one key
    assert done.attempts == 2
    story = [text for _, text in ledger.events(run.id)]
    assert story[0].startswith("build started (attempt 1")
    assert any("did not finish (running); building again" in t for t in story)
    assert story[-1].startswith("email to anna@example.org: delivered") or \
        story[-2].startswith("email to anna@example.org: delivered")


def test_sigterm_gives_a_running_build_its_grace_time_then_leaves_it_for_the_next_start(tmp_path: Path) -> None:
    (tmp_path / "mytemplates").mkdir()
    (tmp_path / "mytemplates" / "briefing.html").write_text(SLOW_TEMPLATE)
    cfg_path = make_project(tmp_path, job={"formats": ["html"]}, templates="mytemplates", shutdown_grace_seconds=1)
    config = load_config(cfg_path)
    scheduler = make_scheduler(config)
    scheduler.start(paused=True)
    sync_jobs(scheduler, config, str(cfg_path))
    scheduler.modify_job("daily", next_run_time=datetime.now(UTC) - timedelta(minutes=1))
    scheduler.shutdown(wait=False)

    ledger = ledger_of(cfg_path)
    proc, out = _start(cfg_path, "sched")
    try:
        run = wait_for(lambda: next(iter(ledger.runs("daily")), None))
        builder = wait_for(lambda: next((int(t.split()[-1]) for _, t in ledger.events(run.id)
                                         if t.startswith("building in process")), None))
        # An edited config reaches the running scheduler's jobs without a restart.
        edited = yaml.safe_load(cfg_path.read_text())
        edited["schedules"].append({"id": "weekly", "cron": "0 8 * * 1", "timezone": "Europe/Berlin"})
        cfg_path.write_text(yaml.safe_dump(edited))
        wait_for(lambda: "config reloaded (1 job changes)" in out.read_text(), timeout=20)
        assert "added weekly" in out.read_text()
        weekly = next(line for line in list_jobs(load_config(cfg_path)).splitlines() if line.startswith("weekly"))
        assert re.search(r" 08:00 CES?T ", weekly) and "once the scheduler" not in weekly  # in the job store now
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "a running build may take up to 1 s" in out.read_text()
    assert not _alive(builder)
    after = ledger.get(run.id)
    assert after.status == "interrupted" and "shut down before the build finished" in after.error
    # Interrupted is not finished: the next start builds it again (see the test above).
    assert [r.id for r in ledger.unfinished("daily")] == [run.id]
