"""One run of a job, as a state machine: claim -> build -> deliver -> finish.

``run_once`` reads top to bottom as the stages of a run; ``advance`` takes a run from wherever the
ledger says it stands (a restart meets runs half done) to a finished state. Every step leaves a
trace in the ledger, so a run met again after a crash continues where it stopped: a finished run
is left alone, a built run is delivered from its stored files, an unfinished build is built again.

The job function gets the config file's path, never a config object: the config is read again
before each run, so an edit takes effect at the next run without a restart. The stages meet the
world through ``RunPlace``: the ledger (any SQLAlchemy URL), the state folder (files and locks)
and the builder (by default a child process, build_process.run_build; another executor plugs in
there, taking a BuildRequest and giving back a BuildOutcome).
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..config import Config, Schedule, load_config
from ..deliver import Parcel, get_channel, send_with_retries
from ..errors import BriefingError, UsageError
from ..model import Briefing, Source
from ..outputs import file_digest
from ..render import get_renderer
from ..serialize import read_briefing
from .build_process import BuildOutcome, BuildRequest, Limits, run_build
from .ledger import Ledger, Run, now_utc
from .state_folder import StateFolder
from .states import (
    BUILT,
    DELIVERY_FAILED,
    DONE,
    FAILED,
    HAS_BRIEFING,
    INTERRUPTED,
    MISSED,
    OK,
    RUNNING,
    SKIPPED_BUSY,
    SKIPPED_EMPTY,
    SKIPPED_STALE,
    SKIPPED_UNCHANGED,
    TO_BUILD,
    TO_DELIVER,
)

if TYPE_CHECKING:
    from ..pipeline import Seeds

log = logging.getLogger(__name__)

STOP = threading.Event()
"""Set when the scheduler shuts down: running builds get the grace time, retries stop waiting."""

JOB_FUNC = "briefing.scheduler.runs:scheduled_run"
"""The job function as APScheduler stores it (a textual reference survives restarts)."""

Builder = Callable[[BuildRequest, Limits, Callable[[int], None] | None], BuildOutcome]


@dataclass
class RunPlace:
    """Where a job's runs are recorded, kept and built."""

    config: Config
    job: Schedule
    ledger: Ledger
    folder: StateFolder
    builder: Builder = run_build


def place_of(config: Config, job: Schedule) -> RunPlace:
    folder = StateFolder(config)
    return RunPlace(config, job, folder.ledger(), folder)


def find_job(config: Config, job_id: str) -> Schedule:
    for job in config.schedules:
        if job.id == job_id:
            return job
    known = ", ".join(j.id for j in config.schedules) or "none"
    raise UsageError(f"no job {job_id!r} in {config.path or 'the config'} (jobs: {known})")


# --- what the scheduler and the CLI call ----------------------------------------------------------

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
    if config.executor == "celery":  # a worker builds and delivers it (celery_runs.py)
        from .celery_runs import enqueue_owed, enqueue_run

        enqueue_owed(config, job_id)
        return enqueue_run(config, job, fire_time or now_utc()).status
    # Earlier runs of this job that still owe a delivery go first, so the newest briefing arrives last.
    resume_unfinished(config, job_id)
    return run_once(place_of(config, job), fire_time or now_utc(), "schedule").status


def run_now(config: Config, job_id: str, retry_only: bool = False) -> tuple[list[Run], Run | None]:
    """`briefing run JOB`: first finish the job's unfinished runs, then (unless retry_only) run it now."""
    job = find_job(config, job_id)
    resumed = resume_unfinished(config, job_id)
    if retry_only:
        return resumed, None
    return resumed, run_once(place_of(config, job), now_utc(), "manual")


def record_missed(config_path: str | None, job_id: str, fire_time: datetime, late: timedelta, **_: object) -> None:
    """A due time the scheduler could only reach past ``misfire_grace_hours``: said in the ledger, not run."""
    config = load_config(config_path)
    hours = late.total_seconds() / 3600
    StateFolder(config).ledger().record_not_run(
        job_id, fire_time, MISSED, f"the scheduler reached this run {hours:.1f} hours late, beyond "
                                   f"misfire_grace_hours ({config.misfire_grace_hours:g}); not run")


