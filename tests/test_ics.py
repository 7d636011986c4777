"""The .ics calendar of the upcoming meetings (RFC 5545)."""

from __future__ import annotations

from datetime import date

from briefing.config import Config
from briefing.model import Briefing, Meeting
from briefing.render.ics import render_ics


def unfold(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")  # every line ends with CRLF
    return text.replace("\r\n ", "").split("\r\n")


def test_one_all_day_event_per_dated_upcoming_meeting():
    b = Briefing(title="T", as_of=date(2022, 1, 4), as_of_from="explicit", language="de", meetings=[
        Meeting("Gespräche USA–Russland; Genf, Schweiz", date(2022, 1, 9), date(2022, 1, 10), ["USA", "RUS"], "Genf"),
        Meeting("Nato-Russland-Rat", date(2022, 1, 12), date(2022, 1, 12), ["NATO", "RUS"]),
        Meeting("Telefonat", date(2021, 12, 30), date(2021, 12, 30), ["USA", "RUS"], status="past"),
        Meeting("Gipfel " + "sehr langer Titel " * 8, None, None, ["EU"], date_resolved=False),
    ])
    lines = unfold(render_ics(b, Config()))
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert lines.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20220109" in lines and "DTEND;VALUE=DATE:20220111" in lines
    assert "SUMMARY:Gespräche USA–Russland\\; Genf\\, Schweiz" in lines
    assert "LOCATION:Genf" in lines
    assert "DTSTART;VALUE=DATE:20220112" in lines and "DTEND;VALUE=DATE:20220113" in lines
    assert "DTSTART;VALUE=DATE:20211230" not in lines


def test_long_lines_are_folded_without_splitting_characters():
    b = Briefing(title="T", as_of=date(2022, 1, 4), as_of_from="explicit", language="de", meetings=[
        Meeting("Außenministertreffen " * 10, date(2022, 1, 9), date(2022, 1, 9), ["DEU"])])
    raw = render_ics(b, Config())
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert any(line.startswith("SUMMARY:" + "Außenministertreffen " * 3) for line in unfold(raw))
