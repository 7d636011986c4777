"""The stages of statement finding for one clause, in the gazetteer's terms.

``read_clause`` lists them in order:

1. ``find_speech_act``: the clause's verb of saying (``speech.speech_verb``) and finite verb;
2. ``find_speaker``: who the verb's subject is (the passive's agent, the subject by word order, the
   place an impersonal "hieß es" comes from, the capital "man" stands in); a clause without a verb
   may name a topic that the next clause opening with its verb shares;
3. ``resolve_speaker``: which party that subject stands for (pronouns and bare roles resolved by the
   ``Tracker``, an unnamed spokesman of the state just named, "both sides");
4. ``record``: the statement, and who a later pronoun means.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from functools import lru_cache

from ...data import language_data
from ..actors.actors import Entity
from ..actors.gazetteer import gazetteer
from ..clauses import Clause, finite_verb, subject
from ..context import SentenceContext
from .joint import joint_parties
from .speakers import Said
from .speech import speech_verb, subjunctive_form
from .state import Reading, Statement, Turn

log = logging.getLogger(__name__)


@dataclass
class Act:
    """One clause read for speech: its verb of saying (token, kind) and finite verb, and its speaker."""

    clause: Clause
    verb: tuple[int, str] | None
    fin: int | None
    subject: Entity | None = None
    resolved: Entity | None = None
    together: list[str] | None = None
    """The parties of a joint subject of the sentence before ("Beide Regierungen erklärten")."""
    impersonal: bool = False
    """The speaker is a place an impersonal "hieß es", "man" stands for, not a person named."""


def read_clause(ctx: SentenceContext, clause: Clause, turn: Turn, reading: Reading) -> None:
    """The stages for one clause, in order."""
    act = find_speech_act(ctx, clause, turn, reading)
    if act.verb is None and act.fin is None:
        note_topic(ctx, act, turn, reading)
        return
    act.subject = find_speaker(ctx, act, turn, reading)
    joint = spoken_from_places(ctx, act, reading)
    if joint is not None:
        turn.speech.statements.append(joint)
        turn.spoken = True
        return
    resolve_speaker(ctx, act, turn, reading)
    record(ctx, act, turn, reading)


def find_speech_act(ctx: SentenceContext, clause: Clause, turn: Turn, reading: Reading) -> Act:
    """Stage 1: the clause's verb of saying and its finite verb."""
    verb = speech_verb(clause, ctx.sentence, reading.lex, ctx.language)
    fin = finite_verb(clause, ctx.sentence, ctx.language)
    if verb is not None and not clause.subordinate and (fin is None or not _subjunctive(ctx, fin, reading)):
        turn.has_verb = True  # "Die Außenministerin betonte, ...": a speaker of its own (even if unknown)
    return Act(clause, verb, fin)


def find_speaker(ctx: SentenceContext, act: Act, turn: Turn, reading: Reading) -> Entity | None:
    """Stage 2: the subject of the clause's verb (of saying, else its finite verb)."""
    clause, verb, tokens = act.clause, act.verb, ctx.sentence.tokens
    subj = _agent(ctx, act, reading) if verb else None
    subj = subj or subject(clause, verb[0] if verb else act.fin, ctx.sentence, ctx.entities, ctx.language,
                           inverted=_may_invert(ctx, act, turn, reading))
    if verb and subj is None and tokens[verb[0]].lemma.lower() in reading.lex.impersonal:
        # "Aus dem Kreml hieß es": the place it came from speaks
        act.impersonal = True
        subj = next((e for e in ctx.entities if clause.first <= e.first <= clause.last), None)
    if verb and subj is None and any(ctx.word(i) in reading.lex.impersonal_pronouns
                                     for i in range(clause.first, clause.last + 1)):
        # "In Paris hätte man sich ... gewünscht": "man" in a capital speaks for its state
        act.impersonal = True
        subj = next((e for e in ctx.entities if clause.first < e.first <= clause.last and e.kind == "name"
                     and ctx.word(e.first - 1) in reading.lex.place_prepositions), None)
    return subj


def _may_invert(ctx: SentenceContext, act: Act, turn: Turn, reading: Reading) -> bool:
    """May the subject follow the verb? Not a participle's object ("..., accusing Russia of violations");
    in subject-first languages only after the verbs of saying that invert ("said the official"), and
    not in a clause opening with its verb after a subject ("The White House, for its part, said ...")."""
    if not act.verb:
        return False
    tok = ctx.sentence.tokens[act.verb[0]]
    if tok.pos in ("VVG", "VVN"):
        return False
    if not reading.grammar.subject_first:
        return True
    if turn.previous_subject is not None and _verb_first(ctx, act.clause):
        return False
    return tok.lemma.lower() in reading.lex.inverting


