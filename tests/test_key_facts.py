"""Key facts: whole thoughts, no dangling openers, no open quotation marks, ranges, German articles."""

from __future__ import annotations

from datetime import date

from briefing.key_facts import _clip, key_facts
from briefing.model import Briefing, Meeting, Party, Position


def briefing(language: str, positions: list[str], meeting: Meeting | None = None) -> Briefing:
    party = Party("RUS", "Russland" if language == "de" else "Russia",
                  [Position("RUS", text, "statement") for text in positions])
    return Briefing("T", date(2022, 1, 4), "explicit", language, meetings=[meeting] if meeting else [],
                    parties=[party])


def test_a_long_position_is_cut_at_a_clause_boundary_never_mid_thought():
    text = ("Moskau verlangt verbindliche Zusagen der Allianz, dass sie auf jede weitere Erweiterung nach Osten "
            "verzichtet und keine neuen Waffensysteme in den Nachbarstaaten aufstellt")
    assert _clip(text, 18, 6) == "Moskau verlangt verbindliche Zusagen der Allianz"
    assert _clip("Das ist kurz.", 18, 6) == "Das ist kurz."


def test_no_cut_inside_a_quotation_and_none_without_a_boundary():
    text = ("Der Minister sprach von einem „langen, schwierigen und am Ende doch lohnenden Weg, den alle gehen "
            "müssen, ob sie wollen oder nicht“ und lobte die Gespräche")
    assert _clip(text, 18, 6) is None  # every comma lies inside the quotation
    words = " ".join(["Wort"] * 30)
    assert _clip(words, 18, 6) is None


def test_a_position_leaning_on_the_sentence_before_is_no_fact():
    b = briefing("de", ["Dabei gehe es vor allem um die Sicherheit.", "Russland fordert Garantien."])
    assert "Russland: Russland fordert Garantien." in key_facts(b)
    en = briefing("en", ["He also warned of consequences.", "Russia demands guarantees."])
    assert "Russia: Russia demands guarantees." in key_facts(en)
    only = briefing("de", ["Dabei gehe es um Sicherheit."])
    assert not any(f.startswith("Russland:") for f in key_facts(only))


def test_a_meeting_of_several_days_shows_its_range_and_the_place_its_article():
    m = Meeting("Besuch EU – Ukraine", date(2022, 1, 4), date(2022, 1, 6), ["EU", "UKR"], "Ukraine")
    fact = key_facts(briefing("de", [], m))[0]
    assert fact.startswith("Nächster Termin: Besuch EU – Ukraine vom 4. bis 6. Januar 2022 in der Ukraine")
    m2 = Meeting("Talks", date(2022, 1, 30), date(2022, 2, 1), ["USA", "RUS"], "Geneva")
    assert "from 30 January 2022 to 1 February 2022 in Geneva" in key_facts(briefing("en", [], m2))[0]


def test_sources_count_in_the_right_number():
    b = briefing("de", [])
    assert key_facts(b)[-1].startswith("Ausgewertet: 0 Quellen")
