"""Who speaks in a sentence, as the article names them: the stages over one sentence context.

0. ``mend_misread_verbs``: a verb of saying right after a closing quotation mark that the tagger
   read as another word class is read again as a finite verb.
1. ``read_mentions``: every person, role and body phrase and every personal pronoun, and who each
   means (``actors.mentions.Discourse``: full names, later surnames, roles, pronouns).
2. ``find_said``: for each clause with a verb of saying (``speech.speech_verb``), its speaker
   (``speaker_of``: the subject by word order, an apposition "X, Sprecher des Y, sagte", the
   verbless clauses before "…, sagte"; with no subject, ``_source``: the document, place or passive
   agent named, "heißt es in einer Erklärung des Verbands"); then attribution phrases ("laut X",
   "„…“, so X").
3. ``subject_of``: a quote without a verb of saying belongs to the subject of the clause that
   introduces it with a colon, else to the sentence's subject.

Word order and the prepositions that name a source are ``clause_speaker`` in data/speakers_<lang>.yaml.

The speaker is never guessed: a pronoun with no agreeing person or body named before it, or a
subject the phrases do not cover, leaves the speaker unknown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from functools import lru_cache

from ...data import language_data, word_set
from ...model import Sentence
from ..actors.actors import Entity
from ..actors.mentions import Discourse, Known, Referent
from ..actors.names import (
    DETERMINER_TAGS,
    NOUN_TAGS,
    NameLexicon,
    Phrase,
    attribute_of_noun,
    find_phrases,
    name_lexicon,
)
from ..clauses import Clause, finite_verb, grammar, is_finite, is_verb
from ..context import Mention, SentenceContext
from ..segment import verb_lemma
from .speech import (
    PARTICIPLE_TAGS,
    Attribution,
    SpeechLexicon,
    attributed,
    lexicon,
    pointing_back,
    speech_verb,
    subjunctive_form,
)

log = logging.getLogger(__name__)

PRONOUN_TAGS = frozenset({"PPER", "PNP", "ADV"})
DEMONSTRATIVE_TAGS = frozenset({"PDS", "PIS"})
"""A demonstrative standing alone for a noun phrase (STTS; the tagger reads "letztere" as an indefinite):
"sagte dieser", "so letztere"."""
OBLIQUE = frozenset({"dem", "den", "einem", "einen", "ihm", "ihn", "ihnen", "him", "her", "them"})
OPENERS = frozenset({"KON", "ADV", "CJC", "AV0", "$(", "PTKNEG", "PROAV"})
"""Tags that may stand between a clause's start and its subject ("und er sagte", "so the minister",
"dazu stellt fest")."""
PP_FIRST = frozenset({"APPR", "APPRART", "PRP"})
PP_REST = PP_FIRST | {"ART", "ADJA", "ADJ(A)", "NN", "NE", "NNI", "CARD", "AT0", "AJ0", "NN1", "NN2", "NP0", "CRD"}
"""A preposition, then its noun phrase: the attribute between a role and its name (STTS and CLAWS)."""
QUOTE_MARKS = frozenset({"„", "“", "”", '"', "»", "«"})
ZU_TAGS = frozenset({"PTKZU", "TO0"})
ZU_INFINITIVE_TAGS = frozenset({"VV(IZU)", "VVIZU"})
"""The infinitive particle ("zu", "to") and an infinitive with "zu" in it ("aufzugeben")."""
RELATIVE_TAGS = frozenset({"PRELS", "PRELAT", "PNQ", "DTQ"})
"""Relative pronouns (STTS; CLAWS wh-pronouns and determiners)."""
BETWEEN_VERB_AND_SUBJECT = frozenset({"ADV", "PRF", "PTKNEG", "PROAV"})
"""Tags that may stand between a finite verb and the subject after it ("zeigt sich auch der Minister")."""


@dataclass(frozen=True)
class ClauseRules:
    """How a clause names its speaker in one language (``clause_speaker`` in data/speakers_<lang>.yaml)."""

    first_subject: bool
    """The first phrase before the finite verb is the subject (German), else the nearest (English)."""
    after_any_verb: bool
    """A subject may follow any verb of saying, not only the ``inverting`` ones."""
    subjunctive_reports: bool
    expletives: frozenset[str]
    sources: frozenset[str]
    agents: frozenset[str]
    finite_tag: str = ""
    """The tagger's tag for a finite full verb, to read a word again as one."""
    genitive_endings: tuple[str, ...] = ()
    """Endings of a name in the genitive that owns the phrase after it ("Merkels Sprecher")."""
    opinion_openers: frozenset[str] = frozenset()
    """Words opening a sentence with whose view it gives ("Für den Minister ist das …")."""
    relative_subjects: frozenset[str] = frozenset()
    """Relative pronouns that are the subject of their clause ("der", "welche", "who")."""
    nominative_relatives: frozenset[str] = frozenset()
    """Relative pronouns in the nominative whatever follows them, unless their antecedent is feminine
    (German "der", "welcher": else the feminine dative)."""
    middle_genitives: frozenset[str] = frozenset()
    """Articles opening a common noun's genitive attribute in the middle of a verb-final clause."""
    predicative: frozenset[str] = frozenset()
    """Words before a predicative phrase, never a subject ("als Gegner des Plans", "as a critic")."""


@lru_cache(maxsize=4)
def clause_rules(language: str) -> ClauseRules:
    data = language_data("speakers", language).get("clause_speaker") or {}

    def words(key: str) -> frozenset[str]:
        return word_set(data, key)

    return ClauseRules(data.get("subject_before_verb", "first") == "first", bool(data.get("subject_after_any_verb")),
                       bool(data.get("subjunctive_reports")), words("expletives"), words("source_prepositions"),
                       words("agent_prepositions"), str(data.get("finite_verb_tag") or ""),
                       tuple(str(w) for w in data.get("genitive_endings") or []), words("opinion_openers"),
                       words("relative_subjects"), words("nominative_relatives"), words("middle_genitives"),
                       words("predicative"))


@dataclass
class Said:
    """A speaker in one sentence, over tokens first..last (the clause where they are named)."""

    sentence: int
    """0-based index of the sentence in its source."""
    first: int
    last: int
    referent: Referent | None
    kind: str = "statement"
    via: str = "verb"
    """verb | attribution | subject | continued | pronoun (a pronoun that agrees with nobody: unknown) |
    passive (a passive verb of saying with no agent named: unknown)"""
    relative: bool = False
    """Named in a relative clause ("zu der ein Bündnis aufgerufen hatte"): the speaker of a quote
    outside that clause only when the other clauses name nobody."""

    @property
    def speaker(self) -> str | None:
        return self.referent.speaker if self.referent else None

    @property
    def role(self) -> str | None:
        return self.referent.role if self.referent else None

    @property
    def party(self) -> str | None:
        return self.referent.party if self.referent else None


