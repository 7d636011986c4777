"""Temporal expressions (TIMEX3, TimeML style) found by rules and lexicons, resolved against a reference date.

``tag_timexes`` finds dates, times, durations and sets, gives each a TimeML value and, where the
expression names days, the calendar days it covers. Bare weekdays, and dates or months without a
year, are placed before or after the reference date by the tense of their clause
(``timex_tense``). Anaphoric expressions ("zwei Tage später", "tags darauf") hang on the last
mentioned day. Without a reference date, relative expressions keep X's in their value and are
marked unresolved: they are never resolved against the wall clock.
"""

from __future__ import annotations

import bisect
import calendar
import logging
import re
from datetime import date, timedelta

from ...model import Sentence, Timex
from .furniture import find_furniture
from .timex_lex import Lexicon, lexicon
from .timex_resolve import Resolver

log = logging.getLogger(__name__)

CORE_GROUPS = ("core", "core2", "core3")
YEAR_DAYS = 366


class _Candidate:
    __slots__ = ("start", "end", "kind", "match", "order")

    def __init__(self, start: int, end: int, kind: str, match: re.Match[str], order: int):
        self.start, self.end, self.kind, self.match, self.order = start, end, kind, match, order


def _span(m: re.Match[str]) -> tuple[int, int]:
    for g in CORE_GROUPS:
        if g in m.re.groupindex and m.group(g) is not None:
            return m.span(g)
    return m.span()


def _candidates(body: str, lex: Lexicon) -> list[_Candidate]:
    """All pattern matches that pass their checks, overlaps resolved: longest first, then pattern order."""
    found: list[_Candidate] = []
    for order, p in enumerate(lex.patterns):
        for m in p.regex.finditer(body):
            s, e = _span(m)
            # Trim white space a pattern may have taken in at the edges.
            while s < e and body[s].isspace():
                s += 1
            while e > s and body[e - 1].isspace():
                e -= 1
            if s < e and _plausible(p.kind, m, body, s, e, lex):
                found.append(_Candidate(s, e, p.kind, m, order))
    found.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    taken: list[_Candidate] = []
    starts: list[int] = []
    for c in found:
        i = bisect.bisect_left(starts, c.start)
        if i > 0 and taken[i - 1].end > c.start:
            continue
        if i < len(taken) and taken[i].start < c.end:
            continue
        starts.insert(i, c.start)
        taken.insert(i, c)
    return taken


def _plausible(kind: str, m: re.Match[str], body: str, s: int, e: int, lex: Lexicon) -> bool:
    """Cheap checks that keep look-alikes out (a quantity is no year, an age is no duration)."""
    nxt = re.match(r"\s*([^\W\d_]+)", body[e:e + 30])
    next_word = nxt.group(1).lower() if nxt else ""
    if kind == "year":
        if next_word in lex.data["year_blockers"]:
            return False
        prev = body[max(0, s - 15):s].split()
        # A round number like 1500 or 2000 is a quantity unless a preposition or "Jahr" makes it a year.
        if m.group("year").endswith("00") and m.group("core") == m.group("year"):
            return bool(prev) and prev[-1].lower() in lex.data["year_prepositions"]
        return True
    if kind == "reld":
        if m.group("rel") in lex.data.get("noun_homographs", []):
            before = body[max(0, s - 12):s].rstrip()
            # Capitalised "Morgen" is the noun (morning) unless it opens a sentence.
            return not before or before[-1] in ".!?:\"„“»«\n"
        return True
    if kind == "duration":
        return not _an_age(m, body, s, next_word, lex)
    if kind == "duration_first":
        # The unit is read ahead: "sechs bis acht Monate"; "31 bis 35 Jahre alt" is an age.
        after = re.match(r"\s*([^\W\d_]+)", body[m.end("unit"):m.end("unit") + 30])
        return not _an_age(m, body, s, after.group(1).lower() if after else "", lex)
    if kind == "split_year":
        return _split_years(body[s:e])
    if kind == "duration_adj" and m.group("digits"):
        # "der 47-jährige Fahrer": an age.
        n = int(m.group("digits"))
        return not (10 <= n < 100 and lex.data["age_words"] and lex.unit_adjective(m.group("uadj")) == "Y")
    return True


def _split_years(text: str) -> bool:
    """"2014/15", "2014/2015": one season across two years; "2005/2010" lists two years."""
    first, second = re.findall(r"\d+", text)[-2:]
    return len(second) == 2 or int(second) == int(first) + 1


def _an_age(m: re.Match[str], body: str, s: int, next_word: str, lex: Lexicon) -> bool:
    """"16 Jahre alt", "der 16 Jahre jüngere", "Jugendliche ab 16 Jahren", "children under 14 years": an age."""
    if next_word in lex.data["age_words"]:
        return True
    before = lex.data.get("age_before")
    years = lex.unit(m.group("unit")) == "Y"
    return bool(years and before and re.search(before, body[max(0, s - 40):s]))


