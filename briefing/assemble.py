"""Annotated sources -> one Briefing: merge meetings across sources, set their status against
the briefing's date, group positions by party, dedupe quotes and background, and write the key facts."""

from __future__ import annotations

import logging
from datetime import date

from .config import Config
from .data import load_data
from .model import AnnotatedSource, BackgroundItem, Briefing, Meeting, Party, Position, Quote
from .nlp.meetings.merge import merge_meetings
from .parties import party_name
from .relevance import Relevance
from .render.labels import format_day, labels_for

log = logging.getLogger(__name__)


def assemble(annotated: list[AnnotatedSource], as_of: date, as_of_from: str, language: str,
             config: Config) -> Briefing:
    briefing = Briefing(title=config.title, as_of=as_of, as_of_from=as_of_from, language=language,
                        classification=config.classification, author=config.author,
                        sources=[a.source for a in annotated])
    meetings = merge_meetings([m for a in annotated for m in a.meetings])
    published = {a.source.id: a.source.published for a in annotated}
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
    limit(briefing, Relevance(config, as_of, {a.source.id: a.source.published for a in annotated}))
    briefing.key_facts = key_facts(briefing)
    return briefing


def cap(items: list, limit: int | None) -> tuple[list, list]:
    """(the first ``limit`` items, the rest); all of them when there is no limit."""
    if limit is None:
        return list(items), []
    return list(items[:limit]), list(items[limit:])


def limit(b: Briefing, rank: Relevance) -> None:
    """Rank each section by relevance and cut it at the briefing's limits; what is cut goes to
    ``left_out`` (whole, for the JSON) and a note says how many per section."""
    config, out = rank.config, b.left_out
    b.parties.sort(key=lambda party: party.code not in config.parties)  # the briefing's own parties first
    for party in b.parties:
        party.positions, cut = cap(rank.order(party.positions), config.max_positions_per_party)
        out.positions += cut
    b.quotes, out.quotes = cap(rank.order(b.quotes), config.max_quotes)
    b.background, out.background = cap(rank.order(b.background), config.max_background)
    if config.horizon_days is not None:
        last = date.fromordinal(b.as_of.toordinal() + config.horizon_days)
        out.meetings = [m for m in b.upcoming if m.start and m.start > last]
        b.meetings = [m for m in b.meetings if m not in out.meetings]
    b.warnings += left_out_notes(b, config.horizon_days)


def left_out_notes(b: Briefing, horizon_days: int | None) -> list[str]:
    L = labels_for(b.language)
    notes = [L["left_out"].format(section=L[section], count=len(items))
             for section, items in (("positions", b.left_out.positions), ("quotes", b.left_out.quotes),
                                    ("background", b.left_out.background)) if items]
    if b.left_out.meetings and horizon_days is not None:
        last = format_day(date.fromordinal(b.as_of.toordinal() + horizon_days), b.language, "long")
        notes.append(L["beyond_horizon"].format(count=len(b.left_out.meetings), day=last))
    return notes


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
    out: list[Quote] = []
    for q in quotes:
        key = " ".join(q.text.split()).casefold()
        twin = next((o for o in out if " ".join(o.text.split()).casefold() == key and o.party == q.party), None)
        if twin:
            twin.evidence.extend(e for e in q.evidence if e not in twin.evidence)
            continue
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


def _day(d: date, t: dict) -> str:
    return t["date"].format(day=d.day, month=t["months"][d.month - 1], year=d.year)


def _who(codes: list[str], language: str, t: dict) -> str:
    names = [party_name(c, language) for c in codes[:4]]
    if len(names) <= 1:
        return names[0] if names else "–"
    return ", ".join(names[:-1]) + f" {t['and']} " + names[-1]


def key_facts(b: Briefing) -> list[str]:
    """3-5 one-line facts built from the extracted items (templates in data/key_facts.yaml)."""
    data = load_data("key_facts")
    t = data.get(b.language) or data["de"]
    facts: list[str] = []
    dated = [m for m in b.upcoming if m.start]
    if dated:
        m = dated[0]
        place = t["place"].format(place=m.location) if m.location else ""
        facts.append(t["next_meeting"].format(title=m.title, date=_day(m.start, t), place=place,
                                              who=_who(m.participants, b.language, t)))
        last = max(x.end or x.start for x in dated)
        facts.append(t["upcoming_count"].format(count=len(b.upcoming), until=_day(last, t))
                     if len(b.upcoming) > 1 else t["upcoming_one"])
    else:
        facts.append(t["no_upcoming"])
    kinds = data.get("main_kinds") or []
    for party in b.parties[: data.get("max_positions", 2)]:
        # the strongest kind first; among equals a statement with a quote, then the fuller one
        main = sorted(party.positions, key=lambda p: (kinds.index(p.kind) if p.kind in kinds else len(kinds),
                                                      not any(c in p.text for c in "„“\"»"), -len(p.text)))[0]
        words = main.text.split()
        text = " ".join(words[: data.get("max_words", 18)]) + (" …" if len(words) > data.get("max_words", 18) else "")
        facts.append(t["position"].format(party=party.name, text=text))
    facts.append(t["sources" if len(b.sources) != 1 else "sources_one"].format(sources=len(b.sources),
                                                                             as_of=_day(b.as_of, t)))
    return facts[:5]