def read_mentions(ctx: SentenceContext, discourse: Discourse, lex: SpeechLexicon) -> None:
    """Stage 1: the phrases and pronouns of the sentence, each resolved in reading order."""
    names = name_lexicon(ctx.language)
    tokens = ctx.sentence.tokens
    mend_misread_verbs(ctx, lex)
    phrases = _with_gazetteer(ctx, find_phrases(ctx.sentence, ctx.mask, names, _known_names(ctx, discourse)), names)
    items = [Mention(p.first, p.last, None, p) for p in _named_bodies(ctx, phrases + _quoted_names(ctx, lex))]
    covered = {k for m in items for k in range(m.first, m.last + 1)}
    for i, tok in enumerate(tokens):
        if i not in covered and not ctx.mask[i] and (tok.text.lower() in names.pronouns and tok.pos in PRONOUN_TAGS
                                                     or tok.text.lower() in names.demonstratives
                                                     and tok.pos in DEMONSTRATIVE_TAGS):
            items.append(Mention(i, i, None))
    items.sort(key=lambda m: m.first)
    reported = _reported(ctx, lex)
    for m in items:
        if m.phrase is None and tokens[m.first].text.lower() in names.demonstratives:
            m.referent = discourse.demonstrative(tokens[m.first].text, _last_noun(ctx, items, m.first, discourse),
                                                 _plural_verb(ctx, m.first))
            continue
        if m.phrase is None:
            m.referent = discourse.pronoun(ctx.n, tokens[m.first].text, _plural_verb(ctx, m.first))
            continue
        entity = _gazetteer_entity(ctx.entities, m)
        known = Known(entity.party, entity.person, not entity.person and entity.kind in ("name", "demonym")) \
            if entity else None
        m.referent = discourse.refer(ctx.n, m.phrase, known, salient=not any(m.first in r for r in reported))
    ctx.mentions = items
    discourse.last_noun = _last_noun(ctx, items, len(tokens), discourse)
    _groups(ctx, discourse, names)


def _known_names(ctx: SentenceContext, discourse: Discourse) -> frozenset[str]:
    """The surnames named before, and the base forms of the people the gazetteer finds in the sentence:
    "ein Sprecher Putins" is Putin's spokesman even when Putin was not named before."""
    tokens = ctx.sentence.tokens
    return discourse.surnames() | {tokens[e.last].lemma for e in ctx.entities if e.person and tokens[e.last].lemma}


def _last_noun(ctx: SentenceContext, items: list[Mention], before: int, discourse: Discourse) -> Referent | None:
    """Who the last noun before token ``before`` outside quotation marks names: the phrase holding it,
    None when it is in no phrase; with no noun before it in the sentence, the sentence before's."""
    tokens = ctx.sentence.tokens
    k = next((k for k in range(before - 1, -1, -1) if not ctx.mask[k] and tokens[k].pos in NOUN_TAGS), None)
    if k is None:
        return discourse.last_noun
    return next((m.referent for m in items if m.phrase is not None and m.first <= k <= m.last), None)


def _groups(ctx: SentenceContext, discourse: Discourse, names: NameLexicon) -> None:
    """Two free phrases joined by "und" are also a group a later plural pronoun may mean: "Der Sprecher
    des Weißen Hauses und andere Mitarbeiter beeilten sich … Sie stellten klar"."""
    tokens = ctx.sentence.tokens
    phrases = [m for m in ctx.mentions if m.phrase is not None and m.phrase.free and m.phrase.kind != "name"]
    for one, two in zip(phrases, phrases[1:]):
        between = tokens[one.last + 1:two.first]
        if not between or between[-1].text.lower() not in names.coordinators or any(ctx.mask[one.last:two.first]) \
                or not _prepositional(between[:-1]):
            continue
        first = one.first + 1 if tokens[one.first].pos in DETERMINER_TAGS else one.first
        discourse.group(ctx.n, ctx.sentence.text[tokens[first].start - ctx.sentence.start:
                                                 tokens[two.last].end - ctx.sentence.start])


def _quoted_names(ctx: SentenceContext, lex: SpeechLexicon) -> list[Phrase]:
    """A name in quotation marks where a speaker stands: a paper or agency after a verb of saying, an
    article or "laut" ("schrieb „Nordkurier“", "zitiert die „Abendpost“ den Minister", "laut „Nordpress“"):
    one to three capitalised words."""
    tokens = ctx.sentence.tokens
    out: list[Phrase] = []
    i = 0
    while i < len(tokens):
        if not ctx.mask[i] or i > 0 and ctx.mask[i - 1]:
            i += 1
            continue
        end = i
        while end + 1 < len(tokens) and ctx.mask[end + 1]:
            end += 1
        inner = [t for t in tokens[i + 1:end] if any(c.isalnum() for c in t.text)]
        first = i - 1 if i > 0 and tokens[i - 1].pos in DETERMINER_TAGS else i
        before = tokens[first - 1] if first > 0 else None
        if 0 < len(inner) <= 3 and all(t.text[:1].isupper() or t.text[:1].isdigit() for t in inner) \
                and (before is None or _names_speaker(before, ctx, lex)):
            free = before is None or (before.text.lower(),) not in lex.before
            name = ctx.sentence.text[inner[0].start - ctx.sentence.start:inner[-1].end - ctx.sentence.start]
            out.append(Phrase(first, end, "body", name, name=name, free=free))
        i = end + 1
    return out


def _named_bodies(ctx: SentenceContext, phrases: list[Phrase]) -> list[Phrase]:
    """A body noun with its name in quotation marks straight after it is one body of that name: "die
    Wochenzeitschrift „Jungle World“", "das Magazin „Focus“", "the weekly "Die Zeit"."""
    tokens = ctx.sentence.tokens
    out: list[Phrase] = []
    for p in phrases:
        end = p.last + 1
        if p.kind != "body" or not p.head or end + 1 >= len(tokens) or not ctx.mask[end]:
            out.append(p)
            continue
        close = end + 1
        while close < len(tokens) and ctx.mask[close] and tokens[close].text not in QUOTE_MARKS:
            close += 1
        inner = [t for t in tokens[end + 1:close] if any(c.isalnum() for c in t.text)]
        if close >= len(tokens) or not ctx.mask[close] or not 0 < len(inner) <= 3 \
                or not all(t.text[:1].isupper() or t.text[:1].isdigit() for t in inner):
            out.append(p)
            continue
        name = ctx.sentence.text[inner[0].start - ctx.sentence.start:inner[-1].end - ctx.sentence.start]
        out.append(replace(p, last=close, name=name,
                           text=ctx.sentence.text[tokens[p.first].start - ctx.sentence.start:
                                                  tokens[close].end - ctx.sentence.start]))
    return [p for p in out if not any(q is not p and q.first <= p.first and p.last <= q.last for q in out)]


def _names_speaker(tok, ctx: SentenceContext, lex: SpeechLexicon) -> bool:
    """A word after which a name may be who speaks: a verb of saying or an attribution ("laut")."""
    lemma = tok.lemma.lower()
    return is_verb(tok, ctx.language) and (lemma in lex.verbs or lemma in lex.speaking or lemma in lex.citing) \
        or (tok.text.lower(),) in lex.before


