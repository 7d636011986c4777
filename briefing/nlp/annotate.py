"""One source in, everything the builder finds in it out: the annotation stages in order."""

from __future__ import annotations

from ..model import AnnotatedSource, Source
from .segment import segment
from .timex import tag_timexes


def annotate(source: Source, extra_aliases: dict[str, str] | None = None) -> AnnotatedSource:
    """Segment the source, then find temporal expressions, actors, quotes, positions, meetings."""
    sentences = segment(source.body, source.language)
    timexes = tag_timexes(source.body, sentences, source.language, source.published,
                          anchor={"as_of": "as_of", "inferred": "inferred"}.get(source.published_from, "published"))
    return AnnotatedSource(source=source, sentences=sentences, timexes=timexes)