def _agent(ctx: SentenceContext, act: Act, reading: Reading) -> Entity | None:
    """The agent of a passive ("wurde von Moskau zurückgewiesen", "was rejected by Washington")."""
    tokens, clause = ctx.sentence.tokens, act.clause
    if act.verb is None or tokens[act.verb[0]].pos not in ("VV(PP)", "VVN"):
        return None
    g = reading.grammar
    if not any(t.lemma.lower() in g.passive_auxiliaries for t in tokens[clause.first: clause.last + 1]):
        return None
    return next((e for e in ctx.entities if clause.first < e.first <= clause.last
                 and ctx.word(e.first - 1) in g.agent_prepositions), None)


def spoken_from_places(ctx: SentenceContext, act: Act, reading: Reading) -> Statement | None:
    """"Berlin und Washington zögern. ..., heißt es aus beiden Hauptstädten": an impersonal saying
    from places no party is known for is the joint subject's of the sentence just before."""
    tracker, verb, clause = reading.tracker, act.verb, act.clause
    if not verb or ctx.sentence.tokens[verb[0]].lemma.lower() not in reading.lex.impersonal:
        return None
    before = tracker.prior
    if tracker.resolve(act.subject) is not None or before is None or ctx.sentence.index - before[0] != 1 \
            or before[1] != ctx.sentence.paragraph \
            or not any(ctx.word(i) in reading.lex.origin_prepositions for i in range(clause.first, clause.last + 1)):
        return None
    return Statement(ctx.n, list(before[3]), before[2].person, verb[1], clause.first, clause.last, "verb")


def resolve_speaker(ctx: SentenceContext, act: Act, turn: Turn, reading: Reading) -> None:
    """Stage 3: the party the clause's subject stands for (``act.resolved``), in order of preference:
    the subject itself or who it points back to, the subject of the clause before, the dateline's
    state, the joint subject of the sentence before, the state the sentence before was about."""
    tracker, subj, clause = reading.tracker, act.subject, act.clause
    resolved = _home_body(tracker.resolve(subj), tracker.home, ctx.language)
    if resolved is None and subj is None and act.fin is not None and not clause.subordinate \
            and turn.previous_subject is not None and _verb_first(ctx, clause):
        resolved = turn.previous_subject  # "..., weist Kritik zurück und wirft ... vor"
    if act.verb and resolved is None and subj is not None and subj.kind == "role" and not subj.role_word_definite \
            and turn.previous_subject is not None:
        resolved = turn.previous_subject  # "Beijing urged restraint, a foreign ministry spokesman said"
    if resolved is None and subj is not None:
        resolved = tracker.at_home(subj)
    act.together = tracker.together(ctx.sentence, subj, reading.lex) if act.verb and resolved is None else None
    if act.together:
        # "Berlin und Paris legten einen Plan vor. Beide Regierungen erklärten, ...": all of them
        resolved = replace(subj, party=act.together[0], kind="office") if subj else None
    if act.verb and resolved is None and subj is not None and subj.kind == "role" and not subj.party and (
            not subj.role_word_definite or (subj.role_word or "").endswith(reading.lex.institutions)):
        # "Peking reagierte zurückhaltend. Eine Sprecherin des Außenministeriums erklärte, ...",
        # "Tokyo protested. The foreign ministry said ...": the state the sentence before was about
        resolved = tracker.previous_subject(ctx.sentence, subj)
    act.resolved = resolved


def _home_body(e: Entity | None, home: str | None, language: str) -> Entity | None:
    """A body whose name many states give theirs ("Foreign Office" is London's and Islamabad's) speaks
    for the dateline's state in a report from its capital ("ISLAMABAD - Foreign Office spokesman ...")."""
    if e is None or not home or e.party == home:
        return e
    text = f' {" ".join(e.text.lower().split())} '
    body = next((b for b in _home_bodies(language) if f" {b} " in text), None)
    if body is None or _names_a_state(text.replace(f" {body} ", " "), language):
        return e  # "a British Foreign Office spokesman" is London's wherever he speaks
    return replace(e, party=home, parties=[home])


def _names_a_state(text: str, language: str) -> bool:
    g = gazetteer(language)
    return any((g.lookup(w) or g.adjective(w)) for w in text.split())


@lru_cache(maxsize=4)
def _home_bodies(language: str) -> tuple[str, ...]:
    return tuple(str(b).lower() for b in language_data("actors", language).get("home_bodies") or [])