def _with_gazetteer(ctx: SentenceContext, phrases: list[Phrase], names: NameLexicon) -> list[Phrase]:
    """Add the people and places the gazetteer knows that no phrase covers ("Von der Leyen" opening a
    sentence, where "Von" reads as a preposition)."""
    out = list(phrases)
    for e in ctx.entities:
        if e.party and e.kind == "demonym" and _plural_subject(ctx, e.first, e.last) \
                and not any(p.first <= e.last and e.first <= p.last for p in out):
            # "Die Franzosen sagen, …": the people of a state speak as a group
            out.append(Phrase(e.first, e.last, "body", e.text, name=_without_determiner(ctx, e.first, e.last),
                              plural=True, free=e.free))
            continue
        if not e.party or e.kind not in ("person", "name", "office"):
            continue
        overlapping = [p for p in out if p.first <= e.last and e.first <= p.last]
        if any(p.first <= e.first and e.last <= p.last for p in overlapping):
            continue
        out = [p for p in out if p not in overlapping]
        kind = "person" if e.person else {"person": "person", "office": "role"}.get(e.kind, "name")
        told = names.person_noun(e.role_word) if e.role_word else None
        gender = told if told in ("m", "f") else (names.body(e.role_word) if e.role_word else None)
        out.append(Phrase(e.first, e.last, kind, e.text, name=e.person or (e.text if kind != "role" else None),
                          role=e.text if kind == "role" else None, head=e.role_word, free=e.free,
                          definite=e.role_word_definite, gender=gender if gender in ("m", "f", "n") else None))
    return sorted(out, key=lambda p: p.first)


def _plural_subject(ctx: SentenceContext, first: int, last: int) -> bool:
    """The finite verb next to tokens first..last is in the plural ("Die Franzosen sagen", "sagten die
    Amerikaner"): they are its subject, several people, not one ("der Franzose sagte")."""
    tokens = ctx.sentence.tokens
    for k in (last + 1, first - 1):
        if 0 <= k < len(tokens) and "(FIN)" in tokens[k].pos:
            return plural_finite(tokens[k].text)
    return False


def _without_determiner(ctx: SentenceContext, first: int, last: int) -> str:
    tokens = ctx.sentence.tokens
    start = first + 1 if tokens[first].pos in DETERMINER_TAGS and first < last else first
    return ctx.sentence.text[tokens[start].start - ctx.sentence.start:tokens[last].end - ctx.sentence.start]


def _reported(ctx: SentenceContext, lex: SpeechLexicon) -> list[range]:
    """Token ranges of clauses in reported speech (a finite verb in the subjunctive): who they name is
    not whom a later pronoun means ("Er sagte, der Präsident werde reisen. ..., fügte er hinzu")."""
    out: list[range] = []
    if not clause_rules(ctx.language).subjunctive_reports:
        return out
    for clause in ctx.clauses:
        fin = finite_verb(clause, ctx.sentence, ctx.language)
        if fin is not None and subjunctive_form(ctx.sentence.tokens[fin], lex, ctx.sentence):
            out.append(range(clause.first, clause.last + 1))
    return out


def find_said(ctx: SentenceContext, lex: SpeechLexicon, discourse: Discourse) -> list[Said]:
    """Stage 2: the speakers of the sentence's verbs of saying, in main and subordinate clauses ("die
    Schröder erklärt hatte: „…“"; a quote goes to the nearest), of a name before a colon
    ("Bundesinnenminister Schäuble: „…“"), then of its attribution phrases ("laut X")."""
    out = sorted(_by_verbs(ctx, lex, main=True) + _by_verbs(ctx, lex, main=False) + _impersonal_noun(ctx, lex),
                 key=lambda s: s.first)
    for by in (_before_colon(ctx), _attribution(ctx, lex), _opinion_opener(ctx), _speech_noun_holder(ctx, lex)):
        if by is not None and by.referent is not None and not any(s.first <= by.first <= s.last for s in out):
            # "Wie die Zeitung berichtete, soll laut der Studie „…“": the nearer attribution is the quote's
            out.append(Said(ctx.n, by.first, by.last, by.referent, "statement", "attribution"))
    out = sorted(out + _parenthesised(ctx) + _framed_subject(ctx, out, lex), key=lambda s: s.first)
    for said in out:
        if said.referent is not None:
            discourse.speaks(said.referent)
    # a pronoun that agrees with nobody named before, a passive naming no agent stay in: the speaker is
    # unknown, not guessed
    return [s for s in out if s.referent is not None or s.via in ("pronoun", "passive")]


def _impersonal_noun(ctx: SentenceContext, lex: SpeechLexicon) -> list[Said]:
    """A clause saying with "sein" and a noun of speech that no one said ("In einem Schreiben an die
    Mitarbeiter war von einem „Dialog“ die Rede"): the document or place after a source preposition
    speaks; with none named the speaker is unknown, not the speaker of the sentence before."""
    tokens = ctx.sentence.tokens
    for k in range(len(ctx.clauses)):
        first, last = _across_quotes(ctx, k)
        span = range(first, last + 1)
        noun = next((i for i in span if not ctx.mask[i] and ctx.word(i) in lex.impersonal_nouns
                     and tokens[i].pos in NOUN_TAGS and i > 0 and tokens[i - 1].pos in DETERMINER_TAGS), None)
        words = {ctx.word(i) for i in span if not ctx.mask[i]}
        if noun is None or not words & lex.impersonal_nouns[ctx.word(noun)] or not any(
                tokens[i].lemma.lower() in lex.opinion_auxiliaries and is_finite(tokens[i], ctx.language)
                for i in span if not ctx.mask[i]):
            continue
        sources = clause_rules(ctx.language).sources
        who = next((m for m in ctx.mentions if first <= m.first <= last and m.first > 0 and m.phrase is not None
                    and m.referent is not None and ctx.word(m.first - 1) in sources), None)
        if who is None:
            return [Said(ctx.n, first, last, None, "statement", "passive")]
        return [Said(ctx.n, first, last, who.referent, "statement", "attribution")]
    return []


def _framed_subject(ctx: SentenceContext, said: list[Said], lex: SpeechLexicon) -> list[Said]:
    """A main clause that introduces a quote with a colon after a reporting frame ("Wie CBS berichtet,
    gab Regierungssprecher Gibbs eine Stellungnahme ab: „…“", "Laut der Zeitung zeigte sich der Minister
    besorgt: „…“"): its subject said the quote; the frame only tells where it was reported."""
    if not said or not all(_in_frame(ctx, s, lex) for s in said):
        return []
    tokens = ctx.sentence.tokens
    colon = next((i for i in range(len(tokens) - 1) if tokens[i].text == ":" and not ctx.mask[i]
                  and ctx.mask[i + 1]), None)
    if colon is None or any(ctx.mask[:colon]):
        return []
    for k in range(len(ctx.clauses) - 1, -1, -1):
        clause = ctx.clauses[k]
        fin = finite_verb(clause, ctx.sentence, ctx.language)
        if clause.last >= colon or clause.subordinate or fin is None \
                or subjunctive_form(tokens[fin], lex, ctx.sentence):
            continue
        who = _clause_subject(ctx, k, fin)
        if who is None or who.referent is None or who.phrase is None or any(s.referent is who.referent for s in said):
            return []
        return [Said(ctx.n, clause.first, colon, who.referent, "statement", "subject")]
    return []


def _in_frame(ctx: SentenceContext, said: Said, lex: SpeechLexicon) -> bool:
    """The speaker is named by an attribution phrase or in a clause "wie X berichtet"."""
    if said.via == "attribution":
        return True
    clause = next((c for c in ctx.clauses if c.first == said.first), None)
    return clause is not None and clause.subordinate and clause.opener in lex.as_words


