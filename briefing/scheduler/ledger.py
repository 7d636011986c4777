"""The run ledger: one row per run (job id + scheduled fire time), its deliveries and its story.

SQLite in the state folder (stdlib sqlite3). The key (job, fire_time) is unique, so a run that a
restart or a second process meets again is found, not repeated: what already went out is never
sent again, and a run whose build succeeded is delivered from its stored files without a rebuild.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..config import Config
from ..errors import UsageError

log = logging.getLogger(__name__)

RUNNING = "running"
INTERRUPTED = "interrupted"
BUILT = "built"
OK = "ok"
DELIVERY_FAILED = "delivery failed"
FAILED = "failed"
SKIPPED_UNCHANGED = "skipped: unchanged"
SKIPPED_STALE = "skipped: stale"
SKIPPED_EMPTY = "skipped: no usable source"
MISSED = "missed"

DONE = (OK, FAILED, SKIPPED_UNCHANGED, SKIPPED_STALE, SKIPPED_EMPTY, MISSED)
"""A run in one of these states is finished: meeting it again does nothing."""
TO_DELIVER = (BUILT, DELIVERY_FAILED)
"""Built, but not every delivery succeeded: deliver the stored files again, never rebuild."""
TO_BUILD = (RUNNING, INTERRUPTED)
"""The build never finished (the process died or was stopped): build again under the same key."""
HAS_BRIEFING = (OK, BUILT, DELIVERY_FAILED, SKIPPED_UNCHANGED)
"""Runs whose stored JSON can serve as the 'previous briefing' of the job's next run."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job TEXT NOT NULL,
    fire_time TEXT NOT NULL,
    trigger TEXT NOT NULL,
    started TEXT,
    ended TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    sources TEXT NOT NULL DEFAULT '[]',
    outputs TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    UNIQUE (job, fire_time)
);
CREATE TABLE IF NOT EXISTS deliveries (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (run_id, channel, target)
);
CREATE TABLE IF NOT EXISTS events (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    at TEXT NOT NULL,
    text TEXT NOT NULL
);
"""


def now_utc() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """The ledger's form of a moment: ISO 8601 in UTC, so that equal moments give equal keys."""
    return moment.astimezone(UTC).isoformat()


@dataclass
class Run:
    id: int
    job: str
    fire_time: str
    trigger: str
    started: str | None
    ended: str | None
    status: str
    attempts: int
    sources: list[dict] = field(default_factory=list)
    outputs: list[dict] = field(default_factory=list)
    error: str | None = None

    @property
    def fire(self) -> datetime:
        return datetime.fromisoformat(self.fire_time)


@dataclass
class DeliveryRecord:
    run_id: int
    channel: str
    target: str
    status: str
    attempts: int
    error: str | None
    at: str


