"""Meetings: talks, summits, visits and calls, with their days, participants, place and format.

A meeting needs a word that names one (data/meetings.yaml) and a day from the temporal tagger
in the same sentence. A sentence naming several days is cut into one stretch per day ("talks in
Kyiv on Monday and travels to Moscow on Tuesday"). Days joined by "und"/"bis" make a range; a
duration ("dreitägigen Besuch") gives the last day. "Am Rande" opens a side meeting on the
same day. Mentions of the same meeting are merged (same first day, shared party, no clash of
place).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ...model import Evidence, Meeting, Sentence, Source, Timex, Token
from ..actors.actors import ORGANISATIONS, SentenceActors
from ..actors.gazetteer import Gazetteer
from ..statements.statements import SentenceSpeech
from ..statements.statements import lexicon as speech_lexicon
from .lexicon import MeetingLexicon, lexicon
from .merge import merge_meetings
from .places import abroad, in_attribution, in_topic_phrase, last_place, place_of, station_of
from .titles import meeting_title

log = logging.getLogger(__name__)

DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
DAYS_VALUE = re.compile(r"^P(\d+)D$")
VAGUE_VALUE = re.compile(r"^\d{4}-(\d\d|W\d\d)$")
SIDELINE_WINDOW = 6
LONG_RANGE = 31  # days an explicit "vom ... bis" range may span
DEPARTURE_WINDOW = 4  # days from leaving to the first meeting abroad
OFFSET_WORDS = frozenset({"nach", "vor", "später", "danach", "after", "before", "later", "earlier"})
UNTIL = frozenset({"through", "until", "till", "bis"})
DEFINITE = frozenset({"der", "die", "das", "the", "this", "diese", "dieses", "dieser"})
MODALS = frozenset({"will", "would", "shall", "to", "can", "could", "may", "might", "must"})


@dataclass
class _Day:
    first: date | None
    last: date | None
    tok: int
    last_tok: int
    past: bool
    text: str
    clock: bool = False
    vague: bool = False


def find_meetings(source: Source, sentences: list[Sentence], timexes: list[Timex], found: list[SentenceActors],
                  speech: list[SentenceSpeech], masks: list[list[bool]], gaz: Gazetteer) -> list[Meeting]:
    lex = lexicon(gaz.language)
    by_sentence: dict[int, list[Timex]] = {}
    for t in timexes:
        by_sentence.setdefault(t.sentence, []).append(t)
    said_verbs = frozenset(speech_lexicon(gaz.language).verbs) - lex.verbs
    meetings: list[Meeting] = []
    departures: list[Meeting] = []
    last_at: tuple[int, Meeting] | None = None
    spare: tuple[int, list[_Day]] | None = None
    for n, s in enumerate(sentences):
        if s.heading:
            continue
        mask = masks[n]
        days = _days(s, by_sentence.get(s.index, []), mask, lex, said_verbs, source.published)
        triggers = _triggers(s, mask, lex)
        _count_from_event(s, days, triggers, meetings, found[n], lex)
        after = _after_event(s, by_sentence.get(s.index, []), mask, lex, meetings, gaz) if triggers else None
        if after is not None:
            # the tagger may read "Drei Tage nach dem Treffen" as a date counted from the source's day
            kept = [d for d in days if d.last_tok < after.tok or d.tok > after.last_tok]
            days = sorted([*kept, after], key=lambda d: d.tok) if len(kept) < len(days) or not days else days
        context = _context(sentences, found, n)
        bodies = _organisations(found, n)
        body = _body(s, mask, lex) if not triggers and days and not speech[n].statements else None
        if body is not None:
            # "Am Montag befassen sich die EU-Außenminister in Brüssel mit ...": a body meets on a day to come
            day = days[0]
            m = _meeting(source, s, n, found[n], speech[n], mask, gaz, lex, [body], 0, len(s.tokens) - 1, day,
                         by_sentence.get(s.index, []), context=context)
            if m and m.location and m.status == "upcoming" and len(days) == 1 and not day.past:
                meetings.append(m)
                last_at = (n, m)
                spare = None
                continue
        if not triggers:
            spare = (n, days) if days else spare
            if last_at and last_at[0] == n - 1:
                _lengthen(last_at[1], days)
            continue
        sideline = _find_phrase(s, lex.sidelines, mask)
        dated = any(any(c.isdigit() for c in t.value or "") for t in by_sentence.get(s.index, []))
        then = bool(s.tokens) and s.tokens[0].text.lower() in lex.then_words
        if not days and sideline is None and spare and spare[0] == n - 1 and not dated \
                and sentences[spare[0]].paragraph == s.paragraph and len(spare[1]) == 1 \
                and (then or (speech[n - 1].subject is not None and not speech[n - 1].statements)):
            # "Schon an diesem Montag ist Brüssel Schauplatz ... Die Minister wollen bei einem Treffen ..."
            day = spare[1][0]
            m = _meeting(source, s, n, found[n], speech[n], mask, gaz, lex, triggers, 0, len(s.tokens) - 1, day,
                         by_sentence.get(s.index, []), context=context)
            if m:
                meetings.append(m)
                last_at = (n, m)
            spare = None
            continue
        spare = None
        if not days:
            if sideline is not None and last_at and n - last_at[0] <= SIDELINE_WINDOW and not dated:
                parent = last_at[1]
                m = _meeting(source, s, n, found[n], speech[n], mask, gaz, lex, triggers,
                             0, len(s.tokens) - 1, None, by_sentence.get(s.index, []))
                if m:
                    m.start = m.end = parent.start
                    m.side = True
                    m.location = m.location or parent.location
                    m.date_resolved, m.date_text = parent.date_resolved, parent.date_text
                    m.reported_past, m.status = parent.reported_past, parent.status
                    meetings.extend(_per_partner(m, speech[n], s, 0, len(s.tokens) - 1, lex)
                                    if _apart(s, 0, len(s.tokens) - 1, lex) else [m])
            continue
        for a, b, day in _stretches(s, days, lex):
            then = _find_phrase(s, lex.sequence, mask, a, b)
            if sideline is not None and a < sideline <= b:
                parts = [(a, sideline - 1, False), (sideline, b, True)]
            elif then is not None and any(a <= i < then for i in triggers) and any(then < i <= b for i in triggers):
                parts = [(a, then - 1, False), (then, b, True)]  # "to see X and then sit down with Y"
            else:
                parts = [(a, b, False)]
            parent: Meeting | None = None
            for first, last, side in parts:
                m = _meeting(source, s, n, found[n], speech[n], mask, gaz, lex, triggers, first, last, day,
                             by_sentence.get(s.index, []), only_scope=side, context=context,
                             previous=sentences[n - 1] if n else None, bodies=bodies)
                if m is None:
                    continue
                if side:
                    m.side = True
                if side and parent is not None:
                    if _counted(s, first, last, lex):
                        # "im Anschluss ist ein Dreiertreffen mit X": the parties of the meeting before, and X
                        m.participants = list(dict.fromkeys([*parent.participants, *m.participants]))
                    m.end = m.start
                    m.location = m.location or parent.location
                if _departs(s, first, last, lex) and not station_of(s, first, last, gaz, lex):
                    departures.append(m)
                meetings.extend(_per_partner(m, speech[n], s, first, last, lex)
                                if _apart(s, first, last, lex) else _per_organisation(m, speech[n]))
                parent = parent or m
                last_at = (n, m)
    return merge_meetings(_drop_departures(meetings, departures), known=lambda place: _known_place(place, gaz))


def _known_place(place: str, gaz: Gazetteer) -> bool:
    """A city or country the gazetteer names (not a venue such as a palace or a hotel)."""
    entry = gaz.lookup(place)
    return entry is not None and entry.kind == "name"


def _departs(s: Sentence, first: int, last: int, lex: MeetingLexicon) -> bool:
    """"bricht am Freitag zu einem Besuch auf", "departs on Friday for": the day named is the day of leaving."""
    particles = [t.text.lower() for t in s.tokens if t.pos == "PTKVZ"]
    for tok in s.tokens[first:last + 1]:
        lemma = tok.lemma.lower()
        if tok.pos.startswith("V") and (lemma in lex.departure or any(p + lemma in lex.departure for p in particles)):
            return True
    return False


def _drop_departures(meetings: list[Meeting], departures: list[Meeting]) -> list[Meeting]:
    """A departure followed within a few days by the visit the source dates ("am Sonntag und Montag in Peking")
    is the way there, not a meeting of its own."""
    def followed(d: Meeting) -> bool:
        return any(o is not d and o not in departures and o.start and d.start
                   and 0 < (o.start - d.start).days <= DEPARTURE_WINDOW
                   and set(o.participants) & set(d.participants) for o in meetings)
    gone = [d for d in departures if followed(d)]
    return [m for m in meetings if not any(m is d for d in gone)]


def _apart(s: Sentence, first: int, last: int, lex: MeetingLexicon) -> bool:
    return any(t.text.lower() in lex.separately for t in s.tokens[first:last + 1])


def _per_partner(m: Meeting, said: SentenceSpeech, s: Sentence, first: int, last: int,
                 lex: MeetingLexicon) -> list[Meeting]:
    """"will sowohl mit Xi als auch mit Modi zusammenkommen", "hold separate talks with": one meeting each."""
    host = said.subject.party if said.subject else None
    others = [p for p in m.participants if p != host]
    if host is None or host not in m.participants or len(others) < 2:
        return [m]
    return [replace(m, participants=[host, p], evidence=list(m.evidence)) for p in others]


def _per_organisation(m: Meeting, said: SentenceSpeech) -> list[Meeting]:
    """A visitor meeting the heads of two organisations ("Borrell und Stoltenberg") holds two meetings."""
    visitor = said.subject.party if said.subject else None
    orgs = [p for p in m.participants if p in ORGANISATIONS and p != visitor]
    if visitor is None or visitor in ORGANISATIONS or len(orgs) < 2 or visitor not in m.participants:
        return [m]
    rest = [p for p in m.participants if p not in orgs]
    return [replace(m, participants=rest + [org], evidence=list(m.evidence)) for org in orgs]


def _count_from_event(s: Sentence, days: list[_Day], triggers: list[int], earlier: list[Meeting],
                      found: SentenceActors, lex: MeetingLexicon) -> None:
    """"Am Vortag seines China-Besuchs": the day before the visit found earlier, not before some other date."""
    for day in days:
        delta = next((v for k, v in lex.relative.items() if k in day.text.lower()), None)
        if delta is None:
            continue
        nxt = next((i for i in triggers if day.last_tok < i <= day.last_tok + 3
                    and s.tokens[i].pos.startswith(("NN", "NE"))), None)
        if nxt is None:
            continue
        idx = found.token_mention[nxt]
        party = found.mentions[idx].party if idx is not None else None
        fitting = [m for m in reversed(earlier) if m.start and (party is None or party in m.participants)]
        anchor = next((m for m in fitting if m.status == "upcoming"), fitting[0] if fitting else None)
        if anchor:
            day.first = day.last = anchor.start + timedelta(days=delta)
            day.past = False


def _counted(s: Sentence, first: int, last: int, lex: MeetingLexicon) -> bool:
    """A meeting named by its number of parties ("Dreiertreffen", "trilateral")."""
    return any(t.text.lower().startswith(tuple(lex.counts)) for t in s.tokens[first:last + 1])


def _topic(s: Sentence, i: int, lex: MeetingLexicon) -> bool:
    """A name governed by "gegen"/"against" ("über Strafmaßnahmen gegen Russland"), or inside a phrase
    opened by "über"/"about" ("über den Umgang mit Russland beraten"): the topic, not a party."""
    for k in range(i - 1, max(i - 4, -1), -1):
        word = s.tokens[k].text.lower()
        if word in lex.topics:
            return True
        if word in (",", ";", ":", "und", "and", "mit", "with") or s.tokens[k].pos.startswith("V"):
            break
    return in_topic_phrase(s, i, lex)


def _organisations(found: list[SentenceActors], n: int) -> tuple[str, ...]:
    """The organisations (G20, EU, NATO ...) the sentence before names."""
    if n == 0:
        return ()
    return tuple(dict.fromkeys(m.party for m in found[n - 1].mentions if m.party in ORGANISATIONS))


def _body(s: Sentence, mask: list[bool], lex: MeetingLexicon, first: int = 0, last: int | None = None) -> int | None:
    """A plural body of office-holders after its article ("die EU-Außenminister", "the foreign ministers")."""
    for i, tok in enumerate(s.tokens):
        if i == 0 or mask[i] or not tok.pos.startswith("NN") or i < first or (last is not None and i > last):
            continue
        tail = tok.text.lower().rsplit("-", 1)[-1]
        if tail.endswith(lex.bodies) and any(s.tokens[k].text.lower() in lex.body_articles
                                             for k in range(max(0, i - 3), i)):
            return i
    return None


def _lengthen(m: Meeting, days: list[_Day]) -> None:
    """"beginnt am Montag die Klimakonferenz. ... wollen Unterhändler vom 30. November bis 11. Dezember ...":
    a range in the next sentence opening on the meeting's first day gives its last day."""
    ranges = [d for d in days if d.first and d.last and d.last > d.first]
    if len(ranges) == 1 and m.start == ranges[0].first and m.end and ranges[0].last > m.end and not m.side:
        m.end = ranges[0].last