def record(ctx: SentenceContext, act: Act, turn: Turn, reading: Reading) -> None:
    """Stage 4: the clause's statement, the sentence's subject, and who "er"/"he" means next."""
    tracker, resolved, subj, clause = reading.tracker, act.resolved, act.subject, act.clause
    if act.verb and resolved and resolved.party and (not clause.subordinate or clause.opener in reading.lex.as_words):
        parties = act.together or joint_parties(ctx, resolved, subj, reading.lex)
        tracker.last_subject = resolved  # the speaker is who "er"/"he" means next
        turn.spoken = turn.spoken or not clause.subordinate
        turn.speech.statements.append(Statement(ctx.n, parties, resolved.person or speaker_name(resolved),
                                                act.verb[1], clause.first, clause.last,
                                                "attribution" if clause.subordinate else "verb",
                                                None if act.impersonal else _said_in(turn, clause),
                                                _named(act, turn)))
    if resolved is None and subj is not None and subj.kind in ("person", "role") and not clause.subordinate:
        tracker.last_subject = None  # someone of no known party: "he" is not an earlier speaker
    if resolved and resolved.party and not clause.subordinate and resolved.kind != "pronoun":
        _note_subject(ctx, act, turn, reading)


def _note_subject(ctx: SentenceContext, act: Act, turn: Turn, reading: Reading) -> None:
    """A main clause's subject of a known party: the sentence's subject, its introducer, and (unless
    it is the subject of reported speech) who a later pronoun means."""
    resolved = act.resolved
    if turn.speech.subject is None:
        turn.speech.subject = resolved
        turn.subject_parties = joint_parties(ctx, resolved, act.subject, reading.lex)
    subjunctive = act.fin is not None and _subjunctive(ctx, act.fin, reading)
    if turn.introducer is None and act.fin is not None and not subjunctive:
        turn.introducer = (resolved, act.clause.last)
    turn.previous_subject = resolved
    if not (turn.spoken and not act.verb) and not (not act.verb and subjunctive):
        # "Stoltenberg erklärte, Stockholm habe ...", "China bleibe ein Partner, schrieb er": the
        # subject of reported speech is not who "er" means next
        reading.tracker.last_subject = resolved


def note_topic(ctx: SentenceContext, act: Act, turn: Turn, reading: Reading) -> None:
    """A clause without a verb opening the sentence with one name: the topic the next clause opening
    with its verb shares ("Beijing, for its part, has rejected ...", "Mao Ning, Sprecherin des
    chinesischen Außenministeriums, ...", "The EU's foreign policy chief, Josep Borrell, said")."""
    if turn.previous_subject is not None:
        return
    clause = act.clause
    alone = [e for e in ctx.entities if clause.first <= e.first and e.last <= clause.last and e.free]
    with_party = [e for e in alone if e.party]
    opens = bool(alone) and (alone[0].first == clause.first or _apposed(ctx, clause.first, alone[0]))
    if len(alone) == 1 and opens:
        pending = reading.tracker.resolve(alone[0])
        turn.previous_subject = pending if pending and pending.party else None
    elif opens and with_party and len({e.party for e in with_party}) == 1:
        # an apposition names one speaker
        turn.previous_subject = next((e for e in with_party if e.kind == "person"), with_party[0])


def _named(act: Act, turn: Turn) -> bool:
    """The speaker's party is the clause's own subject's, or a subject's named earlier in the sentence."""
    resolved = act.resolved
    return resolved is not None and (resolved is act.subject or resolved is turn.previous_subject)


def _said_in(turn: Turn, clause: Clause) -> Said | None:
    """The speaker as the article names them in the clause (not one continued from before)."""
    return next((s for s in turn.speech.said if s.first <= clause.last and clause.first <= s.last
                 and s.via != "continued"), None)


def _apposed(ctx: SentenceContext, first: int, e: Entity) -> bool:
    """Only a capitalised name and a comma stand between the clause's start and the entity."""
    between = ctx.sentence.tokens[first:e.first]
    if len(between) < 2 or between[-1].text != "," or len(between) > 5:
        return False
    return all(t.text[:1].isupper() for t in between[:-1])


def _verb_first(ctx: SentenceContext, clause: Clause) -> bool:
    """A clause that starts with its verb (after "und"/"and", an adverb) shares the subject before it."""
    for tok in ctx.sentence.tokens[clause.first: clause.last + 1]:
        if tok.pos.startswith("V"):
            return True
        if tok.pos not in ("KON", "CJC", "ADV", "AV0", "XX0", "PTKNEG"):
            return False
    return False


def _subjunctive(ctx: SentenceContext, i: int, reading: Reading) -> bool:
    return subjunctive_form(ctx.sentence.tokens[i], reading.lex, ctx.sentence)


def speaker_name(e: Entity) -> str | None:
    return e.text if e.kind in ("person", "office") else None
