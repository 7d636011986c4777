"""Who says what: speech and stance verbs, attributions, reported speech, pronouns.

For each sentence this finds its statements (a party, the speaker, the kind, the token range of
the text) and a fallback speaker for quotes without a verb of their own. Pronouns
("er", "sie", "seinerseits", "he") and bare roles ("der Minister", "the official") resolve to the
last fitting subject; a sentence in the subjunctive without a speaker of its own continues the
last statement (German reported speech).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from ...model import Sentence
from ..actors.actors import ORGANISATIONS, Entity, SentenceActors
from ..actors.gazetteer import gazetteer
from ..actors.mentions import Discourse
from ..clauses import Clause, clauses, dateline_end, finite_verb, is_finite, quote_mask, subject
from ..context import SentenceContext
from .speakers import Said, find_said, read_mentions, subject_of
from .speech import SpeechLexicon, lexicon, speech_verb, subjunctive_form

log = logging.getLogger(__name__)

CONTINUATION_WINDOW = 2
JOINERS = frozenset({"und", "sowie", "and", ",", "als", "auch", "as", "well", "both", "sowohl"})
"""Words between the members of a joint subject ("Sowohl Blinken als auch Lawrow", "the U.S. as well as the EU")."""
"""A subjunctive sentence continues a statement at most this many sentences back."""


@dataclass
class Statement:
    sentence: int
    """0-based index into the source's sentences."""
    parties: list[str]
    speaker: str | None
    kind: str
    first: int
    last: int
    via: str = "verb"
    """verb | attribution | subjunctive | quote | subject"""


@dataclass
class Tracker:
    """What earlier sentences said: the last subject and the entities seen, for anaphora."""

    last_subject: Entity | None = None
    last_statement: Statement | None = None
    history: list[Entity] = field(default_factory=list)
    home: str | None = None
    """The state of the dateline's capital ("WASHINGTON - "), whose officials an unnamed official is."""
    home_roles: tuple[str, ...] = ()
    prior: tuple[int, int, Entity, list[str]] | None = None
    """(sentence, paragraph, subject, its parties) of the last sentence whose subject has a party."""

    def together(self, sentence: Sentence, subj: Entity | None, lex: SpeechLexicon) -> list[str] | None:
        """The joint subject of the sentence before, for "both sides", "die beiden Regierungen"."""
        if subj is None or subj.kind != "role" or subj.party or self.prior is None:
            return None
        n, paragraph, _, parties = self.prior
        low = " ".join(subj.text.lower().split())
        if paragraph != sentence.paragraph or sentence.index - n > 1 or len(parties) < 2 \
                or not any(low.startswith(w + " ") for w in lex.joint):
            return None
        return list(parties)

    def previous_subject(self, sentence: Sentence, role: Entity) -> Entity | None:
        """The party the sentence just before (same paragraph) was about, for "a spokeswoman" of no party."""
        if self.prior is None:
            return None
        n, _, e, _ = self.prior
        if sentence.index - n > 1 or not e.party:
            return None  # (a new paragraph may open with the spokeswoman of the state that closed the last)
        return replace(role, party=e.party, kind="office")

    def at_home(self, e: Entity | None) -> Entity | None:
        """An official of no named party in a report from a capital: that state's ("officials said")."""
        if e is None or e.kind != "role" or e.party or not self.home or not e.role_word \
                or not e.role_word.endswith(self.home_roles):
            return None
        return replace(e, party=self.home, kind="office")

    def resolve(self, e: Entity | None) -> Entity | None:
        if e is None:
            return None
        if e.kind == "pronoun":
            return self.last_subject
        if e.kind == "role" and e.party is None:
            if not e.role_word_definite:
                return None  # "a spokesman" introduces someone new
            new = _role_stem(e.role_word)
            fitting = [old for old in reversed(self.history) if old.party and old.role_word and new and (
                _role_stem(old.role_word).endswith(new) or new.endswith(_role_stem(old.role_word)))]
            # "der Minister" is a person named before, if there is one; else the office ("the official")
            named = [old for old in fitting if old.kind == "person"]
            return (named or fitting or [None])[0]
        return e if e.party else None


def _role_stem(word: str | None) -> str:
    """A role noun without its case or plural ending: "Präsidenten", "Ministers", "officials"."""
    low = (word or "").lower()
    for ending in ("en", "es", "n", "s"):
        if low.endswith(ending) and len(low) - len(ending) >= 5:
            return low[: -len(ending)]
    return low