def _by_verbs(ctx: SentenceContext, lex: SpeechLexicon, main: bool) -> list[Said]:
    out: list[Said] = []
    for k, clause in enumerate(ctx.clauses):
        if main == (clause.subordinate and clause.opener not in ("wie", "as")):
            continue
        verb = speech_verb(clause, ctx.sentence, lex, ctx.language, speaking=True) \
            or speech_verb(_bracket(ctx, k), ctx.sentence, lex, ctx.language, speaking=True)
        if verb is None or not clause.first <= verb[0] <= clause.last:
            continue
        who = speaker_of(ctx, k, verb[0], lex)
        if who is not None and _reported_expletive(ctx, clause, who, lex):
            continue  # "Es drohe „…“": the speech reported before goes on, nobody new speaks
        if who is None and _passive(ctx, k, verb[0], lex):
            # "Die Nato wurde als „obsolet“ bezeichnet": someone spoke, not the subject; unknown
            out.append(Said(ctx.n, clause.first, clause.last, None, verb[1], "passive",
                            _relative(ctx, _across_quotes(ctx, k)[0])))
            continue
        if who is not None:
            out.append(Said(ctx.n, clause.first, clause.last, who.referent, verb[1],
                            "pronoun" if who.pronoun and who.referent is None else "verb",
                            _relative(ctx, _across_quotes(ctx, k)[0])))
    return out


def _relative(ctx: SentenceContext, first: int) -> bool:
    """A clause opening at ``first`` with a relative pronoun, after a preposition or not ("zu der")."""
    tokens = ctx.sentence.tokens
    if first + 1 < len(tokens) and tokens[first].pos in PP_FIRST:
        first += 1
    return tokens[first].pos in RELATIVE_TAGS


def _bracket(ctx: SentenceContext, k: int) -> Clause:
    """Clause ``k`` with the verbless clauses after it that close its verb bracket past an apposition:
    "nahm der Ministerpräsident, Christian Wulff, zu der Frage Stellung" needs its "Stellung"; and
    with the clause a quotation alone parts it from ("der die Maßnahme als „…“ sieht")."""
    clause = ctx.clauses[k]
    first, last = _across_quotes(ctx, k)
    if finite_verb(clause, ctx.sentence, ctx.language) is None:
        return replace(clause, first=first, last=last)
    for nxt in ctx.clauses[k + 1:]:
        if nxt.last <= last:
            continue
        if nxt.subordinate or any(ctx.mask[last + 1:nxt.first]) or ctx.sentence.tokens[nxt.first - 1].text != "," \
                or finite_verb(nxt, ctx.sentence, ctx.language) is not None:
            break
        last = nxt.last
    return replace(clause, first=first, last=last)


def mend_misread_verbs(ctx: SentenceContext, lex: SpeechLexicon) -> None:
    """Stage 0: a verb of saying right after a closing quotation mark that the tagger read as another
    word class ("„…“ erklärte Ministerin Lena Albers", where "erklärte" came out an adjective) is read
    again as a finite verb, so the stages after find it and its subject."""
    tag = clause_rules(ctx.language).finite_tag
    tokens = ctx.sentence.tokens
    for i in range(1, len(tokens) if tag else 0):
        prev = i - 2 if tokens[i - 1].text == "," and i > 1 else i - 1
        tok = tokens[i]
        if ctx.mask[i] or not ctx.mask[prev] or not tok.text.isalpha() or not tok.text.islower() \
                or is_verb(tok, ctx.language):
            continue
        lemma = verb_lemma(ctx.language, tok.text, tag)
        if lemma.lower() in lex.verbs or lemma.lower() in lex.speaking:
            tok.pos, tok.lemma = tag, lemma


def _reported_expletive(ctx: SentenceContext, clause: Clause, who: Mention, lex: SpeechLexicon) -> bool:
    """The subject is an expletive pronoun of a verb in the subjunctive (and not an impersonal verb of
    saying): the clause goes on with speech reported before ("Meyer sagte, ... Es drohe „…“")."""
    rules = clause_rules(ctx.language)
    if not who.pronoun or ctx.word(who.first) not in rules.expletives or not rules.subjunctive_reports:
        return False
    fin = finite_verb(clause, ctx.sentence, ctx.language)
    if fin is None or ctx.sentence.tokens[fin].lemma.lower() in lex.impersonal:
        return False
    return subjunctive_form(ctx.sentence.tokens[fin], lex, ctx.sentence)


def _parenthesised(ctx: SentenceContext) -> list[Said]:
    """A quote in parentheses straight after a name is that person's: "Mohammed Saleh („Ich bin
    froh.“) und die Ministerin ..."."""
    tokens = ctx.sentence.tokens
    out = []
    for m in ctx.mentions:
        k = m.last + 1
        if m.phrase is not None and m.referent is not None and k + 1 < len(tokens) and tokens[k].text == "(" \
                and ctx.mask[k + 1] and not ctx.mask[k]:
            out.append(Said(ctx.n, m.first, k + 1, m.referent, "statement", "attribution"))
    return out


def _before_colon(ctx: SentenceContext) -> Mention | None:
    """A verbless clause opening with a name or role and ending in a colon before a quote:
    "Bundesinnenminister Schäuble: „…“", "Nina Hagen zur neuen Heimat: „…“"."""
    tokens = ctx.sentence.tokens
    for clause in ctx.clauses:
        end = clause.last + 1
        if end + 1 >= len(tokens) or tokens[end].text != ":" or not ctx.mask[end + 1] \
                or finite_verb(clause, ctx.sentence, ctx.language) is not None:
            continue
        clause = _apposition_head(ctx, clause)
        inside = [m for m in ctx.inside(clause) if m.phrase is not None]
        if inside and _opens(ctx, clause.first, inside[0].first) \
                and inside[0].phrase.kind in ("person", "role", "body", "name"):
            return _with_apposition(ctx, inside[0])
    return None


def _apposition_head(ctx: SentenceContext, clause: Clause) -> Clause:
    """The first of the verbless clauses joined by commas that end in ``clause``: "Erkki Tuomioja,
    Präsident des Rats: „…“" is Erkki Tuomioja's."""
    k = ctx.clauses.index(clause)
    while k > 0:
        prev = ctx.clauses[k - 1]
        if prev.subordinate or finite_verb(prev, ctx.sentence, ctx.language) is not None \
                or any(ctx.mask[prev.last + 1:ctx.clauses[k].first]) \
                or [t.text for t in ctx.sentence.tokens[prev.last + 1:ctx.clauses[k].first]] != [","]:
            break
        k -= 1
    return ctx.clauses[k]