def _named_place(s: Sentence, j: int, gaz: Gazetteer) -> tuple[str, str] | None:
    """The place right after an event noun ("dem Treffen in Paris") and its party."""
    if j + 2 < len(s.tokens) and s.tokens[j + 1].text.lower() in ("in", "im", "at"):
        entry = gaz.lookup(s.tokens[j + 2].text)
        if entry and entry.kind == "name":
            return s.tokens[j + 2].text, entry.party
    return None


def _after_event(s: Sentence, timexes: list[Timex], mask: list[bool], lex: MeetingLexicon,
                 earlier: list[Meeting], gaz: Gazetteer) -> _Day | None:
    """"Drei Tage nach dem Treffen in Paris", "Am Tag nach dem Gipfel": a day counted from the meeting the
    source named last (a definite event noun points back to it)."""
    tokens = s.tokens
    for i, tok in enumerate(tokens):
        sign = lex.from_event.get(tok.text.lower())
        if sign is None or i == 0 or mask[i]:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].text.lower() in ("dem", "der", "den", "the", "this", "diesem"):
            j += 1
        if j == i + 1 or j >= len(tokens) or not _event_noun(tokens[j], lex):
            continue
        count = 1 if tokens[i - 1].text.lower() in lex.day_words else None
        first = i - 1
        for t in timexes:
            m = DAYS_VALUE.match(t.value or "")
            if t.type == "DURATION" and m and _token_at(s, t.end - 1) == i - 1:
                count, first = int(m.group(1)), _token_at(s, t.start)
        named = _named_place(s, j, gaz)
        fitting = [m for m in reversed(earlier) if m.start and m.status == "upcoming" and not m.side
                   and not m.reported_past]
        # "nach dem Treffen in Paris": the meeting held there, else the last one named
        anchor = next((m for m in fitting if named and (m.location == named[0] or named[1] in m.participants)),
                      fitting[0] if fitting else None)
        if count is None or anchor is None or anchor.start is None:
            continue
        day = anchor.start + timedelta(days=sign * count)
        return _Day(day, day, first, j, False, s.text[tokens[first].start - s.start:tokens[j].end - s.start])
    return None


