"""Two independent pieces of work side by side: one in a forked worker process, one here.

Reading the sources (tokenizer, tagger, date inference, rules) and assembling the briefings, and
loading the renderers (WeasyPrint), do not depend on each other; neither do rendering the PDF and
rendering the other formats. On a machine with more than one core they run side by side. Where a
process may not start children (a daemonic process) or cannot fork, the same work runs one step
after the other, with the same result.

What the worker logs is handled here, by this process's handlers, as if it had been logged here.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from logging.handlers import QueueHandler
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
U = TypeVar("U")

LOG, RESULT = "log", "result"
"""The two kinds of message the worker sends: a log record, then its one result."""


def can_fork() -> bool:
    return ("fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon
            and (os.cpu_count() or 1) > 1)


LOCK_WAIT = 10.0
"""Seconds a message waits for the pipe. A process ended while writing (a pool worker terminated)
leaves the lock taken: after this wait a log record is dropped and the result sent all the same."""


class _Channel:
    """The worker's end of the pipe, shared with the processes it forks in turn (the annotation
    pool): a lock keeps one message from being written into the middle of another."""

    def __init__(self, send: Any, lock: Any) -> None:
        self.send, self.lock = send, lock

    def put(self, kind: str, value: object) -> None:
        locked = self.lock.acquire(timeout=LOCK_WAIT)
        if not locked and kind == LOG:
            return
        try:
            self.send.send((kind, value))
        finally:
            if locked:
                self.lock.release()

    def put_nowait(self, record: logging.LogRecord) -> None:
        """What logging's QueueHandler calls: a record, already formatted into its message."""
        self.put(LOG, record)


def side_by_side(work: Callable[[], T], meanwhile: Callable[[], U],
                 while_waiting: Sequence[Callable[[], object]] = ()) -> tuple[T, U]:
    """``work()`` in a forked worker and ``meanwhile()`` here, at the same time; returns both results.

    Once ``meanwhile()`` is done, each of ``while_waiting`` runs here in turn as long as the worker's
    result has not come: preparation that only saves time later (warming a renderer), so a worker that
    is done first waits for none of it; one that fails costs nothing but its time. Without a worker
    they are skipped: there is no waiting to fill.

    An exception raised by ``work`` is raised here, as if it had run in this process.
    """
    if not can_fork():
        here = meanwhile()
        return work(), here
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    channel = _Channel(send, context.Lock())

    def child() -> None:
        logging.getLogger().handlers = [QueueHandler(channel)]  # type: ignore[arg-type]
        try:
            outcome: tuple[bool, object] = (True, work())
        except BaseException as e:  # noqa: BLE001 - every failure goes back to the parent
            outcome = (False, e)
        try:
            channel.put(RESULT, outcome)
        except (pickle.PicklingError, TypeError, AttributeError) as e:
            channel.put(RESULT, (False, RuntimeError(f"the worker's result could not be passed back: {e}")))

    worker = context.Process(target=child, name="briefing-worker")
    worker.start()
    send.close()
    try:
        here = meanwhile()
        ok, value = _result(receive, worker, iter(while_waiting))
    except BaseException:
        worker.join()
        raise
    finally:
        receive.close()
    # The worker's result was its last message: its exit (the kernel taking back its memory, some
    # milliseconds) is not waited for. multiprocessing reaps it when this process starts another one
    # (``Process.start``) or ends.
    if not ok:
        raise value  # type: ignore[misc]
    return value, here  # type: ignore[return-value]


def _result(receive: Any, worker: Any, idle: Iterator[Callable[[], object]]) -> tuple[bool, object]:
    """The worker's result; each log record that comes before it is handled here on its way, and while
    nothing has come, the next of ``idle`` runs."""
    while True:
        if not receive.poll() and (step := next(idle, None)) is not None:
            _try(step)
            continue
        try:
            kind, value = receive.recv()
        except EOFError:
            raise RuntimeError(f"the worker process ended unexpectedly (exit code {worker.exitcode})") from None
        if kind == RESULT:
            return value
        logging.getLogger(value.name).handle(value)


def _try(step: Callable[[], object]) -> None:
    try:
        step()
    except Exception as e:  # noqa: BLE001 - a preparation that fails only saves no time; the real work reports
        log.debug("preparing while waiting failed (%s: %s)", type(e).__name__, e)
