"""The clues an undated article gives about its own publication day, read from its date mentions.

Each clue is resolved against a candidate publication day by ``reference`` and scored there. A
clue is one of:

- a named day ("12. Januar", "June 16", "Donnerstag, 24. März") with the direction of its clause;
- a weekday, an anaphor ("zwei Tage später", "am Vortag") or a relative day ("heute");
- a period with a year ("2019", "im November 2019") the article mostly looks back on;
- a month without year placed by its clause ("im Dezember forderte");
- a span between two days ("sechs Wochen nach dem Gipfel am 16. Juni"), before the publication
  day ("vor acht Jahren") or reaching back to it ("das erste Treffen seit mehr als zwei Jahren").
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ...data import load_data
from ...model import Sentence, Source, Timex
from ..segment import segment
from .timex import find_timexes, resolve_all
from .timex_lex import LANGUAGES, Lexicon, lexicon
from .timex_tense import clause_direction

log = logging.getLogger(__name__)

PROBE = date(2001, 1, 3)
"""A fixed stand-in reference date: resolving against it yields directions and anaphor offsets, never a guess."""
NAMED_KINDS = {"date", "date_mdy", "numeric_date", "iso_date", "bare_day"}
ANAPHOR_KINDS = {"anaphor_words", "anaphor_units"}
SPAN_UNITS = {"D", "W", "MO", "Y"}
BESIDE = re.compile(r"[\s,;:(–—-]*(?:\w{1,4}\s+)?")
"""What may stand between a span and the time it names: "vor acht Jahren, im März 2014", "eight years ago (2014)"."""
ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
YEAR_VALUE = re.compile(r"((?:1[5-9]|20)\d\d)(?:-(\d\d))?$")


def shift(d: date, n: int, unit: str) -> date:
    """``d`` moved by ``n`` days, weeks, months or years (month ends clamp: 31 January + 1 month = 28 February)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    months = n if unit == "MO" else 12 * n
    k = d.year * 12 + d.month - 1 + months
    y, m = k // 12, k % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


class DayNode:
    """A mention that names one day once the publication day is known."""

    text: str
    sentence: int
    start: int

    def on(self, day: date) -> date | None:
        raise NotImplementedError


@dataclass(eq=False)
class Named(DayNode):
    """A day and month, with or without year; without one, its clause's direction places it."""

    text: str
    sentence: int
    start: int
    month: int
    dom: int
    year: int | None
    direction: str | None
    weekday: int | None = None
    """ISO weekday written beside it ("Donnerstag, 24. März"): only the years where it falls so fit."""
    context_year: int | None = None
    """The year written just before it ("im März 2018 ... am 2. Mai"): likely, not certain, its year."""
    is_anchor: bool = False
    """A span counts from it ("six weeks after the summit on May 5"): a weekday beside it names another day."""

    def on(self, day: date) -> date | None:
        if self.year is not None:
            return _safe_date(self.year, self.month, self.dom)
        options = [d for y in (day.year - 1, day.year, day.year + 1)
                   if (d := _safe_date(y, self.month, self.dom)) is not None]
        if self.direction == "past":
            before = [d for d in options if d <= day]
            return max(before) if before else None
        if self.direction == "future":
            after = [d for d in options if d >= day]
            return min(after) if after else None
        return min(options, key=lambda d: abs((d - day).days)) if options else None


@dataclass(eq=False)
class Weekday(DayNode):
    """A bare weekday; ``mode`` says how it lies to the publication day.

    this (an diesem Montag, this Monday), past_cue (vergangenen Mittwoch), future_cue (kommenden
    Freitag), past (clause in a past tense), future (modal or werden), present (plain present), None.
    """

    text: str
    sentence: int
    start: int
    wd: int
    mode: str | None

    def on(self, day: date) -> date:
        back = (day.isoweekday() - self.wd) % 7
        ahead = (self.wd - day.isoweekday()) % 7
        if self.mode == "this":
            return day - timedelta(days=back) if back <= 3 else day + timedelta(days=ahead)
        if self.mode == "past_cue":
            return day - timedelta(days=back or 7)
        if self.mode == "past":
            return day - timedelta(days=back)
        if self.mode == "future_cue":
            return day + timedelta(days=ahead or 7)
        if self.mode in ("future", "present"):
            return day + timedelta(days=ahead)
        return day - timedelta(days=back) if back <= ahead else day + timedelta(days=ahead)