def _context(sentences: list[Sentence], found: list[SentenceActors], n: int) -> tuple[str, ...]:
    """Parties of the people and offices named in the sentence before."""
    if n == 0:
        return ()
    return tuple(dict.fromkeys(e.party for e in found[n - 1].entities
                               if e.party and e.kind in ("person", "office")))


def _triggers(s: Sentence, mask: list[bool], lex: MeetingLexicon) -> list[int]:
    words = {t.text.lower() for t in s.tokens}
    out = []
    for i, tok in enumerate(s.tokens):
        if mask[i]:
            continue
        head = not (i + 1 < len(s.tokens) and s.tokens[i + 1].pos in ("NN1", "NN2"))  # "council presidency"
        if _event_noun(tok, lex) and head:
            out.append(i)
            continue
        lemma = tok.lemma.lower()
        particles = [t.text.lower() for t in s.tokens if t.pos == "PTKVZ"]
        # the tagger sometimes takes "will host" for two nouns: after a modal it is a verb
        after_modal = i > 0 and s.tokens[i - 1].text.lower() in MODALS
        # "tagen" tagged as the noun "Tage": in German a lower-case noun is a verb read wrongly
        miscased = lex.capital_nouns and i > 0 and tok.pos.startswith("NN") and tok.text[:1].islower()
        cands = [p + lemma for p in particles] + [lemma] + ([tok.text.lower()] if miscased else [])
        for cand in cands:
            if cand in lex.verbs and (tok.pos.startswith("V") or after_modal or miscased):
                need = lex.needs.get(cand)
                if need and not (need & words):
                    continue
                out.append(i)
                break
    return out