def record_skipped(config_path: str | None, job_id: str, fire_time: datetime, **_: object) -> None:
    """A fire APScheduler did not start because the job's previous run was still being built."""
    ledger = StateFolder(load_config(config_path)).ledger()
    busy = next((r for r in reversed(ledger.unfinished(job_id)) if r.status == RUNNING), None)
    which = f"run {busy.id}" if busy else "the previous run"
    ledger.record_not_run(job_id, fire_time, SKIPPED_BUSY, f"{which} of this job was still being built; not run")


def resume_unfinished(config: Config, job_id: str | None = None) -> list[Run]:
    """Finish runs left unfinished (crash, shutdown, failed delivery) within the misfire grace time.

    Older ones are too late to be worth sending; an unfinished build among them is closed as failed.
    """
    folder = StateFolder(config)
    ledger = folder.ledger()
    since = now_utc() - timedelta(hours=config.misfire_grace_hours)
    done = []
    for run in ledger.unfinished(job_id):
        if STOP.is_set():  # shutting down: what is left waits for the next start
            break
        job = next((j for j in config.schedules if j.id == run.job), None)
        if job is None or job.paused:
            continue
        place = RunPlace(config, job, ledger, folder)
        if run.fire >= since:
            done.append(advance(place, run))
        elif run.status in TO_BUILD:
            close_late(place, run)
    return done


# --- one run, top to bottom -----------------------------------------------------------------------

def run_once(place: RunPlace, fire_time: datetime, trigger: str) -> Run:
    run = place.ledger.claim(place.job.id, fire_time, trigger)
    run = advance(place, run)
    prune_runs(place)
    return run


def advance(place: RunPlace, run: Run) -> Run:
    """Take the run from wherever it stands to a finished state (or as far as it gets)."""
    moved = try_advance(place, run)
    return moved if moved is not None else place.ledger.get(run.id)


def try_advance(place: RunPlace, run: Run) -> Run | None:
    """As ``advance``; None when another process (or machine) holds the run, so nothing was done."""
    ledger = place.ledger
    with place.folder.run_lock(run.id) as mine:
        if not mine:
            log.info("run %s of %s is being handled by another process", run.id, run.job)
            return None
        run = ledger.get(run.id)  # re-read under the lock: another process may have finished it
        if run.status in DONE:
            log.info("run %s of %s is already finished (%s)", run.id, run.job, run.status)
            return run
        if run.status in TO_DELIVER:
            ledger.event(run.id, "delivering the stored files again, without a rebuild")
        if run.status in TO_BUILD:
            run = build(place, run)
        if run.status in TO_DELIVER:
            deliver(place, run)
        return ledger.get(run.id)


# --- stage: build ---------------------------------------------------------------------------------

def build(place: RunPlace, run: Run) -> Run:
    """Read and record the seeds, decide whether to build, build in the builder, record what was built."""
    ledger, job = place.ledger, place.job
    if run.attempts:
        ledger.event(run.id, f"the previous build attempt did not finish ({run.status}); building again")
    run = ledger.start(run.id)
    ledger.event(run.id, f"build started (attempt {run.attempts}, process {os.getpid()})")
    seeds = _read_seeds(place.config)
    ledger.set_sources(run.id, [{"file": s.path.name, "sha256": s.sha256} for s in seeds.sources])
    if not seeds.sources and not _on_the_web(place.config):  # feeds and pages are known once the build fetched them
        return _finish(place, run, SKIPPED_EMPTY, f"no usable source in {seeds.folder or 'the configured folders'}")
    stale = stale_reason(job, seeds.sources, now_utc())
    if stale and job.on_stale == "skip":
        return _finish(place, run, SKIPPED_STALE, stale)
    if stale:
        ledger.event(run.id, f"{stale}; sending with a warning (on_stale: warn)")
    previous = ledger.previous(job.id, run)
    # What an interrupted attempt left is not this build's.
    shutil.rmtree(place.folder.run_dir(run.id), ignore_errors=True)
    request = _request(place, run, seeds, _briefing_of(place, previous), [stale] if stale else [])
    limits = Limits(job.timeout_minutes * 60, place.config.shutdown_grace_seconds, STOP)
    outcome = place.builder(request, limits, lambda pid: ledger.event(run.id, f"building in process {pid}"))
    if outcome.stopped:
        return _finish(place, run, INTERRUPTED, outcome.error)
    if not outcome.ok:
        return _finish(place, run, FAILED, (outcome.error or "the build failed").splitlines()[0])
    briefing = _record_outputs(place, run, previous)
    if job.skip_unchanged and briefing.changes == []:
        return _finish(place, run, SKIPPED_UNCHANGED, f"nothing changed since run {previous.id}; nothing sent")
    ledger.set_status(run.id, BUILT)
    return ledger.get(run.id)


