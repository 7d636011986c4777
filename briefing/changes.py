"""What changed since the same job's previous briefing: meetings added, moved, dropped; new positions.

The previous briefing comes back from its stored JSON (``serialize.read_briefing``). Meetings are
matched by title first, then by the same participants, because a moved meeting keeps its name or
its people while its date or place changes.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from .labels import format_range
from .model import Briefing, Change, Meeting

log = logging.getLogger(__name__)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _people(m: Meeting) -> frozenset[str]:
    return frozenset(_norm(p) for p in m.participants if p.strip())


def _when(m: Meeting, language: str) -> str:
    if m.start is None:
        return m.date_text or "?"
    return format_range(m.start, m.end, language, "long")


def _describe(m: Meeting, language: str) -> str:
    where = f", {m.location}" if m.location else ""
    return f"{m.title} ({_when(m, language)}{where})"


def _overlap(a: Meeting, b: Meeting) -> float:
    pa, pb = _people(a), _people(b)
    return len(pa & pb) / len(pa | pb) if pa and pb else 0.0


def _other_people(a: Meeting, b: Meeting) -> bool:
    """Both name their participants, and no one is in both."""
    pa, pb = _people(a), _people(b)
    return bool(pa and pb and not pa & pb)


def _moved(old: Meeting, new: Meeting) -> bool:
    same_day = (old.start, old.end or old.start) == (new.start, new.end or new.start)
    same_place = _norm(old.location or "") == _norm(new.location or "") or not (old.location and new.location)
    return not (same_day and same_place)


def _still_ahead(m: Meeting, as_of: date) -> bool:
    """A meeting that has simply taken place is not 'dropped'."""
    last = m.end or m.start
    return last is None or last >= as_of


def _match(old: list[Meeting], new: list[Meeting]) -> tuple[list[tuple[Meeting, Meeting]], list[Meeting],
                                                            list[Meeting]]:
    """Pairs (old, new), the new meetings nobody matched, the old meetings nobody matched."""
    pairs: list[tuple[Meeting, Meeting]] = []
    left_old, left_new = list(old), list(new)
    # Same title first. Titles can be generic ("Treffen"), so a meeting of other people is another
    # meeting; among several candidates the most shared people, then the nearest date, win.
    for n in list(left_new):
        same = [o for o in left_old if _norm(o.title) == _norm(n.title) and not _other_people(o, n)]
        if same:
            o = max(same, key=lambda o: (_overlap(o, n), -abs(((o.start or date.min) - (n.start or date.min)).days)))
            pairs.append((o, n))
            left_old.remove(o)
            left_new.remove(n)
    # Then the same people: a renamed or re-described meeting of the same participants.
    for n in list(left_new):
        people = _people(n)
        if len(people) < 2:
            continue
        same = [o for o in left_old if _people(o) == people]
        if len(same) == 1:
            pairs.append((same[0], n))
            left_old.remove(same[0])
            left_new.remove(n)
    return pairs, left_new, left_old


def compare(previous: Briefing, current: Briefing) -> list[Change]:
    """The changes from ``previous`` to ``current``; an empty list when nothing changed."""
    lang = current.language
    changes: list[Change] = []
    old = [m for m in previous.meetings if m.status == "upcoming"]
    new = [m for m in current.meetings if m.status == "upcoming"]
    pairs, added, dropped = _match(old, new)
    for m in added:
        changes.append(Change("meeting_added", _describe(m, lang)))
    for o, n in pairs:
        if _moved(o, n):
            changes.append(Change("meeting_moved", f"{n.title}: {_describe(o, lang)} → {_describe(n, lang)}"
                                  if _norm(o.title) != _norm(n.title) else
                                  f"{n.title}: {_when(o, lang)}{_at(o)} → {_when(n, lang)}{_at(n)}"))
    for m in dropped:
        if _still_ahead(m, current.as_of):
            changes.append(Change("meeting_dropped", _describe(m, lang)))
    seen = {(p.code, _norm(x.text)) for p in previous.parties for x in p.positions}
    for p in current.parties:
        for x in p.positions:
            if (p.code, _norm(x.text)) not in seen:
                who = x.speaker or p.name
                changes.append(Change("position_added", f"{who}: {x.text}"))
    log.info("%d changes since the briefing of %s", len(changes), previous.as_of)
    return changes


def _at(m: Meeting) -> str:
    return f", {m.location}" if m.location else ""
