"""Positions: what each party demands, warns, rejects, denies, claims, proposes or states.

Each statement of a sentence gives its parties a position, save two kinds that are no stance:
an announcement of a date or a trip (it may be a meeting), and a sub-heading that repeats a
later sentence of the same party (the lead it sums up). Lexicons: ``data/positions_<lang>.yaml``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from ...data import language_data
from ...model import Evidence, Position, Sentence
from ..clauses import dateline_end
from .statements import SentenceSpeech, Statement

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PositionLexicon:
    announcement_verbs: frozenset[str]
    saying_verbs: frozenset[str]
    event_nouns: frozenset[str]
    travel_verbs: frozenset[str]
    negations: frozenset[str]
    heading_echo_share: float
    content_tags: tuple[str, ...]


@lru_cache(maxsize=4)
def position_lexicon(language: str) -> PositionLexicon:
    data = language_data("positions", language)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return PositionLexicon(words("announcement_verbs"), words("saying_verbs"), words("event_nouns"),
                           words("travel_verbs"), words("negations"),
                           float(data.get("heading_echo_share") or 0.6),
                           tuple(str(t) for t in data.get("content_tags") or []))


def find_positions(source_id: str, sentences: list[Sentence], speech: list[SentenceSpeech],
                   language: str = "de") -> list[Position]:
    """One position per statement and party; the text is the speaker's part of the sentence."""
    lex = position_lexicon(language)
    out: list[Position] = []
    for n, (sentence, said) in enumerate(zip(sentences, speech)):
        for st in said.statements:
            if _announcement(sentence, st, lex) or _heading_echo(n, st, sentences, speech, lex):
                continue
            first = max(st.first, dateline_end(sentence)) if sentence.index <= 2 else st.first
            text = _text(sentence, first, st.last)
            if len(text.split()) < 3:
                continue
            for party in st.parties:
                out.append(Position(party=party, text=text, kind=st.kind, speaker=st.speaker,
                                    evidence=[Evidence(source_id, sentence.index, sentence.text)]))
    return out


def _announcement(sentence: Sentence, st: Statement, lex: PositionLexicon) -> bool:
    """A plain statement that announces a date or a trip: "Den Termin gab die Allianz bekannt",
    "sagte, sie werde nach Kiew reisen"."""
    if st.kind != "statement":
        return False  # "forderte, am Montag zu reisen" is a demand all the same
    tokens = sentence.tokens[st.first: st.last + 1]
    lemmas = {t.lemma.lower() for t in tokens}
    particles = {t.text.lower() for t in tokens if t.pos == "PTKVZ"}
    verbs = lemmas | {p + lemma for p in particles for lemma in lemmas}
    if any(t.text.lower() in lex.negations for t in tokens):
        return False
    travel = any(t.lemma.lower() in lex.travel_verbs and t.pos.startswith("V") for t in tokens)
    if verbs & lex.announcement_verbs:
        return travel or bool(lemmas & lex.event_nouns)
    return travel and bool(verbs & lex.saying_verbs)


def _heading_echo(n: int, st: Statement, sentences: list[Sentence], speech: list[SentenceSpeech],
                  lex: PositionLexicon) -> bool:
    """A sub-heading whose content words mostly stand in a later statement of the same party."""
    if not sentences[n].heading:
        return False
    own = _content(sentences[n], lex)
    if not own:
        return False
    for later, said in zip(sentences[n + 1:], speech[n + 1:]):
        if later.heading or not any(set(o.parties) & set(st.parties) for o in said.statements):
            continue
        if len(own & _content(later, lex)) / len(own) >= lex.heading_echo_share:
            return True
    return False


def _content(sentence: Sentence, lex: PositionLexicon) -> set[str]:
    return {t.lemma.lower() for t in sentence.tokens if t.pos.startswith(lex.content_tags)}


def _text(sentence: Sentence, first: int, last: int) -> str:
    tokens = sentence.tokens
    text = sentence.text[tokens[first].start - sentence.start: tokens[last].end - sentence.start]
    return text.strip(" ,;:–-")
