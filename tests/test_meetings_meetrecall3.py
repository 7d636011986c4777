"""Meetings named by words the builder did not know as such: quoted terms, courtesy calls, audiences (issue 9,
classes of meetings not found in real news)."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import meetings

TUESDAY = date(2022, 1, 4)
THURSDAY = date(2022, 1, 6)


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


# -- verbs of travelling to a place ------------------------------------------------------------------------

def test_flying_or_coming_to_a_city_abroad_is_a_visit():
    [m] = meetings("Bundeskanzler Scholz fliegt am Donnerstag nach Peking.")
    assert (m.start, m.location, m.format) == (THURSDAY, "Peking", "in_person")
    assert {"DEU", "CHN"} <= set(m.participants)
    [m] = meetings("Bundeskanzler Scholz kommt am Donnerstag nach Paris.")
    assert (m.start, m.location) == (THURSDAY, "Paris") and "FRA" in m.participants


def test_english_flying_to_a_city_abroad_is_a_visit():
    [m] = meetings("Chancellor Scholz will fly to Tokyo on Thursday.", "en")
    assert (m.start, m.location) == (THURSDAY, "Tokyo")
    assert {"DEU", "JPN"} <= set(m.participants)


def test_coming_without_a_place_after_its_preposition_is_no_journey():
    # "nach Angaben", "ums Leben gekommen", "kam ... zurück", a place in another clause: no journey
    assert meetings("Scholz kam am Donnerstag nach Angaben des Kanzleramts in Paris zu dem Schluss, dass Macron "
                    "recht habe.") == []
    assert meetings("Bundeskanzler Scholz kam am Donnerstag nach Berlin zurück.") == []
    assert meetings("Scholz kam am Donnerstag aus Peking und war auf dem Flug nach Paris.") == []


def test_a_separable_verb_of_meeting_is_no_journey():
    # "kommt ... zusammen" is "zusammenkommen": the meeting told after a dated one takes its day
    found = meetings("Am Donnerstag wird Scholz in Nairobi von Präsident Ruto empfangen. "
                     "Anschließend kommt er mit dem französischen Präsidenten Macron zusammen.")
    assert any(m.start == THURSDAY and {"DEU", "FRA"} <= set(m.participants) for m in found)


# -- phoning, exchanging views, consultations ----------------------------------------------------------------

def test_phoning_someone_is_a_phone_call():
    [m] = meetings("Bundeskanzler Scholz wird am Donnerstag den französischen Präsidenten Macron anrufen.")
    assert (m.start, m.format) == (THURSDAY, "phone") and {"DEU", "FRA"} <= set(m.participants)
    [m] = meetings("US President Biden will phone Russian President Putin on Thursday.", "en")
    assert (m.start, m.format) == (THURSDAY, "phone") and {"USA", "RUS"} <= set(m.participants)


def test_exchanging_views_with_someone_is_a_meeting_and_exchanging_prisoners_is_none():
    [m] = meetings("Bundeskanzler Scholz wird sich am Donnerstag mit Präsident Macron austauschen.")
    assert m.start == THURSDAY and {"DEU", "FRA"} <= set(m.participants)
    assert meetings("Russland und die Ukraine wollen am Donnerstag Gefangene austauschen.") == []


def test_consultations_and_a_private_talk_are_meetings():
    [m] = meetings("Am Donnerstag beginnen in Berlin die deutsch-indischen Regierungskonsultationen mit "
                   "Premierminister Modi.")
    assert m.start == THURSDAY and "IND" in m.participants
    [m] = meetings("Scholz hat am Donnerstag eine Unterredung mit Präsident Macron.")
    assert m.start == THURSDAY and {"DEU", "FRA"} <= set(m.participants)
    [m] = meetings("Chancellor Scholz will hold consultations with Prime Minister Modi of India on Thursday.", "en")
    assert m.start == THURSDAY and {"DEU", "IND"} <= set(m.participants)


def test_heading_a_delegation_is_no_journey():
    # "head to", "head for" right after the verb is a journey; "heads the delegation, called for" is none
    assert meetings("Thaci, who heads the Albanian delegation, called for an agreement in Kosovo on Thursday.",
                    "en") == []
    [m] = meetings("Chancellor Scholz will head to Beijing on Thursday for talks with President Xi.", "en")
    assert m.start == THURSDAY and {"DEU", "CHN"} <= set(m.participants)


# -- a journey named by one of its days ----------------------------------------------------------------------

def test_a_journey_named_by_its_second_day_is_under_way_since_the_day_before():
    [m] = [m for m in meetings("Am zweiten Tag seiner Nahost-Reise hat Bundesaußenminister Scholz den israelischen "
                               "Ministerpräsidenten getroffen.", published=TUESDAY) if m.title == "Nahost-Reise"]
    assert (m.start, m.end, m.status) == (date(2022, 1, 3), TUESDAY, "upcoming")
    assert "DEU" in m.participants


def test_english_a_journey_named_by_its_third_day_is_under_way_since_two_days_before():
    found = meetings("On the third day of his four-day visit to China, Chancellor Scholz met President Xi in "
                     "Beijing.", "en")
    [m] = [m for m in found if m.status == "upcoming"]
    assert (m.start, m.end) == (date(2022, 1, 2), TUESDAY)
    assert {"DEU", "CHN"} <= set(m.participants)


def test_the_day_of_a_summit_names_no_journey():
    assert [m for m in meetings("On the second day of the summit, Chancellor Scholz met President Xi.", "en")
            if m.start == date(2022, 1, 3)] == []


def test_the_second_day_of_a_dated_visit_is_its_own_day():
    found = meetings("Scholz reist am Donnerstag für drei Tage nach China. Am zweiten Tag seiner Reise trifft er "
                     "Präsident Xi in Peking.")
    assert any(m.start == date(2022, 1, 7) and {"DEU", "CHN"} <= set(m.participants) for m in found)
    found = meetings("Scholz will travel to China on Thursday for three days. On the second day of his visit, he "
                     "will meet President Xi in Beijing.", "en")
    assert any(m.start == date(2022, 1, 7) and {"DEU", "CHN"} <= set(m.participants) for m in found)
