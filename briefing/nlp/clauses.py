"""Clauses of a sentence, the parts inside quotation marks, finite verbs and subjects.

Rule-based and shallow on purpose: a clause runs between commas, colons, semicolons and dashes
(not between the members of a list of names); it is subordinate when a conjunction or relative
pronoun opens it. The subject is found by German word order (the constituent before the finite
verb, else the first free one after it) or English word order (the nearest free one before the
verb, else the first after it).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..data import language_data
from ..model import Sentence, Token
from .actors.actors import Entity

log = logging.getLogger(__name__)

SEPARATORS = frozenset({",", ";", ":", "–", "—", "-", "(", ")"})
# Opening-only, closing-only and either-way quotation marks. "“" closes a German „quote“ but opens an
# English “quote”; taking it (and », «, ") as "close when inside, else open" reads both styles, and
# the Swiss «…» too. Single marks are left out: they nest inside double ones and double as apostrophes.
QUOTES = {
    "de": ({"„"}, set(), {'"', "“", "”", "»", "«"}),
    "en": ({"„", "``", "‘‘"}, {"’’"}, {'"', "''", "“", "”", "»", "«"}),
}
"""(opening, closing, toggling) quotation marks; a double mark may be written as two single ones
("‘‘ … ’’", "'' … ''"), and "’’" closes a quote whatever opened it ("“ … ’’"); in German text "'' … ''"
is wiki markup for italics (a title, a site's name), and "‘" closes a nested quote."""
SUBORDINATE_TAGS = frozenset({"KOUS", "PRELS", "PRELAT", "PWAV", "PWS", "KOUI", "CJS", "DTQ", "PNQ", "AVQ"})
SUBORDINATE_WORDS = frozenset({"dass", "that", "which", "who", "whose", "where", "when", "while", "because",
                               "if", "ob", "weil", "wenn", "als", "nachdem", "bevor", "während", "um", "damit",
                               "although", "whether", "wo", "obwohl", "sodass", "zumal"})
OBLIQUE = frozenset({"dem", "den", "einem", "einen"})


@dataclass(frozen=True)
class Grammar:
    """What the rules need to know of a language's grammar and its tagger's tags
    (``data/grammar_<lang>.yaml``)."""

    verb_tags: tuple[str, ...]
    """Tag prefixes of full verbs."""
    finite_tags: frozenset[str]
    finite_marks: tuple[str, ...]
    """A tag in ``finite_tags`` or containing one of ``finite_marks`` is a finite verb."""
    subject_first: bool
    """Subject-verb-object order: the subject is the nearest name before the verb, and only verbs of
    saying listed as ``inverting`` take theirs after them ("said the official"). Else verb-second:
    the constituent before the finite verb, else the first after it."""
    reported_in_subjunctive: bool
    """Reported speech stands in the subjunctive ("er sagte, sie sei bereit")."""
    passive_auxiliaries: frozenset[str]
    agent_prepositions: frozenset[str]


@lru_cache(maxsize=8)
def grammar(language: str) -> Grammar:
    data = language_data("grammar", language)

    def words(key: str) -> tuple[str, ...]:
        return tuple(str(w) for w in data.get(key) or [])

    return Grammar(words("verb_tags"), frozenset(words("finite_tags")), words("finite_marks"),
                   data.get("word_order") == "subject-verb-object", bool(data.get("reported_in_subjunctive")),
                   frozenset(w.lower() for w in words("passive_auxiliaries")),
                   frozenset(w.lower() for w in words("agent_prepositions")))


@dataclass
class Clause:
    first: int
    last: int
    subordinate: bool
    opener: str = ""
    """The lower-cased first word of the clause."""


def is_finite(tok: Token, language: str) -> bool:
    return _finite_tag(tok.pos, language)


def is_verb(tok: Token, language: str) -> bool:
    return _verb_tag(tok.pos, language)


@lru_cache(maxsize=1024)
def _finite_tag(pos: str, language: str) -> bool:
    # asked for every token by several stages: one answer per tag
    g = grammar(language)
    return pos in g.finite_tags or any(mark in pos for mark in g.finite_marks)


@lru_cache(maxsize=1024)
def _verb_tag(pos: str, language: str) -> bool:
    return pos.startswith(grammar(language).verb_tags)


def quote_mask(sentences: list[Sentence], language: str) -> list[list[bool]]:
    """For each token: is it inside quotation marks? Quotes may run over several sentences of a paragraph."""
    opening, closing, toggling = QUOTES.get(language, QUOTES["de"])
    masks: list[list[bool]] = []
    inside = False
    paragraph = -1
    for s in sentences:
        if s.paragraph != paragraph:
            inside, paragraph = False, s.paragraph
        mask = []
        for k, t in enumerate(_marks(s.tokens)):
            if t in opening or t in toggling and _line_opener(s, k):
                inside = True
                mask.append(True)
            elif t in closing:
                mask.append(True)
                inside = False
            elif t in toggling:
                mask.append(True)
                inside = not inside
            else:
                mask.append(inside)
        masks.append(mask)
    return masks


def masked_runs(mask: list[bool]) -> Iterator[tuple[int, int]]:
    """Each run of masked tokens (a quote, marks included) as (first, last), in order."""
    k = 0
    while k < len(mask):
        if not mask[k]:
            k += 1
            continue
        end = k
        while end + 1 < len(mask) and mask[end + 1]:
            end += 1
        yield k, end
        k = end + 1


def _line_opener(s: Sentence, k: int) -> bool:
    """Token ``k`` opens its sentence or a line: a mark there opens a quote, it closes none (news agencies open
    each paragraph of a long quote with "”" and close only the last one)."""
    if k == 0:
        return True
    return "\n" in s.text[s.tokens[k - 1].end - s.start:s.tokens[k].start - s.start]


def _marks(tokens: list[Token]) -> list[str]:
    """Token texts, with a doubled single quotation mark the tokenizer split ("’", "’") read as one
    mark on both its tokens."""
    texts = [t.text for t in tokens]
    for k in range(len(tokens) - 1):
        pair = texts[k][-1:] + texts[k + 1][:1]
        if len(texts[k]) == 1 and len(texts[k + 1]) == 1 and pair in ("’’", "‘‘") \
                and tokens[k].end == tokens[k + 1].start:
            texts[k] = texts[k + 1] = pair
    return texts


def clauses(sentence: Sentence, mask: list[bool], entities: list[Entity]) -> list[Clause]:
    """Split the unquoted tokens into clauses; a comma inside a list of names does not split."""
    tokens = sentence.tokens
    # a list item: an entity followed by a comma or "und" ("Die USA, Großbritannien, Kanada und Australien")
    listed = {e.first for e in entities if e.last + 1 < len(tokens)
              and tokens[e.last + 1].text.lower() in (",", "und", "and", "sowie")}
    ends_entity = {e.last for e in entities}
    out: list[Clause] = []
    start: int | None = None
    aside = _short_asides(tokens)
    for i, tok in enumerate(tokens):
        boundary = mask[i] or tok.text in SEPARATORS or tok.pos in ("$.",) or tok.text in (".", "!", "?")
        if i in aside:
            boundary = False  # "Steinmeier (SPD) betonte": a party label in brackets does not split the clause
        if tok.text == "-" and i > 0 and tokens[i - 1].end == tok.start:
            boundary = False  # "Secretary-General" split into tokens, not a dash
        if tok.text == "," and (i - 1) in ends_entity and (i + 1) in listed:
            boundary = False  # "Die USA, Großbritannien, Kanada und Australien ..."
        if boundary:
            if start is not None:
                out.append(_clause(tokens, start, i - 1))
                start = None
            continue
        if start is None:
            start = i
    if start is not None:
        out.append(_clause(tokens, start, len(tokens) - 1))
    return out


def _short_asides(tokens: list[Token]) -> set[int]:
    """Token indices of short bracketed asides ("(SPD)", "(R-Texas)") and their brackets."""
    out: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.text != "(" or i == 0:
            continue
        close = next((k for k in range(i + 1, min(i + 5, len(tokens))) if tokens[k].text == ")"), None)
        if close is not None and not any(t.text in (",", ";", "(") for t in tokens[i + 1:close]):
            out.update(range(i, close + 1))
    return out


def _clause(tokens: list[Token], first: int, last: int) -> Clause:
    opener = tokens[first].text.lower()
    sub = tokens[first].pos in SUBORDINATE_TAGS or opener in SUBORDINATE_WORDS
    if tokens[first].pos in ("APPR", "PRP") and first + 1 <= last and tokens[first + 1].pos in ("PRELS", "DTQ", "PNQ"):
        sub = True  # "in denen", "zu dem", "in which"
    if opener == "wie" and tokens[first].pos == "KOKOM":
        sub = True
    if opener in ("as",) and tokens[first].pos != "CJS":
        sub = False
    if opener == "that" and tokens[first].pos == "DT0":
        sub = False  # "That was how ... put it": a demonstrative, no "that"-clause
    return Clause(first, last, sub, opener)


def dateline_end(sentence: Sentence) -> int:
    """Index of the first token after a dateline ("Genf/Brüssel - ..."), else 0."""
    for i, tok in enumerate(sentence.tokens[:8]):
        if tok.text in ("-", "–", "—") and i > 0 and sentence.tokens[i - 1].end < tok.start:
            before = sentence.tokens[:i]
            if all(t.text == "/" or t.text[:1].isupper() for t in before):
                return i + 1
            return 0
    return 0


def subject(clause: Clause, verb: int, sentence: Sentence, entities: list[Entity], language: str,
            inverted: bool = True) -> Entity | None:
    """The grammatical subject of the clause holding token ``verb``."""
    inside = [e for e in entities if clause.first <= e.first and e.last <= clause.last and e.free]
    if not inside:
        return None
    if grammar(language).subject_first:
        before = [e for e in inside if e.last < verb]
        if before:
            return before[-1]
        after = [e for e in inside if e.first > verb] if inverted else []
        return after[0] if after else None  # "said the official"; only verbs of saying invert
    finite = next((i for i in range(clause.first, clause.last + 1) if is_finite(sentence.tokens[i], language)), verb)
    before = [e for e in inside if e.last < finite]
    # "Dem Iran warf Macron vor": a dative or accusative before the verb is no subject
    nominative = [e for e in before if not _oblique(sentence, e)]
    if nominative:
        return nominative[0]
    if before and not any(e.first > finite for e in inside):
        return before[0]
    after = [e for e in inside if e.first > finite]
    if after and _plural(sentence.tokens[finite]) and after[0].kind in ("person", "office", "demonym") \
            and not _coordinated(sentence, after[0]):
        return None  # "Kritiker werfen Scholz vor": a plural verb does not agree with one person
    return after[0] if after else None


def _oblique(sentence: Sentence, e: Entity) -> bool:
    """An entity opened by "dem", "den", "einem", "einen" (its own article or the word before it)."""
    words = [sentence.tokens[e.first].text.lower()]
    if e.first > 0:
        words.append(sentence.tokens[e.first - 1].text.lower())
    return any(w in OBLIQUE for w in words)


def _plural(tok: Token) -> bool:
    """A German finite verb in the third person plural ("werfen", "fordern", "sagten", "sind")."""
    low = tok.text.lower()
    return low == "sind" or (low.endswith("n") and not low.endswith(("kann", "mann")))


def _coordinated(sentence: Sentence, e: Entity) -> bool:
    nxt = e.last + 1
    return nxt < len(sentence.tokens) and sentence.tokens[nxt].text.lower() in ("und", "sowie")


def finite_verb(clause: Clause, sentence: Sentence, language: str) -> int | None:
    for i in range(clause.first, clause.last + 1):
        if is_finite(sentence.tokens[i], language):
            return i
    return None
