"""Meetings named by words the builder did not know as such: quoted terms, courtesy calls, audiences (issue 9,
classes of meetings not found in real news)."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import annotated

TUESDAY = date(2022, 1, 4)
THURSDAY = date(2022, 1, 6)


def meetings(text: str, language: str = "de", published: date = TUESDAY):
    return annotated(text, language, published).meetings


# -- a term in quotation marks is no speech ---------------------------------------------------------------

def test_a_meeting_noun_in_quotation_marks_names_a_meeting():
    [m] = meetings("Scholz wird am Donnerstag mit Macron zu einem „Arbeitsessen“ im Élysée-Palast zusammenkommen.")
    assert m.start == THURSDAY and {"DEU", "FRA"} <= set(m.participants)
    assert m.title.startswith("Arbeitsessen")


def test_english_a_meeting_noun_in_quotation_marks_names_a_meeting():
    [m] = meetings('Chancellor Scholz will have a "working lunch" with French President Macron on Thursday.', "en")
    assert m.start == THURSDAY and {"DEU", "FRA"} <= set(m.participants)


def test_speech_in_quotation_marks_stays_speech():
    # a whole clause quoted is what someone said, not the writer's report of a meeting
    assert meetings("„Wir treffen Macron am Donnerstag“, sagte ein Sprecher von Scholz.") == []
    assert meetings('"We meet Macron on Thursday," a spokesman for Scholz said.', "en") == []


def test_opened_terms_keep_their_marks_and_leave_long_quotes_masked():
    from briefing.nlp.clauses import quote_mask
    from briefing.nlp.meetings.triggers import open_terms
    from briefing.nlp.segment import segment
    [s] = segment('Scholz will have a "working lunch" and said "we will talk about trade and energy prices".', "en")
    [opened] = [open_terms(s, mask) for mask in quote_mask([s], "en")]
    words = {t.text: hidden for t, hidden in zip(s.tokens, opened)}
    assert not words["working"] and not words["lunch"]
    assert words["trade"] and words["energy"]
    assert all(hidden for t, hidden in zip(s.tokens, opened) if t.text == '"')


# -- "call on": a courtesy call is a visit in person ------------------------------------------------------

def test_a_call_on_someone_is_a_visit_in_person():
    [m] = meetings("French President Macron will call on Chancellor Olaf Scholz on Thursday.", "en")
    assert (m.start, m.format) == (THURSDAY, "in_person")
    assert {"FRA", "DEU"} <= set(m.participants)


def test_calling_on_someone_to_act_is_an_appeal_not_a_visit():
    assert meetings("French President Macron will call on Chancellor Olaf Scholz to act on Thursday.", "en") == []
    assert meetings("Macron will call on Germany for more help on Thursday.", "en") == []


def test_calling_someone_is_still_a_phone_call():
    [m] = meetings("Chancellor Scholz will have a call with French President Macron on Thursday.", "en")
    assert m.format == "phone"


# -- an audience with a head of state -----------------------------------------------------------------------

def test_an_audience_with_someone_is_a_meeting():
    [m] = meetings("Chancellor Scholz will have an audience with French President Macron on Thursday.", "en")
    assert m.start == THURSDAY and {"DEU", "FRA"} <= set(m.participants)


def test_an_audience_of_listeners_is_no_meeting():
    assert meetings("Chancellor Scholz will speak before an audience of French students in Paris on Thursday.",
                    "en") == []


def test_german_an_audience_is_a_meeting():
    [m] = meetings("Bundeskanzler Scholz hat am Donnerstag eine Audienz beim französischen Präsidenten Macron.")
    assert m.start == THURSDAY and {"DEU", "FRA"} <= set(m.participants)
