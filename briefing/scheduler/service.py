"""The scheduler: one long-running process running the config's jobs on their cron schedules.

APScheduler 3 with a persistent job store (SQLite in the state folder by default). Traps avoided:
- Re-adding the config's jobs at start-up with replace_existing=True recomputes each next run from
  now and silently drops the runs missed while the service was down (APScheduler #696, #720). A
  job is added only when missing and rescheduled only when its trigger changed (a fingerprint of
  cron, time zone and dates kept in the job's kwargs); otherwise the stored next run time stays,
  and a run missed within ``misfire_grace_hours`` runs once (coalesce) when the scheduler is back.
- APScheduler has no job timeout (#342, #528): each build runs in a child process that is killed
  at the job's ``timeout_minutes`` (scheduler/build_process.py).
- APScheduler 3 reads cron weekday numbers with 0 = Monday; crontab means 0 = Sunday. Numbers are
  turned into weekday names first, so "1-5" means Monday to Friday as in crontab.
- APScheduler advances a job's next run time when it starts the run, so a run cut short by a crash
  would be lost; the ledger remembers it, and the next start finishes it (runs.resume_unfinished).
"""

from __future__ import annotations

import concurrent.futures
import fcntl
import hashlib
import json
import logging
import os
import signal
import threading
import traceback
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.base import BaseExecutor, MaxInstancesReachedError
from apscheduler.job import Job
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.triggers.cron import CronTrigger

from ..config import Config, Schedule, load_config
from ..errors import BriefingError
from . import runs
from .state_folder import StateFolder

log = logging.getLogger(__name__)

WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")


class SchedulerBusy(BriefingError):
    """Another scheduler already runs on this state folder."""

    exit_code = 2


# --- triggers -------------------------------------------------------------------------------------

def crontab_weekdays(field: str) -> str:
    """A crontab weekday field (0 or 7 = Sunday) in APScheduler 3's terms, by name: '1-5' -> 'mon,...,fri'."""
    parts = []
    for part in field.split(","):
        body, _, step = part.partition("/")
        lo, _, hi = body.partition("-")
        if not lo.isdigit() or (hi and not hi.isdigit()):
            parts.append(part)  # '*', '*/2' and names mean the same in both
            continue
        last = int(hi) if hi else (7 if step else int(lo))
        days = range(int(lo), last + 1, int(step) if step else 1)
        parts.extend(WEEKDAYS[d] for d in days)
    return ",".join(dict.fromkeys(parts))


def make_trigger(job: Schedule) -> CronTrigger:
    minute, hour, day, month, weekday = job.cron.split()
    tz = ZoneInfo(job.timezone)
    start = datetime.combine(job.start_date, time.min, tz) if job.start_date else None
    end = datetime.combine(job.end_date, time.max.replace(microsecond=0), tz) if job.end_date else None
    return CronTrigger(minute=minute, hour=hour, day=day, month=month, day_of_week=crontab_weekdays(weekday),
                       start_date=start, end_date=end, timezone=tz)


def fingerprint(job: Schedule) -> str:
    """What decides the job's fire times; when it is unchanged the stored next run time is kept."""
    key = json.dumps([job.cron, job.timezone, str(job.start_date), str(job.end_date)])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


# --- the executor ---------------------------------------------------------------------------------

class FireTimeExecutor(BaseExecutor):
    """A thread pool that passes each run's scheduled fire time to the job function.

    APScheduler 3 does not tell a job when it was due; the run ledger's key needs exactly that.
    Mirrors apscheduler.executors.base.run_job, with ``fire_time=`` added to the call.
    """

    def __init__(self, max_workers: int = 4) -> None:
        super().__init__()
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers, thread_name_prefix="briefing-job")

    def submit_job(self, job: Job, run_times: list[datetime]) -> None:
        """As APScheduler's, and a fire refused because the job's previous run still runs is recorded."""
        try:
            super().submit_job(job, run_times)
        except MaxInstancesReachedError:
            self._pool.submit(_record_skipped, job, run_times)
            raise

    def _do_submit_job(self, job, run_times) -> None:
        def done(future: concurrent.futures.Future) -> None:
            exc = future.exception()
            if exc is not None:
                self._run_job_error(job.id, exc, exc.__traceback__)
            else:
                self._run_job_success(job.id, future.result())

        self._pool.submit(_run_job, job, job._jobstore_alias, run_times).add_done_callback(done)

    def shutdown(self, wait: bool = True) -> None:
        self._pool.shutdown(wait)


