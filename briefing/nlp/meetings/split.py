"""One row per meeting where a sentence names several: the stops of a journey given as a list of states or
cities ("Gespräche in Äthiopien, Südafrika und Liberia", "Die Reise führt sie durch Brasilien, Peru, Kolumbien,
Mexiko", "talks in Malaysia, Singapore and Vietnam"). Each stop is a meeting of its own (the visitor and the
state visited, at the stop), with no day of its own (a day the text gives a stop elsewhere comes with the merge);
the row of the sentence itself is the journey, with every stop among its parties."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ...data import load_data, word_set
from ...model import Evidence, Meeting
from ..actors.actors import ORGANISATIONS, Entity
from ..temporal.timex_lex import lexicon as tense_lexicon
from ..temporal.timex_tense import clause_direction
from .context import SentenceContext, Span
from .participants import before_people, in_time, participants, topic
from .places import earlier_clause_tokens, station_of
from .titles import NOUN, label_title, with_parties
from .triggers import earlier_tokens, event_noun, find_triggers, is_travel

log = logging.getLogger(__name__)

NEAR_SENTENCES = 3  # sentences back the journey whose traveller a list of stops without one may lie
ARTICLE_REACH = 3  # words before a trip noun its article may stand ("eine fünftägige Reise", "an Asian tour")
MIN_STOPS = 2


Builder = Callable[[SentenceContext, Span, None], "Meeting | None"]


@dataclass(frozen=True)
class StopWords:
    openers: frozenset[str]
    """Prepositions opening a list of stops ("in", "durch", "nach", "to", "through")."""
    visiting: frozenset[str]
    """Verbs (lemmas) whose object is the list of stops itself ("besucht Kenia, Angola und Nigeria")."""
    indefinite: frozenset[str]
    """Indefinite articles: "an Asian tour that will also take Obama to ..." sums up a wider journey than the one
    the text tells of; its places are no stops of it."""
    articles: frozenset[str]
    """Words that may stand between the opener and the first stop ("in die USA", "to the Philippines")."""
    within: frozenset[str]
    """Prepositions of a phrase naming the visit a meeting is held in ("Bei dem Besuch", "During his visit")."""
    within_articles: frozenset[str]
    """Definite and possessive articles: the visit named is the one told before."""


@lru_cache(maxsize=4)
def stop_words(language: str) -> StopWords:
    data = load_data("meeting_places")
    d = (data.get(language) or data["de"]).get("stops") or {}

    def words(key: str) -> frozenset[str]:
        return word_set(d, key)
    within = (data.get(language) or data["de"])
    return StopWords(words("openers"), words("visiting"), words("indefinite"), words("articles"),
                     frozenset(str(w).lower() for w in within.get("within") or []),
                     frozenset(str(w).lower() for w in within.get("within_articles") or []))


def trip_stops(ctx: SentenceContext, found: list[Meeting], earlier: list[Meeting]) -> list[Meeting]:
    """The stops the sentence lists, one meeting each; ``found`` are the rows of this sentence (the journey's:
    every stop becomes a party), ``earlier`` those of the sentences before."""
    stops = _listed_stops(ctx)
    if len({e.party for e in stops}) < MIN_STOPS or any(m.status == "past" for m in found):
        return []
    trigger = _trip_word(ctx, stops[0].first)
    if trigger is None or not _to_come(ctx, trigger):
        return []
    codes = [e.party for e in stops if e.party]
    visitor = _traveller(ctx, codes, earlier)
    if visitor is None:
        return []
    for m in found or _journey_before(ctx, trigger, earlier):
        _goes_to_all(ctx, m, stops, [visitor, *codes])
    return [_stop(ctx, visitor, e) for e in _one_per_state(stops) if e.party != visitor]


def _goes_to_all(ctx: SentenceContext, m: Meeting, stops: list[Entity], parties: list[str]) -> None:
    """The journey's row takes every stop among its parties, and no single stop for its place."""
    m.participants = list(dict.fromkeys([*m.participants, *parties]))
    if m.location and any(m.location == e.text for e in stops):
        m.location = None
    if m.title_rank == NOUN:  # a title made of its noun and the parties names them all
        m.title = with_parties(m.title.split(" ", 1)[0], m.participants, ctx.gaz.language)


