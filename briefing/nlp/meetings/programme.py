"""A visit's programme: the items a text tells after a meeting it dated take their day from it, not from the
source's own day.

"Köhler kommt am 18. August nach Wien. ... Am Nachmittag trifft Köhler mit Schüssel zusammen", "will pay a state
visit from 10 to 12 October. ... The King and Queen will give a state banquet in the evening. The next day ...
On the third and final day ...": a part of a day ("am Nachmittag"), a clock time alone ("Für 12.15 Uhr"), "the
next day" and an ordinal day of the visit are counted from the day the programme has reached, which starts on
the first day of the meeting dated last and moves with the days the text names inside it. Background told in
between (past days: "Die Visite war am 10. Juli vereinbart worden") leaves the programme open; a day to come
outside the visit closes it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from ...data import load_data
from ...model import Meeting, Timex
from ..temporal.timex_lex import lexicon as tense_lexicon
from ..temporal.timex_tense import clause_direction
from .context import SentenceContext, Span

log = logging.getLogger(__name__)

FLOATING_KINDS = frozenset({"daypart", "time"})
"""Temporal expressions that name no day of their own: a part of a day, a clock time."""
ANAPHOR_KINDS = frozenset({"anaphor_words"})
"""Temporal expressions counted from the day told before ("the next day", "am nächsten Tag")."""
WEEK = 7
OPENED_REACH = 2  # sentences after "The next day ..." whose items without a day of their own are on that day
JOURNEY_REACH = 6  # words from "seiner"/"of" to the journey noun ("of his three - day state visit")
Builder = Callable[[SentenceContext, Span, None], "Meeting | None"]


@dataclass(frozen=True)
class ProgrammeLexicon:
    visits: tuple[str, ...]
    day_nouns: frozenset[str]
    final_joiners: tuple[tuple[str, ...], ...]
    meals: tuple[str, ...]
    day_of: frozenset[str]
    ordinals: dict[str, int]
    anaphora: dict[str, int]


@cache
def programme_lexicon(language: str) -> ProgrammeLexicon:
    data = load_data("meeting_programme")
    d = data.get(language) or data["de"]
    tense = tense_lexicon(language).data
    return ProgrammeLexicon(
        visits=tuple(str(w).lower() for w in d.get("visits") or []),
        day_nouns=frozenset(str(w).lower() for w in d.get("day_nouns") or []),
        final_joiners=tuple(tuple(str(p).lower().split()) for p in d.get("final_joiners") or []),
        meals=tuple(str(w).lower() for w in d.get("meals") or []),
        day_of=frozenset(str(w).lower() for w in d.get("day_of") or []),
        ordinals={str(k).lower(): int(v) for k, v in (tense.get("ordinals") or {}).items()},
        anaphora={str(k).lower(): int(v) for k, v in (tense.get("anaphora") or {}).items()})


@dataclass
class Frame:
    """The programme a sentence may belong to."""

    visit: Meeting
    """The meeting whose days bound the programme: the journey holding the meeting dated last, else that one."""
    day: date
    """The day the text tells of now."""
    opened: int | None = None
    """The position of the last sentence that opened a day with "the next day" or an ordinal day."""
    opened_text: str = ""


def frame(ctx: SentenceContext) -> Frame | None:
    """The programme sentence ``ctx`` continues, or None: no meeting to come dated before it, or a day to come
    outside that meeting named since."""
    base = _base(ctx)
    if base is None:
        return None
    n0, m = base
    f = Frame(_visit(ctx.doc.earlier, m), m.start)
    for k in range(n0 + 1, ctx.n):
        if not _step(SentenceContext(ctx.doc, k), f):
            return None
    return f


def _base(ctx: SentenceContext) -> tuple[int, Meeting] | None:
    """The meeting dated last before the sentence, still to come or under way (one told as held on the source's own
    day still dates what follows it that day), with its sentence's position."""
    published = ctx.doc.source.published
    if published is None:
        return None
    positions = {s.index: k for k, s in enumerate(ctx.doc.sentences)}
    best: tuple[int, Meeting] | None = None
    for m in ctx.doc.earlier:
        k = positions.get(m.evidence[0].sentence) if m.evidence else None
        if k is None or k >= ctx.n or not _dates(m, published):
            continue
        if best is None or k >= best[0]:
            best = (k, m)
    return best


def _dates(m: Meeting, published: date) -> bool:
    return m.start is not None and m.end is not None and m.date_resolved and not m.side \
        and m.window_start is None and m.start >= published


