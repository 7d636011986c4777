"""The README stays true: it documents every config key and names the two commands that exist."""

from __future__ import annotations

import dataclasses
import re

from briefing.config import (
    BriefingSpec,
    CeleryConfig,
    Config,
    EmailConfig,
    FetchConfig,
    FolderConfig,
    Schedule,
    SourceEntry,
)

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def documented_keys(heading: str) -> set[str]:
    """Keys in the first column of the first table after ``heading``."""
    lines = README.split(heading, 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| key |"))
    table = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        table.append(line)
    return {m.group(1) for line in table if (m := re.match(r"^\| `(\w+)` \|", line))}


def keys(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls) if not f.metadata.get("internal")}


def test_every_config_key_is_documented():
    assert keys(Config) == documented_keys("## config.yaml, key by key")
    assert keys(EmailConfig) == documented_keys("`email:`")
    assert keys(FolderConfig) == documented_keys("`folder:`")
    assert keys(CeleryConfig) == documented_keys("`celery:`")
    assert keys(Schedule) == documented_keys("`schedules:`")
    assert keys(SourceEntry) == documented_keys("`sources:` — a list")
    assert keys(FetchConfig) == documented_keys("`fetch:`")
    assert keys(BriefingSpec) == documented_keys("`briefings:` — a list")


def test_the_two_commands_exist_and_ci_runs_the_second():
    assert "    ./scripts/build.sh\n" in README and "    ./scripts/test.sh\n" in README
    assert (ROOT / "scripts" / "build.sh").is_file() and (ROOT / "scripts" / "test.sh").is_file()
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text()


def test_the_pictured_page_exists():
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / image).is_file(), image
