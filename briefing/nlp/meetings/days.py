"""The days a sentence names for meetings: from the temporal tagger, joined into ranges, counted from an
event named before, lengthened by a duration; and the stretches of a sentence, one per day."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from ...model import Meeting, Sentence, Timex, Token
from ..temporal.timex_lex import lexicon as tense_lexicon
from ..temporal.timex_tense import clause_direction, clause_tokens
from .context import SentenceContext, Span
from .places import last_place
from .programme import OPENED_REACH, Frame, anaphor_shift, floating, frame, journey, journey_noun, ordinal_day
from .triggers import ahead, earlier_tokens, event_noun, find_phrase, is_travel

log = logging.getLogger(__name__)

DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
DAYS_VALUE = re.compile(r"^P(\d+)D$")
WEEKS_VALUE = re.compile(r"^P(\d+)W$")
VAGUE_VALUE = re.compile(r"^\d{4}(-\d\d|-W\d\d)?$")
LONG_RANGE = 31  # days an explicit "vom ... bis" range may span
SHORT_RANGE = 3  # days two days joined by "und" may lie apart and still be one stretch
OFFSET_WORDS = frozenset({"nach", "vor", "später", "danach", "after", "before", "later", "earlier"})
UNTIL = frozenset({"through", "until", "till", "bis"})
WEEK = 7
LOOK_BACK = 3  # sentences back a meeting named again by a definite noun may lie
BRACKETS = frozenset("()[]")
CLAUSE_MARKS = frozenset(",;:")
MONTH = 28
YEAR = 366
MODIFIERS = 2  # capitalised words that may stand between an article and its event noun ("the White House engagement")
SINCE_REACH = 4  # words from a preposition of the past ("seit Amtsantritt im Mai") to the date it governs
RECUR_REACH = 2  # tokens between a set of times ("every month") and the date it bounds
EVENT_REACH = 5  # tokens after an event noun that may name its place or party ("der Nato in Den Haag")
ARRIVAL_REACH = 2  # days before the source's an arrival may lie and the visit or meeting still be under way
REPORT_REACH = 4  # tokens back from a day to a noun of reporting ("the statement published on")
SUPERSEDED_REACH = 4  # tokens back from a day to a word of a plan given up ("originally scheduled for")
TERM_REACH = 10  # tokens back from "from"/"ab" to a noun of an office held for a term ("presidency, which")
SAID_REACH = 7  # tokens back from a day to the verb of saying before it, over the speaker's name


@dataclass
class Day:
    """A day (or range of days) named for a meeting, tokens tok..last_tok of its sentence."""

    first: date | None
    last: date | None
    tok: int
    last_tok: int
    past: bool
    text: str
    clock: bool = False
    vague: bool = False
    window: tuple[date, date] | None = None
    """The stretch of time a vague date stands for ("Ende März": 21 to 31 March), kept beside its text."""
    bare: bool = False
    """A weekday named alone ("am Freitagvormittag", "on Friday"), no week or date with it."""
    listed: bool = False
    """Named in one list with the day before ("am Mittwoch und Freitag"): the same meeting words hold for
    both, each on its own day."""
    daypart: bool = False
    """A part of a day with no day named ("am Abend", "in the evening")."""
    programme: Meeting | None = None
    """The visit whose programme gave the day ("On the third day", "am Nachmittag"): its parties hold the item."""


def token_at(s: Sentence, offset: int) -> int:
    for i, tok in enumerate(s.tokens):
        if tok.end > offset:
            return i
    return len(s.tokens) - 1


def _text(s: Sentence, t: Timex) -> str:
    return s.text[t.start - s.start:t.end - s.start]


def find_days(ctx: SentenceContext) -> list[Day]:
    """The days of the sentence, in order; days joined by "und"/"bis" make one range, a clock time joins
    its day."""
    s, lex, timexes = ctx.sentence, ctx.lex, ctx.timexes
    days: list[Day] = []
    seen_ranges: set[int] = set()
    for t in sorted(timexes, key=lambda t: t.start):
        i = token_at(s, t.start)
        if t.type == "DURATION" and i > 0 and s.tokens[i - 1].text.lower() in lex.offset and not ctx.mask[i] \
                and t.direction != "past":
            # "agreed to meet again in two weeks": announced, with no day to name
            days.append(Day(None, None, i, token_at(s, t.end - 1), False, _text(s, t)))
            continue
        vague = _vague_day(ctx, t, i)
        if vague is not None:
            if t.range_start is not None and t.range_start in seen_ranges and days:
                # "von Mai bis Juni": the tagger gave both months the range, shown as written
                prev = days[-1]
                prev.last_tok = vague.last_tok
                prev.text = s.text[s.tokens[prev.tok].start - s.start:t.end - s.start]
                if vague.first is None:  # "von August bis Oktober jeden Monat": a recurrence's bounds
                    prev.first = prev.last = None
                continue
            if t.range_start is not None:
                seen_ranges.add(t.range_start)
            days.append(vague)
            continue
        if t.type not in ("DATE", "TIME") or not DAY_VALUE.match(t.value or ""):
            continue
        first_day = t.first_day or _value_day(t.value)
        if first_day is None:
            continue
        if ctx.mask[i] or _said_on(ctx, i, token_at(s, t.end - 1)) or _superseded(ctx, i) or _term_begins(ctx, i):
            continue
        if t.range_start is not None:
            if t.range_start in seen_ranges:
                days[-1].last_tok = token_at(s, t.end - 1)
                continue
            seen_ranges.add(t.range_start)
        day = Day(first_day, t.last_day or first_day, i, token_at(s, t.end - 1), t.direction == "past", t.text)
        day.clock = "T" in (t.value or "")[10:11]
        day.bare = _bare_weekday(ctx, t)
        day.daypart = t.kind == "daypart"
        if days and t.kind == "weekday" and _in_list(ctx, days[-1], day):
            _run_forward(days[-1], day)
        if (not days or not _joined(ctx, days, day)) and not _arrival_by(ctx, day):
            day.listed = bool(days) and _listed(ctx, days[-1], day)
            days.append(day)
    days = _until(ctx, _arrived(ctx, _in_programme(ctx, _in_visit(ctx, _bounds(ctx, _in_week(_either(ctx, days)))))))
    return _begun_today(ctx, days)


def _begun_today(ctx: SentenceContext, days: list[Day]) -> list[Day]:
    """"Der spanische König hat seinen Antrittsbesuch in Marokko begonnen", "The talks have begun": a visit or a
    meeting told as begun in the present perfect, with no day named, began on the source's day and is under way."""
    published = ctx.doc.source.published
    if days or published is None or any(t.type in ("DATE", "TIME") for t in ctx.timexes):
        return days
    tense = _sets_of(ctx.gaz.language)
    begin = next((i for i, t in enumerate(ctx.tokens) if _participle(t) and t.text.lower() in tense["begin_verbs"]
                  and any(a.text.lower() in tense["present_perfect"] for a in ctx.tokens[:i])), None)
    if begin is None:
        begin = _continued(ctx)
    if begin is None or not any(event_noun(t, ctx.lex) for t in ctx.tokens):
        return days
    s, tok = ctx.sentence, ctx.tokens[begin]
    return [Day(published, published, begin, begin, False, s.text[tok.start - s.start:tok.end - s.start])]


