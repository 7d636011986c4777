"""The run ledger, the scheduler's store: one row per run (job id + scheduled fire time), its
deliveries and its story. SQL only, through SQLAlchemy; nothing here knows about files or processes.

The key (job, fire_time) is unique, so a run that a restart or a second process meets again is
found, not repeated. By default the ledger is SQLite in the state folder; any SQLAlchemy URL whose
dialect offers ``INSERT ... ON CONFLICT`` (SQLite, PostgreSQL) serves as well.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    inspect,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import CreateTable

from .states import HAS_BRIEFING, OK, RUNNING, TO_BUILD, TO_DELIVER

log = logging.getLogger(__name__)

metadata = MetaData()
# The same tables the ledger has had since its first version: an existing ledger file needs no migration.
runs_table = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("job", Text, nullable=False),
    Column("fire_time", Text, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("started", Text),
    Column("ended", Text),
    Column("status", Text, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("sources", Text, nullable=False, server_default="[]"),
    Column("outputs", Text, nullable=False, server_default="[]"),
    Column("error", Text),
    UniqueConstraint("job", "fire_time"),
    sqlite_autoincrement=True,
)
deliveries_table = Table(
    "deliveries", metadata,
    Column("run_id", Integer, ForeignKey("runs.id"), primary_key=True),
    Column("channel", String, primary_key=True),
    Column("target", String, primary_key=True),
    Column("status", Text, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("error", Text),
    Column("at", Text, nullable=False),
)
events_table = Table(
    "events", metadata,
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("at", Text, nullable=False),
    Column("text", Text, nullable=False),
)
files_table = Table(
    "run_files", metadata,
    Column("run_id", Integer, ForeignKey("runs.id"), primary_key=True),
    Column("name", String, primary_key=True),
    Column("content", LargeBinary, nullable=False),
)
"""A run's built files, when the ledger is a shared database (runs.py: any machine can deliver them)."""
_LOCK_SPACE = 0x6272_6965_0000_0000
"""Advisory lock keys of runs: run ids offset into a range of their own ('brie'), apart from other users."""
_SCHEMA_LOCK = 0x6272_6973_6368_656D
"""The advisory lock key under which processes take turns creating tables ("brischem"; the runs' keys begin "brie")."""


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


@cache
def engine_for(url: str) -> Engine:
    """One engine per process and URL, shared by the ledger and the annotation table (annotation_table.py)."""
    if url.startswith("sqlite"):
        # One connection per call, as jobs run in threads and builds in forked processes; WAL lets
        # `briefing history` read while the scheduler writes.
        engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", lambda db, _: db.execute("PRAGMA journal_mode=WAL"))
    else:
        engine = create_engine(url, pool_pre_ping=True)
    _engines[url] = engine
    return engine


def _fresh_pools_after_fork() -> None:
    # A forked child (a build's reader, a pool worker) must not use its parent's open connections.
    for engine in _engines.values():
        engine.dispose(close=False)


_engines: dict[str, Engine] = {}
os.register_at_fork(after_in_child=_fresh_pools_after_fork)


@cache
def create_tables(url: str, tables: MetaData = metadata) -> None:
    """Once per process, URL and set of tables; job threads and other processes may race to it."""
    with engine_for(url).begin() as db:
        create_in(db, tables)


def create_in(db: Connection, tables: MetaData) -> None:
    """Create the missing ``tables`` in ``db``'s transaction, which then holds the schema lock until it ends.

    IF NOT EXISTS is enough in SQLite, which writes one transaction at a time. In PostgreSQL it is not:
    of two sessions creating the same table at once, the second fails on the catalog's unique index
    (the first's table is not committed when it looks), as two workers' first builds did under load.
    So creators take turns under a transaction-level advisory lock, and the later one finds the tables.
    """
    if db.dialect.name == "postgresql":
        db.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SCHEMA_LOCK})
    for table in tables.sorted_tables:
        db.execute(CreateTable(table, if_not_exists=True))


def insert_for(engine: Engine):
    """The dialect's INSERT with ON CONFLICT, which the ledger's idempotent writes rely on."""
    dialects = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
    try:
        return dialects[engine.dialect.name]
    except KeyError:
        raise ValueError(f"the run ledger needs SQLite or PostgreSQL, not {engine.dialect.name}") from None


