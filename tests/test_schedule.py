"""The scheduler with real APScheduler parts: triggers, the job store kept across restarts, runs that
build and deliver, a hung build ended at its time limit, stale and empty input."""

from __future__ import annotations

import json
import os
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from apscheduler.triggers.interval import IntervalTrigger

from briefing.config import load_config
from briefing.pipeline import build
from briefing.scheduler import runs as jobs
from briefing.scheduler.build_process import BuildOutcome, BuildRequest, Limits
from briefing.scheduler.runs import place_of
from briefing.scheduler.service import crontab_weekdays, make_scheduler, make_trigger, sync_jobs
from briefing.scheduler.states import FAILED, MISSED, OK, SKIPPED_BUSY, SKIPPED_EMPTY, SKIPPED_STALE
from briefing.scheduler.tables import list_jobs, run_job_now
from briefing.serialize import read_briefing

from .delivery_support import (
    FAST_TEMPLATE,
    ROOMY_MINUTES,
    SLOW_TEMPLATE,
    SMTPServer,
    attachments,
    folder_of,
    free_port,
    ledger_of,
    make_project,
    wait_for,
)


@pytest.mark.parametrize(("field", "expected"), [
    ("1-5", "mon,tue,wed,thu,fri"), ("0", "sun"), ("7", "sun"), ("0,6", "sun,sat"), ("5-7", "fri,sat,sun"),
    ("1-5/2", "mon,wed,fri"), ("*", "*"), ("*/2", "*/2"), ("mon-fri", "mon-fri"),
])
def test_crontab_weekday_numbers_mean_what_crontab_means(field: str, expected: str) -> None:
    assert crontab_weekdays(field) == expected


def test_trigger_reads_cron_in_the_jobs_time_zone_within_its_dates(tmp_path: Path) -> None:
    config = load_config(make_project(tmp_path, job={"cron": "0 7 * * 1-5", "end_date": "2024-05-31"}))
    trigger = make_trigger(config.schedules[0])
    saturday = datetime(2024, 5, 4, 12, 0, tzinfo=UTC)
    nxt = trigger.get_next_fire_time(None, saturday)
    assert (nxt.date().isoformat(), nxt.hour, nxt.utcoffset()) == ("2024-05-06", 7, timedelta(hours=2))
    friday = datetime(2024, 5, 31, 4, 0, tzinfo=UTC)
    assert trigger.get_next_fire_time(None, friday).day == 31  # the end date's own day still runs
    assert trigger.get_next_fire_time(None, friday + timedelta(hours=4)) is None


def _scheduler(config):
    scheduler = make_scheduler(config)
    scheduler.start(paused=True)
    return scheduler


@pytest.mark.slow
def test_restart_keeps_a_missed_run_instead_of_recomputing_from_now(tmp_path: Path) -> None:
    cfg_path = make_project(tmp_path)
    config = load_config(cfg_path)
    scheduler = _scheduler(config)
    assert sync_jobs(scheduler, config, str(cfg_path)) == ["added daily"]
    missed = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    scheduler.modify_job("daily", next_run_time=missed)
    scheduler.shutdown(wait=False)

    scheduler = _scheduler(config)  # a restart: same store, same config
    assert sync_jobs(scheduler, config, str(cfg_path)) == []
    assert scheduler.get_job("daily").next_run_time == missed  # not replaced by tomorrow 07:00
    assert scheduler.get_job("daily").misfire_grace_time == 6 * 3600

    edited = yaml.safe_load(cfg_path.read_text())
    edited["schedules"][0]["cron"] = "30 6 * * *"
    edited["schedules"].append({"id": "weekly", "cron": "0 8 * * 1", "paused": True})
    cfg_path.write_text(yaml.safe_dump(edited))
    config = load_config(cfg_path)
    assert sync_jobs(scheduler, config, str(cfg_path)) == ["rescheduled daily (its schedule changed)", "added weekly"]
    assert scheduler.get_job("daily").next_run_time > datetime.now(UTC)
    assert scheduler.get_job("weekly").next_run_time is None
    assert "paused" in list_jobs(config)
    config.schedules = config.schedules[1:]
    assert sync_jobs(scheduler, config, str(cfg_path)) == ["removed daily (no longer in the config)"]
    scheduler.shutdown(wait=False)


