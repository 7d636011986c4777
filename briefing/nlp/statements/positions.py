"""Positions: what each party demands, warns, rejects, denies, claims, proposes or states.

Each statement of a sentence gives its holders a position, save two kinds that are no stance:
an announcement of a date or a trip (it may be a meeting), and a sub-heading that repeats a
later sentence of the same party (the lead it sums up). Lexicons: ``data/positions_<lang>.yaml``.

The holders are those of the speaker as the article names them (``speakers.attribute``, the same
resolution a quote's speaker gets, so a quote and a position of one sentence agree): the
speaker's party, or the party of the subject it speaks for; a speaker nobody known is meant by
("Er forderte" with no man named before) gives no position.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from functools import lru_cache

from ...data import language_data, word_set
from ...model import Evidence, Position, Sentence, Token
from ..actors.names import PREPOSITION_TAGS
from ..clauses import dateline_end, grammar
from .speakers import attribute
from .speech import lexicon
from .statements import SentenceSpeech, Statement

log = logging.getLogger(__name__)

SOMEONE = frozenset({"person", "role", "body"})


@dataclass(frozen=True)
class PositionLexicon:
    announcement_verbs: frozenset[str]
    saying_verbs: frozenset[str]
    event_nouns: frozenset[str]
    travel_verbs: frozenset[str]
    negations: frozenset[str]
    heading_echo_share: float
    content_tags: tuple[str, ...]
    convening_verbs: frozenset[str] = frozenset()
    noun_tags: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()
    meeting_verbs: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    stance_words: frozenset[str] = frozenset()
    circumstance_prepositions: frozenset[str] = frozenset()
    not_meeting_objects: frozenset[str] = frozenset()
    arrival_passives: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    participle_tags: tuple[str, ...] = ()
    auxiliary_tags: tuple[str, ...] = ()
    presence_verbs: frozenset[str] = frozenset()
    future_auxiliaries: frozenset[str] = frozenset()
    place_prepositions: frozenset[str] = frozenset()
    proper_tags: tuple[str, ...] = ()
    conversation_verbs: frozenset[str] = frozenset()
    companion_prepositions: frozenset[str] = frozenset()
    signing_verbs: frozenset[str] = frozenset()
    non_holders: tuple[str, ...] = ()
    conjunction_tags: tuple[str, ...] = ()
    former_words: tuple[str, ...] = ()
    agenda_nouns: frozenset[str] = frozenset()
    agenda_prepositions: frozenset[str] = frozenset()
    agent_prepositions: frozenset[str] = frozenset()
    """From data/grammar_<lang>.yaml: "von", "by" before a passive's agent."""
    language: str = ""


@lru_cache(maxsize=4)
def position_lexicon(language: str) -> PositionLexicon:
    data = language_data("positions", language)

    def words(key: str) -> frozenset[str]:
        return word_set(data, key)

    def tags(key: str) -> tuple[str, ...]:
        return tuple(str(t) for t in data.get(key) or [])

    return PositionLexicon(words("announcement_verbs"), words("saying_verbs"), words("event_nouns"),
                           words("travel_verbs"), words("negations"),
                           float(data.get("heading_echo_share") or 0.6), tags("content_tags"),
                           words("convening_verbs"), tags("noun_tags"),
                           tuple(sorted(words("furniture"))), words("meeting_verbs"), words("light_verbs"),
                           words("stance_words"), words("circumstance_prepositions"),
                           words("not_meeting_objects"), words("arrival_passives"), words("passive_auxiliaries"),
                           words("complementizers"), tags("participle_tags"), tags("auxiliary_tags"),
                           words("presence_verbs"), words("future_auxiliaries"),
                           words("place_prepositions"), tags("proper_tags"), words("conversation_verbs"),
                           words("companion_prepositions"), words("signing_verbs"),
                           tuple(sorted(words("non_holders"))), tags("conjunction_tags"),
                           tuple(sorted(words("former_words"))), words("agenda_nouns"), words("agenda_prepositions"),
                           grammar(language).agent_prepositions, language)