def _visit(earlier: list[Meeting], m: Meeting) -> Meeting:
    """The meeting of several days, dated and to come, that holds ``m``'s first day; else ``m``."""
    for o in reversed(earlier):
        if o.start and o.end and o.end > o.start and o.date_resolved and not o.side and m.start \
                and o.start <= m.start <= o.end:
            return o
    return m


def _step(ctx: SentenceContext, f: Frame) -> bool:
    """Move the programme's day over sentence ``ctx`` (one without a meeting dated to come): to the day it opens
    ("The next day", "On the third day") or names inside the visit. False when it names a day to come outside."""
    opened = opened_day(ctx, f)
    if opened is not None:
        f.day, f.opened, f.opened_text = opened[0], ctx.n, opened[1]
        return True
    published = ctx.doc.source.published
    for t in ctx.timexes:
        if t.kind in FLOATING_KINDS or t.kind in ANAPHOR_KINDS or t.first_day is None or published is None:
            continue
        if t.type not in ("DATE", "TIME") or _background(ctx, t):
            continue
        if t.last_day and t.last_day > t.first_day and _overlaps(f.visit, t.first_day, t.last_day):
            continue  # "kommender Woche": the week of the visit
        day = _into_visit(f.visit, t)
        if not _within(f.visit, day):
            return False
        f.day = day
    return True


def _overlaps(visit: Meeting, first: date, last: date) -> bool:
    return visit.start is not None and visit.end is not None and first <= visit.end and last >= visit.start


