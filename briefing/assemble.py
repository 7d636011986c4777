"""Annotated sources -> one Briefing: merge meetings across sources, set their status against
the briefing's date, group positions by party, dedupe quotes and background, and write the key facts."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from .config import Config
from .key_facts import key_facts
from .labels import format_day
from .model import AnnotatedSource, BackgroundItem, Briefing, Meeting, Party, Position, Quote
from .nlp.meetings.merge import merge_meetings
from .nlp.meetings.titles import LABEL, OWN, label_title, translate_head, with_parties
from .notices import say
from .parties import party_name
from .relevance import Relevance

T = TypeVar("T")


def assemble(annotated: list[AnnotatedSource], as_of: date, as_of_from: str, language: str,
             config: Config) -> Briefing:
    briefing = Briefing(title=config.title, as_of=as_of, as_of_from=as_of_from, language=language,
                        classification=config.classification, author=config.author,
                        sources=[a.source for a in annotated])
    meetings = merge_meetings([m for a in annotated for m in a.meetings])
    published = {a.source.id: a.source.published for a in annotated}
    retitle(meetings, {a.source.id: a.source.language for a in annotated}, language)
    for m in meetings:
        m.status = meeting_status(m, as_of)
        if m.status == "upcoming" and m.start is None and _stale(m, published, as_of, config):
            m.status = "past"
    upcoming = sorted((m for m in meetings if m.status == "upcoming"),
                      key=lambda m: (m.start is None, m.start or date.max, m.end or date.max))
    past = sorted((m for m in meetings if m.status == "past"),
                  key=lambda m: (m.start is None, m.start or date.min), reverse=True)
    briefing.meetings = upcoming + past
    briefing.parties = group_positions([p for a in annotated for p in a.positions], language)
    briefing.quotes = dedupe_quotes([q for a in annotated for q in a.quotes])
    briefing.background = dedupe_background([b for a in annotated for b in a.background])
    rank_sections(briefing, Relevance(config, as_of, published))
    briefing.key_facts = key_facts(briefing)
    cap_sections(briefing, config)
    return briefing


def retitle(meetings: list[Meeting], source_language: dict[str, str], language: str) -> None:
    """A title the builder made from a verb or a noun and the parties is made again in the
    briefing's language; a title the source gives in its own words stays as written."""
    for m in meetings:
        source = source_language.get(m.evidence[0].source) if m.evidence else None
        if not source or source == language or m.title_rank == OWN:
            continue
        if m.title_rank == LABEL:
            m.title = label_title(m.participants, m.format, language)
        elif (noun := translate_head(m.title, source, language)) is not None:
            m.title = with_parties(noun, m.participants, language)


def cap(items: list[T], limit: int | None) -> tuple[list[T], list[T]]:
    """(the first ``limit`` items, the rest): what a section shows and what it leaves out."""
    if limit is None:
        return items, []
    return items[:limit], items[limit:]


def rank_sections(briefing: Briefing, rank: Relevance) -> None:
    """The briefing's own parties first; positions, quotes and background by relevance to its parties
    and keywords and by recency (relevance.py), so the caps keep the most relevant."""
    own = rank.config.parties
    briefing.parties.sort(key=lambda party: party.code not in own)
    for party in briefing.parties:
        party.positions = rank.order(party.positions)
    briefing.quotes = rank.order(briefing.quotes)
    briefing.background = rank.order(briefing.background)


def cap_sections(briefing: Briefing, config: Config) -> None:
    """A briefing stays a briefing: each section shows at most its configured number of items; the
    rest stay in the JSON, and the document says how many were left out."""
    briefing.parties, briefing.parties_left_out = cap(briefing.parties, config.max_parties)
    for party in briefing.parties:
        party.positions, party.left_out = cap(party.positions, config.max_positions_per_party)
    for party in briefing.parties_left_out:
        party.positions, party.left_out = [], party.positions
    past, briefing.past_left_out = cap(briefing.past, config.max_past_meetings)
    briefing.meetings = briefing.upcoming + past
    briefing.quotes, briefing.quotes_left_out = cap(briefing.quotes, config.max_quotes)
    briefing.background, briefing.background_left_out = cap(briefing.background, config.max_background)
    if config.horizon_days is not None:
        last = date.fromordinal(briefing.as_of.toordinal() + config.horizon_days)
        briefing.upcoming_left_out = [m for m in briefing.upcoming if m.start and m.start > last]
        beyond = {id(m) for m in briefing.upcoming_left_out}
        briefing.meetings = [m for m in briefing.meetings if id(m) not in beyond]
        if briefing.upcoming_left_out:
            told = format_day(last, briefing.language, "long")
            briefing.warnings.append(say("beyond_horizon", briefing.language, count=len(briefing.upcoming_left_out),
                                         day=told))


def meeting_status(m: Meeting, as_of: date) -> str:
    """past: ended before as_of, or told as already held and ended on as_of at the latest. A vaguely dated
    meeting ("Ende März") is past once its stretch of time is over."""
    end = m.end or m.start
    if end is None and m.window_end is not None and m.window_end < as_of:
        return "past"
    if end is None:
        return "past" if m.reported_past else "upcoming"
    if end < as_of or (m.reported_past and end <= as_of):
        return "past"
    return "upcoming"


def _stale(m: Meeting, published: dict[str, date | None], as_of: date, config: Config) -> bool:
    """An undated meeting told only by sources older than the briefing by more than
    ``unresolved_meeting_max_age_days``: whatever it announced has most likely happened by now."""
    days = [published.get(e.source) for e in m.evidence]
    if not days or any(d is None for d in days):
        return False
    newest = max(d for d in days if d is not None)
    return (as_of - newest).days > config.unresolved_meeting_max_age_days


def group_positions(positions: list[Position], language: str) -> list[Party]:
    parties: dict[str, Party] = {}
    seen: set[tuple[str, str]] = set()
    for p in positions:
        key = (p.party, " ".join(p.text.split()).casefold())
        if key in seen:
            continue
        seen.add(key)
        parties.setdefault(p.party, Party(p.party, party_name(p.party, language))).positions.append(p)
    return sorted(parties.values(), key=lambda party: -len(party.positions))


def dedupe_quotes(quotes: list[Quote]) -> list[Quote]:
    """One quote per wording and party; a repeat adds its evidence to the first."""
    out: list[Quote] = []
    first: dict[tuple[str, str | None], Quote] = {}
    for q in quotes:
        key = (" ".join(q.text.split()).casefold(), q.party)
        twin = first.get(key)
        if twin:
            twin.evidence.extend(e for e in q.evidence if e not in twin.evidence)
            continue
        first[key] = q
        out.append(q)
    return out


def dedupe_background(items: list[BackgroundItem]) -> list[BackgroundItem]:
    seen: set[str] = set()
    out = []
    for b in items:
        key = " ".join(b.text.split()).casefold()
        if key not in seen:
            seen.add(key)
            out.append(b)
    return out