def _continued(ctx: SentenceContext) -> int | None:
    """"setzt seine Nahostreise im Libanon fort", "continues his tour in Lebanon": a verb of continuing in the present
    tells of the source's own day. Its token, else None."""
    words = _verb_list(ctx.gaz.language, "continue_verbs")
    particles = ctx.particles()
    for i, t in enumerate(ctx.tokens):
        lemma = (t.lemma or "").lower()
        if t.pos.replace("(", "").replace(")", "") in _finite_tags(ctx.gaz.language) \
                and (lemma in words or any(p + lemma in words for p in particles)) \
                and clause_direction(ctx.sentence, t.start, t.end, tense_lexicon(ctx.gaz.language)) == "present":
            return i
    return None


@cache
def _finite_tags(language: str) -> frozenset[str]:
    return frozenset(tense_lexicon(language)["tense"].get("finite_tags") or [])


@cache
def _sets_of(language: str) -> dict[str, frozenset[str]]:
    tense = tense_lexicon(language)["tense"]
    return {key: frozenset(str(w).lower() for w in tense.get(key) or []) for key in ("begin_verbs", "present_perfect")}


def _either(ctx: SentenceContext, days: list[Day]) -> list[Day]:
    """"in May or June", "im April oder Mai": two months to come offered as alternatives are one vague stretch from
    the first day of the one to the last of the other, shown as written (neither alone is the event's)."""
    out: list[Day] = []
    words = frozenset(str(w).lower() for w in tense_lexicon(ctx.gaz.language).data.get("alternatives") or [])
    for day in days:
        prev = out[-1] if out else None
        if prev is not None and prev.vague and day.vague and prev.window and day.window \
                and _whole(prev.window) and _whole(day.window) and prev.window[1] < day.window[0] \
                and (day.window[0] - prev.window[1]).days <= MONTH \
                and [t.text.lower() for t in ctx.tokens[prev.last_tok + 1:day.tok]] and \
                all(t.text.lower() in words for t in ctx.tokens[prev.last_tok + 1:day.tok]):
            s = ctx.sentence
            text = s.text[ctx.tokens[prev.tok].start - s.start:ctx.tokens[day.last_tok].end - s.start]
            window = (prev.window[0], day.window[1])
            out[-1] = Day(window[0], window[1], prev.tok, day.last_tok, False, text, vague=True, window=window)
            continue
        out.append(day)
    return out


def _bounds(ctx: SentenceContext, days: list[Day]) -> list[Day]:
    """"wo er am Freitag eine Rede zur Globalisierung nach dem 11. September halten wird": a date after "nach",
    "vor", "after", "before" bounds a time (here the topic's); beside another day it is not the meeting's."""
    words = _bound_words(ctx.gaz.language)
    bounded = [d for d in days if _opened_by(ctx, d.tok, words)]
    return [d for d in days if d not in bounded] if bounded and len(bounded) < len(days) else days


@cache
def _bound_words(language: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in tense_lexicon(language).data.get("bound_prepositions") or [])


def _opened_by(ctx: SentenceContext, tok: int, words: frozenset[str]) -> bool:
    """The day at ``tok`` follows one of ``words``, an article between or none ("nach dem 11. September")."""
    k = tok - 1
    if k >= 0 and ctx.tokens[k].pos.startswith(("ART", "AT0")):
        k -= 1
    return k >= 0 and ctx.tokens[k].text.lower() in words


def _arrived(ctx: SentenceContext, days: list[Day]) -> list[Day]:
    """"ist am Dienstag zu einem Treffen ... in Astana eingetroffen" (in Wednesday's news), "arriving in Oslo
    Wednesday evening for an overnight visit" (in Thursday's): the day of an arrival a day or two before the
    source's is no meeting's end. A visit arrived for has begun that day and goes on; a meeting arrived for is to
    come, its day not told."""
    published = ctx.doc.source.published
    for d in days:
        if published is None or d.first is None or d.first >= published \
                or (published - d.first).days > ARRIVAL_REACH:
            continue
        # the sentence, not the clause: a list of the states met ("Kasachstan, Kirgistan, ...") has commas
        first, last = 0, len(ctx.tokens) - 1
        if not _tells(ctx, first, last, "arrival_perfect_verbs"):
            continue
        d.past = False
        if _arrived_for_visit(ctx, first, last):
            if not any(DAYS_VALUE.match(t.value or "") for t in ctx.timexes):  # a length lengthens it (span_days)
                d.last = max(d.last or d.first, published)
        else:
            d.first = d.last = None
            d.vague = True
    return days


def _arrived_for_visit(ctx: SentenceContext, first: int, last: int) -> bool:
    """The clause names no meeting but a visit or a journey ("for an overnight visit", "in Israel eingetroffen"):
    the stay begins with the arrival. A meeting named ("zu einem Treffen", "for an annual summit") has a day of its
    own."""
    nouns = [t for t in ctx.tokens[first:last + 1] if event_noun(t, ctx.lex)]
    return all(journey_noun(t.text, ctx.gaz.language) for t in nouns)


def _until(ctx: SentenceContext, days: list[Day]) -> list[Day]:
    """"Bis Sonntagabend führt die Kanzlerin Gespräche in ...", "will stay in talks until Friday": a day after
    "bis"/"until" with no first day named ends a span that runs from the day the text tells of: the first day of
    the journey under way, else the source's own day. (With a length named, "the three-day meeting runs through
    Sunday", span_days counts back from the end.)"""
    published = ctx.doc.source.published
    ends = [d for d in days if published and d.first and d.first == d.last and not d.past and d.first >= published
            and _after_until(ctx, d.tok)]
    if not ends or published is None or any(t.type == "DURATION" for t in ctx.timexes) \
            or after_event(ctx, ctx.doc.earlier) is not None:
        return days  # "The day after the White House engagement, ... which will last until June 17"
    for d in ends:
        d.first = _under_way_since(ctx.doc.earlier, published)
    return days


def _after_until(ctx: SentenceContext, tok: int) -> bool:
    """"bis Freitag", "bis zum 5. Mai", "until Friday": the day at ``tok`` follows a word of "until"."""
    before = [w for w in ctx.words(max(0, tok - 2), tok - 1)]
    return bool(before) and (before[-1] in UNTIL or len(before) == 2 and before[0] in UNTIL
                             and before[1] in ("zum", "zur", "the", "am", "on"))


def _under_way_since(earlier: list[Meeting], published: date) -> date:
    """The first day of the last meeting under way on the source's day (begun, not ended), else that day."""
    going = [m for m in earlier if m.start and m.end and m.start <= published <= m.end and m.status == "upcoming"
             and not m.side]
    return going[-1].start if going and going[-1].start else published


