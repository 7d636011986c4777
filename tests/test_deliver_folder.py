"""The folder channel: whole runs appear atomically, the last N per job are kept, nothing is copied twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import load_config
from briefing.deliver import Parcel, get_channel, send_with_retries
from briefing.deliver.folder import send_folder
from briefing.scheduler.states import DELIVERY_FAILED, OK
from briefing.scheduler.tables import run_job_now

from .briefing_factory import make_briefing
from .delivery_support import ledger_of, make_project


def _parcel(tmp_path: Path, stamp: str, content: bytes = b"{}", keep: int = 2) -> Parcel:
    config = load_config(make_project(tmp_path))
    config.folder.keep = keep
    src = tmp_path / "built" / stamp
    src.mkdir(parents=True)
    (src / "lage.json").write_bytes(content)
    (src / "lage.html").write_bytes(b"<html></html>")
    return Parcel(run_id=1, job=config.schedules[0], config=config, stamp=stamp, briefing=make_briefing(),
                  files={p.name: p for p in src.iterdir()})


def test_each_run_in_its_own_folder_and_only_the_last_n_kept(tmp_path: Path) -> None:
    target = str(tmp_path / "delivered")
    for i, stamp in enumerate(["20240501T070000Z", "20240502T070000Z", "20240503T070000Z"]):
        send_folder(_parcel(tmp_path, stamp, b'{"n": %d}' % i), target)
    runs = sorted(p.name for p in (tmp_path / "delivered" / "daily").iterdir())
    assert runs == ["20240502T070000Z", "20240503T070000Z"]
    newest = tmp_path / "delivered" / "daily" / "20240503T070000Z"
    assert sorted(p.name for p in newest.iterdir()) == ["lage.html", "lage.json"]
    assert (newest / "lage.json").read_bytes() == b'{"n": 2}'
    assert not list((tmp_path / "delivered" / "daily").glob(".*"))  # no staging folder left behind


def test_same_run_again_is_not_copied_again(tmp_path: Path) -> None:
    parcel = _parcel(tmp_path, "20240501T070000Z")
    target = str(tmp_path / "delivered")
    assert send_folder(parcel, target).startswith("2 files to")
    assert send_folder(parcel, target).startswith("already in")


@pytest.mark.slow
def test_a_folder_that_cannot_be_written_is_a_recorded_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the delivery folder should be")
    cfg_path = make_project(tmp_path, folder={"path": str(blocker), "keep": 3, "retries": 2,
                                              "retry_backoff_seconds": 0.01})
    assert run_job_now(load_config(cfg_path), "daily") == 1
    ledger = ledger_of(cfg_path)
    run = ledger.runs("daily")[0]
    assert run.status == DELIVERY_FAILED
    (record,) = ledger.deliveries(run.id)
    assert (record.channel, record.status, record.attempts) == ("folder", "failed", 2)
    assert "not-a-folder" in record.error


def test_retries_back_off_and_give_up(tmp_path: Path) -> None:
    parcel = _parcel(tmp_path, "20240501T070000Z")
    parcel.config.folder.retries, parcel.config.folder.retry_backoff_seconds = 3, 0.01
    outcome = send_with_retries(get_channel("folder"), parcel, str(tmp_path / "seeds" / "x" / "\0bad"))
    assert not outcome.ok and outcome.attempts == 3


@pytest.mark.slow
def test_job_run_delivers_only_the_jobs_formats(tmp_path: Path) -> None:
    cfg_path = make_project(tmp_path, job={"formats": ["html"]})
    assert run_job_now(load_config(cfg_path), "daily") == 0
    (run_folder,) = (tmp_path / "delivered" / "daily").iterdir()
    assert [p.suffix for p in run_folder.iterdir()] == [".html"]  # the ledger's own JSON stays in the state folder
    ledger = ledger_of(cfg_path)
    run = ledger.runs("daily")[0]
    assert run.status == OK
    assert sorted(o["file"].rsplit(".", 1)[1] for o in run.outputs) == ["html", "json"]
    assert all(len(o["sha256"]) == 64 for o in run.outputs)
    assert run.sources and run.sources[0]["sha256"]
