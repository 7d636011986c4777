"""One meeting per event: mentions of the same meeting (in one source or several) merged."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import timedelta

from ...model import Meeting
from ...parties import party_name
from ...territories import state_names
from ..actors.gazetteer import gazetteer
from .lexicon import lexicon

log = logging.getLogger(__name__)

LANGUAGES = ("de", "en")  # merged across sources of either language
FORMAT_RANK = {None: 0, "in_person": 1, "video": 2, "phone": 2}
NEAR = 2  # sentences apart that a meeting told without parties may lie from the one it is
WEEK_SLACK = timedelta(days=7)
"""How far before a vague stretch ("next week") the dated mention at the same place may fall: a source dated on a
Monday may have been written on the Sunday before, when "next week" meant this one."""


def merge_meetings(meetings: list[Meeting], known: Callable[[str], bool] | None = None) -> list[Meeting]:
    """One meeting per event: same first day, a shared party, no clash of place. ``known`` tells a city or
    country from a venue: a venue the gazetteer does not know ("Palais Coburg") may lie in the city named
    by another mention ("in Wien"), so the two do not clash."""
    out: list[Meeting] = []
    for m in meetings:
        twin = next((o for o in out if same_meeting(o, m, known)), None)
        if twin is None:
            out.append(m)
            continue
        twin.participants = list(dict.fromkeys(twin.participants + m.participants))
        twin.counterparts = list(dict.fromkeys(twin.counterparts + m.counterparts))
        if m.title_rank > twin.title_rank:  # the name the source gives it beats one made from its parties
            twin.title, twin.title_rank, twin.named = m.title, m.title_rank, True
        if not twin.location or (m.location and state_code(twin.location) and _in_state(twin.location, m.location)):
            twin.location = m.location  # the city beats the state it lies in
        if m.start is not None and m.date_resolved and (twin.start is None or not twin.date_resolved):
            # the dated mention dates the undated or vaguely dated one
            twin.start, twin.end, twin.date_text, twin.date_resolved = m.start, m.end, m.date_text, True
            twin.window_start = twin.window_end = None
            twin.status, twin.reported_past = m.status, m.reported_past
        if m.end and twin.end and m.end > twin.end:
            twin.end = m.end
        if m.start and twin.start and m.start < twin.start:
            twin.start = m.start
        twin.evidence.extend(e for e in m.evidence if e not in twin.evidence)
        twin.reported_past = twin.reported_past and m.reported_past
        if twin.status != m.status:
            twin.status = "upcoming" if "upcoming" in (twin.status, m.status) and not twin.reported_past else "past"
        # the way a meeting is held, as the surest mention says: a video or phone link, else presence
        if FORMAT_RANK.get(m.format, 0) > FORMAT_RANK.get(twin.format, 0):
            twin.format = m.format
    return out


def _others_met(a: Meeting, b: Meeting) -> bool:
    """"trifft zunächst X ... Anschließend ist eine Unterredung mit Y geplant": mentions in one source naming
    different people met, or given different hours by a schedule, are different meetings (sources in other
    languages may spell a name otherwise: "Lawrow", "Lavrov")."""
    one_source = {e.source for e in a.evidence} & {e.source for e in b.evidence}
    if one_source and a.hour and b.hour and a.hour != b.hour:
        return True  # "11:55 Uhr 6-Augen-Gespräch" ... "12:15 Uhr Arbeitsgespräch": two lines of a schedule
    return bool(one_source) and bool(a.counterparts) and bool(b.counterparts) \
        and not set(a.counterparts) & set(b.counterparts)


def _head(title: str) -> str:
    """The event noun a title starts with ("Gespräch mit Qin Gang" -> "gespräch")."""
    return title.split(" ", 1)[0].lower()


def _journey(m: Meeting) -> bool:
    """A meeting titled as a journey ("US trip", "Reise des Kanzlers"), by the travel words of the lexicons."""
    words = {w.lower() for w in re.split(r"[\s\-]+", m.title)}
    return any(words & lexicon(language).travel for language in LANGUAGES)


def _clash(a: str, b: str, known: Callable[[str], bool] | None) -> bool:
    if a.lower() == b.lower():
        return False
    return known is None or known(a) == known(b)


def _same_undated(a: Meeting, b: Meeting, known: Callable[[str], bool] | None) -> bool:
    """An undated mention ("nächste Woche ein Nato-Treffen") is the dated one ("Das Treffen wird am 6. Dezember
    stattfinden") when the date falls in its vague stretch, one's parties are among the other's and the
    places do not clash. Two undated mentions are one meeting when their parties are the same."""
    if not a.participants or not b.participants:
        return False
    pa, pb = set(a.participants), set(b.participants)
    both = _undated(a) and _undated(b)
    undated, dated = (a, b) if _undated(a) else (b, a)
    # "will travel to the United States next week for talks" ... "a four-day visit to Washington starting Sunday":
    # the journey to a state is the visit dated in its city (not so a meeting in a city of a journey dated to
    # the state: "In Peking wird Scholz ... treffen" within "reist für drei Tage nach China")
    journey = not both and pa == pb and bool(undated.location) and bool(state_code(undated.location or ""))
    if a.location and b.location and _clash(a.location, b.location, known) \
            and not (journey and _in_state(a.location, b.location)):
        return False
    if both:
        return pa == pb and a.window_start == b.window_start
    if undated.reported_past or not (pa <= pb or pb <= pa):
        return False
    if undated.window_start and undated.window_end and dated.start:
        same_place = bool(a.location and b.location) and a.location.lower() == b.location.lower()
        slack = WEEK_SLACK if same_place and pa == pb else timedelta(0)
        return undated.window_start - slack <= dated.start <= undated.window_end
    if not undated.location or dated.reported_past:
        return False
    # "bricht zu ihren Antrittsbesuchen in Kiew und Moskau auf" ... "Am Montag wird sie in Kiew ...": the stop
    # named without a day is the one the source dates; "Staatsbesuch vom 10. bis 13. Oktober" ... "in
    # Deutschland empfangen": the state visited, named without a day, is the visit the source dates
    return bool(dated.location) or (pa == pb and state_code(undated.location) in pa)


def _in_state(a: str, b: str) -> bool:
    """One place is a state, the other a place in it ("the United States" ... "Washington")."""
    state, other = (a, b) if state_code(a) else (b, a)
    code = state_code(state)
    return code is not None and state_code(other) is None and code == _party_of(other)


def _party_of(place: str) -> str | None:
    """The state of a city or a seat the gazetteers name ("Washington": USA)."""
    for language in LANGUAGES:
        entry = gazetteer(language).lookup(place)
        if entry is not None and entry.kind == "name":
            return entry.party
    return None


def state_code(place: str) -> str | None:
    """The code of a state named by its name in German or English ("Deutschland", "Germany", "USA"), else None."""
    code = next((names[place] for names in (state_names("de"), state_names("en")) if place in names), None)
    if code is None:
        party = _party_of(place)
        code = party if party and place.lower() in {party_name(party, lang).lower() for lang in LANGUAGES} else None
    return code


def _near(a: Meeting, b: Meeting) -> bool:
    """"Die Verhandlungen gehen am Abend in Wien in die entscheidende Runde. Für 21 Uhr sei ein Treffen der
    Vetomächte mit dem Iran geplant": a meeting told without its parties is the one the next sentences of the
    same source tell of that day, held in person (not a call)."""
    near = any(x.source == y.source and abs(x.sentence - y.sentence) <= NEAR for x in a.evidence for y in b.evidence)
    in_person = a.format not in ("phone", "video") and b.format not in ("phone", "video")
    return near and in_person and (a.location is None or b.location is None)


def _undated(m: Meeting) -> bool:
    """No day, or only a stretch of days ("Ende März")."""
    return m.start is None or (m.window_start is not None and not m.date_resolved)


def _stop_of_journey(stop: Meeting, journey: Meeting) -> bool:
    """"reist am Mittwoch zu Gesprächen nach Polen und Russland. In Warschau will er am Nachmittag ...": a meeting
    at a place in one state is held inside a journey told without a place that takes in other states besides."""
    if journey.location or not stop.location:
        return False
    state = state_code(stop.location) or _party_of(stop.location)
    others = {p for p in set(journey.participants) - set(stop.participants) if state_names_code(p)}
    return state is not None and state in journey.participants and bool(others)


def state_names_code(code: str) -> bool:
    """``code`` is a state's (not an organisation's or a group's)."""
    return code in set(state_names("en").values())


def same_meeting(a: Meeting, b: Meeting, known: Callable[[str], bool] | None = None) -> bool:
    if a.side != b.side or _others_met(a, b):
        return False
    if _undated(a) or _undated(b):
        return _same_undated(a, b, known)
    if a.start != b.start:
        # the same conference named again for its main days: "von Freitag bis Sonntag" ... "für Samstag und Sonntag"
        outer, inner = (a, b) if a.start < b.start else (b, a)
        # (named again by its noun: a reception told by a verb inside a longer visit is a meeting of its own)
        return bool(inner.named and outer.end and inner.end and inner.end <= outer.end and inner.start <= outer.end
                    and outer.end > outer.start and set(inner.participants) <= set(outer.participants)
                    and (not inner.location or inner.location == outer.location))
    if a.location and b.location and _clash(a.location, b.location, known):
        return False
    if a.end and b.end and a.end != b.end:
        # a talk on the first day of a longer visit ("zum Auftakt am Sonntag ein Gespräch mit ...") is held
        # inside it: a meeting of its own when the source names it with its own noun
        short, long_ = (a, b) if a.end < b.end else (b, a)
        # (and a meeting on a journey's day is one of its own: "start his six-day US trip with a meeting with
        # Trump at the White House on June 12")
        if short.named and (not long_.named or (_head(short.title) != _head(long_.title) and (
                not set(short.participants) <= set(long_.participants) or _journey(long_)))):
            return False
    shared = set(a.participants) & set(b.participants)
    if not a.participants or not b.participants:
        return _near(a, b)
    if _stop_of_journey(a, b) or _stop_of_journey(b, a):
        return False
    if not shared:
        return False
    # A side meeting shares a party with the main one but brings others: keep both.
    return set(a.participants) <= set(b.participants) or set(b.participants) <= set(a.participants) \
        or len(shared) >= 2 or (a.named and b.named and a.title.lower() == b.title.lower())
