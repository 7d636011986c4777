"""The run ledger: idempotent keys, unfinished runs, per-target deliveries, the history table."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing.__main__ import main
from briefing.config import load_config
from briefing.scheduler.ledger import Ledger
from briefing.scheduler.runs import place_of, prune_runs
from briefing.scheduler.state_folder import StateFolder
from briefing.scheduler.states import BUILT, DELIVERY_FAILED, FAILED, OK, RUNNING, SKIPPED_UNCHANGED
from briefing.scheduler.tables import history_table

from .delivery_support import make_project

FIRE = datetime(2024, 5, 2, 7, 0, tzinfo=UTC)


def _ledger(path: Path) -> Ledger:
    path.parent.mkdir(parents=True, exist_ok=True)
    return Ledger(f"sqlite:///{path}")


def test_claim_is_idempotent_per_job_and_fire_time(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path / "ledger.sqlite")
    first = ledger.claim("daily", FIRE, "schedule")
    ledger.start(first.id)
    ledger.finish(first.id, OK)
    # The same moment in another time zone is the same key.
    berlin = FIRE.astimezone(timezone(timedelta(hours=2)))
    again = ledger.claim("daily", berlin, "schedule")
    assert again.id == first.id and again.status == OK and again.attempts == 1
    other = ledger.claim("weekly", FIRE, "schedule")
    later = ledger.claim("daily", FIRE + timedelta(days=1), "schedule")
    assert len({first.id, other.id, later.id}) == 3
    assert [r.id for r in ledger.runs("daily")] == [later.id, first.id]  # newest first


def test_unfinished_and_previous(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path / "ledger.sqlite")
    runs = [ledger.claim("daily", FIRE + timedelta(days=i), "schedule") for i in range(5)]
    for run, status in zip(runs, (OK, SKIPPED_UNCHANGED, FAILED, DELIVERY_FAILED, RUNNING), strict=True):
        ledger.finish(run.id, status)
    assert [r.id for r in ledger.unfinished()] == [runs[3].id, runs[4].id]
    assert [r.id for r in ledger.unfinished(since=FIRE + timedelta(days=4))] == [runs[4].id]
    # The previous briefing to compare with skips the failed run, and may be an unchanged one.
    assert ledger.previous("daily", runs[4]).id == runs[3].id
    assert ledger.previous("daily", runs[3]).id == runs[1].id
    assert ledger.previous("daily", runs[0]) is None


def test_deliveries_are_recorded_per_channel_and_target(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path / "ledger.sqlite")
    run = ledger.claim("daily", FIRE, "schedule")
    ledger.record_delivery(run.id, "email", "a@example.org", "failed", 3, "connection refused")
    ledger.record_delivery(run.id, "email", "b@example.org", OK, 1)
    assert not ledger.delivered(run.id, "email", "a@example.org")
    ledger.record_delivery(run.id, "email", "a@example.org", OK, 1)
    a = next(d for d in ledger.deliveries(run.id) if d.target == "a@example.org")
    assert (a.status, a.attempts, a.error) == (OK, 4, None)
    assert ledger.delivered(run.id, "email", "a@example.org")


def test_run_lock_is_exclusive_and_freed(tmp_path: Path) -> None:
    folder = StateFolder(load_config(make_project(tmp_path)))
    with folder.run_lock(1) as first:
        assert folder.is_held(1) and not folder.is_held(2)
        with folder.run_lock(1) as second, folder.run_lock(2) as other:
            assert first and not second and other
    with folder.run_lock(1) as again:
        assert again
    assert not folder.is_held(1)


def test_history_table_tells_the_story(tmp_path: Path) -> None:
    folder = StateFolder(load_config(make_project(tmp_path)))
    ledger = folder.ledger()
    ok = ledger.claim("daily", FIRE, "schedule")
    ledger.start(ok.id)
    ledger.record_delivery(ok.id, "folder", "/srv/out", OK, 1)
    ledger.record_delivery(ok.id, "email", "a@example.org", OK, 1)
    ledger.record_delivery(ok.id, "email", "b@example.org", "failed", 3, "450 mailbox busy")
    ledger.finish(ok.id, DELIVERY_FAILED, "email to b@example.org: 450 mailbox busy")
    built = ledger.claim("daily", FIRE + timedelta(days=1), "manual")
    ledger.start(built.id)
    ledger.set_status(built.id, BUILT)
    ledger.event(built.id, "built 3 files")
    table = history_table(ledger, folder)
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["RUN", "JOB", "SCHEDULED"]
    assert "2024-05-03 07:00:00Z" in lines[1] and "built 3 files" in lines[1]
    assert "delivery failed" in lines[2] and "email 1/2 ok, folder ok" in lines[2] and "450 mailbox busy" in lines[2]
    assert history_table(ledger, folder, job="weekly") == "no runs yet of job 'weekly'"


@pytest.mark.slow
def test_history_command_before_and_after_a_run(tmp_path: Path, capsys) -> None:
    cfg = make_project(tmp_path)
    assert main(["-c", str(cfg), "history"]) == 0
    assert main(["-c", str(cfg), "jobs"]) == 0
    assert "no runs yet" in capsys.readouterr().out
    assert not (tmp_path / "state").exists()  # reading creates nothing
    assert main(["-c", str(cfg), "run", "daily"]) == 0
    capsys.readouterr()
    assert main(["-c", str(cfg), "history", "--job", "daily"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and " ok " in out[1] and "folder ok" in out[1]
    assert main(["-c", str(cfg), "history", "--run", "1"]) == 0
    story = capsys.readouterr().out
    assert story.startswith("run 1 of daily (manual)") and "build started (attempt 1" in story
    assert "folder to " in story and "output lagebild-test-2022-01-07.html sha256 " in story
    assert main(["-c", str(cfg), "history", "--run", "99"]) == 2


@pytest.mark.parametrize("in_ledger", [False, True], ids=["folder", "ledger database"])
def test_old_runs_lose_their_files_but_never_an_unfinished_one_or_the_newest_briefing(tmp_path: Path,
                                                                                       in_ledger: bool) -> None:
    shared = {"ledger": f"sqlite:///{tmp_path / 'shared.sqlite'}"} if in_ledger else {}
    config = load_config(make_project(tmp_path, keep_runs=2, **shared))
    place = place_of(config, config.schedules[0])
    ledger, folder = place.ledger, place.folder
    statuses = (DELIVERY_FAILED, OK, OK, FAILED, FAILED, FAILED)  # oldest first
    runs = []
    for i, status in enumerate(statuses):
        run = ledger.claim("daily", FIRE + timedelta(days=i), "schedule")
        ledger.finish(run.id, status)
        folder.run_dir(run.id).mkdir(parents=True)
        (folder.run_dir(run.id) / "lage.json").write_text("{}")
        if in_ledger:
            ledger.store_files(run.id, {"lage.json": b"{}"})
        runs.append(run)
    prune_runs(place)
    kept = [r.id for r in runs if folder.run_dir(r.id).exists()]
    # The two newest; the newest run with a briefing (the next comparison); the one still owing a delivery.
    assert kept == [runs[0].id, runs[2].id, runs[4].id, runs[5].id]
    assert ledger.events(runs[1].id)[-1][1] == "built files removed (keep_runs is 2)"
    if in_ledger:  # the database keeps the same runs' files
        assert [r.id for r in runs if ledger.files(r.id)] == kept
