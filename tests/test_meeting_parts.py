"""Who meets, where, and one row per meeting on sentences of the kinds real news writes (issue 9): bodies and
formats as participants, places that are none, mentions of one meeting merged."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import annotated

TUESDAY = date(2022, 1, 4)


def meetings(text: str, language: str = "de", published: date = TUESDAY):
    return annotated(text, language, published).meetings


# -- bodies, blocs and formats as participants --------------------------------------------------------

def test_a_peoples_adjective_before_a_body_is_the_league():
    [m] = meetings("Die arabischen Außenminister kommen am Donnerstag in Kairo zusammen.")
    assert m.participants == ["LAS"]
    [m] = meetings("The Arab foreign ministers will meet in Cairo on Thursday.", "en")
    assert m.participants == ["LAS"]


def test_the_adjective_inside_a_state_name_is_no_league():
    [m] = meetings("Leaders of the United Arab Emirates and Germany will meet in Berlin on Friday.", "en")
    assert "LAS" not in m.participants and {"ARE", "DEU"} <= set(m.participants)
    [m] = meetings("Die Vereinigten Arabischen Emirate und Deutschland verhandeln am Freitag in Berlin.")
    assert "LAS" not in m.participants


def test_a_bloc_without_a_code_stands_for_its_members():
    [m] = meetings("Der Mercosur-Gipfel beginnt am Montag in Montevideo.")
    assert set(m.participants) == {"ARG", "BRA", "PRY", "URY"}
    [m] = meetings("The Mercosur summit will open in Montevideo on Monday.", "en")
    assert set(m.participants) == {"ARG", "BRA", "PRY", "URY"}


def test_a_regional_body_by_its_member_states():
    [m] = meetings("Die Außenminister der SAARC-Staaten treffen sich am Freitag in Thimphu.")
    assert m.participants == ["SAARC"]
    [m] = meetings("Foreign ministers of the SAARC countries will meet in Thimphu on Friday.", "en")
    assert m.participants == ["SAARC"]


def test_asean_with_its_partners_under_one_name():
    [m] = meetings("Leaders of ASEAN+3 will meet in Bangkok on Friday.", "en")
    assert set(m.participants) == {"ASEAN", "CHN", "JPN", "KOR"}
    [m] = meetings("Am Freitag treffen sich die Staats- und Regierungschefs der ASEAN+3 in Bangkok.")
    assert set(m.participants) == {"ASEAN", "CHN", "JPN", "KOR"}


def test_a_group_in_the_topic_takes_no_part():
    [m] = meetings("Scholz und Macron beraten am Freitag in Berlin über die Lage in den arabischen Staaten.")
    assert set(m.participants) == {"DEU", "FRA"}
    [m] = meetings("Scholz and Macron will meet in Berlin on Friday to talk about the Arab states.", "en")
    assert set(m.participants) == {"DEU", "FRA"}


# -- places ------------------------------------------------------------------------------------------------

def test_the_place_of_the_announcement_is_not_the_meetings():
    [m] = meetings("The Mercosur summit will open on Monday, it was announced Friday in Montevideo.", "en")
    assert m.location is None
    [m] = meetings("Der Mercosur-Gipfel beginnt am Montag, teilte die Regierung am Freitag in Montevideo mit.")
    assert m.location is None


def test_the_place_that_hosts_is_the_place():
    [m] = meetings("The city of Salto will host the Mercosur summit on Monday.", "en")
    assert m.location == "Salto"
    [m] = meetings("Die Stadt Salto richtet den Mercosur-Gipfel am Montag aus.")
    assert m.location == "Salto"


def test_a_denied_place_is_not_the_place():
    [m] = meetings("Finnland lässt das Jahrestreffen am Donnerstag nicht in Helsinki abhalten, sondern in Wien.")
    assert m.location == "Wien"
    [m] = meetings("The ministers will meet on Thursday not in Geneva but in Vienna.", "en")
    assert m.location == "Vienna"


def test_the_way_home_is_not_the_place():
    [m] = meetings("Am Donnerstag trifft Merkel Tinubu, vor ihrem Rückflug nach Berlin.")
    assert m.location != "Berlin"
    [m] = meetings("On Thursday Merkel meets Tinubu before returning to Berlin.", "en")
    assert m.location != "Berlin"


def test_a_states_adjective_before_a_place_noun_leaves_the_name():
    [m] = meetings("Der Gipfel findet am Freitag im thailändischen Badeort Pattaya statt.")
    assert m.location == "Pattaya"
    [m] = meetings("The summit will be held in the Thai seaside resort Pattaya on Friday.", "en")
    assert m.location == "Pattaya"


def test_a_day_after_a_place_is_no_part_of_its_name():
    [m] = meetings("Obama will arrive in Brasilia Saturday to meet Rousseff.", "en")
    assert m.location == "Brasilia"


def test_a_venue_named_by_its_citys_adjective():
    # (German only: English names the venue by the city itself, "the Vienna Hofburg")
    [m] = meetings("Die Minister nehmen am Donnerstag am OSZE-Ministerrat in der Wiener Hofburg teil.")
    assert m.location == "Wiener Hofburg"


# -- one row per meeting -----------------------------------------------------------------------------------

def test_the_state_visited_named_without_a_day_is_the_dated_visit():
    rows = meetings("Geplant ist ein Staatsbesuch Bidens bei Scholz vom 10. bis 13. Januar. Erstmals werde ein "
                    "US-Präsident mit höchsten Ehren in Deutschland empfangen, teilte das Bundespräsidialamt mit.")
    assert [(m.start, set(m.participants)) for m in rows] == [(date(2022, 1, 10), {"USA", "DEU"})]
    rows = meetings("Biden will meet Scholz during a state visit from January 10 to 13. A US president will be "
                    "received with full military honours in Germany, the office said.", "en")
    assert [(m.start, set(m.participants)) for m in rows] == [(date(2022, 1, 10), {"USA", "DEU"})]


def test_next_week_at_the_same_place_is_the_dated_meeting_days_before():
    # a Monday's source: "next week" may have been written on the Sunday before, meaning this one
    monday = date(2022, 1, 3)
    rows = meetings("Kerry will travel to London next week for talks with Hammond. Kerry will be in London on "
                    "Thursday to meet Hammond.", "en", monday)
    assert [m.start for m in rows] == [date(2022, 1, 6)]
    rows = meetings("Kerry reist nächste Woche zu Gesprächen mit dem britischen Außenminister nach London. Am "
                    "Donnerstag trifft Kerry in London den britischen Außenminister.", "de", monday)
    assert [m.start for m in rows] == [date(2022, 1, 6)]


# -- titles ------------------------------------------------------------------------------------------------

def test_a_bodys_name_joined_by_and_is_its_title():
    [m] = meetings("On Friday, the Arab Social and Economic Council will convene in Cairo.", "en")
    assert m.title == "Arab Social and Economic Council"
    [m] = meetings("Am Freitag tagt der Arabische Wirtschafts- und Sozialrat in Kairo.")
    assert "LAS" in m.participants


def test_a_place_of_several_words_after_the_event_noun_in_its_title():
    [m] = meetings("Die Außenminister beraten am Montag beim G20-Treffen in Buenos Aires.")
    assert m.title == "G20-Treffen in Buenos Aires"
    [m] = meetings("The foreign ministers will meet on Monday at the G20 meeting in New Delhi.", "en")
    assert m.title == "G20 meeting in New Delhi"


def test_what_is_discussed_is_neither_party_nor_place():
    [m] = meetings("Trump and Macron will meet on Friday to discuss the recent strikes in Syria.", "en")
    assert (set(m.participants), m.location) == ({"FRA", "USA"}, None)
    [m] = meetings("Scholz und Macron treffen sich am Freitag, um die Lage in Syrien zu erörtern.")
    assert (set(m.participants), m.location) == ({"DEU", "FRA"}, None)
    [m] = meetings("Scholz and Macron will meet in Paris on Friday to discuss the future of Mercosur.", "en")
    assert set(m.participants) == {"DEU", "FRA"}


def test_whom_one_discusses_with_takes_part():
    [m] = meetings("Kerry will travel to Zurich on Friday to discuss the situation of Syria and Ukraine with his "
                   "Russian counterpart.", "en")
    assert set(m.participants) == {"USA", "RUS"}
    [m] = meetings("Scholz trifft am Freitag Macron, um mit dem italienischen Ministerpräsidenten die Lage in Syrien "
                   "zu erörtern.")
    assert {"DEU", "FRA", "ITA"} <= set(m.participants) and "SYR" not in m.participants


def test_a_meeting_on_a_journeys_first_day_is_its_own_row():
    rows = meetings("Duda will start his six-day US trip with a meeting with Trump at the White House on January 12. "
                    "On January 12, Duda and Trump will hold talks at the White House.", "en")
    assert sorted((m.start, m.end) for m in rows) == [(date(2022, 1, 12), date(2022, 1, 12)),
                                                       (date(2022, 1, 12), date(2022, 1, 17))]
    rows = meetings("Duda beginnt seine sechstägige USA-Reise am 12. Januar mit einem Treffen mit Trump im Weißen "
                    "Haus. Am 12. Januar stattet Duda Washington einen offiziellen Besuch ab, wo er Trump trifft.")
    assert sorted((m.start, m.end) for m in rows) == [(date(2022, 1, 12), date(2022, 1, 12)),
                                                       (date(2022, 1, 12), date(2022, 1, 17))]


def test_the_first_day_of_a_summit_named_again_is_the_summit():
    rows = meetings("Am Sonntag beginnt der G7-Gipfel in Elmau. Mit Beratungen über die Weltwirtschaft beginnt am "
                    "Sonntag der dreitägige G7-Gipfel.")
    assert len(rows) == 1


def test_a_pronoun_for_someone_no_list_knows_is_the_visitor_told_before():
    rows = meetings("Foreign Minister Kang Kyung-wha of South Korea will travel to Washington on Friday for talks "
                    "with Blinken. She will also visit Ottawa on Monday.", "en")
    assert [set(m.participants) for m in rows] == [{"KOR", "USA"}, {"KOR", "CAN"}]
    rows = meetings("Die südkoreanische Außenministerin Kang Kyung-wha trifft am Freitag in Washington Blinken. Sie "
                    "wird am Montag auch Ottawa besuchen.")
    assert [set(m.participants) for m in rows] == [{"KOR", "USA"}, {"KOR", "CAN"}]


def test_a_journey_to_a_state_is_the_visit_dated_in_its_city():
    rows = meetings("South Korea's foreign minister Kang will travel to the United States for talks with Pompeo. "
                    "She will make a four-day visit to Washington starting Sunday.", "en")
    assert [(m.start, m.location) for m in rows] == [(date(2022, 1, 9), "Washington")]
    rows = meetings("Die südkoreanische Außenministerin Kang wird zu Gesprächen mit Pompeo in die USA reisen. Sie "
                    "wird ab Sonntag vier Tage in Washington zu Besuch sein.")
    assert [(m.start, m.location) for m in rows] == [(date(2022, 1, 9), "Washington")]


def test_a_meeting_in_a_city_of_a_journey_to_the_state_stays_its_own():
    rows = meetings("Scholz reist am Samstag für drei Tage nach China. In Peking wird Scholz auch Ministerpräsident "
                    "Li Qiang treffen.")
    assert len(rows) == 2
    rows = meetings("Scholz will travel to China for three days on Saturday. In Beijing, Scholz will also meet "
                    "Premier Li Qiang.", "en")
    assert len(rows) == 2


def test_the_place_of_an_earlier_meeting_in_a_when_clause_is_not_the_place():
    rows = meetings("The foreign secretaries of India and Pakistan will meet next week, the first time since "
                    "September, when they met in New York on the sidelines of the UN General Assembly.", "en")
    assert [(set(m.participants), m.location) for m in rows] == [({"IND", "PAK"}, None)]
    rows = meetings("Die Außenminister Indiens und Pakistans treffen sich nächste Woche, zum ersten Mal seit "
                    "September, als sie sich am Rande der UN-Vollversammlung in New York trafen.")
    assert all(m.location is None for m in rows) and {"IND", "PAK"} == set(rows[0].participants)


def test_there_is_the_state_named_before_and_its_host_takes_part():
    rows = meetings("Am Freitag besucht Steinmeier Lesotho. Dort trifft er am Samstag Premierminister Matekane.")
    assert (rows[-1].start, set(rows[-1].participants)) == (date(2022, 1, 8), {"DEU", "LSO"})
    rows = meetings("On Friday Steinmeier will visit Lesotho. There he will meet Prime Minister Matekane on Saturday.",
                    "en")
    assert (rows[-1].start, set(rows[-1].participants)) == (date(2022, 1, 8), {"DEU", "LSO"})


def test_an_existential_there_names_no_place():
    rows = meetings("Putin will visit Damascus on Friday. Asked if there will be new sanctions to coincide with the "
                    "visit, the official said that was unknown.", "en")
    assert all("SYR" not in m.participants or m.start == date(2022, 1, 7) for m in rows)
