"""The words that name meetings, their format, place and timing, per language (data/meetings.yaml)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache

from ...data import load_data

log = logging.getLogger(__name__)


@dataclass
class MeetingLexicon:
    nouns: tuple[str, ...]
    verbs: frozenset[str]
    needs: dict[str, set[str]]
    sidelines: list[tuple[str, ...]]
    sequence: list[tuple[str, ...]]
    places: frozenset[str]
    joiners: frozenset[str]
    cuts: frozenset[str]
    video: frozenset[str]
    phone: frozenset[str]
    future: frozenset[str]
    offset: frozenset[str]
    said_openers: frozenset[str]
    there: frozenset[str]
    relative: dict[str, int]
    travel: frozenset[str]
    not_places: frozenset[str]
    departure: frozenset[str]
    stations: frozenset[str]
    counts: dict[str, int]
    presence: frozenset[str]
    guests: frozenset[str] = frozenset()
    meeting_joiners: list[tuple[str, ...]] = field(default_factory=list)
    from_event: dict[str, int] = field(default_factory=dict)
    day_words: frozenset[str] = frozenset()
    then_words: frozenset[str] = frozenset()
    sequels: list[tuple[str, ...]] = field(default_factory=list)
    subject_pronouns: dict[str, str] = field(default_factory=dict)
    """A pronoun that may open a meeting sentence, and the personal pronoun it stands for ("dieser": "er")."""
    finite_tags: frozenset[str] = frozenset()
    partner_words: frozenset[str] = frozenset()
    event_days: dict[str, str] = field(default_factory=dict)
    """"am Rande des ersten Konferenztages": the start of a word naming an event's first or last day."""
    existential_tags: frozenset[str] = frozenset()
    """The tag of an existential "there" ("there were no plans"), which names no place."""
    """"mit", "with": the word before whom a meeting is held with."""
    """"danach", "later": a meeting told after the one named just before, on its day."""
    bodies: tuple[str, ...] = ()
    body_articles: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    topic_phrases: frozenset[str] = frozenset()
    object_pronouns: frozenset[str] = frozenset()
    separately: frozenset[str] = frozenset()
    day_prepositions: frozenset[str] = frozenset()
    """Words before a day ("am Montag", "vom 3."): two days with only these and joiners between make one."""
    range_openers: frozenset[str] = frozenset()
    """Words that open an explicit range of days ("vom 3. bis 5. Mai", "between April 26 and May 3")."""
    clock_prepositions: frozenset[str] = frozenset()
    """Words before a clock time ("um 10 Uhr", "ab 14.00 Uhr"): the time sits on the day named beside it."""
    trip_days: dict[str, str] = field(default_factory=dict)
    """"am letzten Reisetag": a phrase naming the first or last day of a journey dated before."""
    after_event: frozenset[str] = frozenset()
    """"Following his visit to London, ...": a meeting noun after these names an earlier event."""
    together: frozenset[str] = frozenset()
    """Words of a joint call or meeting of several ("gemeinsam", "Telefonkonferenz", "conference call")."""
    list_joiners: frozenset[str] = frozenset()
    """Words between the items of a list ("Syrien, Libyen und Iran")."""
    not_events: frozenset[str] = frozenset()
    """Meeting nouns for events where no parties meet ("Pressekonferenz", "news conference")."""
    both: frozenset[str] = frozenset()
    """"die beiden Staatschefs": the two named just before."""
    other_verbs: frozenset[str] = frozenset()
    """Verbs with a particle that are no meeting though the bare verb is one ("eintreffen": arrive)."""
    not_met: dict[str, frozenset[str]] = field(default_factory=dict)
    """A verb of meeting and the words after it that make it no meeting ("trifft auf Kritik")."""
    format_words: frozenset[str] = frozenset()
    """Words for a format of talks ("Format"): "Normandie-Format"."""
    next_needs: frozenset[str] = frozenset()
    """Verbs whose needed word must follow them, only adverbs between ("will be in London"; "are expected to
    discuss the strikes in Syria" names no stay)."""
    coming_event: list[tuple[str, ...]] = field(default_factory=list)
    """"ahead of a summit later this week", "im Vorfeld des Gipfels": a meeting noun after these names an event
    after the one the sentence tells of."""
    programme: frozenset[str] = frozenset()
    """"It will include a meeting at the White House", "Auf dem Programm steht ...": a meeting told as part of the
    programme of the one told before."""
    topic_verbs: frozenset[str] = frozenset()
    """"discuss the crisis in Ukraine", "besprechen die Lage in Syrien": a place in what these take is the topic."""
    visit_verbs: frozenset[str] = frozenset()
    """"visit South Africa", "Polen besuchen": verbs whose object, a city or a state, is the meeting's place."""
    denials: frozenset[str] = frozenset()
    """"never", "nicht", "no plans": words that deny the visit the verb after them tells of."""
    speech_nouns: tuple[str, ...] = ()
    """"Rede", "speech": nouns (word ends) of an address given before a body or at a venue."""
    speech_venues: frozenset[str] = frozenset()
    """"vor dem Rat", "at the Brookings Institution": the words before the body or the venue of a speech."""
    destinations: frozenset[str] = frozenset()
    """"departs for Brazil": words after a verb of departure before the state set off for (besides "nach", "to")."""
    planned: frozenset[str] = frozenset()
    """"was due to meet", "sollte ... treffen": words of a plan told in the past, still to come."""
    attend_verbs: frozenset[str] = frozenset()
    """"teilnehmen", "attend": taking part in a named meeting (of a group: a meeting wherever it is held)."""
    noun_needs: dict[str, frozenset[str]] = field(default_factory=dict)
    """A meeting noun and the words one of which must follow it ("audience" + "with")."""
    phrasal_visits: dict[str, str] = field(default_factory=dict)
    """A verb and the particle right after it that make a visit in person ("call" + "on")."""
    to_place: frozenset[str] = frozenset()
    """Verbs of travel that name a journey only with a city or a state after the word they need ("fliegt nach
    Peking"), and never with a particle that makes them another verb ("kam ... zurück")."""
    object_verbs: frozenset[str] = frozenset()
    """Verbs of meeting whose object is the one met ("will meet Macron", "wird Macron treffen")."""
    speaker_pronouns: frozenset[str] = frozenset()
    """Pronouns of a speaker or an addressee ("wir", "we", "you"): a quote with one is speech, not a report."""
    coming: tuple[str, ...] = ()
    """Starts of adjectives of a meeting to come right before its noun ("das geplante Treffen", "upcoming")."""
    joins: frozenset[str] = frozenset()
    """Verbs of joining a meeting under way: the one who joins meets those named before ("join them")."""
    holders: tuple[str, ...] = ()
    """Word ends of nouns for who holds a throne or an office the actors' roles leave out ("König", "queen")."""
    combining: dict[str, str] = field(default_factory=dict)
    """Combining forms of a state's name in a hyphenated adjective ("Franco-German": FRA) and their state."""
    capital_nouns: bool = False
    """Nouns start with a capital (German): a lower-case word tagged as a noun is a verb ("tagen")."""


