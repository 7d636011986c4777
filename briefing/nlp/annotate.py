"""One source in, everything the builder finds in it out: the annotation stages in order."""

from __future__ import annotations

from ..model import AnnotatedSource, Source
from .segment import segment


def annotate(source: Source, extra_aliases: dict[str, str] | None = None) -> AnnotatedSource:
    """Segment the source, then find temporal expressions, actors, quotes, positions, meetings."""
    sentences = segment(source.body, source.language)
    return AnnotatedSource(source=source, sentences=sentences)
