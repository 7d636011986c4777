"""One run of a job, scheduled or one-off: claim it in the ledger, build it in a child, deliver, record.

The job function gets the config file's path, never a config object: the config is read again
before each run, so an edit takes effect at the next run without a restart. Every step leaves a
trace in the ledger, so a run met again after a crash continues where it stopped: a finished run
is left alone, a built run is delivered from its stored files, an unfinished build is built again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ..config import Config, Schedule, load_config
from ..deliver import Parcel, get_channel, send_with_retries
from ..errors import BriefingError, UsageError
from ..model import Source
from ..render import get_renderer
from .build_process import ERROR_FILE, LOG_FILE, BuildSpec, run_build
from .ledger import (
    BUILT,
    DELIVERY_FAILED,
    DONE,
    FAILED,
    HAS_BRIEFING,
    INTERRUPTED,
    MISSED,
    OK,
    SKIPPED_EMPTY,
    SKIPPED_STALE,
    SKIPPED_UNCHANGED,
    TO_BUILD,
    TO_DELIVER,
    Ledger,
    Run,
    now_utc,
    run_lock,
)

log = logging.getLogger(__name__)

STOP = threading.Event()
"""Set when the scheduler shuts down: running builds get the grace time, retries stop waiting."""

JOB_FUNC = "briefing.scheduler.runs:scheduled_run"
"""The job function as APScheduler stores it (a textual reference survives restarts)."""


def find_job(config: Config, job_id: str) -> Schedule:
    for job in config.schedules:
        if job.id == job_id:
            return job
    known = ", ".join(j.id for j in config.schedules) or "none"
    raise UsageError(f"no job {job_id!r} in {config.path or 'the config'} (jobs: {known})")


def scheduled_run(config_path: str | None, job_id: str, fingerprint: str = "",
                  fire_time: datetime | None = None) -> str:
    """The function APScheduler calls; ``fire_time`` is the scheduled time (see service.FireTimeExecutor)."""
    try:
        config = load_config(config_path)
    except BriefingError as e:
        # A config broken since the start: said in one line; the run is not attempted, and the
        # scheduler keeps going so that the next run uses the repaired file.
        log.error("job %s not run at %s: %s", job_id, fire_time, e)
        return "config error"
    try:
        job = find_job(config, job_id)
    except UsageError:
        log.warning("job %s is no longer in %s; nothing to do", job_id, config_path)
        return "gone"
    # Earlier runs of this job that still owe a delivery go first, so the newest briefing arrives last.
    resume_unfinished(config, job_id)
    run = run_once(config, job, fire_time or now_utc(), "schedule")
    return run.status


def record_missed(config_path: str | None, job_id: str, fire_time: datetime, late: timedelta, **_: object) -> None:
    """A due time the scheduler could only reach past ``misfire_grace_hours``: said in the ledger, not run."""
    config = load_config(config_path)
    ledger = Ledger.of(config)
    run = ledger.claim(job_id, fire_time, "schedule")
    if run.status in TO_BUILD and not run.attempts:
        hours = late.total_seconds() / 3600
        ledger.finish(run.id, MISSED, f"the scheduler reached this run {hours:.1f} hours late, beyond "
                                      f"misfire_grace_hours ({config.misfire_grace_hours:g}); not run")


def run_once(config: Config, job: Schedule, fire_time: datetime, trigger: str) -> Run:
    ledger = Ledger.of(config)
    run = ledger.claim(job.id, fire_time, trigger)
    run = process(config, job, ledger, run)
    prune_runs(config, ledger, job.id)
    return run


def prune_runs(config: Config, ledger: Ledger, job_id: str) -> None:
    """Remove the built files of runs beyond ``keep_runs``; never an unfinished run's, nor the
    newest briefing's, which the next run compares with."""
    runs = ledger.runs(job_id, limit=1_000_000)
    newest_briefing = next((r.id for r in runs if r.status in HAS_BRIEFING), None)
    for run in runs[max(1, config.keep_runs):]:
        folder = ledger.run_dir(run.id)
        if run.status in TO_BUILD + TO_DELIVER or run.id == newest_briefing or not folder.exists():
            continue
        with run_lock(ledger, run.id) as mine:
            if mine:
                shutil.rmtree(folder, ignore_errors=True)
                ledger.event(run.id, f"built files removed (keep_runs is {config.keep_runs})")