def _in_programme(ctx: SentenceContext, days: list[Day]) -> list[Day]:
    """"Am Nachmittag trifft Köhler mit Schüssel zusammen", "Für 12.15 Uhr ist ein Pressegespräch angesetzt", "The
    next day the President will give a lecture": a sentence whose only times name no day of their own falls on
    the day the programme of the visit told before has reached (the tagger reads them on the source's day or
    after the last date named, which may end the visit's range)."""
    if not days or not all(floating(ctx, d.tok, d.last_tok) for d in days):
        return days
    f = frame(ctx)
    if f is None:
        return days
    for d in days:
        d.first = d.last = f.day + timedelta(days=anaphor_shift(ctx, d.tok, d.last_tok) or 0)
        d.programme = _journey_of(ctx, f)
    return days


def _vague_day(ctx: SentenceContext, t: Timex, i: int) -> Day | None:
    """A month, week, year or part of a month to come as the day of a meeting: "Ende März", "late May", "im
    Februar", "im Jahr 2016" are the stretch of days they stand for, kept as a range and shown as written
    (eval/news/README.md: "im Juli" = the whole month); "nächste Woche" names no day. The current month or year
    mostly sums up days named elsewhere; a month bounding a recurrence ("every month between April and June")
    names no meeting's day. None when ``t`` is no such date."""
    s, published = ctx.sentence, ctx.doc.source.published
    near_day = any(DAY_VALUE.match(o.value or "") and (0 <= t.start - o.end <= 3 or 0 <= o.start - t.end <= 3)
                   for o in ctx.timexes)
    if t.type != "DATE" or not VAGUE_VALUE.match(t.value or "") or ctx.mask[i] or t.direction == "past" or near_day:
        return None  # "on Thursday next week": one date
    window = (t.first_day, t.last_day) if t.first_day and t.last_day else _year(t.value or "")
    last = token_at(s, t.end - 1)
    if _recurring(ctx, t, i, last):
        return Day(None, None, i, last, False, _text(s, t), vague=True) if _not_before(t.value, published) else None
    if window and published and _part_of_month(window) and window[0] <= published <= window[1] \
            and _told_in_past(ctx, t):
        # "hat Anfang April einen Einblick gegeben" on 9 April: the part of the stretch gone by
        return Day(window[0], published, i, last, True, _text(s, t), vague=True, window=(window[0], published))
    if window and (_part_of_month(window) and (published is None or window[1] >= published)
                   or _whole(window) and _not_before(t.value, published) and _named_span(ctx, t, i)):
        return Day(window[0], window[1], i, last, False, _text(s, t), vague=True, window=window)
    if _not_before(t.value, published) and len(t.value) > len("2016"):
        # "im März", "nächste Woche": announced for a month or a week, no day to name (a year not kept as a
        # span says nothing of the meeting's time: "the 2023 summit")
        return Day(None, None, i, last, False, _text(s, t), vague=True, window=window)
    return None


def _told_in_past(ctx: SentenceContext, t: Timex) -> bool:
    """The clause of ``t`` is told in the past (preterite, perfect, pluperfect)."""
    return clause_direction(ctx.sentence, t.start, t.end, tense_lexicon(ctx.gaz.language)) == "past"


def _recurring(ctx: SentenceContext, t: Timex, first: int, last: int) -> bool:
    """A set of times ("every month", "jeden Monat") next to the date or the range it opens: it bounds a
    recurrence."""
    s = ctx.sentence
    first = token_at(s, t.range_start) if t.range_start is not None else first
    return any(o.type == "SET" and (0 <= first - token_at(s, o.end - 1) <= RECUR_REACH
                                    or 0 <= token_at(s, o.start) - last <= RECUR_REACH) for o in ctx.timexes)


def _named_span(ctx: SentenceContext, t: Timex, i: int) -> bool:
    """A month or a year named as the time of an event ("im Februar", "Im Jahr 2016"): not one counted from the
    source's day ("next month's meeting", "im kommenden Jahr", which mostly preview days named later), not a
    year that names an event ("the 2023 Hiroshima summit"), not one of two alternatives ("in April/June",
    "im April oder Mai")."""
    if t.kind == "relunit":
        return False
    lex = tense_lexicon(ctx.gaz.language)
    before = ctx.tokens[i - 1].text.lower() if i > 0 else ""
    if t.kind == "year" and before in lex.data.get("articles", []):
        return False
    if t.kind == "year" and _subject_year(ctx, t):
        return False
    s = ctx.sentence
    rest = s.text[t.end - s.start:].split(maxsplit=1)
    ahead_word = rest[0].lower() if rest else ""
    alternatives = [str(w).lower() for w in lex.data.get("alternatives", [])]
    return before not in alternatives and ahead_word not in alternatives \
        and not any(s.text[t.end - s.start:].startswith(w) for w in alternatives)


def _subject_year(ctx: SentenceContext, t: Timex) -> bool:
    """"2005 solle ein Jahr werden, das zum Frieden führe", "2023 will be a year of talks": a year opening its
    clause right before a finite verb is the subject of the clause, no time of an event."""
    first, after = token_at(ctx.sentence, t.start), token_at(ctx.sentence, t.end - 1) + 1
    if after >= len(ctx.tokens) or first > 0 and not (ctx.tokens[first - 1].text in CLAUSE_MARKS
                                                    or ctx.tokens[first - 1].pos.startswith(("KO", "CJ", "VV"))):
        return False  # "Im Jahr 2016 wird der Ministerrat ... stattfinden": a year in a phrase of time (a clause
        # opens after a mark, a conjunction or a verb of saying: "officials said 2023 will be ...")
    pos = ctx.tokens[after].pos
    return pos.endswith("FIN") or pos.endswith(")") and "FIN" in pos or pos in ctx.lex.finite_tags


def _bare_weekday(ctx: SentenceContext, t: Timex) -> bool:
    tense = tense_lexicon(ctx.gaz.language)
    return t.kind == "weekday" and not any(tense.cue(w) for w in t.text.split())


