"""Annotated sources -> one Briefing: merge meetings across sources, group positions by party."""

from __future__ import annotations

from datetime import date

from .config import Config
from .model import AnnotatedSource, Briefing, Party
from .parties import party_name


def assemble(annotated: list[AnnotatedSource], as_of: date, as_of_from: str, language: str,
             config: Config, previous: Briefing | None = None) -> Briefing:
    briefing = Briefing(title=config.title, as_of=as_of, as_of_from=as_of_from, language=language,
                        classification=config.classification, author=config.author,
                        sources=[a.source for a in annotated])
    parties: dict[str, Party] = {}
    for a in annotated:
        briefing.meetings.extend(a.meetings)
        briefing.quotes.extend(a.quotes)
        briefing.background.extend(a.background)
        for p in a.positions:
            parties.setdefault(p.party, Party(p.party, party_name(p.party, language))).positions.append(p)
    briefing.parties = list(parties.values())
    return briefing
