"""From a pattern match to a ``Timex``: TimeML type and value, the days it covers, its direction."""

from __future__ import annotations

import calendar
import logging
import re
from datetime import date, timedelta

from ...model import Sentence, Timex
from .timex_calendar import PART_DAYS, PART_MONTHS, CalendarNames, around_today
from .timex_lex import Lexicon
from .timex_tense import clause_direction, in_opening_phrase, reported_on

log = logging.getLogger(__name__)

DURATION_TIME_UNITS = {"H", "M", "S"}
YEARS_IN = {"DE": 10, "CE": 100}
NEAR = 7
QUOTE_MARKS = frozenset('"„“”«»')
"""Days a date may lie on the 'wrong' side of the reference date before the tense moves it a year."""


def _last_day_of_month(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


class Resolver(CalendarNames):
    """Resolves matches in text order, remembering the last mentioned day for anaphora and times."""

    def __init__(self, lex: Lexicon, body: str, sentences: list[Sentence], reference: date | None):
        self.lex, self.body, self.sentences, self.ref = lex, body, sentences, reference
        self.last_day: date | None = None
        self.last_day_sentence = 0
        # The last day named for an event (not in a clause of saying), which anaphora prefer.
        self.last_event_day: date | None = None
        self.last_event_sentence = 0
        self.year_context: tuple[int, int, bool] | None = None
        self.last_day_start = self.last_day_end = -1
        # Each day named so far, with the direction of its clause and its sentence.
        self.named_days: list[tuple[date, str | None, int]] = []
        # The day a day part last continued and in which sentence ("Am Nachmittag ...").
        self.daypart_sentence: tuple[date | None, int] = (None, 0)

    # ---------------------------------------------------------------- helpers

    def _timex(self, s: int, e: int, typ: str, value: str, **kw) -> Timex:
        return Timex(start=s, end=e, text=self.body[s:e], type=typ, value=value, **kw)

    def _direction(self, sentence: Sentence | None, s: int, e: int) -> str | None:
        """For a weekday: a plain present tense announces what is coming."""
        d = clause_direction(sentence, s, e, self.lex)
        return "future" if d == "present" else d

    def _date_direction(self, sentence: Sentence | None, s: int, e: int) -> str | None:
        """For a date or month without year: only firm evidence moves it (present tense is not enough)."""
        before = [w.lower() for w in self.body[max(0, s - 20):s].split()]
        if before and before[-1] in self.lex.data.get("past_prepositions", []):
            return "past"
        # "für den 12. Januar" schedules: the date lies ahead whatever the tense of the clause.
        words = [w for w in before[-2:] if w not in self.lex.data.get("articles", [])]
        if words and words[-1] in self.lex.data.get("future_prepositions", []):
            return "future"
        d = clause_direction(sentence, s, e, self.lex)
        return None if d == "present" else d

    def _preposition_cue(self, s: int) -> str | None:
        before = self.body[max(0, s - 12):s].split()
        if not before:
            return None
        word = before[-1].lower()
        for label, words in (self.lex.data.get("preposition_cues") or {}).items():
            if word in words:
                return label
        return None

    def _context_year(self, sentence: Sentence | None, s: int, e: int) -> int | None:
        """The year of an explicit date or year this day or month without year borrows, if any.

        Within the sentence the year always carries over ("im März 1992 und im April"). From the
        previous sentence only into a past clause, and only a year that came with a month or day (a
        narrative in that past time); a background year ("seit 2014", "in 2014") does not carry a
        later "Am 1. Januar übernimmt ..." or "In December, ..." into its year.
        """
        if not self.year_context or sentence is None:
            return None
        year, index, dated = self.year_context
        if index == sentence.index:
            return None if self._against_tense(year, sentence, s, e) else year
        if index == sentence.index - 1 and dated and clause_direction(sentence, s, e, self.lex) == "past":
            return year
        return None

    def _against_tense(self, year: int, sentence: Sentence, s: int, e: int) -> bool:
        """Whether a year named earlier in the sentence lies on the wrong side of the reference date for the clause
        of [s, e): "The talks, first held in 2019, will resume in mid-January" does not resume in 2019."""
        if self.ref is None:
            return False
        direction = clause_direction(sentence, s, e, self.lex)
        return (direction == "future" and year < self.ref.year) or (direction == "past" and year > self.ref.year)

    def _note_year(self, year: int, sentence: Sentence | None, dated: bool = True) -> None:
        if sentence is not None:
            self.year_context = (year, sentence.index, dated)

    def _unanchored(self, t: Timex) -> Timex:
        t.resolved, t.anchor = False, "none"
        return t

    def _month_number(self, text: str) -> int | None:
        return self.lex["months"].get(text.lower())

    def _year_for(self, month: int, day: int | None, direction: str | None) -> int:
        """The year of a day/month without year: nearest to the reference date, moved by the clause's tense."""
        ref = self.ref
        assert ref is not None
        best = None
        for y in (ref.year - 1, ref.year, ref.year + 1):
            d = date(y, month, min(day or 15, _last_day_of_month(y, month)))
            if best is None or abs((d - ref).days) < abs((best - ref).days):
                best = d
        assert best is not None
        if day is None:
            # A month counts as "on the other side" only when wholly on it.
            lo = date(best.year, month, 1)
            hi = date(best.year, month, _last_day_of_month(best.year, month))
            if direction == "past" and lo > ref:
                return best.year - 1
            if direction == "future" and hi < ref:
                return best.year + 1
            return best.year
        if direction == "past" and (best - ref).days > NEAR:
            return best.year - 1
        if direction == "future" and (ref - best).days > NEAR:
            return best.year + 1
        return best.year

    def _day(self, s: int, e: int, d: date, typ: str = "DATE", **kw) -> Timex:
        self.last_day = d
        return self._timex(s, e, typ, d.isoformat(), first_day=d, last_day=d, **kw)

    def _weekday_date(self, wd: int, direction: str | None, source: str | None = None) -> date:
        """The weekday ``wd`` nearest the reference date in ``direction``.

        'open' (a to-infinitive's phrase, no tense of its own) takes the nearer side. ``source`` says where the
        direction came from: 'cue' (an explicit "last"/"next"), 'preposition'
        ("bis", "seit") or None (the clause's tense). Only an explicit word moves the reference
        weekday itself a week: news names the publication day by its weekday ("talks on Monday",
        published on a Monday, are today's), and says "next Monday" for the week after.
        """
        ref = self.ref
        assert ref is not None
        back = (ref.isoweekday() - wd) % 7
        ahead = (wd - ref.isoweekday()) % 7
        if direction == "future":
            return ref + timedelta(days=ahead or (7 if source else 0))
        if direction == "past" and source == "cue":
            return ref - timedelta(days=back or 7)
        if direction == "open" and ahead < back:
            return ref + timedelta(days=ahead)  # no tense to place it: the nearest ("to preside ... Monday")
        return ref - timedelta(days=back)

    def move_to_week(self, t: Timex, monday: date) -> None:
        """Put a resolved weekday into the week starting ``monday`` ("Thursday next week")."""
        old = t.first_day
        if old is None or self.ref is None:
            return
        d = monday + timedelta(days=old.isoweekday() - 1)
        t.value = d.isoformat() + t.value[10:]
        t.first_day = t.last_day = d
        t.direction = "future" if d > self.ref else "past" if d < self.ref else t.direction
        if self.last_day == old:
            self.last_day = d
        if self.last_event_day == old:
            self.last_event_day = d

    # ---------------------------------------------------------------- dispatch

    def resolve(self, kind: str, m: re.Match[str], s: int, e: int, sentence: Sentence | None) -> Timex | None:
        handler = getattr(self, "_" + kind, None)
        if handler is None:
            log.debug("no handler for timex kind %s", kind)
            return None
        before = self.last_day
        t = handler(m, s, e, sentence)
        if self.last_day is not before and sentence is not None:
            self.last_day_sentence = sentence.index
            self.last_day_start, self.last_day_end = s, e
            if t is not None:
                self.named_days.append((self.last_day, t.direction, sentence.index))
            if not reported_on(sentence, s, e, self.lex):
                self.last_event_day, self.last_event_sentence = self.last_day, sentence.index
        return t

    def _recent_day(self) -> tuple[date | None, int]:
        """The day anaphora hang on: the last event day, unless only a later report's day is near."""
        if self.last_event_day is not None and self.last_day_sentence - self.last_event_sentence <= 1:
            return self.last_event_day, self.last_event_sentence
        return self.last_day, self.last_day_sentence

    # ---------------------------------------------------------------- calendar dates

    def _numeric_date(self, m, s, e, sentence):
        day, mon, year = int(m.group("day")), int(m.group("mon")), int(m.group("year"))
        if year < 100:
            year += 2000 if year < 50 else 1900
        try:
            d = date(year, mon, day)
        except ValueError:
            return None
        return self._day(s, e, d)

    _iso_date = _numeric_date

    def _date(self, m, s, e, sentence):
        day = int(m.group("day"))
        month = self._month_number(m.group("month"))
        if not month or not 1 <= day <= 31:
            return None
        year_text = m.group("year") or self._listed_year(e) or self._cued_year(e)
        if year_text:
            self._note_year(int(year_text), sentence)
            try:
                return self._day(s, e, date(int(year_text), month, day))
            except ValueError:
                return None
        y = self._context_year(sentence, s, e)
        direction = self._date_direction(sentence, s, e)
        if y is None and self.ref is None:
            return self._unanchored(self._timex(s, e, "DATE", f"XXXX-{month:02d}-{day:02d}"))
        if y is None:
            y = self._year_for(month, day, direction)
        try:
            return self._day(s, e, date(y, month, day), direction=direction)
        except ValueError:
            return None

    _date_mdy = _date

    def _cued_year(self, e: int) -> str | None:
        """The year a cue after the date names: "am 2. April dieses Jahres", "on May 3 last year"."""
        pattern = self.lex.data.get("year_cue_after")
        m = re.match(pattern, self.body[e:e + 40]) if pattern and self.ref is not None else None
        label = self.lex.cue(m.group("cue")) if m else None
        if self.ref is None or label not in ("past", "future", "this"):
            return None
        return str(self.ref.year + {"past": -1, "future": 1}.get(label, 0))

    def _listed_year(self, e: int) -> str | None:
        """The year after the days listed with a date: "June 16-17, 2022" puts June 16 in 2022 too."""
        pattern = self.lex.data.get("day_list_year")
        m = re.match(pattern, self.body[e:e + 60]) if pattern else None
        return m.group("year") if m else None

    def _bare_day(self, m, s, e, sentence):
        day = int(m.group("day"))
        after = self.body[e:e + 120]
        mm = self.lex.templates["listed_day_month"].search(after)
        if not mm:
            return None
        month = self._month_number(mm.group("month"))
        if mm.group("year"):
            y = int(mm.group("year"))
        elif self._context_year(sentence, s, e):
            y = self._context_year(sentence, s, e)
        elif self.ref is None:
            return self._unanchored(self._timex(s, e, "DATE", f"XXXX-{month:02d}-{day:02d}"))
        else:
            y = self._year_for(month, day, self._date_direction(sentence, s, e))
        try:
            return self._day(s, e, date(y, month, day))
        except ValueError:
            return None

    def _day_after_date(self, m, s, e, sentence):
        """The second day of "December 5 and 6": the month (and year) of the date just resolved."""
        month = self._month_number(m.group("month"))
        day = int(m.group("day"))
        if not month or not 1 <= day <= 31:
            return None
        if self.ref is None and (self.last_day is None or self.last_day.month != month):
            return self._unanchored(self._timex(s, e, "DATE", f"XXXX-{month:02d}-{day:02d}"))
        if self.last_day is None or self.last_day.month != month or day <= self.last_day.day:
            return None
        try:
            return self._day(s, e, date(self.last_day.year, month, day))
        except ValueError:
            return None

    def _month(self, m, s, e, sentence):
        name = m.group("month2") or m.group("month3") or m.group("month4")
        month = self._month_number(name)
        year_text = m.group("year2") or m.group("year3") or m.group("year4")
        part = self.lex.part(m.group("mod"))
        if not month:
            return None
        if year_text:
            y = int(year_text)
            self._note_year(y, sentence)
        elif self._context_year(sentence, s, e):
            y = self._context_year(sentence, s, e)
        elif m.group("yearcue"):
            if self.ref is None:
                return self._unanchored(self._timex(s, e, "DATE", f"XXXX-{month:02d}"))
            cue = self.lex.cue(m.group("yearcue"))
            y = self.ref.year + {"past": -1, "future": 1}.get(cue or "", 0)
        elif self.ref is None:
            return self._unanchored(self._timex(s, e, "DATE", f"XXXX-{month:02d}"))
        else:
            y = self._year_for(month, None, self._date_direction(sentence, s, e))
        # The days a month covers (or the part "Anfang", "Mitte", "Ende" names): consumers read days only.
        lo, hi = PART_DAYS["month"].get(part or "", (1, 31))
        return self._timex(s, e, "DATE", f"{y}-{month:02d}", first_day=date(y, month, lo),
                           last_day=date(y, month, min(hi, _last_day_of_month(y, month))), mod=part)

    def _year(self, m, s, e, sentence):
        self._note_year(int(m.group("year")), sentence, dated=False)
        return self._timex(s, e, "DATE", m.group("year"))

    def _decade(self, m, s, e, sentence):
        if "decword" in m.re.groupindex:
            dec = self.lex["decade_words"].get(re.sub(r"\s+", " ", m.group("decword").lower()))
            return self._timex(s, e, "DATE", f"19{dec}") if dec is not None else None
        cent = m.group("cent") or "19"
        return self._timex(s, e, "DATE", f"{cent}{m.group('dec')}")

    def _half_unit(self, m, s, e, sentence):
        value = self.lex["half_units"].get(m.group("unit").lower())
        return self._timex(s, e, "DURATION", value) if value else None

    # ---------------------------------------------------------------- weekdays

    def _weekday(self, m, s, e, sentence):
        wd = self.lex["weekdays"].get(m.group("wd").lower())
        if not wd:
            return None
        dp_text = m.group("dp") or m.group("dp2")
        dp = self.lex["dayparts"].get(dp_text.lower()) if dp_text else None
        cue = self.lex.cue(m.group("cue")) if "cue" in m.re.groupindex else None
        direction = cue if cue in ("past", "future") else None
        source = "cue" if direction else None
        if direction is None and not cue:
            direction = self._preposition_cue(m.start())
            source = "preposition" if direction else None
        if direction is None:
            direction = self._direction(sentence, s, e)
        if (source is None and self.ref is not None and wd == self.ref.isoweekday() and direction == "future"
                and in_opening_phrase(sentence, s, e, self.lex, self.lex.data.get("sequence_openers", []))):
            direction = "past"
        if self.ref is None:
            t = self._timex(s, e, "TIME" if dp else "DATE", f"XXXX-WXX-{wd}" + (f"T{dp}" if dp else ""),
                            direction=direction)
            return self._unanchored(t)
        if cue == "today":
            d = self.ref
        elif cue == "tomorrow":
            d = self.ref + timedelta(days=1)
        elif cue == "yesterday":
            d = self.ref - timedelta(days=1)
        elif cue == "this":
            d = self._this_weekday(wd, self._direction(sentence, s, e))
        else:
            d = self._weekday_date(wd, direction, source)
            later = self._after_named_day(wd, sentence, s)
            if source is None and later is not None:
                d = later
                direction = "future" if d > self.ref else "past" if d < self.ref else direction
        self.last_day = d
        value = d.isoformat() + (f"T{dp}" if dp else "")
        return self._timex(s, e, "TIME" if dp else "DATE", value, first_day=d, last_day=d, direction=direction)

    def _this_weekday(self, wd: int, direction: str | None) -> date:
        """"an diesem Montag", "this Monday": the weekday of the current week, unless the clause's tense points
        the other way ("will an diesem Montag ... treffen" on a Friday: the coming Monday; "who this Saturday
        toured", read on a Monday: the Saturday gone by)."""
        assert self.ref is not None
        d = self.ref + timedelta(days=wd - self.ref.isoweekday())
        if direction == "future" and d < self.ref:
            return d + timedelta(days=7)
        if direction == "past" and d > self.ref:
            return d - timedelta(days=7)
        return d

    def _after_named_day(self, wd: int, sentence: Sentence | None, s: int) -> date | None:
        """The weekday ``wd`` after the day named just before it in the clause, when a phrase like
        "ahead of" / "vor" comes between: "arrived on Sunday ahead of a ceremony on Tuesday"."""
        pattern = self.lex.data.get("later_phrase")
        if not pattern or sentence is None or self.last_day is None or self.last_day_end < sentence.start:
            return None
        gap = self.body[self.last_day_end:s]
        if len(gap) > 80 or re.search(r"[,;:]", gap) or not re.search(pattern, gap):
            return None
        return self.last_day + timedelta(days=(wd - self.last_day.isoweekday()) % 7 or 7)

    def _weekday_set(self, m, s, e, sentence):
        name = m.group("wd") or (m.group("wds") or "")[:-1]
        wd = self.lex["weekdays"].get(name.lower())
        if not wd:
            return None
        dp_text = m.group("dp") if "dp" in m.re.groupindex else None
        dp = self.lex["dayparts"].get(dp_text.lower()) if dp_text else None
        return self._timex(s, e, "SET", f"XXXX-WXX-{wd}" + (f"-T{dp}" if dp else ""))

    # ---------------------------------------------------------------- relative to the reference date

    def _reld(self, m, s, e, sentence):
        offset = self.lex["relative_days"].get(m.group("rel").lower())
        if offset is None:
            return None
        dp_text = m.group("dp")
        dp = self.lex["dayparts"].get(dp_text.lower()) if dp_text else None
        typ = "TIME" if dp else "DATE"
        if offset == 0 and not dp and self._nowadays(s, e):
            return self._timex(s, e, "DATE", "PRESENT_REF")
        if self.ref is None:
            return self._unanchored(self._timex(s, e, typ, "XXXX-XX-XX" + (f"T{dp}" if dp else "")))
        d = self.ref + timedelta(days=offset)
        self.last_day = d
        return self._timex(s, e, typ, d.isoformat() + (f"T{dp}" if dp else ""), first_day=d, last_day=d)

    def _nowadays(self, s: int, e: int) -> bool:
        """ "noch heute", "bis heute", "heute noch", "to this day": today as the present age, not a day."""
        before, after = self.lex.data.get("nowadays_before"), self.lex.data.get("nowadays_after")
        return bool((before and re.search(before, self.body[max(0, s - 20):s]))
                    or (after and re.match(after, self.body[e:e + 20])))

    def _daypart_date(self, m, s, e, sentence):
        """ "in der Nacht des 14. August", "on the evening of May 3": a part of a named day."""
        t = self._date(m, s, e, sentence)
        dp = self.lex["dayparts"].get(m.group("dp").lower())
        if t is None or not dp:
            return t
        t.type, t.value = "TIME", f"{t.value}T{dp}"
        return t

    def _heuer(self, m, s, e, sentence):
        if self.ref is None:
            return self._unanchored(self._timex(s, e, "DATE", "XXXX"))
        return self._timex(s, e, "DATE", str(self.ref.year))

    def _unit_value(self, code: str | None, k: int, part: str | None = None) -> tuple[str, date | None, date | None]:
        """Value and days of the calendar unit ``code`` (W, MO, Y...) ``k`` steps from the reference date's;
        ``part`` (START, MID, END) narrows the days."""
        ref = self.ref
        assert ref is not None
        if code == "WE":
            sat = ref + timedelta(days=6 - ref.isoweekday() + 7 * k)
            if k == 0 and ref.isoweekday() == 7:
                sat = ref - timedelta(days=1)
            return _week(sat) + "-WE", sat, sat + timedelta(days=1)
        if code == "W":
            d = ref + timedelta(weeks=k)
            monday = d - timedelta(days=d.isoweekday() - 1)
            lo, hi = around_today(PART_DAYS["week"].get(part or "", (1, 7)), part, k, ref.isoweekday(), 7)
            return _week(d), monday + timedelta(days=lo - 1), monday + timedelta(days=hi - 1)
        if code == "MO":
            y, mo = _shift_month(ref.year, ref.month, k)
            last = _last_day_of_month(y, mo)
            lo, hi = around_today(PART_DAYS["month"].get(part or "", (1, 31)), part, k, ref.day, last)
            return f"{y}-{mo:02d}", date(y, mo, lo), date(y, mo, min(hi, last))
        if code == "Q":
            q = (ref.month - 1) // 3 + k
            y = ref.year + q // 4
            return f"{y}-Q{q % 4 + 1}", None, None
        if code == "DE":
            return str(ref.year // 10 + k)[:3], None, None
        if code == "CE":
            return str(ref.year // 100 + k)[:2], None, None
        y = ref.year + k
        months = PART_MONTHS.get(part or "")
        if months is None:
            return str(y), None, None
        # "Ende des Jahres", "by the end of the year": a part of the year is a vague range of months.
        return str(y), date(y, months[0], 1), date(y, months[1], _last_day_of_month(y, months[1]))

    def _relunit(self, m, s, e, sentence):
        cue = self.lex.cue(m.group("cue"))
        if cue not in ("past", "future", "this"):
            return None
        code = self.lex.unit(m.group("unit"))
        part = self.lex.part(m.group("mod")) if "mod" in m.re.groupindex else None
        k = {"past": -1, "future": 1}.get(cue, 0)
        if self.ref is None:
            value = {"W": "XXXX-WXX", "MO": "XXXX-XX"}.get(code or "", "XXXX")
            return self._unanchored(self._timex(s, e, "DATE", value, direction=cue if k else None, mod=part))
        value, first, last = self._unit_value(code, k, part)
        if re.fullmatch(r"\d{4}", value):
            # "this year, on April 27": days of the sentence lie in the year it names.
            self._note_year(int(value), sentence, dated=False)
        return self._timex(s, e, "DATE", value, first_day=first, last_day=last,
                           direction={"past": "past", "future": "future"}.get(cue), mod=part)

    _relunit_mod = _relunit

    def _unit_mod(self, m, s, e, sentence):
        if self.ref is None:
            return self._unanchored(self._timex(s, e, "DATE", "XXXX"))
        part = self.lex.part(m.group("mod"))
        value, first, last = self._unit_value(self.lex.unit(m.group("unit")), 0, part)
        return self._timex(s, e, "DATE", value, first_day=first, last_day=last, mod=part)

    def _weekend(self, m, s, e, sentence):
        cue = self.lex.cue(m.group("cue")) if m.group("cue") else None
        direction = cue if cue in ("past", "future") else self._direction(sentence, s, e)
        if self.ref is None:
            return self._unanchored(self._timex(s, e, "DATE", "XXXX-WXX-WE", direction=direction))
        k = -1 if direction == "past" else 0
        if direction == "past" and self.ref.isoweekday() >= 6:
            k = 0
        value, first, last = self._unit_value("WE", k)
        return self._timex(s, e, "DATE", value, first_day=first, last_day=last, direction=direction)

    def _vorjahr(self, m, s, e, sentence):
        code = self.lex["previous_units"].get(m.group("core").lower())
        if self.ref is None:
            return self._unanchored(self._timex(s, e, "DATE", "XXXX"))
        if code == "MO":
            y, mo = _shift_month(self.ref.year, self.ref.month, -1)
            return self._timex(s, e, "DATE", f"{y}-{mo:02d}")
        if code == "YM":  # "Vorjahresmonat": this month a year ago
            return self._timex(s, e, "DATE", f"{self.ref.year - 1}-{self.ref.month:02d}")
        return self._timex(s, e, "DATE", str(self.ref.year - 1))

    def _season(self, m, s, e, sentence):
        code = self.lex["seasons"].get(m.group("season").lower())
        if not code:
            return None
        if m.group("year"):
            return self._timex(s, e, "DATE", f"{m.group('year')}-{code}")
        if self.ref is None:
            return self._unanchored(self._timex(s, e, "DATE", f"XXXX-{code}"))
        # "im kommenden Frühjahr", "im Herbst nächsten Jahres", "the autumn of next year".
        cue = self.lex.cue(m.group("cue") or m.group("yearcue"))
        y = self.ref.year + {"past": -1, "future": 1}.get(cue or "", 0)
        return self._timex(s, e, "DATE", f"{y}-{code}")

    def _quarter(self, m, s, e, sentence):
        n = self.lex["ordinals"].get(m.group("ord").lower())
        if not n or n < 0:
            return None
        code = f"{self.lex.unit(m.group('q')) or 'Q'}{n}"
        if m.group("year"):
            return self._timex(s, e, "DATE", f"{m.group('year')}-{code}")
        if self.ref is None:
            return self._unanchored(self._timex(s, e, "DATE", f"XXXX-{code}"))
        return self._timex(s, e, "DATE", f"{self.ref.year}-{code}")

    # ---------------------------------------------------------------- anaphora

    def _anchor_day(self) -> tuple[date | None, str]:
        day, _ = self._recent_day()
        if day is not None:
            return day, "previous"
        if self.ref is not None:
            return self.ref, "published"
        return None, "none"

    def _anaphor_words(self, m, s, e, sentence):
        text = re.sub(r"\s+", " ", m.group("core").lower())
        first, _, rest = text.partition(" ")
        if rest and first in self.lex.data.get("articles", []):
            text = rest
        offset = self.lex["anaphora"].get(text)
        if offset is None:
            return None
        base, anchor = self._anchor_day()
        if base is None:
            return self._unanchored(self._timex(s, e, "DATE", "XXXX-XX-XX"))
        d = base + timedelta(days=offset)
        self.last_day = d
        return self._timex(s, e, "DATE", d.isoformat(), first_day=d, last_day=d, anchor=anchor,
                           direction="future" if offset > 0 else "past" if offset < 0 else None)

    def _anaphor_event(self, m, s, e, sentence):
        """ "Am Tag nach dem Gipfel", "the day before the vote": a day next to an event named before, which
        lies on the clause's side of the reference date (an upcoming summit for "kommen ... zusammen")."""
        sign = self.lex["anaphor_directions"].get(m.group("dir").lower())
        if sign is None:
            return None
        side = self._direction(sentence, s, e)
        recent = [d for d, direction, index in self.named_days
                  if direction == side and sentence is not None and sentence.index - index <= 3]
        if not recent:
            day, index = self._recent_day()
            # No day named nearby: the event lies outside the story's days, leave it untagged.
            if day is None or sentence is None or sentence.index - index > 3:
                return None
            recent = [day]
        d = recent[-1] + timedelta(days=sign)
        anchor = "previous"
        self.last_day = d
        ahead = self.ref is not None and d > self.ref
        return self._timex(s, e, "DATE", d.isoformat(), first_day=d, last_day=d, anchor=anchor,
                           direction="future" if ahead else "past" if self.ref is not None and d < self.ref else None)

    def _anaphor_this(self, m, s, e, sentence):
        base, anchor = self._anchor_day()
        if base is None or self.last_day is None:
            return None
        return self._timex(s, e, "DATE", base.isoformat(), first_day=base, last_day=base, anchor=anchor)

    def _anaphor_units(self, m, s, e, sentence):
        n = self.lex.number(m.group("num"))
        unit = self.lex["units"].get(m.group("unit").lower())
        sign = self.lex["anaphor_directions"].get(m.group("dir").lower(), 1)
        if not isinstance(n, int) or not unit:
            return self._duration(m, s, e, sentence)
        base, anchor = self._anchor_day()
        if unit in DURATION_TIME_UNITS:
            if base is None or unit in ("M", "S"):
                # "drei Minuten später": minutes after a moment whose clock time is unknown; which day that
                # is, is not said either (KRAUTS: XXXX-XX-XXTXX:XX).
                return self._unanchored(self._timex(s, e, "TIME", "XXXX-XX-XXTXX:XX"))
            return self._timex(s, e, "TIME", f"{base.isoformat()}TXX:XX", anchor=anchor)
        if base is None:
            return self._unanchored(self._timex(s, e, "DATE", "XXXX-XX-XX"))
        k = sign * n
        if unit == "D":
            d = base + timedelta(days=k)
            self.last_day = d
            return self._timex(s, e, "DATE", d.isoformat(), first_day=d, last_day=d, anchor=anchor,
                               direction="future" if k > 0 else "past")
        if unit == "W":
            d = base + timedelta(weeks=k)
            return self._timex(s, e, "DATE", _week(d), anchor=anchor)
        if unit == "MO":
            y, mo = _shift_month(base.year, base.month, k)
            return self._timex(s, e, "DATE", f"{y}-{mo:02d}", anchor=anchor)
        return self._timex(s, e, "DATE", str(base.year + k), anchor=anchor)

    # ---------------------------------------------------------------- durations, times, sets, refs

    def _duration_value(self, n, unit: str) -> str:
        if unit in YEARS_IN and isinstance(n, int):
            # "etwa einem Jahrzehnt", "two centuries": TimeML counts them in years (P10Y, P200Y).
            n, unit = n * YEARS_IN[unit], "Y"
        q = "X" if n is None or n == "X" else str(n)
        if unit in DURATION_TIME_UNITS:
            return f"PT{q}{unit}"
        return f"P{q}{'M' if unit == 'MO' else unit}"

    def _duration(self, m, s, e, sentence):
        n = self.lex.number(m.group("num"))
        unit = self.lex["units"].get(m.group("unit").lower())
        if unit is None or n is None:
            return None
        return self._timex(s, e, "DURATION", self._duration_value(n, unit))

    def _duration_adj(self, m, s, e, sentence):
        n = self.lex["number_stems"].get((m.group("numstem") or "").lower()) if m.group("numstem") else None
        if n is None and m.group("digits"):
            n = int(m.group("digits"))
        unit = self.lex.unit_adjective(m.group("uadj"))
        if unit is None or n is None:
            return None
        return self._timex(s, e, "DURATION", self._duration_value(n, unit))

    def _duration_vague(self, m, s, e, sentence):
        unit = self.lex["units"].get(m.group("unit").lower())
        if unit is None:
            return None
        n = self.lex.number(m.group("num")) if m.group("num") else "X"
        # "in den kommenden Jahren" lies ahead, with no count: FUTURE_REF. Its past counterpart ("in den
        # vergangenen Jahren") KRAUTS reads as a duration of unknown length (PXY), as TimeML does.
        if n == "X" and self.lex.cue(m.group("cue")) == "future":
            return self._timex(s, e, "DATE", "FUTURE_REF")
        return self._timex(s, e, "DURATION", self._duration_value(n, unit))

    def _duration_long(self, m, s, e, sentence):
        unit = self.lex["units"].get(m.group("unit").lower())
        return self._timex(s, e, "DURATION", self._duration_value("X", unit)) if unit else None

    _duration_these = _duration_long
    _duration_first = _duration

    def _duration_bare(self, m, s, e, sentence):
        unit = self.lex["units"].get(m.group("unit").lower())
        return self._timex(s, e, "DURATION", self._duration_value("X", unit)) if unit else None

    def _clock(self, m) -> str | None:
        gi = m.re.groupindex
        hour = m.group("h") or (m.group("h2") if "h2" in gi else None)
        minute = m.group("min") or (m.group("min2") if "min2" in gi else None)
        if hour is None:
            return None
        h, mi = int(hour), int(minute) if minute else 0
        if "ampm" in m.re.groupindex and m.group("ampm"):
            ap = m.group("ampm").lower()
            if ap.startswith("p") and h < 12:
                h += 12
            if ap.startswith("a") and h == 12:
                h = 0
        if h > 24 or mi > 59:
            return None
        return f"{h:02d}:{mi:02d}"

    def _time(self, m, s, e, sentence):
        clock = self._clock(m)
        if clock is None:
            return None
        near = self._near_day(sentence)
        if near is not None and self._several_days(sentence, s):
            # "jeweils 20 Uhr", "am 25. und 26. August von 10 bis 18 Uhr": a time of day on no one day (T20:00).
            return self._timex(s, e, "TIME", f"T{clock}")
        return self._on_day(s, e, clock, near)

    def _several_days(self, sentence: Sentence | None, s: int) -> bool:
        """Whether the clock time at ``s`` holds on several days: a distributive word stands between it and the
        day named before it ("jeweils 20 Uhr", "wochentags von 14 bis 18 Uhr"), or that day closes a list of
        days ("am 25. und 26. August von 10 bis 18 Uhr")."""
        if sentence is None:
            return False
        since_day = self.last_day_end if self.last_day_end >= sentence.start else max(sentence.start, s - 40)
        between = self.body[since_day:s]
        words = self.lex.data.get("distributive_words") or []
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", between, re.I) for w in words):
            return True
        joined = self.lex.data.get("day_list_before")
        return bool(joined and self.last_day_start >= sentence.start
                    and re.search(joined, self.body[max(sentence.start, self.last_day_start - 20):self.last_day_start]))

    def _time_words(self, m, s, e, sentence):
        hour = self.lex.number(m.group("hword"))
        if not isinstance(hour, int) or not 1 <= hour <= 24:
            return None
        return self._on_day(s, e, f"{hour:02d}:00", self._near_day(sentence))

    def _on_day(self, s, e, time_of_day: str, near: date | None):
        """A TIME on the day named nearby, else on the reference day, else unanchored."""
        day = near or self.ref
        if day is None:
            return self._unanchored(self._timex(s, e, "TIME", f"XXXX-XX-XXT{time_of_day}"))
        return self._timex(s, e, "TIME", f"{day.isoformat()}T{time_of_day}", first_day=day, last_day=day,
                           anchor="previous" if near else "published")

    def _near_day(self, sentence: Sentence | None) -> date | None:
        """The day mentioned in this or the previous sentence, which a clock time belongs to."""
        day, index = self._recent_day()
        if day and sentence and sentence.index - index <= 1:
            return day
        return None

    _time_range = _time

    def _narrative_day(self, sentence: Sentence | None) -> date | None:
        """The day a day part without a day of its own continues: the last day named for an event, in this
        or the previous sentence or earlier in the same paragraph ("Am Mittwoch trifft er X. [Zitat.]
        Noch am Abend reist er weiter")."""
        near = self._near_day(sentence)
        if sentence is None:
            return near
        day, index = self._recent_day()
        if near is None and day is not None and self.daypart_sentence[0] == day:
            index = max(index, self.daypart_sentence[1])
        if near is None and day is not None and index < sentence.index:
            # Only sentences of saying may come between: an event sentence without a day of its own
            # ("Der Gipfeltag selbst ist dicht gedrängt") may have moved the narrative to another day.
            between = [x for x in self.sentences if index < x.index < sentence.index]
            earlier = next((x for x in self.sentences if x.index == index), None)
            if earlier is not None and earlier.paragraph == sentence.paragraph and all(map(self._saying, between)):
                near = day
        if near is not None:
            self.daypart_sentence = (near, sentence.index)
        return near

    def _saying(self, sentence: Sentence) -> bool:
        """A sentence that quotes or reports speech."""
        words = self.lex["tense"].get("reporting_verbs", [])
        return any(t.text in QUOTE_MARKS or (t.lemma or t.text).lower() in words for t in sentence.tokens)

    def _daypart(self, m, s, e, sentence):
        dp = self.lex["dayparts"].get(m.group("dp").lower())
        if not dp:
            return None
        return self._on_day(s, e, dp, self._narrative_day(sentence))

    def _set_monthly(self, m, s, e, sentence):
        return self._timex(s, e, "SET", "P1M")

    def _set(self, m, s, e, sentence):
        value = self.lex["sets"].get(m.group("core").lower())
        if value is None:
            word = m.group("core").lower()
            value = next((v for k, v in self.lex["sets"].items() if word.startswith(k)), None)
        return self._timex(s, e, "SET", value) if value else None

    def _set_every(self, m, s, e, sentence):
        groups = [g for g in ("unit", "unit2", "unit3") if g in m.re.groupindex]
        unit_text = next((m.group(g) for g in groups if m.group(g)), "").lower()
        unit = self.lex["units"].get(unit_text)
        if unit_text in self.lex["dayparts"]:  # "jeden Abend", "every morning"
            return self._timex(s, e, "SET", "P1D")
        if not unit:
            return None
        return self._timex(s, e, "SET", self._duration_value(1, unit))

    def _ref(self, m, s, e, sentence):
        text = re.sub(r"\s+", " ", m.group("core").lower())
        refs = self.lex["refs"]
        value = refs.get(text) or refs.get(text.split(" ")[-1])
        return self._timex(s, e, "DATE", value) if value else None