def _record_skipped(job: Job, run_times: list[datetime]) -> None:
    for run_time in run_times:
        log.warning("job %s: the run due at %s was skipped: the previous run is still being built", job.id, run_time)
        try:
            runs.record_skipped(**job.kwargs, fire_time=run_time)
        except Exception:  # the ledger entry is a courtesy; the scheduler goes on without it
            log.exception("job %s: could not record the skipped run in the ledger", job.id)


def _run_job(job, alias: str, run_times: list[datetime]) -> list[JobExecutionEvent]:
    events = []
    for run_time in run_times:
        late = datetime.now(UTC) - run_time
        if job.misfire_grace_time is not None and late > timedelta(seconds=job.misfire_grace_time):
            log.warning("job %s: the run due at %s was missed by %s (beyond misfire_grace_hours)", job.id,
                        run_time, late)
            events.append(JobExecutionEvent(EVENT_JOB_MISSED, job.id, alias, run_time))
            try:
                runs.record_missed(**job.kwargs, fire_time=run_time, late=late)
            except Exception:  # the ledger entry is a courtesy; the scheduler goes on without it
                log.exception("job %s: could not record the missed run in the ledger", job.id)
            continue
        log.info("job %s: run due at %s", job.id, run_time)
        try:
            result = job.func(*job.args, **job.kwargs, fire_time=run_time)
        except BaseException as e:  # recorded by APScheduler's listeners; the scheduler goes on
            log.exception("job %s failed", job.id)
            events.append(JobExecutionEvent(EVENT_JOB_ERROR, job.id, alias, run_time, exception=e,
                                            traceback="".join(traceback.format_tb(e.__traceback__))))
        else:
            events.append(JobExecutionEvent(EVENT_JOB_EXECUTED, job.id, alias, run_time, retval=result))
    return events


# --- the scheduler --------------------------------------------------------------------------------

class BriefingScheduler(BackgroundScheduler):
    """APScheduler's background scheduler, minus one more round of jobs after shutdown.

    BackgroundScheduler.shutdown() stops the executors, then wakes the scheduler thread, which
    processes due jobs once more: their submission fails ("cannot schedule new futures after
    shutdown") and their next run time is advanced all the same, so a run due at that moment
    would be lost for the next start. With the round skipped, it stays due in the store.
    """

    def _process_jobs(self):
        if self.state == STATE_STOPPED:
            return None
        return super()._process_jobs()


def job_store_url(config: Config) -> str:
    return config.job_store or f"sqlite:///{StateFolder(config).ensure().job_store_file}"


def make_scheduler(config: Config) -> BriefingScheduler:
    """The scheduler (not started) on the config's job store, with the defaults every job gets."""
    return BriefingScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=job_store_url(config))},
        executors={"default": FireTimeExecutor()},
        job_defaults={"coalesce": True, "max_instances": 1,
                      "misfire_grace_time": int(config.misfire_grace_hours * 3600)},
        timezone=UTC,
    )


def sync_jobs(scheduler: BackgroundScheduler, config: Config, config_path: str | None) -> list[str]:
    """Make the job store match the config without losing missed runs; returns what changed."""
    said = []
    grace = int(config.misfire_grace_hours * 3600)
    wanted = {j.id: j for j in config.schedules}
    for stored in scheduler.get_jobs():
        if stored.id not in wanted:
            scheduler.remove_job(stored.id)
            said.append(f"removed {stored.id} (no longer in the config)")
    for job in config.schedules:
        kwargs = {"config_path": config_path, "job_id": job.id, "fingerprint": fingerprint(job)}
        stored = scheduler.get_job(job.id)
        if stored is None:
            extra = {"next_run_time": None} if job.paused else {}
            scheduler.add_job(runs.JOB_FUNC, make_trigger(job), id=job.id, name=job.id, kwargs=kwargs,
                              misfire_grace_time=grace, coalesce=True, max_instances=1, **extra)
            said.append(f"added {job.id}")
            continue
        if stored.kwargs.get("fingerprint") != kwargs["fingerprint"]:
            scheduler.modify_job(job.id, kwargs=kwargs, misfire_grace_time=grace)
            scheduler.reschedule_job(job.id, trigger=make_trigger(job))  # a new schedule counts from now
            said.append(f"rescheduled {job.id} (its schedule changed)")
        elif stored.kwargs != kwargs or stored.misfire_grace_time != grace:
            scheduler.modify_job(job.id, kwargs=kwargs, misfire_grace_time=grace)
        stored = scheduler.get_job(job.id)
        if job.paused and stored.next_run_time is not None:
            scheduler.pause_job(job.id)
            said.append(f"paused {job.id}")
        elif not job.paused and stored.next_run_time is None:
            scheduler.resume_job(job.id)
            said.append(f"resumed {job.id}")
    return said


