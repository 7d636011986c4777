"""side_by_side: the worker's result, its exception and its log records all arrive in this process."""

from __future__ import annotations

import logging
import multiprocessing
import os

import pytest

from briefing.parallel import can_fork, side_by_side

log = logging.getLogger("briefing.test_parallel")

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork and more than one core")


def _in_worker() -> tuple[int, str]:
    log.warning("read %d sources", 3)
    return os.getpid(), "read"


def test_results_come_back_in_order_and_the_work_ran_in_another_process():
    (pid, work), here = side_by_side(_in_worker, meanwhile=lambda: "rendered")
    assert (work, here) == ("read", "rendered")
    assert pid != os.getpid()


def test_what_the_worker_logs_reaches_this_process_handlers(caplog):
    caplog.set_level("INFO", logger="briefing")
    side_by_side(_in_worker, meanwhile=lambda: None)
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [
        ("briefing.test_parallel", "WARNING", "read 3 sources")]


def _grandchild() -> None:
    log.warning("annotated in a pool worker")


def _forks_again() -> str:
    process = multiprocessing.get_context("fork").Process(target=_grandchild)
    process.start()
    process.join()
    log.warning("pool done")
    return "done"


def test_records_of_processes_the_worker_forks_arrive_too_and_whole(caplog):
    caplog.set_level("INFO", logger="briefing")
    assert side_by_side(_forks_again, meanwhile=lambda: None)[0] == "done"
    assert [r.getMessage() for r in caplog.records] == ["annotated in a pool worker", "pool done"]


def _fails() -> None:
    raise ValueError("no usable source")


def test_the_worker_exception_is_raised_here():
    with pytest.raises(ValueError, match="no usable source"):
        side_by_side(_fails, meanwhile=lambda: None)


def _logs_a_failure() -> None:
    try:
        _fails()
    except ValueError:
        log.exception("could not read")


def test_a_logged_traceback_arrives_as_text(caplog):
    side_by_side(_logs_a_failure, meanwhile=lambda: None)
    (record,) = caplog.records
    assert record.getMessage().startswith("could not read\nTraceback")
    assert "ValueError: no usable source" in record.getMessage()