def speaker_of(ctx: SentenceContext, k: int, verb: int, lex: SpeechLexicon) -> Mention | None:
    """The speaker of the verb of saying at ``verb`` in clause ``k``: its subject, with its apposition."""
    clause = ctx.clauses[k]
    rules = clause_rules(ctx.language)
    fin = finite_verb(clause, ctx.sentence, ctx.language)
    inside = ctx.inside(clause) + _after_conjunction(ctx, clause, fin)
    pivot = fin if fin is not None else verb
    before = [m for m in inside if m.last < pivot and not oblique(ctx, m) and not _attribute(ctx, m)
              and not _predicative(ctx, m, rules)]
    after = [m for m in ctx.mentions if clause.first <= m.first <= clause.last and m.first > pivot
             and (m.phrase is None or m.phrase.free) and not _attribute(ctx, m) and not _predicative(ctx, m, rules)]
    # "schrieb „Nordkurier“", "zitiert die „Abendpost“ den Bürgermeister": a quoted name parts the clause
    _, last = _across_quotes(ctx, k)
    after += [m for m in ctx.mentions if clause.last < m.first <= last and m.phrase is not None and m.phrase.free
              and not any(a.first <= m.first <= a.last for a in after)]
    start = clause.first
    if not before and not after and (fin is None or _starts_with_verb(ctx, clause, pivot)):
        # "Die Wochenzeitschrift „Jungle World“ hatte kritisiert", "Die Medien hatten von einem „Krieg“
        # gesprochen": a quotation parts the subject from the verb
        start, _ = _across_quotes(ctx, k)
        before = [m for m in ctx.mentions if start <= m.first and m.last < clause.first and m.phrase is not None
                  and m.phrase.free and not oblique(ctx, m) and not _genitive_attribute(ctx, m, rules)]
    lemma = ctx.sentence.tokens[verb].lemma.lower()
    if _passive(ctx, k, verb, lex):
        # "Die Nato war von Trump als „obsolet“ bezeichnet worden": the agent speaks, never the subject
        who = _source(ctx, k, verb, rules, lex)
        return _with_apposition(ctx, who) if who is not None else None
    who = None
    apposed = _apposed_subject(ctx, k) if not before and _starts_with_verb(ctx, clause, pivot) else None
    relative = _antecedent(ctx, k, rules) if before and _relative_is_subject(ctx, k, before[0], fin) else None
    if apposed is not None:
        who = apposed  # "Der Leiter des Programms, Klaus Stöhr, warnte die CDU": not the object after the verb
    elif relative is not None:
        who = relative  # "eine Nachricht, welche die Techniker als „…“ bezeichnete": the message
    elif lemma in lex.citing and after:
        # "Ein Fernsehsender zitierte Papandreou mit den Worten", "zitiert die Zeitung den Minister"
        who = next((m for m in after if oblique(ctx, m)), after[1] if len(after) > 1 else after[0])
    elif before and _opens(ctx, start, before[0].first):
        who = before[0] if rules.first_subject else before[-1]
    elif after and (rules.after_any_verb or lemma in lex.inverting):
        who = after[0]  # "„…“, sagte Bundesfinanzminister Steinbrück", "said the official"
    elif before:
        who = before[0] if rules.first_subject else before[-1]
    if who is not None and (who is apposed or before and who is before[0]) and rules.first_subject \
            and _object_first(ctx, who, after, fin):
        who = after[0]  # "Die Mönche beschrieb die Agentur als „aggressiv“": the verb agrees with the agency
    if who is None or who.pronoun and ctx.word(who.first) in rules.expletives and (
            lemma in lex.impersonal or ctx.sentence.tokens[verb].pos in PARTICIPLE_TAGS):
        # "heißt es in einer Erklärung des Verbands", "wird von der Zeitung als „…“ bezeichnet",
        # "Es wurde von seinem Sohn geäußert"
        who = _source(ctx, k, verb, rules, lex) or who
    if who is None and not before:
        who = _antecedent(ctx, k, rules) or _controller(ctx, k, verb)
    return _with_apposition(ctx, who) if who is not None else None


def _after_conjunction(ctx: SentenceContext, clause: Clause, fin: int | None) -> list[Mention]:
    """The phrase right after a conjunction the tagger read as a preposition, in a clause that ends in
    its finite verb: "Während Shakira erklärte, …" has Shakira for its subject (not "während der
    Sitzung", whose clause goes on past its verb: "Während der Sitzung erklärte er")."""
    tokens = ctx.sentence.tokens
    if not clause.subordinate or fin is None or tokens[clause.first].pos not in PP_FIRST \
            or any(not ctx.mask[i] and not is_verb(tokens[i], ctx.language) and tokens[i].pos not in ZU_TAGS
                   for i in range(fin + 1, clause.last + 1)):
        return []
    return [m for m in ctx.mentions if m.first == clause.first + 1 and m.last < fin and m.phrase is not None
            and not m.phrase.free]


def _predicative(ctx: SentenceContext, m: Mention, rules: ClauseRules) -> bool:
    """The phrase stands after "als"/"as": what someone is or is called, not who speaks ("der sich als
    Gegner Thaksins inszenierende Unternehmer Sondhi rief")."""
    return m.first > 0 and ctx.word(m.first - 1) in rules.predicative


def _genitive_attribute(ctx: SentenceContext, m: Mention, rules: ClauseRules) -> bool:
    """The phrase opens with an article of the genitive right after a noun: "der Behauptungen der
    Befürworter" (in the middle of a clause, where "sagte am Montag der Minister" cannot stand)."""
    tokens = ctx.sentence.tokens
    return m.first > 0 and ctx.word(m.first) in rules.middle_genitives and tokens[m.first - 1].pos in NOUN_TAGS \
        and not ctx.mask[m.first - 1]


def _object_first(ctx: SentenceContext, first: Mention, after: list[Mention], fin: int | None) -> bool:
    """A verb-second clause opening with its object: the phrase before the finite verb is plural, the
    verb singular ("beschrieb", not "beschrieben"), and a singular phrase follows the verb straight after
    adverbs, which is then the subject."""
    if fin is None or first.referent is None or not first.referent.plural \
            or plural_finite(ctx.sentence.tokens[fin].text):
        return False
    nxt = _after_verb(ctx, after, fin)
    return nxt is not None and nxt is after[0] and nxt.referent is not None and not nxt.referent.plural


def _attribute(ctx: SentenceContext, m: Mention) -> bool:
    """A document in the genitive attribute of a common noun is no subject: "entgegneten die Unterstützer
    des Antrags" (a noun the lexicon does not know as a role). (A body there may be the speaker of an
    unknown role noun, "sagte der Chefredakteur des Magazins"; the holder of a speech act or opinion
    speaks: "Das ist die Meinung des Ministers".)"""
    tokens = ctx.sentence.tokens
    names = name_lexicon(ctx.language)
    return m.phrase is not None and m.phrase.kind == "body" and attribute_of_noun(tokens, m.first, names) \
        and names.body(tokens[m.phrase.last].lemma or tokens[m.phrase.last].text) == "doc" \
        and tokens[m.first - 1].text.lower() not in lexicon(ctx.language).holder_nouns


def _passive(ctx: SentenceContext, k: int, verb: int, lex: SpeechLexicon) -> bool:
    """The verb of saying at ``verb`` is a participle with a passive auxiliary in its clause ("wurde als
    „…“ bezeichnet", "was called "…" by"): its subject is what was named, not who speaks. (Not a citing
    verb: "wird mit den Worten zitiert" is the cited one speaking.)"""
    tokens = ctx.sentence.tokens
    if tokens[verb].pos not in PARTICIPLE_TAGS or tokens[verb].lemma.lower() in lex.citing:
        return False
    first, last = _across_quotes(ctx, k)
    g = grammar(ctx.language)
    if g.subject_first:
        last = verb  # "was called", not "has said Russia is weighing": the auxiliary stands before
    return any(t.lemma.lower() in g.passive_auxiliaries for t in tokens[first:last + 1])


