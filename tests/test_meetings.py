"""Meetings: days from the temporal tagger, participants, place, format, merging and status."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import annotated

TUESDAY = date(2022, 1, 4)


def meetings(text: str, language: str = "de", published: date = TUESDAY):
    return annotated(text, language, published).meetings


def test_announced_meeting_with_day_place_and_participants():
    [m] = meetings("Die Außenminister der Nato kommen am Freitag in Riga zusammen.")
    assert (m.start, m.end, m.location, m.status) == (date(2022, 1, 7), date(2022, 1, 7), "Riga", "upcoming")
    assert "NATO" in m.participants


def test_two_days_joined_by_und_make_a_range():
    [m] = meetings("Am Sonntag und Montag wollen Vertreter der USA und Russlands in Genf verhandeln.")
    assert (m.start, m.end) == (date(2022, 1, 9), date(2022, 1, 10))
    assert {"USA", "RUS"} <= set(m.participants)


def test_past_call_is_past_and_by_phone():
    [m] = meetings("Am Donnerstag hatte US-Präsident Joe Biden mit Wladimir Putin telefoniert.")
    assert (m.start, m.status, m.format) == (date(2021, 12, 30), "past", "phone")
    assert set(m.participants) == {"USA", "RUS"}


def test_duration_gives_the_last_day_of_a_visit_begun_today():
    [m] = meetings("Der EU-Außenbeauftragte Borrell reiste am Dienstag zu einem dreitägigen Besuch in die Ukraine.")
    assert (m.start, m.end, m.location) == (date(2022, 1, 4), date(2022, 1, 6), "Ukraine")
    assert m.status == "upcoming"  # begun, not ended
    assert {"EU", "UKR"} <= set(m.participants)


def test_same_meeting_named_twice_is_merged():
    ms = meetings("Der Nato-Russland-Rat soll am 12. Januar tagen. "
                  "Zuvor gibt es Gespräche in Genf. "
                  "Stoltenberg habe die Gespräche zwischen Russland und der Nato für den 12. Januar angesetzt.")
    council = [m for m in ms if m.start == date(2022, 1, 12)]
    assert len(council) == 1
    assert {"NATO", "RUS"} <= set(council[0].participants)
    assert len(council[0].evidence) == 2


def test_each_day_of_a_sentence_gets_its_own_meeting():
    ms = meetings("Baerbock trifft am Donnerstag in Kiew Präsident Selenskyj und am Freitag in Moskau Lawrow.")
    got = sorted((m.start, m.location) for m in ms)
    assert got == [(date(2022, 1, 6), "Kiew"), (date(2022, 1, 7), "Moskau")]


def test_side_meeting_on_the_same_day():
    ms = meetings("Am Donnerstag beginnt in Stockholm der OSZE-Ministerrat. "
                  "Am Rande ist ein Gespräch zwischen Blinken und Lawrow vorgesehen.")
    side = [m for m in ms if set(m.participants) >= {"USA", "RUS"}]
    assert side and side[0].start == date(2022, 1, 6)


def test_travel_alone_is_not_a_meeting():
    assert meetings("Noch am Abend fliegt die Ministerin nach Moskau weiter.") == []


def test_day_of_a_statement_is_not_a_meeting_day():
    ms = meetings("Blinken will travel to Kyiv for talks with Zelenskiy, an official said on Monday.", "en",
                  published=date(2022, 1, 17))
    assert all(m.start != date(2022, 1, 17) for m in ms)


def test_english_meeting_and_undated_announcement():
    ms = meetings("Blinken is due to meet Foreign Minister Dmytro Kuleba in Kyiv on Wednesday. "
                  "The advisers met in Paris on Wednesday and agreed to meet again in Berlin in two weeks.",
                  "en", published=date(2022, 1, 17))
    dated = [m for m in ms if m.start == date(2022, 1, 19)]
    assert dated and {"USA", "UKR"} <= set(dated[0].participants)
    undated = [m for m in ms if m.start is None]
    assert undated and undated[0].status == "upcoming" and not undated[0].date_resolved
    assert undated[0].location == "Berlin"


def test_capital_by_adjective_and_not_the_place_of_the_saying():
    [m] = meetings("Am Montag spricht Baerbock in der ukrainischen Hauptstadt mit Präsident Selenskyj, "
                   "wie ein Sprecher des Auswärtigen Amts am Freitag in Berlin mitteilte.")
    assert (m.start, m.location) == (date(2022, 1, 10), "Kiew")
    assert {"DEU", "UKR"} <= set(m.participants)


def test_visitor_meeting_two_organisations_holds_two_meetings():
    ms = meetings("Am Donnerstag trifft Baerbock in Brüssel den EU-Außenbeauftragten Josep Borrell "
                  "und Nato-Generalsekretär Jens Stoltenberg.")
    assert sorted(tuple(sorted(m.participants)) for m in ms) == [("DEU", "EU"), ("DEU", "NATO")]


def test_meeting_announced_for_a_later_month_is_kept_as_the_month():
    # a vague span is kept as the range it stands for (issue 9), unresolved and shown as written
    ms = meetings("Die Staats- und Regierungschefs der G20 kommen im März in Neu-Delhi zusammen.")
    assert [(m.start, m.end, m.date_resolved, m.status) for m in ms] == [(date(2022, 3, 1), date(2022, 3, 31),
                                                                          False, "upcoming")]
    assert "G20" in ms[0].participants and ms[0].date_text == "März"


def test_each_stretch_has_its_own_format():
    ms = meetings("He met Polish President Andrzej Duda in Berlin on Friday and spoke by phone with Putin on Saturday.",
                  "en", published=date(2022, 2, 6))
    by_day = {m.start: m for m in ms}
    assert by_day[date(2022, 2, 4)].format == "in_person"
    assert by_day[date(2022, 2, 5)].format == "phone" and by_day[date(2022, 2, 5)].location is None
    assert all(m.status == "past" for m in ms)


def test_day_before_a_meeting_named_earlier():
    ms = meetings("Am Freitag trifft Putin in Peking Staatschef Xi Jinping. "
                  "Am Vortag seines China-Besuchs empfängt er in Moskau den argentinischen Präsidenten.",
                  published=date(2022, 2, 2))
    assert sorted((m.start, m.location) for m in ms) == [(date(2022, 2, 3), "Moskau"), (date(2022, 2, 4), "Peking")]


def test_sidelines_of_a_dated_earlier_event_take_no_day_from_the_news():
    ms = meetings("Am Dienstag empfängt Putin in Moskau den ungarischen Ministerpräsidenten Viktor Orban. "
                  "Xi und Putin trafen sich zuletzt im November 2019 am Rande eines Brics-Gipfels.",
                  published=date(2022, 2, 2))
    assert all(m.start is not None and m.start.year == 2022 for m in ms)
    assert len(ms) == 1


def test_named_event_at_a_named_place_needs_no_party_and_shared_seats_follow_context():
    ms = meetings("Vom 18. bis 20. Februar treffen sich in München Minister aus aller Welt zur Sicherheitskonferenz. "
                  "Bereits am Mittwoch beraten die Verteidigungsminister der Allianz in Brüssel.",
                  published=date(2022, 2, 14))
    by_day = {m.start: m for m in ms}
    conf = by_day[date(2022, 2, 18)]
    assert (conf.end, conf.location, conf.participants) == (date(2022, 2, 20), "München", [])
    assert by_day[date(2022, 2, 16)].participants == ["NATO"]


def test_english_host_after_a_modal_and_a_seat_as_place():
    [m] = meetings("Biden will host German Chancellor Olaf Scholz at the White House on February 7.", "en",
                   published=date(2022, 2, 1))
    assert (m.start, m.location, m.title) == (date(2022, 2, 7), "White House", "Meeting United States – Germany")
    assert m.format == "in_person"
    assert set(m.participants) == {"USA", "DEU"}


def test_a_week_qualifying_named_days_is_no_meeting_of_its_own():
    ms = meetings("NATO foreign ministers will meet in Brussels on Wednesday and Thursday next week.", "en",
                  published=date(2022, 2, 1))
    assert len(ms) == 1 and ms[0].start is not None


def test_travel_to_a_foreign_capital_on_a_day_is_a_visit():
    ms = meetings("Der japanische Außenminister reist am Freitag nach Rom und tags darauf nach Madrid.")
    got = sorted((m.start, m.location, tuple(sorted(m.participants))) for m in ms)
    assert got == [(date(2022, 1, 7), "Rom", ("ITA", "JPN")), (date(2022, 1, 8), "Madrid", ("ESP", "JPN"))]
    en = meetings("The Canadian prime minister will travel to Tokyo on Thursday.", "en")
    assert [(m.start, m.location) for m in en] == [(date(2022, 1, 6), "Tokyo")]


def test_flight_in_the_evening_before_a_meeting_named_for_the_next_day_is_no_meeting():
    ms = meetings("Am Donnerstagabend fliegt sie nach Ankara weiter, "
                  "wo sie am Freitag den türkischen Präsidenten trifft.")
    assert [m.start for m in ms] == [date(2022, 1, 7)]


def test_signing_and_bringing_together_are_meetings():
    ms = meetings("Vertreter der Ukraine und Russlands sollen das Abkommen am Freitag in Genf unterzeichnen.")
    assert [(m.start, m.location) for m in ms] == [(date(2022, 1, 7), "Genf")]
    ms = meetings("Am Freitag will Guterres die Präsidenten Armeniens und Aserbaidschans in Genf zusammenbringen.")
    assert [m.start for m in ms] == [date(2022, 1, 7)] and {"UN", "ARM", "AZE"} <= set(ms[0].participants)


def test_days_counted_after_an_event_are_no_length():
    [m] = meetings("Zwei Tage nach dem Gipfel, am Donnerstag, kommt er in Oslo mit dem norwegischen Premier zusammen.")
    assert (m.start, m.end) == (date(2022, 1, 6), date(2022, 1, 6))
    [m] = meetings("Am Donnerstag beginnt ein dreitägiger Besuch des Kanzlers in Oslo.")
    assert (m.start, m.end) == (date(2022, 1, 6), date(2022, 1, 8))


def test_departure_day_is_not_a_meeting_when_the_visit_is_dated():
    # published on a Friday: leaving today, the talks abroad come on Sunday
    ms = meetings("Die Außenministerin bricht am Freitag zu einem Besuch in die Türkei auf. "
                  "Am Sonntag wird sie in Ankara mit Außenminister Mevlüt Çavuşoğlu beraten.",
                  published=date(2022, 1, 7))
    assert [m.start for m in ms if m.status == "upcoming"] == [date(2022, 1, 9)]


def test_first_stop_of_a_journey_is_where_it_meets():
    [m] = meetings("Der Außenminister bricht am Montag zu einer Asienreise auf; erste Station ist Tokio.")
    assert (m.start, m.location) == (date(2022, 1, 10), "Tokio")
    assert "JPN" in m.participants


def test_talk_named_inside_a_longer_visit_stays_its_own_meeting():
    ms = meetings("Der Präsident wird am Mittwoch und Donnerstag in Rom mit der italienischen Regierung beraten. "
                  "Zum Auftakt am Mittwoch ist ein Gespräch mit Ministerpräsident Mario Draghi vorgesehen.")
    assert sorted((m.start, m.end) for m in ms) == [(date(2022, 1, 5), date(2022, 1, 5)),
                                                    (date(2022, 1, 5), date(2022, 1, 6))]


def test_day_an_announcement_was_made_with_a_separable_verb_is_no_meeting_day():
    ms = meetings("Das Präsidialamt kündigte am Montag an, Vertreter Russlands und der Ukraine würden "
                  "das Abkommen am Freitag unterzeichnen.")
    assert [m.start for m in ms] == [date(2022, 1, 7)]
    assert {"RUS", "UKR"} <= set(ms[0].participants)


def test_format_only_on_evidence():
    [m] = meetings("Die Außenminister der G7 wollen am Freitag über die Lage beraten.")
    assert m.format is None
    [m] = meetings("Die Außenminister der G7 wollen am Freitag in Berlin über die Lage beraten.")
    assert m.format == "in_person"
    [m] = meetings("Scholz und Macron wollen am Freitag per Videokonferenz beraten.")
    assert m.format == "video"


def test_later_mention_gives_a_merged_meeting_its_format():
    ms = meetings("Scholz und Macron wollen am Freitag über die Energiepreise beraten. "
                  "Die Videoschalte von Scholz und Macron findet am Freitag um 10 Uhr statt.")
    [m] = [m for m in ms if m.start == date(2022, 1, 7)]
    assert m.format == "video"


def test_title_keeps_the_genitive_of_the_event_noun():
    [m] = meetings("Am Mittwoch kommt es in Brüssel zu einem Treffen des Nato-Russland-Rats.")
    assert m.title == "Treffen des Nato-Russland-Rats"


def test_bare_noun_title_names_the_parties_in_the_source_language():
    [m] = meetings("Am Montag beginnen in Genf Gespräche zwischen den USA und Russland.")
    assert m.title == "Gespräche USA – Russland"
    [m] = meetings("Talks between the United States and Russia begin in Geneva on Monday.", "en",
                   published=date(2022, 1, 4))
    assert m.title == "Talks United States – Russia"


def test_english_title_keeps_the_event_name():
    [m] = meetings("Harris will attend the annual Munich Security Conference on Friday.", "en",
                   published=date(2022, 2, 14))
    assert m.title == "Munich Security Conference"
    assert len(m.title) <= 60


def test_title_of_a_hyphenated_compound_and_of_a_plural_in_en():
    [m] = meetings("Am Mittwoch tagt in Vilnius der Nato-Ukraine-Rat.")
    assert m.title == "Nato-Ukraine-Rat"
    [m] = meetings("Am Montag beginnen in Wien Verhandlungen zwischen dem Iran und der EU.")
    assert m.title.startswith("Verhandlungen ")


def test_city_where_others_negotiate_is_no_party():
    [m] = meetings("Die Gespräche zwischen Kuba und Kanada sollen am Montag in Bern fortgesetzt werden.")
    assert m.location == "Bern"
    assert "CHE" not in m.participants
    assert {"CUB", "CAN"} <= set(m.participants)


def test_city_visited_makes_its_state_a_party():
    [m] = meetings("Der kanadische Außenminister reist am Montag zu einem Besuch nach Bern.")
    assert "CHE" in m.participants


def test_venue_and_city_of_one_meeting_merge():
    ms = meetings("Bern – Die Gespräche mit Kuba sollen am Montag in Bern weitergehen. "
                  "Diplomaten Kubas und Kanadas kommen dazu am Montag im Hotel Intercontinental zusammen.")
    assert len(ms) == 1
    assert {"CUB", "CAN"} <= set(ms[0].participants)


def test_two_known_cities_on_one_day_stay_apart():
    ms = meetings("Der kanadische Außenminister trifft am Montag in Bern seinen Amtskollegen. "
                  "Der kanadische Premier trifft am Montag in Rom den italienischen Präsidenten.")
    assert sorted(m.location for m in ms) == ["Bern", "Rom"]


def test_since_one_day_and_still_until_another_is_one_range():
    [m] = meetings("In Rom beraten seit Montag und noch bis Mittwoch die Außenminister der Nato.")
    assert (m.start, m.end, m.status) == (date(2022, 1, 3), date(2022, 1, 5), "upcoming")
    assert "NATO" in m.participants


def test_lower_case_tagen_read_as_a_noun_is_the_verb():
    [m] = meetings("Dort, im norditalienischen Piemont, tagen seit Montag und noch bis Mittwoch "
                   "die Außenminister der Nato.")
    assert (m.start, m.end) == (date(2022, 1, 3), date(2022, 1, 5))
    assert "NATO" in m.participants


def test_days_counted_from_the_meeting_named_before():
    ms = meetings("Am Freitag treffen sich die Präsidenten Chiles und Perus in Lima. "
                  "Zwei Tage nach dem Treffen beraten die Außenminister der Nato in Riga.")
    nato = next(m for m in ms if "NATO" in m.participants)
    assert nato.start == date(2022, 1, 9)


def test_the_day_after_the_summit_in_english():
    ms = meetings("The leaders of Chile and Peru will meet in Lima on Friday. "
                  "The day after the summit, NATO foreign ministers convene in Riga.", "en")
    nato = next(m for m in ms if "NATO" in m.participants)
    assert nato.start == date(2022, 1, 8)


def test_dann_takes_the_day_of_the_sentence_before():
    ms = meetings("Entscheidend wird der Freitag. Dann wollen die Präsidenten Chiles und Perus in Lima verhandeln.")
    assert [(m.start, m.location) for m in ms] == [(date(2022, 1, 7), "Lima")]


def test_explicit_long_range_and_its_meeting_begun_before():
    ms = meetings("Am Montag beginnt in Lima die Konferenz der Vereinten Nationen. "
                  "Unterhändler aus 100 Staaten wollen vom 10. Januar bis 21. Januar einen Vertrag ausarbeiten.")
    [m] = ms
    assert (m.start, m.end) == (date(2022, 1, 10), date(2022, 1, 21))


def test_attending_a_match_is_no_meeting():
    assert meetings("The Chilean president will attend the football final in Lima on Sunday.", "en") == []


def test_attending_a_summit_is_a_meeting():
    [m] = meetings("The Chilean president will attend the summit in Lima on Sunday.", "en")
    assert "CHL" in m.participants


def test_a_body_of_ministers_meeting_on_a_day_at_a_place():
    [m] = meetings("Am Montag befassen sich die EU-Außenminister in Brüssel mit dem Abkommen.")
    assert (m.start, m.location) == (date(2022, 1, 10), "Brüssel")
    assert "EU" in m.participants


def test_a_body_of_ministers_without_a_place_is_no_meeting():
    assert meetings("Am Montag äußern sich die EU-Außenminister zu dem Abkommen.") == []


def test_a_definite_meeting_noun_takes_the_parties_named_before():
    ms = meetings("Erstmals trifft der französische Präsident Emmanuel Macron den kanadischen Premier Justin Trudeau. "
                  "Die Begegnung ist für Montag in Lima angesetzt, wie das Weiße Haus mitteilte.")
    m = next(m for m in ms if m.start == date(2022, 1, 10))
    assert {"FRA", "CAN"} <= set(m.participants)
    assert "USA" not in m.participants


def test_leaders_of_a_summit_named_before_are_its_organisation():
    ms = meetings("Am Montag beginnt in Lima der Gipfel der Nato. "
                  "Die Staats- und Regierungschefs beraten dort am Donnerstag und Freitag.")
    later = next(m for m in ms if m.start == date(2022, 1, 6))
    assert later.participants == ["NATO"]
    assert (later.end, later.location) == (date(2022, 1, 7), "Lima")


def test_a_meeting_of_three_days_running_through_a_day_ends_then():
    [m] = meetings("The three-day NATO meeting in Riga runs through Sunday.", "en")
    assert (m.start, m.end) == (date(2022, 1, 7), date(2022, 1, 9))


def test_a_state_the_talks_are_against_is_no_party():
    [m] = meetings("Die EU-Außenminister beraten am Montag in Brüssel über neue Sanktionen gegen Kuba.")
    assert m.participants == ["EU"]


def test_pronoun_guest_and_a_trilateral_after_the_talk():
    ms = meetings("Der kanadische Premier Justin Trudeau reist am Mittwoch nach Frankreich. "
                  "Am Donnerstag empfängt ihn Präsident Emmanuel Macron im Élysée, im Anschluss ist ein "
                  "Dreiertreffen mit Nato-Generalsekretär Jens Stoltenberg angesetzt.")
    thursday = sorted((tuple(sorted(m.participants)) for m in ms if m.start == date(2022, 1, 6)), key=len)
    assert thursday == [("CAN", "FRA"), ("CAN", "FRA", "NATO")]


def test_a_reception_told_by_a_verb_inside_a_visit_stays_its_own():
    ms = meetings("Der kanadische Premier Justin Trudeau reist vom 5. bis 7. Januar zu einem Besuch nach Frankreich. "
                  "Am Donnerstag empfängt ihn Präsident Emmanuel Macron.")
    assert sorted((m.start, m.end) for m in ms) == [(date(2022, 1, 5), date(2022, 1, 7)),
                                                    (date(2022, 1, 6), date(2022, 1, 6))]


def test_separate_talks_with_each_partner():
    ms = meetings("Am Rande will Präsident Emmanuel Macron am Freitag in Lima sowohl mit Justin Trudeau "
                  "als auch mit Olaf Scholz zusammenkommen.")
    assert sorted(tuple(sorted(m.participants)) for m in ms) == [("CAN", "FRA"), ("DEU", "FRA")]


def test_separate_side_meetings_without_a_day_of_their_own():
    ms = meetings("Am Freitag beginnt in Lima der Gipfel der Nato. "
                  "Am Rande will Präsident Emmanuel Macron sowohl mit Justin Trudeau "
                  "als auch mit Olaf Scholz sprechen.")
    side = sorted(tuple(sorted(m.participants)) for m in ms if m.side)
    assert side == [("CAN", "FRA"), ("DEU", "FRA")]


def test_what_a_meeting_is_about_is_neither_a_participant_nor_its_place():
    [m] = meetings("Die EU-Außenminister wollen am Freitag in Brüssel über den Umgang mit China beraten.")
    assert (m.start, m.location) == (date(2022, 1, 7), "Brüssel")
    assert m.participants == ["EU"]
    [m] = meetings("In Paris beginnt am Montag eine Konferenz über einen Waffenstillstand in Syrien.")
    assert (m.start, m.location) == (date(2022, 1, 10), "Paris")
    assert "SYR" not in m.participants