def process(config: Config, job: Schedule, ledger: Ledger, run: Run) -> Run:
    """Take the run from wherever it stands to a finished state (or as far as it gets)."""
    with run_lock(ledger, run.id) as mine:
        if not mine:
            log.info("run %s of %s is being handled by another process", run.id, job.id)
            return ledger.get(run.id)
        run = ledger.get(run.id)  # re-read under the lock: another process may have finished it
        if run.status in DONE:
            log.info("run %s of %s is already finished (%s)", run.id, job.id, run.status)
            return run
        if run.status in TO_DELIVER:
            ledger.event(run.id, "delivering the stored files again, without a rebuild")
            deliver(config, job, ledger, run)
        elif run.status in TO_BUILD:
            if run.attempts:
                ledger.event(run.id, f"the previous build attempt did not finish ({run.status}); building again")
            build_run(config, job, ledger, run)
        return ledger.get(run.id)


def resume_unfinished(config: Config, job_id: str | None = None) -> list[Run]:
    """Finish runs left unfinished (crash, shutdown, failed delivery) within the misfire grace time.

    Older ones are too late to be worth sending; an unfinished build among them is closed as failed.
    """
    ledger = Ledger.of(config)
    since = now_utc() - timedelta(hours=config.misfire_grace_hours)
    done = []
    for run in ledger.unfinished(job_id):
        if STOP.is_set():  # shutting down: what is left waits for the next start
            break
        job = next((j for j in config.schedules if j.id == run.job), None)
        if job is None or job.paused:
            continue
        if run.fire < since:
            if run.status in TO_BUILD:
                _close_late(ledger, run)
            continue
        done.append(process(config, job, ledger, run))
    return done


def _close_late(ledger: Ledger, run: Run) -> None:
    with run_lock(ledger, run.id) as mine:
        if mine and ledger.get(run.id).status in TO_BUILD:
            ledger.finish(run.id, FAILED, "interrupted, and too late to build again (misfire_grace_hours)")


# --- the build ------------------------------------------------------------------------------------

def build_formats(config: Config, job: Schedule) -> list[str]:
    """The job's formats, plus JSON (the ledger compares briefings by it) and what the channels need."""
    formats = list(job.formats or config.formats)
    extra = ["json"] + [f for name in job.deliver for f in get_channel(name).needs]
    return formats + [f for f in dict.fromkeys(extra) if f not in formats]


def as_of_for(job: Schedule, fire_time: datetime) -> str:
    """'today' means the day the run was scheduled for, in the job's time zone, even when it runs late."""
    if job.as_of != "today":
        return job.as_of
    return fire_time.astimezone(ZoneInfo(job.timezone)).date().isoformat()


def _sources(config: Config) -> list[Source]:
    """The sources as they stand before the build: folders, and feeds and pages as last cached."""
    from ..config import source_entries
    from ..errors import BriefingError
    from ..sources import gather

    try:
        return gather(config, source_entries(config), now_utc().date(), offline=True).sources
    except BriefingError:
        return []


def _on_the_web(config: Config) -> bool:
    return any(e.feed or e.page for e in config.sources)


def source_name(source: Source) -> str:
    return source.path.name if source.path else source.url or source.id


def source_time(source: Source) -> datetime:
    """How new a source is: its publication day (to the day's end) when known, else the file's mtime
    (for an undated feed item or page: now, as it was just read)."""
    if source.published:
        return datetime.combine(source.published + timedelta(days=1), datetime.min.time(), UTC)
    if source.path is None:
        return now_utc()
    return datetime.fromtimestamp(source.path.stat().st_mtime, UTC)


def stale_reason(job: Schedule, sources: list[Source], now: datetime) -> str | None:
    """Why the sources are too old for this job, or None when at least one is new enough."""
    if job.max_source_age_hours is None or not sources:
        return None
    newest = max(sources, key=source_time)
    age = (now - source_time(newest)).total_seconds() / 3600
    if age <= job.max_source_age_hours:
        return None
    return (f"stale sources: the newest source ({source_name(newest)}) is {age:.0f} hours old, "
            f"more than the {job.max_source_age_hours:g} hours this job allows")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def built_files(ledger: Ledger, run_id: int) -> dict[str, Path]:
    folder = ledger.run_dir(run_id)
    if not folder.is_dir():
        return {}
    return {p.name: p for p in sorted(folder.iterdir())
            if p.is_file() and p.name not in (ERROR_FILE, LOG_FILE) and not p.name.startswith(".")}


