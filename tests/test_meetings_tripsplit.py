"""One row per meeting in real news (issue 9): the stops of a journey named as a list, several meetings told in one
sentence, bodies and groups as parties, the same meeting named again. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import annotated

TUESDAY = date(2022, 1, 4)


def meetings(text: str, language: str = "de", published: date = TUESDAY):
    return annotated(text, language, published).meetings


def undated_pairs(ms) -> set[tuple[str, ...]]:
    return {tuple(m.participants) for m in ms if m.start is None}


# -- stops of a journey named as a list (class 2) -----------------------------------------------------

def test_talks_in_a_list_of_states_are_one_meeting_per_stop():
    ms = meetings("Bis Freitag führt der Außenminister Annalena Baerbock Gespräche in Kenia, Tansania und Uganda.")
    stops = [m for m in ms if m.start is None]
    assert {tuple(m.participants) for m in stops} == {("DEU", "KEN"), ("DEU", "TZA"), ("DEU", "UGA")}
    assert {m.location for m in stops} == {"Kenia", "Tansania", "Uganda"}
    assert all(m.status == "upcoming" and not m.date_resolved for m in stops)
    journey = next(m for m in ms if m.start is not None)
    assert {"DEU", "KEN", "TZA", "UGA"} <= set(journey.participants) and journey.location is None
    assert all(name in journey.title for name in ("Kenia", "Tansania", "Uganda"))


def test_english_talks_in_a_list_of_states():
    ms = meetings("Chancellor Olaf Scholz will hold talks in Vietnam, Thailand and Cambodia.", "en")
    assert undated_pairs(ms) >= {("DEU", "VNM"), ("DEU", "THA"), ("DEU", "KHM")}


def test_a_journey_through_states_named_before_takes_its_traveller_from_the_sentence_before():
    ms = meetings("Die Reise von Bundeskanzler Olaf Scholz dauert vom 3. bis 8. März. "
                  "Die Reise führt ihn durch Chile, Argentinien, Uruguay.")
    assert undated_pairs(ms) == {("DEU", "CHL"), ("DEU", "ARG"), ("DEU", "URY")}
    [journey] = [m for m in ms if m.start is not None]
    assert (journey.start, journey.end) == (date(2022, 3, 3), date(2022, 3, 8))
    assert set(journey.participants) == {"DEU", "CHL", "ARG", "URY"}


def test_the_journey_leads_on_to_a_list_of_states():
    ms = meetings("Die Reise führt Scholz anschließend nach Südkorea, Japan und Indien.")
    assert undated_pairs(ms) == {("DEU", "KOR"), ("DEU", "JPN"), ("DEU", "IND")}


def test_english_trip_that_takes_someone_to_a_list_of_states():
    ms = meetings("Chancellor Olaf Scholz's trip will take him to Chile, Argentina and Uruguay.", "en")
    assert undated_pairs(ms) == {("DEU", "CHL"), ("DEU", "ARG"), ("DEU", "URY")}


def test_the_stops_a_journey_includes_are_a_meeting_each():
    ms = meetings("Bundeskanzler Olaf Scholz reist am Samstag nach Brasilien. Die Reise umfasst auch Stationen in "
                  "Chile und Argentinien.")
    assert undated_pairs(ms) == {("DEU", "CHL"), ("DEU", "ARG")}
    ms = meetings("Chancellor Olaf Scholz will visit Brazil on Saturday. The trip, which also includes stops in Chile "
                  "and Argentina, will be his first visit to South America.", "en")
    assert undated_pairs(ms) == {("DEU", "CHL"), ("DEU", "ARG")}


def test_the_last_stop_of_the_journey_told_before_is_a_meeting_of_its_own():
    ms = meetings("Danach reist Außenministerin Annalena Baerbock nach Jordanien weiter, wo sie ihren Kollegen Ayman "
                  "Safadi treffen will. Letzte Station der Reise ist Ägypten.")
    assert undated_pairs(ms) == {("DEU", "JOR"), ("DEU", "EGY")}
    ms = meetings("Foreign Secretary David Lammy will travel to Jordan, where he will meet his counterpart Ayman "
                  "Safadi. The last stop of the trip will be Egypt, officials said.", "en")
    assert undated_pairs(ms) == {("GBR", "JOR"), ("GBR", "EGY")}


def test_the_last_stop_of_a_past_journey_is_none_to_come():
    assert meetings("Außenministerin Annalena Baerbock war im Mai in Jordanien. Letzte Station der Reise war "
                    "Ägypten.") == []


def test_a_city_and_its_state_are_one_place_not_two_stops():
    [m] = meetings("US envoys will join the talks in Astana, Kazakhstan on Monday.", "en")
    assert m.start == date(2022, 1, 10)


def test_states_in_the_topic_are_no_stops():
    assert undated_pairs(meetings("Am Montag wollen die Außenminister der EU in Brüssel über die Lage in Syrien, "
                                  "Libyen und Jemen beraten.")) == set()
    assert undated_pairs(meetings("On Monday the EU foreign ministers will meet in Brussels to discuss the wars "
                                  "in Syria, Libya and Yemen.", "en")) == set()


def test_a_wider_tour_introduced_as_new_has_no_stops_of_the_journey():
    text = ("Scholz will visit Japan on Monday. The visit is part of an Asian tour that will also take him to "
            "Vietnam, Thailand and Cambodia.")
    assert undated_pairs(meetings(text, "en")) == set()


def test_a_journey_told_as_past_has_no_stops_to_come():
    assert meetings("Im Mai führte die Reise Bundeskanzler Olaf Scholz durch Chile, Argentinien und Uruguay.") == []
    assert meetings("In May, Chancellor Olaf Scholz's trip took him to Chile, Argentina and Uruguay.", "en") == []


def test_a_stop_the_text_dates_elsewhere_is_that_meeting():
    ms = meetings("Außenminister Sigmar Gabriel reist am Mittwoch zu Gesprächen nach Polen und Russland. "
                  "Am Donnerstag trifft er in Moskau seinen Amtskollegen Sergej Lawrow.")
    moscow = [m for m in ms if "RUS" in m.participants and "POL" not in m.participants]
    assert [(m.start, m.location) for m in moscow] == [(date(2022, 1, 6), "Moskau")]


# -- several meetings in one sentence (class 3) --------------------------------------------------------

def test_bilateral_meetings_with_several_are_one_meeting_each():
    ms = meetings("US President Joe Biden will hold bilateral meetings with Japanese Prime Minister Fumio Kishida, "
                  "Indian Prime Minister Narendra Modi and Australian Prime Minister Anthony Albanese.", "en")
    assert sorted(tuple(m.participants) for m in ms) == [("USA", "AUS"), ("USA", "IND"), ("USA", "JPN")]


def test_german_bilateral_talks_with_several_are_one_meeting_each():
    ms = meetings("Bundeskanzler Olaf Scholz wird bilaterale Gespräche mit dem japanischen Ministerpräsidenten "
                  "Fumio Kishida und dem indischen Premierminister Narendra Modi führen.")
    assert sorted(tuple(m.participants) for m in ms) == [("DEU", "IND"), ("DEU", "JPN")]


def test_talks_with_several_without_a_word_of_two_stay_one_meeting():
    [m] = meetings("Bundeskanzler Olaf Scholz wird am Montag Gespräche mit dem japanischen Ministerpräsidenten "
                   "Fumio Kishida und dem indischen Premierminister Narendra Modi führen.")
    assert set(m.participants) == {"DEU", "JPN", "IND"}


def test_someone_met_during_the_visit_told_before_is_a_meeting_of_its_own():
    ms = meetings("Bundeskanzler Olaf Scholz fliegt am Mittwoch zu politischen Gesprächen nach Indien. "
                  "Bei dem zweitägigen Besuch wird er auch Premierminister Narendra Modi treffen.")
    visit = next(m for m in ms if m.start is not None)
    assert (visit.start, visit.end) == (date(2022, 1, 5), date(2022, 1, 6))
    inside = [m for m in ms if m.start is None]
    assert [(tuple(m.participants), m.status) for m in inside] == [(("DEU", "IND"), "upcoming")]


def test_english_someone_met_during_the_visit():
    ms = meetings("Chancellor Olaf Scholz will fly to India on Wednesday for talks. "
                  "During the visit he will also meet Prime Minister Narendra Modi.", "en")
    assert [tuple(m.participants) for m in ms if m.start is None] == [("DEU", "IND")]
    assert [m.start for m in ms if m.start is not None] == [date(2022, 1, 5)]


def test_a_meeting_during_a_visit_told_as_past_is_none_to_come():
    ms = meetings("Bundeskanzler Olaf Scholz flog im Dezember zu Gesprächen nach Indien. "
                  "Bei dem Besuch traf er auch Premierminister Narendra Modi.")
    assert [m for m in ms if m.status == "upcoming"] == []


# -- bodies and groups as parties (class 7) ------------------------------------------------------------

def test_the_council_of_europe_is_a_party_of_its_own():
    [m] = meetings("Der Europarat kommt am Donnerstag in Straßburg zu einer Sondersitzung zusammen.")
    assert (m.participants, m.start, m.title) == (["COE"], date(2022, 1, 6), "Europarat")
    [m] = meetings("The Committee of Ministers of the Council of Europe will hold a special meeting in Strasbourg "
                   "on Thursday.", "en")
    assert (m.participants, m.start) == (["COE"], date(2022, 1, 6))


def test_the_shanghai_cooperation_organisation_is_a_party_of_its_own():
    [m] = meetings("Die Staatschefs der Shanghaier Organisation für Zusammenarbeit treffen sich am Donnerstag in "
                   "Bischkek.")
    assert (m.participants, m.location) == (["SCO"], "Bischkek")
    [m] = meetings("Leaders of the Shanghai Cooperation Organization will hold their annual summit in Bishkek on "
                   "Thursday.", "en")
    assert (m.participants, m.location) == (["SCO"], "Bishkek")


def test_a_summit_named_by_an_inflected_compound_takes_its_organisation():
    [m] = meetings("Ein Thema des Besuchs von Außenminister Johann Wadephul wird die Vorbereitung des Nato-Gipfels "
                   "im Juni sein.")
    assert "NATO" in m.participants and (m.start, m.end) == (date(2022, 6, 1), date(2022, 6, 30))


def test_a_clause_telling_who_they_are_names_no_party():
    [m] = meetings("Bundeskanzler Olaf Scholz empfängt am Samstag den französischen Präsidenten Emmanuel Macron "
                   "und die italienische Ministerpräsidentin Giorgia Meloni, deren Länder alle Mitglieder der Nato "
                   "sind, in Berlin.")
    assert set(m.participants) == {"DEU", "FRA", "ITA"}
    [m] = meetings("Chancellor Olaf Scholz will host French President Emmanuel Macron and Italian Prime Minister "
                   "Giorgia Meloni, whose countries are all members of Nato, in Berlin on Saturday.", "en")
    assert set(m.participants) == {"DEU", "FRA", "ITA"}


def test_the_states_visited_before_take_no_part():
    ms = meetings("Foreign Minister Mauro Vieira will arrive in Pretoria on Monday after visiting Mozambique, Zimbabwe "
                  "and Angola.", "en")
    assert ms and all(not {"MOZ", "ZWE", "AGO"} & set(m.participants) for m in ms)


def test_whose_office_it_is_is_no_place():
    [m] = meetings("French President Emmanuel Macron will meet Chancellor Olaf Scholz at Mr Scholz's office on "
                   "Saturday.", "en")
    assert m.location is None


# -- the same meeting named again (class 12) -----------------------------------------------------------

def test_the_forthcoming_meetings_are_the_visit_told_before():
    [m] = meetings("Russian Foreign Minister Sergei Lavrov will pay an official visit to Baku on Monday. The "
                   "forthcoming meetings between the Russian minister and Azerbaijani President Ilham Aliyev will "
                   "focus on trade.", "en")
    assert (m.start, set(m.participants), len(m.evidence)) == (date(2022, 1, 10), {"RUS", "AZE"}, 2)


def test_german_talks_named_again_are_the_visit_told_before():
    [m] = meetings("Der russische Außenminister Sergej Lawrow reist am Montag nach Baku. Die bevorstehenden Gespräche "
                   "zwischen dem russischen Minister und dem aserbaidschanischen Präsidenten Ilham Alijew sollen sich "
                   "um den Handel drehen.")
    assert (m.start, set(m.participants), len(m.evidence)) == (date(2022, 1, 10), {"RUS", "AZE"}, 2)