def tag_timexes(body: str, sentences: list[Sentence], language: str, reference: date | None,
                anchor: str = "published") -> list[Timex]:
    """The temporal expressions of ``body``, in text order, resolved against ``reference`` (None: unanchored).

    ``anchor`` names where the reference date came from (published | as_of | inferred).
    """
    return resolve_all(find_timexes(body, language), body, sentences, language, reference, anchor)


def find_timexes(body: str, language: str, in_furniture: bool = False) -> list[_Candidate]:
    """The expressions found in ``body`` before resolution (independent of the reference date).

    Those in datelines, bylines and page furniture are left out: they date the page, not what the
    article reports (``furniture``). ``in_furniture`` keeps them, to read the page's own date."""
    found = _candidates(body, lexicon(language))
    if in_furniture:
        return found
    furniture = find_furniture(body, language)
    return [c for c in found if not any(f.start < c.end and c.start < f.end for f in furniture)]


def resolve_all(found: list[_Candidate], body: str, sentences: list[Sentence], language: str,
                reference: date | None, anchor: str = "published") -> list[Timex]:
    """Resolve expressions from ``find_timexes`` against ``reference``."""
    lex = lexicon(language)
    starts = [s.start for s in sentences]
    resolver = Resolver(lex, body, sentences, reference)
    out: list[Timex] = []
    weeks = _weeks_of_weekdays(found, body, lex, starts)
    for c in found:
        k = bisect.bisect_right(starts, c.start) - 1
        sentence = sentences[k] if k >= 0 and sentences[k].start <= c.start < sentences[k].end else None
        timex = resolver.resolve(c.kind, c.match, c.start, c.end, sentence)
        if timex is None:
            continue
        week = weeks.get(id(c))
        if week is not None and timex.first_day is not None:
            wt = resolver.resolve(week.kind, week.match, week.start, week.end, sentence)
            if wt is not None and wt.first_day is not None:
                resolver.move_to_week(timex, wt.first_day)
        timex.sentence = sentence.index if sentence else (sentences[k].index if k >= 0 else 0)
        timex.kind = c.kind
        if timex.anchor == "published":
            timex.anchor = anchor
        out.append(timex)
    _order_listed_weekdays(body, out, lex)
    _link_ranges(body, out, lex)
    _end_of_length(body, out, lex)
    return out


def _end_of_length(body: str, timexes: list[Timex], lex: Lexicon) -> None:
    """A day after 'through'/'bis' ends an event whose length the sentence gives before it: "the three-day
    meeting runs through Sunday", "das dreitägige Treffen dauert bis Sonntag" cover Friday to Sunday."""
    end_word = lex.data.get("end_words")
    if not end_word:
        return
    before_end = re.compile(end_word + "$")
    for i, t in enumerate(timexes):
        if t.type != "DATE" or t.first_day is None or t.first_day != t.last_day or t.range_start is not None:
            continue
        if not before_end.search(body[max(0, t.start - 30):t.start]):
            continue
        lengths = [d for d in timexes[:i] if d.sentence == t.sentence and d.kind == "duration_adj"]
        m = re.fullmatch(r"P(\d+)D", lengths[-1].value) if lengths else None
        if not m or not 2 <= int(m.group(1)) <= 14:
            continue
        t.first_day = t.first_day - timedelta(days=int(m.group(1)) - 1)
        t.range_start = t.start


def _is_week(c: _Candidate, lex: Lexicon) -> bool:
    return c.kind == "relunit" and lex.unit(c.match.group("unit")) == "W"


def _weeks_of_weekdays(found: list[_Candidate], body: str, lex: Lexicon,
                       sentence_starts: list[int]) -> dict[int, _Candidate]:
    """Weekdays (by candidate id) that a relative week places: "am Donnerstag nächster Woche", "next week on
    Thursday"; weekdays listed together share it ("Wednesday and Thursday next week"); and a weekday later in
    the sentence of a week, with nothing but weekdays between ("will travel next week for talks on Thursday", "am
    Donnerstag nächster Woche ... am Freitag")."""
    after = re.compile(lex.data["weekday_week_gap"])
    before = re.compile(lex.data["week_weekday_gap"])
    out: dict[int, _Candidate] = {}
    for i, c in enumerate(found):
        if not _is_week(c, lex):
            continue
        if i > 0 and found[i - 1].kind == "weekday" and after.fullmatch(body[found[i - 1].end:c.start]):
            placed = _listed_before(found, i - 1, body, lex)
        elif i + 1 < len(found) and found[i + 1].kind == "weekday" and before.fullmatch(body[c.end:found[i + 1].start]):
            placed = _listed_after(found, i + 1, body, lex)
        else:
            placed = []
        # "Nach seiner Ankunft am Donnerstagabend kommender Woche soll er am Freitagvormittag ...": the weekdays
        # told after it in the sentence lie in that week too
        for j in [*placed, *_weekdays_later_in_sentence(found, i, sentence_starts)]:
            out[id(found[j])] = c
    return out


