"""The publication date of an undated source, inferred from its own date mentions.

Every day of the years the text makes plausible is tried as the publication day; each clue
(``reference_clues``) scores how well the text reads from that day, in log-likelihood-like
points, and the best day wins:

- calendar pins are strong: an anaphor landing on a named day ("zwei Tage später" after Monday
  = "12. Januar"), a span that joins two days ("six weeks after the June 16 summit" = Wednesday),
  a weekday written beside a date ("Donnerstag, 24. März");
- directions bound: a dated day in a past clause is not after the publication day, one in a
  future clause not before; a year the text looks back on is not later than it; "seit mehr als
  zwei Jahren" after "zuletzt im November 2019" puts it more than two years after;
- a dateline or a "Stand:" / "Updated" line (page furniture, ``furniture.py``) gives the day itself:
  with its year it is the date; without ("BERLIN, 4. Januar (dpa)") only days of that month and day
  are tried. Its dates are never clues about what the article reports;
- news speaks of the last and the next weeks: named days lie near the publication day (past ones
  reach further back than future ones reach ahead), past weekdays in the days just before it,
  future ones in the days just after; the years a text looks back on are seldom long past.

The confidence is the best day's share of the score mass over all candidate days: a text whose
clues leave several days equally good gets a low one.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ...model import Source
from .furniture import find_furniture
from .published_clues import Clues, Named, Period, Relative, Span, Weekday, read_clues, shift
from .timex import find_timexes, resolve_all

log = logging.getLogger(__name__)

SIGMA_PAST, SIGMA_FUTURE = 45.0, 30.0
"""Spread in days of named days behind and ahead of the publication day."""
FAR = -3.0
"""The most a single distant named day costs: background dates may be long past."""
BROKEN = -4.0
"""A clue read against the day comes out impossible (a past day after it, a weekday beside a date that is not)."""
UNLIKELY = -2.0
"""A clue read against the day comes out unlikely (a year named in a present clause still to come)."""
PIN = 3.0
"""An anaphor or span landing exactly on another mentioned day."""
LOOSE_PIN = 1.5
"""A span landing on some named day of the text when its own sentence names none."""
TOLERANCE = {"D": 0, "W": 1, "MO": 3, "Y": 31}
"""Days a span may miss its target by: "einen Monat nach" is rarely exact."""
BACKGROUND_YEARS = 3.0
"""Years a text's latest background year may lie behind the publication day before it costs."""
SHARPNESS = 2.0
"""Points are soft on purpose (they rank days); confidence reads them twice as sharp as probabilities."""
MIN_YEAR, MAX_YEAR = 1990, 2035
NO_YEAR_RANGE = (2000, 2035)
"""Years tried when the text names none; its calendar pins then choose among them."""


@dataclass
class Inference:
    published: date
    confidence: float
    note: str