def find_positions(source_id: str, sentences: list[Sentence], speech: list[SentenceSpeech],
                   language: str = "de") -> list[Position]:
    """One position per statement and party; the text is the speaker's part of the sentence."""
    lex = position_lexicon(language)
    out: list[Position] = []
    for n, (sentence, said) in enumerate(zip(sentences, speech)):
        if _furniture(sentence, lex):
            continue
        for st in _speakers_statements(sentence, said.statements, lex):
            parties, speaker = holders(st)
            if not parties or _no_partys(sentence, st, said, lex) or _announcement(sentence, st, lex) \
                    or _convening(sentence, st, lex) or _heading_echo(n, parties, sentences, speech, lex):
                continue
            first = max(_own_start(sentence, st, lex), dateline_end(sentence) if sentence.index <= 2 else 0)
            text = _text(sentence, first, st.last)
            if len(text.split()) < 3:
                continue
            for party in parties:
                out.append(Position(party=party, text=text, kind=st.kind, speaker=speaker,
                                    evidence=[Evidence(source_id, sentence.index, sentence.text)]))
    return out


def holders(st: Statement) -> tuple[list[str], str | None]:
    """The parties holding a statement's position and its speaker, as a quote of the sentence gets
    them (``speakers.attribute``): none when the speaker as named is nobody known ("Er forderte"
    with no man named before) or someone of no party that is not the subject the gazetteer read.
    A joint subject keeps all its members ("Italy, Spain and Greece said"). Where both readings
    name a party and differ, the clause's subject as the gazetteer reads it stands: it follows
    the grammatical subject through passives and pronouns, which the phrase reading does not yet."""
    party, speaker, _ = attribute(st.said, st.parties[0] if st.parties else None, st.speaker)
    if not party and st.said is not None and st.said.referent is not None \
            and (st.named or st.said.referent.kind == "group"):
        # a subject named with its party, or several named together ("Scholz and Macron … They"):
        # the phrase reading has no one party for them, the subject reading has
        return list(st.parties), st.speaker
    if not party:
        return [], None
    if party in st.parties:
        return list(st.parties), speaker if _someone(st) else st.speaker
    log.debug("speaker %s (%s) differs from the subject's %s: %s", speaker, party, st.parties, st.speaker)
    return list(st.parties), st.speaker


def _speakers_statements(sentence: Sentence, statements: list[Statement], lex: PositionLexicon) -> list[Statement]:
    """The statements of a sentence less those whose subject is only addressed ("Lawrow sagte, Kiew sei
    aufgefordert worden, …"): that part belongs to the statement before it."""
    out: list[Statement] = []
    for st in statements:
        if out and _addressee(sentence, st, lex):
            out[-1] = replace(out[-1], last=st.last)
            continue
        out.append(st)
    return out


def _no_partys(sentence: Sentence, st: Statement, said: SentenceSpeech, lex: PositionLexicon) -> bool:
    """The statement is no party's, whatever party the sentence's names lend it: its speaker comments
    or stands outside the state, held an office once, is an "er" nobody known is meant by, or is
    the one a demand is addressed to."""
    return _commentator(st, lex) or _former(sentence, st, lex) or _unknown_continued(st, said) \
        or _addressee(sentence, st, lex)


def _commentator(st: Statement, lex: PositionLexicon) -> bool:
    """Observers, analysts, rebels, protesters ("Observers said Tokyo ...", "Die Rebellen bestreiten
    dies"): matched inside the speaker's head noun."""
    heads = [st.said.referent.head or st.said.referent.role or ""] if st.said and st.said.referent else []
    heads += (st.speaker or "").split()[-1:]
    return any(w in h.lower() for h in heads for w in lex.non_holders)


def _former(sentence: Sentence, st: Statement, lex: PositionLexicon) -> bool:
    """"Der ehemalige US-Präsident Jimmy Carter", "former Secretary of State John Kerry": an office
    held once speaks for nobody now."""
    role = st.said.referent.role if st.said and st.said.referent else None
    words = f"{st.speaker or ''} {role or ''} {_before_name(sentence, st.speaker)}".lower().replace("-", "- ").split()
    return any(w.startswith(f) for w in words for f in lex.former_words)


def _before_name(sentence: Sentence, name: str | None) -> str:
    """The words of the role phrase before a name ("Former Secretary of State" before "John Kerry"):
    up to five, back to the last punctuation."""
    if not name:
        return ""
    tokens = sentence.tokens
    last = name.split()[-1]
    k = next((i for i, t in enumerate(tokens) if t.text == last), None)
    if k is None:
        return ""
    words: list[str] = []
    for t in reversed(tokens[max(0, k - len(name.split()) - 5):k]):
        if not t.text[:1].isalnum():
            break
        words.append(t.text)
    return " ".join(reversed(words))


