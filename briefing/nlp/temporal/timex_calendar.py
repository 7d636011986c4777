"""Named stretches of the calendar: holidays, centuries, seasons and terms across two years, and the parts of a
year, month or week ("Ende März", "die zweite Maihälfte", "zu Jahresbeginn") as vague ranges of days.

KRAUTS (like most German TimeML corpora) leaves holidays and split years ("die Saison 2014/15")
unnormalised, value XXXX-XX-XX; a holiday with a fixed day, or a fixed distance from Easter Sunday,
still gets the day it falls on, so a meeting "an Heiligabend" has its day.
"""

from __future__ import annotations

import calendar
import logging
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...model import Sentence, Timex

log = logging.getLogger(__name__)

UNNORMALISED = "XXXX-XX-XX"
PART_DAYS = {"month": {"START": (1, 10), "MID": (11, 20), "END": (21, 31), "FIRST_HALF": (1, 15),
                       "SECOND_HALF": (16, 31)},
             "week": {"START": (1, 3), "MID": (2, 4), "END": (4, 7)}}
"""The days (of the month, of the week from Monday) a part names: "Ende März" is 21–31 March, "Anfang nächster
Woche" Monday to Wednesday. The words for each part (START, MID, END: TimeML's mod) are in the lexicons."""
PART_MONTHS = {"START": (1, 3), "MID": (5, 8), "END": (10, 12), "FIRST_HALF": (1, 6), "SECOND_HALF": (7, 12)}
"""The months a part of a year names: "Anfang des Jahres" is January to March, "Ende des Jahres" October to
December."""


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    day = (h + leap - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday_in(year: int, spec: str | int) -> date:
    """The day a holiday ``spec`` ("12-24", or days after Easter Sunday) falls on in ``year``."""
    if isinstance(spec, int):
        return easter_sunday(year) + timedelta(days=spec)
    month, day = (int(x) for x in spec.split("-"))
    return date(year, month, day)


def around_today(days: tuple[int, int], part: str | None, k: int, today: int, last: int) -> tuple[int, int]:
    """ "later this month", "earlier this week": the days of the current unit after or before today."""
    if k != 0 or part not in ("LATER", "EARLIER"):
        return days
    lo, hi = (today + 1, last) if part == "LATER" else (1, today - 1)
    return (lo, hi) if lo <= hi else days


class CalendarNames:
    """Resolver handlers for named stretches of the calendar (mixed into ``Resolver``)."""

    def _holiday(self, m: re.Match[str], s: int, e: int, sentence: Sentence | None) -> Timex | None:
        names = {k.lower(): v for k, v in self.lex["holidays"].items()}
        name = re.sub(r"\s+", " ", m.group("core")).lower()
        if name not in names:
            return None
        spec = names[name]
        if spec is None or self.ref is None:
            return self._timex(s, e, "DATE", UNNORMALISED)
        direction = self._date_direction(sentence, s, e)
        near = holiday_in(self.ref.year, spec)
        year = self._year_for(near.month, near.day, direction)
        day = holiday_in(year, spec)
        return self._timex(s, e, "DATE", UNNORMALISED, first_day=day, last_day=day, direction=direction)

    def _part_noun(self, m, s, e, sentence):
        """ "zu Jahresbeginn", "am Monatsende", "at year-end": part of the current year, month or week."""
        code, part = self.lex["part_nouns"].get(re.sub(r"\s+", " ", m.group("core").lower()), (None, None))
        if code is None:
            return None
        if self.ref is None:
            return self._unanchored(self._timex(s, e, "DATE", {"W": "XXXX-WXX", "MO": "XXXX-XX"}.get(code, "XXXX"),
                                                mod=part))
        value, first, last = self._unit_value(code, 0, part)
        return self._timex(s, e, "DATE", value, first_day=first, last_day=last, mod=part)

    def _month_half(self, m, s, e, sentence):
        """ "die zweite Maihälfte", "the first half of June", "in der zweiten Hälfte des Monats"."""
        half = {1: "FIRST_HALF", 2: "SECOND_HALF"}.get(self.lex["ordinals"].get(m.group("ord").lower()) or 0)
        month = self._month_number(m.group("month")) if m.group("month") else None
        if half is None or self.ref is None:
            return self._unanchored(self._timex(s, e, "DATE", f"XXXX-{month:02d}" if month else "XXXX-XX", mod=half))
        if month is None:
            cue = self.lex.cue(m.group("cue")) if m.group("cue") else None
            value, first, last = self._unit_value("MO", {"past": -1, "future": 1}.get(cue or "", 0), half)
            return self._timex(s, e, "DATE", value, first_day=first, last_day=last, mod=half)
        y = self._context_year(sentence, s, e) or self._year_for(month, None, self._date_direction(sentence, s, e))
        lo, hi = PART_DAYS["month"][half]
        return self._timex(s, e, "DATE", f"{y}-{month:02d}", first_day=date(y, month, lo),
                           last_day=date(y, month, min(hi, calendar.monthrange(y, month)[1])), mod=half)

    def _century(self, m: re.Match[str], s: int, e: int, sentence: Sentence | None) -> Timex | None:
        """"im 15. Jahrhundert", "the 19th century": TimeML names a century by its first two digits (14, 18)."""
        n = int(m.group("n"))
        return self._timex(s, e, "DATE", f"{n - 1:02d}") if 1 <= n <= 21 else None

    def _split_year(self, m: re.Match[str], s: int, e: int, sentence: Sentence | None) -> Timex | None:
        return self._timex(s, e, "DATE", UNNORMALISED)