def _listed_before(found: list[_Candidate], j: int, body: str, lex: Lexicon) -> list[int]:
    """Index ``j`` and the weekdays listed right before it ("Mittwoch und" Donnerstag)."""
    listed = re.compile(lex.data["weekday_list_gap"])
    out = [j]
    while j > 0 and found[j - 1].kind == "weekday" and listed.fullmatch(body[found[j - 1].end:found[j].start]):
        j -= 1
        out.append(j)
    return out


def _listed_after(found: list[_Candidate], j: int, body: str, lex: Lexicon) -> list[int]:
    """Index ``j`` and the weekdays listed right after it (Donnerstag "und Freitag")."""
    listed = re.compile(lex.data["weekday_list_gap"])
    out = [j]
    while j + 1 < len(found) and found[j + 1].kind == "weekday" \
            and listed.fullmatch(body[found[j].end:found[j + 1].start]):
        j += 1
        out.append(j)
    return out


def _weekdays_later_in_sentence(found: list[_Candidate], i: int, sentence_starts: list[int]) -> list[int]:
    """The weekdays without a cue of their own that follow the week ``found[i]`` in its sentence, up to the
    first expression that is no weekday."""
    k = bisect.bisect_right(sentence_starts, found[i].start)
    end = sentence_starts[k] if k < len(sentence_starts) else None
    out = []
    for j in range(i + 1, len(found)):
        c = found[j]
        if c.kind != "weekday" or (end is not None and c.start >= end):
            break
        if c.match.group("cue") is None:
            out.append(j)
    return out


def _order_listed_weekdays(body: str, timexes: list[Timex], lex: Lexicon) -> None:
    """Weekdays listed together run in the order written: "am Mittwoch und Freitag" on a Thursday is next
    Wednesday and the Friday after it (two days, not a range); in a past clause, the earlier ones move back."""
    listed = re.compile(lex.data["weekday_list_gap"])
    for a, b in zip(timexes, timexes[1:], strict=False):
        if a.kind != "weekday" or b.kind != "weekday" or a.first_day is None or b.first_day is None:
            continue
        if a.sentence != b.sentence or not listed.fullmatch(body[a.end:b.start]) or b.first_day > a.first_day:
            continue
        if "past" in (a.direction, b.direction):
            _shift_days(a, -7 * ((a.first_day - b.first_day).days // 7 + 1))
        else:
            _shift_days(b, 7 * ((a.first_day - b.first_day).days // 7 + 1))


def _next_year(t: Timex) -> None:
    assert t.first_day is not None and t.last_day is not None
    year = t.first_day.year + 1
    last = min(t.last_day.day, calendar.monthrange(year, t.last_day.month)[1])  # 29 February
    t.first_day, t.last_day = t.first_day.replace(year=year), t.last_day.replace(year=year, day=last)
    t.value = str(year) + t.value[4:]


def _shift_days(t: Timex, days: int) -> None:
    assert t.first_day is not None and t.last_day is not None
    t.first_day += timedelta(days=days)
    t.last_day += timedelta(days=days)
    if re.match(r"\d{4}-\d\d-\d\d", t.value):
        t.value = t.first_day.isoformat() + t.value[10:]


def _link_ranges(body: str, timexes: list[Timex], lex: Lexicon) -> None:
    """Two day expressions joined by 'bis' / '-' (or 'und' after 'zwischen') form a range: both get the range's
    first and last day."""
    for a, b in zip(timexes, timexes[1:], strict=False):
        if not (a.first_day and b.first_day and a.type == "DATE" and b.type == "DATE"):
            continue
        between = body[a.end:b.start]
        # "bis", "to"; "and" after an opener: "zwischen Mai und Juni", "between April and June"
        opened = lex.range_opener.search(body[max(0, a.start - 15):a.start]) and lex.range_and.match(between)
        if not (lex.range_joiner.match(between) or opened) or b.start - a.end > 25:
            continue
        first, last = a.first_day, b.last_day or b.first_day
        if last < first and b.kind == "month" and not re.search(r"\d{4}", b.text):
            # "von Mai bis Oktober": a month without a year that ends a range comes after its start.
            _next_year(b)
            last = b.last_day or last
        if last < first:
            if a.value.startswith("XXXX"):
                continue
            # A weekday range runs forward from its first day: "von Freitag bis Sonntag".
            while last < first:
                last += timedelta(days=7)
            if b.first_day and b.first_day == b.last_day and re.fullmatch(r"\d{4}-\d\d-\d\d", b.value):
                b.value = last.isoformat()
        if (last - first).days > (YEAR_DAYS if a.kind == b.kind == "month" else 62):
            continue  # "von Mai bis Oktober" is a range of months, two days so far apart are two dates
        a.first_day, a.last_day = first, last
        b.first_day, b.last_day = first, last
        a.range_start = b.range_start = a.start