@dataclass(eq=False)
class Relative(DayNode):
    """A day at a fixed offset from another mention (an anaphor) or from the publication day (base None)."""

    text: str
    sentence: int
    start: int
    offset: int
    base: DayNode | None = None

    def on(self, day: date) -> date | None:
        anchor = self.base.on(day) if self.base is not None else day
        return anchor + timedelta(days=self.offset) if anchor else None


@dataclass
class Period:
    """A year or a month with its year."""

    text: str
    sentence: int
    first: date
    last: date
    bound: bool
    """Named as a limit or in a future clause ("bis 2026"): it need not lie in the past."""
    last_cue: bool
    """Its sentence says it was the last time ("zuletzt im November 2019")."""
    past: bool = False
    """Its clause is in a past tense or counts from it ("seit 2019"): surely before the publication day."""
    start: int = 0
    end: int = 0


@dataclass
class MonthOnly:
    text: str
    month: int
    direction: str | None


@dataclass
class Span:
    """A span between two days ("six weeks after the June 16 summit"), from the publication day, or since it."""

    text: str
    sentence: int
    n: int
    unit: str
    kind: str
    """offset (event = anchor + span) | ago (publication = anchor + span) | since (publication = last time + span)"""
    sign: int = 1
    more: bool = False
    event: DayNode | None = None
    """The day the span leads to; None: the publication day."""
    anchor: DayNode | None = None
    """The day the span counts from, when its own sentence names it; None: any named day of the text."""
    periods: list[Period] = field(default_factory=list)


@dataclass
class Clues:
    named: list[Named] = field(default_factory=list)
    weekdays: list[Weekday] = field(default_factory=list)
    relatives: list[Relative] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    months: list[MonthOnly] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    mentions: int = 0

    def empty(self) -> bool:
        return not (self.named or self.periods or self.spans)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _iso_day(value: str) -> date | None:
    m = ISO_DAY.match(value)
    return _safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _words_before(body: str, s: int, n: int = 3) -> list[str]:
    return [w.strip(",.;:()„“\"'").lower() for w in body[max(0, s - 40):s].split()][-n:]


def _ends_with(words: list[str], phrases: list[str]) -> bool:
    """Whether ``words`` end with one of ``phrases`` (a phrase may have several words)."""
    text = " ".join(words)
    return any(text == p or text.endswith(" " + p) for p in phrases)


def _starts_with(body: str, e: int, phrases: list[str]) -> bool:
    after = " ".join(body[e:e + 40].lower().split())
    return any(after == p or after.startswith(p + " ") for p in phrases)


