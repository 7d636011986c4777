"""Assembly: meetings merged across sources, status against the briefing's date, parties, key facts."""

from __future__ import annotations

from datetime import date

from briefing.assemble import assemble, meeting_status
from briefing.config import Config
from briefing.model import Meeting
from tests.nlp_support import annotated

ONE = ("Die Nato-Außenminister kommen am Freitag in Brüssel zusammen. "
       "Russland fordert Garantien gegen eine Osterweiterung. "
       "„Wir wollen Dialog“, sagte Stoltenberg.")
TWO = ("Die Außenminister der Nato treffen sich am 7. Januar in Brüssel. "
       "Am Donnerstag hatte Biden mit Putin telefoniert. "
       "„Wir wollen Dialog“, sagte Stoltenberg.")


def build(as_of: date, language: str = "de"):
    sources = [annotated(ONE, source_id="a"), annotated(TWO, source_id="b")]
    return assemble(sources, as_of, "explicit", language, Config(title="Test"))


def test_the_same_meeting_from_two_sources_is_one_with_both_evidences():
    b = build(date(2022, 1, 4))
    friday = [m for m in b.meetings if m.start == date(2022, 1, 7)]
    assert len(friday) == 1
    assert {e.source for e in friday[0].evidence} == {"a", "b"}
    assert friday[0].status == "upcoming"


def test_nothing_past_is_upcoming():
    b = build(date(2022, 1, 4))
    call = [m for m in b.meetings if m.start == date(2021, 12, 30)]
    assert call and call[0].status == "past"
    assert b.upcoming and all(m.start >= date(2022, 1, 4) for m in b.upcoming)
    later = build(date(2022, 1, 10))
    assert later.upcoming == []


def test_status_rules():
    held_today = Meeting("Telefonat", date(2022, 1, 4), date(2022, 1, 4), reported_past=True)
    visit_begun = Meeting("Besuch", date(2022, 1, 4), date(2022, 1, 6), reported_past=True)
    announced_today = Meeting("Treffen", date(2022, 1, 4), date(2022, 1, 4))
    assert meeting_status(held_today, date(2022, 1, 4)) == "past"
    assert meeting_status(visit_begun, date(2022, 1, 4)) == "upcoming"
    assert meeting_status(announced_today, date(2022, 1, 4)) == "upcoming"
    assert meeting_status(announced_today, date(2022, 1, 5)) == "past"


def test_positions_grouped_by_party_with_names_and_quotes_deduped():
    b = build(date(2022, 1, 4))
    names = {p.code: p.name for p in b.parties}
    assert names["RUS"] == "Russland"
    assert len([q for q in b.quotes if q.text == "Wir wollen Dialog"]) == 1


def test_key_facts_name_the_next_meeting_in_the_briefing_language():
    de = build(date(2022, 1, 4))
    assert 3 <= len(de.key_facts) <= 5
    assert de.key_facts[0].startswith("Nächster Termin") and "7. Januar 2022" in de.key_facts[0]
    en = build(date(2022, 1, 4), "en")
    assert en.key_facts[0].startswith("Next meeting") and "7 January 2022" in en.key_facts[0]


def test_key_facts_for_a_meeting_without_parties():
    a = annotated("Vom 18. bis 20. Februar treffen sich in München Minister zur Sicherheitskonferenz.",
                  published=date(2022, 2, 14))
    b = assemble([a], date(2022, 2, 14), "explicit", "de", Config(title="Test"))
    assert b.key_facts[0] == "Nächster Termin: Sicherheitskonferenz vom 18. bis 20. Februar 2022 in München"


def test_key_facts_prefer_a_statement_with_a_quote_over_one_with_a_title_in_quotation_marks():
    text = ("Russland kritisierte die Aufführung des Films „Der lange Winter an der Grenze“ in Kiew scharf. "
            "Russland kritisierte die Manöver: „Das ist eine Provokation“, sagte Lawrow.")
    b = assemble([annotated(text)], date(2022, 1, 4), "explicit", "de", Config(title="Test"))
    assert [q.text for q in b.quotes] == ["Das ist eine Provokation"]
    fact = next(f for f in b.key_facts if f.startswith("Russland:"))
    assert "Provokation" in fact and "Winter" not in fact