class _Scorer:
    def __init__(self, clues: Clues):
        self.c = clues
        background = [p for p in clues.periods if not p.bound]
        self.latest: Period | None = max(background, key=lambda p: p.last) if background else None
        # The named days a weekday may stand beside (its sentence's, not a span's anchor), found once
        # rather than for each of the thousands of days tried.
        self.beside = {w: [n for n in clues.named if n.sentence == w.sentence and not n.is_anchor]
                       for w in clues.weekdays}

    def score(self, day: date, why: list[str] | None = None) -> float:
        """How well the text reads as published on ``day``; ``why`` collects what pinned it."""
        c = self.c
        named_days = {n: n.on(day) for n in c.named}
        total = 0.0
        for n, d in named_days.items():
            total += self._named(n, d, day)
            if why is not None and n.weekday is not None and d is not None and d.isoweekday() == n.weekday:
                why.append(f"'{n.text}' is that weekday in {d.year}")
        for w in c.weekdays:
            total += self._weekday(w, day)
            beside = self.beside[w]
            if beside and w.on(day) in [named_days[n] for n in beside]:
                # "am Donnerstag ... den 24. März" in one sentence: the weekday names that date.
                total += 1.0
                if why is not None:
                    why.append(f"'{w.text}' is the date beside it")
        for r in c.relatives:
            total += self._relative(r, day, named_days, why)
        for p in c.periods:
            if not p.bound and day < p.first:
                # A year in a present clause may still be one to come ("die Spiele 2024 in Paris").
                total += BROKEN if p.past else UNLIKELY
        if self.latest is not None:
            gap = (day - self.latest.last).days / 365.25
            total -= 0.1 * max(gap, 0.0) + 0.5 * max(gap - BACKGROUND_YEARS, 0.0)
        for m in c.months:
            if m.direction == "past":
                total -= 0.05 * ((day.month - m.month) % 12)
            elif m.direction == "future":
                total -= 0.05 * ((m.month - day.month) % 12)
        for s in c.spans:
            total += self._span(s, day, named_days, why)
        return total

    @staticmethod
    def _named(n: Named, d: date | None, day: date) -> float:
        if d is None:
            return BROKEN
        gap = (d - day).days
        if n.year is not None and ((n.direction == "past" and gap > 0) or (n.direction == "future" and gap < 0)):
            return BROKEN
        sigma = SIGMA_PAST if gap < 0 else SIGMA_FUTURE
        points = max(-((gap / sigma) ** 2) / 2, FAR)
        if n.weekday is not None and d.isoweekday() != n.weekday:
            points += BROKEN
        if n.context_year is not None and d.year != n.context_year:
            points -= 1.0
        return points

    @staticmethod
    def _weekday(w: Weekday, day: date) -> float:
        back = (day.isoweekday() - w.wd) % 7
        ahead = (w.wd - day.isoweekday()) % 7
        if w.mode == "this":
            return -0.4 * min(back, ahead)
        if w.mode == "past_cue":
            return -0.05 * (back or 7)
        if w.mode == "past":
            return -0.15 * back
        if w.mode == "future_cue":
            return -0.05 * (ahead or 7)
        if w.mode == "future":
            # A modal or "werden" seldom announces what happens on the day of writing.
            return -0.1 * ahead - (0.3 if ahead == 0 else 0.0)
        if w.mode == "present":
            return -0.1 * ahead
        return -0.15 * min(back, ahead)

    @staticmethod
    def _relative(r: Relative, day: date, named_days: dict[Named, date | None], why: list[str] | None) -> float:
        if r.base is None:
            return 0.0
        d = r.on(day)
        hit = next((n for n, nd in named_days.items() if nd == d and n is not r.base), None)
        if hit is None:
            return 0.0
        if why is not None:
            why.append(f"'{r.text}' falls on '{hit.text}'")
        return PIN

    def _span(self, s: Span, day: date, named_days: dict[Named, date | None], why: list[str] | None) -> float:
        tol = TOLERANCE[s.unit]
        if s.kind == "offset":
            event = s.event.on(day) if s.event is not None else day
            if event is None:
                return 0.0
            anchors = [s.anchor] if s.anchor is not None else [n for n in named_days if n is not s.event]
            for a in anchors:
                a_day = named_days.get(a) if isinstance(a, Named) else a.on(day)
                miss = abs((shift(a_day, s.sign * s.n, s.unit) - event).days) if a_day is not None else tol + 1
                if miss <= tol:
                    if why is not None:
                        why.append(f"'{s.text}' from '{a.text}' falls on '{s.event.text if s.event else 'the day'}'")
                    # Exact arithmetic is likelier than a near miss.
                    return (PIN if s.anchor is not None else LOOSE_PIN) * (1 - miss / (tol + 1))
            return -1.0 if s.anchor is not None else 0.0
        if s.kind == "ago":
            if s.anchor is not None and (a_day := named_days.get(s.anchor)) is not None:
                ok = abs((shift(a_day, s.n, s.unit) - day).days) <= max(tol, 3)
            elif s.periods:
                ok = any(shift(p.first, s.n, s.unit) <= day <= shift(p.last, s.n, s.unit) + timedelta(days=tol)
                         for p in s.periods)
            else:
                return 0.0
            if ok and why is not None:
                why.append(f"'{s.text}' back is the time named beside it")
            return PIN if ok else BROKEN
        # since: "das erste Treffen seit mehr als zwei Jahren" ... "zuletzt im November 2019".
        if not s.periods:
            return 0.0
        last = max(s.periods, key=lambda p: p.last)
        if s.more:
            ok = day > shift(last.last, s.n, s.unit)
        else:
            ok = shift(last.first, s.n, s.unit) <= day <= shift(last.last, s.n + 1, s.unit)
        if ok and why is not None:
            why.append(f"'{s.text}' since '{last.text}'")
        return 0.0 if ok else BROKEN


