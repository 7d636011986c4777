"""The text the CLI prints about the scheduler: `briefing jobs`, `briefing history`, `briefing run`.

Reading only: `jobs` and `history` create no state folder, ledger or job store. A run the ledger
still calls running but whose lock no live process holds was cut short (its scheduler was killed
or is down): it is shown as interrupted, and the next start builds it again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from ..config import Config
from ..errors import UsageError
from . import runs
from .ledger import DeliveryRecord, Ledger, Run
from .service import fingerprint, make_trigger, stored_jobs
from .state_folder import StateFolder
from .states import GOOD, INTERRUPTED, OK, RUNNING


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """Columns padded to their widest cell, two spaces apart."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [header, *rows])


def shown_status(run: Run, folder: StateFolder) -> str:
    """The run's status as it stands: 'running' only while a live process holds the run."""
    if run.status == RUNNING and not folder.is_held(run.id):
        return INTERRUPTED
    return run.status


# --- `briefing jobs` ------------------------------------------------------------------------------

def _local(moment: datetime | None, tz: str) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M %Z")


def list_jobs(config: Config) -> str:
    """The configured jobs, their next run times (from the job store when it has them) and last run."""
    if not config.schedules:
        return "no jobs: config.yaml has no schedules"
    stored = stored_jobs(config)
    folder = StateFolder(config)
    ledger = folder.existing_ledger()
    rows = []
    for job in config.schedules:
        s = stored.get(job.id)
        if job.paused or (s is not None and s.next_run_time is None):
            nxt = "paused"
        elif s is not None and s.kwargs.get("fingerprint") == fingerprint(job):
            nxt = _local(s.next_run_time, job.timezone)
        else:
            upcoming = make_trigger(job).get_next_fire_time(None, datetime.now(UTC))
            nxt = f"{_local(upcoming, job.timezone)} (once the scheduler starts)"
        last = ledger.last_run(job.id) if ledger else None
        rows.append((job.id, job.cron, job.timezone, nxt, ",".join(job.deliver),
                     f"{shown_status(last, folder)} (run {last.id})" if last else "never"))
    return table(("JOB", "CRON", "TIME ZONE", "NEXT RUN", "DELIVER", "LAST RUN"), rows)


# --- `briefing history` ---------------------------------------------------------------------------

def _short(moment: str | None) -> str:
    if not moment:
        return "-"
    return datetime.fromisoformat(moment).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ")


def _took(run: Run) -> str:
    if not run.started or not run.ended:
        return "-"
    seconds = (datetime.fromisoformat(run.ended) - datetime.fromisoformat(run.started)).total_seconds()
    return f"{seconds:.1f}s"


def delivery_summary(records: list[DeliveryRecord]) -> str:
    """'folder ok, email 1/2 ok' — per channel, how many targets got the briefing."""
    by_channel: dict[str, list[DeliveryRecord]] = {}
    for r in records:
        by_channel.setdefault(r.channel, []).append(r)
    parts = []
    for channel, recs in by_channel.items():
        good = sum(r.status == OK for r in recs)
        parts.append(f"{channel} ok" if good == len(recs) == 1 else
                     f"{channel} failed" if len(recs) == 1 else f"{channel} {good}/{len(recs)} ok")
    return ", ".join(parts) or "-"


def history_table(ledger: Ledger, folder: StateFolder, job: str | None = None, limit: int = 20) -> str:
    found = ledger.runs(job, limit)
    if not found:
        return "no runs yet" + (f" of job {job!r}" if job else "")
    rows = []
    for r in found:
        events = ledger.events(r.id)
        note = " ".join((r.error or (events[-1][1] if events else "")).split())
        rows.append((str(r.id), r.job, _short(r.fire_time), _short(r.started), _took(r), str(r.attempts),
                     shown_status(r, folder), delivery_summary(ledger.deliveries(r.id)),
                     note[:70] + ("…" if len(note) > 70 else "")))
    return table(("RUN", "JOB", "SCHEDULED (UTC)", "STARTED (UTC)", "TOOK", "TRIES", "STATUS", "DELIVERY", "NOTE"),
                 rows)


def run_story(ledger: Ledger, folder: StateFolder, run_id: int) -> str:
    """One run in full: its key and outcome, every step, each delivery, the files it built."""
    try:
        r = ledger.get(run_id)
    except KeyError:
        raise UsageError(f"no run {run_id} in the ledger") from None
    lines = [f"run {r.id} of {r.job} ({r.trigger}), scheduled {_short(r.fire_time)}: {shown_status(r, folder)}"
             + (f" - {r.error}" if r.error else "")]
    lines += [f"  {_short(at)}  {text}" for at, text in ledger.events(r.id)]
    for d in ledger.deliveries(r.id):
        tries = f"{d.attempts} attempt" + ("" if d.attempts == 1 else "s")
        lines.append(f"  {d.channel} to {d.target}: {d.status} after {tries}"
                     + (f" ({d.error})" if d.error else ""))
    lines += [f"  source {s['file']} sha256 {s['sha256'][:12]}" for s in r.sources]
    lines += [f"  output {o['file']} sha256 {o['sha256'][:12]}" for o in r.outputs]
    return "\n".join(lines)


def show_history(config: Config, job: str | None = None, limit: int = 20, run: int | None = None) -> str:
    """The ledger as a readable table, newest run first; or, given ``run``, that run's whole story."""
    folder = StateFolder(config)
    ledger = folder.existing_ledger()
    if ledger is None:
        return "no runs yet (the ledger is created by the first run)"
    if run is not None:
        return run_story(ledger, folder, run)
    return history_table(ledger, folder, job, limit)


# --- `briefing run` -------------------------------------------------------------------------------

def run_job_now(config: Config, job_id: str, retry_only: bool = False) -> int:
    """`briefing run JOB`: deliver what earlier runs still owe, then run the job now (a test send);
    prints each run's outcome and the new run's story; 0 when all went as configured."""
    resumed, run = runs.run_now(config, job_id, retry_only=retry_only)
    for r in resumed:
        print(f"earlier run {r.id} ({r.fire_time}): {r.status}" + (f": {r.error}" if r.error else ""))
    if run is None:
        if not resumed:
            print(f"nothing to retry for {job_id}")
        return 0 if all(r.status == OK for r in resumed) else 1
    for at, text in StateFolder(config).ledger().events(run.id):
        print(f"  {at[11:19]}  {text}")
    print(f"run {run.id} of {job_id}: {run.status}" + (f": {run.error}" if run.error else ""))
    return 0 if run.status in GOOD and all(r.status == OK for r in resumed) else 1
