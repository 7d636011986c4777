"""The scheduler's state folder: where the ledger, the job store, each run's built files and locks live.

Files and locks only; the ledger's rows are the ledger's (ledger.py). Reading (``briefing jobs``,
``briefing history``) never creates the folder; running does.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..config import Config
from .ledger import Ledger

ERROR_FILE = "error.txt"
"""A failed build's error, written by the build process into the run's folder."""
LOG_FILE = "build.log"
"""What the build process printed, kept beside the run's files."""


class StateFolder:
    def __init__(self, config: Config) -> None:
        self.path = config.resolve(config.state)
        self.ledger_setting = config.ledger

    @property
    def files_in_ledger(self) -> bool:
        """Whether runs keep their built files in the ledger too: when `ledger:` names a database,
        which workers on other machines share, while this folder is each machine's own."""
        return self.ledger_setting is not None

    def ensure(self) -> StateFolder:
        self.path.mkdir(parents=True, exist_ok=True)
        return self

    # --- the stores -----------------------------------------------------------------------------

    @property
    def ledger_url(self) -> str:
        """The config's `ledger` URL, else SQLite in this folder."""
        return self.ledger_setting or f"sqlite:///{self.path / 'ledger.sqlite'}"

    def ledger(self) -> Ledger:
        """The run ledger, created on first use (and the folder with it)."""
        self.ensure()
        return Ledger(self.ledger_url)

    def existing_ledger(self) -> Ledger | None:
        """The run ledger when a run has created it, else None; creates nothing."""
        if self.ledger_setting is None and not (self.path / "ledger.sqlite").is_file():
            return None
        ledger = Ledger(self.ledger_url, create=False)
        return ledger if ledger.exists() else None

    @property
    def job_store_file(self) -> Path:
        return self.path / "jobs.sqlite"

    # --- a run's files --------------------------------------------------------------------------

    def run_dir(self, run_id: int) -> Path:
        """Where a run's built files are kept, for delivery and for re-delivery after a failure."""
        return self.path / "runs" / str(run_id)

    def built_files(self, run_id: int) -> dict[str, Path]:
        """The run's built files by name (not the build's log or error, nor hidden temporary files)."""
        folder = self.run_dir(run_id)
        if not folder.is_dir():
            return {}
        return {p.name: p for p in sorted(folder.iterdir())
                if p.is_file() and p.name not in (ERROR_FILE, LOG_FILE) and not p.name.startswith(".")}

    def put_files(self, run_id: int, files: dict[str, bytes]) -> None:
        """Write a run's files (kept in the ledger) into its folder, each atomically, the JSON briefing
        last: a folder with a briefing file holds all of them."""
        folder = self.run_dir(run_id)
        folder.mkdir(parents=True, exist_ok=True)
        for name in sorted(files, key=lambda n: n.endswith(".json")):
            tmp = folder / f".{name}.tmp"
            tmp.write_bytes(files[name])
            os.replace(tmp, folder / name)

    def briefing_file(self, run_id: int) -> Path | None:
        """The run's stored JSON briefing, when it has one."""
        return next((p for n, p in self.built_files(run_id).items() if n.endswith(".json")), None)

    # --- locks ----------------------------------------------------------------------------------

    @contextmanager
    def run_lock(self, run_id: int) -> Iterator[bool]:
        """Hold the run's lock while building or delivering it; yields False when another process has it.

        A file lock for the processes of this machine, and the ledger's hold for other machines (a
        PostgreSQL ledger shared by workers). Both die with their holder, so a run marked running whose
        lock is free was interrupted (its scheduler or worker was killed), not still going.
        """
        with self._file_lock(run_id) as mine:
            if not mine:
                yield False
                return
            with self.ledger().hold(run_id) as ours:
                yield ours

    @contextmanager
    def _file_lock(self, run_id: int) -> Iterator[bool]:
        """An flock on the run's lock file; the kernel drops it when its process dies."""
        folder = self.ensure().path / "locks"
        folder.mkdir(exist_ok=True)
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

    def is_held(self, run_id: int) -> bool:
        """Whether a live process holds the run's lock; creates nothing (a missing lock file is free)."""
        try:
            fd = os.open(self.path / "locks" / f"run-{run_id}.lock", os.O_RDONLY)
        except FileNotFoundError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)
        return False