class Ledger:
    """The ledger at a SQLAlchemy URL. ``create=False`` opens it for reading only (tables may be missing)."""

    def __init__(self, url: str, create: bool = True) -> None:
        self.url = url
        self.engine = engine_for(url)
        if create:
            create_tables(url)

    def exists(self) -> bool:
        return inspect(self.engine).has_table("runs")

    # --- runs ---------------------------------------------------------------------------------

    def claim(self, job: str, fire_time: datetime, trigger: str, status: str = RUNNING) -> Run:
        """The run of ``job`` at ``fire_time``: created when new, else the existing one, unchanged.

        One statement in one transaction on the unique key: of any number of processes (or machines)
        claiming the same run at once, one creates it and all get the same row.
        """
        key = stamp(fire_time)
        with self.engine.begin() as db:
            db.execute(self._new_run(job=job, fire_time=key, trigger=trigger, status=status))
            row = db.execute(select(runs_table).where(runs_table.c.job == job, runs_table.c.fire_time == key)).one()
        return _run(row._mapping)

    def record_not_run(self, job: str, fire_time: datetime, status: str, why: str) -> None:
        """A fire that was not run (missed, skipped), finished at once; nothing when the run exists."""
        with self.engine.begin() as db:
            db.execute(self._new_run(job=job, fire_time=stamp(fire_time), trigger="schedule", status=status,
                                     ended=stamp(now_utc()), error=why))

    def _new_run(self, **values: Any):
        new = insert_for(self.engine)(runs_table).values(**values)
        return new.on_conflict_do_nothing(index_elements=["job", "fire_time"])

    @contextmanager
    def hold(self, run_id: int) -> Iterator[bool]:
        """Hold the run for this process across machines; yields False when another one holds it.

        On PostgreSQL a session advisory lock on a connection kept open meanwhile: the server frees it
        when the holder's connection ends, so a killed worker's run is free again at once. SQLite is
        one machine, where the state folder's file lock (state_folder.run_lock) is the whole story.
        """
        if self.engine.dialect.name != "postgresql":
            yield True
            return
        with self.engine.connect() as db:
            key = _LOCK_SPACE + run_id
            if not db.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar():
                yield False
                return
            try:
                yield True
            finally:
                db.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                db.commit()

    def get(self, run_id: int) -> Run:
        with self.engine.connect() as db:
            row = db.execute(select(runs_table).where(runs_table.c.id == run_id)).first()
        if row is None:
            raise KeyError(run_id)
        return _run(row._mapping)

    def _update(self, run_id: int, **values: Any) -> None:
        with self.engine.begin() as db:
            db.execute(update(runs_table).where(runs_table.c.id == run_id).values(**values))

    def start(self, run_id: int) -> Run:
        """Mark a build attempt as begun."""
        self._update(run_id, status=RUNNING, started=stamp(now_utc()), ended=None, error=None,
                     attempts=runs_table.c.attempts + 1)
        return self.get(run_id)

    def finish(self, run_id: int, status: str, error: str | None = None) -> None:
        self._update(run_id, status=status, ended=stamp(now_utc()), error=error)

    def set_status(self, run_id: int, status: str) -> None:
        self._update(run_id, status=status)

    def set_sources(self, run_id: int, sources: list[dict]) -> None:
        self._update(run_id, sources=json.dumps(sources))

    def set_outputs(self, run_id: int, outputs: list[dict]) -> None:
        self._update(run_id, outputs=json.dumps(outputs))

    def runs(self, job: str | None = None, limit: int = 20) -> list[Run]:
        """The newest runs first."""
        query = select(runs_table)
        if job:
            query = query.where(runs_table.c.job == job)
        query = query.order_by(runs_table.c.fire_time.desc(), runs_table.c.id.desc()).limit(limit)
        return self._runs(query)

    def unfinished(self, job: str | None = None, since: datetime | None = None) -> list[Run]:
        """Runs that still need a build or a delivery, oldest first."""
        query = select(runs_table).where(runs_table.c.status.in_(TO_BUILD + TO_DELIVER))
        if job:
            query = query.where(runs_table.c.job == job)
        if since:
            query = query.where(runs_table.c.fire_time >= stamp(since))
        return self._runs(query.order_by(runs_table.c.fire_time, runs_table.c.id))

    def previous(self, job: str, before: Run) -> Run | None:
        """The job's latest run before ``before`` that has a briefing to compare with."""
        query = (select(runs_table)
                 .where(runs_table.c.job == job, runs_table.c.id != before.id,
                        runs_table.c.fire_time <= before.fire_time, runs_table.c.status.in_(HAS_BRIEFING))
                 .order_by(runs_table.c.fire_time.desc(), runs_table.c.id.desc()).limit(1))
        found = self._runs(query)
        return found[0] if found else None

    def last_run(self, job: str) -> Run | None:
        runs = self.runs(job, limit=1)
        return runs[0] if runs else None

    def _runs(self, query) -> list[Run]:
        with self.engine.connect() as db:
            return [_run(r._mapping) for r in db.execute(query)]

    # --- deliveries ---------------------------------------------------------------------------

    def record_delivery(self, run_id: int, channel: str, target: str, status: str, attempts: int,
                        error: str | None = None) -> None:
        new = insert_for(self.engine)(deliveries_table).values(run_id=run_id, channel=channel, target=target,
                                                             status=status, attempts=attempts, error=error,
                                                             at=stamp(now_utc()))
        again = new.on_conflict_do_update(
            index_elements=["run_id", "channel", "target"],
            set_={"status": new.excluded.status, "attempts": deliveries_table.c.attempts + new.excluded.attempts,
                  "error": new.excluded.error, "at": new.excluded.at})
        with self.engine.begin() as db:
            db.execute(again)

    def deliveries(self, run_id: int) -> list[DeliveryRecord]:
        query = (select(deliveries_table).where(deliveries_table.c.run_id == run_id)
                 .order_by(deliveries_table.c.channel, deliveries_table.c.target))
        with self.engine.connect() as db:
            return [DeliveryRecord(**r._mapping) for r in db.execute(query)]

    def delivered(self, run_id: int, channel: str, target: str) -> bool:
        query = select(deliveries_table.c.status).where(
            deliveries_table.c.run_id == run_id, deliveries_table.c.channel == channel,
            deliveries_table.c.target == target)
        with self.engine.connect() as db:
            return db.execute(query).scalar() == OK

    # --- built files ----------------------------------------------------------------------------

    def store_files(self, run_id: int, files: dict[str, bytes]) -> None:
        """The run's built files, replacing what an earlier attempt stored, in one transaction."""
        with self.engine.begin() as db:
            db.execute(delete(files_table).where(files_table.c.run_id == run_id))
            if files:
                rows = [{"run_id": run_id, "name": n, "content": c} for n, c in files.items()]
                db.execute(files_table.insert(), rows)

    def files(self, run_id: int) -> dict[str, bytes]:
        query = select(files_table.c.name, files_table.c.content).where(files_table.c.run_id == run_id)
        with self.engine.connect() as db:
            return dict(db.execute(query.order_by(files_table.c.name)).all())

    def runs_with_files(self, run_ids: list[int]) -> set[int]:
        """Which of ``run_ids`` have built files here."""
        query = select(files_table.c.run_id).where(files_table.c.run_id.in_(run_ids)).distinct()
        with self.engine.connect() as db:
            return set(db.execute(query).scalars())

    def drop_files(self, run_id: int) -> int:
        with self.engine.begin() as db:
            return db.execute(delete(files_table).where(files_table.c.run_id == run_id)).rowcount

    # --- the story ----------------------------------------------------------------------------

    def event(self, run_id: int, text: str) -> None:
        log.info("run %s: %s", run_id, text)
        with self.engine.begin() as db:
            db.execute(events_table.insert().values(run_id=run_id, at=stamp(now_utc()), text=text))

    def events(self, run_id: int) -> list[tuple[str, str]]:
        # In the order written: SQLite's rowid, elsewhere the time stamp.
        order = literal_column("rowid") if self.engine.dialect.name == "sqlite" else events_table.c.at
        query = select(events_table.c.at, events_table.c.text).where(events_table.c.run_id == run_id).order_by(order)
        with self.engine.connect() as db:
            return [(r.at, r.text) for r in db.execute(query)]


def _run(row: Any) -> Run:
    d = dict(row)
    d["sources"] = json.loads(d["sources"] or "[]")
    d["outputs"] = json.loads(d["outputs"] or "[]")
    return Run(**d)