@dataclass
class SentenceSpeech:
    statements: list[Statement] = field(default_factory=list)
    fallback: Entity | None = None
    """The sentence's speaker for quotes without a speech verb (subject or continued speaker)."""
    subject: Entity | None = None
    """The resolved subject of the first main clause (pronouns resolved), for meeting participants."""
    said: list[Said] = field(default_factory=list)
    """Every speaker of the sentence as the article names them, known to the gazetteer or not."""
    said_subject: Said | None = None
    """The sentence's subject, for a quote without a verb of saying (when ``said`` is empty)."""


def find_statements(sentences: list[Sentence], actors: list[SentenceActors], language: str
                    ) -> tuple[list[SentenceSpeech], list[list[bool]]]:
    lex = lexicon(language)
    masks = quote_mask(sentences, language)
    tracker = Tracker()
    tracker.home, tracker.home_roles = _home(sentences, actors, language), gazetteer(language).home_roles
    discourse = Discourse(language)
    last_said: Said | None = None
    out: list[SentenceSpeech] = []
    for n, (sentence, found, mask) in enumerate(zip(sentences, actors, masks)):
        speech = SentenceSpeech()
        entities = [e for e in found.entities if not any(mask[e.first:e.last + 1])]
        skip = dateline_end(sentence) if n == _first_body_sentence(sentences) else 0
        entities = [e for e in entities if e.first >= skip]
        parts = [c for c in clauses(sentence, mask, entities) if c.last >= skip]
        if parts and parts[0].first < skip:
            parts[0].first = skip
        ctx = SentenceContext(n, sentence, language, mask, parts, entities)
        last_said = _open_world(ctx, speech, discourse, lex, last_said)
        previous_subject: Entity | None = None
        speaker_before = tracker.last_subject
        introducer: tuple[Entity, int] | None = None
        subject_parties: list[str] = []
        """The first main clause's subject with an indicative verb, and where that clause ends."""
        has_verb = False
        spoken = False
        for clause in parts:
            subj = None
            verb = speech_verb(clause, sentence, lex, language)
            fin_tok = finite_verb(clause, sentence, language)
            if verb is not None and not clause.subordinate and (
                    fin_tok is None or not subjunctive_form(sentence.tokens[fin_tok], lex, sentence)):
                has_verb = True  # "Die Außenministerin betonte, ...": a speaker of its own (even if unknown)
            fin = finite_verb(clause, sentence, language)
            if fin is not None or verb is not None:
                # "..., accusing Russia of violations": a participle's object is no inverted subject
                inverted = bool(verb) and sentence.tokens[verb[0]].pos not in ("VVG", "VVN") and (
                    language != "en" or sentence.tokens[verb[0]].lemma.lower() in lex.inverting)
                if language == "en" and previous_subject is not None and _verb_first(sentence, clause):
                    inverted = False  # "The White House, for its part, said Russia ...": the subject came first
                subj = _agent(clause, verb[0], sentence, entities, language) if verb else None
                subj = subj or subject(clause, verb[0] if verb else fin, sentence, entities, language,
                                       inverted=inverted)
            elif previous_subject is None:
                alone = [e for e in entities if clause.first <= e.first and e.last <= clause.last and e.free]
                with_party = [e for e in alone if e.party]
                # "Mao Ning, Sprecherin des chinesischen Außenministeriums, ...": a name unknown to the
                # gazetteer, then its role in apposition
                opens = bool(alone) and (alone[0].first == clause.first or _apposed(sentence, clause.first, alone[0]))
                if len(alone) == 1 and opens:
                    pending = tracker.resolve(alone[0])  # "Beijing, for its part, has rejected ..."
                    previous_subject = pending if pending and pending.party else None
                elif opens and with_party and len({e.party for e in with_party}) == 1:
                    # "The EU's foreign policy chief, Josep Borrell, said ...": an apposition names one speaker
                    previous_subject = next((e for e in with_party if e.kind == "person"), with_party[0])
            if verb and subj is None and sentence.tokens[verb[0]].lemma.lower() in lex.impersonal:
                # "Aus dem Kreml hieß es": the place it came from speaks
                subj = next((e for e in entities if clause.first <= e.first <= clause.last), None)
                before = tracker.prior
                if tracker.resolve(subj) is None and before is not None and sentence.index - before[0] == 1 \
                        and any(t.text.lower() == "aus" for t in sentence.tokens[clause.first:clause.last + 1]) \
                        and before[1] == sentence.paragraph:
                    # "Berlin und Washington zögern. ..., heißt es aus beiden Hauptstädten": those just named
                    speech.statements.append(Statement(n, list(before[3]), before[2].person, verb[1], clause.first,
                                                       clause.last, "verb"))
                    spoken = True
                    continue
            if verb and subj is None and language != "en" \
                    and any(t.text.lower() == "man" for t in sentence.tokens[clause.first:clause.last + 1]):
                # "In Paris hätte man sich ... gewünscht": "man" in a capital speaks for its state
                subj = next((e for e in entities if clause.first < e.first <= clause.last and e.kind == "name"
                             and sentence.tokens[e.first - 1].text.lower() == "in"), None)
            resolved = tracker.resolve(subj)
            if resolved is None and subj is None and fin is not None and not clause.subordinate \
                    and previous_subject is not None and _verb_first(sentence, clause):
                resolved = previous_subject  # "..., weist Kritik zurück und wirft ... vor"
            if verb and resolved is None and subj is not None and subj.kind == "role" and not subj.role_word_definite \
                    and previous_subject is not None:
                resolved = previous_subject  # "Beijing urged restraint, a foreign ministry spokesman said"
            if resolved is None and subj is not None:
                resolved = tracker.at_home(subj)
            together = tracker.together(sentence, subj, lex) if verb and resolved is None else None
            if together:
                # "Berlin und Paris legten einen Plan vor. Beide Regierungen erklärten, ...": all of them
                resolved = replace(subj, party=together[0], kind="office") if subj else None
            if verb and resolved is None and subj is not None and subj.kind == "role" and not subj.party and (
                    not subj.role_word_definite or (subj.role_word or "").endswith(lex.institutions)):
                # "Peking reagierte zurückhaltend. Eine Sprecherin des Außenministeriums erklärte, ...",
                # "Tokyo protested. The foreign ministry said ...": the state the sentence before was about
                resolved = tracker.previous_subject(sentence, subj)
            if verb and resolved and resolved.party and (not clause.subordinate or clause.opener in ("wie", "as")):
                parties = together or _joint(resolved, subj, entities, sentence)
                tracker.last_subject = resolved  # the speaker is who "er"/"he" means next
                spoken = spoken or not clause.subordinate
                speech.statements.append(Statement(n, parties, resolved.person or _speaker_name(resolved),
                                                   verb[1], clause.first, clause.last,
                                                   "attribution" if clause.subordinate else "verb"))
            if resolved is None and subj is not None and subj.kind in ("person", "role") and not clause.subordinate:
                tracker.last_subject = None  # someone of no known party: "he" is not an earlier speaker
            if resolved and resolved.party and not clause.subordinate and resolved.kind != "pronoun":
                if speech.subject is None:
                    speech.subject = resolved
                    subject_parties = _joint(resolved, subj, entities, sentence)
                if introducer is None and fin is not None \
                        and not subjunctive_form(sentence.tokens[fin], lex, sentence):
                    introducer = (resolved, clause.last)
                previous_subject = resolved
                reported = not verb and fin is not None and subjunctive_form(sentence.tokens[fin], lex, sentence)
                if not (spoken and not verb) and not reported:
                    # "Stoltenberg erklärte, Stockholm habe ...", "China bleibe ein Partner, schrieb er": the
                    # subject of reported speech is not who "er" means next
                    tracker.last_subject = resolved
        if not speech.statements:
            by = _attribution(sentence, mask, entities, lex)
            resolved = tracker.resolve(by)
            if resolved and resolved.party:
                speech.statements.append(Statement(n, [resolved.party], resolved.person or _speaker_name(resolved),
                                                   "statement", 0, len(sentence.tokens) - 1, "attribution"))
        if not speech.statements and not has_verb and introducer is not None \
                and _reported_after(parts, introducer[1], sentence, mask, lex, language):
            # "Washington monierte, der Text verurteile die Hamas nicht": a verb of saying not in the
            # lexicon, but the reported speech after it is the main clause's subject's
            who = introducer[0]
            speech.statements.append(Statement(n, [who.party or ""], who.person or _speaker_name(who), "statement",
                                               0, len(sentence.tokens) - 1, "verb"))
            tracker.last_subject = who
        if not speech.statements and not has_verb and _subjunctive(sentence, mask, lex, language) \
                and tracker.last_statement \
                and n - tracker.last_statement.sentence <= CONTINUATION_WINDOW:
            last = tracker.last_statement
            speech.statements.append(Statement(n, list(last.parties), last.speaker, "statement", 0,
                                               len(sentence.tokens) - 1, "subjunctive"))
            if speaker_before is not None:
                # the subject of reported speech is not who "er" means next: the speaker still is
                tracker.last_subject = speaker_before
        if not speech.statements:
            speech.fallback = _fallback(parts, sentence, entities, tracker, language)
            fb = speech.fallback
            if fb is not None and fb.party and any(mask) and not all(mask[:-1]):
                # a quote with its speaker as subject but no verb of saying: "X hat als Losung „...“ ausgegeben"
                speech.statements.append(Statement(n, [fb.party], fb.person or _speaker_name(fb), "statement", 0,
                                                   len(sentence.tokens) - 1, "quote"))
        if speech.statements:
            _spread(speech.statements, parts, len(sentence.tokens))
            tracker.last_statement = speech.statements[-1]
        tracker.history.extend(e for e in entities if e.party and e.kind in ("person", "office"))
        if speech.subject is not None and speech.subject.party:
            tracker.prior = (sentence.index, sentence.paragraph, speech.subject, subject_parties)
        out.append(speech)
    return out, masks


