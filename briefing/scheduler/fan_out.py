"""A big build's annotation spread over the Celery workers (``executor: celery``).

A build with at least ``celery.fan_out_from`` sources still to annotate (after the annotation
cache) sends them to the broker in tasks of ``celery.chunk_sources`` sources each. Any worker
that takes such a task annotates its sources and stores each result in the annotation table of the
ledger database (annotation_table.py); the build then reads every result from there, in the
sources' order, and assembles once: the same briefing as ``executor: local``, as annotation reads
nothing but the source, the aliases and the code, which the cache key holds.

No deadlock, whatever the concurrency: the build never waits for a task to start. It takes its
own share, chunk by chunk from the back while the workers take tasks from the front, each process
claiming in the database what it annotates; then it waits only for sources a live process has
claimed. A claim older than ``celery.claim_lease_seconds`` (its worker died) is taken over by the build, and a
task reaching a worker after the build did its chunk finds nothing left and ends at once. So one
worker with one process builds alone, as fast as a local build in one process, and each further
worker process takes a share.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..annotation_cache import Found, source_key
from ..model import Source

if TYPE_CHECKING:
    from ..annotation_table import AnnotationTable
    from ..config import Config

log = logging.getLogger(__name__)

ANNOTATE = "briefing.annotate"
POLL_SECONDS = 0.3
"""How often a build waiting for other workers' sources looks in the table."""

Job = tuple[Source, str]
"""A source and its cache key."""


# --- the build's side -----------------------------------------------------------------------------

def annotate_spread(config: Config, jobs: list[Job], extra_aliases: dict[str, str],
                    cache: AnnotationTable) -> list[Found] | None:
    """Each job's Found, in order, annotated across the workers; None when the build is too small
    to be worth it (then it stays in this process's pool)."""
    if len(jobs) < config.celery.fan_out_from:
        return None
    size = config.celery.chunk_sources
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    try:
        _send(config, chunks, extra_aliases)
    except Exception as e:  # noqa: BLE001 - kombu's errors vary by transport; the build goes on alone
        log.warning("fan-out: the broker took no tasks (%s); annotating %d sources here", e, len(jobs))
    found: dict[str, Found] = {}
    lease = config.celery.claim_lease_seconds
    for chunk in reversed(chunks):  # our own share, from the other end of the queue
        _take(chunk, extra_aliases, cache, found, lease)
    _wait(jobs, extra_aliases, cache, found, lease)
    keys = [k for _, k in jobs]
    shares = ", ".join(f"{n} by {who}" for who, n in sorted(cache.makers(keys).items()))
    log.info("fan-out: %d sources in %d tasks; annotated %s", len(jobs), len(chunks), shares)
    return [found[k] for k in keys]


def _send(config: Config, chunks: list[list[Job]], extra_aliases: dict[str, str]) -> None:
    from .celery_runs import app_of

    app = app_of(config)
    for chunk in chunks:
        app.send_task(ANNOTATE, args=[[k for _, k in chunk], [source_payload(s) for s, _ in chunk], extra_aliases],
                      retry=False)


def _take(chunk: list[Job], extra_aliases: dict[str, str], cache: AnnotationTable, found: dict[str, Found],
          lease: float) -> int:
    """Annotate what of ``chunk`` is neither stored nor claimed by another process; returns how many."""
    todo = [(s, k) for s, k in chunk if k not in found]
    hits = cache.get_many([k for _, k in todo])
    found.update((k, f) for k, f in hits.items() if f is not None)
    mine = set(cache.claim([k for k, f in hits.items() if f is None], lease))
    jobs = [(s, k) for s, k in todo if k in mine]
    found.update(zip([k for _, k in jobs], annotate_claimed(jobs, extra_aliases, cache)))
    return len(jobs)


def _wait(jobs: list[Job], extra_aliases: dict[str, str], cache: AnnotationTable, found: dict[str, Found],
          lease: float) -> None:
    """Until every source is found: read what others stored; take over what they gave up or left."""
    while pending := [(s, k) for s, k in jobs if k not in found]:
        if not _take(pending, extra_aliases, cache, found, lease) and any(k not in found for _, k in pending):
            time.sleep(POLL_SECONDS)


def annotate_claimed(jobs: list[Job], extra_aliases: dict[str, str], cache: AnnotationTable) -> list[Found]:
    """Annotate the jobs this process has claimed, storing each; on failure the rest is given up."""
    from ..pool import annotate_here

    try:
        return annotate_here(jobs, extra_aliases, cache)
    except BaseException:
        cache.release([k for _, k in jobs])
        raise


# --- the worker's side ----------------------------------------------------------------------------

def annotate_task(keys: list[str], sources: list[dict[str, Any]], extra_aliases: dict[str, str]) -> int:
    """One chunk, on a worker: annotate what nobody has stored or claimed; returns how many it did."""
    from ..annotation_table import cache_for
    from ..config import load_config
    from .celery_runs import CONFIG_ENV

    jobs = [(source_of(d), k) for d, k in zip(sources, keys)]
    if any(source_key(s, extra_aliases) != k for s, k in jobs):
        # Another version of the extraction than the build's: what it made would not be the build's.
        log.warning("annotation task of %d sources left to the build: this worker runs another version of "
                    "briefing than the build", len(jobs))
        return 0
    config = load_config(os.environ.get(CONFIG_ENV))
    done = _take(jobs, extra_aliases, cache_for(config), {}, config.celery.claim_lease_seconds)
    log.info("annotated %d of %d sources of a build (the rest was taken)", done, len(jobs))
    return done


def source_payload(source: Source) -> dict[str, Any]:
    """A source as JSON for the broker (Celery's default serializer; no pickles off the network)."""
    payload = {f.name: getattr(source, f.name) for f in fields(Source)}
    payload["path"] = str(source.path) if source.path else None
    payload["published"] = source.published.isoformat() if source.published else None
    return payload


def source_of(payload: dict[str, Any]) -> Source:
    return Source(**{**payload, "path": Path(payload["path"]) if payload["path"] else None,
                     "published": date.fromisoformat(payload["published"]) if payload["published"] else None})