def _event_noun(tok: Token, lex: MeetingLexicon) -> bool:
    """A noun naming a meeting, inflected too: "des Gipfels", "des Treffens", "zu Gesprächen"."""
    if not tok.pos.startswith(("NN", "NE")):
        return False
    tail = tok.text.lower().rsplit("-", 1)[-1]
    stems = (tail, tail[:-1] if tail.endswith(("s", "n")) else tail,
             tail[:-2] if tail.endswith(("es", "en")) else tail)
    return len(tail) > 2 and any(t.endswith(lex.nouns) for t in stems)


def _token_at(s: Sentence, offset: int) -> int:
    for i, tok in enumerate(s.tokens):
        if tok.end > offset:
            return i
    return len(s.tokens) - 1


def _days(s: Sentence, timexes: list[Timex], mask: list[bool], lex: MeetingLexicon,
          speech_verbs: frozenset[str] = frozenset(), published: date | None = None) -> list[_Day]:
    days: list[_Day] = []
    seen_ranges: set[int] = set()
    for t in sorted(timexes, key=lambda t: t.start):
        i = _token_at(s, t.start)
        if t.type == "DURATION" and i > 0 and s.tokens[i - 1].text.lower() in lex.offset and not mask[i] \
                and t.direction != "past":
            # "agreed to meet again in two weeks": announced, with no day to name
            days.append(_Day(None, None, i, _token_at(s, t.end - 1), False, s.text[t.start - s.start:t.end - s.start]))
            continue
        near_day = any(DAY_VALUE.match(o.value or "") and abs(o.sentence - t.sentence) == 0
                       and (0 <= t.start - o.end <= 3 or 0 <= o.start - t.end <= 3) for o in timexes)
        if t.type == "DATE" and VAGUE_VALUE.match(t.value or "") and not mask[i] and t.direction != "past" \
                and _not_before(t.value, published) and not near_day:  # "on Thursday next week": one date
            # "Mitte November", "nächste Woche": announced for a stretch of time, no day to name
            days.append(_Day(None, None, i, _token_at(s, t.end - 1), False, s.text[t.start - s.start:t.end - s.start],
                             vague=True))
            continue
        if t.type not in ("DATE", "TIME") or not DAY_VALUE.match(t.value or ""):
            continue
        first_day = t.first_day or _value_day(t.value)
        if first_day is None:
            continue
        i = _token_at(s, t.start)
        if mask[i] or _said_on(s, i, _token_at(s, t.end - 1), speech_verbs):
            continue
        if t.range_start is not None:
            if t.range_start in seen_ranges:
                days[-1].last_tok = _token_at(s, t.end - 1)
                continue
            seen_ranges.add(t.range_start)
        day = _Day(first_day, t.last_day or first_day, i, _token_at(s, t.end - 1), t.direction == "past", t.text)
        day.clock = "T" in (t.value or "")[10:11]
        if days:
            between = [x.text.lower() for x in s.tokens[days[-1].last_tok + 1: i]]
            if len(between) <= 2 and all(w in lex.joiners or w in ("am", "an", "on", "um", "at") for w in between) \
                    and days[-1].clock != day.clock and days[-1].first:
                # "at 10 a.m. on Monday", "am Donnerstag um 10 Uhr": the clock time sits on the named day
                keep = days[-1] if day.clock else day
                keep.tok, keep.last_tok = days[-1].tok, day.last_tok
                days[-1] = keep
                continue
            opened = days[-1].tok > 0 and s.tokens[days[-1].tok - 1].text.lower() in ("vom", "von", "from")
            # "vom 30. November bis 11. Dezember", "from ... to": an explicit range may be long
            gap = LONG_RANGE if opened and between[-1:] in (["bis"], ["to"], ["until"], ["through"]) else 3
            if between and all(w in lex.joiners or w in ("am", "an", "on", "vom", "von") for w in between) \
                    and days[-1].first and days[-1].last and day.first >= days[-1].first \
                    and (day.first - days[-1].last).days <= gap:
                days[-1].last, days[-1].last_tok = day.last, day.last_tok
                continue
        days.append(day)
    return days