def _unknown_continued(st: Statement, said: SentenceSpeech) -> bool:
    """"Außerdem hatte er kritisiert, ...": the speakers as named say the "er" is nobody known (a man of
    no party named before), so the party the gazetteer's last subject lends is not his."""
    return st.said is None and bool(said.said) and all(s.referent is None and s.via == "continued" for s in said.said)


def _addressee(sentence: Sentence, st: Statement, lex: PositionLexicon) -> bool:
    """A verb of saying in the passive without its agent ("Israel wurde aufgefordert, …", "Iran was
    urged to …", "dürfte er bestätigt werden"): its subject is who the demand is made of, not who
    makes it. The statement's first verb of saying decides ("Lavrov said Kyiv was asked" is Lavrov's)."""
    tokens = sentence.tokens
    first = st.own_first if st.own_first is not None else st.first
    verbs = lexicon(lex.language).verbs
    for k in range(first, st.last + 1):
        t = tokens[k]
        if not t.pos.startswith("V") or t.lemma.lower() not in verbs:
            continue
        if not t.pos.startswith(lex.participle_tags):
            return False
        before, after = _auxiliary_before(tokens, k, 6), tokens[k + 1:k + 3]
        # the auxiliary right by the participle; the agent anywhere in its part ("wurde von der EU aufgefordert")
        return bool(_lemmas(before[:3] + after[:1]) & lex.passive_auxiliaries) \
            and not {x.text.lower() for x in before + after} & lex.agent_prepositions
    return False


def _auxiliary_before(tokens: list[Token], k: int, width: int) -> list[Token]:
    """Up to ``width`` tokens before ``k`` that no comma parts from it, nearest first: where the
    auxiliary of a passive stands ("was urged", "wurde aufgefordert"); after the participle only the
    next token counts ("bestätigt werden"), so "has said he is" is no passive."""
    out: list[Token] = []
    j = k - 1
    while j >= 0 and k - j <= width and tokens[j].text not in {",", ";"}:
        out.append(tokens[j])
        j -= 1
    return out


def _own_start(sentence: Sentence, st: Statement, lex: PositionLexicon) -> int:
    """Where the statement's text starts: its own clause when what stands before it announces a
    meeting of others ("India and Pakistan will hold talks on Monday, during which Islamabad will
    press for ..."): that part is a plan, not the speaker's stance."""
    own = st.own_first if st.own_first is not None else st.first
    if own <= st.first or not _meeting_plan(sentence.tokens[st.first:own], lex):
        return st.first
    tokens = sentence.tokens
    while own < st.last and (tokens[own].pos.startswith(lex.conjunction_tags) or not tokens[own].text[:1].isalnum()):
        own += 1  # "and Moscow will press ...": the clause without the "and" that joined it
    return own


def _someone(st: Statement) -> bool:
    """The speaker as named is a person, a role or a body: a name worth showing beside the party
    (a place speaking for its state, "Moskau dementierte", is the party itself)."""
    return st.said is not None and st.said.referent is not None and st.said.referent.kind in SOMEONE


def _announcement(sentence: Sentence, st: Statement, lex: PositionLexicon) -> bool:
    """A plain statement that announces a date, a trip or a meeting: "Den Termin gab die Allianz
    bekannt", "sagte, sie werde nach Kiew reisen", "Kerry will hold talks with Lavrov on Monday",
    "the envoys were due to meet". Unless negated or carried by a word of readiness ("was ready to
    hold talks"): a refusal or an offer is a stance."""
    tokens = sentence.tokens[st.first: st.last + 1]
    if _expected_arrival(tokens, lex):
        return True
    if st.kind != "statement":
        return False  # "forderte, am Montag zu reisen" is a demand all the same
    lemmas = {t.lemma.lower() for t in tokens}
    particles = {t.text.lower() for t in tokens if t.pos == "PTKVZ"}
    verbs = lemmas | {p + lemma for p in particles for lemma in lemmas}
    if _negated(tokens, lex) or lemmas & lex.stance_words:
        return False
    if _meeting_plan(tokens, lex) or _on_the_agenda(tokens, lex):
        return True
    travel = any(t.lemma.lower() in lex.travel_verbs and t.pos.startswith("V") for t in tokens)
    if verbs & lex.announcement_verbs:
        return travel or any(t.lemma.lower() in lex.event_nouns and not _circumstance(tokens, k, lex)
                             for k, t in enumerate(tokens))
    # "according to Suga", "laut dem Ministerium" says as plainly as "said"
    return travel and (bool(verbs & lex.saying_verbs) or st.via == "attribution")


