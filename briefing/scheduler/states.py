"""The states a run of a job passes through, as the ledger records them.

claim -> (``queued``, for a worker) -> ``running`` -> ``built`` -> ``ok`` (or ``delivery failed``, sent
again later); a build may instead end ``failed``, ``interrupted`` or ``skipped: ...``; a fire the scheduler could not
start ends ``missed`` or ``skipped: still running``.
"""

from __future__ import annotations

RUNNING = "running"
QUEUED = "queued"
"""Claimed by the scheduler and waiting in the queue for a worker (executor: celery)."""
INTERRUPTED = "interrupted"
BUILT = "built"
OK = "ok"
DELIVERY_FAILED = "delivery failed"
FAILED = "failed"
SKIPPED_UNCHANGED = "skipped: unchanged"
SKIPPED_STALE = "skipped: stale"
SKIPPED_EMPTY = "skipped: no usable source"
SKIPPED_BUSY = "skipped: still running"
MISSED = "missed"

DONE = (OK, FAILED, SKIPPED_UNCHANGED, SKIPPED_STALE, SKIPPED_EMPTY, SKIPPED_BUSY, MISSED)
"""A run in one of these states is finished: meeting it again does nothing."""
TO_DELIVER = (BUILT, DELIVERY_FAILED)
"""Built, but not every delivery succeeded: deliver the stored files again, never rebuild."""
TO_BUILD = (RUNNING, INTERRUPTED, QUEUED)
"""The build never finished (the process died or was stopped): build again under the same key."""
HAS_BRIEFING = (OK, BUILT, DELIVERY_FAILED, SKIPPED_UNCHANGED)
"""Runs whose stored JSON can serve as the 'previous briefing' of the job's next run."""
GOOD = (OK, SKIPPED_UNCHANGED, SKIPPED_STALE)
"""Outcomes `briefing run` exits 0 for: the job did what it was configured to do."""