def _said_on(s: Sentence, first: int, last: int, verbs: frozenset[str]) -> bool:
    """"said on Monday", "wie ein Sprecher am Freitag mitteilte": the day of the saying, not of a meeting."""
    particles = [t.text.lower() for t in s.tokens if t.pos == "PTKVZ"]

    def saying(k: int) -> bool:
        tok = s.tokens[k]
        lemma = tok.lemma.lower()
        # "kündigte am Donnerstag an": a separable verb of saying has its particle at the clause's end
        return tok.pos.startswith("VV") and lemma not in ("treffen",) and (
            lemma in verbs or any(p + lemma in verbs for p in particles))
    for k in range(first - 1, max(first - 5, -1), -1):
        if s.tokens[k].text in (",", ";", ":") or (s.tokens[k].pos.startswith("V") and not saying(k)):
            break
        if saying(k):
            return True
    for k in range(last + 1, min(last + 6, len(s.tokens))):
        if s.tokens[k].text in (",", ";", ":", ".") or (s.tokens[k].pos.startswith("V") and not saying(k)):
            break
        if saying(k):
            return True
    return False


def _not_before(value: str, published: date | None) -> bool:
    """A month or week value after the source's own (the current week or month mostly sums up days named
    elsewhere: "will travel to Kyiv this week")."""
    if published is None:
        return False
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


