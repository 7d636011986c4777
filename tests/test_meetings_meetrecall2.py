"""Meetings told as planned from the past, trips to states named with an article, and visits named by their
object (issue 9, classes of misses on real news)."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import annotated

TUESDAY = date(2022, 1, 4)


def meetings(text: str, language: str = "de", published: date = TUESDAY):
    return annotated(text, language, published).meetings


# -- a journey to a state whose name takes an article -------------------------------------------------

def test_a_journey_for_days_into_a_state_named_with_an_article_is_a_visit():
    [m] = meetings("Scholz reist am Donnerstag für zwei Tage in die Türkei.")
    assert (m.start, m.end, m.location) == (date(2022, 1, 6), date(2022, 1, 7), "Türkei")
    assert {"DEU", "TUR"} <= set(m.participants)


def test_english_a_journey_to_a_state_named_with_an_article_is_a_visit():
    [m] = meetings("Scholz will travel to the Netherlands on Thursday for two days.", "en")
    assert (m.start, m.end) == (date(2022, 1, 6), date(2022, 1, 7))
    assert {"DEU", "NLD"} <= set(m.participants)
    [m] = meetings("Scholz will travel to the United States on Thursday for two days.", "en")
    assert {"DEU", "USA"} <= set(m.participants)


def test_a_journey_into_the_mountains_is_no_visit():
    assert meetings("Scholz reist am Donnerstag in die Berge.") == []


# -- the state or city visited is the place --------------------------------------------------------------

def test_the_object_of_visiting_is_the_place_of_an_undated_visit():
    [m] = meetings("Scholz wird die Türkei besuchen.")
    assert (m.start, m.location, m.status) == (None, "Türkei", "upcoming")
    [m] = meetings("Scholz will demnächst Polen besuchen.")
    assert m.location == "Polen"


def test_english_the_object_of_visiting_is_the_place_of_an_undated_visit():
    [m] = meetings("Scholz will visit the Netherlands soon.", "en")
    assert (m.start, m.location, m.status) == (None, "Netherlands", "upcoming")


def test_a_dated_visit_to_a_state_merges_with_the_meeting_in_its_city():
    [m] = meetings("Scholz will visit Ukraine on Monday. In Kyiv he will meet President Zelensky on Monday.", "en")
    assert (m.start, m.location) == (date(2022, 1, 10), "Kyiv")
    assert {"DEU", "UKR"} <= set(m.participants)


def test_what_is_visited_in_a_city_is_no_place():
    [m] = meetings("Scholz will visit Kyiv's hospitals with Zelensky soon.", "en")
    assert m.location is None


def test_a_visit_told_from_the_past_to_a_named_state_is_to_come_though_undated():
    [m] = meetings("Turkish Foreign Minister Ali Babacan said that he would visit Azerbaijan, "
                   "but the exact time was not certain.", "en")
    assert (m.start, m.location, m.status) == (None, "Azerbaijan", "upcoming")
    assert {"TUR", "AZE"} <= set(m.participants)


def test_a_visit_told_from_the_past_to_a_named_state_is_to_come_though_undated_german():
    [m] = meetings("Der türkische Außenminister Ali Babacan sagte, er werde Aserbaidschan besuchen, "
                   "der Termin stehe aber noch nicht fest.")
    assert (m.start, m.location, m.status) == (None, "Aserbaidschan", "upcoming")
    assert {"TUR", "AZE"} <= set(m.participants)


# -- quotes whose paragraphs each open with a mark -----------------------------------------------------

AGENCY_QUOTES = {
    "en": ("”We want closer ties with Africa,” the Brazilian minister told reporters.\n"
           "”We will do more for trade.\n"
           "”Our president will travel soon,” he said.\n"
           "Officials confirmed that Brazilian President Lula would visit South Africa in August."),
    "de": ("”Wir wollen engere Beziehungen zu Afrika”, sagte der brasilianische Minister.\n"
           "”Wir werden mehr für den Handel tun.\n"
           "”Unser Präsident wird bald reisen”, sagte er.\n"
           "Beamte bestätigten, dass der brasilianische Präsident Lula im August Südafrika besuchen werde."),
}


def test_a_mark_opening_a_line_opens_a_quote_and_what_follows_its_close_is_unquoted():
    for language, text in AGENCY_QUOTES.items():
        [m] = meetings(text, language, date(2003, 5, 8))
        assert (m.start, m.end) == (date(2003, 8, 1), date(2003, 8, 31)), language
        assert {"BRA", "ZAF"} <= set(m.participants), language


def test_a_line_opened_by_a_mark_is_quoted():
    from briefing.nlp.clauses import quote_mask
    from briefing.nlp.segment import segment
    sentences = segment(AGENCY_QUOTES["en"], "en")
    masks = quote_mask(sentences, "en")
    said = next(k for k, s in enumerate(sentences) if "travel soon" in s.text)
    words = {t.text: hidden for t, hidden in zip(sentences[said].tokens, masks[said])}
    assert words["travel"] and not words["said"]
    assert not any(masks[-1])


def test_a_denied_visit_has_no_place_and_is_no_meeting():
    assert meetings("Scholz said he would never visit Russia.", "en") == []
    assert meetings("Scholz has no plans to visit Russia.", "en") == []
    assert meetings("Scholz sagte, er werde Russland niemals besuchen.") == []
    [m] = meetings("Scholz said he would visit Russia.", "en")
    assert m.location == "Russia"


# -- a speech before a body or at a venue, in the programme of a visit ----------------------------------

VISIT = {"de": "Scholz reist am Donnerstag für zwei Tage in die USA. ",
         "en": "Scholz will travel to the United States on Thursday for two days. "}


def _speeches(text: str, language: str):
    return [m for m in meetings(VISIT[language] + text, language) if m.side]


def test_a_speech_before_a_named_body_is_an_item_of_the_visit():
    [m] = _speeches("In einer Rede vor dem Rat für Auswärtige Beziehungen will der Kanzler Stellung nehmen.", "de")
    assert (m.start, m.status, m.title.split()[0]) == (None, "upcoming", "Rede")
    assert {"DEU", "USA"} <= set(m.participants)


def test_english_a_speech_at_a_named_venue_is_an_item_of_the_visit():
    [m] = _speeches("The chancellor will also give a speech on trade at the Brookings Institution.", "en")
    assert (m.start, m.status) == (None, "upcoming")
    assert {"DEU", "USA"} <= set(m.participants)


def test_a_speech_at_a_venue_on_a_day_of_the_visit_takes_that_day():
    [m] = _speeches("Am Freitag will der Kanzler eine Rede am Brookings-Institut halten.", "de")
    assert m.start == date(2022, 1, 7)


def test_a_speech_before_no_named_body_or_outside_a_visit_is_none():
    assert _speeches("Der Kanzler will eine Rede vor Studenten halten.", "de") == []
    assert _speeches("The chancellor will give a speech to the nation.", "en") == []
    assert meetings("In einer Rede vor dem Rat für Auswärtige Beziehungen will der Kanzler Stellung nehmen.") == []
    assert _speeches("Der Kanzler hielt 2019 eine Rede vor dem Rat für Auswärtige Beziehungen.", "de") == []


# -- setting off for another state on a day -----------------------------------------------------------

def test_english_departing_on_a_day_for_another_state_starts_a_visit():
    [m] = meetings("President Joe Biden departs late Friday for Brazil, beginning a three-nation trip.", "en")
    assert (m.start, m.status) == (date(2022, 1, 7), "upcoming")
    assert {"USA", "BRA"} <= set(m.participants)


def test_setting_off_towards_another_state_starts_a_visit():
    [m] = meetings("Scholz bricht am Freitag in Richtung Brasilien auf.")
    assert m.start == date(2022, 1, 7)
    assert {"DEU", "BRA"} <= set(m.participants)


def test_departing_for_home_or_for_no_state_is_no_visit():
    assert meetings("Chancellor Scholz departs on Friday for Berlin.", "en") == []
    assert meetings("Chancellor Scholz departs on Friday for a holiday.", "en") == []
    assert meetings("Bundeskanzler Scholz bricht am Freitag in Richtung Berlin auf.") == []


# -- a plan told in the past is still to come ----------------------------------------------------------

def test_english_a_meeting_someone_was_due_to_hold_is_to_come_though_undated():
    [m] = meetings("South Africa's foreign minister was due to meet with Chancellor Scholz in Berlin.", "en")
    assert (m.start, m.status, m.location) == (None, "upcoming", "Berlin")
    assert {"ZAF", "DEU"} <= set(m.participants)
    assert meetings("South Africa's foreign minister met with Chancellor Scholz in Berlin.", "en") == []


def test_a_meeting_someone_was_to_hold_is_to_come_though_undated():
    [m] = meetings("Der südafrikanische Außenminister sollte in Berlin mit Bundeskanzler Scholz zusammentreffen.")
    assert (m.start, m.status) == (None, "upcoming")
    assert {"ZAF", "DEU"} <= set(m.participants)


# -- taking part in a named meeting of a group ------------------------------------------------------------

def test_taking_part_in_a_meeting_of_a_group_is_a_meeting_wherever_it_is_held():
    [m] = meetings("Scholz nimmt am Außenministertreffen der G20-Staaten in Bari teil.")
    assert (m.start, m.status) == (None, "upcoming")
    assert {"DEU", "G20"} <= set(m.participants)


def test_english_attending_a_meeting_of_a_group_is_a_meeting_wherever_it_is_held():
    [m] = meetings("Chancellor Scholz will also attend the meeting of G20 foreign ministers in Bari.", "en")
    assert (m.start, m.status) == (None, "upcoming")
    assert {"DEU", "G20"} <= set(m.participants)


def test_taking_part_in_the_past_or_in_no_meeting_is_none():
    assert meetings("Scholz nahm im vergangenen Jahr am Außenministertreffen der G20-Staaten in Bari teil.") == []
    assert meetings("Chancellor Scholz will attend the football match in Bari.", "en") == []


def test_the_group_of_one_who_attends_is_not_the_meetings():
    assert meetings("Guinea's President Alpha Conde and UN Secretary-General Antonio Guterres are expected "
                    "to attend the summit.", "en") == []
