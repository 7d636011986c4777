"""The annotation cache in the ledger database (annotation_table.py), here on SQLite: entries with
their lexicons, claims that one process gets, leases taken over, and which cache a config uses.
The same code on PostgreSQL runs in test_celery.py."""

from __future__ import annotations

import time

from sqlalchemy import update

from briefing import data as data_module
from briefing.annotation_cache import AnnotationCache, Found
from briefing.annotation_table import AnnotationTable, cache_for, claims_table
from briefing.config import load_config
from briefing.model import BackgroundItem

from .delivery_support import make_project


def _table(tmp_path, lexicons=None) -> AnnotationTable:
    return AnnotationTable(f"sqlite:///{tmp_path / 'ledger.sqlite'}", lexicons if lexicons is not None else {})


def test_an_entry_comes_back_and_is_stale_only_when_a_lexicon_it_read_changed(tmp_path, monkeypatch):
    lexicons = {"speech_de": "a", "actors_en": "b"}
    monkeypatch.setattr(data_module, "READ", {"speech_de"})
    _table(tmp_path, lexicons).put("k1", Found(background=[BackgroundItem("x")]))
    assert _table(tmp_path, lexicons).get_many(["k1", "k2"])["k1"].background[0].text == "x"
    assert _table(tmp_path, lexicons).get("k2") is None
    assert _table(tmp_path, {**lexicons, "actors_en": "changed"}).get("k1") is not None
    assert _table(tmp_path, {**lexicons, "speech_de": "changed"}).get("k1") is None


def test_a_claimed_key_is_not_given_to_another_process_until_its_lease_runs_out(tmp_path, monkeypatch):
    table = _table(tmp_path)
    monkeypatch.setenv("BRIEFING_WORKER_NAME", "worker-a")
    assert table.claim(["k1", "k2"], lease_seconds=60) == ["k1", "k2"]
    monkeypatch.setenv("BRIEFING_WORKER_NAME", "worker-b")  # another worker's process
    assert table.claim(["k1", "k2", "k3"], lease_seconds=60) == ["k3"]
    with table.engine.begin() as db:  # worker-a died long ago
        db.execute(update(claims_table).where(claims_table.c.key == "k2").values(at=time.time() - 120))
    assert table.claim(["k1", "k2"], lease_seconds=60) == ["k2"]


def test_storing_an_entry_ends_its_claim_and_records_the_worker(tmp_path, monkeypatch):
    table = _table(tmp_path)
    monkeypatch.setenv("BRIEFING_WORKER_NAME", "worker-a")
    table.claim(["k1", "k2"], lease_seconds=60)
    table.put("k1", Found())
    table.release(["k2"])  # worker-a could not annotate k2
    monkeypatch.setenv("BRIEFING_WORKER_NAME", "worker-b")
    assert table.claim(["k2"], lease_seconds=60) == ["k2"]
    table.put("k2", Found())
    assert table.makers(["k1", "k2"]) == {"worker-a": 1, "worker-b": 1}


def test_unused_entries_are_pruned(tmp_path):
    table = _table(tmp_path)
    table.put("old", Found())
    table.put("new", Found())
    with table.engine.begin() as db:
        from briefing.annotation_table import annotations_table

        db.execute(update(annotations_table).where(annotations_table.c.key == "old").values(used=0.0))
    assert table.prune() == 1
    assert table.get("old") is None and table.get("new") is not None


def test_a_local_build_keeps_the_file_cache_and_a_ledger_database_holds_the_table(tmp_path):
    local = load_config(make_project(tmp_path / "local"))
    assert type(cache_for(local)) is AnnotationCache
    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    shared = load_config(make_project(tmp_path / "shared", ledger=url))
    assert isinstance(cache_for(shared), AnnotationTable) and cache_for(shared).url == url