def _stretches(s: Sentence, days: list[_Day], lex: MeetingLexicon) -> list[tuple[int, int, _Day]]:
    """Cut the sentence into one stretch of tokens per day."""
    cuts = [0]
    for prev, day in zip(days, days[1:]):
        cut = day.tok
        for i in range(day.tok - 1, prev.last_tok, -1):
            if s.tokens[i].text.lower() in lex.cuts or s.tokens[i].text in (",", ";", ":"):
                cut = i
                break
        cuts.append(cut)
    cuts.append(len(s.tokens))
    return [(cuts[k], cuts[k + 1] - 1, day) for k, day in enumerate(days)]


def _find_phrase(s: Sentence, phrases: list[tuple[str, ...]], mask: list[bool], first: int = 0,
                 last: int | None = None) -> int | None:
    words = [t.text.lower() for t in s.tokens]
    for i in range(first, len(words) if last is None else last + 1):
        for p in phrases:
            if tuple(words[i:i + len(p)]) == p and not mask[i]:
                return i
    return None


def _meeting(source: Source, s: Sentence, n: int, found: SentenceActors, said: SentenceSpeech, mask: list[bool],
             gaz: Gazetteer, lex: MeetingLexicon, triggers: list[int], first: int, last: int, day: _Day | None,
             timexes: list[Timex], only_scope: bool = False, context: tuple[str, ...] = (),
             previous: Sentence | None = None, bodies: tuple[str, ...] = ()) -> Meeting | None:
    in_scope = [i for i in triggers if first <= i <= last]
    if not in_scope and only_scope:
        return None
    trigger = (in_scope or triggers)[0]
    if all(_is_travel(s, s.tokens[i], lex) for i in (in_scope or triggers)):
        met = [e for e in found.entities if first <= e.first <= last and e.kind in ("person", "office")
               and e.party and e is not said.subject and e.first > trigger]
        # "reist am Montag nach London": a visit; but not a flight in the evening, nor a journey whose meeting
        # the sentence names for another day ("fliegt am Abend nach Moskau, wo sie einen Tag später ... trifft")
        going = day is not None and not day.clock and not any(
            not (first <= i <= last) and not _is_travel(s, s.tokens[i], lex) for i in triggers)
        if not met and not abroad(s, first, last, gaz, said, going) and not station_of(s, first, last, gaz, lex):
            return None  # "fliegt sie nach Moskau weiter": travel, not yet a meeting
    parties: list[str] = []
    subj = said.subject
    if subj and subj.party and (not only_scope or True):
        parties.append(subj.party)
    for e in found.entities:
        if first <= e.first <= last and not any(mask[e.first:e.last + 1]) and e.party \
                and not in_attribution(s, e.first, first, last, lex) \
                and not _topic(s, e.first, lex):  # "wie das Weiße Haus mitteilte", "Sanktionen gegen Russland"
            parties.append(e.party)  # a shared seat ("Brüssel") counts as the body its context names
    in_entity = {i for e in found.entities for i in range(e.first, e.last + 1)}
    for i in range(first, last + 1):
        m_idx = found.token_mention[i]
        if m_idx is None or mask[i] or i in in_entity or in_attribution(s, i, first, last, lex) or _topic(s, i, lex):
            continue
        mention = found.mentions[m_idx]
        low = s.tokens[i].text.lower()
        if mention.kind in ("compound", "office") and (low.endswith(lex.nouns) or gaz.is_role(low)):
            parties.append(mention.party)
        elif mention.kind in ("genitive", "name", "person"):
            parties.append(mention.party)  # "Vertreter der USA und Russlands", "The G20 leaders' summit"
    words = [t.text.lower() for t in s.tokens[first:last + 1]]
    if context and any(w in lex.object_pronouns for w in words):
        parties.extend(context)  # "empfängt ihn Xi": the one named just before
    if context and any(w in ("beiden", "beide", "both") for w in words):
        parties.extend(context)  # "empfängt die beiden Staatschefs": the two named just before
    if context and trigger <= 2 and _event_noun(s.tokens[trigger], lex) and trigger > 0 \
            and s.tokens[trigger - 1].text.lower() in DEFINITE:
        parties = [*context, *parties]  # "Die Begegnung ist für Montag angesetzt": the meeting just named
    parties = list(dict.fromkeys(p for p in parties if p))
    if not parties and bodies and _body(s, mask, lex, first, last) is not None:
        parties = list(bodies)  # "Die Staats- und Regierungschefs beraten dort": the members of the summit named before
    if not parties and context:
        parties = list(context)  # "Die beiden Präsidenten kommen ... zusammen": who the sentence before named
    location = place_of(s, first, last, mask, gaz, lex)
    stop = station_of(s, first, last, gaz, lex)
    if stop:  # "bricht zu einer Afrikareise auf; erste Station ist Kairo": held at the first stop
        location = stop[0]
        parties = list(dict.fromkeys([*parties, stop[1]]))
    named = any(_event_noun(s.tokens[i], lex) for i in (in_scope or triggers))
    if not parties and not (location and named):
        return None  # a named event at a named place may stand without parties ("Sicherheitskonferenz in München")
    parties = _without_host(s, first, last, found, said, location, parties, lex)
    if location is None and previous is not None and any(
            t.text.lower() in lex.there for t in s.tokens[first:last + 1]):
        location = last_place(previous, gaz)  # "Dort beraten heute die Außenminister"
    start = day.first if day else None
    end = day.last if day else None
    if day and start is None and not day.vague and not _ahead(s, first, last, lex):
        return None
    if day:
        for t in timexes:
            m = DAYS_VALUE.match(t.value or "")
            ahead = source.published is None or (start is not None and start >= source.published)
            after = _token_at(s, t.end - 1) + 1
            offset = after < len(s.tokens) and s.tokens[after].text.lower() in OFFSET_WORDS
            if t.type == "DURATION" and m and ahead and first <= _token_at(s, t.start) <= last and start == end \
                    and not offset:  # "Zwei Tage nach dem Gipfelauftakt" counts a day, it is no length
                length = timedelta(days=int(m.group(1)) - 1)
                if day.tok > 0 and s.tokens[day.tok - 1].text.lower() in UNTIL:
                    start = start - length  # "the three-day meeting runs through Sunday": Sunday is its last day
                else:
                    end = start + length
    words = {t.text.lower() for t in s.tokens[first:last + 1]}  # the format of this stretch only
    fmt = "video" if any(w.startswith(tuple(lex.video)) for w in words) else \
        "phone" if words & lex.phone else None
    nouns = [i for i in (in_scope or triggers) if _event_noun(s.tokens[i], lex)]
    trigger = nouns[0] if nouns else trigger  # "reiste zu einem Besuch": the noun names it
    noun = bool(nouns)
    if location is None and fmt is None and (first, last) != (0, len(s.tokens) - 1):
        location = place_of(s, 0, len(s.tokens) - 1, mask, gaz, lex)  # "fliegt nach Moskau, wo sie ... trifft"
    if fmt is None and (location or _present(s, first, last, lex)):
        fmt = "in_person"  # a place where they meet, a visit, a journey: they are there in person
    title = meeting_title(s, trigger if noun else None, parties, fmt, gaz.language)
    past = bool(day and day.past) and not _ahead(s, first, last, lex)
    status = "upcoming"
    if source.published and end and (end < source.published or (past and end <= source.published)):
        status = "past"
    return Meeting(title=title, start=start, end=end, participants=parties, location=location, format=fmt,
                   status=status, date_text=day.text if day else "", date_resolved=bool(start),
                   evidence=[Evidence(source.id, s.index, s.text)], reported_past=past, named=noun)


