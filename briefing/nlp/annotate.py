"""One source in, everything the builder finds in it out: the annotation stages in order."""

from __future__ import annotations

from ..data import lexicon_language
from ..model import AnnotatedSource, Source
from .actors.actors import find_entities, find_mentions, resolve_ambiguous
from .actors.gazetteer import gazetteer
from .background import find_background
from .meetings.meetings import find_meetings
from .segment import segment
from .statements.positions import find_positions
from .statements.quotes import find_quotes
from .statements.statements import find_statements
from .temporal.timex import tag_timexes


def annotate(source: Source, extra_aliases: dict[str, str] | None = None) -> AnnotatedSource:
    """Segment the source, then find temporal expressions, actors, quotes, positions, meetings."""
    sentences = segment(source.body, source.language)
    timexes = tag_timexes(source.body, sentences, source.language, source.published,
                          anchor={"as_of": "as_of", "inferred": "inferred"}.get(source.published_from, "published"))
    annotated = AnnotatedSource(source=source, sentences=sentences, timexes=timexes)
    language = lexicon_language("actors", source.language)
    gaz = gazetteer(language, tuple(sorted((extra_aliases or {}).items())))
    memory: dict[str, str] = {}
    found = []
    for sentence in sentences:
        sa = find_mentions(sentence, gaz, memory)
        find_entities(sentence, gaz, sa, memory)
        found.append(sa)
    _resolve_seats(sentences, found)
    annotated.actors = [m for sa in found for m in sa.mentions]
    speech, masks = find_statements(sentences, found, language)
    annotated.quotes = find_quotes(source.id, source.body, sentences, speech, masks, language)
    annotated.positions = find_positions(source.id, sentences, speech, language)
    annotated.meetings = find_meetings(source, sentences, timexes, found, speech, masks, gaz)
    annotated.background = find_background(source, sentences, annotated.timexes)
    return annotated


def _resolve_seats(sentences, found) -> None:
    """"Brüssel" is the EU or NATO: whichever its paragraph names."""
    def named(sa) -> set[str]:  # parties named plainly, not by a shared seat itself
        return {m.party for m in sa.mentions if "parties" not in m.__dict__}

    by_paragraph: dict[int, set[str]] = {}
    for s, sa in zip(sentences, found):
        by_paragraph.setdefault(s.paragraph, set()).update(named(sa))
    for s, sa in zip(sentences, found):
        context = named(sa) or by_paragraph.get(s.paragraph, set())
        resolve_ambiguous(sa.entities, context)
