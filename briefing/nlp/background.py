"""Background: what a source reports as past context rather than current news.

A sentence is context when it names a year before the source's own year ("im Jahr 2014",
"seit 2014", "1950er"), a date or month well before the source's date (from the temporal
tagger), or tells of events in the pluperfect ("hatte ... vereinbart", "had annexed"), or
stands under a background sub-heading. The strongest are kept, in article order, up to a
share of the article (background is a digest, not a copy).
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from ..data import DEFAULT_LANGUAGE, load_data
from ..model import BackgroundItem, Evidence, Sentence, Source, Timex

log = logging.getLogger(__name__)

YEAR = re.compile(r"(?<![\d.,])(1[6-9]\d\d|20\d\d)(?:er)?(?![\d.,]\d)")
COARSE_VALUE = re.compile(r"^\d{4}(-\d\d)?$|^\d{4}-(SP|SU|FA|WI|H\d|Q\d)$|^\d{3}X?$")


def find_background(source: Source, sentences: list[Sentence], timexes: list[Timex]) -> list[BackgroundItem]:
    data = load_data("background")
    lang = data.get(source.language) or data[DEFAULT_LANGUAGE]
    aux = set(lang.get("perfect_aux") or [])
    headings = tuple(lang.get("headings") or [])
    by_sentence: dict[int, list[Timex]] = {}
    for t in timexes:
        by_sentence.setdefault(t.sentence, []).append(t)
    follows = [f" {w.lower()} " for w in lang.get("follows") or []]
    scored: list[tuple[int, list[Sentence]]] = []
    under_heading = False
    for s in sentences:
        if s.heading:
            under_heading = s.text.lower().startswith(headings)
            continue
        score = _score(source, s, by_sentence.get(s.index, []), aux, data.get("days_before", 14))
        if under_heading:
            score += 1
        last = scored[-1][1] if scored else None
        if last and last[-1].index == s.index - 1 and last[-1].paragraph == s.paragraph \
                and _follows(s.text, follows):
            # "Im März desselben Jahres ...", "Wenige Tage danach ...": the story goes on from the
            # sentence before, so both make one item
            last.append(s)
            continue
        if score > 0:
            scored.append((score, [s]))
    budget = data.get("max_share", 0.45) * max(len(source.body), 1)
    keep: set[int] = set()
    used = 0
    for _rank, group in sorted(scored, key=lambda x: (-x[0], x[1][0].index)):
        size = sum(len(s.text) + 1 for s in group)
        if used + size > budget:
            continue
        keep.add(group[0].index)
        used += size
    return [BackgroundItem(" ".join(s.text for s in group), [Evidence(source.id, s.index, s.text) for s in group])
            for _, group in scored if group[0].index in keep]


def _follows(text: str, follows: list[str]) -> bool:
    """Does the sentence point back in time to the one before it ("danach", "that same year")?"""
    low = " " + " ".join(text.lower().replace(",", " ").split()) + " "
    return any(f in low for f in follows)


def _score(source: Source, s: Sentence, timexes: list[Timex], aux: set[str], days_before: int) -> int:
    score = 0
    year_now = source.published.year if source.published else None
    for m in YEAR.finditer(s.text):
        if year_now is None or int(m.group(1)) < year_now:
            score += 2
            break
    if source.published:
        for t in timexes:
            coarse = bool(COARSE_VALUE.match(t.value or ""))
            day = t.last_day or t.first_day or (_last_day(t.value) if coarse else None)
            if day is None or t.type not in ("DATE", "TIME"):
                continue
            if (coarse and day < source.published) or day < source.published - timedelta(days=days_before):
                score += 2
                break
    words = [tok.text.lower() for tok in s.tokens]
    tags = [tok.pos for tok in s.tokens]
    if any(w in aux for w in words) and any(p in ("VV(PP)", "VA(PP)", "VVN", "VBN") for p in tags):
        score += 1
    return score


def _last_day(value: str) -> date | None:
    """The last day a year or month value covers ("2021-03" -> 2021-03-31); the tagger leaves it unset."""
    try:
        year = int(value[:4])
        if len(value) >= 7 and value[5:7].isdigit():
            month = int(value[5:7])
            return (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
        return date(year, 12, 31)
    except ValueError:
        return None