def _in_visit(ctx: SentenceContext, days: list[Day]) -> list[Day]:
    """"Geplant ist ein Staatsbesuch vom 10. bis 13. Oktober ... Am Freitagnachmittag soll Biden Scholz treffen":
    a weekday named alone in the programme of a visit announced for a later week falls within the visit (the
    tagger reads it as the nearest such weekday, in the week of publication)."""
    published = ctx.doc.source.published
    visit = next((m for m in reversed(ctx.doc.earlier) if m.start and m.end and m.date_resolved and not m.side
                  and m.status == "upcoming" and 0 < (m.end - m.start).days < 2 * WEEK), None)
    if published is None or visit is None or visit.start is None or visit.end is None or visit.start <= published:
        return days
    for d in days:
        if not d.bare or d.past or d.first is None or d.last != d.first or d.first >= visit.start:
            continue
        shifted = d.first + timedelta(days=WEEK * -(-(visit.start - d.first).days // WEEK))
        if shifted <= visit.end:
            d.first = d.last = shifted
    return days


def _part_of_month(window: tuple[date, date]) -> bool:
    """More than a week and less than a month: "Anfang", "Mitte", "Ende März", "the second half of May"."""
    return WEEK < (window[1] - window[0]).days + 1 < MONTH


def _year(value: str) -> tuple[date, date] | None:
    """The days of a year's value ("2016"), which the tagger leaves without first and last day."""
    return (date(int(value), 1, 1), date(int(value), 12, 31)) if re.fullmatch(r"\d{4}", value) else None


def _whole(window: tuple[date, date]) -> bool:
    """A month or a year."""
    return MONTH <= (window[1] - window[0]).days + 1 <= YEAR


def _in_week(days: list[Day]) -> list[Day]:
    """"next week ... on Thursday and Friday": the weekdays fall in the week the sentence names (the tagger
    may read them alone, as the nearest ones), and the week itself names no meeting of its own."""
    weeks = [d for d in days if d.vague and d.window and (d.window[1] - d.window[0]).days == WEEK - 1]
    dated = [d for d in days if d.first and d.last and not d.vague]
    if len(weeks) != 1 or not dated:
        return days
    start, end = weeks[0].window
    for d in dated:
        if d.first < start and (start - d.first).days <= WEEK:
            shift = timedelta(days=WEEK * -(-(start - d.first).days // WEEK))
            d.first, d.last = d.first + shift, d.last + shift
    if not all(start <= d.first <= end for d in dated):
        return days
    return [d for d in days if d is not weeks[0]]


def _run_forward(prev: Day, day: Day) -> None:
    """"am Montag und Dienstag": a weekday named after another day of the same list falls after it, in the
    same week or the next (the tagger may read the second weekday alone, as the nearest one)."""
    if prev.first is None or day.first is None or day.last is None or day.first >= prev.first:
        return
    weeks = timedelta(days=7 * (1 + (prev.first - day.first).days // 7))
    if (prev.first - day.first).days < 7:
        day.first, day.last, day.past = day.first + weeks, day.last + weeks, prev.past


def _in_list(ctx: SentenceContext, prev: Day, day: Day) -> bool:
    """Only list words between two days ("am Montag und Dienstag", "Monday, Tuesday"); not "in der Nacht zum
    Mittwoch", where the second day says which night is meant."""
    lex = ctx.lex
    return all(w in lex.joiners or w in lex.day_prepositions or w == "," for w in _between(ctx, prev, day))


def _listed(ctx: SentenceContext, prev: Day, day: Day) -> bool:
    between = _between(ctx, prev, day)
    lex = ctx.lex
    return bool(between) and all(w in lex.joiners or w in lex.day_prepositions for w in between) \
        and prev.first is not None and not prev.clock and not day.clock

def _between(ctx: SentenceContext, prev: Day, day: Day) -> list[str]:
    """The words between two days, brackets left out ("am Donnerstag (ab 14.00 Uhr) und am Freitag")."""
    return [x.text.lower() for x in ctx.tokens[prev.last_tok + 1: day.tok] if x.text not in BRACKETS]


def _joined(ctx: SentenceContext, days: list[Day], day: Day) -> bool:
    """Join ``day`` to the day before it when the two make one: a clock time on its day ("am Donnerstag um
    10 Uhr"), a range ("vom 30. November bis 11. Dezember", "Sonntag und Montag"). Days named one by one
    with a day between them ("am Mittwoch und Freitag") are two meetings' days, not a range."""
    lex, s = ctx.lex, ctx.sentence
    prev = days[-1]
    between = _between(ctx, prev, day)
    if len(between) <= 2 and all(w in lex.joiners or w in lex.day_prepositions or w in lex.clock_prepositions
                                 for w in between) \
            and prev.clock != day.clock and prev.first:
        # "at 10 a.m. on Monday", "am Donnerstag um 10 Uhr": the clock time sits on the named day
        keep = prev if day.clock else day
        keep.tok, keep.last_tok = prev.tok, day.last_tok
        days[-1] = keep
        return True
    opened = prev.tok > 0 and s.tokens[prev.tok - 1].text.lower() in lex.range_openers
    # "between April 26 and May 3", "zwischen dem 3. und 5. Mai": after its opener "and" closes a range too
    until = between[-1:] in (["bis"], ["to"], ["until"], ["through"]) or opened and between[-1:] in (["und"], ["and"])
    # "vom 30. November bis 11. Dezember", "from ... to": an explicit range may be long
    gap = LONG_RANGE if opened and until else SHORT_RANGE if until else 1
    if between and all(w in lex.joiners or w in lex.day_prepositions for w in between) \
            and prev.first and prev.last and day.first >= prev.first and (day.first - prev.last).days <= gap:
        prev.last, prev.last_tok = day.last, day.last_tok
        return True
    return False


def _arrival_by(ctx: SentenceContext, day: Day) -> bool:
    """"Die Delegationen sollen bis Mittwoch anreisen", "are to arrive by Wednesday": a deadline for arriving,
    not the day of a meeting."""
    lex = tense_lexicon(ctx.gaz.language)
    tokens = ctx.tokens
    if day.tok == 0 or tokens[day.tok - 1].text.lower() not in lex.data.get("deadline_words", []):
        return False
    arriving = frozenset(lex.data.get("arrival_verbs", []))
    first, last = day.tok, day.last_tok
    while first > 0 and tokens[first - 1].text not in CLAUSE_MARKS:
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].text not in CLAUSE_MARKS:
        last += 1
    return any(t.pos.startswith("V") and t.lemma.lower() in arriving for t in tokens[first:last + 1])


def _said_on(ctx: SentenceContext, first: int, last: int) -> bool:
    """"said on Monday", "wie ein Sprecher am Freitag mitteilte": the day of the saying, not of a meeting."""
    tokens = ctx.tokens
    # the speech lexicon's verbs of saying, and the tense lexicon's verbs of reporting ("berichtete am Dienstag")
    verbs = ctx.doc.said_verbs | _reporting(ctx.gaz.language)
    particles = ctx.particles()

    def saying(k: int) -> bool:
        tok = tokens[k]
        lemma = tok.lemma.lower()
        # "kündigte am Donnerstag an": a separable verb of saying has its particle at the clause's end
        return tok.pos.startswith("VV") and lemma not in ("treffen",) and (
            lemma in verbs or any(p + lemma in verbs for p in particles))
    # back over the speaker's name: "sagte Regierungssprecher Steffen Seibert am Freitag"
    for k in range(first - 1, max(first - SAID_REACH, -1), -1):
        if tokens[k].text in (",", ";", ":") or (tokens[k].pos.startswith("V") and not saying(k)):
            break
        if saying(k):
            return True
    for k in range(last + 1, min(last + 6, len(tokens))):
        if tokens[k].text in (",", ";", ":", ".") or (tokens[k].pos.startswith("V") and not saying(k)):
            break
        if saying(k):
            return True
        if tokens[k].pos == "PTKVZ":
            # "teilte der Sprecher des Weißen Hauses, Sean Spicer, am Freitag mit": the particle closes the clause of
            # the verb before the day, over an apposition's commas
            verb = next((j for j in range(first - 1, -1, -1) if tokens[j].pos.startswith("VV")), None)
            return verb is not None and saying(verb)
    return _report_day(ctx, first, saying)


def _superseded(ctx: SentenceContext, tok: int) -> bool:
    """"originally scheduled for October 19", "ursprünglich für den 19. Oktober angesetzt": the day of a plan given
    up, a few words after a word saying so in the same clause."""
    words = _day_words(ctx.gaz.language, "superseded_words")
    for k in range(tok - 1, max(tok - SUPERSEDED_REACH, -1) - 1, -1):
        if ctx.tokens[k].text in CLAUSE_MARKS:
            return False
        if ctx.tokens[k].text.lower() in words:
            return True
    return False


def _term_begins(ctx: SentenceContext, tok: int) -> bool:
    """"the pro tempore presidency, which it will occupy from January 1", "den Vorsitz ab dem 1. Januar": a day
    opened by "from"/"ab" a few words after a noun of an office held for a term begins the term."""
    k = tok - 1
    if k >= 0 and ctx.tokens[k].pos.startswith(("ART", "AT0")):
        k -= 1
    if k < 0 or ctx.tokens[k].text.lower() not in _day_words(ctx.gaz.language, "term_openers"):
        return False
    nouns = _day_words(ctx.gaz.language, "term_nouns")
    return any(t.pos.startswith(("NN", "NP")) and t.text.lower().rsplit("-", 1)[-1].endswith(tuple(nouns))
               for t in ctx.tokens[max(0, k - TERM_REACH):k])


@cache
def _day_words(language: str, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in tense_lexicon(language).data.get(key) or [])


def _report_day(ctx: SentenceContext, first: int, saying: Callable[[int], bool]) -> bool:
    """"according to the report on Wednesday", "A press statement published on Monday", "laut einer Mitteilung
    vom Montag": a noun of reporting right before the day (a preposition, an article or a verb of saying
    between) names the day of the report."""
    nouns = _report_nouns(ctx.gaz.language)
    for k in range(first - 1, max(first - REPORT_REACH, -1), -1):
        tok = ctx.tokens[k]
        word = tok.text.lower().rsplit("-", 1)[-1]
        if tok.pos.startswith(("NN", "NP")) and any(word.endswith(n) for n in nouns):
            return not _object_of_verb(ctx, k)
        if not (tok.pos.startswith(("APPR", "PRP", "ART", "AT0")) or saying(k)):
            return False
    return False


def _object_of_verb(ctx: SentenceContext, k: int) -> bool:
    """"will sign the statement on Wednesday": the noun's phrase is what a verb right before it takes."""
    j = k - 1
    while j >= 0 and ctx.tokens[j].pos.startswith(("ART", "AT0", "ADJ", "AJ", "NN", "NP", "DPS", "PPOSAT")):
        j -= 1
    return j >= 0 and ctx.tokens[j].pos.startswith("V")


@cache
def _report_nouns(language: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in tense_lexicon(language)["tense"].get("report_nouns") or [])


@cache
def _reporting(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in tense_lexicon(language)["tense"].get("reporting_verbs") or [])


def _not_before(value: str, published: date | None) -> bool:
    """A month or week value after the source's own (the current week or month mostly sums up days named
    elsewhere: "will travel to Kyiv this week")."""
    if published is None:
        return False
    if len(value) == len("2016"):
        # the coming year ("Im Jahr 2016" in 2015); years further off name plans and targets, not meetings
        return int(value) == published.year + 1
    if "W" in value:
        year, week = int(value[:4]), int(value[6:8])
        return (year, week) > tuple(published.isocalendar())[:2]
    return (int(value[:4]), int(value[5:7])) > (published.year, published.month)


def _value_day(value: str) -> date | None:
    """The day of a daypart's value ("2021-12-09TAF"), which the tagger leaves without first_day."""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def stretches(ctx: SentenceContext, days: list[Day]) -> list[tuple[int, int, Day]]:
    """Cut the sentence into one stretch of tokens per day."""
    tokens = ctx.tokens
    cuts = [0]
    for prev, day in zip(days, days[1:]):
        cut = day.tok
        for i in range(day.tok - 1, prev.last_tok, -1):
            if tokens[i].text.lower() in ctx.lex.cuts or tokens[i].text in (",", ";", ":") or _infinitive_at(ctx, i):
                cut = i
                break
        cuts.append(cut)
    cuts.append(len(tokens))
    out = [(cuts[k], cuts[k + 1] - 1, day) for k, day in enumerate(days)]
    for k in range(len(out) - 1, 0, -1):
        if days[k].listed:  # "am Mittwoch und Freitag": both days take the stretch of the whole list
            first, last = out[k - 1][0], out[k][1]
            for j in range(k - 1, len(out)):
                if j == k - 1 or days[j].listed and out[j][1] <= last:
                    out[j] = (first, last, out[j][2])
    return out


def _infinitive_at(ctx: SentenceContext, i: int) -> bool:
    """A to-infinitive opens at token ``i`` ("set the stage Sunday | to preside at the signing Monday"): what it
    tells is the later day's."""
    tense = tense_lexicon(ctx.gaz.language)["tense"]
    markers = tense.get("infinitive_markers") or []
    infinitives = tense.get("infinitive_tags") or []
    return ctx.tokens[i].text.lower() in markers and i + 1 < len(ctx.tokens) \
        and ctx.tokens[i + 1].pos.replace("(", "").replace(")", "") in infinitives


def count_from_event(ctx: SentenceContext, days: list[Day], triggers: list[int], earlier: list[Meeting]) -> None:
    """"Am Vortag seines China-Besuchs": the day before the visit found earlier, not before some other date."""
    tokens, found = ctx.tokens, ctx.actors
    for day in days:
        delta = next((v for k, v in ctx.lex.relative.items() if k in day.text.lower()), None)
        if delta is None:
            continue
        nxt = next((i for i in triggers if day.last_tok < i <= day.last_tok + 3
                    and tokens[i].pos.startswith(("NN", "NE"))), None)
        if nxt is None:
            continue
        idx = found.token_mention[nxt]
        party = found.mentions[idx].party if idx is not None else None
        fitting = [m for m in reversed(earlier) if m.start and (party is None or party in m.participants)]
        anchor = next((m for m in fitting if m.status == "upcoming"), fitting[0] if fitting else None)
        if anchor:
            day.first = day.last = anchor.start + timedelta(days=delta)
            day.past = False


def after_event(ctx: SentenceContext, earlier: list[Meeting]) -> Day | None:
    """"Drei Tage nach dem Treffen in Paris", "Am Tag nach dem Gipfel": a day counted from the meeting the
    source named last (a definite event noun points back to it)."""
    s, tokens, lex = ctx.sentence, ctx.tokens, ctx.lex
    for i, tok in enumerate(tokens):
        sign = lex.from_event.get(tok.text.lower())
        if sign is None or i == 0 or ctx.mask[i]:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].text.lower() in ("dem", "der", "den", "the", "this", "diesem"):
            j += 1
        if j == i + 1:
            continue
        # "the day after the White House engagement": the event noun after a name or two that modify it
        j = next((k for k in range(j, min(j + MODIFIERS + 1, len(tokens))) if _counted_from(ctx, k)), -1)
        if j < 0 or any(tokens[k].text[:1].islower() for k in range(i + 1, j)
                        if tokens[k].text.lower() not in ("dem", "der", "den", "the", "this", "diesem")):
            continue
        count = 1 if tokens[i - 1].text.lower() in lex.day_words else None
        first = i - 1
        for t in ctx.timexes:
            m = DAYS_VALUE.match(t.value or "")
            if t.type == "DURATION" and m and token_at(s, t.end - 1) == i - 1:
                count, first = int(m.group(1)), token_at(s, t.start)
        fitting = [m for m in reversed(earlier) if m.start and m.status == "upcoming" and not m.side
                   and not m.reported_past]
        anchor = _anchor(ctx, j, fitting)
        text = s.text[tokens[first].start - s.start:tokens[j].end - s.start]
        if count is not None and anchor is None and _named_after(ctx, j):
            # "einen Tag nach dem Gipfeltreffen der Nato in Den Haag": counted from an event the source does not
            # date, so no day (the tagger counts it from the last day named)
            return Day(None, None, first, j, False, text)
        if count is None or anchor is None or anchor.start is None:
            continue
        day = anchor.start + timedelta(days=sign * count)
        return Day(day, day, first, j, False, text)
    return None


def _counted_from(ctx: SentenceContext, k: int) -> bool:
    """A noun of a meeting, or of an appointment ("the White House engagement"), a day may be counted from."""
    tok = ctx.tokens[k]
    nouns = tense_lexicon(ctx.gaz.language).data.get("counted_from_nouns", [])
    return event_noun(tok, ctx.lex) or tok.pos.startswith(("NN", "NP")) and tok.lemma.lower() in nouns


def _anchor(ctx: SentenceContext, j: int, fitting: list[Meeting]) -> Meeting | None:
    """The meeting an event noun at token j points back to: "nach dem Treffen in Paris" the one held there, else
    the last one named. An event named by a place or party no meeting found so far has ("einen Tag nach dem
    Gipfeltreffen der Nato in Den Haag") is another event, undated here."""
    named = _named_after(ctx, j)
    if not named:
        return fitting[0] if fitting else None
    places = [text for text, _, place in named if place]
    if places:  # "nach dem Treffen in Paris": held there
        return next((m for m in fitting if m.location in places), None)
    return next((m for m in fitting if any(party in m.participants for _, party, _ in named)), None)


def _named_after(ctx: SentenceContext, j: int) -> list[tuple[str, str, bool]]:
    """The names right after an event noun ("dem Treffen in Paris", "the summit of the G7 in Elmau"), up to the
    next verb or clause mark: text, party, and whether a preposition of place makes it the event's place."""
    named = []
    for e in ctx.actors.entities:
        if not j < e.first <= j + EVENT_REACH or not e.party or e.kind not in ("name", "demonym"):
            continue
        if any(t.pos.startswith("V") or t.text in CLAUSE_MARKS for t in ctx.tokens[j + 1:e.first]):
            continue
        named.append((e.text, e.party, ctx.tokens[e.first - 1].text.lower() in ctx.lex.places))
    return named


def with_event_day(ctx: SentenceContext, days: list[Day], earlier: list[Meeting]) -> list[Day]:
    """The days of the sentence with a day counted from an earlier event in place of what the tagger read
    (it may read "Drei Tage nach dem Treffen" as a date counted from the source's day)."""
    after = after_event(ctx, earlier)
    if after is None:
        return days
    kept = [d for d in days if d.last_tok < after.tok or d.tok > after.last_tok]
    until = next((d for d in kept if d.tok > after.last_tok and d.tok > 0 and d.first and after.first
                  and ctx.tokens[d.tok - 1].text.lower() in UNTIL and d.first > after.first), None)
    if until is not None:
        # "The day after the White House engagement, the visit commences, which will last until June 17"
        after.last = until.last
        kept.remove(until)
        return sorted([*kept, after], key=lambda d: d.tok)
    return sorted([*kept, after], key=lambda d: d.tok) if len(kept) < len(days) or not days else days


def lengthen(m: Meeting, days: list[Day]) -> None:
    """"beginnt am Montag die Klimakonferenz. ... wollen Unterhändler vom 30. November bis 11. Dezember ...":
    a range in the next sentence opening on the meeting's first day gives its last day."""
    ranges = [d for d in days if d.first and d.last and d.last > d.first]
    if len(ranges) == 1 and m.start == ranges[0].first and m.end and ranges[0].last > m.end and not m.side:
        m.end = ranges[0].last


def span_days(ctx: SentenceContext, span: Span, day: Day | None) -> tuple[date | None, date | None] | None:
    """The first and last day of the meeting in ``span``: the day's, lengthened by a duration in the span
    ("dreitägigen Besuch"); None when a day was named but cannot be read and nothing is announced."""
    if day is None:
        return None, None
    start, end = day.first, day.last
    if start is None and not day.vague and not ahead(ctx, span.first, span.last):
        return None
    s, published = ctx.sentence, ctx.doc.source.published
    # "ist zum Auftakt ihres dreitägigen Besuchs am Montagabend gelandet": the length of a journey begun holds too
    to_come = published is None or (start is not None and start >= published) \
        or start is not None and begun(ctx, *trigger_clause(ctx, span))
    for t in ctx.timexes:
        m = DAYS_VALUE.match(t.value or "")
        after = token_at(s, t.end - 1) + 1
        # "Zwei Tage nach dem Gipfel" counts days from an event; "für drei Tage nach China" is a length
        offset = after < len(s.tokens) and s.tokens[after].text.lower() in OFFSET_WORDS \
            and not (after + 1 < len(s.tokens) and ctx.gaz.lookup(s.tokens[after + 1].text))
        if t.type == "DURATION" and m and to_come and span.first <= token_at(s, t.start) <= span.last \
                and start == end and not offset:  # "Zwei Tage nach dem Gipfelauftakt" counts a day, it is no length
            length = timedelta(days=int(m.group(1)) - 1)
            if day.tok > 0 and s.tokens[day.tok - 1].text.lower() in UNTIL:
                start = start - length  # "the three-day meeting runs through Sunday": Sunday is its last day
            else:
                end = start + length
    return start, end


def trip_day(ctx: SentenceContext, earlier: list[Meeting]) -> Day | None:
    """"Am letzten Reisetag", "on the last day of the trip", "am zweiten Tag des Besuchs": a day of the journey
    the source dated before; "am selben Tag", "the same day": the day of the meeting dated just before."""
    words = " ".join(ctx.words())
    for phrase, which in ctx.lex.trip_days.items():
        at = words.find(phrase)
        if at < 0:
            continue
        day = _day_of(which, earlier)
        if day is None:
            return None
        tok = len(words[:at].split())
        last = tok + len(phrase.split()) - 1
        first, tok = _ordinal_before(ctx, phrase, tok, earlier) or (day, tok)
        s = ctx.sentence
        return Day(first, day, tok, last, False, s.text[s.tokens[tok].start - s.start:s.tokens[last].end - s.start])
    return _programme_day(ctx)


def _programme_day(ctx: SentenceContext) -> Day | None:
    """"On the third and final day, the guests will visit Tromsø", "Am zweiten Tag ...": the n-th day of the visit
    whose programme the text tells."""
    f = frame(ctx)
    found = ordinal_day(ctx, f.visit) if f else None
    if found is None:
        return None
    day, first, last = found
    s = ctx.sentence
    text = s.text[s.tokens[first].start - s.start:s.tokens[last].end - s.start]
    return Day(day, day, first, last, False, text, programme=_journey_of(ctx, f) if f else None)


def journey_begins(ctx: SentenceContext, span: Span) -> bool:
    """"wird am Sonntag zu einer mehrtägigen Reise nach Argentinien und in die USA aufbrechen", "departs late Friday
    for Brazil, beginning a three-nation trip": leaving for a journey named by its noun starts the journey that day
    (not only the way to a visit dated later)."""
    return any(tok.pos.startswith(("NN", "NP")) and is_travel(ctx, tok) for tok in ctx.tokens[span.first:span.last + 1])


def _ordinal_before(ctx: SentenceContext, phrase: str, tok: int, earlier: list[Meeting]) -> tuple[date, int] | None:
    """"am zweiten und dritten Tag des Besuchs": the ordinal joined before the phrase opens a range of days."""
    if tok < 2 or ctx.tokens[tok - 1].text.lower() not in ctx.lex.joiners:
        return None
    other = " ".join([ctx.tokens[tok - 2].text.lower(), *phrase.split()[1:]])
    which = ctx.lex.trip_days.get(other)
    day = _day_of(which, earlier) if which and which.isdigit() else None
    return (day, tok - 2) if day else None


def _day_of(which: str, earlier: list[Meeting]) -> date | None:
    """The day ``which`` names: "first", "last" or the n-th day of the last journey of several days, or "same":
    the first day of the last meeting dated."""
    upcoming = [m for m in reversed(earlier) if m.start and m.status == "upcoming" and m.date_resolved]
    if which == "same":
        return upcoming[0].start if upcoming else None
    trip = next((m for m in upcoming if m.end and m.end > m.start), None)
    if trip is None or trip.start is None or trip.end is None:
        return None
    if which.isdigit():
        day = trip.start + timedelta(days=int(which) - 1)
        return day if day <= trip.end else None
    return trip.end if which == "last" else trip.start


def length_of_named(ctx: SentenceContext, triggers: list[int], earlier: list[Meeting]) -> bool:
    """"Lawrow hat seine Teilnahme an dem zweitägigen Treffen bestätigt": a length given to the meeting named
    just before, in a sentence without a day of its own."""
    s = ctx.sentence
    for t in ctx.timexes:
        m = DAYS_VALUE.match(t.value or "")
        if t.type != "DURATION" or not m:
            continue
        after = token_at(s, t.end - 1) + 1
        if after not in triggers:
            continue
        last = next((e for e in reversed(earlier) if e.evidence and e.start and e.start == e.end and not e.side
                     and 0 < s.index - e.evidence[-1].sentence <= LOOK_BACK), None)
        if last is None or last.start is None:
            return False
        last.end = last.start + timedelta(days=int(m.group(1)) - 1)
        return True
    return False


def end_of_named(ctx: SentenceContext, days: list[Day], triggers: list[int], earlier: list[Meeting]) -> bool:
    """"The CAN summit is scheduled to end on Thursday", "Der Gipfel soll am Donnerstag enden", "The talks ... are
    expected to last for about a week": a verb of ending with a day, or of lasting with a length, said of a meeting
    named again by its noun ends or lengthens that meeting; it is no meeting of its own. A meeting begun before the
    source's day and lasting until it or after is under way."""
    last = len(ctx.tokens) - 1
    ending = _tells(ctx, 0, last, "end_verbs")
    if not (ending or _tells(ctx, 0, last, "lasting_verbs")):
        return False
    target = _named_again(ctx, triggers, earlier)
    if target is None or target.start is None:
        return False
    if ending:
        ends = [d for d in days if d.first and not d.past and d.first == d.last]
        if len(ends) != 1 or not 0 <= (ends[0].first - target.start).days <= LONG_RANGE:
            return False
        target.end = ends[0].first
    else:
        length = _length(ctx)
        if length is None or days or target.end != target.start:
            return False
        target.end = target.start + timedelta(days=length - 1)
    published = ctx.doc.source.published
    if published and target.end and target.start <= published <= target.end:
        target.status, target.reported_past = "upcoming", False
    return True


def _named_again(ctx: SentenceContext, triggers: list[int], earlier: list[Meeting]) -> Meeting | None:
    """The meeting told before whose sentence holds the noun that names a meeting here ("The talks", "Der
    Gipfel"): the last one. None when the sentence names no meeting by a noun only, or names it for the first time."""
    nouns = [ctx.tokens[i] for i in triggers if event_noun(ctx.tokens[i], ctx.lex)]
    # beside the noun only a participle ("The talks, held at ...") or a journey ("after which he will head back")
    others = [ctx.tokens[i] for i in triggers if not event_noun(ctx.tokens[i], ctx.lex)]
    if not nouns or not all(_participle(t) or is_travel(ctx, t) for t in others):
        return None
    words = {t.text.lower() for t in nouns}
    return next((m for m in reversed(earlier) if m.evidence and not m.side
                 and m.evidence[0].sentence < ctx.sentence.index
                 and words & {w.lower().strip(".,;:") for w in m.evidence[0].text.split()}), None)


def _participle(tok: Token) -> bool:
    return tok.pos.replace("(", "").replace(")", "") in ("VVPP", "VVN")


def _length(ctx: SentenceContext) -> int | None:
    """The days of the one length the sentence names ("for about a week": 7), else None."""
    lengths = [DAYS_VALUE.match(t.value or "") or WEEKS_VALUE.match(t.value or "") for t in ctx.timexes
               if t.type == "DURATION"]
    if len(lengths) != 1 or lengths[0] is None:
        return None
    m = lengths[0]
    return int(m.group(1)) * (WEEK if m.re is WEEKS_VALUE else 1)


def trigger_clause(ctx: SentenceContext, span: Span) -> tuple[int, int]:
    """The tokens of the clause around the span's first meeting word, within the span."""
    return _clause_of(ctx, span, span.named_by[0])


def trigger_clauses(ctx: SentenceContext, span: Span) -> list[tuple[int, int]]:
    """The clauses of the span's first meeting word and of its meeting verbs ("where he was due to meet ..."),
    each within the span."""
    verbs = [i for i in span.named_by if ctx.tokens[i].pos.startswith("V")]
    return [_clause_of(ctx, span, i) for i in dict.fromkeys([span.named_by[0], *verbs])]


def _clause_of(ctx: SentenceContext, span: Span, i: int) -> tuple[int, int]:
    trigger = ctx.tokens[i]
    tense = tense_lexicon(ctx.gaz.language)["tense"]
    # a bracket inside a clause is an aside ("the summit of ASEAN (the Association ...) began"), not its end
    breaks = frozenset(tense.get("clause_breaks") or []) - BRACKETS
    clause = clause_tokens(ctx.sentence, trigger.start, trigger.end, breaks)
    first, last = ctx.tokens.index(clause[0]), ctx.tokens.index(clause[-1])
    return max(first, span.first), min(last, span.last)


def begun(ctx: SentenceContext, first: int, last: int) -> bool:
    """"The summit began Monday morning", "hat am Sonntag begonnen": a meeting that opened on the source's own
    day is under way, not over; so is one those who take part arrived for ("today gathered in Bishkek for an
    annual summit")."""
    tense = tense_lexicon(ctx.gaz.language)["tense"]
    if _tells(ctx, first, last, "begin_verbs") or _tells(ctx, first, last, "arrival_perfect_verbs") \
            and not _after_earlier(ctx, first, last):
        return True
    # "Zum Auftakt seiner Reise ist er ... eingetroffen": the first stop of a journey that goes on
    text = " " + " ".join(ctx.words(first, last)) + " "
    return any(f" {p.lower()} " in text for p in tense.get("begin_phrases") or [])


def _after_earlier(ctx: SentenceContext, first: int, last: int) -> bool:
    """"ist im Anschluss an den Nato-Gipfel in Israel eingetroffen": the meeting nouns of the stretch all name the
    event before the arrival, which the arrival does not make under way."""
    nouns = [i for i in range(first, last + 1) if event_noun(ctx.tokens[i], ctx.lex)]
    earlier = earlier_tokens(ctx)
    return bool(nouns) and all(i in earlier or _after_phrase(ctx, i) for i in nouns)


def _after_phrase(ctx: SentenceContext, i: int) -> bool:
    """The noun at ``i`` follows a phrase of "after" ("im Anschluss an den Gipfel", "after the summit"), only
    articles and modifiers between."""
    k = i - 1
    while k >= 0 and ctx.tokens[k].pos.startswith(("ART", "AT0", "ADJ", "AJ", "PPOSAT", "DPS", "NE", "NP0")):
        k -= 1
    text = " ".join(ctx.words(max(0, k - 3), k)) if k >= 0 else ""
    return any(text == p or text.endswith(" " + p) for p in ctx.lex.after_event)


def _tells(ctx: SentenceContext, first: int, last: int, verbs: str) -> bool:
    """A verb of the tense lexicon's list ``verbs`` (by lemma or form) among tokens first..last."""
    words = _verb_list(ctx.gaz.language, verbs)
    # a separable verb has its particle at the clause's end: "traf am Montag in Rabat ein" (eintreffen)
    particles = ctx.particles()
    return any(t.pos.startswith("V") and ((t.lemma or "").lower() in words or t.text.lower() in words
                                          or any(p + (t.lemma or "").lower() in words for p in particles))
               for t in ctx.tokens[first:last + 1])


@cache
def _verb_list(language: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in tense_lexicon(language)["tense"].get(key) or [])


def since(ctx: SentenceContext, t: Timex) -> bool:
    """"seit Amtsantritt im Mai", "since taking office in May": a date a few words after a preposition of the past
    dates an earlier event, not the meeting the sentence tells of."""
    words = frozenset(w.lower() for w in tense_lexicon(ctx.gaz.language)["past_prepositions"] or [])
    i = token_at(ctx.sentence, t.start)
    return any(w in words for w in ctx.words(max(0, i - SINCE_REACH), i - 1))


def sequel_day(ctx: SentenceContext) -> Day | None:
    """"Beide Regierungschefs werden danach an einer Sitzung teilnehmen", "The envoys were later due to meet
    ...", "Dort trifft er ...": a meeting told as following the one named just before, or held where it is,
    with no day of its own, is held on the day the programme has reached. So is one told as to come right after a
    day opened by "The next day" or an ordinal day ("The next day ... The Prime Minister will host a luncheon")."""
    phrases = [*ctx.lex.sequels, *((w,) for w in ctx.lex.there)]  # "Dort trifft er ...": there, that day
    at = find_phrase(ctx, phrases)
    if at is not None and (ctx.tokens[at].pos in ctx.lex.existential_tags or at in ctx.timed()):
        return None  # "there were no plans": no place, no day; "later this week" is a time of its own
    if at is not None and ctx.tokens[at].text.lower() in ctx.lex.there and _place_named_before(ctx, at):
        return None  # "einen Zwischenstopp auf Island einlegen und dort ... treffen": there is the place just named
    f = frame(ctx)
    if f is None:
        return None
    if at is None:
        return _opened_item(ctx, f)
    if not _follows_dated(ctx) or any(t.pos.startswith("VV") and is_travel(ctx, t) for t in ctx.tokens):
        # "Gespräche sind auch geplant. ... Anschließend ...": after a meeting with no day, none; "Im Anschluss
        # fliegt er weiter zu Gesprächen nach Kairo": travelling on takes its time
        return None
    size = next(len(p) for p in phrases if tuple(ctx.words(at, at + len(p) - 1)) == p)
    s, tokens = ctx.sentence, ctx.tokens
    text = s.text[tokens[at].start - s.start:tokens[at + size - 1].end - s.start]
    return Day(f.day, f.day, at, at + size - 1, False, text, programme=_journey_of(ctx, f))


def _place_named_before(ctx: SentenceContext, at: int) -> bool:
    """A city or country after a preposition of place ("auf Island", "in Iceland") before token ``at``: "dort" /
    "there" points to it, not to the place of the programme told before."""
    # the place may follow an article ("in die USA")
    return any(ctx.tokens[k - 1].text.lower() in ctx.lex.places
               and last_place(replace(ctx.sentence, tokens=ctx.tokens[k:min(k + 2, at)]), ctx.gaz) is not None
               for k in range(1, at))


def _follows_dated(ctx: SentenceContext) -> bool:
    """The meeting told last before the sentence has a day."""
    positions = {s.index: k for k, s in enumerate(ctx.doc.sentences)}
    told = [(positions.get(m.evidence[0].sentence, -1), m) for m in ctx.doc.earlier if m.evidence]
    last = max((k for k, _ in told if k < ctx.n), default=None)
    return last is not None and all(m.start is not None for k, m in told if k == last)


def _opened_item(ctx: SentenceContext, f: Frame) -> Day | None:
    """A meeting told as to come, with no day of its own, in the paragraph right after a day of the programme
    opened by "The next day" or "On the second day": held on that day."""
    if f.opened is None or not 0 < ctx.n - f.opened <= OPENED_REACH or not ctx.tokens \
            or ctx.doc.sentences[f.opened].paragraph != ctx.sentence.paragraph \
            or not ahead(ctx, 0, len(ctx.tokens) - 1):
        return None
    return Day(f.day, f.day, 0, 0, False, f.opened_text, programme=_journey_of(ctx, f))


def _journey_of(ctx: SentenceContext, f: Frame) -> Meeting | None:
    """The visit of the programme when it is a journey (its items are meetings of their own), else None."""
    return f.visit if journey(f.visit, ctx.gaz.language) else None