def _open_world(ctx: SentenceContext, speech: SentenceSpeech, discourse: Discourse, lex: SpeechLexicon,
                last: Said | None) -> Said | None:
    """Who speaks in the sentence as the article names them (statements/speakers.py); returns the last
    speaker, whom a sentence in reported speech without a speaker of its own continues."""
    read_mentions(ctx, discourse, lex)
    speech.said = find_said(ctx, lex, discourse)
    if speech.said:
        return speech.said[-1]
    if last is not None and ctx.n - last.sentence <= CONTINUATION_WINDOW \
            and _subjunctive(ctx.sentence, ctx.mask, lex, ctx.language):
        speech.said = [replace(last, first=0, last=len(ctx.sentence.tokens) - 1, via="continued")]
        return last
    speech.said_subject = subject_of(ctx)
    return last


def _apposed(sentence: Sentence, first: int, e: Entity) -> bool:
    """Only a capitalised name and a comma stand between the clause's start and the entity."""
    between = sentence.tokens[first:e.first]
    if len(between) < 2 or between[-1].text != "," or len(between) > 5:
        return False
    return all(t.text[:1].isupper() for t in between[:-1])


def _reported_after(parts: list[Clause], after: int, sentence: Sentence, mask: list[bool], lex: SpeechLexicon,
                    language: str) -> bool:
    """A clause after token ``after`` in the subjunctive, not a relative clause: reported speech."""
    if language == "en":
        return False
    for clause in parts:
        if clause.first <= after or sentence.tokens[clause.first].pos in ("PRELS", "PRELAT"):
            continue
        fin = finite_verb(clause, sentence, language)
        if fin is not None and not mask[fin] and subjunctive_form(sentence.tokens[fin], lex, sentence):
            return True
    return False


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


