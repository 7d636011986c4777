"""Speech acts: the lexicon of verbs of saying and attribution phrases, and the verb of saying in a clause.

Read from data/speech_<lang>.yaml: verbs by the kind of position they report, words a verb needs
("sprechen von"), attribution phrases ("laut X", "X zufolge", "according to X"), subjunctive
forms, verbs whose subject may follow them in English, and the words of joint subjects.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from ...data import language_data, load_data, word_set
from ...model import Sentence
from ..clauses import Clause, is_finite, is_verb

log = logging.getLogger(__name__)


PARTICIPLE_TAGS = frozenset({"VV(PP)", "VVPP", "VVN"})
"""Past participles of full verbs (HanTa's STTS, STTS, CLAWS)."""


@dataclass
class SpeechLexicon:
    verbs: dict[str, str]
    needs: dict[str, set[str]]
    before: list[tuple[str, ...]]
    after: set[str]
    subjunctive: frozenset[str]
    inverting: frozenset[str]
    """Verbs whose subject may follow them in a subject-first language ("said the official")."""
    impersonal: frozenset[str]
    """Verbs said with "es" whose speaker is the place named ("aus dem Kreml hieß es")."""
    after_quote: frozenset[str] = frozenset()
    """Words that attribute what stands before them when a name follows right after ("„…“, so Baerbock")."""
    joint: tuple[str, ...] = ()
    """Words opening a subject that means all those named just before ("both sides", "die beiden")."""
    institutions: tuple[str, ...] = ()
    """Role words of bodies ("ministry", "Außenministerium") that speak for the state just named."""
    speaking: frozenset[str] = frozenset()
    """Verbs that name who speaks but report no position ("schildern", "recount"): for speakers only."""
    citing: frozenset[str] = frozenset()
    """Verbs whose object is who speaks ("zitierte Papandreou mit den Worten")."""
    needs_next: frozenset[str] = frozenset()
    """Verbs whose needed word must follow them straight ("call for"), save in ``needs_next_free_tags``."""
    needs_next_free_tags: frozenset[str] = frozenset()
    joiners: frozenset[str] = frozenset()
    """Words between the members of a joint subject ("Sowohl Blinken als auch Lawrow", "the U.S. as well as the EU")."""
    impersonal_pronouns: frozenset[str] = frozenset()
    """A pronoun of nobody in particular ("man"): in a capital it speaks for the capital's state."""
    place_prepositions: frozenset[str] = frozenset()
    """Prepositions before the place an impersonal pronoun speaks in ("in Paris")."""
    origin_prepositions: frozenset[str] = frozenset()
    """Prepositions before where an impersonal saying came from ("aus beiden Hauptstädten")."""
    articles: frozenset[str] = frozenset()
    """Articles that may stand between an attribution word and the name ("so der Minister")."""
    as_words: frozenset[str] = frozenset()
    """Conjunctions of a subordinate clause that still names a speaker ("wie Scholz sagte", "as Biden said")."""
    stative: frozenset[str] = frozenset()
    """Auxiliaries that make a participle of a verb of saying a state ("wie er bekannt ist")."""
    opinion_auxiliaries: frozenset[str] = frozenset()
    """Auxiliaries that report an opinion held with the words listed for them under ``needs`` ("ist der
    Meinung", "ist überzeugt"), for speakers only, where the tagger's verbs leave auxiliaries out."""
    holder_nouns: frozenset[str] = frozenset()
    """Nouns of a speech act whose holder follows them ("der Vorwurf der CDU", "the words of the minister")."""
    holder_links: frozenset[str] = frozenset()
    """Words between such a noun and its holder ("of"); German needs none (the genitive)."""
    impersonal_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    """Nouns of speech said with "sein" and no speaker for subject, with the words one of which their
    clause holds ("war von einem „Dialog“ die Rede")."""
    before_from: dict[str, list[tuple[str, ...]]] = field(init=False, repr=False, compare=False)
    """``before`` by first word, longest first as in ``before``: ``attributed`` asks it for every word."""

    def __post_init__(self) -> None:
        self.before_from = {}
        for phrase in self.before:
            self.before_from.setdefault(phrase[0] if phrase else "", []).append(phrase)


@lru_cache(maxsize=4)
def lexicon(language: str) -> SpeechLexicon:
    data = language_data("speech", language)
    verbs = {v.lower(): kind for kind, words in (data.get("verbs") or {}).items() for v in words or []}
    needs = {k.lower(): {w.lower() for w in v} for k, v in (data.get("needs") or {}).items()}
    attribution = data.get("attribution") or {}
    before = sorted((tuple(p.lower().split()) for p in attribution.get("before") or []), key=len, reverse=True)

    def words(key: str, within: dict | None = None) -> frozenset[str]:
        return word_set(data if within is None else within, key)

    return SpeechLexicon(verbs, needs, before, set(words("after", attribution)), words("subjunctive"),
                         words("inverting"), words("impersonal"), words("after_quote", attribution),
                         tuple(w.lower() for w in data.get("joint") or []),
                         tuple(w.lower() for w in data.get("institutions") or []),
                         words("speaking"), words("citing"), words("needs_next"),
                         frozenset(str(t) for t in data.get("needs_next_free_tags") or []),
                         words("joiners"), words("impersonal_pronouns"), words("place_prepositions"),
                         words("origin_prepositions"), words("articles"), words("as_words"),
                         words("stative_auxiliaries"), words("opinion_auxiliaries"),
                         words("holder_nouns", attribution), words("holder_links", attribution),
                         {str(k).lower(): frozenset(str(w).lower() for w in v or [])
                          for k, v in (data.get("impersonal_nouns") or {}).items()})


def speech_verb(clause: Clause, sentence: Sentence, lex: SpeechLexicon, language: str,
                speaking: bool = False) -> tuple[int, str] | None:
    """The first verb of saying in the clause and the kind of position it reports; with ``speaking``
    also the verbs that only name who speaks (kind "statement")."""
    tokens = sentence.tokens
    words = {t.text.lower() for t in tokens[clause.first: clause.last + 1]}
    particles = [t.text.lower() for t in tokens[clause.first: clause.last + 1] if t.pos == "PTKVZ"]
    after = past_quote(tokens, clause.last + 1)
    if after is not None and (tokens[after].pos == "PTKVZ" or (
            tokens[after].text.isalpha() and tokens[after].text.islower() and len(tokens[after].text) <= 7
            and (after + 1 == len(tokens) or tokens[after + 1].text in (".", ",", "!", "?", ";")))):
        particles.append(tokens[after].text.lower())  # "kündigte „Gegenmaßnahmen“ an"
    for i in range(clause.first, clause.last + 1):
        tok = tokens[i]
        if not is_verb(tok, language) and not (speaking and tok.lemma.lower() in lex.opinion_auxiliaries
                                               and is_finite(tok, language)):
            continue
        if tok.pos == "VVG" and i > 0 and tokens[i - 1].pos.startswith("NN"):
            continue  # "a draft resolution condemning ...": the noun's attribute, nobody speaking
        if tok.pos in PARTICIPLE_TAGS and any(t.lemma.lower() in lex.stative and is_finite(t, language)
                                              for t in tokens[clause.first: clause.last + 1]):
            continue  # "wie der Verband bekannt ist": a state, nobody speaking
        lemma = tok.lemma.lower()
        candidates = [p + lemma for p in particles] + [lemma] if is_finite(tok, language) else [lemma]
        for cand in candidates:
            kind = lex.verbs.get(cand) or ("statement" if speaking and (cand in lex.speaking or cand in lex.citing)
                                           else None)
            if not kind:
                continue
            need = lex.needs.get(cand)
            if need and not (need & words) and not ({"dar" + w for w in need} & words):
                continue  # "beharrt darauf" as well as "beharrt auf"
            if cand in lex.needs_next and need and i + 1 < len(tokens) \
                    and tokens[i + 1].text.lower() not in need and tok.pos not in lex.needs_next_free_tags:
                continue  # "to call the police" reports nothing: "call" needs its word right after it
            return i, kind
    return None


def past_quote(tokens: list, i: int) -> int | None:
    """The token after a quotation that opens at ``i``, if one does."""
    if i >= len(tokens) or tokens[i].text not in ("„", '"', "“", "»", "«"):
        return None
    for k in range(i + 1, len(tokens) - 1):
        if tokens[k].text in ("“", '"', "”", "«", "»"):
            return k + 1
    return None


def subjunctive_form(tok, lex: SpeechLexicon, sentence: Sentence) -> bool:
    """A finite verb in the subjunctive: listed, or Konjunktiv I formed regularly ("lehne", "gehe")."""
    low, lemma = tok.text.lower(), tok.lemma.lower()
    if low in lex.subjunctive:
        return True
    first_person = any(t.text.lower() == "ich" for t in sentence.tokens)
    return lemma.endswith("en") and low == lemma[:-2] + "e" and not first_person


@lru_cache(maxsize=1)
def back_references() -> frozenset[tuple[str, ...]]:
    """Words that open a sentence pointing back at the quote before it ('Das sagte Scholz.', 'That was
    how …', 'Mit diesen Worten reagierte …'), each as its lower-cased words."""
    words: set[tuple[str, ...]] = set()
    for name in ("speech_de", "speech_en"):
        words.update(tuple(str(w).lower().split()) for w in load_data(name).get("back_reference") or [])
    return frozenset(words)


def pointing_back(sentence: Sentence) -> int:
    """How many words of a back reference open the sentence (0: none)."""
    words = [t.text.lower() for t in sentence.tokens[:MAX_BACK_REFERENCE]]
    return max((len(p) for p in back_references() if tuple(words[:len(p)]) == p), default=0)


MAX_BACK_REFERENCE = 4
"""Words a back reference has at most."""


Named = TypeVar("Named")  # an Entity or a Mention: anything named with .first and .last token indexes


@dataclass(frozen=True)
class Attribution:
    """What an attribution phrase may stand on in one sentence, as a reading sees it."""

    words: list[str]
    mask: list[bool]
    closes_quote: Callable[[int], bool]
    """Whether the word at an index ends a quotation ("„…“, so X")."""
    articles: frozenset[str] = frozenset()
    """Words that may stand between "so" and the name ("so die Ministerin")."""


def attributed(at: Attribution, lex: SpeechLexicon, named: Sequence[Named]) -> Named | None:
    """The one named by an attribution phrase: "laut X", "nach Angaben von X" (lex.before),
    "„…“, so X" and a sentence "So X." after a quote (lex.after_quote), "X zufolge" (lex.after),
    "according to X"."""
    words = at.words
    for i in range(len(words)):
        if at.mask[i]:
            continue
        for phrase in lex.before_from.get(words[i], []) + lex.before_from.get("", []):
            if tuple(words[i:i + len(phrase)]) == phrase:
                after = [n for n in named if i + len(phrase) <= n.first <= i + len(phrase) + 3]
                if after:
                    return after[0]
        if words[i] in lex.after_quote and (i == 0 or at.closes_quote(i - 1)):  # also "„…“ So Müller."
            right = [n for n in named
                     if n.first == i + 1 or (n.first == i + 2 and words[i + 1] in at.articles)]
            if right:
                return right[0]
        if words[i] in lex.after:
            before = [n for n in named if i - 2 <= n.last < i]
            if before:
                return before[-1]
    return None
