"""Annotating many sources: from the annotation cache where it holds them, the rest in a pool of
worker processes (``workers:``), returned in the sources' order, the same as in one process."""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from collections.abc import Callable

from .annotation_cache import AnnotationCache, Found, source_key
from .model import AnnotatedSource, Source
from .progress import Stage

log = logging.getLogger(__name__)

_aliases: dict[str, str] = {}
_cache: AnnotationCache | None = None


Spread = Callable[[list[tuple[Source, str]]], "list[Found] | None"]
"""Annotates (source, cache key) jobs elsewhere (on Celery workers: scheduler/fan_out.py), in order;
None when it leaves them to this machine."""


def annotate_all(sources: list[Source], extra_aliases: dict[str, str], cache: AnnotationCache | None,
                 workers: int | None = None, spread: Spread | None = None) -> list[AnnotatedSource]:
    """What each source yields (quotes, positions, meetings, background), in the sources' order."""
    keys = [source_key(s, extra_aliases) for s in sources]
    kept = cache.get_many(keys) if cache else {}
    found: list[Found | None] = [kept.get(k) for k in keys]
    missing = [i for i, f in enumerate(found) if f is None]
    log.info("annotation cache: %d of %d sources annotated before, %d to annotate", len(sources) - len(missing),
             len(sources), len(missing))
    with Stage("annotate", len(sources)) as stage:
        stage.advance(len(sources) - len(missing))
        jobs = [(sources[i], keys[i]) for i in missing]
        spread_out = spread(jobs) if spread is not None and jobs else None
        done = spread_out if spread_out is not None else _annotate(jobs, extra_aliases, cache,
                                                                   workers or os.cpu_count() or 1)
        for i, f in zip(missing, done):
            found[i] = f
            stage.advance()
    if cache is not None:
        cache.prune()
    return [f.attach(s) for f, s in zip(found, sources)]  # type: ignore[union-attr]


def _annotate(jobs: list[tuple[Source, str]], extra_aliases: dict[str, str], cache: AnnotationCache | None,
              workers: int):
    """Yield each job's Found in order: here when one process is enough, else from a forked pool."""
    _init(extra_aliases, cache)
    workers = min(workers, len(jobs))
    if workers < 2 or not _can_fork():
        yield from map(_work, jobs)
        return
    _load_models({s.language for s, _ in jobs})
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(extra_aliases, cache)) as pool:
        yield from pool.imap(_work, jobs, chunksize=1)


def annotate_here(jobs: list[tuple[Source, str]], extra_aliases: dict[str, str],
                  cache: AnnotationCache | None) -> list[Found]:
    """Each job's Found, annotated in this process (and stored in ``cache``)."""
    _init(extra_aliases, cache)
    return [_work(job) for job in jobs]


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon


def _load_models(languages: set[str]) -> None:
    """Load the tokenizer and tagger before forking, so the workers share them instead of each
    loading its own (a second or two per worker)."""
    from .nlp.segment import _tagger, _tokenizer

    for language in sorted(languages):
        _tokenizer(language), _tagger(language)


def _init(extra_aliases: dict[str, str], cache: AnnotationCache | None) -> None:
    global _aliases, _cache
    _aliases, _cache = extra_aliases, cache


def _init_worker(extra_aliases: dict[str, str], cache: AnnotationCache | None) -> None:
    # Ctrl-C is the building process's to handle (it ends the pool); a worker stays quiet.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init(extra_aliases, cache)


def _work(job: tuple[Source, str]) -> Found:
    from .nlp.annotate import annotate  # a build whose sources are all cached never loads the extraction

    source, key = job
    try:
        found = Found.of(annotate(source, _aliases))
    except Exception as e:  # noqa: BLE001 - a fault of ours on one article must not cost the whole briefing
        log.warning("%s: the extraction failed (%s: %s); the briefing goes on without it", source.id,
                    type(e).__name__, e, exc_info=log.isEnabledFor(logging.DEBUG))
        return Found(unread=f"{type(e).__name__}: {e}")
    if _cache is not None:
        _cache.put(key, found)
    return found
