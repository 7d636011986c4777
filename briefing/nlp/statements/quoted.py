"""Which quoted spans are quotes: words someone said, not a title, a name or a scare-quoted word.

Quotation marks in news hold more than speech: titles ("das Lied „Von Kopf bis Fuß“"), names
("die Raumfähre „Discovery“"), slogans ("unter dem Motto „…“"), terms ("die sogenannte „…“") and
scare-quoted words. The stages below read one quoted span in its sentence:

1. named: a title noun or a naming word governs it, or it is glued into a compound ("„Bild“-Zeitung")
   -> not a quote;
2. clause-like: it holds a finite verb among several words, or a full stop -> a quote;
3. framed: a short fragment counts only inside a speech frame (a verb or noun of saying, a colon
   before it, an attribution, reported speech in the subjunctive), and only when it is not a name
   made of proper nouns alone.

The lexicons are ``briefing/data/quotes_<language>.yaml`` plus the verbs of saying and the
attribution phrases of ``speech_<language>.yaml``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from ...data import language_data, lexicon_language
from ...model import Sentence, Token
from ..clauses import is_finite

log = logging.getLogger(__name__)

MARKS = frozenset({"„", "“", "”", '"', "»", "«"})
TERMINAL = frozenset({".", "!", "?", "…", "..."})
INFLECTIONS = ("s", "es", "n", "en", "e")
JOINERS = frozenset({"und", "oder", "sowie", "and", "or"})


@dataclass(frozen=True)
class QuoteLexicon:
    language: str
    title_nouns: tuple[str, ...]
    compounds: bool
    """German writes compounds as one word: a title noun may end a longer word ("Nachrichtenagentur")."""
    naming_before: tuple[tuple[str, ...], ...]
    naming_after: frozenset[str]
    naming_reflexive: frozenset[str]
    reflexive_pronouns: frozenset[str]
    enumeration: frozenset[str]
    speech_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    attribution: tuple[tuple[str, ...], ...]
    after_quote: frozenset[str]
    subjunctive: frozenset[str]
    long_quote_words: int
    name_tags: frozenset[str]
    function_tags: frozenset[str]
    article_tags: frozenset[str]
    judgement_tags: frozenset[str]
    """Articles, prepositions and the like, which a name in title case may hold in lower case."""
    title_case_tags: tuple[str, ...]
    proper_noun_tag: str
    source_before: tuple[tuple[str, ...], ...]
    subject_openers: frozenset[str]
    title_copulas: frozenset[str] = frozenset()
    """Copulas that make the quoted text the name a title noun after them names ("“…” is the theme")."""


def _words(items) -> tuple[str, ...]:
    return tuple(str(w).lower() for w in items or [])


@lru_cache(maxsize=4)
def quote_lexicon(language: str) -> QuoteLexicon:
    lang = lexicon_language("quotes", language)
    data, speech = language_data("quotes", lang), language_data("speech", lang)
    stance = {v for words in (speech.get("verbs") or {}).values() for v in _words(words)}
    attribution = speech.get("attribution") or {}
    phrases = _words(attribution.get("before")) + _words(attribution.get("after"))
    return QuoteLexicon(
        language=lang,
        title_nouns=_words(data.get("title_nouns")),
        compounds=bool(data.get("compounds")),
        naming_before=tuple(tuple(p.split()) for p in _words(data.get("naming_before"))),
        naming_after=frozenset(_words(data.get("naming_after"))),
        naming_reflexive=frozenset(_words(data.get("naming_reflexive"))),
        reflexive_pronouns=frozenset(_words(data.get("reflexive_pronouns"))),
        enumeration=frozenset(_words(data.get("enumeration"))),
        speech_verbs=frozenset(stance | set(_words(data.get("speech_verbs")))),
        speech_nouns=frozenset(_words(data.get("speech_nouns"))),
        attribution=tuple(tuple(p.split()) for p in phrases),
        after_quote=frozenset(_words(data.get("after_quote"))),
        subjunctive=frozenset(_words(speech.get("subjunctive"))),
        long_quote_words=int(data.get("long_quote_words") or 7),
        name_tags=frozenset(str(t) for t in data.get("name_tags") or []),
        function_tags=frozenset(str(t) for t in data.get("function_tags") or []),
        article_tags=frozenset(str(t) for t in data.get("article_tags") or []),
        judgement_tags=frozenset(str(t) for t in data.get("judgement_tags") or []),
        title_case_tags=tuple(str(t) for t in data.get("title_case_tags") or []),
        proper_noun_tag=str(data.get("proper_noun_tag") or ""),
        source_before=tuple(tuple(p.split()) for p in _words(data.get("source_before"))),
        subject_openers=frozenset(_words(data.get("subject_openers"))),
        title_copulas=frozenset(_words(data.get("title_copulas"))),
    )


@dataclass
class QuotedSpan:
    """One run of quoted text and the sentence it opens in."""

    sentence: Sentence
    mask: list[bool]
    """Which tokens of ``sentence`` stand inside quotation marks."""
    first: int
    """Token index of the opening mark in ``sentence``."""
    last: int | None
    """Token index of the closing mark in ``sentence``; None when the quote runs on into later sentences."""
    inner: list[Token]
    """The quoted tokens without the marks, over all the sentences the quote spans."""
    before_colon: bool = False
    """The sentence before ends with a colon and the quote opens this one ("Er sagte:" / "„…“")."""


def is_said(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """Is the quoted span something someone said?"""
    if _misread_closing(span) or _named(span, lex):
        return False
    if _headed_by_title(span, lex) or _title_after(span, lex) or _title_subject(span, lex):
        return False
    if _clause_like(span, lex):
        return True
    return _framed(span, lex) and not _name_like(span, lex) and not _as_party(span, lex)


def _headed_by_title(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """A name whose own first word is a title noun: "„Gesetz zur Änderung des Passgesetzes“"."""
    words = [t for t in span.inner if any(c.isalnum() for c in t.text)]
    return len(words) > 1 and _capitalised(span) and _title_noun(words[0].text.lower(), lex)


def _title_after(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """A name a copula then a title noun follow: "“…”, is the theme of the summit", "„…“ lautet das
    Motto"."""
    after = [t for t in _after(span) if t.text != "," and t.pos not in lex.article_tags]
    return len(after) >= 2 and after[0].text.lower() in lex.title_copulas \
        and _title_noun(after[1].text.lower(), lex) and _capitalised(span)