def _controller(ctx: SentenceContext, k: int, verb: int) -> Mention | None:
    """The subject of an infinitive with "zu" is the subject of the clause it depends on: "Der Sprecher
    beeilte sich, gegenüber Journalisten zu erklären, …", "The minister rushed to explain …"."""
    tokens = ctx.sentence.tokens
    if tokens[verb].pos not in ZU_INFINITIVE_TAGS and (verb == 0 or tokens[verb - 1].pos not in ZU_TAGS):
        return None
    for j in range(k, -1, -1):
        fin = finite_verb(ctx.clauses[j], ctx.sentence, ctx.language)
        if fin is not None and fin < verb:
            return None if ctx.clauses[j].subordinate else _clause_subject(ctx, j, fin)
    return None


def _antecedent(ctx: SentenceContext, k: int, rules: ClauseRules) -> Mention | None:
    """The subject of a relative clause opened by a relative pronoun in the nominative is the phrase
    the clause hangs on: "vom Fahrgastverband, der die Maßnahme als „Kapitulation“ sieht",
    "the union, which called the plan "a disgrace"." (The clause may run on past a quotation.)"""
    first, _ = _across_quotes(ctx, k)
    opening = next((c for c in ctx.clauses if c.first == first), None)
    if opening is None or not opening.subordinate or ctx.word(first) not in rules.relative_subjects \
            or first < 2 or ctx.sentence.tokens[first - 1].text != ",":
        return None
    return next((m for m in ctx.mentions if m.last == first - 2 and m.phrase is not None
                 and m.referent is not None), None)


def _relative_is_subject(ctx: SentenceContext, k: int, phrase: Mention, fin: int | None) -> bool:
    """In a relative clause with a phrase before its verb, the relative pronoun is still the subject
    when case or number says the phrase is not: the pronoun has only a nominative form for its
    antecedent ("ein Kommentar, der die Wahl des Komitees als „…“ bezeichnet"), or the finite verb
    agrees in number with the antecedent and not with the phrase ("eine Nachricht, welche die
    Techniker als „…“ bezeichnete"; but "die Nachricht, die die Techniker „…“ nannten")."""
    first, _ = _across_quotes(ctx, k)
    antecedent = _antecedent(ctx, k, clause_rules(ctx.language))
    if antecedent is None or ctx.sentence.tokens[first].pos not in RELATIVE_TAGS:
        return False
    if ctx.word(first) in clause_rules(ctx.language).nominative_relatives:
        return _gender(antecedent) != "f"
    if fin is None or phrase.referent is None or antecedent.referent is None:
        return False
    plural = plural_finite(ctx.sentence.tokens[fin].text)
    return phrase.referent.plural != plural and antecedent.referent.plural == plural


def _gender(m: Mention) -> str | None:
    return m.referent.gender if m.referent is not None else (m.phrase.gender if m.phrase is not None else None)


def _source(ctx: SentenceContext, k: int, verb: int, rules: ClauseRules, lex: SpeechLexicon) -> Mention | None:
    """The speaker of an impersonal or passive clause of saying, which has no subject of its own: the
    document, place or body after a source preposition ("heißt es in der Erklärung des Verbands", "aus
    Paris hieß es"), or the agent of a passive participle ("von der Zeitung als „…“ bezeichnet"). (A
    clause whose subject the phrases miss keeps its speaker unknown: "in ihrer Nachricht" there is
    what the subject wrote in, not who speaks.)"""
    impersonal = ctx.sentence.tokens[verb].lemma.lower() in lex.impersonal
    passive = ctx.sentence.tokens[verb].pos in PARTICIPLE_TAGS
    first, last = _across_quotes(ctx, k)
    named = [m for m in ctx.mentions if first <= m.first <= last and m.phrase is not None
             and m.referent is not None and m.first > 0]
    for m in named:
        prep = ctx.word(m.first - 1)
        if impersonal and prep in rules.sources or passive and prep in rules.agents:
            return m
    # a passive with no agent says what a document named says: "In einem Schreiben seiner Anwälte wurde
    # auf die „…“ hingewiesen"
    return next((m for m in named if passive and ctx.word(m.first - 1) in rules.sources and m.phrase is not None
                 and m.phrase.kind == "body" and name_lexicon(ctx.language).body(m.phrase.head or "") == "doc"),
                None)


def subject_of(ctx: SentenceContext) -> Said | None:
    """Stage 3: the subject of the first main clause with a finite verb (a quote's speaker without a
    verb), or of a clause introducing the quote with a colon ("Hier sparte der Präsident nicht mit
    Kritik: „…“")."""
    colon = _colon_subject(ctx)
    if colon is not None:
        return colon
    for k, clause in enumerate(ctx.clauses):
        if clause.subordinate:
            continue
        fin = finite_verb(clause, ctx.sentence, ctx.language)
        if fin is None:
            continue
        who = _clause_subject(ctx, k, fin)
        if who is not None and who.referent is not None:
            return Said(ctx.n, clause.first, clause.last, who.referent, "statement", "subject")
        return None
    return None


def own_subject(ctx: SentenceContext, lex: SpeechLexicon) -> bool:
    """The sentence's first main clause is in the indicative with a person, role or body as its
    subject: a subjunctive further on is that subject's ("Der Senat hatte sich erhofft, dass der Erlös
    „in den Haushalt fließen“ würde"), not reported speech going on from a speaker before."""
    for k, clause in enumerate(ctx.clauses):
        fin = finite_verb(clause, ctx.sentence, ctx.language)
        if clause.subordinate or fin is None:
            continue
        if subjunctive_form(ctx.sentence.tokens[fin], lex, ctx.sentence):
            return False
        who = _clause_subject(ctx, k, fin)
        return who is not None and who.referent is not None and who.phrase is not None
    return False


def _clause_subject(ctx: SentenceContext, k: int, fin: int) -> Mention | None:
    """The subject of clause ``k`` with its finite verb at ``fin``, with its apposition: the phrase
    opening the clause; else the one apposed before a clause opening with its verb ("Der Ermittler,
    der als Zeuge gilt, will ..."); else, in a verb-second language, the phrase right after the verb
    when something else stands before it ("Jede Schuld weist Hartmann von sich")."""
    clause = ctx.clauses[k]
    inside = [m for m in ctx.inside(clause) if not _attribute(ctx, m)]
    before = [m for m in inside if m.last < fin and not oblique(ctx, m)]
    if before and _opens(ctx, clause.first, before[0].first):
        return _with_apposition(ctx, before[0])
    who = _apposed_subject(ctx, k) if not before and _starts_with_verb(ctx, clause, fin) else None
    if who is None and (not before or clause_rules(ctx.language).first_subject):
        who = _after_verb(ctx, inside, fin) if before else next((m for m in inside if m.first > fin), None)
    return _with_apposition(ctx, who) if who is not None else None


def _after_verb(ctx: SentenceContext, inside: list[Mention], fin: int) -> Mention | None:
    """The phrase straight after the finite verb, past adverbs and a reflexive pronoun: the subject of
    a verb-second clause whose first place holds an object or an adverbial ("Den Unmut brachte die
    Sprecherin zum Ausdruck", "In der ARD zeigt sich der Trainer zufrieden")."""
    tokens = ctx.sentence.tokens
    k = fin + 1
    while k < len(tokens) and not ctx.mask[k] and tokens[k].pos in BETWEEN_VERB_AND_SUBJECT:
        k += 1
    return next((m for m in inside if m.first == k and m.phrase is not None), None)


