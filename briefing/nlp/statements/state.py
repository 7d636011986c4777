"""What statement finding produces and what it remembers while it reads a source.

- ``Statement`` and ``SentenceSpeech``: the results for one sentence (read by quotes, positions
  and meetings).
- ``Tracker``: what earlier sentences said, in the gazetteer's terms (the last subject, the
  office holders seen, the dateline's state), for bare roles and joint subjects.
- ``Turn``: what the clauses read so far in the current sentence found.
- ``Reading``: everything one source's reading carries from sentence to sentence.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from ...model import Sentence
from ..actors.actors import Entity
from ..actors.mentions import Discourse
from ..clauses import Grammar
from .speakers import Said
from .speech import SpeechLexicon

log = logging.getLogger(__name__)


@dataclass
class Statement:
    sentence: int
    """0-based index into the source's sentences."""
    parties: list[str]
    speaker: str | None
    kind: str
    first: int
    last: int
    via: str = "verb"
    """verb | attribution | subjunctive | quote | subject"""
    said: Said | None = None
    """The speaker as the article names them (statements/speakers.py), whose party the position takes."""
    named: bool = False
    """The party's holder is named in the sentence itself (not found by a pronoun, a bare role or
    from a sentence before): the gazetteer's reading of a named subject stands."""
    own_first: int | None = None
    """Where the statement's own clause starts (``first`` is widened to the sentence's start)."""


@dataclass
class SentenceSpeech:
    statements: list[Statement] = field(default_factory=list)
    fallback: Entity | None = None
    """The sentence's speaker for quotes without a speech verb (subject or continued speaker)."""
    subject: Entity | None = None
    """The resolved subject of the first main clause (pronouns resolved), for meeting participants."""
    said: list[Said] = field(default_factory=list)
    """Every speaker of the sentence as the article names them, known to the gazetteer or not."""
    said_subject: Said | None = None
    """The sentence's subject, for a quote without a verb of saying (when ``said`` is empty)."""


@dataclass
class Tracker:
    """What earlier sentences said: the last subject and the entities seen, for anaphora."""

    last_subject: Entity | None = None
    last_statement: Statement | None = None
    history: list[Entity] = field(default_factory=list)
    home: str | None = None
    """The state of the dateline's capital ("WASHINGTON - "), whose officials an unnamed official is."""
    home_roles: tuple[str, ...] = ()
    prior: tuple[int, int, Entity, list[str]] | None = None
    """(sentence, paragraph, subject, its parties) of the last sentence whose subject has a party."""
    group: tuple[int, list[str]] | None = None
    """(sentence, parties) of the last joint subject of two parties or more ("Trump and Putin spoke"),
    whom a plural pronoun ("they") means."""
    plural_words: frozenset[str] = frozenset()
    """Pronouns that are plural whatever their verb ("they")."""

    def together(self, sentence: Sentence, subj: Entity | None, lex: SpeechLexicon) -> list[str] | None:
        """The joint subject of the sentence before, for "both sides", "die beiden Regierungen"; a
        recent one for "they"."""
        if self._plural(subj) and self.group is not None and sentence.index - self.group[0] <= GROUP_WINDOW:
            return list(self.group[1])
        if subj is None or subj.kind != "role" or subj.party or self.prior is None:
            return None
        n, paragraph, _, parties = self.prior
        low = " ".join(subj.text.lower().split())
        if paragraph != sentence.paragraph or sentence.index - n > 1 or len(parties) < 2 \
                or not any(low.startswith(w + " ") for w in lex.joint):
            return None
        return list(parties)

    def previous_subject(self, sentence: Sentence, role: Entity) -> Entity | None:
        """The party the sentence just before (same paragraph) was about, for "a spokeswoman" of no party."""
        if self.prior is None:
            return None
        n, _, e, _ = self.prior
        if sentence.index - n > 1 or not e.party:
            return None  # (a new paragraph may open with the spokeswoman of the state that closed the last)
        return replace(role, party=e.party, kind="office")

    def at_home(self, e: Entity | None) -> Entity | None:
        """An official of no named party in a report from a capital: that state's ("officials said")."""
        if e is None or e.kind != "role" or e.party or not self.home or not e.role_word \
                or not e.role_word.endswith(self.home_roles):
            return None
        return replace(e, party=self.home, kind="office")

    def _plural(self, e: Entity | None) -> bool:
        return e is not None and e.kind == "pronoun" and e.text.lower() in self.plural_words

    def resolve(self, e: Entity | None) -> Entity | None:
        if e is None:
            return None
        if e.kind == "pronoun":
            if self._plural(e) and self.last_subject is not None and self.last_subject.kind != "demonym":
                return None  # "they" is no one person or body ("the Americans" may be): a group, if any (``together``)
            return self.last_subject
        if e.kind == "role" and e.party is None:
            if not e.role_word_definite:
                return None  # "a spokesman" introduces someone new
            new = role_stem(e.role_word)
            fitting = [old for old in reversed(self.history) if old.party and old.role_word and new and (
                role_stem(old.role_word).endswith(new) or new.endswith(role_stem(old.role_word)))]
            # "der Minister" is a person named before, if there is one; else the office ("the official")
            named = [old for old in fitting if old.kind == "person"]
            return (named or fitting or [None])[0]
        return e if e.party else None


GROUP_WINDOW = 4
"""A plural pronoun means a joint subject at most this many sentences back."""


def role_stem(word: str | None) -> str:
    """A role noun without its case or plural ending: "Präsidenten", "Ministers", "officials"."""
    low = (word or "").lower()
    for ending in ("en", "es", "n", "s"):
        if low.endswith(ending) and len(low) - len(ending) >= 5:
            return low[: -len(ending)]
    return low


@dataclass
class Turn:
    """What the clauses of the current sentence found so far."""

    speech: SentenceSpeech
    speaker_before: Entity | None
    """Who "er" meant when the sentence began (reported speech does not change it)."""
    previous_subject: Entity | None = None
    """The subject of an earlier clause, which a clause opening with its verb shares."""
    introducer: tuple[Entity, int] | None = None
    """The first main clause's subject with an indicative verb, and where that clause ends."""
    subject_parties: list[str] = field(default_factory=list)
    has_verb: bool = False
    """A main clause with an indicative verb of saying: the sentence has a speaker of its own."""
    spoken: bool = False


@dataclass
class Reading:
    """One source's reading: its lexicons and what the sentences read so far told."""

    language: str
    lex: SpeechLexicon
    grammar: Grammar
    discourse: Discourse
    tracker: Tracker = field(default_factory=Tracker)
    body: int = 0
    """The first sentence that is not a heading (where a dateline stands)."""
    last_said: Said | None = None
    """The last speaker named, whom a sentence in reported speech without a speaker of its own continues."""
    subject_before: tuple[Said, int] | None = None
    """The subject of the sentence just before and its paragraph, when that sentence named no speaker."""
