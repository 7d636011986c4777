"""Classes of temporal language, each on sentences written for the test, in German and English."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.nlp.segment import segment
from briefing.nlp.temporal.timex import tag_timexes
from briefing.nlp.temporal.timex_calendar import easter_sunday

THURSDAY = date(2022, 1, 6)


def tag(text: str, lang: str = "de", ref: date | None = THURSDAY):
    return tag_timexes(text, segment(text, lang), lang, ref)


def found(text: str, lang: str = "de", ref: date | None = THURSDAY) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, lang, ref)}


@pytest.mark.parametrize("lang, text, span, value", [
    ("de", "Die Mannschaft gewann in der Saison 2014/15 den Titel.", "der Saison 2014/15", "XXXX-XX-XX"),
    ("de", "Für die Amtsperiode 2020/25 liegt ein Programm vor.", "die Amtsperiode 2020/25", "XXXX-XX-XX"),
    ("en", "The club won the title in the 2014/15 season.", "the 2014/15 season", "XXXX-XX-XX"),
])
def test_a_season_across_two_years_is_one_unnormalised_date(lang, text, span, value):
    assert found(text, lang)[span] == value


@pytest.mark.parametrize("lang, text", [
    ("de", "Er war Weltmeister (2005/2010) und Olympiasieger."),
    ("en", "He was world champion (2005/2010) and Olympic champion."),
])
def test_two_years_with_a_slash_are_no_season(lang, text):
    values = found(text, lang)
    assert values["2005"] == "2005"
    assert "XXXX-XX-XX" not in values.values()


@pytest.mark.parametrize("lang, text, span, value", [
    ("de", "Die Kirche wurde im 15. Jahrhundert gebaut.", "15. Jahrhundert", "14"),
    ("de", "Der Turm stammt aus der Mitte des 12. Jahrhunderts.", "12. Jahrhunderts", "11"),
    ("en", "The church was built in the 15th century.", "the 15th century", "14"),
])
def test_a_century_is_named_by_its_first_two_digits(lang, text, span, value):
    assert found(text, lang)[span] == value


@pytest.mark.parametrize("lang, text, span, value", [
    ("de", "Die Verhandlungen dauerten dreieinhalb Stunden.", "dreieinhalb Stunden", "PT3.5H"),
    ("de", "Der Umbau dauerte etwa ein Jahrzehnt.", "etwa ein Jahrzehnt", "P10Y"),
    ("de", "Die Helfer leisteten rund 120 freiwillige Stunden.", "rund 120 freiwillige Stunden", "PT120H"),
    ("de", "Die Gespräche gehen drei weitere Wochen.", "drei weitere Wochen", "P3W"),
    ("en", "The talks lasted two and a half hours.", "two and a half hours", "PT2.5H"),
    ("en", "The rebuilding took two decades.", "two decades", "P20Y"),
    ("en", "The talks go on for three more weeks.", "three more weeks", "P3W"),
])
def test_durations_with_halves_decades_and_adjectives(lang, text, span, value):
    assert found(text, lang)[span] == value


@pytest.mark.parametrize("lang, text", [
    ("de", "Wählen dürfen Jugendliche ab 16 Jahren."),
    ("de", "Das Lager ist für Kinder zwischen sechs und zwölf Jahren."),
    ("de", "Sie starb im Alter von 90 Jahren."),
    ("en", "The camp is for children between six and twelve years."),
    ("en", "Players aged 16 years can join."),
])
def test_an_age_is_no_duration(lang, text):
    assert found(text, lang) == {}


def test_an_age_word_leaves_a_real_duration_alone():
    assert found("Seit 16 Jahren regiert die Partei.") == {"16 Jahren": "P16Y"}


@pytest.mark.parametrize("lang, text, span, day", [
    ("de", "Der Markt wird an Heiligabend öffnen.", "Heiligabend", date(2022, 12, 24)),
    ("de", "Die Prozession zieht an Fronleichnam durch die Stadt.", "Fronleichnam", date(2022, 6, 16)),
    ("de", "Zu Weihnachten hatte er die Familie besucht.", "Weihnachten", date(2021, 12, 25)),
    ("en", "The market will open on Christmas Eve.", "Christmas Eve", date(2022, 12, 24)),
    ("en", "The parade will take place on Easter Monday.", "Easter Monday", date(2022, 4, 18)),
])
def test_a_holiday_keeps_the_corpus_value_and_gets_its_day(lang, text, span, day):
    t = next(t for t in tag(text, lang) if t.text == span)
    assert t.value == "XXXX-XX-XX"
    assert t.first_day == t.last_day == day


def test_a_holiday_compound_is_no_holiday():
    assert found("Der Weihnachtsmarkt und die Osterferien beginnen.") == {}


def test_easter_sunday():
    assert [easter_sunday(y) for y in (2022, 2024, 2025)] == [date(2022, 4, 17), date(2024, 3, 31), date(2025, 4, 20)]


@pytest.mark.parametrize("lang, text, span, value", [
    ("de", "In den kommenden Jahren soll die Bahn wachsen.", "den kommenden Jahren", "FUTURE_REF"),
    ("de", "In den vergangenen Jahren ist die Bahn gewachsen.", "den vergangenen Jahren", "PXY"),
    ("en", "In recent years the railway has grown.", "recent years", "PXY"),
    ("en", "In the coming years the railway will grow.", "the coming years", "FUTURE_REF"),
])
def test_vague_stretches_before_and_after_the_present(lang, text, span, value):
    assert found(text, lang)[span] == value


@pytest.mark.parametrize("lang, text, span, value", [
    ("de", "Der Vorstand tagt bald wieder.", None, None),
    ("de", "Die Ex-Ministerin spricht.", None, None),
])
def test_words_the_corpus_does_not_tag(lang, text, span, value):
    assert found(text, lang) == {}


@pytest.mark.parametrize("lang, text, span, value", [
    ("de", "In den neunziger Jahren wuchs die Stadt.", "den neunziger Jahren", "199"),
    ("en", "In the nineties the city grew.", "the nineties", "199"),
    ("de", "Die Reform soll ein halbes Jahr dauern.", "ein halbes Jahr", "P6M"),
    ("de", "Nach einer halben Stunde war das Gespräch vorbei.", "einer halben Stunde", "PT30M"),
    ("en", "The reform will take half a year.", "half a year", "P6M"),
])
def test_decades_in_words_and_halves(lang, text, span, value):
    assert found(text, lang)[span] == value


@pytest.mark.parametrize("lang, text, span, value, first, last", [
    ("de", "Zu Jahresbeginn gab es Streit.", "Jahresbeginn", "2022", date(2022, 1, 1), date(2022, 3, 31)),
    ("de", "Der Bericht kommt zum Monatsende.", "Monatsende", "2022-01", date(2022, 1, 21), date(2022, 1, 31)),
    ("de", "Zur Wochenmitte beraten die Minister.", "Wochenmitte", "2022-W01", date(2022, 1, 4), date(2022, 1, 6)),
    ("en", "The report is due at month-end.", "month-end", "2022-01", date(2022, 1, 21), date(2022, 1, 31)),
    ("en", "Profits fell at year-end.", "year-end", "2022", date(2022, 10, 1), date(2022, 12, 31)),
])
def test_nouns_naming_part_of_the_year_month_or_week(lang, text, span, value, first, last):
    t = next(t for t in tag(text, lang) if t.text == span)
    assert (t.value, t.first_day, t.last_day) == (value, first, last)
    assert t.mod in ("START", "MID", "END")


@pytest.mark.parametrize("lang, text, span, value", [
    ("de", "Das Stück läuft am 28. Januar und am 3. und 4. Februar, jeweils um 20 Uhr.", "20 Uhr", "T20:00"),
    ("de", "Der Markt ist am 25. und 26. Februar von 10 bis 18 Uhr offen.", "18 Uhr", "T18:00"),
    ("de", "Die Sammlung ist am 9. Februar von 16 bis 17 Uhr und am 11. Februar um 10.30 Uhr.", "10.30 Uhr",
     "2022-02-11T10:30"),
    ("en", "The play runs on January 28 and on February 3 and 4, each night at 8 p.m.", "8 p.m.", "T20:00"),
    ("en", "The talks begin on February 11 at 10:30 GMT.", "10:30 GMT", "2022-02-11T10:30"),
])
def test_a_clock_time_on_several_days_has_no_day(lang, text, span, value):
    assert found(text, lang)[span] == value


@pytest.mark.parametrize("lang, text, span, value", [
    ("de", "Die Ausstellung ist bis 30. Juni täglich geöffnet.", "30. Juni", "2022-06-30"),
    ("de", "Die Ausstellung war am 30. Juni geschlossen.", "30. Juni", "2021-06-30"),
    ("en", "The exhibition is opened until June 30.", "June 30", "2022-06-30"),
])
def test_a_lasting_state_is_no_past_event(lang, text, span, value):
    assert found(text, lang)[span] == value


@pytest.mark.parametrize("lang, text, first, second", [
    ("de", "Die Saison dauert von Mai bis Oktober.", "Mai", "Oktober"),
    ("en", "The season runs from May to October.", "May", "October"),
])
def test_a_month_range_runs_forward(lang, text, first, second):
    assert found(text, lang) == {first: "2022-05", second: "2022-10"}


@pytest.mark.parametrize("lang, text, value", [
    ("de", "Von dieser Reform zehrt das Land noch heute.", "PRESENT_REF"),
    ("de", "Der Fall ist bis heute ungeklärt.", "PRESENT_REF"),
    ("de", "Das Land profitiert heute noch davon.", "PRESENT_REF"),
    ("de", "Auch heute tagt der Rat.", "2022-01-06"),
    ("en", "Until today nobody knew who wrote it.", "PRESENT_REF"),
    ("en", "The council meets today.", "2022-01-06"),
])
def test_today_as_the_present_age(lang, text, value):
    assert [t.value for t in tag(text, lang)] == [value]


@pytest.mark.parametrize("lang, text, span, value", [
    ("de", "In der Nacht des 14. August brannte die Scheune.", "Nacht des 14. August", "2021-08-14TNI"),
    ("en", "On the night of August 14 the barn burned down.", "the night of August 14", "2021-08-14TNI"),
    ("de", "Die Gruppe trifft sich jeden dritten Mittwoch im Monat.", "jeden dritten Mittwoch im Monat", "P1M"),
    ("en", "The group meets every third Wednesday of the month.", "every third Wednesday of the month", "P1M"),
])
def test_part_of_a_named_day_and_monthly_sets(lang, text, span, value):
    assert found(text, lang)[span] == value


@pytest.mark.parametrize("lang, text, span, value", [
    ("de", "Die Zulassung dauert sechs bis acht Monate.", "sechs", "P6M"),
    ("en", "The approval takes six to eight months.", "six", "P6M"),
    ("de", "Die Praxis zählt 200 Patienten pro Tag.", "pro Tag", "P1D"),
    ("de", "Drei Minuten später fiel das zweite Tor.", "Drei Minuten später", "XXXX-XX-XXTXX:XX"),
    ("en", "Three minutes later the second goal fell.", "Three minutes later", "XXXX-XX-XXTXX:XX"),
])
def test_ranges_of_counts_rates_and_minutes_later(lang, text, span, value):
    assert found(text, lang)[span] == value


@pytest.mark.parametrize("lang, text", [
    ("de", "Die beiden Männer sind 31 bis 35 Jahre alt."),
    ("de", "Wir treffen uns zwischen 10 und 12 Uhr."),
])
def test_no_duration_from_ages_or_clock_ranges(lang, text):
    assert all(t.type != "DURATION" for t in tag(text, lang))


@pytest.mark.parametrize("lang, text, span, value", [
    ("de", "Um sieben Uhr beginnt die Sitzung.", "sieben Uhr", "2022-01-06T07:00"),
    ("en", "The session begins at seven o'clock.", "seven o'clock", "2022-01-06T07:00"),
    ("de", "Das Buch erscheint im Herbst nächsten Jahres.", "Herbst nächsten Jahres", "2023-FA"),
    ("en", "The book comes out in the autumn of next year.", "the autumn of next year", "2023-FA"),
    ("de", "Er arbeitete jahrzehntelang bei der Bahn.", "jahrzehntelang", "PXDE"),
])
def test_hours_in_words_seasons_of_a_named_year_and_decades_long(lang, text, span, value):
    assert found(text, lang)[span] == value
