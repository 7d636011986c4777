"""With `ledger:` naming a database, a run's built files are kept in it: a run built on one machine
is delivered from another (its own state folder) without a rebuild, and a third machine's next run
compares with that briefing. "Machines" here are state folders of their own around one ledger."""

from __future__ import annotations

from pathlib import Path

import yaml

from briefing.config import load_config
from briefing.scheduler import runs
from briefing.scheduler.states import DELIVERY_FAILED, OK

from .delivery_support import SMTPServer, attachments, folder_of, free_port, ledger_of, make_project

A = "anna@example.org"


def _machine(project: Path, name: str) -> Path:
    """The project's config with a state folder of its own, as on another machine."""
    data = {**yaml.safe_load((project / "config.yaml").read_text(encoding="utf-8")), "state": f"state-{name}"}
    path = project / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_run_built_on_one_machine_is_delivered_from_another_without_a_rebuild(tmp_path: Path) -> None:
    port = free_port()
    make_project(tmp_path, port, job={"deliver": ["email"], "recipients": [A], "formats": ["html"]},
                 ledger=f"sqlite:///{tmp_path / 'shared.sqlite'}")
    first, second, third = (_machine(tmp_path, n) for n in ("one", "two", "three"))

    _, run = runs.run_now(load_config(first), "daily")  # no mail server yet: built, not delivered
    assert run.status == DELIVERY_FAILED
    built = {n: p.read_bytes() for n, p in folder_of(first).built_files(run.id).items()}
    assert folder_of(second).built_files(run.id) == {}

    with SMTPServer(port) as smtp:
        resumed = runs.resume_unfinished(load_config(second))
    assert [r.status for r in resumed] == [OK]
    done = ledger_of(second).get(run.id)
    assert done.attempts == 1  # delivered from the ledger's files, not built again
    assert {n: p.read_bytes() for n, p in folder_of(second).built_files(run.id).items()} == built
    sent = attachments(smtp.to(A)[0])
    assert sent and all(built[name] == content for name, content in sent.items())

    _, later = runs.run_now(load_config(third), "daily")  # its 'what changed' reads run 1's briefing
    assert later.status == DELIVERY_FAILED  # the mail server is gone again; built all the same
    story = [text for _, text in ledger_of(third).events(later.id)]
    assert any(f"changes since run {run.id}" in t for t in story), story
