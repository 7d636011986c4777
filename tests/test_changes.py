"""What changed since the job's previous briefing: meetings added, moved and dropped; new positions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefing.changes import compare
from briefing.config import load_config
from briefing.model import Briefing, Meeting, Party, Position
from briefing.pipeline import build
from briefing.scheduler.states import OK, SKIPPED_UNCHANGED
from briefing.scheduler.tables import run_job_now
from briefing.serialize import briefing_from_dict, briefing_to_dict

from .delivery_support import folder_of, ledger_of, make_project


def _briefing(meetings: list[Meeting], positions: list[Position] | None = None, as_of: date = date(2024, 5, 2),
              language: str = "de") -> Briefing:
    parties = {}
    for p in positions or []:
        parties.setdefault(p.party, Party(p.party, p.party)).positions.append(p)
    return Briefing("T", as_of, "explicit", language, meetings=meetings, parties=list(parties.values()))


def _m(title: str, day: date | None, place: str | None = None, people: list[str] | None = None,
       status: str = "upcoming", end: date | None = None) -> Meeting:
    return Meeting(title, day, end, participants=people or [], location=place, status=status)


def _kinds(changes) -> list[tuple[str, str]]:
    return sorted((c.kind, c.text) for c in changes)


def test_nothing_changed_is_an_empty_list() -> None:
    meetings = [_m("Gipfeltreffen", date(2024, 5, 10), "Wien", ["Österreich", "Ungarn"])]
    assert compare(_briefing(meetings), _briefing(list(meetings))) == []


def test_added_moved_and_dropped_meetings() -> None:
    before = _briefing([_m("Ratstreffen", date(2024, 5, 10), "Brüssel"),
                        _m("Konsultationen", date(2024, 5, 12)),
                        _m("Handelsgespräche", date(2024, 5, 20), "Genf")])
    after = _briefing([_m("Ratstreffen", date(2024, 5, 11), "Brüssel"),     # one day later
                       _m("Handelsgespräche", date(2024, 5, 20), "Bern"),   # another place
                       _m("Sondersitzung", date(2024, 5, 15), "Paris")])    # new
    changes = _kinds(compare(before, after))
    assert changes == [
        ("meeting_added", "Sondersitzung (15. Mai 2024, Paris)"),
        ("meeting_dropped", "Konsultationen (12. Mai 2024)"),
        ("meeting_moved", "Handelsgespräche: 20. Mai 2024, Genf → 20. Mai 2024, Bern"),
        ("meeting_moved", "Ratstreffen: 10. Mai 2024, Brüssel → 11. Mai 2024, Brüssel"),
    ]


def test_a_renamed_meeting_of_the_same_people_counts_as_moved_not_dropped_and_added() -> None:
    people = ["Frankreich", "Deutschland", "Polen"]
    before = _briefing([_m("Treffen im Weimarer Dreieck", date(2024, 6, 3), people=people)])
    after = _briefing([_m("Außenministertreffen", date(2024, 6, 4), people=list(reversed(people)))])
    changes = compare(before, after)
    assert [c.kind for c in changes] == ["meeting_moved"]
    assert "Treffen im Weimarer Dreieck" in changes[0].text and "4. Juni 2024" in changes[0].text


def test_a_meeting_that_took_place_is_not_dropped() -> None:
    before = _briefing([_m("Ratstreffen", date(2024, 5, 1))], as_of=date(2024, 4, 30))
    after = _briefing([], as_of=date(2024, 5, 3))
    assert compare(before, after) == []


def test_new_positions_and_english_dates() -> None:
    old = Position("RUS", "Russia demands security guarantees", "demand", "Lavrov")
    new = Position("NATO", "NATO rejects a veto on enlargement", "rejection")
    before = _briefing([], [old], language="en")
    after = _briefing([_m("Council meeting", date(2024, 5, 12), "Brussels")], [old, new], language="en")
    assert _kinds(compare(before, after)) == [
        ("meeting_added", "Council meeting (12 May 2024, Brussels)"),
        ("position_added", "NATO: NATO rejects a veto on enlargement"),
    ]


def test_previous_briefing_comes_back_from_its_json() -> None:
    before = _briefing([_m("Ratstreffen", date(2024, 5, 10), "Brüssel", ["EU", "USA"], end=date(2024, 5, 11))],
                       [Position("EU", "Die EU fordert Gespräche", "demand")])
    again = briefing_from_dict(json.loads(json.dumps(briefing_to_dict(before))))
    assert again.meetings[0].end == date(2024, 5, 11) and again.meetings[0].participants == ["EU", "USA"]
    assert compare(again, before) == []


def test_build_sets_changes_from_the_previous_briefing(tmp_path: Path) -> None:
    config = load_config(make_project(tmp_path))
    previous = _briefing([_m("Frühjahrstagung der Testorganisation", date(2022, 3, 1), "Oslo")],
                         as_of=date(2022, 1, 6))
    result = build(config, formats=["json"], as_of="2022-01-07", previous=previous, write=False)
    dropped = [c for c in result.briefing.changes if c.kind == "meeting_dropped"]
    assert [c.text for c in dropped] == ["Frühjahrstagung der Testorganisation (1. März 2022, Oslo)"]
    assert build(config, formats=["json"], as_of="2022-01-07", write=False).briefing.changes is None


@pytest.mark.slow
def test_skip_unchanged_sends_nothing_and_says_why(tmp_path: Path) -> None:
    cfg_path = make_project(tmp_path, job={"skip_unchanged": True, "formats": ["json"]})
    config = load_config(cfg_path)
    assert run_job_now(config, "daily") == 0
    assert run_job_now(config, "daily") == 0
    ledger = ledger_of(cfg_path)
    second, first = ledger.runs("daily")[:2]
    assert first.status == OK and second.status == SKIPPED_UNCHANGED
    assert second.error == f"nothing changed since run {first.id}; nothing sent"
    assert ledger.deliveries(second.id) == []
    stored = json.loads(next(folder_of(cfg_path).run_dir(second.id).glob("*.json")).read_text())
    assert stored["changes"] == []
    assert len(list((tmp_path / "delivered" / "daily").iterdir())) == 1


def test_a_generic_title_does_not_pair_meetings_of_other_people() -> None:
    before = _briefing([_m("Treffen", date(2024, 5, 10), "Genf", ["USA", "RUS"]),
                        _m("Treffen", date(2024, 5, 4), "Kiew", ["EU", "UKR"])])
    after = _briefing([_m("Treffen", date(2024, 5, 12), "Genf", ["USA", "RUS"]),   # moved two days
                       _m("Treffen", date(2024, 5, 5), "Paris", ["FRA", "DEU"])])  # another meeting
    assert _kinds(compare(before, after)) == [
        ("meeting_added", "Treffen (5. Mai 2024, Paris)"),
        ("meeting_dropped", "Treffen (4. Mai 2024, Kiew)"),
        ("meeting_moved", "Treffen: 10. Mai 2024, Genf → 12. Mai 2024, Genf"),
    ]