def _agent(clause: Clause, verb: int, sentence: Sentence, entities: list[Entity], language: str) -> Entity | None:
    """The agent of a passive ("wurde von Moskau zurückgewiesen", "was rejected by Washington")."""
    tokens = sentence.tokens
    if tokens[verb].pos not in ("VV(PP)", "VVN"):
        return None
    aux = "werden" if language != "en" else "be"
    if not any(t.lemma.lower() == aux for t in tokens[clause.first: clause.last + 1]):
        return None
    by = "von" if language != "en" else "by"
    for e in entities:
        if clause.first < e.first <= clause.last and tokens[e.first - 1].text.lower() in (by, "vom"):
            return e
    return None


def _first_body_sentence(sentences: list[Sentence]) -> int:
    """The first sentence that is not a heading (where a dateline "Genf/Brüssel - " stands)."""
    return next((n for n, s in enumerate(sentences) if not s.heading), 0)


def _verb_first(sentence: Sentence, clause: Clause) -> bool:
    """A clause that starts with its verb (after "und"/"and", an adverb) shares the subject before it."""
    for tok in sentence.tokens[clause.first: clause.last + 1]:
        if tok.pos.startswith("V"):
            return True
        if tok.pos not in ("KON", "CJC", "ADV", "AV0", "XX0", "PTKNEG"):
            return False
    return False


