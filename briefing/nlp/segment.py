"""Paragraphs, sub-headings, sentences and tokens (SoMaJo), with POS tags and lemmas (HanTa).

Offsets are characters of the source body. A sub-heading is a short line without final
punctuation standing as its own paragraph; it becomes a sentence marked ``heading``.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import math
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path

from ..model import Sentence, Token

log = logging.getLogger(__name__)

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
FINAL_PUNCTUATION = tuple(".!?:;“”\"'»«…)")
MAX_HEADING_WORDS = 14

SOMAJO_MODEL = {"de": "de_CMC", "en": "en_PTB"}
HANTA_MODEL = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}


@cache
def _tokenizer(language: str):
    import regex
    import somajo

    from ..model_cache import kept

    model = SOMAJO_MODEL.get(language, "de_CMC")
    options = {"split_camel_case": False, "character_offsets": True}
    # Made once per state folder: making it runs and compiles thousands of regular expressions.
    tokenizer = kept(f"somajo-{model}", (somajo.__version__, regex.__version__, repr(sorted(options.items()))),
                     lambda: somajo.SoMaJo(model, **options))
    _skip_emoji_search_without_emoji(tokenizer._tokenizer)
    _abbreviations_only_around_a_full_stop(tokenizer._tokenizer)
    _names_are_no_abbreviations(tokenizer._tokenizer, language)
    _offsets_of_normalized_text_directly()
    return tokenizer


@cache
def _tagger(language: str):
    from HanTa import HanoverTagger

    from ..model_cache import files_key, kept

    model = HANTA_MODEL.get(language, HANTA_MODEL["de"])
    # Made once per state folder: making it unzips and unpickles the model, then derives its tables
    # (which states reach which) in Python; the tagger as made reads back in half the time. The key
    # is the model file and the tagger's code as installed, so another HanTa makes it again.
    tagger = kept(f"hanta-{model}", files_key(HanoverTagger.__file__, Path(HanoverTagger.__file__).parent / model),
                  lambda: HanoverTagger.HanoverTagger(model))
    _remember_word_analyses(tagger)
    _viterbi_over_the_words_tags(tagger)
    return tagger


def _skip_emoji_search_without_emoji(tokenizer) -> None:
    """SoMaJo looks for emoji grapheme by grapheme, one regex call each: 40 % of its time on news.

    A text without a single emoji or pictograph character gives that search no boundary, so it
    is skipped after one scan for such a character; text with one goes the original way. The
    character class is the union of the two classes SoMaJo's ``_split_emojis`` searches.
    """
    import regex

    any_emoji = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")
    split_emojis = tokenizer._split_emojis

    def split_if_any(node, token_class: str = "emoticon") -> None:
        if any_emoji.search(node.value.text):
            split_emojis(node, token_class)

    tokenizer._split_emojis = split_if_any


def _abbreviations_only_around_a_full_stop(tokenizer) -> None:
    """SoMaJo looks for abbreviations with one expression: a thousand of them as alternatives, tried
    (ignoring case) at every word of a paragraph; a quarter of tokenizing German. Every one of them
    holds a full stop and no white space, and so does a run of letters with full stops: a match lies
    inside one run of text without white space, and that run holds a full stop. So the expression is
    tried only at the words of such runs, where it could start (a letter after no letter and no full
    stop), each time where the search through the whole paragraph would have tried it: the same
    matches. Should SoMaJo build the expression otherwise, or its list change so that this no longer
    holds, the search goes SoMaJo's way."""
    import regex
    from somajo import utils

    pattern = tokenizer.abbreviation
    words = utils.read_abbreviation_file(f"abbreviations_{tokenizer.language[:2]}.txt", to_lower=True)
    expected = (r"(?<![\p{L}.])(?:(?:(?:\p{L}\.){2,})|" + "|".join(regex.escape(w) for w in words)
                + r")+(?!\p{L}{1,3}\.)")
    if not _same_alternatives(getattr(pattern, "pattern", ""), expected) \
            or not all("." in w and not regex.search(r"\s", w) for w in words):
        log.info("SoMaJo's abbreviations are not as expected: searched its own way")
        return
    dotted_run = regex.compile(r"\S*\.\S*")
    start = regex.compile(r"(?<![\p{L}.])\p{L}", regex.IGNORECASE)  # as the expression reads letters

    class _AroundAFullStop:
        pattern = expected

        def finditer(self, text: str) -> Iterator:
            end = 0
            for run in dotted_run.finditer(text):
                for candidate in start.finditer(text, run.start(), run.end()):
                    if candidate.start() >= end and (m := pattern.match(text, candidate.start())):
                        end = m.end()
                        yield m

    tokenizer.abbreviation = _AroundAFullStop()


