"""Runs on Celery workers (``executor: celery``): the scheduler queues, workers build and deliver.

The scheduler claims each run in the ledger as ``queued`` (its key, job and fire time, is unique)
and sends a task carrying just that key. A worker (`briefing worker`, on this machine or another,
sharing the broker and the ledger) reads its own config file, claims the same run again (finding
the row), and takes it through the same state machine as a local run (runs.try_advance): build in
a child process with the job's time limit, deliver each target once, record each step.

Exactly once across workers:
- the run's lock (state_folder.run_lock: a file lock, and on PostgreSQL an advisory lock that
  the server frees when the holder's connection dies) lets one process work on a run at a time;
  a task that finds the run held is retried a little later, and then finds it finished;
- tasks are acknowledged late and rejected back into the queue when their worker process dies
  (``acks_late``, ``reject_on_worker_lost``); a task whose whole worker was killed comes back after
  ``celery.visibility_timeout_seconds``; a task met again resumes from the ledger: a built run is
  delivered from its stored files, a target already delivered is skipped;
- a task past the job's ``timeout_minutes`` is ended by Celery's time limits (soft, then hard)
  and its unfinished build recorded as failed; the job's next run runs all the same.

Celery is an optional extra (``pip install 'briefing[celery]'``); nothing imports this module
unless the config says ``executor: celery``.
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import datetime, timedelta
from functools import cache

from celery import Celery, Task
from celery.exceptions import SoftTimeLimitExceeded

from ..annotation_table import WORKER_ENV
from ..config import Config, Schedule, load_config
from ..errors import BriefingError, UsageError
from .fan_out import ANNOTATE, annotate_task
from .ledger import Ledger, Run, now_utc
from .runs import close_late, find_job, place_of, prune_runs, try_advance
from .state_folder import StateFolder
from .states import DELIVERY_FAILED, FAILED, QUEUED, TO_BUILD

log = logging.getLogger(__name__)

TASK = "briefing.run"
BUSY_RETRY_SECONDS = 10
"""When another worker holds the run: ask again this much later (it then finds the run finished)."""

CONFIG_ENV = "BRIEFING_WORKER_CONFIG"
"""The config file a worker reads before each task (set by `briefing worker`; children inherit it)."""


# --- the Celery application -----------------------------------------------------------------------

@cache
def celery_app(broker: str, visibility_timeout: float) -> Celery:
    """The Celery application on ``broker``, with the run task registered (one per process and broker)."""
    app = Celery("briefing", broker=broker, set_as_current=False)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_ignore_result=True,  # the ledger holds every outcome
        worker_prefetch_multiplier=1,  # a worker takes one run at a time; the others stay for others
        broker_connection_retry_on_startup=True,
        # Each worker looks for runs of dead workers (unacknowledged past the visibility timeout) a few
        # times per timeout, not Kombu's default of every 100 s.
        broker_transport_options={"visibility_timeout": visibility_timeout, "unacked_restore_throttle": 1,
                                  "unacked_restore_interval": max(1.0, min(10.0, visibility_timeout / 4))},
    )
    app.task(name=TASK, bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)(run_task)
    # A chunk of a big build's sources (fan_out.py); one lost with its worker is taken over by the build.
    app.task(name=ANNOTATE, acks_late=True, reject_on_worker_lost=True)(annotate_task)
    return app


def app_of(config: Config) -> Celery:
    return celery_app(config.celery.broker, config.celery.visibility_timeout_seconds)


# --- the scheduler's side -------------------------------------------------------------------------

def enqueue_run(config: Config, job: Schedule, fire_time: datetime, trigger: str = "schedule") -> Run:
    """Claim the run as queued and send it to the workers; a run already finished is not sent."""
    ledger = StateFolder(config).ledger()
    run = ledger.claim(job.id, fire_time, trigger, status=QUEUED)
    if run.status not in TO_BUILD:
        log.info("run %s of %s is already %s; not queued again", run.id, job.id, run.status)
        return run
    _send(config, job, run)
    return run


def enqueue_owed(config: Config, job_id: str | None = None, owing: tuple[str, ...] = (DELIVERY_FAILED,)) -> list[Run]:
    """Queue again the runs (of ``job_id``, or all) within the misfire grace time whose status is in ``owing``.

    Before each fire the scheduler sends the job's failed deliveries again; at its start every
    unfinished run, as a task lost with a dead broker would otherwise never come back. A run sent
    twice is done once: the second task finds it held, or finished.
    """
    ledger = StateFolder(config).ledger()
    since = now_utc() - timedelta(hours=config.misfire_grace_hours)
    sent = []
    for run in ledger.unfinished(job_id, since=since):
        job = next((j for j in config.schedules if j.id == run.job), None)
        if job is not None and not job.paused and run.status in owing:
            _send(config, job, run)
            sent.append(run)
    return sent


def _send(config: Config, job: Schedule, run: Run) -> None:
    limit = job.timeout_minutes * 60
    app_of(config).send_task(TASK, args=[job.id, run.fire_time], soft_time_limit=limit,
                             time_limit=limit + config.shutdown_grace_seconds)
    log.info("run %s of %s (due %s) queued for a worker", run.id, job.id, run.fire_time)


# --- the worker's side ----------------------------------------------------------------------------

def run_task(task: Task, job_id: str, fire_time: str) -> str:
    """One queued run, on a worker: claim (finding the scheduler's row), advance, record."""
    try:
        config = load_config(os.environ.get(CONFIG_ENV))
        job = find_job(config, job_id)
    except (BriefingError, UsageError) as e:
        log.error("run of %s due %s not done: %s", job_id, fire_time, e)
        return "config error"
    place = place_of(config, job)
    run = place.ledger.claim(job.id, datetime.fromisoformat(fire_time), "schedule", status=QUEUED)
    if run.fire < now_utc() - timedelta(hours=config.misfire_grace_hours):  # waited in the queue too long
        close_late(place, run)
        return place.ledger.get(run.id).status
    try:
        moved = try_advance(place, run)
    except SoftTimeLimitExceeded:
        _close_timed_out(place.ledger, run.id, job)
        return FAILED
    if moved is None:
        raise task.retry(countdown=BUSY_RETRY_SECONDS)
    prune_runs(place)
    return moved.status


def _close_timed_out(ledger: Ledger, run_id: int, job: Schedule) -> None:
    """Celery's soft time limit: an unfinished build is failed; a built run keeps its owed deliveries."""
    if ledger.get(run_id).status in TO_BUILD:
        ledger.finish(run_id, FAILED, f"the run took longer than {job.timeout_minutes:g} minutes "
                                      "(timeout_minutes) and was ended")
    else:
        ledger.event(run_id, "delivery ended at the time limit (timeout_minutes); what is owed is sent later")


def run_worker(config: Config, config_path: str | None, concurrency: int = 1) -> int:
    """`briefing worker`: a Celery worker taking runs from the broker until SIGTERM or SIGINT."""
    if config_path:
        os.environ[CONFIG_ENV] = str(config_path)
    name = f"briefing-{os.getpid()}@{socket.gethostname()}"
    os.environ[WORKER_ENV] = name  # what its processes record as theirs in the annotation table
    app = app_of(config)
    argv = ["worker", "--loglevel=INFO", f"--concurrency={concurrency}", "--pool=prefork",
            f"--hostname={name}", "--without-gossip", "--without-mingle"]
    app.worker_main(argv)
    return 0