def _speaker_name(e: Entity) -> str | None:
    return e.text if e.kind in ("person", "office") else None


def _attribution(sentence: Sentence, mask: list[bool], entities: list[Entity], lex: SpeechLexicon
                 ) -> Entity | None:
    """"laut X", "nach Angaben aus X", "X zufolge", "according to X"."""
    words = [t.text.lower() for t in sentence.tokens]
    for i in range(len(words)):
        if mask[i]:
            continue
        for phrase in lex.before:
            if tuple(words[i:i + len(phrase)]) == phrase:
                after = [e for e in entities if e.first >= i + len(phrase) and e.first <= i + len(phrase) + 3]
                if after:
                    return after[0]
        if words[i] in lex.after_quote and i > 0 and words[i - 1] in (",", "“", '"', "”", "»", "«"):
            right = [e for e in entities if e.first == i + 1 or (e.first == i + 2 and words[i + 1] in ("der", "die"))]
            if right:
                return right[0]
        if words[i] in lex.after:
            before = [e for e in entities if e.last < i and e.last >= i - 2]
            if before:
                return before[-1]
    return None


def _subjunctive(sentence: Sentence, mask: list[bool], lex: SpeechLexicon, language: str) -> bool:
    """A finite verb in the subjunctive: listed, or Konjunktiv I formed regularly ("lehne", "gehe")."""
    if language == "en":
        return False
    for i, tok in enumerate(sentence.tokens):
        if not mask[i] and is_finite(tok, language) and subjunctive_form(tok, lex, sentence):
            return True
    return False


def _joint(resolved: Entity, subj: Entity | None, entities: list[Entity], sentence: Sentence) -> list[str]:
    """"die USA und die EU": a coordinated subject speaks for all its members."""
    parties = [resolved.party] if resolved.party else []
    if subj is None or subj.kind == "pronoun":
        return parties
    first = subj.first
    seen_and = False
    for e in reversed(entities):
        # "Blinken and Lavrov met": the English subject is the entity next to the verb, the last member
        if e.last >= first or not e.party:
            continue
        between = [t.text.lower() for t in sentence.tokens[e.last + 1:first]]
        if between == [","] and not seen_and:
            break  # "Ukraine, Macron said, ...": a comma alone is no "and"
        seen_and = seen_and or any(w != "," for w in between)
        if between and all(w in JOINERS for w in between) and e.free:
            if e.party not in parties:
                parties.insert(0, e.party)
            first = e.first
        else:
            break
    last = subj.last
    for e in entities:
        if e.first <= last or not e.party:
            continue
        between = [t.text.lower() for t in sentence.tokens[last + 1:e.first]]
        if between and all(w in JOINERS for w in between) and e.free:
            if e.party not in parties:
                parties.append(e.party)
            last = e.last
        else:
            break
    return parties


def _spread(statements: list[Statement], parts: list[Clause], n_tokens: int) -> None:
    """Give each statement its share of the sentence: all of it when one party speaks."""
    groups: list[Statement] = []
    for s in statements:
        if groups and groups[-1].parties == s.parties:
            groups[-1].last = s.last
            continue
        groups.append(s)
    statements[:] = groups
    for k, s in enumerate(statements):
        s.first = 0 if k == 0 else s.first
        s.last = n_tokens - 1 if k == len(statements) - 1 else max(s.last, statements[k + 1].first - 1)
        if k + 1 < len(statements):
            s.last = statements[k + 1].first - 1


def _fallback(parts: list[Clause], sentence: Sentence, entities: list[Entity], tracker: Tracker,
              language: str) -> Entity | None:
    for clause in parts:
        if clause.subordinate:
            continue
        fin = finite_verb(clause, sentence, language)
        if fin is None:
            continue
        resolved = tracker.resolve(subject(clause, fin, sentence, entities, language))
        if resolved and resolved.party:
            return resolved
    return None