def _same_alternatives(pattern: str, expected: str) -> bool:
    """The two expressions differ at most in the order of their alternatives. SoMaJo sorts its words by
    length, and words of one length in the order of a set, which differs from process to process (a
    tokenizer read back from the model cache was made in another): literal words of one length never
    match at the same place, so that order changes no match."""
    return pattern == expected or sorted(pattern.split("|")) == sorted(expected.split("|"))


def _offsets_of_normalized_text_directly() -> None:
    """SoMaJo finds each token's characters in the text, then maps them back through an alignment of the
    text with its NFC normal form, built as three dictionaries of every character; and it blanks each
    token's white space with a module-level ``regex.sub``, which looks its pattern up in the regex
    module's cache every time. Together a sixth of tokenizing. News text is already in normal form (and
    comes as plain text, not XML): the alignment is then the identity, and the offsets are those found.
    Text that is not, and offsets outside the text, go SoMaJo's way; the substitution takes its
    pattern compiled once. Every process-wide, once."""
    from somajo import alignment

    token_offsets = alignment.token_offsets
    if getattr(token_offsets, "direct", False):
        return

    def direct(token_list, raw: str, position: int, xml_input: bool, tokens) -> list[tuple[int, int]]:
        if xml_input or not unicodedata.is_normalized("NFC", raw):
            return token_offsets(token_list, raw, position, xml_input, tokens)
        offsets = alignment._determine_offsets(tokens, raw, position)
        if not all(0 <= start < end <= len(raw) for start, end in offsets):
            return token_offsets(token_list, raw, position, xml_input, tokens)
        return [(start + position, end + position) for start, end in offsets]

    direct.direct, direct.somajos = True, token_offsets  # type: ignore[attr-defined]
    alignment.token_offsets = direct
    alignment.re = _CompiledOnce(alignment.re)


class _CompiledOnce:
    """The regex module, whose ``sub`` with a pattern written out compiles it once per process."""

    def __init__(self, module) -> None:
        self.module = module
        self._compiled: dict[str, object] = {}

    def sub(self, pattern, repl, string, *args, **kwargs):
        if args or kwargs or not isinstance(pattern, str):
            return self.module.sub(pattern, repl, string, *args, **kwargs)
        compiled = self._compiled.get(pattern) or self._compiled.setdefault(pattern, self.module.compile(pattern))
        return compiled.sub(repl, string)

    def __getattr__(self, name: str):
        return getattr(self.module, name)


def _names_are_no_abbreviations(tokenizer, language: str) -> None:
    """A name of a state or place followed by a full stop ends a sentence; it is no abbreviation.

    SoMaJo's abbreviation lists hold a few words that are names too (its English list has "Egypt." for
    "Egyptian"), and an abbreviation keeps its full stop and never ends a sentence: "The talks will be
    held in Egypt. He said so." came out as one sentence with the token "Egypt.". The names are the
    actor lexicon's, so the list grows with the lexicon; real abbreviations among them ("U.S.") stay.
    """
    from ..data import load_data

    try:
        lexicon = load_data(f"actors_{language}")
    except FileNotFoundError:
        return
    names = {f"{name}.".casefold() for group in (lexicon.get("names") or {}).values() for name in group
             if not str(name).endswith(".")}
    pattern = tokenizer.abbreviation

    class _AbbreviationsButNames:
        def finditer(self, text: str):
            return (m for m in pattern.finditer(text) if m.group(0).casefold() not in names)

    tokenizer.abbreviation = _AbbreviationsButNames()


MAX_WORD_ANALYSES = 200_000


def _remember_word_analyses(tagger) -> None:
    """HanTa analyses every word outside its model's list from scratch (a Viterbi search over its
    morphemes), in every sentence it occurs in: half of its tagging time. The analysis depends on
    the word and the call's flags only, and the tagger only reads the list it returns, so each
    is remembered for the process (bounded)."""
    tagger._tag_word = lru_cache(maxsize=MAX_WORD_ANALYSES)(tagger._tag_word)


