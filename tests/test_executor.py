"""The executor, celery and ledger keys without Redis or PostgreSQL: checked in config.yaml, a ledger at
another SQLAlchemy URL used by runs and read by `history`, and executor: local never loading Celery."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest

from briefing.annotation_cache import source_key
from briefing.config import load_config
from briefing.errors import ConfigError
from briefing.scheduler.ledger import Ledger
from briefing.scheduler.state_folder import StateFolder
from briefing.scheduler.states import QUEUED, RUNNING, TO_BUILD
from briefing.scheduler.tables import run_job_now, show_history
from briefing.serialize import briefing_to_json

from .articles_support import write_articles
from .conftest import write_config
from .delivery_support import free_port, make_project


def test_a_ledger_of_another_database_is_one_line_without_its_password(tmp_path):
    write_config(tmp_path, ledger="mysql://briefing:secret@db/briefing")
    with pytest.raises(ConfigError) as e:
        load_config(tmp_path / "config.yaml")
    assert "ledger" in str(e.value) and "sqlite or postgresql" in str(e.value)
    assert "secret" not in str(e.value)


def test_a_celery_broker_must_be_redis(tmp_path):
    write_config(tmp_path, executor="celery", celery={"broker": "amqp://127.0.0.1//"})
    with pytest.raises(ConfigError) as e:
        load_config(tmp_path / "config.yaml")
    assert "celery.broker" in str(e.value) and "redis://" in str(e.value)


def test_executor_is_local_or_celery(tmp_path):
    write_config(tmp_path, executor="threads")
    with pytest.raises(ConfigError) as e:
        load_config(tmp_path / "config.yaml")
    assert "executor" in str(e.value)


@pytest.mark.slow  # a build process
def test_a_run_is_recorded_in_the_ledger_the_config_names_and_history_reads_it(tmp_path):
    elsewhere = tmp_path / "shared" / "runs.sqlite"
    elsewhere.parent.mkdir()
    cfg_path = make_project(tmp_path, ledger=f"sqlite:///{elsewhere}")
    config = load_config(cfg_path)
    assert run_job_now(config, "daily") == 0
    assert elsewhere.is_file() and not (tmp_path / "state" / "ledger.sqlite").exists()
    assert [r.status for r in Ledger(f"sqlite:///{elsewhere}").runs("daily")] == ["ok"]
    assert " ok" in show_history(config, job="daily")


def test_a_queued_run_counts_as_unbuilt_and_a_second_claim_finds_it(tmp_path):
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    fire = datetime(2026, 5, 4, 7, tzinfo=UTC)
    queued = ledger.claim("daily", fire, "schedule", status=QUEUED)
    again = ledger.claim("daily", fire, "schedule", status=RUNNING)  # a worker claims what the scheduler queued
    assert again.id == queued.id and again.status == QUEUED and QUEUED in TO_BUILD
    assert [r.id for r in ledger.unfinished("daily")] == [queued.id]


def test_a_run_lock_is_one_holder_at_a_time(tmp_path):
    folder = StateFolder(load_config(write_config(tmp_path)))
    with folder.run_lock(7) as first:
        with folder.run_lock(7) as second:
            assert first and not second
    with folder.run_lock(7) as later:
        assert later


@pytest.mark.slow  # the CLI and a build process
def test_executor_local_never_loads_celery(tmp_path):
    cfg_path = make_project(tmp_path)
    code = ("import sys; from briefing.__main__ import main; from briefing.scheduler import service, runs; "
            f"rc = main(['-c', {str(cfg_path)!r}, 'run', 'daily']); "
            "print(rc, 'celery' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.split()[-2:] == ["0", "False"], done.stderr


def test_fan_out_keys_are_whole_numbers_of_at_least_one(tmp_path):
    write_config(tmp_path, executor="celery", celery={"chunk_sources": 0})
    with pytest.raises(ConfigError) as e:
        load_config(tmp_path / "config.yaml")
    assert "celery.chunk_sources" in str(e.value) and "at least 1" in str(e.value)


def test_a_build_that_would_fan_out_but_finds_no_broker_annotates_alone_and_gives_the_local_briefing(tmp_path):
    from briefing.annotation_table import AnnotationTable, worker_name
    from briefing.pipeline import build, read_seeds

    write_articles(tmp_path / "seeds", 6)
    configs = {}
    for name, keys in (("local", {}), ("spread", {"executor": "celery", "celery": {
            "broker": f"redis://127.0.0.1:{free_port()}/0", "fan_out_from": 2, "chunk_sources": 2}})):
        (tmp_path / name).mkdir()
        configs[name] = load_config(write_config(tmp_path / name, seeds=str(tmp_path / "seeds"), as_of="2022-01-07",
                                                 language="de", **keys))
    alone = build(configs["spread"], write=False).briefing
    assert briefing_to_json(alone) == briefing_to_json(build(configs["local"], write=False).briefing)
    keys = [source_key(s, {}) for s in read_seeds(configs["spread"]).sources]
    table = AnnotationTable(StateFolder(configs["spread"]).ledger_url)  # the cache went to the ledger database
    assert table.makers(keys) == {worker_name(): 6}
