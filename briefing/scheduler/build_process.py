"""One run's build in a child process, so that a build past its time limit can be ended.

APScheduler cannot stop a job that runs too long (its threads cannot be killed), so the job
thread starts ``python -m briefing.scheduler.build_process``, hands it the ``BuildRequest`` on
its standard input, and kills it at the job's ``timeout_minutes``. The request carries the seeds
as the scheduler read them and the previous briefing as a typed ``Briefing``: the child reads
neither again. It reads the config file and calls build() — the one path to a briefing — writing
into the run's folder. It dies with its parent (PR_SET_PDEATHSIG on Linux), so a killed scheduler
leaves no orphan build behind.

``run_build`` is the executor the run's stages call (runs.py, ``Run.builder``); another executor
(a task queue's worker) takes the same ``BuildRequest`` and gives back a ``BuildOutcome``.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .state_folder import ERROR_FILE, LOG_FILE

if TYPE_CHECKING:  # the scheduler itself never imports the pipeline; only the build process does
    from ..model import Briefing
    from ..pipeline import Seeds

log = logging.getLogger(__name__)


@dataclass
class BuildRequest:
    """Everything one scheduled build needs, handed to the build process whole."""

    config: str | None
    """The config file's path; the build reads it itself."""
    out: str
    formats: list[str]
    as_of: str
    seeds: Seeds
    """The seeds as the run read (and recorded) them."""
    previous: Briefing | None = None
    """The job's previous briefing, for 'what changed'."""
    warnings: list[str] = field(default_factory=list)
    """Warnings the run adds to the briefing (e.g. stale sources)."""
    briefing: str | None = None
    """The id of the briefing to build (of `briefings:`); None: the config's first or only one."""


@dataclass
class Limits:
    """How long a build may take, and the signal to stop early (the scheduler shutting down)."""

    timeout_seconds: float
    grace_seconds: float = 60.0
    """After ``stop`` is set, how long the build may still take."""
    stop: threading.Event | None = None


@dataclass
class BuildOutcome:
    ok: bool
    error: str | None = None
    timed_out: bool = False
    stopped: bool = False
    """Ended because the scheduler shut down and the grace time ran out."""


def run_build(request: BuildRequest, limits: Limits, on_start: Callable[[int], None] | None = None) -> BuildOutcome:
    """Build in a child process; kill it past the time limit, or the grace time after a stop."""
    out = Path(request.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / ERROR_FILE).unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "briefing.scheduler.build_process"]
    payload = pickle.dumps(request)  # before the child starts: a request that cannot be sent starts nothing
    with open(out / LOG_FILE, "ab") as logfile:
        # A session of its own: a terminal's Ctrl-C reaches only the scheduler, which then gives the
        # build its grace time; and ending the build ends its worker processes with it.
        child = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=logfile, stderr=logfile,
                                 env={**os.environ, "BRIEFING_PARENT_PID": str(os.getpid())},
                                 start_new_session=True)
        if on_start is not None:
            on_start(child.pid)
        # Written beside the wait, so that a child that never reads is still ended at its time limit.
        threading.Thread(target=_hand_over, args=(child, payload), name="briefing-hand-over", daemon=True).start()
        try:
            code = _wait(child, limits)
        except BaseException:  # e.g. a Celery worker's time limit, raised into this wait: the build ends too
            _end(child)
            raise
    if isinstance(code, BuildOutcome):
        return code
    if code == 0:
        return BuildOutcome(True)
    error_file = out / ERROR_FILE
    error = error_file.read_text(encoding="utf-8").strip() if error_file.is_file() else ""
    return BuildOutcome(False, error or f"the build process ended with status {code}")


def _hand_over(child: subprocess.Popen, payload: bytes) -> None:
    # A pipe between this process and its own child: nothing else can write to it.
    try:
        child.stdin.write(payload)
        child.stdin.close()
    except (BrokenPipeError, ValueError):  # the child died or was ended; its exit status tells why
        pass


def _wait(child: subprocess.Popen, limits: Limits) -> int | BuildOutcome:
    """The child's exit status, or the outcome of ending it at the time limit or after a stop."""
    deadline = time.monotonic() + limits.timeout_seconds
    stop_deadline: float | None = None
    while True:
        try:
            return child.wait(timeout=0.1)
        except subprocess.TimeoutExpired:
            pass
        now = time.monotonic()
        if limits.stop is not None and limits.stop.is_set() and stop_deadline is None:
            stop_deadline = now + limits.grace_seconds
            log.info("shutting down: the running build may take %.0f s more", limits.grace_seconds)
        if now > deadline:
            _end(child)
            return BuildOutcome(False, f"the build took longer than {limits.timeout_seconds / 60:g} minutes "
                                       "(timeout_minutes) and was ended", timed_out=True)
        if stop_deadline is not None and now > stop_deadline:
            _end(child)
            return BuildOutcome(False, "the scheduler shut down before the build finished", stopped=True)


def _end(child: subprocess.Popen) -> None:
    """SIGTERM to the build's process group, then SIGKILL a moment later: a hung build may not answer."""
    for sig, wait in ((signal.SIGTERM, 2.0), (signal.SIGKILL, None)):
        try:
            os.killpg(child.pid, sig)
        except ProcessLookupError:
            pass
        try:
            child.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    pr_set_pdeathsig = 1
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except OSError:
        return
    parent = os.environ.get("BRIEFING_PARENT_PID")
    if parent and os.getppid() != int(parent):  # the parent died before prctl took effect
        os._exit(1)


def child_main() -> int:
    _die_with_parent()
    request: BuildRequest = pickle.load(sys.stdin.buffer)
    out = Path(request.out)
    try:
        from ..config import load_config
        from ..errors import BriefingError
        from ..pipeline import build

        config = load_config(request.config)
        try:
            build(config, briefing_id=request.briefing, out=out, formats=request.formats, as_of=request.as_of,
                  previous=request.previous, extra_warnings=request.warnings, loaded=request.seeds)
        except BriefingError as e:
            (out / ERROR_FILE).write_text(str(e), encoding="utf-8")
            return 1
    except Exception as e:
        (out / ERROR_FILE).write_text(f"{type(e).__name__}: {e}\n{traceback.format_exc()}", encoding="utf-8")
        return 1
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for stages in ("briefing.pipeline", "briefing.scheduler.fan_out"):  # one line per stage, into build.log
        logging.getLogger(stages).setLevel(logging.INFO)
    raise SystemExit(child_main())
