"""The one object every meeting stage reads: a sentence with its tokens, times, actors and speech, and its
neighbours in the source."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ...model import Meeting, Sentence, Source, Timex, Token
from ..actors.actors import SentenceActors
from ..actors.gazetteer import Gazetteer
from ..statements.statements import SentenceSpeech
from .lexicon import MeetingLexicon

log = logging.getLogger(__name__)


@dataclass
class Document:
    """One source as the earlier stages left it: sentences, actors, speech, quote masks and times."""

    source: Source
    sentences: list[Sentence]
    actors: list[SentenceActors]
    speech: list[SentenceSpeech]
    masks: list[list[bool]]
    timexes: dict[int, list[Timex]]
    """The temporal expressions of each sentence, by the sentence's index."""
    gaz: Gazetteer
    lex: MeetingLexicon
    said_verbs: frozenset[str] = frozenset()
    """Verbs of saying that do not name a meeting: the day next to them is the day of the saying."""
    earlier: list[Meeting] = field(default_factory=list)
    openers: list[str | None] = field(default_factory=list)
    """Per sentence, the party of whom a pronoun, surname or role phrase as its subject means (referents.py)."""
    """The meetings found so far in the source, in the order of their sentences."""


@dataclass
class SentenceContext:
    """Sentence ``n`` of a document."""

    doc: Document
    n: int

    @property
    def sentence(self) -> Sentence:
        return self.doc.sentences[self.n]

    @property
    def tokens(self) -> list[Token]:
        return self.doc.sentences[self.n].tokens

    @property
    def actors(self) -> SentenceActors:
        return self.doc.actors[self.n]

    @property
    def said(self) -> SentenceSpeech:
        return self.doc.speech[self.n]

    @property
    def mask(self) -> list[bool]:
        return self.doc.masks[self.n]

    @property
    def timexes(self) -> list[Timex]:
        return self.doc.timexes.get(self.sentence.index, [])

    @property
    def lex(self) -> MeetingLexicon:
        return self.doc.lex

    @property
    def gaz(self) -> Gazetteer:
        return self.doc.gaz

    @property
    def opener(self) -> str | None:
        return self.doc.openers[self.n] if self.n < len(self.doc.openers) else None

    @property
    def previous(self) -> Sentence | None:
        return self.doc.sentences[self.n - 1] if self.n else None

    @property
    def following(self) -> Sentence | None:
        return self.doc.sentences[self.n + 1] if self.n + 1 < len(self.doc.sentences) else None

    def words(self, first: int = 0, last: int | None = None) -> list[str]:
        end = len(self.tokens) if last is None else last + 1
        return [t.text.lower() for t in self.tokens[first:end]]

    def timed(self) -> set[int]:
        """Tokens inside a temporal expression ("on May 19", "in June")."""
        s = self.sentence
        return {i for t in self.timexes for i, tok in enumerate(s.tokens) if tok.end > t.start and tok.start < t.end}

    def particles(self) -> list[str]:
        """Separated verb particles ("findet ... statt", "trifft ... ein")."""
        return [t.text.lower() for t in self.tokens if t.pos == "PTKVZ"]


@dataclass
class Span:
    """Tokens first..last of a sentence that tell of one meeting, and the words that name meetings in it."""

    first: int
    last: int
    triggers: list[int] = field(default_factory=list)
    side: bool = False
    """Opened by "am Rande" or "und dann": a meeting of its own only when a word in it names one."""

    @property
    def in_scope(self) -> list[int]:
        return [i for i in self.triggers if self.first <= i <= self.last]

    @property
    def named_by(self) -> list[int]:
        """The triggers in the span, else all of the sentence's."""
        return self.in_scope or self.triggers
