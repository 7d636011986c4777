"""executor: celery with real parts: a Redis, a PostgreSQL ledger, two `briefing worker` processes and
the SMTP test server. Each fire time is delivered once to each recipient, however often it is queued;
a worker killed (SIGKILL) in the middle of a build loses nothing and sends nothing twice; a build of
many sources is annotated by both workers and gives the briefing a local build gives, also when the
helping worker is killed in the middle of its share."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from briefing.annotation_cache import source_key
from briefing.annotation_table import AnnotationTable
from briefing.config import load_config
from briefing.pipeline import read_seeds
from briefing.scheduler import runs
from briefing.scheduler.celery_runs import enqueue_run
from briefing.scheduler.state_folder import StateFolder
from briefing.scheduler.states import OK, QUEUED, RUNNING
from briefing.scheduler.tables import show_history

from .articles_support import write_articles
from .delivery_support import FAST_TEMPLATE, SLOW_TEMPLATE, SMTPServer, free_port, ledger_of, make_project, wait_for
from .services_support import fresh_database, postgres_server, redis_server, start_worker, stop_process, workers_ready

pytestmark = pytest.mark.slow  # Redis, PostgreSQL and Celery workers, as real processes

A, B = "anna@example.org", "bert@example.org"


@pytest.fixture(scope="module")
def services() -> Iterator[tuple[str, str]]:
    with redis_server() as redis, postgres_server() as postgres:
        yield redis, postgres


def _project(tmp_path: Path, services: tuple[str, str], smtp_port: int, db: int, **top) -> Path:
    redis, postgres = services
    return make_project(tmp_path, smtp_port, job={"deliver": ["email"], "recipients": [A, B], "formats": ["html"]},
                        executor="celery", ledger=fresh_database(postgres, f"ledger{db}"),
                        celery={"broker": redis.rsplit("/", 1)[0] + f"/{db}", "visibility_timeout_seconds": 15},
                        shutdown_grace_seconds=5, **top)


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except FileNotFoundError:
        return None


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _all_ok(ledger, job: str, count: int):
    found = ledger.runs(job)
    return found if len(found) == count and all(r.status == OK for r in found) else None


def test_two_workers_deliver_each_fire_time_once_to_each_recipient(tmp_path: Path, services) -> None:
    port = free_port()
    cfg_path = _project(tmp_path, services, port, db=1)
    cfg_path.write_text(cfg_path.read_text().replace("cron: 0 7 * * *", "cron: '* * * * *'"))  # every minute
    config = load_config(cfg_path)
    ledger = ledger_of(cfg_path)
    assert ledger.engine.dialect.name == "postgresql"
    due = datetime.now(UTC).replace(second=0, microsecond=0)
    fires = [due - timedelta(minutes=m) for m in (3, 2)]
    procs = []
    with SMTPServer(port) as smtp:
        try:
            procs = [start_worker(cfg_path, "one"), start_worker(cfg_path, "two")]
            wait_for(lambda: workers_ready(cfg_path, "one", "two"), timeout=90)
            for fire in fires:  # what the scheduler's APScheduler job calls at each fire time
                assert runs.scheduled_run(str(cfg_path), "daily", fire_time=fire) == QUEUED
            # The same fire queued again (as a scheduler restart re-queues unfinished runs): still once.
            enqueue_run(config, config.schedules[0], fires[0])
            # And the real scheduler, whose next minute queues one more.
            with open(tmp_path / "scheduler.log", "wb") as log:
                procs.append(subprocess.Popen([sys.executable, "-m", "briefing", "-c", str(cfg_path), "schedule"],
                                              stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                              start_new_session=True))
            wait_for(lambda: len(ledger.runs("daily")) >= 3, timeout=150, every=0.5)
            stop_process(procs.pop())
            count = len(ledger.runs("daily"))  # one more, should the scheduler have reached a second minute
            done = wait_for(lambda: _all_ok(ledger, "daily", count), timeout=300, every=0.5)
        finally:
            for p in procs:
                stop_process(p)
        assert sorted(r.fire for r in done)[:2] == fires and all(r.fire > due for r in done if r.fire not in fires)
        for address in (A, B):
            assert len(smtp.to(address)) == count  # one message per fire time, none twice
    for run in done:
        assert {(d.target, d.status) for d in ledger.deliveries(run.id)} == {(A, OK), (B, OK)}
        assert run.attempts == 1
    builders = {text.split("process ")[1].rstrip(")") for r in done for _, text in ledger.events(r.id)
                if text.startswith("build started")}
    assert len(builders) >= 2  # the runs were spread over both workers
    history = show_history(config, job="daily")  # `briefing history` reads the PostgreSQL ledger
    assert history.count(" ok") >= 3


def test_a_worker_killed_mid_build_loses_nothing_and_sends_nothing_twice(tmp_path: Path, services) -> None:
    port = free_port()
    (tmp_path / "mytemplates").mkdir()
    template = tmp_path / "mytemplates" / "briefing.html"
    template.write_text(SLOW_TEMPLATE)  # the first build cannot finish before the kill
    cfg_path = _project(tmp_path, services, port, db=2, templates="mytemplates")
    ledger = ledger_of(cfg_path)
    fire = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=1)
    workers = {}
    with SMTPServer(port) as smtp:
        try:
            workers = {"one": start_worker(cfg_path, "one"), "two": start_worker(cfg_path, "two")}
            wait_for(lambda: workers_ready(cfg_path, "one", "two"), timeout=90)
            runs.scheduled_run(str(cfg_path), "daily", fire_time=fire)
            run = ledger.runs("daily")[0]
            build = wait_for(lambda: next((int(t.split()[-1]) for _, t in ledger.events(run.id)
                                           if t.startswith("building in process")), None), timeout=120)
            pool_child = _parent(build)
            killed = next(name for name, w in workers.items() if _parent(pool_child) == w.pid)
            os.killpg(workers[killed].pid, signal.SIGKILL)
            workers[killed].wait(timeout=10)
            wait_for(lambda: not _alive(build), timeout=10)  # the build died with its worker
            assert ledger.get(run.id).status == RUNNING and smtp.messages == []

            template.write_text(FAST_TEMPLATE)
            # The survivor takes the run once the broker hands it back (visibility timeout).
            done = wait_for(lambda: ledger.get(run.id) if ledger.get(run.id).status == OK else None,
                            timeout=240, every=0.5)
        finally:
            for w in workers.values():
                stop_process(w)
        assert len(smtp.to(A)) == 1 and len(smtp.to(B)) == 1
    assert done.attempts == 2 and [r.id for r in ledger.runs("daily")] == [run.id]
    story = [text for _, text in ledger.events(run.id)]
    assert any("did not finish (running); building again" in t for t in story)
    builders = [t for t in story if t.startswith("build started")]
    assert len(builders) == 2 and builders[0].split("process ")[1] != builders[1].split("process ")[1]


def test_a_run_past_its_time_limit_is_ended_and_failed_and_the_next_one_runs(tmp_path: Path, services) -> None:
    port = free_port()
    (tmp_path / "mytemplates").mkdir()
    template = tmp_path / "mytemplates" / "briefing.html"
    template.write_text(SLOW_TEMPLATE)  # a build that would take hours
    cfg_path = _project(tmp_path, services, port, db=3, templates="mytemplates")
    text = cfg_path.read_text().replace("timeout_minutes: 1.0", "timeout_minutes: 0.2")
    cfg_path.write_text(text)
    ledger = ledger_of(cfg_path)
    first, second = (datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=m) for m in (2, 1))
    with SMTPServer(port) as smtp:
        worker = start_worker(cfg_path, "one")
        try:
            wait_for(lambda: workers_ready(cfg_path, "one"), timeout=90)
            runs.scheduled_run(str(cfg_path), "daily", fire_time=first)
            failed = wait_for(lambda: next((r for r in ledger.runs("daily") if r.status == "failed"), None),
                              timeout=120, every=0.5)
            build = next(int(t.split()[-1]) for _, t in ledger.events(failed.id) if t.startswith("building in"))
            assert not _alive(build)  # ended, not left running
            template.write_text(FAST_TEMPLATE)
            runs.scheduled_run(str(cfg_path), "daily", fire_time=second)
            wait_for(lambda: ledger.runs("daily")[0].status == OK, timeout=120, every=0.5)
        finally:
            stop_process(worker)
        assert len(smtp.to(A)) == 1 and len(smtp.to(B)) == 1
    assert "timeout_minutes" in failed.error and failed.fire == first
    assert [r.status for r in ledger.runs("daily")] == [OK, "failed"]


def test_a_postgresql_run_lock_is_freed_when_its_holder_is_killed(services) -> None:
    from briefing.scheduler.ledger import Ledger

    url = fresh_database(services[1], "locks")
    code = ("import sys, time; from briefing.scheduler.ledger import Ledger\n"
            f"with Ledger({url!r}).hold(5) as mine:\n"
            "    print(mine, flush=True); time.sleep(600)\n")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "True"
        ledger = Ledger(url)
        with ledger.hold(5) as mine:
            assert not mine  # another process, as a worker on another machine would be
        with ledger.hold(6) as other:
            assert other  # only that run is held
        holder.kill()
        holder.wait(timeout=10)

        def free() -> bool:
            with ledger.hold(5) as ours:
                return ours

        wait_for(free, timeout=30)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_two_processes_creating_the_tables_at_once_both_end_with_them(services) -> None:
    """Two workers' first builds create the annotation tables of a fresh database at the same moment
    (under load their transactions overlap): the later one waits for the first and finds its tables
    instead of failing the build on PostgreSQL's catalog index. The first is held open in the middle."""
    import threading

    from sqlalchemy import text

    from briefing import annotation_table
    from briefing.scheduler.ledger import create_in, engine_for

    url = fresh_database(services[1], "schema")
    engine = engine_for(url)
    failures: list[BaseException] = []

    def second() -> None:
        try:
            AnnotationTable(url)
        except Exception as e:  # noqa: BLE001 - what the test reports
            failures.append(e)

    waiting = text("SELECT count(*) FROM pg_locks WHERE NOT granted")  # a live view, read afresh each time
    with engine.connect() as first, engine.connect() as watch:
        with first.begin():
            create_in(first, annotation_table.tables)  # created, not yet committed
            other = threading.Thread(target=second)
            other.start()
            wait_for(lambda: watch.execute(waiting).scalar(), timeout=60)  # the second is blocked on the first
        other.join(timeout=60)
    assert not other.is_alive() and failures == []
    assert AnnotationTable(url).makers() == {}  # the tables are there, and usable


