"""The folder channel: each run's files in their own sub-folder, which appears whole or not at all.

Layout: <folder.path>/<job id>/<run stamp>/<files>. The run's files are written to a hidden
folder first and renamed into place, so a reader never sees half a run; the oldest runs beyond
``folder.keep`` are removed.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from ..config import Config, Schedule
from ..outputs import file_digest, write_atomic
from . import Parcel

log = logging.getLogger(__name__)


def targets(config: Config, job: Schedule) -> list[str]:
    return [str(config.resolve(config.folder.path))]


def retry(config: Config) -> tuple[int, float]:
    return config.folder.retries, config.folder.retry_backoff_seconds


def _same(folder: Path, files: dict[str, Path]) -> bool:
    return folder.is_dir() and all((folder / n).is_file() and file_digest(folder / n) == file_digest(p)
                                   for n, p in files.items())


def send_folder(parcel: Parcel, target: str) -> str:
    job_dir = Path(target) / parcel.job.id
    final = job_dir / parcel.stamp
    if _same(final, parcel.files):
        return f"already in {final}"
    staging = job_dir / f".{parcel.stamp}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    for name, path in parcel.files.items():
        write_atomic(staging / name, path.read_bytes())
    if final.exists():
        # A different, older copy of this run (e.g. written before a crash): the new one replaces it.
        shutil.rmtree(final)
    os.replace(staging, final)
    _prune(job_dir, parcel.config.folder.keep)
    return f"{len(parcel.files)} files to {final}"


def _prune(job_dir: Path, keep: int) -> None:
    runs = sorted(p for p in job_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    for old in runs[:max(0, len(runs) - max(1, keep))]:
        log.info("removing %s (folder.keep is %d)", old, keep)
        shutil.rmtree(old, ignore_errors=True)