def _title_subject(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """A name a title noun as the clause's subject and a copula give: "The theme of the summit is
    “…”", "Das Motto des Gipfels lautet „…“"."""
    before = [t for t in _before(span) if t.text not in MARKS]
    if not before or before[-1].text.lower() not in lex.title_copulas:
        return False
    k = len(before) - 2
    while k > 0 and before[k - 1].text not in (",", ";", ":"):
        k -= 1
    opening = [t for t in before[k: -1] if t.pos not in lex.article_tags]
    return bool(opening) and _title_noun(opening[0].text.lower(), lex) and _capitalised(span)


def _misread_closing(span: QuotedSpan) -> bool:
    """A mark glued to the word before it closes a quote; read as an opening one (after a quote whose
    opening mark was lost), what follows is the narrator's text ("…Nachfrage“, sagte Chung.")."""
    tokens = span.sentence.tokens
    if span.first == 0 or tokens[span.first].text == "„":
        return False
    before = tokens[span.first - 1]
    return before.end == tokens[span.first].start and before.text[-1:].isalnum()


def _named(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """A title noun or naming word governs the span, or a hyphen glues it into a compound."""
    return _title_before(span, lex) or _naming_before(span, lex) or _naming_after(span, lex) \
        or _reflexive_naming(span, lex)


def _before(span: QuotedSpan) -> list[Token]:
    return span.sentence.tokens[: span.first]


def _after(span: QuotedSpan) -> list[Token]:
    return [] if span.last is None else span.sentence.tokens[span.last + 1:]


def _title_before(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """"das Lied „…“", "Lieder wie „…“, „…“ oder „…“": the nearest word before (past an enumeration of
    other quoted items) is a title noun."""
    tokens, k = span.sentence.tokens, span.first - 1
    while k >= 0 and (span.mask[k] or _enumerating(tokens, k, span, lex)):
        k -= 1
    return k >= 0 and _title_noun(tokens[k].text.lower(), lex) and _name_shaped(span, lex)


def _name_shaped(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """Shaped like a name: capitalised, or a few words with no article, preposition or predicative
    adjective ("„heise online“", "„tagesschau.de“"; not "das Gesetz „kein Hindernis für den …“",
    "nannte den Plan „verantwortungslos“")."""
    if _capitalised(span):
        return True
    words = [t for t in span.inner if any(c.isalnum() for c in t.text)]
    return 0 < len(words) <= 3 and not any(t.pos in lex.function_tags or t.pos in lex.judgement_tags
                                           for t in words)


def _enumerating(tokens: list[Token], k: int, span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """"wie", or a comma or "und" between two quoted items (not the comma of "die Antwort, „…“")."""
    word = tokens[k].text.lower()
    if word not in lex.enumeration:
        return False
    return word.isalpha() and word not in JOINERS or (k > 0 and span.mask[k - 1])


def _title_noun(word: str, lex: QuoteLexicon) -> bool:
    if word in lex.title_nouns:
        return True
    if not lex.compounds:
        return False
    # a compound ending in a title noun, inflected or not ("Nachrichtenagentur", "Wochenmagazines")
    stems = {word} | {word[: -len(e)] for e in INFLECTIONS if word.endswith(e)}
    return any(stem == n or (stem.endswith(n) and len(stem) - len(n) >= 3) for stem in stems for n in lex.title_nouns)


def _capitalised(span: QuotedSpan) -> bool:
    """Titles and names open with a capital or a digit ("das Gesetz „kein Hindernis“" is no title)."""
    words = [t.text for t in span.inner if any(c.isalnum() for c in t.text)]
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit())


def _naming_before(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    words = [t.text.lower() for t in _before(span)]
    return any(tuple(words[-len(p):]) == p for p in lex.naming_before if len(words) >= len(p))


def _naming_after(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    after = _after(span)
    if not after:
        return False
    glued = after[0].start == span.sentence.tokens[span.last].end and after[0].text.startswith("-")
    return glued or (after[0].text.lower() in lex.naming_after and _capitalised(span)
                     and not is_finite(after[0], lex.language))


def _reflexive_naming(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """"die sich selbst „…“ nennt", "nennt sich „…“", "calls itself “…”"."""
    tokens = span.sentence.tokens
    near = tokens[max(0, span.first - 5): span.first] + _after(span)[:2]
    return any(t.text.lower() in lex.reflexive_pronouns for t in near) \
        and any(t.lemma.lower() in lex.naming_reflexive for t in near)


def _clause_like(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """A sentence or clause of its own: a finite verb among several words, a full stop inside, or
    many words."""
    words = [t for t in span.inner if any(c.isalnum() for c in t.text)]
    if len(words) >= lex.long_quote_words or any(t.text in TERMINAL for t in span.inner[1:]):
        return True
    return len(words) > 1 and any(is_finite(t, lex.language) for t in span.inner)


def _framed(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """Said in a frame of speech: a colon before it, a verb or noun of saying, an attribution, or
    reported speech (German subjunctive) around it."""
    if span.before_colon:
        return True
    before = [t for t in _before(span) if t.text not in MARKS]
    if before and before[-1].text == ":":
        return True
    outside = [t for i, t in enumerate(span.sentence.tokens) if not span.mask[i]]
    words = [t.text.lower() for t in outside]
    lemmas = {t.lemma.lower() for t in outside}
    particles = [t.text.lower() for t in outside if t.pos == "PTKVZ" or _closing_particle(t, span)]
    verbs = lemmas | {p + lemma for p in particles for lemma in lemmas}
    if verbs & lex.speech_verbs or set(words) & lex.speech_nouns or lemmas & lex.speech_nouns:
        return True
    if any(w in lex.subjunctive for w, t in zip(words, outside) if is_finite(t, lex.language)):
        return True
    if any(tuple(words[i:i + len(p)]) == p for p in lex.attribution for i in range(len(words))):
        return True
    return _so_attribution(span, words, lex)


def _so_attribution(span: QuotedSpan, words: list[str], lex: QuoteLexicon) -> bool:
    """", so der Sprecher", ", so Castrup": a comma, the word, then an article or a name."""
    tokens = [t for i, t in enumerate(span.sentence.tokens) if not span.mask[i]]
    for k in range(1, len(tokens) - 1):
        if words[k] in lex.after_quote and words[k - 1] == "," and (
                tokens[k + 1].text[:1].isupper() or tokens[k + 1].pos in lex.article_tags):
            return True
    return False


def _closing_particle(tok: Token, span: QuotedSpan) -> bool:
    """A short lower-case word right before the full stop: a separable verb's particle the tagger
    may miss ("sicherte ihr „volle Unterstützung“ zu.")."""
    tokens = span.sentence.tokens
    k = next((i for i, t in enumerate(tokens) if t is tok), None)
    return k is not None and k + 1 < len(tokens) and tokens[k + 1].text in (".", "!", "?", ",", ";") \
        and tok.text.isalpha() and tok.text.islower() and len(tok.text) <= 5


def _name_like(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """A name: proper nouns, foreign words and numbers only ("„Xinhua“", "„Colombo Express“"), or words
    in title case with a capitalised word that is no common noun ("„Süddeutsche Zeitung“",
    "“Freedom Tower”"); a fragment of speech keeps its adjectives in lower case."""
    words = [t for t in span.inner if any(c.isalnum() for c in t.text)]
    if not _capitalised(span):
        return False
    if all(t.pos in lex.name_tags for t in words) and (len(words) > 1 or words[0].pos == lex.proper_noun_tag):
        return True  # (one foreign word alone, "„No-Go-Areas“", may well be said)
    content = [t for t in words if t.pos not in lex.function_tags]
    if not content or not all(t.text[:1].isupper() or t.text[:1].isdigit() for t in content):
        return False
    if not lex.compounds:
        return True  # English: title case is a name
    # German capitalises every noun: a capitalised adjective or foreign word marks a name, save the
    # first word of a sentence
    return any(t.pos.startswith(lex.title_case_tags) and t.text[:1].isupper() for k, t in enumerate(content)
               if k > 0 or span.first > 0)


def _as_party(span: QuotedSpan, lex: QuoteLexicon) -> bool:
    """A capitalised span in the place of a speaker or a source: the subject right before the finite
    verb ("Die „Troika“ forderte"), after "laut", "gegenüber der", "in einem Interview mit dem"."""
    if not _name_shaped(span, lex) or span.last is None:
        return False
    tokens = span.sentence.tokens
    before = [t.text.lower() for t in tokens[: span.first] if t.pos not in lex.function_tags]
    if any(tuple(before[-len(p):]) == p for p in lex.source_before if len(before) >= len(p)):
        return True
    if not _capitalised(span):
        return False
    opening = [t for t in tokens[: span.first] if t.pos not in lex.function_tags and t.text not in MARKS]
    after = [t for t in tokens[span.last + 1:] if t.text not in ("(", ")") and not t.text.isupper()]
    starts_clause = not opening or opening[-1].text in (",", ":", ";") \
        or opening[-1].text.lower() in lex.subject_openers
    return starts_clause and bool(after) and is_finite(after[0], lex.language)
