"""The source cache in the state folder: what each feed and page URL gave when it was last fetched.

Per URL it keeps the validators for a conditional GET (ETag, Last-Modified), the extracted article
(text, title, author, date and where the date came from) with its content hash, a feed's items,
when it was last asked and last downloaded, and the last error. ``--offline`` builds from it alone,
and a source that fails today is built from what it gave before. SQLite, so builds running side by
side (a scheduled job and a one-off build) each see whole rows.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

log = logging.getLogger(__name__)

FILE = "sources.sqlite"


@dataclass
class CachedEntry:
    url: str
    kind: str
    """feed | page"""
    etag: str | None = None
    last_modified: str | None = None
    checked_at: str | None = None
    """When the URL was last asked (an answer of 304 counts), ISO time in UTC."""
    fetched_at: str | None = None
    """When its content was last downloaded."""
    content_hash: str | None = None
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: str | None = None
    text: str | None = None
    items: list[dict] = field(default_factory=list)
    """For a feed: its items, newest first, each {url, title, published, author}."""
    last_error: str | None = None


_COLUMNS = [f.name for f in fields(CachedEntry)]


class SourceCache:
    """One connection for a run; each write is its own transaction, so a build that dies keeps what it fetched."""

    def __init__(self, state: Path) -> None:
        self.path = state / FILE
        state.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable at checkpoints, no fsync per row
        with self.db:
            self.db.execute(f"CREATE TABLE IF NOT EXISTS entries ({', '.join(_COLUMNS)}, PRIMARY KEY (url))")

    def close(self) -> None:
        self.db.close()

    def get(self, url: str) -> CachedEntry | None:
        row = self.db.execute(f"SELECT {', '.join(_COLUMNS)} FROM entries WHERE url = ?", (url,)).fetchone()
        return _entry(row) if row else None

    def put(self, entry: CachedEntry) -> None:
        values = asdict(entry)
        values["items"] = json.dumps(entry.items, ensure_ascii=False)
        marks = ", ".join("?" for _ in _COLUMNS)
        with self.db:
            self.db.execute(f"INSERT OR REPLACE INTO entries ({', '.join(_COLUMNS)}) VALUES ({marks})",
                            [values[c] for c in _COLUMNS])


def _entry(row: tuple) -> CachedEntry:
    values = dict(zip(_COLUMNS, row))
    values["items"] = json.loads(values["items"] or "[]")
    return CachedEntry(**values)
