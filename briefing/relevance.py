"""Which sources belong to a briefing, and how relevant each item is to it.

A briefing with `parties:` or `keywords:` keeps a source that names one of its parties (as an
actor the annotation found) or contains one of its keywords; with neither it keeps every source.
Items are ranked by relevance: their party among the briefing's parties, a keyword in their text,
and how recent their source is, so a cut at the section limits keeps the most relevant.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from .config import Config
from .model import AnnotatedSource, Evidence

log = logging.getLogger(__name__)

PARTY_WEIGHT = 2.0
KEYWORD_WEIGHT = 1.0
RECENCY_WEEK = 7.0
"""A source this many days older than the briefing's date counts half as recent."""


def belongs(annotated: AnnotatedSource, config: Config) -> bool:
    if not config.parties and not config.keywords:
        return True
    if annotated.named_parties() & set(config.parties):
        return True
    text = f"{annotated.source.title}\n{annotated.source.body}".casefold()
    return any(k.casefold() in text for k in config.keywords)


@dataclass
class Relevance:
    config: Config
    as_of: date
    published: dict[str, date | None]
    """Each source's publication date, by source id."""

    def score(self, item: object) -> float:
        text = str(getattr(item, "text", "")).casefold()
        party = getattr(item, "party", None)
        value = PARTY_WEIGHT if party and party in self.config.parties else 0.0
        value += KEYWORD_WEIGHT if any(k.casefold() in text for k in self.config.keywords) else 0.0
        return value + self.recency(getattr(item, "evidence", []))

    def recency(self, evidence: list[Evidence]) -> float:
        days = [self.published.get(e.source) for e in evidence]
        ages = [max((self.as_of - d).days, 0) for d in days if d]
        return 1.0 / (1.0 + min(ages) / RECENCY_WEEK) if ages else 0.0

    def order(self, items: list) -> list:
        """Most relevant first; equals keep their order (so one source's items keep the article's order)."""
        return sorted(items, key=self.score, reverse=True)