def state_dir(config: Config) -> Path:
    folder = config.resolve(config.state)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Ledger:
    """The ledger file of a state folder. Each call opens its own connection: jobs run in threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(SCHEMA)

    @classmethod
    def of(cls, config: Config) -> Ledger:
        return cls(state_dir(config) / "ledger.sqlite")

    def run_dir(self, run_id: int) -> Path:
        """Where a run's built files are kept, for delivery and for re-delivery after a failure."""
        return self.path.parent / "runs" / str(run_id)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30)
        db.row_factory = sqlite3.Row
        try:
            # WAL lets `briefing history` read while the scheduler writes.
            db.execute("PRAGMA journal_mode=WAL")
            with db:
                yield db
        finally:
            db.close()

    # --- runs ---------------------------------------------------------------------------------

    def claim(self, job: str, fire_time: datetime, trigger: str) -> Run:
        """The run of ``job`` at ``fire_time``: created when new, else the existing one, unchanged."""
        key = stamp(fire_time)
        with self._connect() as db:
            db.execute("INSERT OR IGNORE INTO runs (job, fire_time, trigger, status) VALUES (?, ?, ?, ?)",
                       (job, key, trigger, RUNNING))
            row = db.execute("SELECT * FROM runs WHERE job = ? AND fire_time = ?", (job, key)).fetchone()
        return _run(row)

    def get(self, run_id: int) -> Run:
        with self._connect() as db:
            row = db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise KeyError(run_id)
        return _run(row)

    def start(self, run_id: int) -> Run:
        """Mark a build attempt as begun."""
        with self._connect() as db:
            db.execute("UPDATE runs SET status = ?, started = ?, ended = NULL, error = NULL, "
                       "attempts = attempts + 1 WHERE id = ?", (RUNNING, stamp(now_utc()), run_id))
        return self.get(run_id)

    def finish(self, run_id: int, status: str, error: str | None = None) -> None:
        with self._connect() as db:
            db.execute("UPDATE runs SET status = ?, ended = ?, error = ? WHERE id = ?",
                       (status, stamp(now_utc()), error, run_id))

    def set_status(self, run_id: int, status: str) -> None:
        with self._connect() as db:
            db.execute("UPDATE runs SET status = ? WHERE id = ?", (status, run_id))

    def set_sources(self, run_id: int, sources: list[dict]) -> None:
        with self._connect() as db:
            db.execute("UPDATE runs SET sources = ? WHERE id = ?", (json.dumps(sources), run_id))

    def set_outputs(self, run_id: int, outputs: list[dict]) -> None:
        with self._connect() as db:
            db.execute("UPDATE runs SET outputs = ? WHERE id = ?", (json.dumps(outputs), run_id))

    def runs(self, job: str | None = None, limit: int = 20) -> list[Run]:
        """The newest runs first."""
        sql, args = "SELECT * FROM runs", []
        if job:
            sql += " WHERE job = ?"
            args.append(job)
        sql += " ORDER BY fire_time DESC, id DESC LIMIT ?"
        args.append(limit)
        with self._connect() as db:
            return [_run(r) for r in db.execute(sql, args).fetchall()]

    def unfinished(self, job: str | None = None, since: datetime | None = None) -> list[Run]:
        """Runs that still need a build or a delivery, oldest first."""
        states = TO_BUILD + TO_DELIVER
        sql = f"SELECT * FROM runs WHERE status IN ({','.join('?' * len(states))})"
        args: list = list(states)
        if job:
            sql += " AND job = ?"
            args.append(job)
        if since:
            sql += " AND fire_time >= ?"
            args.append(stamp(since))
        with self._connect() as db:
            return [_run(r) for r in db.execute(sql + " ORDER BY fire_time, id", args).fetchall()]

    def previous(self, job: str, before: Run) -> Run | None:
        """The job's latest run before ``before`` that has a briefing to compare with."""
        sql = (f"SELECT * FROM runs WHERE job = ? AND id != ? AND fire_time <= ? AND status IN "
               f"({','.join('?' * len(HAS_BRIEFING))}) ORDER BY fire_time DESC, id DESC LIMIT 1")
        with self._connect() as db:
            row = db.execute(sql, (job, before.id, before.fire_time, *HAS_BRIEFING)).fetchone()
        return _run(row) if row else None

    def last_run(self, job: str) -> Run | None:
        runs = self.runs(job, limit=1)
        return runs[0] if runs else None

    # --- deliveries ---------------------------------------------------------------------------

    def record_delivery(self, run_id: int, channel: str, target: str, status: str, attempts: int,
                        error: str | None = None) -> None:
        with self._connect() as db:
            db.execute("INSERT INTO deliveries (run_id, channel, target, status, attempts, error, at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, channel, target) DO UPDATE SET "
                       "status = excluded.status, attempts = deliveries.attempts + excluded.attempts, "
                       "error = excluded.error, at = excluded.at",
                       (run_id, channel, target, status, attempts, error, stamp(now_utc())))

    def deliveries(self, run_id: int) -> list[DeliveryRecord]:
        with self._connect() as db:
            rows = db.execute("SELECT * FROM deliveries WHERE run_id = ? ORDER BY channel, target",
                              (run_id,)).fetchall()
        return [DeliveryRecord(**dict(r)) for r in rows]

    def delivered(self, run_id: int, channel: str, target: str) -> bool:
        with self._connect() as db:
            row = db.execute("SELECT status FROM deliveries WHERE run_id = ? AND channel = ? AND target = ?",
                             (run_id, channel, target)).fetchone()
        return bool(row) and row["status"] == OK

    # --- the story ----------------------------------------------------------------------------

    def event(self, run_id: int, text: str) -> None:
        log.info("run %s: %s", run_id, text)
        with self._connect() as db:
            db.execute("INSERT INTO events (run_id, at, text) VALUES (?, ?, ?)", (run_id, stamp(now_utc()), text))

    def events(self, run_id: int) -> list[tuple[str, str]]:
        with self._connect() as db:
            rows = db.execute("SELECT at, text FROM events WHERE run_id = ? ORDER BY rowid", (run_id,)).fetchall()
        return [(r["at"], r["text"]) for r in rows]