def _into_visit(visit: Meeting, t: Timex) -> date:
    """"Geplant ist ein Staatsbesuch vom 10. bis 13. Oktober ... am Freitagvormittag": a weekday the tagger read as
    the nearest one, before a visit of a later week, is the visit's (as days._in_visit reads it)."""
    day = t.first_day
    if day is None or t.kind != "weekday" or visit.start is None or day >= visit.start:
        return day
    return day + timedelta(days=WEEK * -(-(visit.start - day).days // WEEK))


def _background(ctx: SentenceContext, t: Timex) -> bool:
    """"Die Visite war am 10. Juli vereinbart worden", "Der Besuch war im Dezember vereinbart worden": a time told
    in the past (a weekday in the present, "Congress votes on Friday", is a day of its own)."""
    if t.direction == "past":
        return True
    tense = tense_lexicon(ctx.gaz.language)
    return clause_direction(ctx.sentence, t.start, t.end, tense) == "past"


def _within(visit: Meeting, day: date) -> bool:
    return visit.start is not None and visit.end is not None and visit.start <= day <= visit.end


def opened_day(ctx: SentenceContext, f: Frame) -> tuple[date, str] | None:
    """The day a sentence opens in the programme, and its words: "the next day" counts from the programme's day,
    "On the third and final day" from the visit's first."""
    ordinal = ordinal_day(ctx, f.visit)
    if ordinal is not None:
        day, i, j = ordinal
        s = ctx.sentence
        return day, s.text[ctx.tokens[i].start - s.start:ctx.tokens[j].end - s.start]
    shift = anaphor_shift(ctx, 0, len(ctx.tokens) - 1) if ctx.tokens else None
    if shift is None:
        return None
    text = next(t.text for t in ctx.timexes if t.kind in ANAPHOR_KINDS)
    return f.day + timedelta(days=shift), text


def ordinal_day(ctx: SentenceContext, visit: Meeting) -> tuple[date, int, int] | None:
    """"On the third and final day", "am zweiten Tag": the n-th day of a visit of several days, and the first and
    last tokens of its words."""
    if visit.start is None or visit.end is None or visit.end <= visit.start:
        return None
    lex = programme_lexicon(ctx.gaz.language)
    words = ctx.words()
    for i, w in enumerate(words):
        n = lex.ordinals.get(w)
        if n is None:
            continue
        j = i + 1
        final = next((p for p in lex.final_joiners if tuple(words[j:j + len(p)]) == p), None)
        j += len(final) if final else 0
        # "am zweiten Tag seiner Reise" is the visit's own day; "am zweiten Tag des Gipfels" another event's
        if j >= len(words) or words[j] not in lex.day_nouns or _of_another(words, j) and _journey_after(ctx, j) is None:
            continue
        day = visit.end if n < 0 else visit.start + timedelta(days=n - 1)
        if day > visit.end:
            return None
        return day, i, j
    return None


def journey_under_way(ctx: SentenceContext, build: Builder) -> Meeting | None:
    """"Am zweiten Tag seiner Nahost-Reise ist Fischer mit Abbas zusammengetroffen", "On the second day of his visit
    to China, Scholz met Xi": a journey the text names by one of its days, with no meeting dated before it, is under
    way on the source's day, begun that many days before. None when the sentence names no such day or a visit dated
    before holds it (ordinal_day reads that one)."""
    published = ctx.doc.source.published
    named = _day_of_journey(ctx)
    if named is None or published is None or frame(ctx) is not None:
        return None
    n, noun = named
    m = build(ctx, Span(0, len(ctx.tokens) - 1, [noun]), None)
    if m is None:  # (one party is enough: the traveller whose journey it is may be named only by office)
        return None
    m.start, m.end = published - timedelta(days=n - 1), published
    m.status, m.reported_past, m.date_resolved = "upcoming", False, True
    m.date_text = ctx.sentence.text[ctx.tokens[noun].start - ctx.sentence.start:ctx.tokens[noun].end
                                    - ctx.sentence.start]
    return m


def _day_of_journey(ctx: SentenceContext) -> tuple[int, int] | None:
    """"am zweiten Tag seiner Nahost-Reise", "on the third day of her trip": the ordinal (a first day or later, not
    "last") and the token of the journey noun after the day noun and its article."""
    lex = programme_lexicon(ctx.gaz.language)
    words = ctx.words()
    for i, w in enumerate(words[:-3]):
        n = lex.ordinals.get(w)
        if n is None or n < 1 or words[i + 1] not in lex.day_nouns:
            continue
        k = _journey_after(ctx, i + 1)
        if k is not None:
            return n, k
    return None


def _journey_after(ctx: SentenceContext, j: int) -> int | None:
    """The journey noun the day noun at ``j`` is a day of ("Tag seiner Nahost-Reise", "day of his three-day visit"),
    else None ("day of the summit")."""
    words = ctx.words()
    if j + 1 >= len(words) or words[j + 1] not in programme_lexicon(ctx.gaz.language).day_of:
        return None
    for k in range(j + 2, min(j + 2 + JOURNEY_REACH, len(words))):
        tok = ctx.tokens[k]
        if tok.text in (",", ";", ":", ".") or tok.pos.startswith("V"):
            return None
        if tok.pos.startswith(("NN", "NE", "NP0")) and journey_noun(words[k], ctx.gaz.language):
            return k
    return None


def _of_another(words: list[str], j: int) -> bool:
    """"am zweiten Tag des Gipfels", "on the second day of the summit": the day of an event named after it, which
    the trip days of the meetings lexicon (days.trip_day) read; the ordinal alone is the programme's."""
    return j + 1 < len(words) and words[j + 1] in ("des", "der", "of", "seiner", "ihrer")


def floating(ctx: SentenceContext, first: int, last: int) -> bool:
    """Tokens first..last hold only temporal expressions that name no day of their own: a part of a day ("am
    Nachmittag"), a clock time alone ("Für 12.15 Uhr"), or a day counted from the one told before ("the next
    day")."""
    lo, hi = ctx.tokens[first].start, ctx.tokens[last].end
    inside = [t for t in ctx.timexes if t.start < hi and t.end > lo and t.type in ("DATE", "TIME")]
    return bool(inside) and all(t.kind in FLOATING_KINDS or t.kind in ANAPHOR_KINDS for t in inside)


def anaphor_shift(ctx: SentenceContext, first: int, last: int) -> int | None:
    """The days "the next day" in tokens first..last counts on from the day told before, or None."""
    lex = programme_lexicon(ctx.gaz.language)
    lo, hi = ctx.tokens[first].start, ctx.tokens[last].end
    for t in ctx.timexes:
        if t.start < hi and t.end > lo and t.kind in ANAPHOR_KINDS:
            text = " ".join(t.text.lower().split())
            for key in (text, text.removeprefix("the "), text.removeprefix("am ")):
                if key in lex.anaphora:
                    return lex.anaphora[key]
    return None


def journey(m: Meeting, language: str) -> bool:
    """The meeting is a visit or a journey ("Arbeitsbesuch", "Nahost-Reise", "state visit"), by its title: its
    programme's items are meetings of their own."""
    return any(journey_noun(w, language) for w in re.split(r"[\s\-–]+", m.title))


def journey_noun(word: str, language: str) -> bool:
    """"Staatsbesuch", "Reise", "visit": a word naming a visit or a journey."""
    word = word.lower()
    # "des Afrika-Besuches", "visits": an inflected ending after the noun
    return any(word.endswith(v) or word.endswith(v + "s") or word.endswith(v + "es")
               for v in programme_lexicon(language).visits)


def with_visit(visit: Meeting | None, parties: list[str]) -> list[str]:
    """"On the third and final day, the Finnish guests will visit Tromsø", "The Prime Minister will host a
    luncheon": an item of a visit's programme naming fewer than two parties is held by the visit's."""
    if visit is None or len(parties) >= 2:
        return parties
    return list(dict.fromkeys([*visit.participants, *parties]))
