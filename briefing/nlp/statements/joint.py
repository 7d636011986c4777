"""Joint subjects: "die USA und die EU", "Sowohl Blinken als auch Lawrow", "Italy, Spain and Greece"
speak for all their members."""

from __future__ import annotations

import logging

from ..actors.actors import Entity
from ..context import SentenceContext
from .speech import SpeechLexicon

log = logging.getLogger(__name__)


def joint_parties(ctx: SentenceContext, resolved: Entity, subj: Entity | None, lex: SpeechLexicon) -> list[str]:
    """The parties of the subject and of the members coordinated with it (``lex.joiners`` between)."""
    parties = [resolved.party] if resolved.party else []
    if subj is None or subj.kind == "pronoun":
        return parties
    _members_before(ctx, subj, lex, parties)
    _members_after(ctx, subj, lex, parties)
    return parties


def _members_before(ctx: SentenceContext, subj: Entity, lex: SpeechLexicon, parties: list[str]) -> None:
    # "Blinken and Lavrov met": the English subject is the entity next to the verb, the last member
    first, seen_and = subj.first, False
    for e in reversed(ctx.entities):
        if e.last >= first or not e.party:
            continue
        between = [t.text.lower() for t in ctx.sentence.tokens[e.last + 1:first]]
        if between == [","] and not seen_and:
            break  # "Ukraine, Macron said, ...": a comma alone is no "and"
        seen_and = seen_and or any(w != "," for w in between)
        if not (between and all(w in lex.joiners for w in between) and e.free):
            break
        if e.party not in parties:
            parties.insert(0, e.party)
        first = e.first


def _members_after(ctx: SentenceContext, subj: Entity, lex: SpeechLexicon, parties: list[str]) -> None:
    last = subj.last
    for e in ctx.entities:
        if e.first <= last or not e.party:
            continue
        between = [t.text.lower() for t in ctx.sentence.tokens[last + 1:e.first]]
        if not (between and all(w in lex.joiners for w in between) and e.free):
            break
        if e.party not in parties:
            parties.append(e.party)
        last = e.last