def _fan_out_project(tmp_path: Path, services, db: int, count: int, **celery) -> tuple[Path, Path, str]:
    """A job over ``count`` small articles with executor: celery (and its ledger's URL), and the same
    job with executor: local in a config of its own."""
    redis, postgres = services
    url = fresh_database(postgres, f"fanout{db}")
    cfg_path = make_project(tmp_path, job={"formats": ["json"]}, executor="celery", ledger=url,
                            celery={"broker": redis.rsplit("/", 1)[0] + f"/{db}", "visibility_timeout_seconds": 15,
                                    **celery})
    for seed in (tmp_path / "seeds").iterdir():
        seed.unlink()  # undated: its key would hold the inferred date; the test's articles are dated
    write_articles(tmp_path / "seeds", count)
    local_data = {**yaml.safe_load(cfg_path.read_text()), "executor": "local", "state": "state-local"}
    del local_data["ledger"]
    local_path = tmp_path / "local.yaml"
    local_path.write_text(yaml.safe_dump(local_data, allow_unicode=True), encoding="utf-8")
    return cfg_path, local_path, url


def _local_briefing(local_path: Path) -> str:
    local = load_config(local_path)
    _, alone = runs.run_now(local, "daily")
    assert alone.status == OK
    return StateFolder(local).briefing_file(alone.id).read_text(encoding="utf-8")


