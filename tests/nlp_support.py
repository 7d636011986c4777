"""Helpers for the extraction tests: annotate a text written in the test, with a publication date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.model import AnnotatedSource, Meeting, Source
from briefing.nlp.annotate import annotate


def annotated(body: str, language: str = "de", published: date | None = date(2022, 1, 4),
              source_id: str = "t", extra: dict[str, str] | None = None) -> AnnotatedSource:
    source = Source(id=source_id, path=Path(f"{source_id}.txt"), title="Test", body=body, language=language,
                    published=published, published_from="front_matter")
    return annotate(source, extra)


def meetings(text: str, language: str = "de", published: date = date(2022, 1, 4)) -> list[Meeting]:
    """The meetings found in ``text`` (published on a Tuesday unless told otherwise)."""
    return annotated(text, language, published).meetings


def positions_of(a: AnnotatedSource, party: str) -> list[str]:
    return [p.text for p in a.positions if p.party == party]


def parties_of(a: AnnotatedSource) -> set[str]:
    return {p.party for p in a.positions}