def _journey_before(ctx: SentenceContext, trigger: int, earlier: list[Meeting]) -> list[Meeting]:
    """"Die Auslandsreise ... währt vom 13. bis 20. Mai. Die Reise führt sie durch ...": a definite trip noun names
    the journey told just before (the last dated row a few sentences back)."""
    tok = ctx.tokens[trigger]
    if not (tok.pos.startswith(("NN", "NP0")) and is_travel(ctx, tok)) or _indefinite(ctx, trigger):
        return []
    here = ctx.sentence.index
    journey = next((m for m in reversed(earlier) if m.evidence and m.start is not None and not m.side
                    and 0 < here - m.evidence[-1].sentence <= NEAR_SENTENCES), None)
    return [journey] if journey is not None and journey.status == "upcoming" else []


def _one_per_state(stops: list[Entity]) -> list[Entity]:
    """"talks in Astana, Kazakhstan": a city and its state are one stop."""
    seen: dict[str | None, Entity] = {}
    for e in stops:
        seen.setdefault(e.party, e)
    return list(seen.values())


def _stop(ctx: SentenceContext, visitor: str, place: Entity) -> Meeting:
    parties = in_time(ctx, [visitor, place.party or ""])
    return Meeting(title=label_title(parties, "in_person", ctx.gaz.language), start=None, end=None,
                   participants=parties, location=place.text, format="in_person", status="upcoming",
                   date_resolved=False, evidence=[Evidence(ctx.doc.source.id, ctx.sentence.index, ctx.sentence.text)])


def _listed_stops(ctx: SentenceContext) -> list[Entity]:
    """The first list of two or more states or cities joined by commas and "und"/"and", opened by a preposition
    of travel or by a verb of visiting, outside quotations and phrases of what went before."""
    before = earlier_tokens(ctx) | earlier_clause_tokens(ctx)  # "after visiting A, B and C": stops already made
    places = sorted((e for e in ctx.actors.entities if e.kind == "name" and e.party and e.party not in ORGANISATIONS
                     and not any(ctx.mask[e.first:e.last + 1]) and e.first not in before), key=lambda e: e.first)
    joiners = ctx.lex.list_joiners
    run: list[Entity] = []
    for e in places:
        if run and all(w in joiners for w in ctx.words(run[-1].last + 1, e.first - 1)):
            run.append(e)
            continue
        if len(run) >= MIN_STOPS and _opened(ctx, run[0].first):
            return run
        run = [e]
    return run if len(run) >= MIN_STOPS and _opened(ctx, run[0].first) else []


def _opened(ctx: SentenceContext, first: int) -> bool:
    """The list at ``first`` follows a preposition of travel or a verb of visiting, and is no topic ("Gespräche
    über die Lage in Syrien, Libyen und Irak")."""
    if topic(ctx, first):
        return False
    words = stop_words(ctx.gaz.language)
    k = first - 1
    while k >= 0 and ctx.tokens[k].text.lower() in words.articles:
        k -= 1
    if k < 0:
        return False
    tok = ctx.tokens[k]
    return tok.text.lower() in words.openers or tok.pos.startswith("V") and tok.lemma.lower() in words.visiting


