"""One sentence and what the stages know about it: the object every statement stage reads.

Built once per sentence by ``statements.sentence_context``: the sentence, which tokens stand in
quotation marks, its clauses, the gazetteer's entities, the open-world phrases (``actors.names``)
and, for each phrase and personal pronoun, the referent it means (``actors.mentions``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..model import Sentence
from .actors.actors import Entity
from .actors.mentions import Referent
from .actors.names import Phrase
from .clauses import Clause

log = logging.getLogger(__name__)


@dataclass
class Mention:
    """A phrase or a personal pronoun, and who it means (None: nobody known)."""

    first: int
    last: int
    referent: Referent | None
    phrase: Phrase | None = None
    """None for a pronoun."""

    @property
    def pronoun(self) -> bool:
        return self.phrase is None


@dataclass
class SentenceContext:
    n: int
    """0-based index of the sentence in its source."""
    sentence: Sentence
    language: str
    mask: list[bool]
    clauses: list[Clause] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def inside(self, clause: Clause) -> list[Mention]:
        """The free mentions (not governed by a preposition) inside a clause."""
        return [m for m in self.mentions if clause.first <= m.first and m.last <= clause.last
                and (m.phrase is None or m.phrase.free)]

    def word(self, i: int) -> str:
        return self.sentence.tokens[i].text.lower()