@pytest.mark.slow
def test_missed_runs_coalesce_into_one(tmp_path: Path) -> None:
    cfg_path = make_project(tmp_path, job={"cron": "* * * * *", "formats": ["json"]})
    config = load_config(cfg_path)
    scheduler = _scheduler(config)
    sync_jobs(scheduler, config, str(cfg_path))
    if datetime.now(UTC).second >= 57:  # keep the next minute's own run out of this test
        time.sleep(61 - datetime.now(UTC).second)
    began = datetime.now(UTC)
    scheduler.modify_job("daily", next_run_time=began.replace(second=0, microsecond=0) - timedelta(minutes=5))
    scheduler.resume()
    try:
        ledger = ledger_of(cfg_path)
        run = wait_for(lambda: next((r for r in ledger.runs("daily") if r.status == OK), None), timeout=300)
    finally:
        scheduler.shutdown(wait=True)
    missed = [r for r in ledger.runs("daily") if r.fire < began]
    assert len(missed) == 1 and missed[0].id == run.id  # six due times, one run
    assert run.fire == began.replace(second=0, microsecond=0)  # the latest due time
    assert run.trigger == "schedule"


@pytest.mark.slow
def test_a_run_reached_beyond_the_grace_time_is_recorded_as_missed_not_run(tmp_path: Path) -> None:
    # The job's own cron time lies half a day away, so its regular fire is never within the grace
    # hour the test runs in: only the fire set two hours back is met.
    far = (datetime.now(UTC).hour + 12) % 24
    cfg_path = make_project(tmp_path, misfire_grace_hours=1, job={"cron": f"0 {far} * * *", "timezone": "UTC"})
    config = load_config(cfg_path)
    scheduler = _scheduler(config)
    sync_jobs(scheduler, config, str(cfg_path))
    due = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    scheduler.modify_job("daily", next_run_time=due)
    scheduler.resume()
    try:
        ledger = ledger_of(cfg_path)
        run = wait_for(lambda: next(iter(ledger.runs("daily")), None))
    finally:
        scheduler.shutdown(wait=True)
    assert run.fire == due and run.status == MISSED and run.attempts == 0
    assert "2.0 hours late, beyond misfire_grace_hours (1)" in run.error
    assert not (tmp_path / "delivered").exists()


@pytest.mark.slow
def test_scheduled_run_builds_and_delivers_to_folder_and_email(tmp_path: Path) -> None:
    port = free_port()
    cfg_path = make_project(tmp_path, port, job={"deliver": ["folder", "email"], "recipients": ["anna@example.org"],
                                                 "as_of": "today"})
    config = load_config(cfg_path)
    with SMTPServer(port) as smtp:
        scheduler = _scheduler(config)
        sync_jobs(scheduler, config, str(cfg_path))
        due = datetime.now(UTC)
        # A job of the test's own on an interval, through the same job function and arguments.
        scheduler.add_job(jobs.JOB_FUNC, IntervalTrigger(hours=1), id="soon", next_run_time=due,
                          kwargs={"config_path": str(cfg_path), "job_id": "daily"})
        scheduler.resume()
        try:
            ledger = ledger_of(cfg_path)
            run = wait_for(lambda: next((r for r in ledger.runs("daily") if r.status == OK), None), timeout=300)
        finally:
            scheduler.shutdown(wait=True)
    assert run.fire == due
    (delivered,) = (tmp_path / "delivered" / "daily").iterdir()
    assert delivered.name == jobs.run_stamp(due)
    today = due.astimezone(make_trigger(config.schedules[0]).timezone).date().isoformat()
    assert sorted(p.name for p in delivered.iterdir()) == [f"lagebild-test-{today}.html",
                                                          f"lagebild-test-{today}.json"]
    (msg,) = smtp.to("anna@example.org")
    ics = attachments(msg)[f"lagebild-test-{today}.ics"]
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n") and ics.rstrip().endswith(b"END:VCALENDAR")
    assert ics == (folder_of(cfg_path).run_dir(run.id) / f"lagebild-test-{today}.ics").read_bytes()


