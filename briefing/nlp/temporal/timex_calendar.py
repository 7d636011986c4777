"""Named stretches of the calendar: holidays, centuries, seasons and terms across two years.

KRAUTS (like most German TimeML corpora) leaves holidays and split years ("die Saison 2014/15")
unnormalised, value XXXX-XX-XX; a holiday with a fixed day, or a fixed distance from Easter Sunday,
still gets the day it falls on, so a meeting "an Heiligabend" has its day.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...model import Sentence, Timex

log = logging.getLogger(__name__)

UNNORMALISED = "XXXX-XX-XX"


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

    def _century(self, m: re.Match[str], s: int, e: int, sentence: Sentence | None) -> Timex | None:
        """"im 15. Jahrhundert", "the 19th century": TimeML names a century by its first two digits (14, 18)."""
        n = int(m.group("n"))
        return self._timex(s, e, "DATE", f"{n - 1:02d}") if 1 <= n <= 21 else None

    def _split_year(self, m: re.Match[str], s: int, e: int, sentence: Sentence | None) -> Timex | None:
        return self._timex(s, e, "DATE", UNNORMALISED)
