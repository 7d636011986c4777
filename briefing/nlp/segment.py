"""Paragraphs, sub-headings, sentences and tokens (SoMaJo), with POS tags and lemmas (HanTa).

Offsets are characters of the source body. A sub-heading is a short line without final
punctuation standing as its own paragraph; it becomes a sentence marked ``heading``.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import re
from functools import cache, lru_cache

from ..model import Sentence, Token

log = logging.getLogger(__name__)

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
FINAL_PUNCTUATION = tuple(".!?:;“”\"'»«…)")
MAX_HEADING_WORDS = 14

SOMAJO_MODEL = {"de": "de_CMC", "en": "en_PTB"}
HANTA_MODEL = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}


@cache
def _tokenizer(language: str):
    from somajo import SoMaJo

    return SoMaJo(SOMAJO_MODEL.get(language, "de_CMC"), split_camel_case=False, character_offsets=True)


@cache
def _tagger(language: str):
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger(HANTA_MODEL.get(language, HANTA_MODEL["de"]))


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph, stripped of surrounding white space."""
    spans = []
    pos = 0
    for m in list(PARAGRAPH_BREAK.finditer(body)) + [None]:
        end = m.start() if m else len(body)
        chunk = body[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((pos + lead, pos + len(chunk.rstrip())))
        pos = m.end() if m else len(body)
    return spans


def is_heading(text: str) -> bool:
    """A short line without final punctuation, as news sites set sub-headings. A line ending in a comma is
    a sentence that page furniture broke in two ("... reist am 15. Mai nach Berlin," / "verlautete ..."),
    no heading."""
    line = text.strip().lstrip("#").strip()
    return bool(line) and "\n" not in line and not line.endswith((*FINAL_PUNCTUATION, ",")) \
        and len(line.split()) <= MAX_HEADING_WORDS


def segment(body: str, language: str = "de", tag: bool = True) -> list[Sentence]:
    """Split ``body`` into numbered sentences with tokens (and POS tags and lemmas when ``tag``).

    The result is remembered for the process (and for worker processes forked from it): an
    undated source is segmented once to infer its date and would otherwise be segmented again
    to annotate it. Callers get their own copy, free to change.
    """
    key = (hashlib.sha256(body.encode("utf-8")).hexdigest(), language, tag)
    if key not in _SEGMENTED:
        if len(_SEGMENTED) >= MAX_REMEMBERED:
            _SEGMENTED.pop(next(iter(_SEGMENTED)))
        _SEGMENTED[key] = _segment(body, language, tag)
    return copy.deepcopy(_SEGMENTED[key])


MAX_REMEMBERED = 64
_SEGMENTED: dict[tuple[str, str, bool], list[Sentence]] = {}


def _segment(body: str, language: str, tag: bool) -> list[Sentence]:
    sentences: list[Sentence] = []
    spans = paragraphs(body)
    tokenizer = _tokenizer(language)
    texts = [body[s:e] for s, e in spans]
    for number, ((p_start, _p_end), text) in enumerate(zip(spans, texts)):
        if is_heading(text):
            tokens = [Token(t.text, p_start + t.character_offset[0], p_start + t.character_offset[1])
                      for sent in tokenizer.tokenize_text([text]) for t in sent]
            sentences.append(_sentence(body, len(sentences) + 1, tokens, number, heading=True))
            continue
        for sent in tokenizer.tokenize_text([text]):
            tokens = [Token(t.text, p_start + t.character_offset[0], p_start + t.character_offset[1]) for t in sent]
            if tokens:
                sentences.append(_sentence(body, len(sentences) + 1, tokens, number))
    if tag:
        tagger = _tagger(language)
        for sentence in sentences:
            words = [t.text for t in sentence.tokens]
            for token, pos in zip(sentence.tokens, tagger.tag_sent(words, taglevel=0)):
                token.lemma, token.pos = _lemma(language, token.text, pos), pos
    return sentences


@lru_cache(maxsize=100_000)
def _lemma(language: str, word: str, pos: str) -> str:
    """The lemma HanTa gives ``word`` under ``pos``, as its tag_sent(taglevel=1) computes it.

    Half of HanTa's time goes to this per-word analysis, which depends on the word and its tag
    only, so it is remembered across sentences and sources.
    """
    tagger = _tagger(language)
    return tagger._analyze(word, tagger.tag2int[pos], taglevel=1)[0]


def _sentence(body: str, index: int, tokens: list[Token], paragraph: int, heading: bool = False) -> Sentence:
    start, end = tokens[0].start, tokens[-1].end
    return Sentence(index=index, start=start, end=end, text=body[start:end], paragraph=paragraph,
                    heading=heading, tokens=tokens)


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence that contains character ``offset``."""
    for s in sentences:
        if s.start <= offset < s.end:
            return s
    return None
