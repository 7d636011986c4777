"""The day and tense of meetings in news (issue 9): "this Monday" by the clause's tense, a plan told with "was to",
a day in a to-infinitive's phrase, an arrival told with a separable verb, and days that are not the meeting's (a
report's day over an apposition, a plan given up, the start of a term, "dort" after a place just named)."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import annotated

FRIDAY = date(2026, 1, 9)
SUNDAY = date(1993, 9, 12)
MONDAY = date(2014, 7, 14)
NOVEMBER = date(2022, 11, 18)


def meetings(text: str, language: str = "de", published: date = FRIDAY):
    return annotated(text, language, published).meetings


def days_of(text: str, language: str = "de", published: date = FRIDAY) -> set[date | None]:
    return {m.start for m in meetings(text, language, published)}


# -- "an diesem Montag", "this Monday": the clause's tense says which -------------------------------------------

def test_this_monday_with_a_future_verb_is_the_coming_monday():
    [m] = meetings("Der Außenminister will an diesem Montag seinen Amtskollegen Marco Rubio in Washington treffen.")
    assert (m.start, m.status) == (date(2026, 1, 12), "upcoming")


def test_english_this_monday_with_a_future_verb_is_the_coming_monday():
    [m] = meetings("The foreign minister will meet his counterpart Marco Rubio in Washington this Monday.", "en")
    assert (m.start, m.status) == (date(2026, 1, 12), "upcoming")


def test_this_saturday_with_a_past_verb_is_the_saturday_gone_by():
    ms = meetings("Pedro Castillo, who this Saturday toured the offices of the Andean Community, spoke with the "
                  "Secretary General.", "en", published=date(2022, 8, 29))
    assert all(m.start != date(2022, 9, 3) for m in ms)


def test_german_this_saturday_with_a_perfect_is_the_saturday_gone_by():
    ms = meetings("Castillo hat an diesem Samstag in Lima mit dem Generalsekretär der Andengemeinschaft gesprochen.",
                  published=date(2022, 8, 29))
    assert all(m.start != date(2022, 9, 3) for m in ms)


# -- a plan told with "was to", "is due to": still to come --------------------------------------------------------

def test_was_to_have_a_meeting_is_a_plan_to_come():
    [m] = meetings("The Israeli prime minister was to have a private meeting Monday afternoon with President Clinton.",
                   "en", published=SUNDAY)
    assert (m.start, m.status) == (date(1993, 9, 13), "upcoming")


def test_was_due_to_meet_is_a_plan_to_come():
    [m] = meetings("The Israeli prime minister was due to meet King Hussein of Jordan in Amman Wednesday.", "en",
                   published=SUNDAY)
    assert (m.start, m.status) == (date(1993, 9, 15), "upcoming")


def test_german_sollte_treffen_is_a_plan_to_come():
    [m] = meetings("Der israelische Ministerpräsident sollte am Mittwoch in Amman mit König Hussein zusammentreffen.",
                   published=SUNDAY)
    assert (m.start, m.status) == (date(1993, 9, 15), "upcoming")


def test_met_on_a_weekday_stays_past():
    [m] = meetings("The Israeli prime minister met King Hussein of Jordan in Amman on Wednesday.", "en",
                   published=SUNDAY)
    assert (m.start, m.status) == (date(1993, 9, 8), "past")


# -- a day in a to-infinitive's phrase takes no tense from the verb before it ------------------------------------

def test_a_day_after_a_to_infinitive_is_the_nearest():
    ms = meetings("The chancellor arrived in Paris on Sunday to meet President Macron at the Elysee Tuesday.", "en",
                  published=SUNDAY)
    assert any(m.start == date(1993, 9, 14) and m.status == "upcoming" for m in ms)
    assert all(m.start != date(1993, 9, 7) for m in ms)


def test_a_day_after_a_to_infinitive_in_the_week_gone_by_stays_past():
    ms = meetings("The chancellor flew to Paris to meet President Macron at the Elysee Monday.", "en",
                  published=date(1993, 9, 15))
    assert all(m.start == date(1993, 9, 13) and m.status == "past" for m in ms)


# -- an arrival told with a separable verb begins the visit ------------------------------------------------------

def test_arrived_today_with_a_separable_verb_begins_the_visit():
    [m] = meetings("König Felipe VI. traf am Montag zu einem Staatsbesuch in Rabat ein.", published=MONDAY)
    assert (m.start, m.status) == (MONDAY, "upcoming")


def test_english_arrived_today_begins_the_visit():
    [m] = meetings("King Felipe VI of Spain arrived in Rabat on Monday for a state visit to Morocco.", "en",
                   published=MONDAY)
    assert (m.start, m.status) == (MONDAY, "upcoming")


# -- days that are not the meeting's -----------------------------------------------------------------------------

def test_the_day_of_a_separable_verb_of_saying_over_an_apposition_is_the_reports():
    ms = meetings("Ein Telefonat des Präsidenten mit der Kanzlerin sei geplant, teilte der Sprecher des Weißen "
                  "Hauses, Sean Spicer, am Freitag mit.")
    assert all(m.start != FRIDAY for m in ms)


def test_english_day_of_saying_over_an_apposition_is_the_reports():
    ms = meetings("A phone call between the President and the Chancellor is planned, the White House spokesman, "
                  "Sean Spicer, said on Friday.", "en")
    assert all(m.start != FRIDAY for m in ms)


def test_a_day_originally_scheduled_is_no_meetings_day():
    days = days_of("The meeting between Scholz and Macron, originally scheduled for November 20, will now take "
                   "place on November 25.", "en", NOVEMBER)
    assert days == {date(2022, 11, 25)}


def test_german_day_originally_scheduled_is_no_meetings_day():
    days = days_of("Das Treffen von Scholz und Macron, ursprünglich für den 20. November geplant, soll nun am 25. "
                   "November stattfinden.", published=NOVEMBER)
    assert days == {date(2022, 11, 25)}


def test_the_first_day_of_a_presidency_is_no_meetings_day():
    ms = meetings("During the summit, Mexico will hand over to Peru the presidency of the alliance, which it will "
                  "hold from January 1, 2023.", "en", NOVEMBER)
    assert all(m.start != date(2023, 1, 1) for m in ms)


def test_german_first_day_of_a_presidency_is_no_meetings_day():
    ms = meetings("Beim Gipfel übergibt Mexiko den Vorsitz des Bündnisses an Peru, das ihn ab dem 1. Januar 2023 "
                  "innehat.", published=NOVEMBER)
    assert all(m.start != date(2023, 1, 1) for m in ms)


def test_a_meeting_there_after_a_place_just_named_takes_no_day_from_the_programme():
    ms = meetings("Bundesaußenminister Johann Wadephul will am Montag in Washington US-Außenminister Marco Rubio "
                  "treffen. Auf dem Flug will er einen Zwischenstopp in Island einlegen und dort die isländische "
                  "Außenministerin treffen.")
    iceland = [m for m in ms if "ISL" in m.participants]
    assert iceland and all(m.start is None for m in iceland)
    assert any(m.start == date(2026, 1, 12) and "USA" in m.participants for m in ms)


def test_english_meeting_there_after_a_place_just_named_takes_no_day_from_the_programme():
    ms = meetings("German Foreign Minister Johann Wadephul will meet US Secretary of State Marco Rubio in Washington "
                  "on Monday. On the way he will make a stopover in Iceland and meet the Icelandic foreign minister "
                  "there.", "en")
    iceland = [m for m in ms if "ISL" in m.participants]
    assert iceland and all(m.start is None for m in iceland)