def _colon_subject(ctx: SentenceContext) -> Said | None:
    """The speaker of a clause that introduces a quote with a colon but holds no verb of saying: its
    subject, else the first person or role it names ("Jede Schuld weist Hartmann von sich: „…“")."""
    tokens = ctx.sentence.tokens
    for k, clause in enumerate(ctx.clauses):
        end = clause.last + 1
        if end + 1 >= len(tokens) or tokens[end].text != ":" or not ctx.mask[end + 1]:
            continue
        k, fin = _verb_clause(ctx, k)
        who = _clause_subject(ctx, k, fin) if fin is not None else None
        if who is None or who.referent is None:
            who = next((m for m in ctx.inside(ctx.clauses[k]) if m.referent is not None and m.phrase is not None
                        and m.phrase.kind in ("person", "role")), None)
        if who is not None and who.referent is not None:
            return Said(ctx.n, clause.first, clause.last, who.referent, "statement", "subject")
    return None


def _verb_clause(ctx: SentenceContext, k: int) -> tuple[int, int | None]:
    """Clause ``k`` and its finite verb; when it has none, the clause whose tail it is after a comma
    and an apposition ("brachte die Sprecherin, Annette Weber, zum Ausdruck:"), with no quotation
    between."""
    j = k
    while j >= 0:
        clause = ctx.clauses[j]
        fin = finite_verb(clause, ctx.sentence, ctx.language)
        if fin is not None:
            return j, fin
        if j == 0 or clause.subordinate or any(ctx.mask[ctx.clauses[j - 1].last + 1:clause.first]) \
                or ctx.sentence.tokens[clause.first - 1].text != ",":
            break
        j -= 1
    return k, None


def _opens(ctx: SentenceContext, start: int, first: int) -> bool:
    """Only conjunctions and adverbs stand between the clause's start and ``first``."""
    return all(t.pos in OPENERS for t in ctx.sentence.tokens[start:first])


def _starts_with_verb(ctx: SentenceContext, clause: Clause, pivot: int) -> bool:
    """Only openers stand before the clause's finite verb at ``pivot``, or only the rest of its verb
    cluster: "„…“ bezeichnet hat" is a verb-final clause that a quotation parts from its subject."""
    before = ctx.sentence.tokens[clause.first:pivot]
    return all(t.pos in OPENERS for t in before) or all(
        is_verb(t, ctx.language) or t.pos in ZU_TAGS for t in before)


def _apposed_subject(ctx: SentenceContext, k: int) -> Mention | None:
    """The subject standing in the verbless clauses right before clause ``k`` (joined to it by a comma,
    no quotation between): the person among them, else the first mention."""
    found: list[Mention] = []
    for j in range(k - 1, -1, -1):
        prev, nxt = ctx.clauses[j], ctx.clauses[j + 1]
        between = ctx.sentence.tokens[prev.last + 1:nxt.first]
        if any(ctx.mask[prev.last + 1:nxt.first]) or not any(t.text == "," for t in between):
            break
        if prev.subordinate and j > 0:
            continue  # "Der Forscher, der als Kritiker gilt, hofft": past the relative clause
        if finite_verb(prev, ctx.sentence, ctx.language) is not None \
                or prev.subordinate and prev.opener not in lexicon(ctx.language).as_words:
            break  # (but "Wie Nora Pauly, die ..., dazu feststellt": the subject of the clause of saying)
        found = ctx.inside(prev) + found
    person = next((m for m in found if m.phrase is not None and m.phrase.kind == "person"), None)
    if person is not None and found[0] is not person and found[0].phrase is not None \
            and found[0].phrase.kind == "role" and person.referent is not None and found[0].referent is not None:
        _join(person.referent, found[0].referent)  # "Der frühere Bürgermeister und Justizsenator, Henning Scherf"
    return person or (found[0] if found else None)


def _past_possessor(ctx: SentenceContext, who: Mention) -> Mention:
    """A name in the genitive straight before a phrase owns it and is not the speaker: "Merkels Sprecher
    Jonas Behrendt sagte" is the spokesman's ("Jelpkes Mitarbeiter Nick Brauns")."""
    tokens = ctx.sentence.tokens
    if who.phrase is None or who.phrase.kind not in ("name", "person") or who.phrase.role \
            or not tokens[who.last].text.endswith(clause_rules(ctx.language).genitive_endings or ("\0",)):
        return who
    nxt = next((m for m in ctx.mentions if m.first == who.last + 1), None)
    return nxt if nxt is not None and nxt.phrase is not None and nxt.referent is not None else who


def _join(name: Referent, role: Referent) -> None:
    """A name and the role apposed to it are one referent: the name takes the role and its party."""
    name.role = name.role or role.role
    for r in role.roles:
        if r not in name.roles:
            name.roles.append(r)
    name.kind = "person"
    name.party = name.party or role.party


def _with_apposition(ctx: SentenceContext, who: Mention) -> Mention:
    """A role phrase and a name apposed by a comma are one speaker: "Klaus Stöhr, Leiter des Programms"."""
    who = _past_possessor(ctx, who)
    nxt = next((m for m in ctx.mentions if m.first > who.last), None)
    tokens = ctx.sentence.tokens
    if nxt is None or nxt.phrase is None or who.phrase is None or who.referent is None or nxt.referent is None:
        return who
    if not _apposition_gap(tokens[who.last + 1:nxt.first]):
        return who
    name, role = (nxt, who) if who.phrase.kind == "role" else (who, nxt)
    if name.phrase.kind not in ("person", "name") or role.phrase.kind != "role":
        return who
    if name.referent is not None and role.referent is not None and role.referent.name is None:
        _join(name.referent, role.referent)  # (a role read as someone named before is not joined)
    return name


def _apposition_gap(between: list) -> bool:
    """A comma alone, or after a prepositional attribute of the first phrase ("der Sprecher der
    Fraktion im Landtag, Jonas Behrendt")."""
    return bool(between) and between[-1].text == "," and _prepositional(between[:-1])


def _prepositional(tokens: list) -> bool:
    """No tokens, or one prepositional phrase ("im Landtag", "in Washington")."""
    return not tokens or tokens[0].pos in PP_FIRST and all(t.pos in PP_REST for t in tokens)


def _attribution(ctx: SentenceContext, lex: SpeechLexicon) -> Mention | None:
    """"laut X", "nach Angaben von X", "X zufolge", "„…“, so X", "according to X"."""
    words = [t.text.lower() for t in ctx.sentence.tokens]
    named = [m for m in ctx.mentions if m.phrase is not None or m.referent is not None]
    return attributed(Attribution(words, ctx.mask, lambda k: ctx.mask[k] or words[k] == ","), lex, named)