def _without_host(s: Sentence, first: int, last: int, found: SentenceActors, said: SentenceSpeech,
                  location: str | None, parties: list[str], lex: MeetingLexicon) -> list[str]:
    """"Die Verhandlungen ... am Montag in Wien": the city where others meet is no party of its own. Its state
    takes part only when someone goes there (a visit, a journey) or its government is named as well."""
    if location is None or len(parties) < 2 or _present(s, 0, len(s.tokens) - 1, lex):
        return parties
    low = location.lower()
    # every naming of the city counts as the seat, the dateline's ("Wien – Nach ...") too
    seat = [e for e in found.entities if e.kind == "name" and e.party and e.party not in ORGANISATIONS
            and low in e.text.lower()]
    if len({e.party for e in seat}) != 1 or not any(first <= e.first <= last for e in seat):
        return parties
    host = seat[0]
    if said.subject and said.subject.party == host.party:
        return parties
    others = [e for e in found.entities if e not in seat and first <= e.first <= last and e.party == host.party]
    spans = {i for e in seat for i in range(e.first, e.last + 1)}
    loose = [i for i in range(first, last + 1) if i not in spans and found.token_mention[i] is not None
             and found.mentions[found.token_mention[i]].party == host.party]
    if others or loose:
        return parties
    return [p for p in parties if p != host.party]