@lru_cache(maxsize=4)
def lexicon(language: str) -> MeetingLexicon:
    data = load_data("meetings")
    d = data.get(language) or data["de"]
    fmt = d.get("format") or {}
    # meals host and guest share ("state banquet", "Arbeitsessen"): items of a visit's programme (visitprog's lexicon)
    programme = load_data("meeting_programme")
    meals = (programme.get(language) or programme["de"]).get("meals") or []
    return MeetingLexicon(
        nouns=tuple(w.lower() for w in [*d["nouns"], *meals]), verbs=frozenset(w.lower() for w in d["verbs"]),
        needs={k: {str(w).lower() for w in v} for k, v in (d.get("needs") or {}).items()},
        sidelines=[tuple(p.split()) for p in d.get("sidelines") or []],
        sequence=[tuple(p.split()) for p in d.get("sequence") or []],
        places=frozenset(d.get("place_prepositions") or []), joiners=frozenset(d.get("joiners") or []),
        cuts=frozenset(d.get("cut_words") or []), video=frozenset(fmt.get("video") or []),
        phone=frozenset(fmt.get("phone") or []), future=frozenset(d.get("future") or []),
        offset=frozenset(d.get("offset") or []), said_openers=frozenset(d.get("said_openers") or []),
        there=frozenset(d.get("there") or []),
        relative={str(k).lower(): int(v) for k, v in (d.get("relative_to_event") or {}).items()},
        not_places=frozenset(d.get("not_places") or []), travel=frozenset(d.get("travel") or []),
        departure=frozenset(d.get("departure") or []), stations=frozenset(d.get("stations") or []),
        counts={str(k).lower(): int(v) for k, v in (d.get("counts") or {}).items()},
        presence=frozenset(w.lower() for w in d.get("presence") or []),
        guests=frozenset(w.lower() for w in d.get("guests") or []),
        meeting_joiners=[tuple(str(p).lower().split()) for p in d.get("meeting_joiners") or []],
        capital_nouns=bool(d.get("capital_nouns")),
        from_event={str(k).lower(): int(v) for k, v in (d.get("from_event") or {}).items()},
        day_words=frozenset(d.get("day_words") or []), then_words=frozenset(d.get("then_words") or []),
        subject_pronouns={str(k).lower(): str(v) for k, v in (d.get("subject_pronouns") or {}).items()},
        finite_tags=frozenset(d.get("finite_tags") or []),
        partner_words=frozenset(d.get("partner_words") or []),
        event_days={str(k).lower(): str(v) for k, v in (d.get("event_days") or {}).items()},
        existential_tags=frozenset(d.get("existential_tags") or []),
        sequels=[tuple(str(p).lower().split()) for p in d.get("sequels") or []],
        bodies=tuple(str(w).lower() for w in d.get("bodies") or []),
        body_articles=frozenset(d.get("body_articles") or []),
        topics=frozenset(d.get("topic_prepositions") or []),
        topic_phrases=frozenset(d.get("topic_phrases") or []),
        object_pronouns=frozenset(d.get("object_pronouns") or []),
        separately=frozenset(d.get("separately") or []), both=frozenset(d.get("both") or []),
        list_joiners=frozenset(d.get("list_joiners") or []),
        together=frozenset(str(w).lower() for w in d.get("together") or []),
        after_event=frozenset(str(w).lower() for w in d.get("after_event") or []),
        not_events=frozenset(str(w).lower() for w in d.get("not_events") or []),
        trip_days={str(k).lower(): str(v) for k, v in (d.get("trip_days") or {}).items()},
        day_prepositions=frozenset(d.get("day_prepositions") or []),
        clock_prepositions=frozenset(d.get("clock_prepositions") or []),
        range_openers=frozenset(d.get("range_openers") or []),
        other_verbs=frozenset(d.get("other_verbs") or []),
        not_met={str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in (d.get("not_met") or {}).items()},
        format_words=frozenset(d.get("format_words") or []),
        coming_event=[tuple(str(p).lower().split()) for p in d.get("coming_event") or []],
        programme=frozenset(str(w).lower() for w in d.get("programme") or []),
        topic_verbs=frozenset(str(w).lower() for w in d.get("topic_verbs") or []),
        visit_verbs=frozenset(str(w).lower() for w in d.get("visit_verbs") or []),
        denials=frozenset(str(w).lower() for w in d.get("denials") or []),
        attend_verbs=frozenset(str(w).lower() for w in d.get("attend_verbs") or []),
        planned=frozenset(str(w).lower() for w in d.get("planned") or []),
        destinations=frozenset(str(w).lower() for w in d.get("destinations") or []),
        speech_nouns=tuple(str(w).lower() for w in d.get("speech_nouns") or []),
        speech_venues=frozenset(str(w).lower() for w in d.get("speech_venues") or []),
        next_needs=frozenset(str(w).lower() for w in d.get("next_needs") or []),
        noun_needs={str(k).lower(): frozenset(str(w).lower() for w in v)
                    for k, v in (d.get("noun_needs") or {}).items()},
        to_place=frozenset(str(w).lower() for w in d.get("to_place") or []),
        object_verbs=frozenset(str(w).lower() for w in d.get("object_verbs") or []),
        speaker_pronouns=frozenset(str(w).lower() for w in d.get("speaker_pronouns") or []),
        coming=tuple(str(w).lower() for w in d.get("coming") or []),
        joins=frozenset(str(w).lower() for w in d.get("joins") or []),
        holders=tuple(str(w).lower() for w in d.get("holders") or []),
        combining={str(k).lower(): str(v) for k, v in (d.get("combining") or {}).items()},
        phrasal_visits={str(k).lower(): str(v).lower() for k, v in (d.get("phrasal_visits") or {}).items()})
