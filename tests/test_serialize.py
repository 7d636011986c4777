"""A stored briefing comes back whole: the JSON serialiser and its reverse meet in one round trip."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from briefing.config import load_config
from briefing.model import Briefing
from briefing.pipeline import build
from briefing.serialize import briefing_from_dict, briefing_to_dict, briefing_to_json, read_briefing

from .briefing_factory import make_briefing, sample_changes


def _as_stored(b: Briefing) -> Briefing:
    """What the JSON keeps of a briefing: a source's file name, not its folder or text."""
    sources = [dataclasses.replace(s, path=Path(s.path.name), body="") for s in b.sources]
    meetings = [dataclasses.replace(m, reported_past=False, named=False, side=False, title_rank=0) for m in b.meetings]
    return dataclasses.replace(b, sources=sources, meetings=meetings, author=None)


def test_every_field_comes_back_typed() -> None:
    for briefing in (make_briefing(changes=sample_changes()), make_briefing("en")):
        briefing.warnings, briefing.skipped, briefing.classification = ["stale"], ["skipped x.txt: empty"], "VS"
        vague = briefing.meetings[3]  # dated only as 'end of the month': a window of days
        vague.start, vague.end = vague.window_start, vague.window_end = date(2023, 3, 27), date(2023, 3, 31)
        briefing.quotes[0].speaker_role = "Sprecher"
        again = briefing_from_dict(json.loads(briefing_to_json(briefing)))
        assert again == _as_stored(briefing)


def test_a_built_briefing_survives_the_round_trip(project: Path) -> None:
    briefing = build(load_config(project / "config.yaml"), write=False).briefing
    stored = project / "stored.json"
    stored.write_bytes(briefing_to_json(briefing))
    again = read_briefing(stored)
    assert briefing_to_dict(again) == briefing_to_dict(briefing)
    assert again.meetings and again.meetings[0].evidence and again.quotes == briefing.quotes
    assert again.changes is None  # no previous briefing: not an empty list


def test_no_changes_stays_an_empty_list() -> None:
    again = briefing_from_dict(briefing_to_dict(make_briefing(changes=[])))
    assert again.changes == []