def _run(row: sqlite3.Row) -> Run:
    d = dict(row)
    d["sources"] = json.loads(d["sources"] or "[]")
    d["outputs"] = json.loads(d["outputs"] or "[]")
    return Run(**d)


@contextmanager
def run_lock(ledger: Ledger, run_id: int) -> Iterator[bool]:
    """Hold the run's lock while building or delivering it; yields False when another process has it.

    The kernel drops an flock when its process dies, so a run marked running whose lock is free
    was interrupted (its scheduler was killed), not still going.
    """
    folder = ledger.path.parent / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / f"run-{run_id}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


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


def history_table(ledger: Ledger, job: str | None = None, limit: int = 20) -> str:
    runs = ledger.runs(job, limit)
    if not runs:
        return "no runs yet" + (f" of job {job!r}" if job else "")
    header = ("RUN", "JOB", "SCHEDULED (UTC)", "STARTED (UTC)", "TOOK", "TRIES", "STATUS", "DELIVERY", "NOTE")
    rows = []
    for r in runs:
        events = ledger.events(r.id)
        note = r.error or (events[-1][1] if events else "")
        note = " ".join(note.split())
        rows.append((str(r.id), r.job, _short(r.fire_time), _short(r.started), _took(r), str(r.attempts),
                     r.status, delivery_summary(ledger.deliveries(r.id)), note[:70] + ("…" if len(note) > 70 else "")))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]]
    return "\n".join(lines)


def run_story(ledger: Ledger, run_id: int) -> str:
    """One run in full: its key and outcome, every step, each delivery, the files it built."""
    try:
        r = ledger.get(run_id)
    except KeyError:
        raise UsageError(f"no run {run_id} in the ledger") from None
    lines = [f"run {r.id} of {r.job} ({r.trigger}), scheduled {_short(r.fire_time)}: {r.status}"
             + (f" - {r.error}" if r.error else "")]
    lines += [f"  {_short(at)}  {text}" for at, text in ledger.events(r.id)]
    for d in ledger.deliveries(r.id):
        lines.append(f"  {d.channel} to {d.target}: {d.status} after {d.attempts} attempts"
                     + (f" ({d.error})" if d.error else ""))
    lines += [f"  source {s['file']} sha256 {s['sha256'][:12]}" for s in r.sources]
    lines += [f"  output {o['file']} sha256 {o['sha256'][:12]}" for o in r.outputs]
    return "\n".join(lines)


def show_history(config: Config, job: str | None = None, limit: int = 20, run: int | None = None) -> str:
    """The ledger as a readable table, newest run first; or, given ``run``, that run's whole story."""
    path = config.resolve(config.state) / "ledger.sqlite"
    if not path.is_file():
        return "no runs yet (the ledger is created by the first run)"
    if run is not None:
        return run_story(Ledger(path), run)
    return history_table(Ledger(path), job, limit)