def _viterbi_over_the_words_tags(tagger) -> None:
    """HanTa's Viterbi search over a sentence tries, from every state it keeps, each of the 56 tags that
    may follow and skips those the word cannot have; a word has one to six (a sixth of annotation).
    Here the word's own tags are taken, in the order HanTa would have met them: the same states are
    made in the same order with the same sums, so ties are broken alike and the tags are HanTa's.
    A word with no tag at all (anything may follow) goes HanTa's way."""
    from HanTa.HanoverTagger import EMPTY, END, START, UNKNOWN

    transitions = tagger.LP_trans_word
    order: dict[tuple[int, int], dict[int, int]] = {}  # per state: each follower's place in its transitions
    lowerbound = -1e6

    def tag_sent_viterbi(sent: list[str], casesensitive: bool = True) -> list[int]:
        table: list[dict] = []
        backpointer: list[dict] = []
        for i, w in enumerate(sent):
            wprobs = dict(tagger._tag_word(w, cutoff=5, casesensitive=i > 0 and casesensitive, conditional=True))
            if len(wprobs) == 1 and UNKNOWN in wprobs:
                wprobs = {}
            row: dict = {}
            pointers: dict = {}
            backpointer.append(pointers)
            prevrow = table[i - 1] if i else {(EMPTY, START): 0.0}
            rowbound = sorted(prevrow.values(), reverse=True)[5] - 1 if len(prevrow) > 5 else lowerbound
            for state, lp0 in prevrow.items():
                if lp0 < rowbound:
                    continue
                lp_t = transitions[state]
                if wprobs:
                    rank = order.get(state) or order.setdefault(state, {c: n for n, c in enumerate(lp_t)})
                    tags = [c for c in wprobs if c in rank and c != END]
                    if len(tags) > 1:
                        tags.sort(key=rank.__getitem__)
                    steps = [(c, lp_t[c], wprobs[c]) for c in tags]
                else:
                    steps = [(c, lp_tc, 0) for c, lp_tc in lp_t.items() if c != END]
                for c, lp_tc, lpwc in steps:
                    lp = lp0 + lp_tc + lpwc
                    if lp > lowerbound:
                        newstate = (state[1], c)
                        if newstate not in row or lp > row[newstate]:
                            row[newstate] = lp
                            pointers[newstate] = state
            table.append(row)
        return _last_row(table, backpointer)

    def _last_row(table: list[dict], backpointer: list[dict]) -> list[int]:
        finalstate = (END, EMPTY)
        row: dict = {}
        pointers: dict = {}
        backpointer.append(pointers)
        for state, lp0 in table[-1].items():
            lp = lp0 + transitions[state].get(END, -math.inf)
            if lp > row.get(finalstate, -math.inf):
                row[finalstate] = lp
                pointers[finalstate] = state
        tags = []
        state = finalstate
        for i in range(len(backpointer) - 1, 0, -1):
            state = backpointer[i][state]
            tags.append(state[1])
        return tags[::-1]

    if not tagger._debug:
        tagger.tag_sent_viterbi = tag_sent_viterbi


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

    Callers get their own sentences, free to change. A segmentation made inside ``remembering()``
    (the date inference of undated sources) is kept for the process and for worker processes
    forked from it, and the next call outside takes it instead of segmenting again. Nothing else
    is kept: a source's tokens are freed with its annotation, so memory does not grow with the
    number of sources.
    """
    key = (hashlib.sha256(body.encode("utf-8")).hexdigest(), language, tag)
    if not _remember:
        kept = _SEGMENTED.pop(key, None)
        return kept if kept is not None else _segment(body, language, tag)
    if key not in _SEGMENTED:
        if len(_SEGMENTED) >= MAX_REMEMBERED:
            _SEGMENTED.pop(next(iter(_SEGMENTED)))
        _SEGMENTED[key] = _segment(body, language, tag)
    return copy.deepcopy(_SEGMENTED[key])


MAX_REMEMBERED = 64
_SEGMENTED: dict[tuple[str, str, bool], list[Sentence]] = {}
_remember = False


@contextmanager
def remembering() -> Iterator[None]:
    """Keep what ``segment()`` makes in this block for the annotation that follows it."""
    global _remember
    before, _remember = _remember, True
    try:
        yield
    finally:
        _remember = before


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


def verb_lemma(language: str, word: str, tag: str) -> str:
    """The lemma of ``word`` read under ``tag`` (a word the tagger gave another class: "erklärte" after
    a closing quotation mark, read as an adjective)."""
    tagger = _tagger(language)
    if tag not in tagger.tag2int:
        return word
    return _lemma(language, word, tag)


def _sentence(body: str, index: int, tokens: list[Token], paragraph: int, heading: bool = False) -> Sentence:
    start, end = tokens[0].start, tokens[-1].end
    return Sentence(index=index, start=start, end=end, text=body[start:end], paragraph=paragraph,
                    heading=heading, tokens=tokens)