def _negated(tokens: list[Token], lex: PositionLexicon) -> bool:
    """A negation in the part (between commas) that holds a verb: "man werde nicht teilnehmen" refuses;
    "Japan will invite Obama, though the date is not yet known" still announces."""
    part: list[Token] = []
    for t in [*tokens, None]:
        if t is not None and t.text not in {",", ";"}:
            part.append(t)
            continue
        if any(w.text.lower() in lex.negations for w in part) and _plan_verb(part, lex):
            return True
        part = []
    return False


def _plan_verb(part: list[Token], lex: PositionLexicon) -> bool:
    plans = lex.travel_verbs | lex.meeting_verbs | lex.light_verbs | lex.announcement_verbs | lex.signing_verbs \
        | lex.conversation_verbs
    return any(t.pos.startswith("V") and (t.lemma.lower() in plans or _presence(part, k, lex))
               for k, t in enumerate(part))


def _on_the_agenda(tokens: list[Token], lex: PositionLexicon) -> bool:
    """"Syria and Iran were on the agenda", "stand auf der Tagesordnung": a meeting's programme."""
    return any(t.lemma.lower() in lex.agenda_nouns and any(p.text.lower() in lex.agenda_prepositions
                                                           for p in tokens[max(0, k - 3):k])
               for k, t in enumerate(tokens))


def _meeting_plan(tokens: list[Token], lex: PositionLexicon) -> bool:
    """The clause is about a meeting itself: a verb of meeting ("meet") or a light verb with an
    event noun in its phrase ("hold talks", "Gespräche mit Paris führen"), whatever verb of saying
    carries it."""
    for k, t in enumerate(tokens):
        if not t.pos.startswith("V") or _circumstance(tokens, k, lex):
            continue
        lemma = t.lemma.lower()
        phrase = _verbless_run(tokens[k + 1:]) + _verbless_run(tokens[:k][::-1], lex.auxiliary_tags)
        if lemma in lex.meeting_verbs and not any(_compound_of(w, lex.not_meeting_objects) for w in _lemmas(phrase)):
            return True
        if lemma in lex.light_verbs and not _auxiliary(tokens, k) \
                and any(p.pos.startswith(lex.noun_tags) and _event_noun(p.lemma.lower(), lex) for p in phrase):
            return True
        if lemma in lex.signing_verbs or _conversation(lemma, phrase, lex) or _presence(tokens, k, lex):
            return True
    return False


def _conversation(lemma: str, phrase: list[Token], lex: PositionLexicon) -> bool:
    """Talking with someone ("spoke by phone with Putin", "will mit Putin telefonieren") is a meeting;
    talking alone ("sprach von einem Putsch") is saying."""
    return lemma in lex.conversation_verbs and bool(_lemmas(phrase) & lex.companion_prepositions)


def _presence(tokens: list[Token], k: int, lex: PositionLexicon) -> bool:
    """Being somewhere in the future ("Kerry will be in London on Jan. 22", "Er wird am Montag in
    London sein"): a trip. The place stands right after the verb or right before it (verb-final)."""
    if tokens[k].lemma.lower() not in lex.presence_verbs or not lex.proper_tags \
            or not _lemmas(tokens[:k]) & lex.future_auxiliaries:
        return False
    pairs = (tokens[k + 1:k + 3], tokens[max(0, k - 2):k])
    return any(len(p) == 2 and p[0].text.lower() in lex.place_prepositions and p[1].pos.startswith(lex.proper_tags)
               for p in pairs)


def _circumstance(tokens: list[Token], k: int, lex: PositionLexicon) -> bool:
    """The word stands in a phrase of time ("during recent talks", "after meeting Rubio", "nach dem
    Treffen"): a circumstance of the statement, not what it announces ("confirmed his
    participation in the meeting" announces it)."""
    for t in reversed(tokens[max(0, k - 4):k]):
        if t.lemma.lower() in lex.circumstance_prepositions or t.text.lower() in lex.circumstance_prepositions:
            return True
        if t.pos.startswith(("V", *lex.noun_tags)) or not t.text[:1].isalnum():
            return False
    return False


