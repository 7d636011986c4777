"""Positions: what each party demands, warns, rejects, denies, claims, proposes or states."""

from __future__ import annotations

import logging

from ...model import Evidence, Position, Sentence
from ..clauses import dateline_end
from .statements import SentenceSpeech

log = logging.getLogger(__name__)


def find_positions(source_id: str, sentences: list[Sentence], speech: list[SentenceSpeech]) -> list[Position]:
    """One position per statement and party; the text is the speaker's part of the sentence."""
    out: list[Position] = []
    for sentence, said in zip(sentences, speech):
        for st in said.statements:
            first = max(st.first, dateline_end(sentence)) if sentence.index <= 2 else st.first
            text = _text(sentence, first, st.last)
            if len(text.split()) < 3:
                continue
            for party in st.parties:
                out.append(Position(party=party, text=text, kind=st.kind, speaker=st.speaker,
                                    evidence=[Evidence(source_id, sentence.index, sentence.text)]))
    return out


def _text(sentence: Sentence, first: int, last: int) -> str:
    tokens = sentence.tokens
    text = sentence.text[tokens[first].start - sentence.start: tokens[last].end - sentence.start]
    return text.strip(" ,;:–-")
