"""The right day: tense, listed weekdays, weeks, vague parts of months and weeks, and page furniture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefing.model import Source
from briefing.nlp.segment import segment
from briefing.nlp.temporal.furniture import find_furniture
from briefing.nlp.temporal.published import infer_published
from briefing.nlp.temporal.timex import tag_timexes

THURSDAY = date(2022, 1, 6)


def tag(text: str, lang: str = "de", ref: date | None = THURSDAY):
    return tag_timexes(text, segment(text, lang), lang, ref)


def days(text: str, lang: str = "de", ref: date | None = THURSDAY) -> dict[str, tuple[date | None, date | None]]:
    return {t.text: (t.first_day, t.last_day) for t in tag(text, lang, ref)}


def day(d: int, month: int = 1, year: int = 2022) -> tuple[date, date]:
    return date(year, month, d), date(year, month, d)


@pytest.mark.parametrize("lang, text, span, expected", [
    ("de", "Scholz hat sich am Mittwoch in Paris mit Präsident Macron zu einem langen Gespräch getroffen.",
     "Mittwoch", day(5)),
    ("de", "Die Außenminister hatten am Montag in Brüssel beraten, wie das Amt mitteilte.", "Montag", day(3)),
    ("de", "Baerbock, die am Dienstag mit Lawrow telefoniert hatte, reist am Freitag nach Genf.", "Dienstag", day(4)),
    # the participle after an apposition set off by commas still makes the perfect
    ("de", "Scholz hat am Mittwoch mit Olaf Kristersson, dem Ministerpräsidenten Schwedens, telefoniert.",
     "Mittwoch", day(5)),
    ("de", "Scholz wird am Mittwoch mit Olaf Kristersson, dem Ministerpräsidenten Schwedens, telefonieren.",
     "Mittwoch", day(12)),
    ("de", "Baerbock, die am Dienstag mit Lawrow telefoniert hatte, reist am Freitag nach Genf.", "Freitag", day(7)),
    ("en", "Blinken spoke by phone with Foreign Minister Lavrov on Tuesday about the troops at the border.",
     "Tuesday", day(4)),
    ("en", "The foreign ministers have met on Monday in Brussels, officials said.", "Monday", day(3)),
    ("en", "Blinken, who spoke with Lavrov on Tuesday, will travel to Geneva on Friday.", "Friday", day(7)),
])
def test_a_weekday_in_a_past_or_perfect_clause_is_the_past_day(lang, text, span, expected):
    assert days(text, lang)[span] == expected


@pytest.mark.parametrize("lang, text, first, second, expected", [
    ("de", "Die Minister treffen sich am Mittwoch und Freitag in Brüssel.", "Mittwoch", "Freitag", (12, 14)),
    ("en", "The ministers meet on Wednesday and Friday in Brussels.", "Wednesday", "Friday", (12, 14)),
    ("de", "Die Minister trafen sich am Mittwoch und Freitag in Brüssel.", "Mittwoch", "Freitag", (-29, -31)),
])
def test_listed_weekdays_are_two_days_in_the_order_written(lang, text, first, second, expected):
    found = days(text, lang)

    def as_day(n: int) -> tuple[date, date]:
        return day(n) if n > 0 else day(-n, 12, 2021)

    assert found[first] == as_day(expected[0])
    assert found[second] == as_day(expected[1])
    assert all(t.range_start is None for t in tag(text, lang))


@pytest.mark.parametrize("lang, text, spans", [
    ("en", "Blinken will travel to Stockholm next week for a meeting on Thursday and Friday.", ("Thursday", "Friday")),
    ("de", "Nächste Woche reist Scholz nach Paris, wo er am Donnerstag und Freitag Gespräche führt.",
     ("Donnerstag", "Freitag")),
])
def test_weekdays_later_in_the_sentence_of_a_week_lie_in_that_week(lang, text, spans):
    found = days(text, lang)
    assert [found[s] for s in spans] == [day(13), day(14)]


@pytest.mark.parametrize("lang, text, spans", [
    ("de", "Nach seiner Ankunft am Mittwochabend nächster Woche soll Biden am Freitagvormittag empfangen werden.",
     ("Mittwochabend", "Freitagvormittag")),
    ("en", "After arriving on Wednesday next week, Biden will be welcomed by the president on Friday morning.",
     ("Wednesday", "Friday morning")),
])
def test_weekdays_after_a_weekday_of_a_week_lie_in_that_week(lang, text, spans):
    found = days(text, lang)
    assert [found[s] for s in spans] == [day(12), day(14)]


def test_a_weekday_with_a_cue_of_its_own_keeps_it():
    found = days("Next week he flies to Rome; last Monday he met the Pope.", "en")
    assert found["Monday"] == day(3)


@pytest.mark.parametrize("lang, text, span, first, last, mod", [
    ("de", "Der Gipfel ist für Ende März geplant.", "Ende März", date(2022, 3, 21), date(2022, 3, 31), "END"),
    ("de", "Mitte Februar soll es weitergehen.", "Mitte Februar", date(2022, 2, 11), date(2022, 2, 20), "MID"),
    ("de", "Anfang nächster Woche reist er nach Rom.", "Anfang nächster Woche", date(2022, 1, 10),
     date(2022, 1, 12), "START"),
    ("de", "Ende der Woche soll ein Ergebnis vorliegen.", "Ende der Woche", date(2022, 1, 6), date(2022, 1, 9),
     "END"),
    ("en", "The summit is planned for late March.", "late March", date(2022, 3, 21), date(2022, 3, 31), "END"),
    ("en", "He travels to Rome early next month.", "early next month", date(2022, 2, 1), date(2022, 2, 10),
     "START"),
    ("en", "Talks resume early next week.", "early next week", date(2022, 1, 10), date(2022, 1, 12), "START"),
    ("en", "A deal is due by the end of the month.", "the end of the month", date(2022, 1, 21), date(2022, 1, 31),
     "END"),
])
def test_a_part_of_a_month_or_week_is_a_vague_range_kept_as_written(lang, text, span, first, last, mod):
    t = next(t for t in tag(text, lang) if t.text == span)
    assert (t.first_day, t.last_day, t.mod) == (first, last, mod)


@pytest.mark.parametrize("lang, text, kind", [
    ("de", "BERLIN, 4. Januar (dpa) – Die Außenminister treffen sich am 12. Januar.", "dateline"),
    ("de", "KIEW, 4. Januar – Die Außenminister treffen sich am 12. Januar.", "caps_dateline"),
    ("de", "Von Anna Muster, 4. Januar 2022\nDie Außenminister treffen sich am 12. Januar.", "byline"),
    ("de", "Aktualisiert am 04.01.2022, 10:12 Uhr\nDie Außenminister treffen sich am 12. Januar.", "page"),
    ("de", "Politik | Stand: 04.01.2022 12:00 Uhr\nDie Außenminister treffen sich am 12. Januar.", "inline"),
    ("en", "WASHINGTON, Jan 4 (Reuters) - The foreign ministers meet on January 12.", "dateline"),
    ("en", "By Jane Doe and John Roe, January 4, 2022\nThe foreign ministers meet on January 12.", "byline"),
    ("en", "Updated 10:32 AM EST, Tue January 4, 2022\nThe foreign ministers meet on January 12.", "page"),
    ("de", "Stand: 4. Januar 2022\nDie Außenminister treffen sich am 12. Januar.", "page"),
    ("de", "Veröffentlicht am Dienstag, 4. Januar 2022\nDie Außenminister treffen sich am 12. Januar.", "page"),
    ("en", "Published: 4 January 2022\nThe foreign ministers meet on January 12.", "page"),
    ("en", "Politics | Updated January 4, 2022 at 10:00\nThe foreign ministers meet on January 12.", "inline"),
])
def test_no_date_is_taken_from_page_furniture(lang, text, kind):
    assert kind in {f.kind for f in find_furniture(text, lang)}
    assert [(t.text, t.value) for t in tag(text, lang)] == [
        ("12. Januar" if lang == "de" else "January 12", "2022-01-12")]


@pytest.mark.parametrize("lang, text", [
    ("de", "Von Montag bis Freitag wird in Genf verhandelt."),
    ("de", "Stand der Dinge ist am 3. Mai unklar."),
    ("en", "By Tuesday the talks will end."),
    ("de", "Veröffentlicht wurde der Bericht am 3. Mai."),
    ("de", "Aktualisiert werden die Zahlen am 3. Mai."),
    ("en", "Published in 2021, the report was ignored."),
    ("en", "Updated figures came out on May 3."),
])
def test_article_text_that_looks_like_furniture_is_not(lang, text):
    assert find_furniture(text, lang) == []
    assert tag(text, lang)


@pytest.mark.parametrize("lang, text, published", [
    ("de", "BERLIN, 4. Januar 2022 (dpa) – Die Minister treffen sich am 12. Januar.", date(2022, 1, 4)),
    ("en", "Updated 10:32 AM EST, Tue January 4, 2022\nBlinken spoke with Lavrov on Monday.", date(2022, 1, 4)),
])
def test_a_source_without_front_matter_is_dated_by_its_furniture(lang, text, published):
    guess = infer_published(Source(id="t", path=Path("t.txt"), title="T", body=text, language=lang))
    assert guess is not None and guess.published == published


def test_a_dateline_without_a_year_pins_month_and_day():
    text = ("BERLIN, 4. Januar (dpa) – Die Außenminister treffen sich am Mittwoch. "
            "Im vergangenen Jahr war das Treffen im März 2021 ausgefallen.")
    guess = infer_published(Source(id="t", path=Path("t.txt"), title="T", body=text, language="de"))
    assert guess is not None and (guess.published.month, guess.published.day) == (1, 4)


@pytest.mark.parametrize("lang, text, span, expected", [
    ("en", "The talks, first held in 2019, will resume in mid-January.", "mid-January",
     (date(2022, 1, 11), date(2022, 1, 20))),
    ("de", "Die 2019 begonnenen Gespräche sollen Mitte Januar fortgesetzt werden.", "Mitte Januar",
     (date(2022, 1, 11), date(2022, 1, 20))),
    ("de", "Im März 1992 und im April war er dort.", "April", (date(1992, 4, 1), date(1992, 4, 30))),
])
def test_a_year_named_before_in_the_sentence_carries_only_with_the_tense(lang, text, span, expected):
    assert days(text, lang)[span] == expected


@pytest.mark.parametrize("lang, text, span, first, last, mod", [
    ("de", "Die Gespräche sind für die zweite Maihälfte geplant.", "die zweite Maihälfte", date(2022, 5, 16),
     date(2022, 5, 31), "SECOND_HALF"),
    ("de", "In der ersten Hälfte des nächsten Monats reist er.", "der ersten Hälfte des nächsten Monats",
     date(2022, 2, 1), date(2022, 2, 15), "FIRST_HALF"),
    ("en", "The talks are planned for the second half of May.", "the second half of May", date(2022, 5, 16),
     date(2022, 5, 31), "SECOND_HALF"),
    ("en", "A decision is due later this month.", "later this month", date(2022, 1, 7), date(2022, 1, 31), "LATER"),
    ("en", "Earlier this week he met the chancellor.", "Earlier this week", date(2022, 1, 3), date(2022, 1, 5),
     "EARLIER"),
])
def test_halves_of_a_month_and_the_rest_of_this_one(lang, text, span, first, last, mod):
    t = next(t for t in tag(text, lang) if t.text == span)
    assert (t.first_day, t.last_day, t.mod) == (first, last, mod)


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "A meeting of the foreign ministers will be held on Saturday.", day(8)),
    ("en", "A meeting of the foreign ministers has been held on Saturday.", day(1)),
    ("en", "A meeting of the foreign ministers was held on Saturday.", day(1)),
    ("de", "Ein Treffen der Außenminister wird am Samstag abgehalten werden.", day(8)),
    ("de", "Ein Treffen der Außenminister ist am Samstag abgehalten worden.", day(1)),
])
def test_a_participle_after_its_auxiliary_is_no_preterite(lang, text, expected):
    found = days(text, lang)
    assert found[next(k for k in found if k.startswith(("Saturday", "Samstag")))] == expected
