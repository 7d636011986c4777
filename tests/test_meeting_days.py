"""Which day a meeting falls on, and whether it is still to come, as real news tells it (issue 9): the day of a
report is no meeting's day, a perfect split by an apposition is past, a meeting begun today is under way, an
agency's dateline names no day, days counted from a visit or from the meeting named before."""

from __future__ import annotations

from datetime import date

from briefing.nlp.temporal.furniture import find_furniture
from tests.nlp_support import annotated

FRIDAY = date(2021, 6, 18)
THURSDAY = date(2021, 1, 7)


def meetings(text: str, language: str = "de", published: date = FRIDAY):
    return annotated(text, language, published).meetings


# -- the day of the report, not of the meeting -----------------------------------------------------

def test_the_day_after_a_speakers_name_is_the_day_of_saying():
    [m] = meetings("Am Mittwoch werde Merkel den Gast im Kanzleramt empfangen, sagte Regierungssprecher Steffen "
                   "Seibert am Freitag.")
    assert m.start == date(2021, 6, 23)


def test_a_verb_of_reporting_is_a_verb_of_saying():
    ms = meetings("Außenminister Maas besucht seinen Kollegen Lawrow in Moskau, berichtete das Auswärtige Amt "
                  "am Dienstag.")
    assert all(m.start != date(2021, 6, 15) for m in ms)


def test_english_day_after_the_speakers_name_is_the_day_of_saying():
    [m] = meetings("Merkel will host Blinken at the chancellery on Wednesday, government spokesman Steffen Seibert "
                   "said on Friday.", "en")
    assert m.start == date(2021, 6, 23)


# -- tense ------------------------------------------------------------------------------------------

def test_a_perfect_split_by_an_apposition_is_past():
    [m] = meetings("Der ägyptische Außenminister Schukri hat am Mittwochmorgen mit seinem israelischen "
                   "Amtskollegen Aschkenasi und dem Außenminister Jordaniens, Ayman Safadi, gesprochen.",
                   published=THURSDAY)
    assert (m.start, m.status) == (date(2021, 1, 6), "past")


def test_a_night_before_a_weekday_is_no_list_of_days():
    ms = meetings("Die Kanzlerin war in der Nacht zum Mittwoch von ihrer Reise nach Mali zurückgekehrt, die sie "
                  "auch nach Niger geführt hatte.", published=THURSDAY)
    assert all(m.status == "past" and m.start and m.start < THURSDAY for m in ms)


def test_held_today_is_past_though_another_clause_looks_ahead():
    [m] = meetings("Today, a meeting of the foreign ministers of Egypt and Jordan was held in Cairo, during which "
                   "they agreed on a draft agenda.", "en", published=THURSDAY)
    assert (m.start, m.status) == (THURSDAY, "past")


def test_german_held_today_is_past_though_another_clause_looks_ahead():
    [m] = meetings("Heute fand in Kairo ein Treffen der Außenminister Ägyptens und Jordaniens statt, bei dem sie "
                   "sich auf eine Tagesordnung einigten.", published=THURSDAY)
    assert (m.start, m.status) == (THURSDAY, "past")


def test_a_summit_begun_today_is_under_way():
    [m] = meetings("The summit of the leaders of France and Germany (the two largest members) began Thursday "
                   "morning in Brussels.", "en", published=THURSDAY)
    assert (m.start, m.status) == (THURSDAY, "upcoming")


def test_german_summit_begun_today_is_under_way():
    [m] = meetings("Der Gipfel der Staats- und Regierungschefs Frankreichs und Deutschlands hat am Donnerstag in "
                   "Brüssel begonnen.", published=THURSDAY)
    assert (m.start, m.status) == (THURSDAY, "upcoming")


def test_a_summit_ended_today_is_still_past():
    [m] = meetings("The summit of the leaders of France and Germany ended Thursday in Brussels.", "en",
                   published=THURSDAY)
    assert m.status == "past"


