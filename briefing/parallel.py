"""Two independent pieces of work side by side: one in a forked worker process, one here.

Reading the sources (tokenizer, tagger, date inference, rules) and loading the renderers
(WeasyPrint, python-docx) each take a second or more and do not depend on each other; so do
rendering the PDF and rendering the other formats. On a machine with more than one core they run
side by side. Where a process may not start children (a daemonic process) or cannot fork, the
same work runs one step after the other, with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")


def can_fork() -> bool:
    return ("fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon
            and (os.cpu_count() or 1) > 1)


def side_by_side(work: Callable[[], T], meanwhile: Callable[[], U]) -> tuple[T, U]:
    """``work()`` in a forked worker and ``meanwhile()`` here, at the same time; returns both results.

    An exception raised by ``work`` is raised here, as if it had run in this process.
    """
    if not can_fork():
        here = meanwhile()
        return work(), here
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            outcome: tuple[bool, object] = (True, work())
        except BaseException as e:  # noqa: BLE001 - every failure goes back to the parent
            outcome = (False, e)
        try:
            send.send(outcome)
        except (pickle.PicklingError, TypeError, AttributeError) as e:
            send.send((False, RuntimeError(f"the worker's result could not be passed back: {e}")))

    worker = context.Process(target=child, name="briefing-reader")
    worker.start()
    send.close()
    try:
        here = meanwhile()
        try:
            ok, value = receive.recv()
        except EOFError:
            raise RuntimeError(f"the worker reading the sources ended unexpectedly "
                               f"(exit code {worker.exitcode})") from None
    finally:
        worker.join()
        receive.close()
    if not ok:
        raise value  # type: ignore[misc]
    return value, here  # type: ignore[return-value]
