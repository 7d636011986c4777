"""Temporal expressions: finding, TimeML values, weekday direction by tense, ranges, anaphora, unanchored."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.nlp.segment import segment
from briefing.nlp.temporal.timex import tag_timexes

TUESDAY = date(2022, 1, 4)


def tag(text: str, ref: date | None = TUESDAY, lang: str = "de"):
    return tag_timexes(text, segment(text, lang), lang, ref)


def value_of(text: str, span: str, ref: date | None = TUESDAY, lang: str = "de") -> str:
    found = {t.text: t for t in tag(text, ref, lang)}
    assert span in found, f"{span!r} not found in {list(found)}"
    return found[span].value


@pytest.mark.parametrize("text, span, value", [
    ("Am Donnerstag hatte die Kanzlerin mit dem Präsidenten telefoniert.", "Donnerstag", "2021-12-30"),
    ("Die Außenminister wollen am Freitag in Brüssel beraten.", "Freitag", "2022-01-07"),
    ("Am Dienstag sprach der Minister mit seinem Amtskollegen.", "Dienstag", "2022-01-04"),
    ("Das Abkommen dürfte am Mittwoch in Genf ein Thema sein.", "Mittwoch", "2022-01-05"),
    ("Der Gipfel findet am Montag in Rom statt.", "Montag", "2022-01-10"),
    ("Am vergangenen Samstag reiste die Delegation ab.", "Samstag", "2022-01-01"),
    ("Die Beratungen sind für Samstag angesetzt.", "Samstag", "2022-01-08"),
])
def test_weekday_direction_follows_the_clause(text, span, value):
    assert value_of(text, span) == value


def test_two_weekdays_and_an_anaphor_hanging_on_the_last():
    ts = tag("Am Sonntag und Montag wollen die Unterhändler sprechen. Zwei Tage später soll es Gespräche geben.")
    values = [(t.text, t.value) for t in ts]
    assert values == [("Sonntag", "2022-01-09"), ("Montag", "2022-01-10"), ("Zwei Tage später", "2022-01-12")]
    assert ts[2].anchor == "previous"
    assert [t.sentence for t in ts] == [1, 1, 2]


def test_date_without_year_in_a_past_clause_and_tags_darauf():
    # March lies ahead of 4 January 2022, but the clause is past: March 2021.
    ts = tag("Am 20. März landete sie in Kiew. Tags darauf traf sie den Präsidenten.")
    assert [t.value for t in ts] == ["2021-03-20", "2021-03-21"]


def test_range_gives_both_ends_the_whole_span():
    ts = tag("Die Konferenz dauert vom 18. bis 20. Februar.")
    assert [t.text for t in ts] == ["18.", "20. Februar"]
    assert all(t.first_day == date(2022, 2, 18) and t.last_day == date(2022, 2, 20) for t in ts)
    assert ts[0].range_start == ts[1].range_start


def test_weekday_range_runs_forward():
    ts = tag("Die Minister treffen sich von Freitag bis Sonntag in Liverpool.")
    assert ts[0].first_day == date(2022, 1, 7) and ts[0].last_day == date(2022, 1, 9)


@pytest.mark.parametrize("text, span, typ, value", [
    ("Die Wahl ist am 12.01.2022 geplant.", "12.01.2022", "DATE", "2022-01-12"),
    ("Im Dezember hatte es Gespräche gegeben.", "Dezember", "DATE", "2021-12"),
    ("Im Jahr 2019 begann der Streit.", "Jahr 2019", "DATE", "2019"),
    ("Seit 2014 ist die Krim besetzt.", "2014", "DATE", "2014"),
    ("Heute beraten die Minister.", "Heute", "DATE", "2022-01-04"),
    ("Gestern hatte er abgesagt.", "Gestern", "DATE", "2022-01-03"),
    ("Die Delegation reist morgen ab.", "morgen", "DATE", "2022-01-05"),
    ("Sie treffen sich nächste Woche wieder.", "nächste Woche", "DATE", "2022-W02"),
    ("Bis Ende des Monats soll ein Ergebnis vorliegen.", "Ende des Monats", "DATE", "2022-01"),
    ("Mitte Februar soll es weitergehen.", "Mitte Februar", "DATE", "2022-02"),
    ("Vergangenes Jahr war das anders.", "Vergangenes Jahr", "DATE", "2021"),
    ("Die Sitzung beginnt um 10 Uhr.", "10 Uhr", "TIME", "2022-01-04T10:00"),
    ("Er kam zu einem dreitägigen Besuch.", "dreitägigen", "DURATION", "P3D"),
    ("Die Gespräche dauerten drei Tage.", "drei Tage", "DURATION", "P3D"),
    ("Seit Wochen wird verhandelt.", "Wochen", "DURATION", "PXW"),
    ("In den vergangenen Wochen blieb es ruhig.", "den vergangenen Wochen", "DURATION", "PXW"),
    ("Derzeit gibt es keine Gespräche.", "Derzeit", "DATE", "PRESENT_REF"),
    ("Damals war alles anders.", "Damals", "DATE", "PAST_REF"),
    ("Das Gremium tagt monatlich.", "monatlich", "SET", "P1M"),
])
def test_german_expressions(text, span, typ, value):
    found = {t.text: t for t in tag(text)}
    assert span in found, list(found)
    assert (found[span].type, found[span].value) == (typ, value)


def test_quantities_and_ages_are_not_times():
    spans = [t.text for t in tag("Rund 2000 Menschen demonstrierten. Der 47-jährige Fahrer ist 16 Jahre alt.")]
    assert spans == []


def test_offsets_point_into_the_body():
    body = "Titel\n\nAm Freitag wollen sie beraten."
    for t in tag(body):
        assert body[t.start:t.end] == t.text


def test_unanchored_keeps_x_and_never_uses_the_clock():
    ts = {t.text: t for t in tag("Am Freitag wollen sie beraten. Zwei Tage später kam die Antwort, "
                                 "wie am 12.01.2022 vereinbart.", ref=None)}
    assert ts["Freitag"].value == "XXXX-WXX-5"
    assert ts["Freitag"].resolved is False and ts["Freitag"].anchor == "none"
    assert ts["Freitag"].direction == "future"
    assert ts["Zwei Tage später"].value == "XXXX-XX-XX"
    assert ts["12.01.2022"].value == "2022-01-12" and ts["12.01.2022"].resolved


@pytest.mark.parametrize("text, span, value", [
    ("On Thursday, the president spoke with his counterpart.", "Thursday", "2021-12-30"),
    ("The ministers will meet on Friday in Brussels.", "Friday", "2022-01-07"),
    ("Talks are planned for January 12 in Geneva.", "January 12", "2022-01-12"),
    ("The summit ended on 12 January 2020.", "12 January 2020", "2020-01-12"),
    ("Next week the envoys return.", "Next week", "2022-W02"),
    ("Yesterday the talks resumed.", "Yesterday", "2022-01-03"),
    ("The session opens at 10 a.m.", "10 a.m.", "2022-01-04T10:00"),
])
def test_english_expressions(text, span, value):
    assert value_of(text, span, lang="en") == value


def test_english_anaphor_and_duration():
    ts = tag("The envoys meet on Monday. Two days later the ministers follow for three-day talks.", lang="en")
    assert [(t.text, t.value) for t in ts] == [("Monday", "2022-01-10"), ("Two days later", "2022-01-12"),
                                               ("three-day", "P3D")]


MONDAY = date(2022, 1, 10)


@pytest.mark.parametrize("text, span, value", [
    # The publication weekday named in a present, progressive or scheduled clause is that very day.
    ("The foreign minister is holding talks in Oslo on Monday.", "Monday", "2022-01-10"),
    ("The chancellor is due to speak with the president on Monday.", "Monday", "2022-01-10"),
    ("The envoys will meet in Vienna on Monday.", "Monday", "2022-01-10"),
    ("The envoys met in Vienna on Monday.", "Monday", "2022-01-10"),
    # Only an explicit word moves it a week.
    ("The envoys met in Vienna last Monday.", "Monday", "2022-01-03"),
    ("The envoys meet again next Monday.", "Monday", "2022-01-17"),
    ("The envoys meet again on Tuesday.", "Tuesday", "2022-01-11"),
])
def test_english_publication_weekday_is_today(text, span, value):
    assert value_of(text, span, ref=MONDAY, lang="en") == value


@pytest.mark.parametrize("text, span, value", [
    ("Am Montag kommen die Außenminister in Brüssel zusammen.", "Montag", "2022-01-10"),
    ("Die Kanzlerin wird am Montag in Paris erwartet.", "Montag", "2022-01-10"),
    ("Am vergangenen Montag hatten die Gespräche begonnen.", "Montag", "2022-01-03"),
    ("Am kommenden Montag beginnen die Gespräche.", "Montag", "2022-01-17"),
    # A present form of sein is no preterite.
    ("Der Gipfel am Donnerstag ist der erste seit Jahren.", "Donnerstag", "2022-01-13"),
])
def test_german_publication_weekday_is_today(text, span, value):
    assert value_of(text, span, ref=MONDAY) == value


def test_weekday_in_an_opening_after_phrase_on_the_publication_day_is_over():
    ts = {t.text: t for t in tag("Nach Gesprächen in Rom am Montag reist der Minister am Dienstag weiter.",
                                 ref=MONDAY)}
    assert ts["Montag"].value == "2022-01-10" and ts["Montag"].direction == "past"
    assert ts["Dienstag"].value == "2022-01-11"
    ts = {t.text: t for t in tag("After talks in Rome on Monday, the minister travels on to Paris on Tuesday.",
                                 ref=MONDAY, lang="en")}
    assert ts["Monday"].value == "2022-01-10" and ts["Monday"].direction == "past"


@pytest.mark.parametrize("text, span, value", [
    # A background year does not carry a later clause in the present into its year.
    ("Das Land war bis 2014 Mitglied. Am 1. Februar übernimmt es den Vorsitz.", "1. Februar", "2022-02-01"),
    ("Russia annexed Crimea in 2014. In December, Moscow published draft treaties.", "December", "2021-12"),
    # A past narrative dated to the month goes on in its year, within the sentence and into the next one.
    ("Im März 2019 reiste er nach Rom und im April nach Paris.", "April", "2019-04"),
    ("Im März 2019 reiste er nach Rom. Im April flog er nach Paris.", "April", "2019-04"),
])
def test_year_from_context_only_for_its_own_past(text, span, value):
    lang = "de" if " im " in f" {text.lower()} " or "Am " in text else "en"
    assert value_of(text, span, lang=lang) == value


FRIDAY = date(2022, 1, 14)


def test_anaphora_hang_on_the_event_day_not_the_day_of_the_report():
    ts = tag("Am Montag wird die Ministerin in Rom verhandeln, wie eine Sprecherin am Freitag sagte. "
             "Noch am Abend fliegt sie nach Madrid, wo sie einen Tag später den Regierungschef trifft.", ref=FRIDAY)
    assert [(t.text, t.value) for t in ts] == [("Montag", "2022-01-17"), ("Freitag", "2022-01-14"),
                                               ("Abend", "2022-01-17TEV"), ("einen Tag später", "2022-01-18")]
    en = tag("The minister will visit Rome on Monday, a spokeswoman said on Friday. "
             "The following day she travels to Madrid.", ref=FRIDAY, lang="en")
    assert en[-1].value == "2022-01-18"


def test_a_reported_day_still_anchors_when_no_event_day_is_near():
    ts = tag("Der Minister sagte am Montag, er sei zufrieden. Am Abend reiste er ab.", ref=FRIDAY)
    assert [t.value for t in ts] == ["2022-01-10", "2022-01-10TEV"]


def test_months_and_day_parts_cover_their_days():
    found = {t.text: t for t in tag("Im Februar wollen sie verhandeln. Am Donnerstag reisen sie an, am Nachmittag "
                                    "beginnen die Gespräche. Nächsten Monat folgt ein Gipfel.")}
    assert (found["Februar"].first_day, found["Februar"].last_day) == (date(2022, 2, 1), date(2022, 2, 28))
    assert found["Nachmittag"].value == "2022-01-06TAF"
    assert found["Nachmittag"].first_day == found["Nachmittag"].last_day == date(2022, 1, 6)
    assert (found["Nächsten Monat"].first_day, found["Nächsten Monat"].last_day) == (date(2022, 2, 1),
                                                                                      date(2022, 2, 28))


@pytest.mark.parametrize("text, lang, values", [
    ("The ministers meet on Wednesday and Thursday next week.", "en",
     ["2022-01-12", "2022-01-13", "2022-W02"]),
    ("Next week on Friday the envoys return.", "en", ["2022-W02", "2022-01-14"]),
    ("Die Minister treffen sich am Mittwoch und Donnerstag nächster Woche. Einen Tag später reisen sie ab.", "de",
     ["2022-01-12", "2022-01-13", "2022-W02", "2022-01-14"]),
    ("Am Montag vergangener Woche hatten sie sich getroffen.", "de", ["2021-12-27", "2021-W52"]),
])
def test_a_relative_week_places_its_weekdays(text, lang, values):
    assert [t.value for t in tag(text, lang=lang)] == values


@pytest.mark.parametrize("text, lang, values", [
    ("The ministers will meet on February 5 and 6 in Vienna.", "en", ["2022-02-05", "2022-02-06"]),
    ("The conference runs March 16-17.", "en", ["2022-03-16", "2022-03-17"]),
    ("Die Minister treffen sich am 5. und 6. Februar in Wien.", "de", ["2022-02-05", "2022-02-06"]),
    ("Die Minister treffen sich am 5./6. Februar in Wien.", "de", ["2022-02-05", "2022-02-06"]),
    # A number after a date is no day when a noun follows it.
    ("On January 10 and 12 people were hurt.", "en", ["2022-01-10"]),
])
def test_two_days_of_one_month(text, lang, values):
    assert [t.value for t in tag(text, lang=lang)] == values


@pytest.mark.parametrize("text, lang, span, value", [
    # Day parts without a day of their own continue the day last named for an event, across quotes.
    ("Am Mittwoch besucht die Ministerin das Werk. Am Nachmittag ist ein Treffen mit dem Bürgermeister geplant. "
     "„Das ist ein wichtiger Tag“, sagte sie. Noch am Abend fliegt sie nach Rom.", "de", "Abend", "2022-01-05TEV"),
    ('The envoy sees the emir on Thursday. "We want calm," he said. In the evening he flies on to Doha.', "en",
     "evening", "2022-01-06TEV"),
    # An event sentence without a day in between may have moved the narrative: fall back to the reference.
    ("Am Donnerstag tagt der Rat. Der Minister will am Mittwoch anreisen. Der Tag selbst ist voll. "
     "Am Nachmittag beginnt die Sitzung.", "de", "Nachmittag", "2022-01-04TAF"),
])
def test_day_part_continues_the_narrative_day(text, lang, span, value):
    assert value_of(text, span, lang=lang) == value


@pytest.mark.parametrize("text", [
    "The defence secretary travels to Canberra on Thursday.",
    "The chancellor visits a factory in Lyon on Thursday.",
])
def test_present_verb_read_as_noun_still_points_ahead(text):
    assert value_of(text, "Thursday", lang="en") == "2022-01-06"


@pytest.mark.parametrize("text, lang, values", [
    ("The forum is planned for February 7, 8 and 9 in Oslo.", "en", ["2022-02-07", "2022-02-08", "2022-02-09"]),
    ("Das Forum ist für den 7., 8. und 9. Februar geplant.", "de", ["2022-02-07", "2022-02-08", "2022-02-09"]),
])
def test_middle_day_of_a_list(text, lang, values):
    assert [t.value for t in tag(text, lang=lang)] == values


def test_year_after_a_list_of_days_belongs_to_the_first_too():
    ts = tag("Envoys will gather in Geneva on September 20-21, 2024.", lang="en")
    assert [t.value for t in ts] == ["2024-09-20", "2024-09-21", "2024"]
    assert ts[0].first_day == date(2024, 9, 20) and ts[0].last_day == date(2024, 9, 21)


@pytest.mark.parametrize("text, lang, span", [
    ("The four-day fair in Hanover lasts through Sunday.", "en", "Sunday"),
    ("Die viertägige Messe in Hannover dauert bis Sonntag.", "de", "Sonntag"),
])
def test_a_day_after_through_ends_the_length_given_before(text, lang, span):
    found = {t.text: t for t in tag(text, lang=lang)}
    t = found[span]
    assert t.value == "2022-01-09"
    assert (t.first_day, t.last_day) == (date(2022, 1, 6), date(2022, 1, 9))


def test_a_length_of_time_elsewhere_does_not_make_bis_a_range():
    t = {t.text: t for t in tag("Die Waffenruhe gilt seit drei Tagen und soll bis Sonntag halten.")}["Sonntag"]
    assert (t.first_day, t.last_day) == (date(2022, 1, 9), date(2022, 1, 9))


@pytest.mark.parametrize("text, span, value", [
    # The month "May" is no modal verb: the clause stays past.
    ("The rebels broke the truce on May 2, only to restore it a day later.", "May 2", "2021-05-02"),
    # "this year" dates the days of its sentence, not a year named in the sentence before.
    ("Talks collapsed in October 2020. The envoys have met twice this year, on March 3 and May 9.", "March 3",
     "2021-03-03"),
])
def test_past_dates_in_english(text, span, value):
    assert value_of(text, span, ref=date(2021, 6, 20), lang="en") == value


@pytest.mark.parametrize("text, lang, span, value", [
    ("The envoy landed in Oslo on Sunday ahead of a signing at the palace on Thursday.", "en", "Thursday",
     "2022-01-06"),
    ("Die Delegation traf am Montag vor den Beratungen am Mittwoch in Wien ein.", "de", "Mittwoch", "2022-01-05"),
    # A comma between: the second day is placed by its own clause.
    ("The envoy landed in Oslo on Sunday, before that he had met the king on Thursday.", "en", "Thursday",
     "2021-12-30"),
])
def test_a_day_ahead_of_which_another_came_lies_after_it(text, lang, span, value):
    assert value_of(text, span, lang=lang) == value


@pytest.mark.parametrize("text, lang, span, value", [
    ("The deal was signed on March 2 last year in Doha.", "en", "March 2", "2021-03-02"),
    ("Im Mai 2019 scheiterten die Gespräche, am 2. April dieses Jahres einigte man sich.", "de", "2. April",
     "2022-04-02"),
    ("Am 9. Oktober vergangenen Jahres reiste sie nach Oslo.", "de", "9. Oktober", "2021-10-09"),
])
def test_a_year_cue_after_a_date_names_its_year(text, lang, span, value):
    assert value_of(text, span, lang=lang) == value


@pytest.mark.parametrize("text, lang, span, value", [
    # The upcoming day, not the past one named later, is the summit's: the clause is present (ahead).
    ("Am Donnerstag treffen sich die Chefs in Rom. Am Montag hatten sie telefoniert. "
     "Am Tag nach dem Gipfel kommen die Minister in Paris zusammen.", "de", "Tag nach dem Gipfel", "2022-01-07"),
    ("The leaders meet in Rome on Thursday. Talks were held on Monday, officials said. "
     "The day before the summit, the ministers gather in Paris.", "en", "The day before the summit", "2022-01-05"),
])
def test_a_day_next_to_an_event_named_before(text, lang, span, value):
    assert value_of(text, span, lang=lang) == value


def test_a_day_next_to_an_event_without_any_day_nearby_is_left_out():
    assert [t.text for t in tag("The day after the election, he resigned.", lang="en")] == []
