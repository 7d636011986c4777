"""The annotation cache in the ledger database, where every worker on every machine sees it.

The same cache as annotation_cache.AnnotationCache (the same keys: what annotation reads of a
source and the extraction's code version; each entry with the lexicon hashes it was made with),
stored in a table of the database `ledger:` names instead of the state folder. It is used when
`ledger:` is set or with `executor: celery` (then the default SQLite ledger of the state folder);
a plain local build keeps the files.

A second table holds *claims*: which process is annotating which source right now. Workers that
share a build's sources (fan_out.py) each claim what they take, so no source is annotated twice
while its claimer lives; a claim older than its lease is taken over (its holder died), and an
entry stored ends its claim. Entries are pickles like the file cache's: the ledger database must be
as trusted as the code.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import socket
import time
from collections import Counter
from typing import Any

from sqlalchemy import Column, Float, LargeBinary, MetaData, String, Table, Text, delete, func, select, update

from .annotation_cache import KEEP_DAYS, AnnotationCache
from .annotation_cache import cache_for as cache_for  # which cache a build uses: decided there, without SQLAlchemy
from .scheduler.ledger import create_tables, engine_for, insert_for

log = logging.getLogger(__name__)

WORKER_ENV = "BRIEFING_WORKER_NAME"
"""The Celery worker's node name (set by `briefing worker`; its pool and build processes inherit it)."""
BATCH = 500
"""Keys per query: a 1,000-source build reads its entries in two."""

tables = MetaData()
annotations_table = Table(
    "annotations", tables,
    Column("key", String(64), primary_key=True),
    Column("lexicons", Text, nullable=False),  # JSON {data file: hash} of the lexicons read when it was made
    Column("found", LargeBinary, nullable=False),
    Column("made_by", Text, nullable=False),
    Column("used", Float, nullable=False),
)
claims_table = Table(
    "annotation_claims", tables,
    Column("key", String(64), primary_key=True),
    Column("holder", Text, nullable=False),
    Column("at", Float, nullable=False),
)


def worker_name() -> str:
    """Who annotates here, in the words `briefing worker` logs: its node name, else this host."""
    return os.environ.get(WORKER_ENV) or socket.gethostname()


def holder_name() -> str:
    """One process: claims name it, so two processes of one worker never share a claim."""
    return f"{worker_name()} pid {os.getpid()}"


def _batches(keys: list[str]) -> list[list[str]]:
    return [keys[i:i + BATCH] for i in range(0, len(keys), BATCH)]


class AnnotationTable(AnnotationCache):
    """The annotation cache at a SQLAlchemy URL (the ledger's)."""

    def __init__(self, url: str, lexicons: dict[str, str] | None = None) -> None:
        super().__init__(folder=None, lexicons=lexicons)  # type: ignore[arg-type]
        self.url = url
        self.engine = engine_for(url)
        create_tables(url, tables)

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = dict.fromkeys(keys)
        for batch in _batches(keys):
            query = select(annotations_table.c.key, annotations_table.c.lexicons, annotations_table.c.found) \
                .where(annotations_table.c.key.in_(batch))
            with self.engine.connect() as db:
                rows = db.execute(query).all()
            for key, lexicons, blob in rows:
                found[key] = self._valid(self._unpickle(key, lexicons, blob))
        self._touch([key for key, value in found.items() if value is not None])
        return found

    @staticmethod
    def _unpickle(key: str, lexicons: str, blob: bytes) -> tuple[dict[str, str], Any] | None:
        try:
            return json.loads(lexicons), pickle.loads(blob)
        except Exception as e:  # noqa: BLE001 - a damaged entry is only a miss
            log.info("annotation cache: entry %s cannot be read back (%s); annotating again", key[:12], e)
            return None

    def _load(self, key: str) -> tuple[dict[str, str], Any] | None:
        raise NotImplementedError  # get_many reads in batches

    def _touch(self, keys: list[str]) -> None:
        now = time.time()
        for batch in _batches(keys):
            with self.engine.begin() as db:
                db.execute(update(annotations_table).where(annotations_table.c.key.in_(batch)).values(used=now))

    def _save(self, key: str, read: dict[str, str], found: Any) -> None:
        """Store the entry and end its claim, in one transaction."""
        values = {"key": key, "lexicons": json.dumps(read, sort_keys=True), "made_by": worker_name(),
                  "found": pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL), "used": time.time()}
        new = insert_for(self.engine)(annotations_table).values(**values)
        upsert = new.on_conflict_do_update(index_elements=["key"], set_={k: new.excluded[k] for k in values
                                                                          if k != "key"})
        with self.engine.begin() as db:
            db.execute(upsert)
            db.execute(delete(claims_table).where(claims_table.c.key == key))

    def prune(self, unused_days: float = KEEP_DAYS) -> int:
        limit = time.time() - unused_days * 86400
        with self.engine.begin() as db:
            db.execute(delete(claims_table).where(claims_table.c.at < limit))
            return db.execute(delete(annotations_table).where(annotations_table.c.used < limit)).rowcount

    # --- claims ---------------------------------------------------------------------------------

    def claim(self, keys: list[str], lease_seconds: float) -> list[str]:
        """Of ``keys``, those this process may annotate now: unclaimed ones, and those whose claim
        is older than ``lease_seconds`` (taken over). One transaction: of processes claiming the
        same key at once, one gets it."""
        if not keys:
            return []
        me, now = holder_name(), time.time()
        new = insert_for(self.engine)(claims_table).values([{"key": k, "holder": me, "at": now} for k in keys])
        taken_over = (update(claims_table)
                      .where(claims_table.c.key.in_(keys), claims_table.c.at < now - lease_seconds)
                      .values(holder=me, at=now))
        mine = select(claims_table.c.key).where(claims_table.c.key.in_(keys), claims_table.c.holder == me,
                                                claims_table.c.at == now)
        with self.engine.begin() as db:
            db.execute(new.on_conflict_do_nothing(index_elements=["key"]))
            dead = db.execute(taken_over).rowcount
            got = set(db.execute(mine).scalars())
        if dead:
            log.warning("took over %d sources another process claimed over %g s ago and has not annotated "
                        "(its worker died?)", dead, lease_seconds)
        return [k for k in keys if k in got]

    def release(self, keys: list[str]) -> None:
        """Give up this process's claims on ``keys`` (it could not annotate them): others take them at once."""
        with self.engine.begin() as db:
            db.execute(delete(claims_table).where(claims_table.c.key.in_(keys),
                                                  claims_table.c.holder == holder_name()))

    def makers(self, keys: list[str] | None = None) -> Counter[str]:
        """How many of the entries of ``keys`` (None: all) each worker made (worker_name())."""
        counts: Counter[str] = Counter()
        for batch in _batches(keys) if keys is not None else [None]:
            query = select(annotations_table.c.made_by, func.count()).group_by(annotations_table.c.made_by)
            if batch is not None:
                query = query.where(annotations_table.c.key.in_(batch))
            with self.engine.connect() as db:
                counts.update(dict(db.execute(query).all()))
        return counts