class _Reader:
    def __init__(self, source: Source):
        self.body = source.body
        lang = source.language if source.language in LANGUAGES else "de"
        self.lex: Lexicon = lexicon(lang)
        self.words: dict[str, Any] = load_data(f"reference_{lang}")
        self.sentences: list[Sentence] = segment(source.body, source.language)
        self.by_index = {s.index: s for s in self.sentences}

    def w(self, key: str) -> list[str]:
        return [str(x).lower() for x in self.words.get(key) or []]

    def sentence(self, index: int) -> Sentence | None:
        return self.by_index.get(index)

    def direction(self, t: Timex) -> str | None:
        """'past' | 'future' | 'present' | None from the clause of ``t``."""
        return clause_direction(self.sentence(t.sentence), t.start, t.end, self.lex)

    def sentence_has(self, index: int, key: str) -> bool:
        s = self.sentence(index)
        if s is None:
            return False
        text = " " + " ".join(re.findall(r"\w+", self.body[s.start:s.end].lower())) + " "
        return any(f" {p} " in text for p in self.w(key))

    def named(self, t: Timex, plain: Timex | None, match: re.Match[str] | None) -> Named | None:
        d = _iso_day(t.value)
        if d is None:
            return None
        has_year = plain is not None and not plain.value.startswith("XXXX") and self._year_written(t, match)
        direction = t.direction
        if direction is None and self._after_bound_word(t) and self.direction(t) != "past":
            direction = "future"
        weekday = None
        if match is not None and "wd" in match.re.groupindex and match.group("wd"):
            weekday = self.lex["weekdays"].get(match.group("wd").lower())
        return Named(t.text, t.sentence, t.start, d.month, d.day, d.year if has_year else None, direction, weekday)

    def _after_bound_word(self, t: Timex) -> bool:
        """ "bis zum 20. Februar", "until March 3": a limit ahead, whatever the tense of the clause."""
        before = _words_before(self.body, t.start, 2)
        articles = {str(a).lower() for a in self.lex.data.get("articles", [])} | set(self.w("contractions"))
        if before and before[-1] in articles:
            before = before[:-1]
        return _ends_with(before[-1:], self.w("bound_before"))

    def _year_written(self, t: Timex, match: re.Match[str] | None) -> bool:
        """Whether the mention writes its year: the tagger also lends one from a nearby sentence."""
        if match is None or t.kind in ("numeric_date", "iso_date"):
            return True
        groups = [g for g in ("year", "year2", "year3", "year4") if g in match.re.groupindex]
        if groups:
            return any(match.group(g) for g in groups)
        # "3. und 4. März 2022": the year follows the last day of the list.
        return bool(re.match(r"[^.!?]{0,40}?(?:1[5-9]|20)\d\d", self.body[t.end:]))

    def month_of(self, match: re.Match[str] | None) -> int | None:
        if match is None:
            return None
        name = next((match.group(g) for g in ("month2", "month3", "month4")
                     if g in match.re.groupindex and match.group(g)), None)
        return self.lex["months"].get(name.lower()) if name else None

    def weekday(self, t: Timex, match: re.Match[str] | None) -> Weekday | None:
        wd_text = match.group("wd") if match is not None and "wd" in match.re.groupindex else None
        wd = self.lex["weekdays"].get((wd_text or "").lower())
        if not wd:
            return None
        cue_text = match.group("cue") if match is not None and "cue" in match.re.groupindex else None
        cue = self.lex.cue(cue_text)
        if cue in ("this", "today"):
            mode: str | None = "this"
        elif cue in ("past", "future"):
            mode = cue + "_cue"
        elif t.direction == "future" and self.direction(t) == "present":
            mode = "present"
        else:
            mode = t.direction
        return Weekday(t.text, t.sentence, t.start, wd, mode)

    def period(self, t: Timex, match: re.Match[str] | None) -> Period | None:
        m = YEAR_VALUE.match(t.value)
        if not m or (m[2] and not self._year_written(t, match)):
            return None
        y = int(m[1])
        if m[2]:
            mo = int(m[2])
            first, last = date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        else:
            first, last = date(y, 1, 1), date(y, 12, 31)
        before = _words_before(self.body, t.start, 2)
        direction = self.direction(t)
        since = bool(before) and before[-1] in self.lex.data.get("past_prepositions", [])
        bound = not since and (_ends_with(before[-1:], self.w("bound_before")) or direction == "future")
        return Period(t.text, t.sentence, first, last, bound, self.sentence_has(t.sentence, "last_cues"),
                      past=since or direction == "past", start=t.start, end=t.end)

    def span(self, t: Timex, match: re.Match[str] | None) -> Span | None:
        if match is None or "num" not in match.re.groupindex or "unit" not in match.re.groupindex:
            return None
        n = self.lex.number(match.group("num"))
        unit = self.lex["units"].get((match.group("unit") or "").lower())
        if not isinstance(n, int) or unit not in SPAN_UNITS:
            return None
        approx = (match.group("approx") or "").lower() if "approx" in match.re.groupindex else ""
        before = _words_before(self.body, t.start, 2)
        if _starts_with(self.body, t.end, self.w("offset_after")):
            return Span(t.text, t.sentence, n, unit, "offset", sign=1)
        if _starts_with(self.body, t.end, self.w("offset_before")):
            return Span(t.text, t.sentence, n, unit, "offset", sign=-1)
        if _ends_with(before[-1:], self.w("ago_before")) or _starts_with(self.body, t.end, self.w("ago_after")):
            return Span(t.text, t.sentence, n, unit, "ago")
        if _ends_with(before[-1:], self.w("since_before")):
            # Only "the first ... since N years" looks back from the publication day to a last time;
            # "der seit acht Jahren andauernde Konflikt" counts from something else.
            if not self._first_before(t):
                return None
            return Span(t.text, t.sentence, n, unit, "since", more=approx in self.w("more_than"))
        return None

    def _first_before(self, t: Timex) -> bool:
        s = self.sentence(t.sentence)
        start = s.start if s else max(0, t.start - 200)
        words = re.findall(r"\w+", self.body[start:t.start].lower())
        return any(w in self.w("first_words") for w in words)


