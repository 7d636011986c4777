"""Meetings told as held are not upcoming, and the days of those to come are read whole (issue 9, precision on
unseen news): a strong preterite in the plural is past, a comparison ("than expected") or a repetition told
in the past ("erneut", "again") announces nothing, a part of the month told in the past is over, and "vom 6.
bis zum 8. Juni" starts on the 6th."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.nlp.temporal.timex_lex import lexicon
from briefing.nlp.temporal.timex_tense import _sets, is_preterite
from tests.nlp_support import annotated

WEDNESDAY = date(2021, 6, 23)


def upcoming(text: str, language: str = "de", published: date = WEDNESDAY):
    return [m for m in annotated(text, language, published).meetings if m.status == "upcoming"]


def days(text: str, language: str = "de", published: date = WEDNESDAY):
    return [(t.text, t.value) for t in annotated(text, language, published).timexes]


# -- the tense of the clause ------------------------------------------------------------------------

@pytest.mark.parametrize("form, lemma, past", [
    ("gingen", "gehen", True), ("trafen", "treffen", True), ("kamen", "kommen", True), ("sprachen", "sprechen", True),
    ("gibt", "geben", False), ("fährt", "fahren", False), ("hält", "halten", False), ("trifft", "treffen", False),
    ("liest", "lesen", False), ("reist", "reisen", False),
])
def test_strong_preterite_plurals_are_past_and_present_vowel_changes_are_not(form, lemma, past):
    assert is_preterite(form, lemma, _sets(lexicon("de"))) is past


def test_a_weekday_in_a_plural_strong_preterite_is_the_day_gone_by():
    assert ("Sonntag", "2021-06-20") in days("Die Gespräche der beiden Delegationen gingen am Sonntag in Genf "
                                             "ohne Einigung zu Ende.")
    assert not upcoming("Die Außenminister Frankreichs und Italiens trafen sich am Sonntag in Rom.")


@pytest.mark.parametrize("language, text", [
    ("de", "Das Treffen der Außenminister Frankreichs und Italiens in Rom endete am Mittwoch früher als geplant."),
    ("en", "The meeting of the foreign ministers of France and Italy in Rome ended earlier than expected on "
           "Wednesday."),
])
def test_a_word_of_plan_in_a_comparison_announces_nothing(language, text):
    assert not upcoming(text, language)


@pytest.mark.parametrize("language, text", [
    ("de", "Der französische Präsident hat Anfang Juni erneut mit dem italienischen Ministerpräsidenten in Rom "
           "beraten."),
    ("en", "In early June the French president again held talks with the Italian prime minister in Rome."),
])
def test_a_repetition_told_in_the_past_is_over(language, text):
    assert not upcoming(text, language, date(2021, 6, 8))


@pytest.mark.parametrize("language, text", [
    ("de", "Der französische Präsident will Anfang Juni erneut mit dem italienischen Ministerpräsidenten in Rom "
           "beraten."),
    ("en", "In early June the French president will again hold talks with the Italian prime minister in Rome."),
])
def test_a_repetition_to_come_is_still_announced(language, text):
    [m] = upcoming(text, language, date(2021, 5, 20))
    assert m.start == date(2021, 6, 1)


def test_a_part_of_the_month_told_in_the_past_ends_today_at_the_latest():
    ms = annotated("Die Außenminister Frankreichs und Italiens haben Anfang Juni in Rom verhandelt.", "de",
                   date(2021, 6, 8)).meetings
    assert [(m.status, m.end) for m in ms] == [("past", date(2021, 6, 8))]


# -- the days of a range ----------------------------------------------------------------------------

def test_a_range_with_bis_zum_starts_on_its_first_day():
    [m] = upcoming("Die Konferenz der Außenminister Frankreichs und Italiens findet vom 6. bis zum 8. Juli in Rom "
                   "statt.")
    assert (m.start, m.end) == (date(2021, 7, 6), date(2021, 7, 8))


# -- the day of a report ----------------------------------------------------------------------------

def test_the_day_after_a_noun_of_reporting_is_the_reports():
    [m] = upcoming("Laut einer Mitteilung vom Montag ist ein Gipfeltreffen Frankreichs und Italiens in Rom für den "
                   "2. Juli geplant.", published=date(2021, 6, 21))
    assert (m.start, sorted(m.participants)) == (date(2021, 7, 2), ["FRA", "ITA"])
    assert not upcoming("A press statement published on Monday informed the foreign ministers about the "
                        "chairperson's scheduled summit on South Sudan.", "en", date(2021, 6, 21))


def test_a_noun_of_reporting_taken_by_a_verb_names_no_report():
    [m] = upcoming("The foreign ministers of France and Italy will sign the statement on Wednesday in Rome.", "en",
                   date(2021, 6, 21))
    assert m.start == WEDNESDAY
