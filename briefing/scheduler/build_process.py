"""One run's build in a child process, so that a build past its time limit can be ended.

APScheduler cannot stop a job that runs too long (its threads cannot be killed), so the job
thread starts ``python -m briefing.scheduler.build_process SPEC`` and kills it at the job's ``timeout_minutes``.
The child reads the config file again and calls build() — the one path to a briefing — writing
into the run's folder. It dies with its parent (PR_SET_PDEATHSIG on Linux), so a killed scheduler
leaves no orphan build behind.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

ERROR_FILE = "error.txt"
LOG_FILE = "build.log"


@dataclass
class BuildSpec:
    config: str | None
    out: str
    formats: list[str]
    as_of: str
    previous: str | None = None
    """Path of the previous briefing's JSON, for 'what changed'."""
    warnings: list[str] = field(default_factory=list)
    """Warnings the run adds to the briefing (e.g. stale sources)."""
    briefing: str | None = None
    """The id of the briefing to build (of `briefings:`); None: the config's first or only one."""


@dataclass
class BuildOutcome:
    ok: bool
    error: str | None = None
    timed_out: bool = False
    stopped: bool = False
    """Ended because the scheduler shut down and the grace time ran out."""


def run_build(spec: BuildSpec, timeout_seconds: float, stop: threading.Event | None = None,
              grace_seconds: float = 60.0, on_start: Callable[[int], None] | None = None) -> BuildOutcome:
    """Build in a child process; kill it past ``timeout_seconds``, or ``grace_seconds`` after ``stop``."""
    out = Path(spec.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / ERROR_FILE).unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "briefing.scheduler.build_process", json.dumps(asdict(spec))]
    with open(out / LOG_FILE, "ab") as logfile:
        # A session of its own: a terminal's Ctrl-C reaches only the scheduler, which then gives the
        # build its grace time; and ending the build ends its worker processes with it.
        child = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=logfile, stderr=logfile,
                                 env={**os.environ, "BRIEFING_PARENT_PID": str(os.getpid())},
                                 start_new_session=True)
        if on_start is not None:
            on_start(child.pid)
        deadline = time.monotonic() + timeout_seconds
        stop_deadline: float | None = None
        while True:
            try:
                code = child.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                pass
            now = time.monotonic()
            if stop is not None and stop.is_set() and stop_deadline is None:
                stop_deadline = now + grace_seconds
                log.info("shutting down: the running build may take %.0f s more", grace_seconds)
            if now > deadline or (stop_deadline is not None and now > stop_deadline):
                _end(child)
                if now > deadline:
                    return BuildOutcome(False, f"the build took longer than {timeout_seconds / 60:g} minutes "
                                               "(timeout_minutes) and was ended", timed_out=True)
                return BuildOutcome(False, "the scheduler shut down before the build finished", stopped=True)
    if code == 0:
        return BuildOutcome(True)
    error_file = out / ERROR_FILE
    error = error_file.read_text(encoding="utf-8").strip() if error_file.is_file() else ""
    return BuildOutcome(False, error or f"the build process ended with status {code}")


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


def child_main(argv: list[str]) -> int:
    _die_with_parent()
    spec = BuildSpec(**json.loads(argv[0]))
    out = Path(spec.out)
    try:
        from ..changes import briefing_from_dict
        from ..config import load_config
        from ..errors import BriefingError
        from ..pipeline import build

        config = load_config(spec.config)
        previous = None
        if spec.previous and Path(spec.previous).is_file():
            previous = briefing_from_dict(json.loads(Path(spec.previous).read_text(encoding="utf-8")))
        try:
            build(config, briefing_id=spec.briefing, out=out, formats=spec.formats, as_of=spec.as_of,
                  previous=previous, extra_warnings=spec.warnings)
        except BriefingError as e:
            (out / ERROR_FILE).write_text(str(e), encoding="utf-8")
            return 1
    except Exception as e:
        (out / ERROR_FILE).write_text(f"{type(e).__name__}: {e}\n{traceback.format_exc()}", encoding="utf-8")
        return 1
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    raise SystemExit(child_main(sys.argv[1:]))
