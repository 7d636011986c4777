"""Who opens a meeting sentence when the text names them by a pronoun, a surname or a role: "Sie wird
Washington besuchen", "Dieser will Lawrow treffen", "Die CDU-Vorsitzende wird mit Li zusammentreffen".
The person meant is the one the article named before (actors/mentions.py); their party takes part."""

from __future__ import annotations

import logging

from ...model import Sentence, Token
from ..actors.actors import Entity, SentenceActors
from ..actors.mentions import Discourse, Known, Referent
from ..actors.names import Phrase, find_phrases, name_lexicon
from .lexicon import MeetingLexicon

log = logging.getLogger(__name__)

PRONOUN_TAGS = frozenset({"PPER", "PDS", "PNP"})
PEOPLE = ("person", "role")


def opening_parties(sentences: list[Sentence], found: list[SentenceActors], masks: list[list[bool]],
                    language: str, lex: MeetingLexicon) -> list[str | None]:
    """Per sentence, the party of the person a pronoun, a surname or a role phrase in subject position means,
    read with one discourse over the whole source."""
    discourse = Discourse(language)
    out: list[str | None] = []
    for n, (s, actors, mask) in enumerate(zip(sentences, found, masks)):
        slots = subject_slots(s.tokens, lex)
        party = None
        for first, phrase in _mentions(s, mask, discourse, lex):
            ref = _referent(n, s.tokens[first], phrase, actors.entities, discourse, lex)
            if party is None and first in slots and ref is not None and ref.kind in PEOPLE and ref.party:
                party = ref.party
        out.append(party)
    return out


def _mentions(s: Sentence, mask: list[bool], discourse: Discourse, lex: MeetingLexicon
              ) -> list[tuple[int, Phrase | None]]:
    """The phrases and subject pronouns of a sentence in reading order (a pronoun has no phrase)."""
    phrases = find_phrases(s, mask, name_lexicon(discourse.lex.language), discourse.surnames())
    covered = {k for p in phrases for k in range(p.first, p.last + 1)}
    items: list[tuple[int, Phrase | None]] = [(p.first, p) for p in phrases]
    items += [(i, None) for i, t in enumerate(s.tokens) if i not in covered and not mask[i]
              and t.text.lower() in lex.subject_pronouns and t.pos in PRONOUN_TAGS]
    return sorted(items, key=lambda x: x[0])


def _referent(n: int, tok: Token, phrase: Phrase | None, entities: list[Entity], discourse: Discourse,
              lex: MeetingLexicon) -> Referent | None:
    if phrase is None:
        return discourse.pronoun(n, lex.subject_pronouns[tok.text.lower()])
    entity = next((e for e in entities if e.party and e.first <= phrase.last and phrase.first <= e.last), None)
    known = Known(entity.party, entity.person, not entity.person and entity.kind in ("name", "demonym")) \
        if entity else None
    return discourse.refer(n, phrase, known)


def subject_slots(tokens: list[Token], lex: MeetingLexicon) -> set[int]:
    """Where a subject stands: opening the sentence, or right after its first finite verb ("Am Donnerstag
    trifft er ...")."""
    slots = {0}
    verb = next((i for i, t in enumerate(tokens) if "FIN" in t.pos or t.pos in lex.finite_tags), None)
    if verb is not None:
        slots.add(verb + 1)
    return slots