def _candidate_years(clues: Clues) -> range | None:
    years = [p.last.year for p in clues.periods if not p.bound]
    years += [n.year for n in clues.named if n.year is not None]
    years = [y for y in years if MIN_YEAR <= y <= MAX_YEAR]
    # "vor acht Jahren, im März 2014", "seit mehr als zehn Jahren": the span reaches past the years named.
    reach = [p.last.year + s.n + 1 for s in clues.spans if s.unit == "Y" for p in s.periods]
    if years:
        hi = max(years + reach)
        return range(max(MIN_YEAR, max(years) - 1), min(MAX_YEAR, hi + 6) + 1)
    if clues.named:
        return range(NO_YEAR_RANGE[0], NO_YEAR_RANGE[1] + 1)
    return None


def furniture_day(source: Source) -> tuple[int | None, int, int, str] | None:
    """(year or None, month, day, the furniture's text) of the first date a dateline, byline or date line
    gives ("BERLIN, 4. Januar (dpa) –", "Updated January 4, 2022"), read without a reference date."""
    for f in find_furniture(source.body, source.language):
        text = source.body[f.start:f.end]
        for t in resolve_all(find_timexes(text, source.language, in_furniture=True), text, [], source.language, None):
            m = re.match(r"(\d{4}|XXXX)-(\d\d)-(\d\d)", t.value)
            if t.type in ("DATE", "TIME") and m:
                year = None if m.group(1) == "XXXX" else int(m.group(1))
                return year, int(m.group(2)), int(m.group(3)), text.strip()
    return None


def _dated_by_furniture(found: tuple[int | None, int, int, str]) -> Inference | None:
    year, month, day, text = found
    if year is None:
        return None
    try:
        return Inference(date(year, month, day), 0.95, f"from the page's own date: '{text}'")
    except ValueError:
        return None


def infer_published(source: Source) -> Inference | None:
    """An undated source's publication date from its furniture or its date mentions (None when they name no
    day or year)."""
    pinned = furniture_day(source)
    if pinned is not None and (dated := _dated_by_furniture(pinned)) is not None:
        log.info("%s: publication date %s %s", source.id, dated.published, dated.note)
        return dated
    clues = read_clues(source)
    years = _candidate_years(clues)
    if years is None and pinned is not None:
        years = range(NO_YEAR_RANGE[0], NO_YEAR_RANGE[1] + 1)
    if years is None:
        return None
    scorer = _Scorer(clues)
    day, end = date(years.start, 1, 1), date(years.stop - 1, 12, 31)
    scored: list[tuple[float, date]] = []
    while day <= end:
        if pinned is None or (day.month, day.day) == pinned[1:3]:
            scored.append((scorer.score(day), day))
        day += timedelta(days=1)
    if not scored:
        return None
    # Ties go to the later day: a text reads from the latest day its clues allow as well as from earlier ones.
    best_score, best = max(scored)
    mass = sum(math.exp(SHARPNESS * (s - best_score)) for s, _ in scored)
    confidence = round(min(1.0, 1.0 / mass), 2)
    why: list[str] = []
    scorer.score(best, why)
    if scorer.latest is not None:
        why.append(f"the latest year it looks back on is '{scorer.latest.text}'")
    elif not any(n.year for n in clues.named):
        why.append("it names no year, so the year is only one of those whose calendar fits")
    runner = max(((s, d) for s, d in scored if abs((d - best).days) > 3), default=(-math.inf, best))
    note = (f"inferred from {clues.mentions} date mentions"
            + (": " + "; ".join(dict.fromkeys(why)) if why else "")
            + (f"; {runner[1].isoformat()} reads almost as well" if best_score - runner[0] < 0.5 else ""))
    log.info("%s: inferred publication date %s (score %.2f, confidence %.2f): %s",
             source.id, best, best_score, confidence, note)
    return Inference(best, confidence, note)
