"""Statements of a whole sentence, when no clause has a verb of saying with a known speaker.

Tried in order by ``statements.read_sentence`` until one gives a statement:

- ``by_attribution``: an attribution phrase ("laut X", "X zufolge", "„…“, so X", "according to X");
- ``by_introducer``: a verb of saying not in the lexicon before reported speech ("Washington
  monierte, der Text verurteile die Hamas nicht");
- ``by_continuation``: reported speech without a speaker of its own continues the last statement;
- ``by_quote_subject``: a quote whose sentence's subject has no verb of saying ("X hat als Losung
  „…“ ausgegeben").
"""

from __future__ import annotations

import logging

from ..actors.actors import Entity
from ..clauses import finite_verb, is_finite, masked_runs, subject
from ..context import SentenceContext
from .acts import speaker_name
from .quoted import MARKS, QuotedSpan, is_said, quote_lexicon
from .speakers import subject_of
from .speech import Attribution, attributed, subjunctive_form
from .state import Reading, Statement, Turn

log = logging.getLogger(__name__)

CONTINUATION_WINDOW = 2
"""A subjunctive sentence continues a statement at most this many sentences back."""
CLOSING_MARKS = frozenset({",", "“", '"', "”", "»", "«"})
SPOKEN = frozenset({"verb"})
"""How a speaker named in the sentence itself is found (``Said.via``)."""


def whole(ctx: SentenceContext, kind: str, via: str) -> tuple[str, int, int, str]:
    """(kind, first, last, via) of a statement over the whole sentence."""
    return kind, 0, len(ctx.sentence.tokens) - 1, via


def by_attribution(ctx: SentenceContext, turn: Turn, reading: Reading) -> Statement | None:
    by = _attribution(ctx, reading)
    resolved = reading.tracker.resolve(by)
    if not (resolved and resolved.party):
        return None
    named = next((s for s in turn.speech.said if s.via == "attribution"), None)
    return Statement(ctx.n, [resolved.party], resolved.person or speaker_name(resolved),
                     *whole(ctx, "statement", "attribution"), named, resolved is by)


def by_introducer(ctx: SentenceContext, turn: Turn, reading: Reading) -> Statement | None:
    """The reported speech after the first main clause is its subject's."""
    if turn.has_verb or turn.introducer is None or not _reported_after(ctx, turn.introducer[1], reading):
        return None
    who = turn.introducer[0]
    reading.tracker.last_subject = who
    return Statement(ctx.n, [who.party or ""], who.person or speaker_name(who), *whole(ctx, "statement", "verb"),
                     subject_of(ctx), True)


def by_continuation(ctx: SentenceContext, turn: Turn, reading: Reading) -> Statement | None:
    tracker = reading.tracker
    last = tracker.last_statement
    if turn.has_verb or last is None or ctx.n - last.sentence > CONTINUATION_WINDOW or not subjunctive(ctx, reading):
        return None
    if turn.speaker_before is not None:
        # the subject of reported speech is not who "er" means next: the speaker still is
        tracker.last_subject = turn.speaker_before
    return Statement(ctx.n, list(last.parties), last.speaker, *whole(ctx, "statement", "subjunctive"), last.said)


def by_quote_subject(ctx: SentenceContext, turn: Turn, reading: Reading) -> Statement | None:
    """The subject is the sentence's fallback speaker for quotes; with a quote, it makes a statement,
    unless the sentence names its speaker otherwise ("…, the official said"): the quote is theirs."""
    subj, fb = _fallback(ctx, reading)
    named = any(s.via in SPOKEN for s in turn.speech.said)
    turn.speech.fallback = None if named else fb  # the quotes' speaker is the one named, not the subject
    if not any(ctx.mask) or all(ctx.mask[:-1]) or named or not _says_something(ctx):
        return None
    if fb is None or not fb.party:
        return _group_quote(ctx, turn, reading)
    return Statement(ctx.n, [fb.party], fb.person or speaker_name(fb), *whole(ctx, "statement", "quote"),
                     turn.speech.said_subject or subject_of(ctx), fb is subj)


def _group_quote(ctx: SentenceContext, turn: Turn, reading: Reading) -> Statement | None:
    """"They agreed that the situation has “gone on for far too long”" after "Trump and Putin spoke":
    a quote of "they" is the joint subject's named before."""
    they = next((e for e in ctx.entities if e.kind == "pronoun" and reading.tracker.together(
        ctx.sentence, e, reading.lex)), None)
    parties = reading.tracker.together(ctx.sentence, they, reading.lex) if they is not None else None
    if not parties:
        return None
    return Statement(ctx.n, parties, None, *whole(ctx, "statement", "quote"), turn.speech.said_subject, False)


def _says_something(ctx: SentenceContext) -> bool:
    """One quoted run of the sentence is something said, not a title or a name only ("The theme of
    the summit is “…”")."""
    lex = quote_lexicon(ctx.language)
    return any(is_said(span, lex) for span in _quoted_runs(ctx))


def _quoted_runs(ctx: SentenceContext):
    """The quoted runs that open in the sentence, each from its opening mark to its closing one."""
    tokens, mask = ctx.sentence.tokens, ctx.mask
    for k, end in masked_runs(mask):
        closed = end > k and tokens[end].text in MARKS
        inner = [t for t in tokens[k: end + 1] if t.text not in MARKS]
        yield QuotedSpan(ctx.sentence, mask, k, end if closed else None, inner)

WHOLE_SENTENCE = (by_attribution, by_introducer, by_continuation, by_quote_subject)


def subjunctive(ctx: SentenceContext, reading: Reading) -> bool:
    """A finite verb outside quotation marks in the subjunctive, in a language reporting speech so."""
    if not reading.grammar.reported_in_subjunctive:
        return False
    return any(not ctx.mask[i] and is_finite(tok, ctx.language) and subjunctive_form(tok, reading.lex, ctx.sentence)
               for i, tok in enumerate(ctx.sentence.tokens))


def _reported_after(ctx: SentenceContext, after: int, reading: Reading) -> bool:
    """A clause after token ``after`` in the subjunctive, not a relative clause: reported speech."""
    if not reading.grammar.reported_in_subjunctive:
        return False
    tokens = ctx.sentence.tokens
    for clause in ctx.clauses:
        if clause.first <= after or tokens[clause.first].pos in ("PRELS", "PRELAT"):
            continue
        fin = finite_verb(clause, ctx.sentence, ctx.language)
        if fin is not None and not ctx.mask[fin] and subjunctive_form(tokens[fin], reading.lex, ctx.sentence):
            return True
    return False


def _attribution(ctx: SentenceContext, reading: Reading) -> Entity | None:
    """"laut X", "nach Angaben aus X", "X zufolge", "according to X"; "„…“, so die Ministerin"."""
    words = [t.text.lower() for t in ctx.sentence.tokens]
    at = Attribution(words, ctx.mask, lambda k: words[k] in CLOSING_MARKS, frozenset(reading.lex.articles))
    return attributed(at, reading.lex, ctx.entities)


def _fallback(ctx: SentenceContext, reading: Reading) -> tuple[Entity | None, Entity | None]:
    """The subject of the first main clause with a finite verb and who it is, if it has a party."""
    for clause in ctx.clauses:
        if clause.subordinate:
            continue
        fin = finite_verb(clause, ctx.sentence, ctx.language)
        if fin is None:
            continue
        subj = subject(clause, fin, ctx.sentence, ctx.entities, ctx.language)
        resolved = reading.tracker.resolve(subj)
        if resolved and resolved.party:
            return subj, resolved
    return None, None