def _read_seeds(config: Config) -> Seeds:
    """The folders of the sources, read once per run: recorded and checked here, built from in the builder.

    Feeds and pages are fetched by the build; the age check (max_source_age_hours) sees the folders only."""
    from ..pipeline import Seeds, read_seeds  # the scheduler loads the pipeline only when a run needs it

    try:
        return read_seeds(config)
    except BriefingError:  # no seeds folder: nothing usable, said as such in the ledger
        return Seeds(config.resolve(config.seeds), [])


def _on_the_web(config: Config) -> bool:
    return any(e.feed or e.page for e in config.sources)


def source_time(source: Source) -> datetime:
    """How new a source is: its publication day (to the day's end) when known, else the file's mtime."""
    if source.published:
        return datetime.combine(source.published + timedelta(days=1), datetime.min.time(), UTC)
    return datetime.fromtimestamp(source.path.stat().st_mtime, UTC)


def stale_reason(job: Schedule, sources: list[Source], now: datetime) -> str | None:
    """Why the sources are too old for this job, or None when at least one is new enough."""
    if job.max_source_age_hours is None or not sources:
        return None
    newest = max(sources, key=source_time)
    age = (now - source_time(newest)).total_seconds() / 3600
    if age <= job.max_source_age_hours:
        return None
    return (f"stale sources: the newest source ({newest.path.name}) is {age:.0f} hours old, "
            f"more than the {job.max_source_age_hours:g} hours this job allows")


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


def _request(place: RunPlace, run: Run, seeds: Seeds, previous: Briefing | None, warnings: list[str]) -> BuildRequest:
    config = place.config
    return BuildRequest(config=str(config.path) if config.path else None, out=str(place.folder.run_dir(run.id)),
                        formats=build_formats(config, place.job), as_of=as_of_for(place.job, run.fire),
                        seeds=seeds, previous=previous, warnings=warnings, briefing=place.job.briefing)


def _briefing_of(place: RunPlace, run: Run | None) -> Briefing | None:
    path = place.folder.briefing_file(run.id) if run and stored_files(place, run.id) else None
    return read_briefing(path) if path else None


def stored_files(place: RunPlace, run_id: int) -> dict[str, Path]:
    """The run's built files in this machine's state folder; with the files in the ledger, fetched
    from there when this machine did not build the run (another worker did)."""
    if place.folder.briefing_file(run_id) is None and place.folder.files_in_ledger:
        kept = place.ledger.files(run_id)
        if kept:
            place.folder.put_files(run_id, kept)
            log.info("run %s: %d built files fetched from the ledger", run_id, len(kept))
    return place.folder.built_files(run_id)


def _record_outputs(place: RunPlace, run: Run, previous: Run | None) -> Briefing:
    files = place.folder.built_files(run.id)
    if place.folder.files_in_ledger:  # for a worker on another machine: delivery, 'what changed'
        place.ledger.store_files(run.id, {n: p.read_bytes() for n, p in files.items()})
    place.ledger.set_outputs(run.id, [{"file": n, "sha256": file_digest(p)} for n, p in files.items()])
    briefing = _briefing_of(place, run)
    changes = briefing.changes
    told = "first briefing of this job" if changes is None else f"{len(changes)} changes since run {previous.id}"
    place.ledger.event(run.id, f"built {len(files)} files ({told})")
    return briefing