def read_clues(source: Source) -> Clues:
    """Everything the text says about when it was written."""
    r = _Reader(source)
    found = find_timexes(source.body, source.language)
    matches = {c.start: c.match for c in found}
    plain = {t.start: t for t in resolve_all(found, source.body, r.sentences, source.language, None)}
    probe = resolve_all(found, source.body, r.sentences, source.language, PROBE)
    clues = Clues(mentions=sum(1 for t in probe if t.type in ("DATE", "TIME")))
    # The last day-naming mention and its day against PROBE: anaphors count from it, as the tagger does.
    setter: DayNode | None = None
    setter_day: date | None = None
    span_timexes: list[Timex] = []
    for t in probe:
        match = matches.get(t.start)
        node: DayNode | None = None
        if t.kind in NAMED_KINDS:
            node = r.named(t, plain.get(t.start), match)
            if node is not None:
                clues.named.append(node)
        elif t.kind == "weekday":
            node = r.weekday(t, match)
            if node is not None:
                clues.weekdays.append(node)
        elif t.kind == "reld" and (d := _iso_day(t.value)):
            node = Relative(t.text, t.sentence, t.start, (d - PROBE).days)
            clues.relatives.append(node)
        elif t.kind in ANAPHOR_KINDS and (d := _iso_day(t.value)) and t.type == "DATE":
            if t.anchor == "previous" and setter is not None and setter_day is not None:
                node = Relative(t.text, t.sentence, t.start, (d - setter_day).days, setter)
            else:
                node = Relative(t.text, t.sentence, t.start, (d - PROBE).days)
            clues.relatives.append(node)
        elif t.kind in ("year", "month") and (pt := plain.get(t.start)) is not None:
            # The unanchored reading tells a written year from one the probe date supplied.
            p = r.period(pt, match)
            if p is not None:
                clues.periods.append(p)
            elif t.kind == "month" and (month := r.month_of(match)):
                d = r.direction(t)
                clues.months.append(MonthOnly(t.text, month, None if d == "present" else d))
        elif t.kind == "duration":
            span_timexes.append(t)
        if node is not None:
            setter, setter_day = node, _iso_day(t.value)
    _lend_years(clues)
    for t in span_timexes:
        span = r.span(t, matches.get(t.start))
        if span is not None:
            _attach(span, t, clues, source.body)
            clues.spans.append(span)
    log.debug("clues: %d named, %d weekdays, %d relative, %d periods, %d spans", len(clues.named),
              len(clues.weekdays), len(clues.relatives), len(clues.periods), len(clues.spans))
    return clues


def _lend_years(clues: Clues) -> None:
    """A day without year likely shares the year written in its sentence or the one before, before it."""
    written = [(p.sentence, p.first.year) for p in clues.periods if not p.bound and p.first.year == p.last.year]
    written += [(n.sentence, n.year) for n in clues.named if n.year is not None]
    for n in clues.named:
        if n.year is None:
            near = [y for s, y in written if n.sentence - 1 <= s <= n.sentence]
            n.context_year = near[-1] if near else None


def _beside(body: str, start: int, end: int, t: Timex) -> bool:
    """Whether [start, end) is written right beside ``t``: at most punctuation and one short word between."""
    between = body[t.end:start] if start >= t.end else body[end:t.start]
    return bool(BESIDE.fullmatch(between))


def _attach(span: Span, t: Timex, clues: Clues, body: str) -> None:
    """Find the days a span joins in its own sentence."""
    days: list[DayNode] = [n for n in clues.named if n.sentence == t.sentence]
    days += [w for w in clues.weekdays if w.sentence == t.sentence]
    days.sort(key=lambda n: n.start)
    if span.kind == "offset":
        # "sechs Wochen nach dem Gipfel am 16. Juni": the day after the preposition is the anchor,
        # the nearest other day of the sentence is the one the span leads to.
        after = [n for n in days if isinstance(n, Named) and n.start > t.end]
        span.anchor = after[0] if after else None
        if isinstance(span.anchor, Named):
            # Its clause's tense is the event's ("will meet ... after the summit on May 5"), not its own.
            span.anchor.direction = None
            span.anchor.is_anchor = True
        others = [n for n in days if n is not span.anchor]
        span.event = min(others, key=lambda n: abs(n.start - t.start)) if others else None
    elif span.kind == "ago":
        # Only a time written right beside the span is what it reaches back to: "vor acht Jahren, im März 2014".
        beside = [n for n in days if isinstance(n, Named) and _beside(body, n.start, n.start + len(n.text), t)]
        span.anchor = beside[0] if beside else None
        span.periods = [p for p in clues.periods if p.sentence == t.sentence and _beside(body, p.start, p.end, t)]
    else:
        # "das erste Treffen seit mehr als zwei Jahren ... zuletzt im November 2019".
        span.periods = [p for p in clues.periods if p.last_cue and not p.bound]