def test_a_phone_call_named_today_by_a_noun_is_over():
    [m] = meetings("Trump's phone call with Putin on Thursday comes a day after the Russian leader met Assad.", "en",
                   published=THURSDAY)
    assert (m.start, m.status) == (THURSDAY, "past")
    [d] = meetings("Das Telefonat von Scholz mit Macron am Donnerstag folgt auf ein Treffen der Außenminister.",
                   published=THURSDAY)
    assert (d.start, d.status) == (THURSDAY, "past")


def test_a_phone_call_announced_today_is_to_come():
    [m] = meetings("Scholz will hold a phone call with Macron on Thursday.", "en", published=THURSDAY)
    assert m.status == "upcoming"


# -- a month or a year -------------------------------------------------------------------------------

def test_a_year_to_come_is_the_range_of_its_days():
    [m] = meetings("Im Jahr 2022 wird der Ministerrat der OSZE in Hamburg stattfinden.")
    assert (m.start, m.end, m.date_resolved, m.location) == (date(2022, 1, 1), date(2022, 12, 31), False, "Hamburg")
    [e] = meetings("In 2022, the OSCE Ministerial Council will meet in Hamburg.", "en")
    assert (e.start, e.end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_a_month_to_come_is_the_range_of_its_days():
    [m] = meetings("The foreign ministers of India and Pakistan will meet in Islamabad in August.", "en")
    assert (m.start, m.end, m.date_resolved) == (date(2021, 8, 1), date(2021, 8, 31), False)
    [d] = meetings("Die Außenminister Indiens und Pakistans treffen sich im August in Islamabad.")
    assert (d.start, d.end) == (date(2021, 8, 1), date(2021, 8, 31))


def test_months_joined_into_a_range_are_one_span_shown_as_written():
    [m] = meetings("Die Außenminister Indiens und Pakistans treffen sich zwischen August und Oktober in Islamabad.")
    assert (m.start, m.end, m.date_text) == (date(2021, 8, 1), date(2021, 10, 31), "August und Oktober")
    [e] = meetings("The foreign ministers of India and Pakistan will meet from August to October in Islamabad.", "en")
    assert (e.start, e.end, e.date_text) == (date(2021, 8, 1), date(2021, 10, 31), "August to October")


def test_months_bounding_a_recurrence_name_no_meeting_day():
    ms = meetings("The leaders of India and Pakistan are expected to meet every month between August and October.",
                  "en")
    assert ms and all(m.start is None for m in ms)
    de = meetings("Die Regierungschefs Indiens und Pakistans wollen sich von August bis Oktober jeden Monat treffen.")
    assert de and all(m.start is None for m in de)


def test_a_month_counted_from_the_source_an_attributive_year_and_alternatives_name_no_span():
    # "next month" mostly previews days named later; "the 2022 summit" names the event; "April/June" offers two
    for text in ("The foreign ministers of India and Pakistan will meet next month in Islamabad.",
                 "India will host the 2022 summit with Pakistan in Islamabad.",
                 "The foreign ministers of India and Pakistan will meet in Islamabad sometime in August/October."):
        assert all(m.start is None for m in meetings(text, "en")), text
    for text in ("Die Außenminister Indiens und Pakistans treffen sich im nächsten Monat in Islamabad.",
                 "Die Außenminister Indiens und Pakistans treffen sich im August oder Oktober in Islamabad."):
        assert all(m.start is None for m in meetings(text)), text


def test_a_year_further_off_names_a_plan_not_a_meeting_span():
    ms = meetings("Brazil will host the Olympic Games there in 2024, and the football World Cup in 2026.", "en")
    assert all(m.start is None or m.start.year < 2024 for m in ms)


def test_the_current_year_names_no_range():
    ms = meetings("Der Ministerrat der OSZE wird in diesem Jahr in Hamburg tagen.")
    assert all(m.start is None for m in ms)


# -- datelines ---------------------------------------------------------------------------------------

def test_an_agency_and_its_day_opening_a_paragraph_are_a_dateline():
    [f] = find_furniture("ENA February 8/2020 Leaders of African countries are arriving.", "en")
    assert (f.start, f.kind) == (0, "agency_dateline")
    [d] = find_furniture("dpa 8. Februar 2020 Die Staatschefs Afrikas reisen an.", "de")
    assert d.start == 0
    assert find_furniture("AP reports that leaders meet on February 9.", "en") == []


def test_a_dateline_day_is_no_meeting_day():
    [m] = meetings("ENA June 18/2021 Leaders of France and Germany are arriving in Brussels for the summit "
                   "scheduled to take place from 24-25 June 2021.", "en")
    assert (m.start, m.end) == (date(2021, 6, 24), date(2021, 6, 25))


# -- days counted from the visit or from another event ----------------------------------------------

def test_a_weekday_alone_falls_within_a_visit_announced_for_a_later_week():
    ms = meetings("Geplant ist ein Staatsbesuch des US-Präsidenten in Deutschland vom 28. Juni bis 1. Juli. "
                  "Am Mittwochnachmittag soll Biden Kanzler Scholz in Berlin treffen.")
    assert date(2021, 6, 30) in [m.start for m in ms]
    en = meetings("The US president will pay a state visit to Germany from June 28 to July 1. On Wednesday "
                  "afternoon, Biden will meet Chancellor Scholz in Berlin.", "en")
    assert date(2021, 6, 30) in [m.start for m in en]


def test_a_weekday_outside_the_visit_keeps_its_week():
    ms = meetings("Geplant ist ein Staatsbesuch des US-Präsidenten in Deutschland vom 28. bis 29. Juni. "
                  "Am Freitag will Scholz Macron in Paris treffen.")
    assert FRIDAY in [m.start for m in ms]


def test_ordinal_days_of_a_visit_dated_before():
    ms = meetings("Steinmeier empfängt das belgische Königspaar vom 5. bis 7. Juli zu einem Staatsbesuch in Berlin. "
                  "Am zweiten und dritten Tag des Besuchs sind Gespräche mit König Philippe in Dresden geplant.")
    assert (date(2021, 7, 6), date(2021, 7, 7)) in [(m.start, m.end) for m in ms]
    en = meetings("Macron will pay a state visit to Washington from July 5 to 7. On the second day of the visit, "
                  "he will hold talks with Biden in Mount Vernon.", "en")
    assert date(2021, 7, 6) in [m.start for m in en]


def test_the_same_day_is_the_day_of_the_meeting_dated_before():
    ms = meetings("Am Mittwoch empfängt Merkel Blinken im Kanzleramt. Am selben Tag nimmt Blinken an der "
                  "Libyen-Konferenz im Auswärtigen Amt in Berlin teil.")
    assert [m.start for m in ms] == [date(2021, 6, 23)] * len(ms) and ms
    en = meetings("On Wednesday, Merkel will host Blinken at the chancellery. The same day, Blinken will attend "
                  "the Libya conference at the Foreign Office in Berlin.", "en")
    assert [m.start for m in en] == [date(2021, 6, 23)] * len(en) and en


def test_the_day_after_a_named_event_lasts_until_the_day_named():
    ms = meetings("Duda will meet Trump at the White House on June 22. The day after the White House meeting, "
                  "Duda's visit to the United States commences, which will last until June 26.", "en")
    assert (date(2021, 6, 23), date(2021, 6, 26)) in [(m.start, m.end) for m in ms]
    de = meetings("Duda trifft Trump am 22. Juni im Weißen Haus. Einen Tag nach dem Treffen im Weißen Haus beginnt "
                  "Dudas Besuch in den Vereinigten Staaten, der bis zum 26. Juni dauern wird.")
    assert date(2021, 6, 23) in [m.start for m in de]


def test_before_the_first_working_session_is_the_first_day_of_the_summit():
    ms = meetings("Der G7-Gipfel auf Schloss Elmau findet von Sonntag bis Dienstag statt. Vor der ersten "
                  "Arbeitssitzung trifft sich Scholz mit US-Präsident Joe Biden.")
    assert date(2021, 6, 20) in [m.start for m in ms if "USA" in m.participants]
    en = meetings("The G7 summit at Elmau runs from Sunday to Tuesday. Before the first working session, Scholz "
                  "will meet US President Joe Biden.", "en")
    assert date(2021, 6, 20) in [m.start for m in en if "USA" in m.participants]


def test_a_journey_begun_is_under_way_and_a_date_after_since_is_not_its_day():
    [m] = meetings("Zum Auftakt seiner ersten Nahost-Reise seit Amtsantritt im Mai ist Bundeskanzler Merz in "
                   "Jordanien eingetroffen.")
    assert (m.start, m.status, m.location) == (None, "upcoming", "Jordanien")
    [e] = meetings("At the start of his first Middle East trip since taking office in May, Chancellor Merz has "
                   "arrived in Jordan.", "en")
    assert (e.start, e.status) == (None, "upcoming")


def test_a_meeting_due_in_a_clause_of_its_own_is_still_to_come():
    ms = meetings("Lammy was in Washington on Friday, where he was due to meet Secretary of State Marco Rubio for "
                  "talks on Iran.", "en")
    assert [(m.start, m.status) for m in ms if "USA" in m.participants] == [(FRIDAY, "upcoming")]


# -- schedules ----------------------------------------------------------------------------------------

def test_a_date_on_a_line_of_its_own_heads_the_meetings_of_a_schedule():
    text = ("Macron reist zu einem Staatsbesuch in die USA.\n\nProgramm\n\n23. Juni\n\nMacron und Biden treffen sich "
            "zu einem Gespräch im Weißen Haus.\n\n24. Juni\n\nMacron trifft Vizepräsidentin Harris zu Gesprächen.")
    ms = meetings(text)
    assert {m.start for m in ms if "USA" in m.participants} >= {date(2021, 6, 23), date(2021, 6, 24)}
    en = ("Macron will pay a state visit to the United States.\n\nVisit schedule\n\nJune 23\n\nBiden and Macron "
          "holding a one-on-one meeting in the Oval Office.\n\nJune 24\n\nMacron meets Vice President Harris for "
          "talks.")
    assert {m.start for m in meetings(en, "en") if "USA" in m.participants} >= {date(2021, 6, 23), date(2021, 6, 24)}


def test_one_dated_line_is_no_schedule():
    text = "18. Juni 2021\n\nMacron und Biden wollen sich bald zu einem Gespräch in Washington treffen."
    assert all(m.start is None for m in meetings(text))


# -- days that are no meeting's ----------------------------------------------------------------------

def test_a_deadline_for_arriving_is_no_meeting_day():
    ms = meetings("Die Delegationen Syriens sollen bis Mittwoch in Genf anreisen, die Gespräche mit dem UN-Gesandten "
                  "sollen am Donnerstag beginnen.", published=date(2017, 2, 21))
    assert ms and all(m.start == date(2017, 2, 23) for m in ms)
    en = meetings("The Syrian delegations are to arrive in Geneva by Wednesday, and the talks with the UN envoy will "
                  "start on Thursday.", "en", published=date(2017, 2, 21))
    assert en and all(m.start == date(2017, 2, 23) for m in en)


def test_a_day_counted_from_an_event_held_elsewhere_is_not_counted_from_the_meeting_before():
    ms = meetings("Merz reist am Donnerstag zum EU-Gipfel in Brüssel. Nur einen Tag nach dem Gipfeltreffen der Nato "
                  "in Den Haag trifft er dort die anderen Staats- und Regierungschefs der EU.",
                  published=date(2021, 6, 22))
    assert date(2021, 6, 25) not in [m.start for m in ms]
    en = meetings("Merz will travel to the EU summit in Brussels on Thursday. Just one day after the NATO summit in "
                  "The Hague, he will meet the other EU leaders there.", "en", published=date(2021, 6, 22))
    assert date(2021, 6, 25) not in [m.start for m in en]


def test_a_day_is_counted_from_an_appointment_named_by_a_noun_that_is_no_meeting_word():
    en = meetings("Duda will meet Trump at the White House on June 22. The day after the White House engagement, "
                  "Duda's visit to the United States commences, which will last until June 26.", "en")
    assert (date(2021, 6, 23), date(2021, 6, 26)) in [(m.start, m.end) for m in en]
    de = meetings("Duda trifft Trump am 22. Juni im Weißen Haus. Einen Tag nach dem Termin im Weißen Haus beginnt "
                  "Dudas Besuch in den Vereinigten Staaten.")
    assert date(2021, 6, 23) in [m.start for m in de]


def test_the_length_of_a_journey_begun_holds_and_keeps_it_under_way():
    [m] = meetings("Die Bundeskanzlerin ist zum Auftakt ihres dreitägigen Afrika-Besuches am Montagabend in der "
                   "kenianischen Hauptstadt Nairobi gelandet.", published=date(2021, 6, 22))
    assert (m.start, m.end, m.status) == (date(2021, 6, 21), date(2021, 6, 23), "upcoming")
    [e] = meetings("At the start of her three-day visit to Kenya, the German chancellor landed in Nairobi on Monday "
                   "evening.", "en", published=date(2021, 6, 22))
    assert (e.start, e.end, e.status) == (date(2021, 6, 21), date(2021, 6, 23), "upcoming")


def test_leaving_for_a_journey_named_by_its_noun_starts_it_that_day():
    ms = meetings("Außenminister Maas wird am Sonntag zu einer mehrtägigen Reise nach Argentinien und in die USA "
                  "aufbrechen. Am Mittwoch trifft er in Washington US-Außenminister Pompeo.")
    assert date(2021, 6, 20) in [m.start for m in ms]
    en = meetings("Foreign Minister Maas will leave on Sunday for a trip to Argentina and the United States. On "
                  "Wednesday he will meet Secretary of State Pompeo in Washington.", "en")
    assert date(2021, 6, 20) in [m.start for m in en]


def test_a_meeting_planned_for_the_evening_with_no_day_named_is_this_evening():
    ms = meetings("Für den Abend ist laut Diplomaten ein Vier-Augen-Gespräch zwischen Selenskyj und Putin geplant.")
    assert [m.start for m in ms] == [FRIDAY]
    en = meetings("A one-on-one meeting between Zelensky and Putin is planned for the evening, diplomats said.", "en")
    assert [m.start for m in en] == [FRIDAY]


def test_a_journey_with_nobody_met_gives_its_day_to_the_meeting_told_next():
    ms = meetings("Am Samstag wollen beide nach Rheinland-Pfalz reisen. Auf dem US-Stützpunkt Ramstein soll ein "
                  "Ukraine-Gipfel mit Präsident Selenskyj stattfinden.")
    assert date(2021, 6, 19) in [m.start for m in ms if m.location == "Ramstein"]
    en = meetings("On Saturday, both will travel to Rhineland-Palatinate. A Ukraine summit with President Zelensky "
                  "will be held at the Ramstein air base.", "en")
    assert date(2021, 6, 19) in [m.start for m in en]
    past = meetings("Maas war am Sonntag nach Buenos Aires aufgebrochen. Er wird danach nach Washington zu seinem "
                    "Antrittsbesuch bei Außenminister Pompeo weiterreisen.", published=date(2021, 6, 21))
    assert all(m.start != date(2021, 6, 20) for m in past if "USA" in m.participants)