def build_run(config: Config, job: Schedule, ledger: Ledger, run: Run) -> None:
    run = ledger.start(run.id)
    ledger.event(run.id, f"build started (attempt {run.attempts}, process {os.getpid()})")
    sources = _sources(config)
    ledger.set_sources(run.id, [{"file": source_name(s), "sha256": s.sha256} for s in sources])
    if not sources and not _on_the_web(config):  # feeds and pages are known only once the build fetched them
        ledger.finish(run.id, SKIPPED_EMPTY, f"no usable source in {config.resolve(config.seeds)}")
        return
    warnings = []
    stale = stale_reason(job, sources, now_utc())
    if stale and job.on_stale == "skip":
        ledger.finish(run.id, SKIPPED_STALE, stale)
        return
    if stale:
        warnings.append(stale)
        ledger.event(run.id, f"{stale}; sending with a warning (on_stale: warn)")
    folder = ledger.run_dir(run.id)
    shutil.rmtree(folder, ignore_errors=True)  # what an interrupted attempt left is not this build's
    previous = ledger.previous(job.id, run)
    previous_json = _json_file(ledger, previous.id) if previous else None
    spec = BuildSpec(config=str(config.path) if config.path else None, out=str(folder),
                     formats=build_formats(config, job), as_of=as_of_for(job, run.fire),
                     previous=str(previous_json) if previous_json else None, warnings=warnings,
                     briefing=job.briefing)
    outcome = run_build(spec, job.timeout_minutes * 60, STOP, config.shutdown_grace_seconds,
                        on_start=lambda pid: ledger.event(run.id, f"building in process {pid}"))
    if outcome.stopped:
        ledger.finish(run.id, INTERRUPTED, outcome.error)
        return
    if not outcome.ok:
        first = (outcome.error or "").splitlines()[0] if outcome.error else "the build failed"
        ledger.finish(run.id, FAILED, first)
        return
    files = built_files(ledger, run.id)
    ledger.set_outputs(run.id, [{"file": n, "sha256": _digest(p)} for n, p in files.items()])
    briefing = _briefing(ledger, run.id)
    changes = briefing.get("changes")
    told = "first briefing of this job" if changes is None else f"{len(changes)} changes since run {previous.id}"
    ledger.event(run.id, f"built {len(files)} files ({told})")
    if job.skip_unchanged and changes == []:
        ledger.finish(run.id, SKIPPED_UNCHANGED, f"nothing changed since run {previous.id}; nothing sent")
        return
    ledger.set_status(run.id, BUILT)
    deliver(config, job, ledger, ledger.get(run.id))


def _json_file(ledger: Ledger, run_id: int) -> Path | None:
    found = [p for n, p in built_files(ledger, run_id).items() if n.endswith(".json")]
    return found[0] if found else None


def _briefing(ledger: Ledger, run_id: int) -> dict:
    path = _json_file(ledger, run_id)
    return json.loads(path.read_text(encoding="utf-8")) if path else {}


# --- delivery -------------------------------------------------------------------------------------

def run_stamp(fire: datetime) -> str:
    """The run's scheduled time, compact and sortable: 20240501T070000Z (one-off runs keep microseconds)."""
    utc = fire.astimezone(UTC)
    return utc.strftime("%Y%m%dT%H%M%S") + (f".{utc.microsecond:06d}" if utc.microsecond else "") + "Z"


def parcel_of(config: Config, job: Schedule, ledger: Ledger, run: Run) -> Parcel:
    suffixes = {get_renderer(f).suffix for f in (job.formats or config.formats)}
    files, extras = {}, {}
    for name, path in built_files(ledger, run.id).items():
        (files if Path(name).suffix in suffixes else extras)[name] = path
    return Parcel(run_id=run.id, job=job, config=config, stamp=run_stamp(run.fire),
                  files=files, extras=extras, briefing=_briefing(ledger, run.id))


def deliver(config: Config, job: Schedule, ledger: Ledger, run: Run) -> None:
    """Each channel and target once; what a target already received is skipped, not sent again."""
    if not built_files(ledger, run.id):
        ledger.finish(run.id, FAILED, "the run's stored files are gone; nothing to deliver")
        return
    parcel = parcel_of(config, job, ledger, run)
    failed = []
    for name in job.deliver:
        channel = get_channel(name)
        for target in channel.targets(config, job):
            if ledger.delivered(run.id, name, target):
                continue
            outcome = send_with_retries(channel, parcel, target, STOP)
            ledger.record_delivery(run.id, name, target, OK if outcome.ok else FAILED, outcome.attempts,
                                   None if outcome.ok else outcome.note)
            tries = f"{outcome.attempts} attempt{'s' if outcome.attempts > 1 else ''}"
            if outcome.ok:
                ledger.event(run.id, f"{name} to {target}: delivered ({tries}; {outcome.note})")
            else:
                ledger.event(run.id, f"{name} to {target}: failed after {tries}: {outcome.note}")
                failed.append(f"{name} to {target}: {outcome.note}")
    if failed:
        ledger.finish(run.id, DELIVERY_FAILED, "; ".join(failed))
    else:
        ledger.finish(run.id, OK)


def run_now(config: Config, job_id: str, retry_only: bool = False) -> tuple[list[Run], Run | None]:
    """`briefing run JOB`: first finish the job's unfinished runs, then (unless retry_only) run it now."""
    job = find_job(config, job_id)
    resumed = resume_unfinished(config, job_id)
    if retry_only:
        return resumed, None
    return resumed, run_once(config, job, now_utc(), "manual")
