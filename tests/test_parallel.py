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


def test_steps_while_waiting_run_here_while_the_worker_has_not_answered():
    started = multiprocessing.get_context("fork").Event()

    def waits_for_the_first_step() -> str:
        assert started.wait(timeout=60), "no step ran while the worker waited"
        return "read"

    ran: list[tuple[str, int]] = []
    steps = [lambda: (ran.append(("template", os.getpid())), started.set()),
             lambda: ran.append(("fonts", os.getpid()))]
    assert side_by_side(waits_for_the_first_step, meanwhile=lambda: "imported", while_waiting=steps) == (
        "read", "imported")
    assert ran[0] == ("template", os.getpid())  # here, not in the worker
    assert [name for name, _ in ran] in (["template"], ["template", "fonts"])


def _exited(pid: int) -> bool:
    """The child ``pid`` has ended (a zombie until joined): its result is in the pipe by then."""
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[0] == "Z"


def test_no_step_runs_once_the_worker_has_answered():
    worker_pid = multiprocessing.get_context("fork").Value("i", 0)

    def answers_at_once() -> str:
        worker_pid.value = os.getpid()
        return "read"

    def waits_for_the_answer() -> None:
        while not worker_pid.value or not _exited(worker_pid.value):
            os.sched_yield()

    ran: list[str] = []
    result = side_by_side(answers_at_once, meanwhile=waits_for_the_answer, while_waiting=[lambda: ran.append("x")])
    assert result == ("read", None) and ran == []


def test_a_step_that_fails_costs_only_its_time():
    release = multiprocessing.get_context("fork").Event()

    def waits() -> str:
        assert release.wait(timeout=60)
        return "read"

    def fails() -> None:
        raise RuntimeError("no fonts here")

    assert side_by_side(waits, meanwhile=lambda: None, while_waiting=[fails, release.set])[0] == "read"


def test_the_worker_is_not_waited_for_once_it_has_answered_and_is_reaped_later():
    import time

    assert side_by_side(lambda: os.getpid(), meanwhile=lambda: None)[0] != os.getpid()
    deadline = time.monotonic() + 60  # a bound for a busy machine, not a measure of speed
    while multiprocessing.active_children() and time.monotonic() < deadline:  # reaps those that ended
        time.sleep(0.01)
    assert not multiprocessing.active_children()