def _expected_arrival(tokens: list[Token], lex: PositionLexicon) -> bool:
    """A visitor awaited ("Blinken wird in Berlin erwartet", "Blinken is expected in Rome"): the
    passive of a verb of expecting with no clause or infinitive of its own is an arrival, not a
    demand ("es wird erwartet, dass …" stays one)."""
    participle = any(t.lemma.lower() in lex.arrival_passives and t.pos.startswith(lex.participle_tags)
                     for t in tokens) if lex.participle_tags else False
    # "zu" or "to" as a preposition ("wird zu seiner ersten Runde erwartet") opens no infinitive
    clauses = {t.text.lower() for t in tokens if t.pos not in PREPOSITION_TAGS}
    return participle and bool(_lemmas(tokens) & lex.passive_auxiliaries) and not clauses & lex.complementizers


def _lemmas(tokens: list[Token]) -> set[str]:
    return {t.lemma.lower() for t in tokens}


def _auxiliary(tokens: list[Token], k: int) -> bool:
    """"have" before a participle ("the talks have failed") is no light verb."""
    return k + 1 < len(tokens) and tokens[k + 1].pos.startswith("V")


def _verbless_run(tokens: list[Token], auxiliaries: tuple[str, ...] = ()) -> list[Token]:
    """The tokens up to the next verb or clause punctuation: the verb's own phrase; read backwards,
    past the auxiliaries of a passive ("talks would be held", "Gespräche werden geführt")."""
    run: list[Token] = []
    for t in tokens:
        if auxiliaries and t.pos.startswith(auxiliaries):
            continue
        if t.pos.startswith("V") or t.text in {",", ";", ":", "."}:
            break
        run.append(t)
    return run


def _convening(sentence: Sentence, st: Statement, lex: PositionLexicon) -> bool:
    """A call for a meeting, whatever its kind: "Five states called for the session", "Berlin
    beantragte eine Sondersitzung des Rates". It may be a meeting; it is no stance on anything."""
    tokens = sentence.tokens[st.first: st.last + 1]
    verb = next((k for k, t in enumerate(tokens) if t.lemma.lower() in lex.convening_verbs
                 and t.pos.startswith("V")), None)
    if verb is None:
        return False
    head = None
    for t in tokens[verb + 1:]:
        if t.pos.startswith(lex.noun_tags):
            head = t  # the last noun of the first run of nouns: "an emergency meeting"
        elif head is not None:
            break
    return head is not None and _event_noun(head.lemma.lower(), lex)


def _event_noun(word: str, lex: PositionLexicon) -> bool:
    """An event noun, or a compound ending in one ("Sondersitzung")."""
    return _compound_of(word, lex.event_nouns)


def _compound_of(word: str, nouns: frozenset[str]) -> bool:
    """The word is one of the nouns or a compound ending in one ("Wahlentscheidung")."""
    return any(word == n or (word.endswith(n) and len(word) - len(n) >= 3) for n in nouns)


def _furniture(sentence: Sentence, lex: PositionLexicon) -> bool:
    """Page furniture, not news: "See also: …", "Lesen Sie auch: …"."""
    text = sentence.text.lstrip().lower()
    return any(text.startswith(f) and text[len(f):].lstrip()[:1] == ":" for f in lex.furniture)


def _heading_echo(n: int, parties: list[str], sentences: list[Sentence], speech: list[SentenceSpeech],
                  lex: PositionLexicon) -> bool:
    """A sub-heading whose content words mostly stand in a later statement of the same party."""
    if not sentences[n].heading:
        return False
    own = _content(sentences[n], lex)
    if not own:
        return False
    for later, said in zip(sentences[n + 1:], speech[n + 1:]):
        if later.heading or not any(set(holders(o)[0]) & set(parties) for o in said.statements):
            continue
        if len(own & _content(later, lex)) / len(own) >= lex.heading_echo_share:
            return True
    return False


def _content(sentence: Sentence, lex: PositionLexicon) -> set[str]:
    return {t.lemma.lower() for t in sentence.tokens if t.pos.startswith(lex.content_tags)}


def _text(sentence: Sentence, first: int, last: int) -> str:
    tokens = sentence.tokens
    text = sentence.text[tokens[first].start - sentence.start: tokens[last].end - sentence.start]
    return text.strip(" ,;:–-")
