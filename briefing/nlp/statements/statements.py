"""Who says what: the statements of each sentence, stage by stage over one sentence context.

``find_statements`` reads a source sentence by sentence; ``read_sentence`` lists the stages:

1. the speakers as the article names them (``speakers.py``: phrases, pronouns, verbs of saying);
2. for each clause (``acts.py``): find the speech act, find its speaker, resolve the speaker's
   party, record the statement;
3. when no clause gave one, a statement of the whole sentence (``whole.py``: an attribution
   phrase, reported speech after an unlisted verb, reported speech continuing the last speaker,
   a quote of the sentence's subject);
4. each statement's share of the sentence. Each statement carries the speaker as the article
   names them (``Statement.said``), whose party its position takes (``positions.py``, which also
   tells a stance from an announcement or a heading repeating the lead).

Pronouns ("er", "seinerseits", "he") and bare roles ("der Minister", "the official") resolve to
the last fitting subject (``state.Tracker``); a sentence in the subjunctive without a speaker of
its own continues the last statement (German reported speech).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from ...model import Sentence
from ..actors.actors import ORGANISATIONS, SentenceActors
from ..actors.gazetteer import gazetteer
from ..actors.mentions import Discourse, Referent
from ..actors.names import name_lexicon
from ..clauses import clauses, dateline_end, grammar, quote_mask
from ..context import SentenceContext
from .acts import read_clause
from .speakers import Said, find_said, oblique, own_subject, read_mentions, subject_of
from .speech import lexicon
from .state import Reading, SentenceSpeech, Statement, Tracker, Turn
from .whole import CONTINUATION_WINDOW, WHOLE_SENTENCE, subjunctive

log = logging.getLogger(__name__)

__all__ = ["SentenceSpeech", "Statement", "find_statements", "lexicon"]


def find_statements(sentences: list[Sentence], actors: list[SentenceActors], language: str
                    ) -> tuple[list[SentenceSpeech], list[list[bool]]]:
    """The statements and speakers of each sentence, and which tokens stand in quotation marks."""
    masks = quote_mask(sentences, language)
    plural = frozenset(w for w, g in name_lexicon(language).pronouns.items() if g == "pl")
    reading = Reading(language, lexicon(language), grammar(language), Discourse(language),
                      Tracker(home=_home(sentences, actors, language), home_roles=gazetteer(language).home_roles,
                              plural_words=plural))
    reading.body = _first_body_sentence(sentences)
    out = []
    for n, (sentence, found, mask) in enumerate(zip(sentences, actors, masks)):
        out.append(read_sentence(sentence_context(n, sentence, found, mask, reading), reading))
    return out, masks


def sentence_context(n: int, sentence: Sentence, found: SentenceActors, mask: list[bool], reading: Reading
                     ) -> SentenceContext:
    """The sentence with its entities outside quotation marks and its clauses, after a dateline
    ("Genf/Brüssel - ") in the first sentence of the body."""
    skip = dateline_end(sentence) if n == reading.body else 0
    entities = [e for e in found.entities if not any(mask[e.first:e.last + 1]) and e.first >= skip]
    parts = [c for c in clauses(sentence, mask, entities) if c.last >= skip]
    if parts and parts[0].first < skip:
        parts[0].first = skip
    return SentenceContext(n, sentence, reading.language, mask, parts, entities)


def read_sentence(ctx: SentenceContext, reading: Reading) -> SentenceSpeech:
    """The stages for one sentence, in order."""
    speech = SentenceSpeech()
    turn = Turn(speech, speaker_before=reading.tracker.last_subject)
    reading.last_said = speakers_as_named(ctx, speech, reading)
    for clause in ctx.clauses:
        read_clause(ctx, clause, turn, reading)
    for stage in WHOLE_SENTENCE:
        if speech.statements:
            break
        found = stage(ctx, turn, reading)
        if found is not None:
            speech.statements.append(found)
    if speech.statements:
        _spread(speech.statements, len(ctx.sentence.tokens))
        reading.tracker.last_statement = speech.statements[-1]
    _remember(ctx, turn, reading)
    return speech


def speakers_as_named(ctx: SentenceContext, speech: SentenceSpeech, reading: Reading) -> Said | None:
    """Who speaks in the sentence as the article names them (statements/speakers.py); returns the last
    speaker, whom a sentence in reported speech without a speaker of its own continues."""
    read_mentions(ctx, reading.discourse, reading.lex)
    speech.said = find_said(ctx, reading.lex, reading.discourse)
    reading.discourse.settle(ctx.n, _after_prepositions(ctx))
    last = reading.last_said
    subject_before, reading.subject_before = reading.subject_before, None
    if speech.said:
        return _continued_by(speech.said)
    if last is not None and ctx.n - last.sentence <= CONTINUATION_WINDOW and subjunctive(ctx, reading) \
            and not own_subject(ctx, reading.lex):
        speech.said = [replace(last, first=0, last=len(ctx.sentence.tokens) - 1, via="continued")]
        # reported speech goes on sentence by sentence: the window counts from the last sentence in it
        return replace(last, sentence=ctx.n)
    speech.said_subject = subject_of(ctx)
    reading.subject_before = (speech.said_subject, ctx.sentence.paragraph) if speech.said_subject else None
    told = _told_before(ctx, subject_before)
    return told if told is not None and (last is None or last.sentence < told.sentence) else last


def _told_before(ctx: SentenceContext, before: tuple[Said, int] | None) -> Said | None:
    """A sentence that opens with a quote and names nobody, after a sentence about a person in the same
    paragraph, is that person's (``speakers.quote_speaker``): reported speech after it goes on with them
    ("Sein Bruder war eingeweiht. „Er wünscht sich Ruhe.“ Der Rücktritt sei ein „natürlicher Vorgang“")."""
    if before is None or not ctx.mask or not ctx.mask[0]:
        return None
    said, paragraph = before
    if ctx.n - said.sentence != 1 or paragraph != ctx.sentence.paragraph or said.referent is None \
            or said.referent.kind != "person":
        return None
    return replace(said, sentence=ctx.n)


def _continued_by(said: list[Said]) -> Said:
    """Whom a later sentence in reported speech continues: the last speaker named, past a passive that
    names no agent ("Laut Polizei habe es eine Kontrolle gegeben, von der aus zu Straftaten aufgerufen
    worden sei. Dabei sei …" goes on with the police: the passive names nobody new)."""
    named = [s for s in said if s.referent is not None]
    if said[-1].via == "passive" and named:
        return named[-1]
    return said[-1]


def _after_prepositions(ctx: SentenceContext) -> list[Referent]:
    """Who the sentence names only after a preposition or in the accusative or dative ("kritisierte den
    Minister Jonas Brandt"): no subject, so not what a pronoun in the next sentence means first."""
    after, other = [], []
    for m in ctx.mentions:
        if m.referent is not None and m.phrase is not None:
            (other if m.phrase.free and not oblique(ctx, m) else after).append(m.referent)
    return [r for r in after if not any(r is o for o in other)]


def _spread(statements: list[Statement], n_tokens: int) -> None:
    """Give each statement its share of the sentence: all of it when one party speaks."""
    groups: list[Statement] = []
    for s in statements:
        if groups and groups[-1].parties == s.parties:
            groups[-1].last = s.last
            continue
        groups.append(s)
    statements[:] = groups
    for k, s in enumerate(statements):
        s.own_first = s.first
        s.first = 0 if k == 0 else s.first
        s.last = n_tokens - 1 if k == len(statements) - 1 else max(s.last, statements[k + 1].first - 1)
        if k + 1 < len(statements):
            s.last = statements[k + 1].first - 1


def _remember(ctx: SentenceContext, turn: Turn, reading: Reading) -> None:
    """What a later sentence may point back to: the office holders named, the subject and its parties."""
    tracker = reading.tracker
    tracker.history.extend(e for e in ctx.entities if e.party and e.kind in ("person", "office"))
    subj = turn.speech.subject
    if subj is not None and subj.party:
        tracker.prior = (ctx.sentence.index, ctx.sentence.paragraph, subj, turn.subject_parties)
        if len(set(turn.subject_parties)) >= 2:
            tracker.group = (ctx.sentence.index, list(turn.subject_parties))


def _home(sentences: list[Sentence], actors: list[SentenceActors], language: str) -> str | None:
    """The state whose capital the dateline names ("WASHINGTON - ", "Peking – "), if any."""
    n = _first_body_sentence(sentences)
    if n >= len(sentences):
        return None
    end = dateline_end(sentences[n])
    capitals = {v.lower(): k for k, v in gazetteer(language).capitals.items()}
    for e in actors[n].entities:
        if e.last < end and e.party and e.party not in ORGANISATIONS and len(e.parties) <= 1 \
                and capitals.get(e.text.lower()) == e.party:
            return e.party
    return None


def _first_body_sentence(sentences: list[Sentence]) -> int:
    """The first sentence that is not a heading (where a dateline "Genf/Brüssel - " stands)."""
    return next((n for n, s in enumerate(sentences) if not s.heading), 0)