def _speech_noun_holder(ctx: SentenceContext, lex: SpeechLexicon) -> Mention | None:
    """The holder of a speech act named by a noun, as the noun's attribute, when a quotation follows:
    "Auf den Vorwurf der CDU, es handle sich um einen „…“", "Die ersten Worte Armstrongs: „…“", "the
    words of the minister". (With no quotation after it, "Zu dieser Einschätzung des Kanzlers sehe er
    keine Alternative" reports nothing the holder said.)"""
    tokens = ctx.sentence.tokens
    quoted = [k for k, inside in enumerate(ctx.mask) if inside]
    for i, tok in enumerate(tokens):
        if not quoted or i > quoted[-1]:
            break
        if ctx.mask[i] or tok.pos not in NOUN_TAGS or tok.text.lower() not in lex.holder_nouns:
            continue
        start = i + 1 + (i + 1 < len(tokens) and ctx.word(i + 1) in lex.holder_links)
        m = next((m for m in ctx.mentions if m.first == start and m.phrase is not None and m.referent is not None
                  and m.phrase.kind in ("person", "role", "body", "name")), None)
        if m is not None and m.last < quoted[-1]:
            return m
    return None


def _opinion_opener(ctx: SentenceContext) -> Mention | None:
    """A sentence opening with "für" and a person or role holds their view: "Für den Theologen Jonas
    Behrendt ist der Schritt „verständlich“", "For the mayor, the plan is "a success"."""
    openers = clause_rules(ctx.language).opinion_openers
    tokens = ctx.sentence.tokens
    if not tokens or tokens[0].text.lower() not in openers:
        return None
    m = next((m for m in ctx.mentions if m.first in (1, 2)), None)
    if m is None or m.phrase is None or m.phrase.kind not in ("person", "role") or m.referent is None:
        return None
    return m


def _across_quotes(ctx: SentenceContext, k: int) -> tuple[int, int]:
    """The tokens of clause ``k`` and of the clauses a quotation alone parts it from ("von der Zeitung
    als „…“ bezeichnet")."""
    first, last = ctx.clauses[k].first, ctx.clauses[k].last
    for j in range(k - 1, -1, -1):
        if not all(ctx.mask[ctx.clauses[j].last + 1:first]):
            break
        first = ctx.clauses[j].first
    for j in range(k + 1, len(ctx.clauses)):
        if not all(ctx.mask[last + 1:ctx.clauses[j].first]):
            break
        last = ctx.clauses[j].last
    return first, last


def oblique(ctx: SentenceContext, m: Mention) -> bool:
    """The mention opens with a determiner or stands after a pronoun of the accusative or dative ("den
    Minister", "dem Sprecher"): an object, no subject."""
    return ctx.word(m.first) in OBLIQUE or (m.first > 0 and ctx.word(m.first - 1) in OBLIQUE and m.phrase is None)


def _plural_verb(ctx: SentenceContext, i: int) -> bool:
    """A German "sie" with a finite verb in the plural next to it ("sie sagten", "sagten sie")."""
    lex = name_lexicon(ctx.language)
    tokens = ctx.sentence.tokens
    if tokens[i].text.lower() not in lex.plural_pronouns:
        return False
    if lex.pronouns.get(tokens[i].text.lower()) == "pl":
        return True
    for k in (i + 1, i - 1):
        if 0 <= k < len(tokens) and "(FIN)" in tokens[k].pos:
            return plural_finite(tokens[k].text)
    return False


def plural_finite(word: str) -> bool:
    """A German finite verb in the third person plural by its ending ("sagten", "sind"; not "kann")."""
    low = word.lower()
    return low == "sind" or (low.endswith("n") and not low.endswith(("kann", "mann")))


def _gazetteer_entity(entities: list[Entity], m: Mention) -> Entity | None:
    """The gazetteer's entity inside the phrase, for its party and canonical name."""
    return next((e for e in entities if e.party and e.first <= m.last and m.first <= e.last
                 and (e.kind in ("person", "office", "name", "demonym") or e.person)), None)


def quote_speaker(speech: list, s_first: int, s_last: int, first_tok: int, sentences: list) -> Said | None:
    """Who said a quote running over sentences s_first..s_last (opening at token ``first_tok``): the
    speaker of the sentence where it opens, else where it closes, else its subject; else the speaker
    of a sentence before that ends in a colon; else the next sentence's when it points back ("Das
    sagte X", "So X."); else the speaker of the sentence before in the same paragraph."""
    for n in (s_first, s_last):
        said = speech[n].said
        if said:
            near = min(said, key=lambda s: _distance(s, first_tok, sentences[n]))
            return near if n == s_first else said[0]
    for n in (s_first, s_last):
        if speech[n].said_subject is not None:
            return speech[n].said_subject
    before = s_first - 1
    colon = before >= 0 and sentences[before].text.rstrip().endswith(":")
    if colon and (speech[before].said or speech[before].said_subject is not None):
        return speech[before].said[-1] if speech[before].said else speech[before].said_subject
    after = s_last + 1
    if after < len(sentences) and sentences[after].paragraph == sentences[s_last].paragraph \
            and speech[after].said and _points_back(sentences[after]):
        return speech[after].said[0]
    if before >= 0 and sentences[before].paragraph == sentences[s_first].paragraph:
        if speech[before].said:
            return speech[before].said[-1]
        if first_tok == 0 and _person(speech[before].said_subject):
            # "Oettinger will die Fächer straffen. „Nicht jede Formel ist notwendig.“": a quote standing
            # alone after a sentence about someone is theirs
            return speech[before].said_subject
    return None


def _points_back(sentence: Sentence) -> bool:
    """The sentence opens with a word pointing back at the quote before it, not an article: "Das sagte
    Scholz", "So die Ministerin", not "Das Ministerium erklärte"."""
    n = pointing_back(sentence)
    return n > 1 or n == 1 and sentence.tokens[0].pos not in DETERMINER_TAGS


def _distance(said: Said, token: int, sentence: Sentence) -> tuple[bool, int]:
    """How far a quote opening at ``token`` stands from a speaker's clause: a relative clause comes
    last unless it introduces the quote with a colon ("den Minister, der erklärt hatte: „…“")."""
    if said.first <= token <= said.last:
        return False, 0
    gap = min(abs(said.first - token), abs(said.last - token))
    colon = token - said.last == 2 and sentence.tokens[said.last + 1].text == ":"
    return said.relative and not colon, gap


def _person(said: Said | None) -> bool:
    return said is not None and said.referent is not None and said.referent.kind == "person"


def attribute(said: Said | None, party: str | None, speaker: str | None) -> tuple[str | None, str | None, str | None]:
    """(party, speaker, role) of a quote from its open-world speaker and the party the gazetteer-based
    statements found (``party``, ``speaker``): the party stays only when it is this speaker's, known
    from the gazetteer, the state an unnamed role or body of no party speaks for ("Eine Sprecherin
    des Außenministeriums", "Das Außenministerium" after "Warschau protestierte"), or the parties of
    those named together."""
    if said is None:
        return party, speaker, None
    if said.referent is None:
        return None, None, None  # "sagte sie" with no woman named before: unknown, not the last known actor
    ref = said.referent
    if ref.party:
        return ref.party, ref.speaker, ref.role
    same = speaker is not None and bool(_words(speaker) & _words(ref.speaker or ""))
    unnamed = ref.kind in ("role", "body") and ref.name is None or ref.kind == "body" and ref.head == \
        (ref.name or "").lower()
    # those named together speak for the parties their statement found ("They agreed" after "Scholz and Macron")
    return (party if same or unnamed or ref.kind == "group" else None), ref.speaker, ref.role


def _words(text: str) -> set[str]:
    return {w.lower() for w in text.replace("-", " ").split() if w[:1].isupper()}

