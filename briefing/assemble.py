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

log = logging.getLogger(__name__)


def assemble(annotated: list[AnnotatedSource], as_of: date, as_of_from: str, language: str,
             config: Config) -> Briefing:
    briefing = Briefing(title=config.title, as_of=as_of, as_of_from=as_of_from, language=language,
                        classification=config.classification, author=config.author,
                        sources=[a.source for a in annotated])
    meetings = merge_meetings([m for a in annotated for m in a.meetings])
    for m in meetings:
        m.status = meeting_status(m, as_of)
    upcoming = sorted((m for m in meetings if m.status == "upcoming"),
                      key=lambda m: (m.start is None, m.start or date.max, m.end or date.max))
    past = sorted((m for m in meetings if m.status == "past"),
                  key=lambda m: (m.start is None, m.start or date.min), reverse=True)
    briefing.meetings = upcoming + past
    briefing.parties = group_positions([p for a in annotated for p in a.positions], language)
    briefing.quotes = dedupe_quotes([q for a in annotated for q in a.quotes])
    briefing.background = dedupe_background([b for a in annotated for b in a.background])
    briefing.key_facts = key_facts(briefing)
    return briefing


def meeting_status(m: Meeting, as_of: date) -> str:
    """past: ended before as_of, or told as already held and ended on as_of at the latest."""
    end = m.end or m.start
    if end is None:
        return "past" if m.reported_past else "upcoming"
    if end < as_of or (m.reported_past and end <= as_of):
        return "past"
    return "upcoming"


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
    said = [q.text for q in b.quotes if q.text]
    for party in b.parties[: data.get("max_positions", 2)]:
        # the strongest kind first; among equals a statement holding a quote (not a title or a
        # scare-quoted word in quotation marks: only what the quotes list kept), then the fuller one
        main = sorted(party.positions, key=lambda p: (kinds.index(p.kind) if p.kind in kinds else len(kinds),
                                                      not any(q in p.text for q in said), -len(p.text)))[0]
        words = main.text.split()
        text = " ".join(words[: data.get("max_words", 18)]) + (" …" if len(words) > data.get("max_words", 18) else "")
        facts.append(t["position"].format(party=party.name, text=text))
    facts.append(t["sources"].format(sources=len(b.sources), as_of=_day(b.as_of, t)))
    return facts[:5]