def _ahead(s: Sentence, first: int, last: int, lex: MeetingLexicon) -> bool:
    """The stretch announces something to come ("wollen", "soll", "will", "agreed to meet again")."""
    return any(t.text.lower() in lex.future for t in s.tokens[first:last + 1])


def _is_travel(s: Sentence, tok: Token, lex: MeetingLexicon) -> bool:
    if tok.pos.startswith(("NN", "NE")):
        return tok.text.lower().endswith(tuple(w for w in lex.travel if len(w) > 3 and not w.endswith("en")))
    lemma = tok.lemma.lower()
    return lemma in lex.travel or any(t.text.lower() + lemma in lex.travel for t in s.tokens if t.pos == "PTKVZ")


def _present(s: Sentence, first: int, last: int, lex: MeetingLexicon) -> bool:
    """A visit, a journey, a reception: words that put the parties in one room."""
    particles = [t.text.lower() for t in s.tokens if t.pos == "PTKVZ"]
    for tok in s.tokens[first:last + 1]:
        if _is_travel(s, tok, lex):
            return True
        tail = tok.text.lower().rsplit("-", 1)[-1]
        lemma = tok.lemma.lower()
        if tok.pos.startswith(("NN", "NE")) and tail.endswith(tuple(lex.presence)):
            return True
        if tok.pos.startswith("V") and (lemma in lex.presence or any(p + lemma in lex.presence for p in particles)):
            return True
    return False
