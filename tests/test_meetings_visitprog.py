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