def acquire_lock(config: Config) -> int:
    """An exclusive lock on the state folder, held for the scheduler's life; the kernel frees it on death."""
    path = StateFolder(config).ensure().path / "scheduler.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
        os.close(fd)
        raise SchedulerBusy(f"another scheduler (process {holder}) is already running on {path.parent}; "
                            "stop it first, or give this one another state folder") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    return fd


def _say(text: str) -> None:
    print(f"briefing scheduler: {text}", flush=True)


class _Watch:
    """Notices an edited config file (by its modification time and size) or a SIGHUP."""

    def __init__(self, path: str | None) -> None:
        self.path = Path(path) if path else None
        self.seen = self._stamp()
        self.hup = threading.Event()
        signal.signal(signal.SIGHUP, lambda *_: self.hup.set())

    def _stamp(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat() if self.path else None
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size) if st else None

    def changed(self) -> bool:
        now = self._stamp()
        if now != self.seen or self.hup.is_set():
            self.seen = now
            self.hup.clear()
            return True
        return False


def _reload(scheduler: BriefingScheduler, path: str | None) -> None:
    """Apply an edited config's jobs; a broken config is reported and the jobs stay as they were."""
    try:
        fresh = load_config(path)
    except BriefingError as e:
        _say(f"config not reloaded: {e}")
        return
    said = sync_jobs(scheduler, fresh, path)
    for line in said:
        _say(line)
    _say(f"config reloaded ({len(said)} job changes)")


def run_scheduler(config: Config, config_path: str | Path | None = None) -> int:
    """Run until SIGINT or SIGTERM; a running build gets ``shutdown_grace_seconds`` to finish.

    An edited config file (or SIGHUP) updates the jobs while running; each run reads it anyway.
    """
    path = str(config.path or Path(config_path).resolve()) if (config.path or config_path) else None
    lock = acquire_lock(config)
    runs.STOP.clear()
    previous_handlers = {s: signal.signal(s, lambda *_: runs.STOP.set()) for s in (signal.SIGINT, signal.SIGTERM)}
    scheduler = make_scheduler(config)
    try:
        scheduler.start(paused=True)
        for line in sync_jobs(scheduler, config, path):
            _say(line)
        # Runs a crash or shutdown left unfinished come first; then the schedule, whose missed runs
        # within the grace time follow at once.
        if config.executor == "celery":  # the workers finish them; a task lost with the broker is sent again
            from .celery_runs import enqueue_owed
            from .states import TO_BUILD, TO_DELIVER

            for run in enqueue_owed(config, owing=TO_BUILD + TO_DELIVER):
                _say(f"queued run {run.id} of {run.job} left over from before ({run.status})")
        for run in runs.resume_unfinished(config) if config.executor == "local" else []:
            _say(f"finished run {run.id} of {run.job} left over from before: {run.status}")
        if not runs.STOP.is_set():
            scheduler.resume()
            _say(f"running {len(config.schedules)} jobs on {StateFolder(config).path} (process {os.getpid()})")
        watch = _Watch(path)
        while not runs.STOP.wait(0.5):
            if watch.changed():
                _reload(scheduler, path)
        _say("stopping; a running build may take up to "
             f"{config.shutdown_grace_seconds:g} s to finish")
        scheduler.shutdown(wait=True)
        _say("stopped")
        return 0
    finally:
        if scheduler.running:
            scheduler.shutdown(wait=False)
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        for sig, handler in previous_handlers.items():
            signal.signal(sig, handler)
        os.close(lock)


# --- the job store, read without a scheduler (`briefing jobs`) ------------------------------------

def stored_jobs(config: Config) -> dict[str, Job]:
    """The jobs in the job store by id, read only; {} when no scheduler has created the store yet."""
    if not config.job_store and not StateFolder(config).job_store_file.is_file():
        return {}
    scheduler = make_scheduler(config)
    store = scheduler._jobstores["default"]
    store.start(scheduler, "default")
    try:
        return {j.id: j for j in store.get_all_jobs()}
    finally:
        store.shutdown()
