"""The briefing's key facts: 3-5 one-line facts built from what was extracted.

Templates and word lists are per language in data/key_facts.yaml. A fact quotes a party's main
position whole, or cut at a clause boundary outside quotation marks, never mid-thought; a
position that opens with a word pointing back at a sentence the reader does not see ("Dabei",
"He") is not a fact on its own.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from .data import load_data
from .model import Briefing, Meeting, Party, Position
from .parties import party_name
from .places import place_name

log = logging.getLogger(__name__)

OPENING = "„»"      # always open a quotation
CLOSING = "«”"      # always close one
EITHER = "“\""      # close one that is open, else open one (German „…“, English “…”)


def key_facts(b: Briefing) -> list[str]:
    data = load_data("key_facts")
    t = data.get(b.language) or data["de"]
    facts = _meeting_facts(b, t)
    for party in b.parties:
        if len(facts) >= 1 + data.get("max_positions", 2):
            break
        text = _main_position(party, [q.text for q in b.quotes if q.text], data, t)
        if text:
            facts.append(t["position"].format(party=party.name, text=text))
    facts.append(t["sources" if len(b.sources) != 1 else "sources_one"].format(sources=len(b.sources),
                                                                             as_of=_day(b.as_of, t)))
    return facts[:5]


def _meeting_facts(b: Briefing, t: dict) -> list[str]:
    dated = [m for m in b.upcoming if m.start]
    if not dated:
        return [t["no_upcoming"]]
    m = dated[0]
    place = t["place"].format(place=_in_place(place_name(m.location, b.language), t)) if m.location else ""
    who = t["who"].format(who=_who(m.participants, b.language, t)) if m.participants else ""
    facts = [t["next_meeting"].format(title=m.title, when=_when(m, t), place=place, who=who)]
    last = max(x.end or x.start for x in dated)
    facts.append(t["upcoming_count"].format(count=len(b.upcoming), until=_day(last, t))
                 if len(b.upcoming) > 1 else t["upcoming_one"])
    return facts


def _when(m: Meeting, t: dict) -> str:
    """'am 4. Januar 2022', or the range of a meeting of several days: 'vom 4. bis 6. Januar 2022'."""
    if not m.end or m.end == m.start:
        return t["on_day"].format(day=_day(m.start, t))
    first = str(m.start.day) + t["day_dot"] if (m.start.year, m.start.month) == (m.end.year, m.end.month) \
        else _day(m.start, t)
    return t["from_to"].format(first=first, last=_day(m.end, t))


def _in_place(place: str, t: dict) -> str:
    """The place as German needs it after 'in': 'der Ukraine', 'den USA' (data: in_place)."""
    return (t.get("in_place") or {}).get(place, place)


def _day(d: date, t: dict) -> str:
    return t["date"].format(day=d.day, month=t["months"][d.month - 1], year=d.year)


def _who(codes: list[str], language: str, t: dict) -> str:
    names = [party_name(c, language) for c in codes[:4]]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {t['and']} " + names[-1]


def _main_position(party: Party, said: list[str], data: dict, t: dict) -> str | None:
    """The party's strongest position that stands on its own, whole or cut at a clause boundary.
    Among equals one holding a quote (``said``: what the quotes list kept, not a title or a
    scare-quoted word in quotation marks) comes first, then the fuller one."""
    kinds = data.get("main_kinds") or []
    ranked = sorted(party.positions, key=lambda p: (kinds.index(p.kind) if p.kind in kinds else len(kinds),
                                                    not any(q in p.text for q in said), -len(p.text)))
    for position in ranked:
        if _points_back(position, t):
            continue
        text = _clip(position.text, data.get("max_words", 18), data.get("min_words", 6))
        if text:
            return text
    return None


def _points_back(position: Position, t: dict) -> bool:
    first = position.text.split(maxsplit=1)[0].strip(",;:") if position.text.strip() else ""
    return first in set(t.get("pointing_back") or [])


def _clip(text: str, max_words: int, min_words: int) -> str | None:
    """The text when it is short enough, else its start up to the last clause boundary outside
    quotation marks within ``max_words``; None when no boundary leaves a thought of its own."""
    text = text.strip()
    if len(text.split()) <= max_words:
        return text
    best = None
    depth, words = 0, 0
    for i, ch in enumerate(text):
        if ch in OPENING or (ch in EITHER and depth == 0):
            depth += 1
        elif ch in CLOSING or ch in EITHER:
            depth = max(0, depth - 1)
        elif ch.isspace() and (i == 0 or not text[i - 1].isspace()):
            words += 1
            if words > max_words:
                break
        if depth == 0 and re.match(r"[,;:]\s|\s[–-]\s", text[i:i + 3]) and words + 1 >= min_words:
            best = i
    return text[:best].rstrip(" ,;:–-") if best else None
