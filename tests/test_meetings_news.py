"""Meetings as real news tells them: stays and trips, groups and formats, titles the text gives, formats from the
next sentences, vague dates, one row per meeting, lists of days, verbs that are no meetings (issue 9)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.assemble import assemble
from briefing.config import Config
from briefing.nlp.segment import is_heading
from tests.nlp_support import annotated

TUESDAY = date(2022, 1, 4)


def meetings(text: str, language: str = "de", published: date = TUESDAY):
    return annotated(text, language, published).meetings


# -- visits, trips and stays -------------------------------------------------------------------------

def test_a_stay_abroad_is_a_visit_over_the_days_named():
    [m] = meetings("Scholz wird sich am Montag und Dienstag in Amerika aufhalten.")
    assert (m.start, m.end, m.format) == (date(2022, 1, 10), date(2022, 1, 11), "in_person")
    assert {"DEU", "USA"} <= set(m.participants)


def test_english_stay_is_a_visit():
    [m] = meetings("Scholz will stay in Washington on Monday and Tuesday.", "en")
    assert (m.start, m.end, m.location) == (date(2022, 1, 10), date(2022, 1, 11), "Washington")
    assert {"DEU", "USA"} <= set(m.participants)


def test_coming_meeting_at_a_named_place_without_a_day_is_upcoming_and_unresolved():
    [m] = meetings("In Abuja trifft Steinmeier den nigerianischen Präsidenten Bola Tinubu.")
    assert (m.start, m.date_resolved, m.status, m.location) == (None, False, "upcoming", "Abuja")
    assert {"DEU", "NGA"} <= set(m.participants)


def test_english_coming_meeting_without_a_day():
    [m] = meetings("In Abuja, Steinmeier will meet President Bola Tinubu.", "en")
    assert (m.start, m.status, m.location) == (None, "upcoming", "Abuja")
    assert {"DEU", "NGA"} <= set(m.participants)


def test_past_meeting_without_a_day_is_no_upcoming_meeting():
    assert meetings("In Abuja traf Steinmeier den nigerianischen Präsidenten Bola Tinubu.") == []
    assert meetings("In Abuja, Steinmeier met President Bola Tinubu.", "en") == []


# -- groups and formats as participants ------------------------------------------------------------

def test_a_format_stands_for_its_members_even_in_the_host_city():
    [m] = meetings("Am Freitag kommen die Außenminister im Normandie-Format in Berlin zusammen.")
    assert set(m.participants) == {"DEU", "FRA", "RUS", "UKR"}
    assert m.location == "Berlin"


def test_english_group_stands_for_its_members():
    [m] = meetings("The Quartet envoys will gather in Cairo on Thursday.", "en")
    assert {"USA", "RUS", "EU", "UN"} <= set(m.participants)


def test_a_region_alone_is_no_format():
    ms = meetings("Am Freitag reist Macron in die Normandie und trifft dort Bürgermeister.")
    assert all("RUS" not in m.participants for m in ms)


def test_a_group_named_in_words_is_its_code():
    [m] = meetings("Am Donnerstag lädt Scholz die Gruppe der großen Industriestaaten zu einem Gipfel nach "
                   "Elmau ein.")
    assert "G7" in m.participants


# -- titles the text gives ---------------------------------------------------------------------------

def test_merged_meeting_takes_the_name_the_text_gives_it():
    ms = meetings("Zwei Tage später soll es Gespräche zwischen Russland und der Nato am 12. Januar geben. "
                  "Stoltenberg habe den Nato-Russland-Rat für den 12. Januar einberufen.")
    [m] = [m for m in ms if m.start == date(2022, 1, 12)]
    assert m.title == "Nato-Russland-Rat"


def test_english_council_is_titled_by_its_name():
    ms = meetings("The Nato-Russia Council will meet on January 12. "
                  "Stoltenberg called the talks between Russia and the alliance for January 12.", "en")
    [m] = [m for m in ms if m.start == date(2022, 1, 12)]
    assert m.title == "Nato-Russia Council"


def test_named_event_keeps_its_place_in_the_title_and_a_date_is_no_person():
    [m] = meetings("The G7 summit in Hiroshima opens on May 19.", "en")
    assert m.title == "G7 summit in Hiroshima"
    assert m.participants == ["G7"]  # "May" in the date is no prime minister
    [de] = meetings("Der G7-Gipfel in Hiroshima beginnt am 19. Mai.")
    assert de.title == "G7-Gipfel in Hiroshima"


def test_compound_title_in_the_nominative():
    [m] = meetings("Am 12. Januar findet ein Treffen des Nato-Russland-Rats statt.")
    assert m.title == "Treffen des Nato-Russland-Rats"
    [n] = meetings("Stoltenberg lädt am 12. Januar zum Nato-Russland-Rat ein.")
    assert n.title == "Nato-Russland-Rat"


# -- format from the sentences around ---------------------------------------------------------------

def test_format_from_a_later_sentence_naming_the_meeting_by_it():
    [m] = meetings("Die Nato-Außenminister wollen am Freitag in einer Krisensitzung beraten. "
                   "Den Termin gab das Bündnis am Dienstag bekannt. "
                   "Die Videokonferenz ist die erste seit dem Sommer.")
    assert (m.start, m.format) == (date(2022, 1, 7), "video")


def test_english_format_from_the_next_sentence():
    [m] = meetings("The foreign ministers of NATO will confer on Friday. The videoconference was called by "
                   "Stoltenberg.", "en")
    assert (m.start, m.format) == (date(2022, 1, 7), "video")


def test_format_of_another_paragraph_does_not_count():
    [m] = meetings("Die Nato-Außenminister wollen am Freitag in einer Krisensitzung beraten.\n\n"
                   "Die Videokonferenz ist die erste seit dem Sommer.")
    assert m.format is None


# -- vague dates -------------------------------------------------------------------------------------

def test_part_of_a_month_is_kept_as_its_range_and_shown_as_written():
    [m] = meetings("Das Gipfeltreffen der EU in Rom ist für Ende März geplant.")
    assert (m.start, m.end, m.date_text, m.date_resolved) == (date(2022, 3, 21), date(2022, 3, 31), "Ende März",
                                                              False)


def test_english_part_of_a_month_is_a_range():
    [m] = meetings("Leaders of the G20 will gather in Rome in late March.", "en")
    assert (m.start, m.end, m.date_resolved) == (date(2022, 3, 21), date(2022, 3, 31), False)


def test_weekdays_fall_in_the_week_the_sentence_names():
    [m] = meetings("Blinken will travel to Stockholm next week for a meeting of OSCE foreign ministers on Thursday "
                   "and Friday.", "en")
    assert (m.start, m.end) == (date(2022, 1, 13), date(2022, 1, 14))
    [d] = meetings("Nächste Woche reist Baerbock nach Stockholm, wo die OSZE-Außenminister am Donnerstag und "
                   "Freitag beraten.")
    assert (d.start, d.end) == (date(2022, 1, 13), date(2022, 1, 14))


# -- one row per meeting -----------------------------------------------------------------------------

def test_undated_mention_takes_the_day_of_the_dated_one():
    [m] = meetings("Nächste Woche gibt es ein Nato-Treffen. Das Treffen wird am 11. Januar stattfinden.")
    assert (m.start, m.date_resolved, m.participants) == (date(2022, 1, 11), True, ["NATO"])
    assert len(m.evidence) == 2


def test_english_undated_mention_takes_the_day_of_the_dated_one():
    [m] = meetings("NATO defence ministers will meet next week. The meeting will take place on January 12.", "en")
    assert (m.start, m.participants) == (date(2022, 1, 12), ["NATO"])


def test_a_day_outside_the_week_is_another_meeting():
    ms = meetings("Nächste Woche gibt es ein Nato-Treffen. Das Treffen wird am 25. Januar stattfinden.")
    assert len(ms) == 2


def test_days_named_one_by_one_are_two_meetings():
    ms = meetings("Die Minister beraten am Mittwoch und Freitag in Brüssel.")
    assert sorted(m.start for m in ms) == [date(2022, 1, 5), date(2022, 1, 7)]
    en = meetings("The ministers will meet on Wednesday and Friday in Brussels.", "en")
    assert sorted((m.start, m.end) for m in en) == [(date(2022, 1, 5), date(2022, 1, 5)),
                                                    (date(2022, 1, 7), date(2022, 1, 7))]


def test_english_bilateral_on_the_sidelines_is_its_own_meeting():
    ms = meetings("The OSCE ministerial council opens in Stockholm on Thursday. "
                  "On the sidelines, Blinken will meet Lavrov.", "en")
    assert len(ms) == 2
    side = [m for m in ms if {"USA", "RUS"} <= set(m.participants)]
    assert side and side[0].start == date(2022, 1, 6) and side[0].location == "Stockholm"


# -- verbs that are no meetings ----------------------------------------------------------------------

def test_arriving_and_meeting_with_criticism_are_no_meetings():
    assert meetings("Die Delegation trifft am Montagabend in Kiew ein.") == []
    assert meetings("Der Vorschlag trifft am Montag in Brüssel auf Kritik.") == []
    assert meetings("The plan met with criticism in Brussels on Monday.", "en") == []


def test_meeting_someone_is_still_a_meeting():
    [m] = meetings("Baerbock trifft am Montag in Kiew Präsident Selenskyj.")
    assert {"DEU", "UKR"} <= set(m.participants)


# -- status of meetings without a day ----------------------------------------------------------------

def _briefing(text: str, published: date, as_of: date, **config):
    a = annotated(text, "de", published)
    return assemble([a], as_of, "explicit", "de", Config(title="Test", **config))


def test_unresolved_meeting_from_an_old_source_is_not_upcoming():
    text = "Die Außenminister wollen in zwei Wochen in Berlin erneut zusammenkommen."
    fresh = _briefing(text, date(2022, 1, 4), date(2022, 1, 10))
    assert [m.status for m in fresh.meetings] == ["upcoming"]
    old = _briefing(text, date(2022, 1, 4), date(2023, 1, 4))
    assert [m.status for m in old.meetings] == ["past"]
    kept = _briefing(text, date(2022, 1, 4), date(2023, 1, 4), unresolved_meeting_max_age_days=400)
    assert [m.status for m in kept.meetings] == ["upcoming"]


def test_vaguely_dated_meeting_is_past_once_its_stretch_is_over():
    text = "Das Gipfeltreffen der EU in Rom ist für Ende März geplant."
    assert [m.status for m in _briefing(text, TUESDAY, date(2022, 3, 25)).meetings] == ["upcoming"]
    assert [m.status for m in _briefing(text, TUESDAY, date(2022, 4, 2)).meetings] == ["past"]


def test_seed_titles_the_council_and_shows_the_video_conference():
    seed = next(Path(__file__).parent.parent.joinpath("seeds").glob("000_*.txt"))
    ms = annotated(seed.read_text(encoding="utf-8"), "de", TUESDAY).meetings
    by_day = {m.start: m for m in ms}
    assert by_day[date(2022, 1, 12)].title == "Nato-Russland-Rat"
    assert by_day[date(2022, 1, 7)].format == "video"


def test_a_line_ending_in_a_comma_is_no_heading():
    assert not is_heading("Lawrow reist am 15. Mai zu einem Arbeitsbesuch nach Berlin,")
    assert is_heading("Biden droht mit Reaktion")


# -- days told around the meeting --------------------------------------------------------------------

def test_a_bracketed_clock_time_keeps_two_days_one_range():
    [m] = meetings("Die Außenminister der G20 kommen am Donnerstag (ab 14.00 Uhr) und am Freitag in Bonn zusammen.")
    assert (m.start, m.end) == (date(2022, 1, 6), date(2022, 1, 7))
    [e] = meetings("The G20 foreign ministers meet in Bonn on Thursday (from 2 p.m.) and on Friday.", "en")
    assert (e.start, e.end) == (date(2022, 1, 6), date(2022, 1, 7))


def test_last_day_of_a_trip_dated_before():
    ms = meetings("Steinmeier reist vom 10. bis 14. Januar nach Nigeria. "
                  "Am letzten Reisetag trifft er in Abuja den Präsidenten Tinubu.")
    assert date(2022, 1, 14) in {m.start for m in ms if m.start == m.end}
    en = meetings("Steinmeier will travel to Nigeria from January 10 to 14. "
                  "On the last day of the trip he will meet President Tinubu in Abuja.", "en")
    assert date(2022, 1, 14) in {m.start for m in en if m.start == m.end}


def test_a_length_named_later_lengthens_the_meeting():
    [m] = meetings("Die Außenminister der G20 treffen sich am Donnerstag in Johannesburg. "
                   "Lawrow hat seine Teilnahme an dem zweitägigen Treffen bestätigt.")
    assert (m.start, m.end) == (date(2022, 1, 6), date(2022, 1, 7))
    [e] = meetings("G20 foreign ministers meet in Johannesburg on Thursday. "
                   "Lavrov has confirmed he will attend the two-day meeting.", "en")
    assert (e.start, e.end) == (date(2022, 1, 6), date(2022, 1, 7))


def test_a_month_is_no_place():
    ms = meetings("Abe will hold talks with Obama in June.", "en")
    assert all(m.location != "June" for m in ms)


# -- summaries, news conferences, the source's own day ---------------------------------------------

def test_a_list_of_states_sums_up_a_wider_tour_and_is_no_meeting_without_a_day():
    # the stops of the journey the text tells of are meetings of their own ("Die Reise führt Scholz nach Südkorea,
    # Japan und Indien": tests/test_meetings_tripsplit.py); a tour introduced as a new, wider one only sums up
    assert meetings("Die Reise ist Teil einer Asienreise, die Scholz auch nach Südkorea, Japan und Indien führt.") == []
    assert meetings("The trip is part of an Asian tour that will also take Obama to South Korea, Malaysia and "
                    "the Philippines.", "en") == []


def test_a_state_named_beside_the_place_is_no_list():
    [m] = meetings("In Ramallah im von Israel besetzten Westjordanland will Baerbock Präsident Abbas treffen.")
    assert m.location == "Ramallah" and m.start is None


def test_a_news_conference_is_no_meeting():
    assert meetings("Der Sprecher sagte am Montag auf einer Pressekonferenz, die Lage sei ernst.") == []
    assert meetings("The spokesman told a news conference on Monday that the situation was serious.", "en") == []


def test_a_call_told_in_the_past_on_the_sources_day_is_past():
    [m] = meetings("Trump and Putin spoke on the phone about Syria in a call Tuesday.", "en")
    assert (m.start, m.status) == (TUESDAY, "past")
    [d] = meetings("Scholz und Macron telefonierten am Dienstag miteinander.")
    assert (d.start, d.status) == (TUESDAY, "past")


def test_a_plan_told_in_the_past_for_the_evening_is_still_to_come():
    ms = meetings("Noch am Abend wollte Merz nach Jerusalem reisen, wo ein Treffen mit Präsident Herzog geplant war.")
    assert ms and all(m.status == "upcoming" for m in ms)


def test_a_journey_of_several_days_is_a_visit():
    [m] = meetings("Abe will travel to Boston and Los Angeles during his week-long trip between April 26 and May 3.",
                   "en", published=date(2015, 3, 23))
    assert (m.start, m.end) == (date(2015, 4, 26), date(2015, 5, 3))
    [d] = meetings("Scholz reist vom 10. bis 14. Januar durch Westafrika.")
    assert (d.start, d.end) == (date(2022, 1, 10), date(2022, 1, 14))


# -- calls with several counterparts, lengths, the veto powers -------------------------------------

def test_calls_with_two_counterparts_are_two_calls():
    ms = meetings("Biden will am Samstag mit Präsident Putin und Präsident Macron telefonieren.")
    assert sorted(tuple(sorted(m.participants)) for m in ms) == [("FRA", "USA"), ("RUS", "USA")]
    assert sorted(m.title for m in ms) == ["Telefonat USA – Frankreich", "Telefonat USA – Russland"]
    en = meetings("Biden will speak by phone with Putin and Macron on Saturday.", "en")
    assert sorted(tuple(sorted(m.participants)) for m in en) == [("FRA", "USA"), ("RUS", "USA")]


def test_a_joint_call_stays_one():
    [m] = meetings("Biden will am Samstag gemeinsam mit Präsident Putin und Präsident Macron telefonieren.")
    assert set(m.participants) == {"USA", "RUS", "FRA"}


def test_a_length_before_the_destination_is_no_count_from_an_event():
    [m] = meetings("Scholz reist am Samstag für drei Tage nach China und trifft dort Präsident Xi Jinping.")
    assert (m.start, m.end) == (date(2022, 1, 8), date(2022, 1, 10))
    [e] = meetings("Scholz will travel on Saturday for three days to China to meet President Xi Jinping.", "en")
    assert (e.start, e.end) == (date(2022, 1, 8), date(2022, 1, 10))


def test_the_veto_powers_are_their_members():
    [m] = meetings("Am Freitag ist in Wien ein Treffen der fünf UN-Vetomächte und Deutschlands mit dem Iran geplant.")
    assert {"USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IRN"} <= set(m.participants)


# -- sidelines, earlier events, stays told with "be" -----------------------------------------------

def test_side_meeting_told_alone_leaves_the_summit_out_of_its_parties():
    ms = meetings("Die Außenminister der G20 beraten am Donnerstag in Bonn. Tillerson will am Rande des "
                  "G20-Treffens am Donnerstag auch den russischen Außenminister Sergej Lawrow treffen.")
    side = [m for m in ms if "RUS" in m.participants]
    assert len(side) == 1 and set(side[0].participants) == {"USA", "RUS"}
    assert side[0].location == "Bonn"


def test_on_the_sidelines_of_a_journey_is_some_day_of_it():
    ms = meetings("Abe will travel to Washington between April 26 and May 3. The ministers will hold a meeting "
                  "on the sidelines of Abe's trip.", "en", published=date(2015, 3, 23))
    side = [m for m in ms if m.side]
    assert side and side[0].start is None and side[0].status == "upcoming"
    de = meetings("Scholz reist vom 10. bis 14. Januar zu einem Besuch nach Tokio.\n"
                  "Am Rande der Reise ist ein Treffen der Außenminister geplant.")
    assert [m.start for m in de if m.side] == [None]


def test_a_visit_named_as_the_one_before_takes_neither_day_nor_place():
    [m] = meetings("Following his visit to London, Kerry will travel to Davos and deliver remarks at the annual "
                   "meeting of the World Economic Forum on Jan. 23.", "en", published=date(2015, 1, 18))
    assert "GBR" not in m.participants and m.location != "London"
    [d] = meetings("Nach seinem Besuch in London trifft Kerry am 23. Januar in Davos den Schweizer Präsidenten.",
                   published=date(2015, 1, 18))
    assert "GBR" not in d.participants and d.location == "Davos"


def test_being_in_a_foreign_capital_on_a_day_is_a_visit():
    [m] = meetings("Kerry will be in London on Jan. 22 to consult with British officials.", "en",
                   published=date(2015, 1, 18))
    assert (m.start, m.location) == (date(2015, 1, 22), "London") and {"USA", "GBR"} <= set(m.participants)
    assert meetings("Prices will be in focus on Monday.", "en") == []


def test_the_host_city_alone_is_no_party_and_the_meeting_told_next_is_the_same():
    [m] = meetings("Die Verhandlungen gehen am Freitag in Wien in die entscheidende Runde. Für Freitag ist ein "
                   "Treffen der Außenminister Irans und Deutschlands geplant.")
    assert m.location == "Wien" and "AUT" not in m.participants and {"IRN", "DEU"} <= set(m.participants)
    [e] = meetings("The negotiations in Vienna enter their final round on Friday. A meeting of the foreign "
                   "ministers of Iran and Germany is planned for Friday.", "en")
    assert e.location == "Vienna" and "AUT" not in e.participants and {"IRN", "DEU"} <= set(e.participants)


def test_a_call_is_not_merged_into_a_meeting_told_without_parties():
    ms = meetings("Die Verhandlungen gehen am Freitag in Wien weiter. Am Freitag telefoniert Scholz mit Putin.")
    assert len(ms) == 2


# -- days carried from the meeting told just before ----------------------------------------------------

def test_a_meeting_told_as_following_takes_the_day_of_the_one_before():
    found = meetings("Am Donnerstag trifft Scholz in Rom den italienischen Ministerpräsidenten Mario Draghi. "
                     "Danach wollen beide Regierungschefs an einer Sitzung des Wirtschaftsrats teilnehmen.")
    assert [m.start for m in found if m.start] and all(m.start == date(2022, 1, 6) for m in found)
    assert any(len(m.evidence) == 1 and m.evidence[0].text.startswith("Danach") for m in found) or len(found) == 1


def test_english_later_is_the_day_of_the_meeting_before():
    found = meetings("Blinken will meet Israeli Prime Minister Naftali Bennett in Jerusalem on Thursday. "
                     "He is later due to meet Palestinian President Mahmoud Abbas in Ramallah.", "en")
    later = next(m for m in found if "PSE" in m.participants)
    assert later.start == date(2022, 1, 6)


def test_no_day_is_carried_across_another_day_named_between():
    found = meetings("Blinken will meet Israeli Prime Minister Naftali Bennett in Jerusalem on Thursday. "
                     "Congress votes on Friday. "
                     "He is later due to meet Palestinian President Mahmoud Abbas in Ramallah.", "en")
    later = next(m for m in found if "PSE" in m.participants)
    assert later.start is None


def test_an_evening_with_no_day_is_on_the_day_of_the_meeting_before():
    found = meetings("Scholz wird am Donnerstag in Rom mit Mario Draghi zusammentreffen, wie ein Sprecher am "
                     "Dienstag mitteilte. Am Abend trifft Scholz den italienischen Staatspräsidenten Sergio "
                     "Mattarella.")
    assert {m.start for m in found} == {date(2022, 1, 6)}


def test_there_continues_the_day_of_the_visit_named_before():
    [m] = meetings("Am Donnerstag besucht Scholz Lesotho. Dort trifft er mit König Letsie III. zusammen.")
    assert m.start == date(2022, 1, 6)


# -- undated meetings with someone met ----------------------------------------------------------------------

def test_undated_talks_with_someone_met_without_a_place():
    found = meetings("Kang will hold talks with U.S. Secretary of State Mike Pompeo in Washington on Monday. "
                     "Lee Do-hoon, South Korea's chief nuclear negotiator, will also hold talks with his U.S. "
                     "counterpart.", "en")
    undated = [m for m in found if m.start is None]
    assert undated and {"KOR", "USA"} <= set(undated[0].participants) and not undated[0].date_resolved


def test_german_talks_planned_with_someone_take_the_visitor_named_before():
    found = meetings("Am Donnerstag trifft Baerbock in Jerusalem den israelischen Außenminister Jair Lapid. "
                     "Gespräche sind auch mit dem israelischen Präsidenten Isaac Herzog geplant.")
    undated = [m for m in found if m.start is None]
    assert undated and set(undated[0].participants) == {"DEU", "ISR"}


def test_an_office_the_topic_names_is_no_one_met():
    assert meetings("Die Staats- und Regierungschefs wollen über eine zweite Amtszeit des Präsidenten des "
                    "Europäischen Rates, Donald Tusk, entscheiden.") == []


# -- who a pronoun opening the sentence means -------------------------------------------------------------

def test_a_demonstrative_subject_is_the_person_named_before():
    [m] = meetings("Mit Spannung erwartet wird der Auftritt des US-Außenministers Rex Tillerson. "
                   "Dieser will am Donnerstag in Bonn den chinesischen Außenminister Wang Yi treffen.")
    assert {"USA", "CHN"} <= set(m.participants)


def test_english_pronoun_subject_is_the_person_named_before():
    [m] = meetings("U.S. Secretary of State Antony Blinken arrived in Asia. "
                   "He will visit Tokyo on Thursday.", "en")
    assert {"USA", "JPN"} <= set(m.participants)


# -- organisations as parties -----------------------------------------------------------------------------

def test_regional_organisations_are_parties():
    [m] = meetings("The Arab League foreign ministers will meet in Cairo on Thursday.", "en")
    assert "LAS" in m.participants
    [m] = meetings("Am Donnerstag beginnt in Jakarta der Gipfel der ASEAN.")
    assert "ASEAN" in m.participants


def test_a_talk_named_as_a_way_of_doing_things_is_no_meeting():
    assert meetings("Macron setzt stärker auf das direkte Gespräch mit Wladimir Putin.") == []
    assert meetings("Macron relies on direct talks with President Vladimir Putin.", "en") == []


def test_an_existential_there_carries_no_day():
    found = meetings("Blinken will be in Berlin on Thursday to see German Foreign Minister Annalena Baerbock. "
                     "There were no plans for Blinken to see Russian Foreign Minister Sergei Lavrov.", "en")
    assert not any("RUS" in m.participants and m.start for m in found)


# -- states the hand lists forget -------------------------------------------------------------------------

def test_a_visit_to_a_state_named_only_in_cldr_has_its_host():
    [m] = meetings("Am Mittwoch besucht Steinmeier das Königreich Lesotho.")
    assert {"DEU", "LSO"} <= set(m.participants)
    [m] = meetings("Obama will travel to Bhutan on Wednesday for talks with Prime Minister Tshering Tobgay.", "en")
    assert "BTN" in m.participants


def test_a_state_from_cldr_is_shown_by_its_name():
    from briefing.parties import party_name

    assert (party_name("AGO", "de"), party_name("AGO", "en")) == ("Angola", "Angola")
    assert party_name("XYZ", "en") == "XYZ"


# -- a call on the day of the news ------------------------------------------------------------------------

def test_a_call_on_the_day_of_the_news_is_held_unless_announced():
    [m] = meetings("Bidens Telefonat mit Präsident Emmanuel Macron am Dienstag folgt einem Treffen in Rom.")
    assert m.status == "past"
    [m] = meetings("Biden's phone call with President Emmanuel Macron on Tuesday comes after a meeting in Rome.", "en")
    assert m.status == "past"
    [m] = meetings("Biden will speak by phone with President Emmanuel Macron on Tuesday.", "en")
    assert m.status == "upcoming"


def test_a_planned_meeting_with_no_subject_takes_the_person_named_before():
    found = meetings("In Belgrad wird Außenminister Heiko Maas viele Gespräche führen. Geplant ist außerdem ein "
                     "Treffen mit dem Ministerpräsidenten Serbiens, Aleksandar Vučić.")
    assert any({"DEU", "SRB"} <= set(m.participants) for m in found)
    found = meetings("Foreign Minister Heiko Maas will hold many talks in Belgrade. Also planned is a meeting with "
                     "the Prime Minister of Serbia, Aleksandar Vucic.", "en")
    assert any({"DEU", "SRB"} <= set(m.participants) for m in found)


# -- on the sidelines of a meeting of several days ------------------------------------------------------

def test_a_side_meeting_of_a_meeting_of_several_days_has_no_day_of_its_own():
    found = meetings("Die OSZE-Außenminister beraten am Donnerstag und Freitag in Wien. Am Rande ist auch ein "
                     "Gespräch von US-Außenminister Antony Blinken mit dem russischen Außenminister Sergej Lawrow "
                     "geplant.")
    side = next(m for m in found if {"USA", "RUS"} <= set(m.participants))
    assert (side.start, side.location) == (None, "Wien")
    found = meetings("Die OSZE-Außenminister beraten am Donnerstag in Wien. Am Rande ist auch ein Gespräch von "
                     "US-Außenminister Antony Blinken mit dem russischen Außenminister Sergej Lawrow geplant.")
    side = next(m for m in found if {"USA", "RUS"} <= set(m.participants))
    assert side.start == date(2022, 1, 6)


def test_a_side_meeting_on_the_named_day_of_a_meeting_of_several_days():
    found = meetings("Die OSZE-Außenminister beraten am Donnerstag und Freitag in Wien. Am Rande des ersten "
                     "Konferenztages ist ein Gespräch von US-Außenminister Antony Blinken mit dem russischen "
                     "Außenminister Sergej Lawrow geplant.")
    side = next(m for m in found if {"USA", "RUS"} <= set(m.participants))
    assert side.start == date(2022, 1, 6)
    found = meetings("OSCE foreign ministers meet in Vienna on Thursday and Friday. On the sidelines of the final "
                     "day, U.S. Secretary of State Antony Blinken is due to meet Russian Foreign Minister Sergei "
                     "Lavrov.", "en")
    side = next(m for m in found if {"USA", "RUS"} <= set(m.participants))
    assert side.start == date(2022, 1, 7)


# -- a visit told as expected at a place -----------------------------------------------------------

def test_expected_at_a_place_is_a_visit():
    [m] = meetings("Am Freitag wird der nigerianische Präsident Tinubu im Kanzleramt erwartet.")
    assert (m.start, m.location, m.format) == (date(2022, 1, 7), "Kanzleramt", "in_person")
    assert {"DEU", "NGA"} <= set(m.participants)


def test_english_expected_at_a_place_is_a_visit():
    [m] = meetings("Nigerian President Tinubu is expected in Berlin on Friday.", "en")
    assert (m.start, m.location, m.format) == (date(2022, 1, 7), "Berlin", "in_person")
    assert {"DEU", "NGA"} <= set(m.participants)


def test_expected_without_a_guest_from_elsewhere_is_no_visit():
    assert meetings("In Berlin wird am Freitag Regen erwartet.") == []
    assert meetings("Im Kanzleramt wird am Freitag eine Entscheidung von Scholz erwartet.") == []


def test_english_expected_to_do_something_is_not_the_visit():
    [m] = meetings("Scholz is expected to meet Macron in Paris on Friday.", "en")
    assert (m.start, m.location, set(m.participants)) == (date(2022, 1, 7), "Paris", {"DEU", "FRA"})


# -- two meetings joined by "sowie" / "as well as" -------------------------------------------------

def test_two_meeting_nouns_joined_by_sowie_are_two_meetings():
    ms = meetings("Steinmeier reist am Donnerstag nach Belgrad. Geplant sind außerdem ein Treffen mit dem "
                  "serbischen Präsidenten Aleksandar Vučić sowie Gespräche mit dem schweizerischen Außenminister "
                  "Didier Burkhalter.")
    undated = sorted(tuple(sorted(m.participants)) for m in ms if m.start is None)
    assert undated == [("CHE", "DEU"), ("DEU", "SRB")]


def test_english_two_meeting_nouns_joined_by_as_well_as_are_two_meetings():
    ms = meetings("Steinmeier will travel to Belgrade on Thursday. He will hold a meeting with Serbian President "
                  "Aleksandar Vucic as well as talks with the Swiss foreign minister Didier Burkhalter.", "en")
    undated = sorted(tuple(sorted(m.participants)) for m in ms if m.start is None)
    assert undated == [("CHE", "DEU"), ("DEU", "SRB")]


def test_the_one_met_is_not_taken_for_the_subject_of_a_planned_meeting():
    ms = meetings("Steinmeier wird in Belgrad Gespräche führen. Geplant ist außerdem ein Treffen mit dem "
                  "Ministerpräsidenten der Republik Serbien, Aleksandar Vučić.")
    assert [("DEU", "SRB")] == [tuple(sorted(m.participants)) for m in ms if "Vučić" in m.evidence[0].text]


def test_english_the_one_met_is_not_taken_for_the_subject_of_a_planned_meeting():
    ms = meetings("Steinmeier will hold talks in Belgrade. Also planned is a meeting with the Prime Minister of the "
                  "Republic of Serbia, Aleksandar Vucic.", "en")
    assert [("DEU", "SRB")] == [tuple(sorted(m.participants)) for m in ms if "Vucic" in m.evidence[0].text]


# -- what is talked about on the sidelines is no meeting -------------------------------------------

def test_topic_on_the_sidelines_is_no_meeting():
    ms = meetings("Am Mittwoch trifft Scholz Biden in Berlin. Am Rande der Gespräche soll die Lage in Syrien "
                  "erörtert werden.")
    assert len(ms) == 1 and ms[0].location == "Berlin"


def test_english_topic_on_the_sidelines_is_no_meeting():
    ms = meetings("Scholz will meet Biden in Berlin on Wednesday. On the sidelines of the talks, the future of Syria "
                  "will be discussed.", "en")
    assert len(ms) == 1 and "SYR" not in ms[0].participants


def test_a_meeting_on_the_sidelines_is_still_one():
    ms = meetings("Am Mittwoch trifft Scholz Biden in Berlin. Am Rande der Gespräche ist ein Treffen mit dem "
                  "französischen Präsidenten Macron geplant.")
    assert any("FRA" in m.participants for m in ms)
    ms = meetings("Scholz will meet Biden in Berlin on Wednesday. On the sidelines of the talks, he will meet French "
                  "President Macron.", "en")
    assert any({"DEU", "FRA"} <= set(m.participants) for m in ms)


def test_a_subject_carried_over_from_an_earlier_sentence_is_not_looked_up_in_this_one():
    """Reported speech going on: "He" is the spokesman named late in a long sentence before, at a token
    position past the end of this short one; asking whether he is met "with" someone must look only at
    those named in this sentence (it raised IndexError)."""
    text = ("While in Chile, Mr Guterres will meet with President Gabriel Boric, as well as the Ministers for Trade "
            "and Mining, Mr Guterres's spokesman Jonas Berg told reporters in Stockholm on Monday.\n\n"
            "He is also expected to meet with former President Ricardo Lagos.")
    assert isinstance(meetings(text, "en"), list)


# -- the Holy See as a party -----------------------------------------------------------------------

def test_the_vatican_is_a_party_and_a_place():
    [m] = meetings("Am Freitag wird US-Außenminister Blinken im Vatikan erwartet.")
    assert (m.start, m.location) == (date(2022, 1, 7), "Vatikan")
    assert {"USA", "VAT"} <= set(m.participants)


def test_english_the_vatican_is_a_party_and_a_place():
    [m] = meetings("Blinken will visit the Vatican on Friday.", "en")
    assert m.start == date(2022, 1, 7) and {"USA", "VAT"} <= set(m.participants)