@pytest.mark.slow
def test_a_hung_build_is_ended_at_its_time_limit_and_the_next_run_still_runs(tmp_path: Path) -> None:
    (tmp_path / "mytemplates").mkdir()
    template = tmp_path / "mytemplates" / "briefing.html"
    template.write_text(SLOW_TEMPLATE)
    cfg_path = make_project(tmp_path, job={"formats": ["html"], "timeout_minutes": 0.05}, templates="mytemplates")
    config = load_config(cfg_path)
    scheduler = _scheduler(config)
    sync_jobs(scheduler, config, str(cfg_path))
    scheduler.add_job(jobs.JOB_FUNC, IntervalTrigger(hours=1), id="soon", next_run_time=datetime.now(UTC),
                      kwargs={"config_path": str(cfg_path), "job_id": "daily"})
    scheduler.resume()
    try:
        ledger = ledger_of(cfg_path)
        hung = wait_for(lambda: next((r for r in ledger.runs("daily") if r.status == FAILED), None), timeout=40)
        assert "took longer than 0.05 minutes" in hung.error
        pid = int(next(t for _, t in ledger.events(hung.id) if t.startswith("building in process")).split()[-1])
        assert not _alive(pid)
        template.write_text(FAST_TEMPLATE)  # the user fixes the template and allows more time,
        edited = yaml.safe_load(cfg_path.read_text())
        edited["schedules"][0]["timeout_minutes"] = ROOMY_MINUTES
        cfg_path.write_text(yaml.safe_dump(edited))  # which the next run reads: no restart needed
        scheduler.modify_job("soon", next_run_time=datetime.now(UTC))
        nxt = wait_for(lambda: next((r for r in ledger.runs("daily") if r.status == OK), None), timeout=300)
    finally:
        scheduler.shutdown(wait=True)
    assert nxt.id != hung.id and ledger.get(hung.id).status == FAILED
    html = next(folder_of(cfg_path).run_dir(nxt.id).glob("*.html")).read_text()
    assert "<h1>Lagebild Test</h1>" in html
    assert len(list((tmp_path / "delivered" / "daily").iterdir())) == 1  # the hung run sent nothing


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _age(path: Path, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


@pytest.mark.slow
def test_stale_sources_are_skipped_or_sent_with_a_warning(tmp_path: Path) -> None:
    cfg_path = make_project(tmp_path, job={"max_source_age_hours": 24, "on_stale": "skip"})
    for seed in (tmp_path / "seeds").iterdir():
        _age(seed, 50)
    assert run_job_now(load_config(cfg_path), "daily") == 0
    ledger = ledger_of(cfg_path)
    skipped = ledger.runs("daily")[0]
    assert skipped.status == SKIPPED_STALE and "50 hours old" in skipped.error
    assert ledger.deliveries(skipped.id) == [] and skipped.sources  # recorded with the hashes it saw
    assert not (tmp_path / "delivered").exists()

    config = load_config(cfg_path)
    config.schedules[0].on_stale = "warn"
    assert run_job_now(config, "daily") == 0
    sent = ledger.runs("daily")[0]
    assert sent.status == OK
    stored = json.loads(next(folder_of(cfg_path).run_dir(sent.id).glob("*.json")).read_text())
    assert any("stale sources" in w and "50 hours old" in w for w in stored["warnings"])
    assert "stale sources" in next(folder_of(cfg_path).run_dir(sent.id).glob("*.html")).read_text()

    fresh = tmp_path / "seeds" / "fresh.md"
    fresh.write_text("---\ntitle: Neue Lage\n---\nDie Lage ist heute neu beschrieben worden.\n")
    assert run_job_now(config, "daily") == 0
    stored = json.loads(next(folder_of(cfg_path).run_dir(ledger.runs("daily")[0].id).glob("*.json")).read_text())
    assert not any("stale" in w for w in stored["warnings"])


@pytest.mark.slow
def test_an_empty_seeds_folder_is_recorded_and_sends_nothing(tmp_path: Path) -> None:
    cfg_path = make_project(tmp_path)
    for seed in (tmp_path / "seeds").iterdir():
        seed.unlink()
    assert run_job_now(load_config(cfg_path), "daily") == 1  # nothing to send is worth an exit status
    run = ledger_of(cfg_path).runs("daily")[0]
    assert run.status == SKIPPED_EMPTY and "no usable source" in run.error
    assert not (tmp_path / "delivered").exists()


@pytest.mark.slow
def test_jobs_command_lists_next_run_and_last_run(tmp_path: Path) -> None:
    cfg_path = make_project(tmp_path, job={"cron": "0 7 * * 1-5"})
    config = load_config(cfg_path)
    lines = list_jobs(config).splitlines()
    assert not (tmp_path / "state").exists()  # reading the jobs creates nothing
    assert lines[0].split() == ["JOB", "CRON", "TIME", "ZONE", "NEXT", "RUN", "DELIVER", "LAST", "RUN"]
    assert "(once the scheduler starts)" in lines[1] and lines[1].rstrip().endswith("never")
    scheduler = _scheduler(config)
    sync_jobs(scheduler, config, str(cfg_path))
    stored = scheduler.get_job("daily").next_run_time
    scheduler.shutdown(wait=False)
    line = list_jobs(config).splitlines()[1]
    assert stored.strftime("%Y-%m-%d %H:%M") in line and "once the scheduler" not in line


def test_a_config_broken_while_running_skips_the_run_in_one_log_line(tmp_path: Path, caplog) -> None:
    cfg_path = make_project(tmp_path)
    cfg_path.write_text(cfg_path.read_text().replace("keep: 5", "keep: five"))
    assert jobs.scheduled_run(str(cfg_path), "daily", fire_time=datetime.now(UTC)) == "config error"
    (record,) = [r for r in caplog.records if r.name == "briefing.scheduler.runs"]
    assert "job daily not run" in record.getMessage() and "folder.keep" in record.getMessage()
    assert record.exc_info is None


@pytest.mark.slow
def test_a_fire_skipped_while_the_previous_build_still_runs_is_recorded(tmp_path: Path) -> None:
    (tmp_path / "mytemplates").mkdir()
    (tmp_path / "mytemplates" / "briefing.html").write_text(SLOW_TEMPLATE)
    cfg_path = make_project(tmp_path, job={"formats": ["html"], "timeout_minutes": 0.1}, templates="mytemplates")
    config = load_config(cfg_path)
    scheduler = _scheduler(config)
    scheduler.add_job(jobs.JOB_FUNC, IntervalTrigger(seconds=2), id="often", next_run_time=datetime.now(UTC),
                      kwargs={"config_path": str(cfg_path), "job_id": "daily"})
    scheduler.resume()
    try:
        ledger = ledger_of(cfg_path)
        skipped = wait_for(lambda: next((r for r in ledger.runs("daily") if r.status == SKIPPED_BUSY), None))
        scheduler.pause()
    finally:
        scheduler.shutdown(wait=True)
    first = min(ledger.runs("daily"), key=lambda r: r.id)
    assert skipped.fire > first.fire and skipped.attempts == 0 and skipped.ended
    assert f"run {first.id} of this job was still being built; not run" == skipped.error


def _in_this_process(request: BuildRequest, limits: Limits, on_start) -> BuildOutcome:
    """Another executor: the build in the scheduler's own process, from the same request."""
    build(load_config(request.config), out=Path(request.out), formats=request.formats, as_of=request.as_of,
          previous=request.previous, extra_warnings=request.warnings, loaded=request.seeds)
    return BuildOutcome(True)


@pytest.mark.slow
def test_another_executor_builds_from_the_seeds_the_run_read_and_recorded(tmp_path: Path) -> None:
    cfg_path = make_project(tmp_path)
    config = load_config(cfg_path)
    place = replace(place_of(config, config.schedules[0]), builder=_in_this_process)
    run = jobs.run_once(place, datetime.now(UTC), "manual")
    assert run.status == OK
    (recorded,) = run.sources
    stored = read_briefing(place.folder.briefing_file(run.id))
    assert [(s.path.name, s.sha256) for s in stored.sources] == [(recorded["file"], recorded["sha256"])]
    assert (tmp_path / "delivered" / "daily").is_dir()