def _shares(cfg_path: Path, url: str, workers) -> list[int]:
    """How many of the job's sources each worker annotated (all of them once, in the ledger database)."""
    config = load_config(cfg_path)
    keys = [source_key(s, config.actors) for s in read_seeds(config).sources]
    makers = AnnotationTable(url).makers(keys)
    assert sum(makers.values()) == len(keys)
    return [sum(n for who, n in makers.items() if who.startswith(f"briefing-{w.pid}@")) for w in workers]


def _ok(ledger):
    return lambda: ledger.runs("daily")[0] if ledger.runs("daily")[0].status == OK else None


def test_a_big_build_fans_out_over_both_workers_and_gives_the_local_briefing(tmp_path: Path, services) -> None:
    cfg_path, local_path, url = _fan_out_project(tmp_path, services, db=4, count=40, fan_out_from=10, chunk_sources=2)
    ledger = ledger_of(cfg_path)
    fire = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=1)
    workers = []
    try:
        workers = [start_worker(cfg_path, "one"), start_worker(cfg_path, "two")]
        wait_for(lambda: workers_ready(cfg_path, "one", "two"), timeout=90)
        runs.scheduled_run(str(cfg_path), "daily", fire_time=fire)
        spread = wait_for(_ok(ledger), timeout=240, every=0.5)
    finally:
        for w in workers:
            stop_process(w)
    assert all(n > 0 for n in _shares(cfg_path, url, workers))  # both workers took a share
    spread_json = StateFolder(load_config(cfg_path)).briefing_file(spread.id).read_text(encoding="utf-8")
    local_json = _local_briefing(local_path)
    assert len(yaml.safe_load(local_json)["meetings"]) >= 40
    assert spread_json == local_json  # the whole briefing, byte for byte (it holds no time stamp or run id)