def _trip_word(ctx: SentenceContext, first: int) -> int | None:
    """The meeting noun or word of travel the list hangs on (no common noun between): none when it is a journey
    introduced by an indefinite article (another, wider one than the text's)."""
    before = [i for i in find_triggers(ctx) if i < first]
    if not before:
        return None
    i = before[-1]
    tok = ctx.tokens[i]
    nouns = [k for k in range(i + 1, first) if ctx.tokens[k].pos.startswith("NN")]
    if nouns and not (len(nouns) == 1 and _station(ctx, nouns[0])):
        # the list hangs on another noun ("die Konfliktlösung in Syrien und Libyen"), not on the journey's stops
        # ("The trip, which also includes stops in Chile and El Salvador")
        return None
    if tok.pos.startswith(("NN", "NE", "NP0")) and (event_noun(tok, ctx.lex) or is_travel(ctx, tok)) \
            and _indefinite(ctx, i):
        return None
    return i


def _station(ctx: SentenceContext, k: int) -> bool:
    """A word for a journey's stop ("Station", "Stationen", "stops", "leg")."""
    word = ctx.tokens[k].text.lower()
    return any(word == w or word.startswith(w) and len(word) - len(w) <= 2 for w in ctx.lex.stations)


def _indefinite(ctx: SentenceContext, i: int) -> bool:
    indefinite = stop_words(ctx.gaz.language).indefinite
    return any(w in indefinite for w in ctx.words(max(0, i - ARTICLE_REACH), i - 1))


def _to_come(ctx: SentenceContext, trigger: int) -> bool:
    tok = ctx.tokens[trigger]
    told = clause_direction(ctx.sentence, tok.start, tok.end, tense_lexicon(ctx.gaz.language))
    return told in ("future", "present", None)


def _traveller(ctx: SentenceContext, stops: list[str], earlier: list[Meeting]) -> str | None:
    """Who makes the journey: a party of the sentence that is no stop, else the first party of a meeting told a
    few sentences before, else the one person the sentence before names."""
    whole = Span(0, len(ctx.tokens) - 1, find_triggers(ctx))
    own = [p for p in participants(ctx, whole) if p not in stops and p not in ORGANISATIONS]
    if own:
        return own[0]
    here = ctx.sentence.index
    for m in reversed(earlier):
        if m.evidence and 0 < here - m.evidence[-1].sentence <= NEAR_SENTENCES and m.participants \
                and m.participants[0] not in stops:
            return m.participants[0]
    people = [p for p in before_people(ctx) if p not in stops]
    return people[0] if len(people) == 1 else None


def within_visit(ctx: SentenceContext, found: list[Meeting], build: Builder) -> list[Meeting]:
    """"Bei dem zweitägigen Besuch wird er auch US-Präsident X treffen", "During the visit she will also meet Prime
    Minister Y": someone met, in a sentence framed by the visit told before, is a meeting of its own inside it. Its
    day is the visit's only where the sentence gives one; else no day (the visit's days are the visit's). Returns
    the rows of the sentence, the meeting inside the visit in place of those that took the visit's day."""
    frame = _visit_frame(ctx)
    if frame is None or any(t.type != "DURATION" for t in ctx.timexes):
        return found
    verbs = [i for i in find_triggers(ctx) if i > frame and ctx.tokens[i].pos.startswith("V")
             and not is_travel(ctx, ctx.tokens[i]) and _to_come(ctx, i)]
    if not verbs or not _someone_met(ctx, frame):
        return found
    m = build(ctx, Span(frame + 1, len(ctx.tokens) - 1, verbs), None)
    if m is None or len(m.participants) < 2:
        return found
    m.date_resolved, m.status = False, "upcoming"
    return [m]


def _visit_frame(ctx: SentenceContext) -> int | None:
    """The visit noun of a phrase opening the sentence that names the visit told before ("Bei dem zweitägigen
    Besuch", "beim Besuch", "During his visit"), else None."""
    words = stop_words(ctx.gaz.language)
    tokens = ctx.tokens
    if len(tokens) < 3 or tokens[0].text.lower() not in words.within:
        return None
    for k in range(1, min(len(tokens), 1 + ARTICLE_REACH + 1)):
        tok = tokens[k]
        if tok.pos.startswith(("NN", "NE", "NP0")):
            # "beim" holds its article
            definite = any(w in words.within_articles for w in ctx.words(0, k - 1))
            return k if definite and (event_noun(tok, ctx.lex) or is_travel(ctx, tok)) else None
    return None


