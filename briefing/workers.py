"""Annotating sources in worker processes while the main process prepares the renderers.

Annotation (tokenizer, tagger, rules) and loading the renderers (WeasyPrint, python-docx) each
take about a second and do not depend on each other, so on a machine with more than one core they
run side by side. Where a process may not start children (a daemonic process) or cannot fork, the
same work runs one step after the other, with the same results.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable

from .model import AnnotatedSource, Source
from .nlp.annotate import annotate

log = logging.getLogger(__name__)


def can_fork() -> bool:
    return ("fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon
            and (os.cpu_count() or 1) > 1)


def annotate_all(sources: list[Source], extra_aliases: dict[str, str] | None,
                 meanwhile: Callable[[], object] = lambda: None) -> list[AnnotatedSource]:
    """Every source annotated (in order), with ``meanwhile()`` run in this process at the same time."""
    if not can_fork():
        meanwhile()
        return [annotate(s, extra_aliases) for s in sources]
    workers = min(len(sources), max(1, (os.cpu_count() or 2) - 1))
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending = pool.starmap_async(annotate, [(s, extra_aliases) for s in sources], chunksize=1)
        meanwhile()
        return pending.get()