def test_a_worker_killed_in_the_middle_of_its_share_loses_no_source(tmp_path: Path, services) -> None:
    cfg_path, local_path, url = _fan_out_project(tmp_path, services, db=5, count=60, fan_out_from=10,
                                                 chunk_sources=6, claim_lease_seconds=15)
    ledger, table = ledger_of(cfg_path), AnnotationTable(url)
    fire = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=1)
    workers = []
    try:
        workers = [start_worker(cfg_path, "one"), start_worker(cfg_path, "two")]
        wait_for(lambda: workers_ready(cfg_path, "one", "two"), timeout=90)
        runs.scheduled_run(str(cfg_path), "daily", fire_time=fire)
        run = ledger.runs("daily")[0]
        building = wait_for(lambda: next((int(t.split("process ")[1].rstrip(")")) for _, t in ledger.events(run.id)
                                          if t.startswith("build started")), None), timeout=120)
        helper = next(w for w in workers if _parent(building) != w.pid)
        # Killed once it has stored its first source: the rest of its chunk stays claimed by the dead.
        wait_for(lambda: any(who.startswith(f"briefing-{helper.pid}@") for who in table.makers()), timeout=120,
                 every=0.05)
        os.killpg(helper.pid, signal.SIGKILL)
        helper.wait(timeout=10)
        done = wait_for(_ok(ledger), timeout=240, every=0.5)
    finally:
        for w in workers:
            stop_process(w)
    _shares(cfg_path, url, workers)  # every source annotated, once in the table
    build_log = (StateFolder(load_config(cfg_path)).run_dir(done.id) / "build.log").read_text()
    assert "took over" in build_log  # the dead worker's claims, after their lease
    spread_json = StateFolder(load_config(cfg_path)).briefing_file(done.id).read_text(encoding="utf-8")
    assert spread_json == _local_briefing(local_path)