def _someone_met(ctx: SentenceContext, frame: int) -> bool:
    """A person or an office with a party after the frame, who is not the one who comes."""
    subject = ctx.said.subject
    return any(e.first > frame and e.party and e.kind in ("person", "office") and e is not subject
               and not any(ctx.mask[e.first:e.last + 1]) for e in ctx.actors.entities)


def named_again(ctx: SentenceContext, found: list[Meeting], earlier: list[Meeting]) -> list[Meeting]:
    """"Lavrov will arrive on an official visit in Baku on Monday. The forthcoming meetings between the Russian
    minister and the Azerbaijani leadership will focus on ...": a meeting noun after a definite article or a word of
    what is to come, with no day and no place of its own, is the meeting told a few sentences before whose parties
    hold all of its own. Returns the rows of the sentence without those (their sentence becomes evidence of it)."""
    out = []
    for m in found:
        before = _told_before(ctx, m, earlier) if m.start is None and m.location is None and _definite_noun(ctx) \
            else None
        if before is None:
            out.append(m)
            continue
        before.evidence.extend(e for e in m.evidence if e not in before.evidence)
    return out


def _told_before(ctx: SentenceContext, m: Meeting, earlier: list[Meeting]) -> Meeting | None:
    here = ctx.sentence.index
    return next((o for o in reversed(earlier) if o.evidence and 0 < here - o.evidence[-1].sentence <= NEAR_SENTENCES
                 and o.status == "upcoming" and not o.side and set(m.participants) <= set(o.participants)), None)


def _definite_noun(ctx: SentenceContext) -> bool:
    """The sentence's first meeting word is a noun opening it after "the"/"die"/"forthcoming" and the like."""
    again = _again_words(ctx.gaz.language)
    triggers = find_triggers(ctx)
    if not triggers or not event_noun(ctx.tokens[triggers[0]], ctx.lex):
        return False
    words = ctx.words(0, triggers[0] - 1)
    return 0 < len(words) <= ARTICLE_REACH and words[0] in again and all(w in again or w.isalpha() for w in words)


@lru_cache(maxsize=4)
def _again_words(language: str) -> frozenset[str]:
    data = load_data("meeting_places")
    return frozenset(str(w).lower() for w in (data.get(language) or data["de"]).get("again") or [])


def named_stop(ctx: SentenceContext, found: list[Meeting], earlier: list[Meeting]) -> list[Meeting]:
    """"Letzte Station der Reise ist Ägypten", "The last stop will be Cairo": a stop of the journey told before, named
    in a sentence that tells of no meeting of its own: the traveller and the state, at the stop, with no day."""
    if found or not ctx.tokens:
        return []
    stop = station_of(ctx.sentence, 0, len(ctx.tokens) - 1, ctx.gaz, ctx.lex)
    verb = next((i for i, t in enumerate(ctx.tokens) if t.pos.startswith("V")), None)
    if stop is None or verb is None or not _to_come(ctx, verb):
        return []
    here = ctx.sentence.index
    journey = next((m for m in reversed(earlier) if m.evidence and 0 < here - m.evidence[-1].sentence <= NEAR_SENTENCES
                    and m.participants and m.status == "upcoming"), None)
    if journey is None or journey.participants[0] == stop[1]:
        return []
    parties = in_time(ctx, [journey.participants[0], stop[1]])
    return [Meeting(title=label_title(parties, "in_person", ctx.gaz.language), start=None, end=None,
                    participants=parties, location=stop[0], format="in_person", status="upcoming",
                    date_resolved=False, evidence=[Evidence(ctx.doc.source.id, here, ctx.sentence.text)])]
