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
from collections.abc import Callable
from logging.handlers import QueueHandler
from typing import Any, TypeVar

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


def side_by_side(work: Callable[[], T], meanwhile: Callable[[], U]) -> tuple[T, U]:
    """``work()`` in a forked worker and ``meanwhile()`` here, at the same time; returns both results.

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
        ok, value = _result(receive, worker)
    finally:
        worker.join()
        receive.close()
    if not ok:
        raise value  # type: ignore[misc]
    return value, here  # type: ignore[return-value]


def _result(receive: Any, worker: Any) -> tuple[bool, object]:
    """The worker's result; each log record that comes before it is handled here on its way."""
    while True:
        try:
            kind, value = receive.recv()
        except EOFError:
            raise RuntimeError(f"the worker process ended unexpectedly (exit code {worker.exitcode})") from None
        if kind == RESULT:
            return value
        logging.getLogger(value.name).handle(value)
