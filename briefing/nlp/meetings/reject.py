"""A rejecting stage: a meeting the earlier stages found whose every meeting word, where it stands, tells of no
meeting to come.

Each check stands for a class of language seen on news the rules were not tuned on (data/meeting_senses_*.yaml):
- a verb of meeting in another sense, by its object ("Maßnahmen treffen", "ein Gesetz unterzeichnen", "meet the
  deadline") or as an encounter ("Auf Deutschland trifft Ecuador");
- a meeting someone is ready for, asks for, offers or wonders about ("Bereitschaft, Gespräche zu führen", "ob und
  wann die Verhandlungen aufgenommen werden", "called for talks");
- a meeting denied or called off ("kein Treffen", "will not meet", "wurde abgesagt", "was postponed");
- a council named as a body, with no date and no verb of meeting ("Informationen aus dem Sicherheitsrat").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from ...data import language_data, word_set
from ..temporal.timex_lex import lexicon as tense_lexicon
from ..temporal.timex_tense import clause_tokens
from .context import SentenceContext, Span

log = logging.getLogger(__name__)

GOVERNOR_REACH = 4  # words before a meeting word that may make it wished for, offered or asked about
DENIAL_REACH = 3  # words before a verb of meeting a "nicht"/"not" may stand


@dataclass(frozen=True)
class Senses:
    objects: dict[str, frozenset[str]]
    encounter: dict[str, frozenset[str]]
    reflexive: frozenset[str]
    unreal: frozenset[str]
    infinitive_marks: frozenset[str]
    none_words: frozenset[str]
    not_words: frozenset[str]
    called_off: frozenset[str]
    councils: frozenset[str]


@cache
def senses(language: str) -> Senses:
    d = language_data("meeting_senses", language)
    by_verb = {key: {verb: frozenset(w.lower() for w in words) for verb, words in (d.get(key) or {}).items()}
               for key in ("objects", "encounter")}
    return Senses(by_verb["objects"], by_verb["encounter"], word_set(d, "reflexive"), word_set(d, "unreal"),
                  word_set(d, "infinitive_marks"), word_set(d, "none_words"), word_set(d, "not_words"),
                  word_set(d, "called_off"), word_set(d, "councils"))


def rejected(ctx: SentenceContext, span: Span) -> bool:
    """Whether no meeting word of ``span`` tells of a meeting to come, by the checks above."""
    sense = senses(ctx.gaz.language)
    return bool(span.named_by) and all(_void(ctx, span, i, sense) for i in span.named_by)


def _void(ctx: SentenceContext, span: Span, i: int, sense: Senses) -> bool:
    clause = _clause(ctx, i)
    # the governing words stand before the first meeting word of the clause ("Bereitschaft, Gespräche zu führen")
    lead = min(k for k in span.named_by if clause[0] <= k <= clause[1])
    return (_verb_sense(ctx, i, clause, sense) or any(_unreal(ctx, k, clause, sense) for k in {i, lead})
            or _denied(ctx, i, clause, sense) or _council(ctx, i, clause, sense))


def _clause(ctx: SentenceContext, i: int) -> tuple[int, int]:
    """The first and last token of the clause around token ``i`` (between punctuation breaks)."""
    breaks = frozenset(tense_lexicon(ctx.gaz.language)["tense"].get("clause_breaks") or [])
    tok = ctx.tokens[i]
    clause = clause_tokens(ctx.sentence, tok.start, tok.end, breaks)
    return ctx.tokens.index(clause[0]), ctx.tokens.index(clause[-1])


def _verb_lemmas(ctx: SentenceContext, k: int) -> list[str]:
    """The lemma of verb token ``k``, and with each separated particle of the sentence before it ("absagen")."""
    tok = ctx.tokens[k]
    if not tok.pos.startswith("V"):
        return []
    lemma = (tok.lemma or tok.text).lower()
    return [lemma, tok.text.lower(), *(p + lemma for p in ctx.particles())]


def _verb_sense(ctx: SentenceContext, i: int, clause: tuple[int, int], sense: Senses) -> bool:
    """"wurden Sicherheitsmaßnahmen getroffen", "hat ein Gesetz unterzeichnet", "Auf Deutschland trifft Ecuador"."""
    lemmas = _verb_lemmas(ctx, i)[:1]
    if not lemmas:
        return False
    words = ctx.words(*clause)
    objects = sense.objects.get(lemmas[0], frozenset())
    if any(w.endswith(o) for w in words for o in objects):
        return True
    return _encounter(ctx, i, clause, sense)


def _encounter(ctx: SentenceContext, i: int, clause: tuple[int, int], sense: Senses) -> bool:
    """"Im Finale trifft Frankreich auf Argentinien": the preposition before a name, no other verb between it and
    the verb, no "sich" and nobody met in the clause ("trifft auf Malta den Premierminister" meets him; "einen
    Zwischenstopp auf Island einlegen und dort ... treffen" stops there)."""
    encounter = sense.encounter.get(_verb_lemmas(ctx, i)[0], frozenset())
    if not encounter or any(w in sense.reflexive for w in ctx.words(*clause)):
        return False
    entities = [e for e in ctx.actors.entities if clause[0] <= e.first <= clause[1]]
    if any(e.kind in ("person", "office") and e.first > i for e in entities):
        return False
    named = {k for e in entities for k in range(e.first, e.last + 1)}
    for k in range(clause[0], clause[1] + 1):
        between = range(min(i, k) + 1, max(i, k))
        if ctx.tokens[k].text.lower() in encounter and _names_next(ctx, k, named) \
                and not any(ctx.tokens[j].pos.startswith("V") for j in between):
            return True
    return False


def _names_next(ctx: SentenceContext, k: int, named: set[int]) -> bool:
    """A name follows token ``k``, articles or adjectives between at most."""
    for j in range(k + 1, min(k + 4, len(ctx.tokens))):
        if j in named:
            return True
        if not ctx.tokens[j].pos.startswith(("ART", "AT0", "ADJ", "AJ")):
            return False
    return False


def _unreal(ctx: SentenceContext, i: int, clause: tuple[int, int], sense: Senses) -> bool:
    """A few words before the meeting word, in its clause or, for an infinitive clause, before it, make the
    meeting wished for, offered, asked for or asked about."""
    before = ctx.words(max(clause[0], i - GOVERNOR_REACH), i - 1)
    if any(w in sense.infinitive_marks for w in ctx.words(*clause)):
        # "erklärte seine Bereitschaft, am Mittwoch Gespräche zu führen": the word the infinitive clause follows
        before = [*ctx.words(max(0, clause[0] - GOVERNOR_REACH), clause[0] - 1), *before]
    text = " " + " ".join(before) + " "
    return any(f" {w} " in text for w in sense.unreal)


def _denied(ctx: SentenceContext, i: int, clause: tuple[int, int], sense: Senses) -> bool:
    """"kein Treffen", "no talks", "will not meet", "wurde abgesagt", "was postponed"."""
    k = i - 1
    while k >= 0 and ctx.tokens[k].pos.startswith(("ADJ", "AJ")):
        k -= 1
    if k >= 0 and ctx.tokens[k].text.lower() in sense.none_words:
        return True
    if ctx.tokens[i].pos.startswith("V") \
            and any(w in sense.not_words for w in ctx.words(max(clause[0], i - DENIAL_REACH), i - 1)):
        return True
    if any(w in sense.called_off for k in range(clause[0], clause[1] + 1) for w in _verb_lemmas(ctx, k)):
        return True
    words = " " + " ".join(ctx.words(*clause)) + " "
    return any(" " in w and f" {w} " in words for w in sense.called_off)


def _council(ctx: SentenceContext, i: int, clause: tuple[int, int], sense: Senses) -> bool:
    """The meeting word is a council's name, the sentence names no date and the clause no verb of meeting
    ("Im Jahr 2022 wird der Ministerrat in Hamburg stattfinden" sits)."""
    if ctx.tokens[i].text.lower().rsplit("-", 1)[-1] not in sense.councils:
        return False
    if any(t.type in ("DATE", "TIME") for t in ctx.timexes):
        return False
    # ("to be in London" counts as meeting only by the word after it: no verb of sitting)
    sits = ctx.lex.verbs - frozenset(ctx.lex.next_needs)
    return not any(w in sits for k in range(clause[0], clause[1] + 1) for w in _verb_lemmas(ctx, k))