# --- stage: deliver -------------------------------------------------------------------------------

def deliver(place: RunPlace, run: Run) -> None:
    """Each channel and target once; what a target already received is skipped, not sent again."""
    began = time.perf_counter()
    if not stored_files(place, run.id) or place.folder.briefing_file(run.id) is None:
        _finish(place, run, FAILED, "the run's stored files are gone; nothing to deliver")
        return
    parcel = parcel_of(place, run)
    failed = []
    for name in place.job.deliver:
        channel = get_channel(name)
        for target in channel.targets_of(place.config, place.job):
            if not place.ledger.delivered(run.id, name, target):
                failed += _send(place, parcel, name, target)
    log.info("delivered in %.2f s: run %s of %s, %d failed", time.perf_counter() - began, run.id, run.job,
             len(failed))
    _finish(place, run, DELIVERY_FAILED if failed else OK, "; ".join(failed) or None)


def run_stamp(fire: datetime) -> str:
    """The run's scheduled time, compact and sortable: 20240501T070000Z (one-off runs keep microseconds)."""
    utc = fire.astimezone(UTC)
    return utc.strftime("%Y%m%dT%H%M%S") + (f".{utc.microsecond:06d}" if utc.microsecond else "") + "Z"


def parcel_of(place: RunPlace, run: Run) -> Parcel:
    suffixes = {get_renderer(f).suffix for f in (place.job.formats or place.config.formats)}
    files, extras = {}, {}
    for name, path in place.folder.built_files(run.id).items():
        (files if path.suffix in suffixes else extras)[name] = path
    return Parcel(run_id=run.id, job=place.job, config=place.config, stamp=run_stamp(run.fire),
                  briefing=_briefing_of(place, run), files=files, extras=extras)


def _send(place: RunPlace, parcel: Parcel, name: str, target: str) -> list[str]:
    """Send to one target with the channel's retries and record it; returns the failure, if any."""
    outcome = send_with_retries(get_channel(name), parcel, target, STOP)
    place.ledger.record_delivery(parcel.run_id, name, target, OK if outcome.ok else FAILED, outcome.attempts,
                                 None if outcome.ok else outcome.note)
    tries = f"{outcome.attempts} attempt{'s' if outcome.attempts > 1 else ''}"
    if outcome.ok:
        place.ledger.event(parcel.run_id, f"{name} to {target}: delivered ({tries}; {outcome.note})")
        return []
    place.ledger.event(parcel.run_id, f"{name} to {target}: failed after {tries}: {outcome.note}")
    return [f"{name} to {target}: {outcome.note}"]


# --- stage: finish --------------------------------------------------------------------------------

def _finish(place: RunPlace, run: Run, status: str, error: str | None = None) -> Run:
    place.ledger.finish(run.id, status, error)
    return place.ledger.get(run.id)


def close_late(place: RunPlace, run: Run) -> None:
    with place.folder.run_lock(run.id) as mine:
        if mine and place.ledger.get(run.id).status in TO_BUILD:
            _finish(place, run, FAILED, "interrupted, and too late to build again (misfire_grace_hours)")


def prune_runs(place: RunPlace) -> None:
    """Remove the built files of runs beyond ``keep_runs``; never an unfinished run's, nor the
    newest briefing's, which the next run compares with."""
    keep = place.config.keep_runs
    runs = place.ledger.runs(place.job.id, limit=1_000_000)
    newest_briefing = next((r.id for r in runs if r.status in HAS_BRIEFING), None)
    old = [r for r in runs[max(1, keep):] if r.status not in TO_BUILD + TO_DELIVER and r.id != newest_briefing]
    in_ledger = place.ledger.runs_with_files([r.id for r in old]) if place.folder.files_in_ledger else set()
    for run in old:
        folder = place.folder.run_dir(run.id)
        if not folder.exists() and run.id not in in_ledger:
            continue
        with place.folder.run_lock(run.id) as mine:
            if mine:
                shutil.rmtree(folder, ignore_errors=True)
                if run.id in in_ledger:
                    place.ledger.drop_files(run.id)
                place.ledger.event(run.id, f"built files removed (keep_runs is {keep})")
