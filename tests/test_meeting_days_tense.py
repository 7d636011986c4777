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


# -- an end day or a length in a later sentence, said of the meeting named again ---------------------------------

def test_an_end_day_in_a_later_sentence_ends_the_summit():
    [m] = meetings("President Garcia will attend the Andean Community summit in Tarija, which will be inaugurated "
                   "this evening by a state dinner. The summit is scheduled to end on Thursday, after which Garcia "
                   "will head back to Lima.", "en", published=date(2007, 6, 13))
    assert (m.start, m.end, m.status) == (date(2007, 6, 13), date(2007, 6, 14), "upcoming")


def test_german_end_day_in_a_later_sentence_ends_the_summit():
    [m] = meetings("Garcia nimmt am Gipfel der Andengemeinschaft in Tarija teil, der am heutigen Mittwoch mit einem "
                   "Staatsbankett beginnt. Der Gipfel soll am Donnerstag enden.", published=date(2007, 6, 13))
    assert (m.start, m.end) == (date(2007, 6, 13), date(2007, 6, 14))


def test_talks_begun_yesterday_and_lasting_a_week_are_under_way():
    [m] = meetings("Peace talks between the Yemeni government and Houthi rebels, coordinated by the UN, began in "
                   "Sweden on Thursday. The talks, held at a castle north of Stockholm, are expected to last for "
                   "about a week.", "en", published=date(2018, 12, 7))
    assert (m.start, m.end, m.status) == (date(2018, 12, 6), date(2018, 12, 12), "upcoming")


def test_german_talks_begun_yesterday_and_lasting_a_week_are_under_way():
    [m] = meetings("Die Friedensgespräche zwischen der jemenitischen Regierung und den Huthi-Rebellen haben am "
                   "Donnerstag in Schweden unter Vermittlung der UN begonnen. Die Friedensgespräche sollen etwa eine "
                   "Woche dauern.", published=date(2018, 12, 7))
    assert (m.start, m.end, m.status) == (date(2018, 12, 6), date(2018, 12, 12), "upcoming")


def test_talks_that_lasted_two_days_last_week_stay_past():
    [m] = meetings("Die Friedensgespräche zwischen der jemenitischen Regierung und den Huthi-Rebellen hatten am "
                   "Montag, dem 26. November, in Schweden begonnen. Die Friedensgespräche dauerten zwei Tage.",
                   published=date(2018, 12, 7))
    assert (m.end, m.status) == (date(2018, 11, 27), "past")


# -- a visit told as begun or continued, with no day: the source's day -------------------------------------------

def test_a_visit_told_as_begun_began_on_the_sources_day():
    [m] = meetings("Der spanische König Felipe VI. hat seinen Antrittsbesuch in Marokko begonnen.", published=MONDAY)
    assert (m.start, m.status) == (MONDAY, "upcoming")


def test_english_visit_told_as_begun_began_on_the_sources_day():
    [m] = meetings("King Felipe VI of Spain has begun his first state visit to Morocco.", "en", published=MONDAY)
    assert (m.start, m.status) == (MONDAY, "upcoming")


def test_a_visit_begun_long_ago_in_the_pluperfect_gets_no_day():
    ms = meetings("Der spanische König Felipe VI. hatte seinen Antrittsbesuch in Marokko mit einem Empfang begonnen.",
                  published=MONDAY)
    assert all(m.start != MONDAY for m in ms)


def test_a_journey_continued_in_the_present_is_on_the_sources_day():
    [m] = meetings("Außenminister Johann Wadephul setzt seine mehrtägige Nahostreise im Libanon fort.",
                   published=MONDAY)
    assert (m.start, m.status) == (MONDAY, "upcoming")


def test_english_journey_continued_in_the_present_is_on_the_sources_day():
    ms = meetings("Foreign Minister Johann Wadephul continues his tour of the Middle East in Lebanon.", "en",
                  published=MONDAY)
    assert ms and all((m.start, m.status) == (MONDAY, "upcoming") for m in ms)


# -- months offered as alternatives, a month in a to-infinitive after a perfect ----------------------------------

def test_two_months_offered_as_alternatives_are_one_vague_stretch():
    [m] = meetings("The African leaders have decided to hold the twice-aborted summit in May or June in Addis Ababa, "
                   "Ethiopia.", "en", published=date(1983, 2, 22))
    assert (m.start, m.end, m.status) == (date(1983, 5, 1), date(1983, 6, 30), "upcoming")


def test_german_two_months_offered_as_alternatives_are_one_vague_stretch():
    [m] = meetings("Der Gipfel der Afrikanischen Union in Äthiopien soll im Mai oder Juni in Addis Abeba stattfinden.",
                   published=date(1983, 2, 22))
    assert (m.start, m.end) == (date(1983, 5, 1), date(1983, 6, 30))


def test_a_month_after_a_perfect_and_a_to_infinitive_is_to_come():
    [m] = meetings("The African leaders have decided to hold their summit in Addis Ababa, Ethiopia, in May.", "en",
                   published=date(1983, 2, 22))
    assert (m.start, m.end) == (date(1983, 5, 1), date(1983, 5, 31))
