"""Inferring an undated source's publication date from its own date mentions (sentences written for these tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.model import Source
from briefing.nlp.temporal.published import Inference, infer_published
from briefing.nlp.temporal.published_clues import read_clues, shift


def source(body: str, language: str = "de") -> Source:
    return Source(id="t", path=Path("t.txt"), title="t", body=body, language=language)


def infer(body: str, language: str = "de") -> Inference:
    guess = infer_published(source(body, language))
    assert guess is not None
    assert 0 <= guess.confidence <= 1
    return guess


def test_anaphor_landing_on_a_named_day_pins_year_and_week():
    body = ("Die Vermittler wollen am Samstag und Sonntag in Wien verhandeln. Drei Tage später soll der Rat "
            "zusammenkommen. Der Vorsitzende hatte den Rat am Donnerstag für den 16. März einberufen. "
            "Am Donnerstag sprach er auch mit der Presse. Im Jahr 2021 war ein ähnlicher Versuch gescheitert.")
    guess = infer(body)
    # 13 March 2022 is a Sunday: Sunday + 3 days = Wednesday 16 March; Thursday past = 10 March.
    assert guess.published == date(2022, 3, 10)
    assert "Drei Tage später" in guess.note and "16. März" in guess.note


def test_no_named_day_or_year_gives_no_guess():
    assert infer_published(source("Am Freitag wollen die Minister beraten. Gestern gab es keine Einigung.")) is None


def test_weekday_written_beside_a_date_chooses_the_year():
    body = ("Die Außenminister wollen am Donnerstag, 10. März, in Prag beraten. Am Montag hatte der "
            "Ministerpräsident die Einladung verschickt. Die Regierung war im Jahr 2020 gebildet worden.")
    guess = infer(body)
    # 10 March is a Thursday in 2022 (not in 2020 or 2021); the past Monday is 7 March.
    assert guess.published == date(2022, 3, 7)
    assert "that weekday in 2022" in guess.note


def test_english_weekday_beside_a_date():
    body = ("Leaders will gather in Madrid on Tuesday, March 8, for a two-day summit. On Friday, the host "
            "government published the agenda. The alliance last met in person in 2019.")
    guess = infer(body, "en")
    assert guess.published.year == 2022
    assert date(2022, 3, 4) <= guess.published <= date(2022, 3, 8)


def test_span_after_a_named_day_lands_on_the_weekday():
    body = ("The ministers will meet in Oslo on Thursday, six weeks after their summit on May 5. "
            "On Monday, the foreign minister said he was hopeful. The last treaty expired in 2019.")
    guess = infer(body, "en")
    # 5 May + 42 days = 16 June, a Thursday in 2022; the Monday before it is the 13th.
    assert guess.published == date(2022, 6, 13)
    assert "six weeks" in guess.note


def test_span_from_a_named_day_elsewhere_in_the_text():
    body = ("Einen Monat nach Beginn der Blockade kommen die Minister am Donnerstag in Genf zusammen. "
            "Schon an diesem Montag tagt der Sicherheitsrat. Bereits am 10. Oktober, einen Tag nach Beginn "
            "der Blockade, hatte die Regierung protestiert. Das Abkommen war 2018 geschlossen worden.")
    guess = infer(body)
    # 10 October + 1 month = 10 November; the Thursday near it and the Monday of that week.
    assert guess.published.isoweekday() == 1
    thursday = shift(guess.published, 3, "D")
    assert abs((thursday - shift(date(guess.published.year, 10, 10), 1, "MO")).days) <= 3
    assert "'Einen Monat' from '10. Oktober'" in guess.note


def test_more_than_years_since_the_last_time_moves_the_year():
    last_time = "Zuletzt waren sie im März 2018 in Rom zusammengekommen. "
    rest = "Am 2. Mai hatte der Minister die Reise angekündigt. Am Freitag wollen sie in Wien verhandeln."
    without = infer(last_time + rest)
    with_span = infer("Es ist das erste Treffen der beiden seit mehr als drei Jahren. " + last_time + rest)
    assert without.published.year == 2018
    assert with_span.published.year == 2021 and with_span.published > date(2021, 5, 2)
    assert "mehr als drei Jahren" in with_span.note


def test_a_span_counting_from_something_else_does_not_move_the_year():
    body = ("Der seit mehr als acht Jahren andauernde Konflikt bleibt ungelöst. Zuletzt hatten die Minister im "
            "Mai 2021 verhandelt. Am 3. Juni hatte der Gesandte die Region besucht. Am Freitag soll er berichten. "
            "Das vor zehn Jahren gegründete Forum hatte 2020 getagt.")
    guess = infer(body)
    assert guess.published.year == 2021


def test_years_ago_with_the_year_beside_it():
    body = ("Vor acht Jahren, im März 2014, hatte das Parlament den Vertrag gebilligt. Am 3. März hatten die "
            "Minister darüber gesprochen. Am Freitag wollen sie erneut beraten.")
    guess = infer(body)
    assert guess.published.year == 2022


def test_year_named_as_a_limit_does_not_move_the_year():
    body = ("Das Abkommen läuft noch bis 2030. Am 12. Januar hatte die Kommission einen Entwurf vorgelegt. "
            "Im Jahr 2019 war ein erster Versuch gescheitert. Am Mittwoch wollen die Minister beraten.")
    guess = infer(body)
    assert 2019 <= guess.published.year <= 2021


def test_year_in_a_past_clause_is_a_lower_bound():
    body = ("Am 12. Januar hatte die Kommission einen Entwurf vorgelegt. Im Jahr 2019 war ein erster Versuch "
            "gescheitert. Am Mittwoch wollen die Minister beraten.")
    guess = infer(body)
    assert guess.published >= date(2019, 1, 12)


def test_past_and_future_days_bound_the_publication_day():
    body = ("Die Zusage hatte der Präsident bereits am 15. Dezember gegeben. Die Messe dauert bis zum "
            "20. Februar. Am Dienstag hatte er Gäste empfangen; am Freitag will er reisen. "
            "Die Partnerschaft besteht seit 2016.")
    guess = infer(body)
    p = guess.published
    after = date(p.year - (p.month <= 2), 12, 15)
    assert after <= p <= date(after.year + 1, 2, 20)
    # Tuesday past and Friday ahead: written Tuesday to Thursday.
    assert guess.published.isoweekday() in (2, 3, 4)


def test_this_monday_is_the_publication_day():
    body = ("Schon an diesem Montag beraten die Außenminister in Luxemburg. Am Donnerstag sollen die Staats- "
            "und Regierungschefs folgen. Bereits am 3. März hatten sie über Sanktionen gesprochen. Der Vertrag "
            "war 2021 unterzeichnet worden.")
    guess = infer(body)
    assert guess.published.isoweekday() == 1
    assert guess.published > date(2021, 3, 3)


def test_only_years_still_give_a_guess_with_low_confidence():
    body = ("Die Minister wollen am Freitag beraten. Am Dienstag hatte die Kommission einen Plan vorgelegt. "
            "Zuletzt hatte es im Dezember 2020 einen Gipfel gegeben.")
    guess = infer(body)
    assert guess.published >= date(2020, 12, 1)
    assert guess.published.isoweekday() in (2, 3, 4)
    assert guess.confidence < 0.2


def test_a_pin_makes_the_guess_surer_than_weekdays_alone():
    pinned = infer("Die Minister wollen am Sonntag in Wien beraten. Zwei Tage später soll der Rat tagen. Er war "
                   "für den 12. Januar einberufen worden. Im Jahr 2019 war ein Versuch gescheitert.")
    loose = infer("Die Minister wollen am Sonntag in Wien beraten. Der Rat war für den 12. Januar einberufen "
                  "worden. Im Jahr 2019 war ein Versuch gescheitert.")
    assert pinned.confidence > loose.confidence
    # 12 January is a Tuesday (Sunday + 2) in 2021.
    assert pinned.published.year == 2021 and pinned.published < date(2021, 1, 10)


def test_clues_keep_a_lent_year_apart_from_a_written_one():
    clues = read_clues(source("Zuletzt trafen sie sich im März 2018. Am 2. Mai hatte der Minister gesprochen."))
    day = next(n for n in clues.named if n.text == "2. Mai")
    assert day.year is None and day.context_year == 2018
    assert [p.text for p in clues.periods] == ["März 2018"]
