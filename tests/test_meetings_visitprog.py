"""Meetings in a visit's programme (nlp/meetings/programme.py): items whose day hangs on the visit told before
("am Nachmittag", "Anschließend", "the next day", "on the third and final day"), not on the source's own day."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import annotated

TUESDAY = date(2022, 1, 4)


def meetings(text: str, language: str = "de", published: date = TUESDAY):
    return annotated(text, language, published).meetings


def on(ms, day: date):
    return [m for m in ms if m.start == day and m.status == "upcoming"]


def test_a_part_of_a_day_after_a_visit_dated_next_week_falls_on_the_visit_day():
    ms = meetings("Die finnische Präsidentin kommt am 12. Januar zu einem Arbeitsbesuch nach Prag. "
                  "Der Besuch war im Dezember vereinbart worden. "
                  "Am Nachmittag trifft sie mit dem tschechischen Ministerpräsidenten zusammen.")
    assert not on(ms, TUESDAY), [(m.start, m.participants) for m in ms]
    items = on(ms, date(2022, 1, 12))
    assert len(items) == 2  # the visit and its afternoon meeting, a meeting of its own inside it
    assert all({"FIN", "CZE"} <= set(m.participants) for m in items)


def test_a_clock_time_alone_in_a_visit_programme_takes_the_visit_day():
    ms = meetings("Der irische Premier reist am Freitag zu einem Besuch nach Rom. "
                  "Für 11 Uhr ist ein Treffen mit Ministerpräsident Draghi angesetzt.")
    assert not on(ms, TUESDAY)
    assert any("ITA" in m.participants for m in on(ms, date(2022, 1, 7)))


def test_in_the_evening_after_a_state_visit_is_on_its_first_day():
    ms = meetings("The Danish prime minister will pay a state visit to Portugal from 18 to 20 January. "
                  "The President will give a state banquet in the evening.", "en")
    assert not on(ms, TUESDAY), [(m.start, m.participants) for m in ms]
    assert any(m.end == date(2022, 1, 18) for m in on(ms, date(2022, 1, 18)))


def test_the_next_day_counts_from_the_programme_day_not_from_the_end_of_the_visit():
    ms = meetings("The Danish prime minister will pay a state visit to Portugal from 18 to 20 January. "
                  "She will then meet the President of Portugal. "
                  "The next day the prime minister will attend a conference in Porto.", "en")
    assert on(ms, date(2022, 1, 19)), [(m.start, m.end, m.participants) for m in ms]
    assert not on(ms, date(2022, 1, 21))


def test_an_item_right_after_the_next_day_is_held_that_day_with_the_visit_parties():
    ms = meetings("The Danish prime minister will pay a state visit to Portugal from 18 to 20 January. "
                  "The next day the prime minister will attend a conference in Porto. "
                  "The Portuguese Prime Minister will host a luncheon for the guests.", "en")
    second = on(ms, date(2022, 1, 19))
    assert second and all({"DNK", "PRT"} <= set(m.participants) for m in second)


def test_an_ordinal_day_of_the_visit_is_counted_from_its_first_day():
    ms = meetings("The Danish prime minister will pay a state visit to Portugal from 18 to 20 January. "
                  "On the third and final day, the guests will visit Coimbra.", "en")
    third = on(ms, date(2022, 1, 20))
    assert any(m.end == date(2022, 1, 20) and {"DNK", "PRT"} <= set(m.participants) for m in third), \
        [(m.start, m.end, m.participants) for m in ms]


def test_am_zweiten_tag_is_the_second_day_of_the_visit():
    ms = meetings("Die dänische Königin reist vom 18. bis 20. Januar zu einem Staatsbesuch nach Portugal. "
                  "Am zweiten Tag besucht sie mit dem portugiesischen Präsidenten die Universität Coimbra.")
    assert any(m.start == m.end == date(2022, 1, 19) for m in ms), [(m.start, m.end) for m in ms]


def test_anschliessend_after_a_dated_meeting_takes_its_day():
    ms = meetings("Am Donnerstag trifft der deutsche Außenminister in Kairo seinen ägyptischen Amtskollegen. "
                  "Anschließend will er auch mit dem jordanischen Außenminister sprechen.")
    assert any("JOR" in m.participants for m in on(ms, date(2022, 1, 6))), [(m.start, m.participants) for m in ms]


def test_anschliessend_after_an_undated_meeting_gives_no_day():
    ms = meetings("Am Donnerstag trifft der deutsche Außenminister in Kairo seinen ägyptischen Amtskollegen. "
                  "Gespräche sind auch mit dem libanesischen Präsidenten geplant. "
                  "Anschließend will er in Amman mit dem jordanischen König sprechen.")
    assert not any("JOR" in m.participants and m.start for m in ms), [(m.start, m.participants) for m in ms]


def test_travelling_on_afterwards_gives_no_day():
    ms = meetings("Am Donnerstag trifft der deutsche Außenminister in Kairo seinen ägyptischen Amtskollegen. "
                  "Im Anschluss fliegt er weiter zu Gesprächen nach Amman.")
    assert not any("JOR" in m.participants and m.start for m in ms), [(m.start, m.participants) for m in ms]


def test_later_this_week_is_a_time_of_its_own_not_a_sequel():
    ms = meetings("Trump spoke on the phone with Putin on Tuesday. "
                  "Putin hosted Assad in Sochi ahead of a summit later this week with Turkey and Iran.", "en")
    assert not any("IRN" in m.participants and m.start == TUESDAY for m in ms), \
        [(m.start, m.participants) for m in ms]


def test_a_day_to_come_outside_the_visit_closes_its_programme():
    ms = meetings("Die finnische Präsidentin kommt am 12. Januar zu einem Arbeitsbesuch nach Prag. "
                  "Am 20. Januar tagt in Brüssel der Europäische Rat. "
                  "Am Abend spricht der Ratspräsident mit dem Präsidenten Frankreichs.")
    assert not any("FRA" in m.participants and m.start == date(2022, 1, 12) for m in ms)


def test_talks_told_again_for_the_evening_stay_one_meeting():
    ms = meetings("In Wien verhandeln am Mittwoch die Außenminister Irans und der USA. "
                  "Am Abend ist ein Treffen der Minister Irans und der USA geplant.")
    assert len(on(ms, date(2022, 1, 5))) == 1, [(m.start, m.participants, m.side) for m in ms]


# class 9: "bis <Tag>" ends a span, it is not the meeting's day

def test_bis_freitag_ends_talks_that_run_from_the_source_day():
    ms = meetings("Der Außenminister will bis Freitag in Gesprächen mit der polnischen Regierung eine Lösung suchen.")
    talks = [m for m in ms if "POL" in m.participants]
    assert talks and all((m.start, m.end) == (TUESDAY, date(2022, 1, 7)) for m in talks), \
        [(m.start, m.end, m.participants) for m in ms]


def test_until_friday_ends_talks_that_run_from_the_source_day():
    ms = meetings("The envoy will hold talks with the Polish government until Friday.", "en")
    talks = [m for m in ms if "POL" in m.participants]
    assert talks and all((m.start, m.end) == (TUESDAY, date(2022, 1, 7)) for m in talks), \
        [(m.start, m.end, m.participants) for m in ms]


def test_bis_after_a_journey_under_way_runs_from_its_first_day():
    ms = meetings("Der Kanzler ist am Montag zu einem Besuch in Polen eingetroffen. "
                  "Bis Freitag führt er Gespräche mit der polnischen Regierung.")
    assert any((m.start, m.end) == (date(2022, 1, 3), date(2022, 1, 7)) and "POL" in m.participants
               for m in ms), [(m.start, m.end, m.participants) for m in ms]


def test_a_length_with_until_still_counts_back_from_the_end():
    ms = meetings("The three-day conference of Nato and Ukraine runs through Friday in Vilnius.", "en")
    assert any((m.start, m.end) == (date(2022, 1, 5), date(2022, 1, 7)) for m in ms), \
        [(m.start, m.end) for m in ms]


# class 8: arrived, gathered, landed = under way, not past

def test_gathered_today_for_a_summit_is_under_way():
    ms = meetings("Leaders of Nato today gathered in Vilnius for a summit with Ukraine.", "en")
    assert any(m.start == TUESDAY and m.status == "upcoming" and "NATO" in m.participants for m in ms), \
        [(m.start, m.status, m.participants) for m in ms]


def test_arrived_yesterday_for_a_meeting_leaves_its_day_open():
    ms = meetings("Der Außenminister Polens ist am Montag zu einem Treffen mit den Außenministern Litauens und "
                  "Lettlands in Riga eingetroffen.")
    meeting = [m for m in ms if "LTU" in m.participants]
    assert meeting and all(m.status == "upcoming" and m.start is None for m in meeting), \
        [(m.start, m.status, m.participants) for m in ms]


def test_arrived_yesterday_for_a_visit_has_begun_and_goes_on():
    ms = meetings("British Prime Minister Boris Johnson arrived in Oslo on Monday evening for an overnight visit "
                  "with Norway's prime minister.", "en")
    visit = [m for m in ms if "GBR" in m.participants]
    assert visit and all(m.status == "upcoming" and m.start == date(2022, 1, 3) and m.end >= TUESDAY
                         for m in visit), [(m.start, m.end, m.status) for m in ms]


def test_arrived_after_a_summit_leaves_the_summit_past():
    ms = meetings("Der Außenminister ist am Dienstag im Anschluss an den Nato-Gipfel in Rom in Israel eingetroffen.")
    assert not any("NATO" in m.participants and m.status == "upcoming" for m in ms), \
        [(m.start, m.status, m.participants) for m in ms]


def test_a_visit_landed_at_days_ago_is_past():
    ms = meetings("Der Kanzler war am 20. Dezember zu einem Besuch in Polen gelandet.")
    assert all(m.status == "past" for m in ms if "POL" in m.participants)


# class 5: a date that is not the meeting's

def test_a_date_after_nach_beside_the_meeting_day_is_no_meeting_day():
    ms = meetings("Der Kanzler spricht am Freitag in New York auf einem Forum der Vereinten Nationen über die Welt "
                  "nach dem 11. September.")
    assert any(m.start == date(2022, 1, 7) for m in ms)
    assert not any(m.start == date(2022, 9, 11) for m in ms), [(m.start, m.participants) for m in ms]


def test_a_date_after_after_beside_the_meeting_day_is_no_meeting_day():
    ms = meetings("The chancellor will address a United Nations forum in New York on Friday on the world after "
                  "11 September.", "en")
    assert any(m.start == date(2022, 1, 7) for m in ms)
    assert not any(m.start == date(2022, 9, 11) for m in ms), [(m.start, m.participants) for m in ms]


def test_a_year_as_the_subject_of_its_clause_is_no_meeting_time():
    subject = meetings("Bei den Gesprächen mit Frankreich in Paris hieß es, 2023 solle ein Jahr des Friedens werden.")
    assert not any((m.start, m.end) == (date(2023, 1, 1), date(2023, 12, 31)) for m in subject)
    phrase = meetings("Im Jahr 2023 wird der Gipfel der Nato in Paris stattfinden.")
    assert any((m.start, m.end) == (date(2023, 1, 1), date(2023, 12, 31)) for m in phrase)


def test_a_year_opening_an_english_clause_before_its_verb_is_no_meeting_time():
    ms = meetings("At the talks with France in Paris, officials said 2023 will be a year of peace.", "en")
    assert not any((m.start, m.end) == (date(2023, 1, 1), date(2023, 12, 31)) for m in ms)


def test_a_dateline_of_places_and_a_day_dates_no_meeting():
    ms = meetings("Azerbaijan, Baku, 4 January / corr. N. Aliyeva/ The foreign ministers of Azerbaijan and Armenia "
                  "will meet in mid-January in Strasbourg.", "en")
    assert not any(m.start == TUESDAY for m in ms), [(m.start, m.end) for m in ms]
    assert any({"AZE", "ARM"} <= set(m.participants) for m in ms)
