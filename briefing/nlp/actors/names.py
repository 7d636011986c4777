"""Persons, roles and bodies a sentence names, whether or not the gazetteer knows them.

A noun phrase is read from the POS tags (determiner, adjectives, nouns and proper nouns), and
after a role or a body also its attribute ("ein Sprecher des Auswärtigen Amts", "der Bürgermeister
von New Orleans", "a spokeswoman for the Red Cross"). Each phrase is one of:

- ``person``: a first name from gender-guesser's dictionary and a surname ("Bärbel Stock",
  "Ursula von der Leyen"), or a proper noun right after a role noun ("Bundesfinanzminister
  Steinbrück");
- ``role``: a role noun without a name ("die Vorsitzende Richterin", "ein Sprecher des Senders");
- ``body``: a noun naming a body, with or without its name ("die Polizei", "die Nachrichtenagentur
  AP", "die Konrad-Adenauer-Stiftung");
- ``name``: proper nouns of unknown kind ("Stoiber", "Microsoft"); ``mentions.py`` decides whether
  a full name named before is meant.

The lexicon is ``data/speakers_<lang>.yaml``; first names and their gender come from the
``gender-guesser`` package (about 45,000 names across European countries).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...data import lexicon_language, load_data
from ...model import Sentence, Token

log = logging.getLogger(__name__)

DETERMINER_TAGS = frozenset({"ART", "PDAT", "PPOSAT", "PIAT", "AT0", "DT0", "DPS"})
ADJECTIVE_TAGS = ("ADJ(A)", "ADJA", "AJ0", "AJC", "AJS", "ORD")
NOUN_TAGS = frozenset({"NN", "NE", "NNA", "NNI", "NN0", "NN1", "NN2", "NP0"})
PROPER_TAGS = frozenset({"NE", "NNI", "NP0"})
"""NNI: a capitalised word HanTa does not know (mostly a name)."""
POSSESSIVE_TAGS = frozenset({"POS"})
"""The English possessive clitic ("the Prime Minister's Office")."""
PREPOSITION_TAGS = frozenset({"APPR", "APPRART", "APPO", "PRP", "PRF"})
"""STTS (German) and CLAWS (English) prepositions; "PRF" is CLAWS's "of" (STTS's reflexive is "PRF" too,
so German reads it as no preposition: "äußerte sich der Sprecher")."""
GENITIVE_LINKS = {"de": frozenset({"des", "der", "für"}), "en": frozenset({"of", "for"})}
"""Words that attach an attribute to a role or body: "Sprecher des Senders", "Bundesagentur für Arbeit"."""
PARTITIVE_LINKS = {"de": frozenset({"der", "des", "von"}), "en": frozenset({"of"})}
"""Words between a partitive pronoun and its group: "einer der Ärzte", "one of the officials"."""
NAME_LINKS = {"de": frozenset({"von"}), "en": frozenset()}
SURNAME_MISREAD_TAGS = ("ADJ", "ADV", "AJ0", "AV0")
"""Tags a tagger gives a surname that is also an adjective or adverb ("Lang", "Neu", "Young")."""
UMLAUTS = str.maketrans("äöü", "aou")
MAX_ATTRIBUTES = 2
"""A role takes at most this many attributes ("der Leiter des Programms der WHO")."""


@dataclass
class Phrase:
    """One noun phrase that may speak: tokens first..last (inclusive) of a sentence."""

    first: int
    last: int
    kind: str
    """person | role | body | name"""
    text: str
    name: str | None = None
    """The name inside the phrase ("Bärbel Stock", "AP"), if it has one."""
    role: str | None = None
    """The role words without the article ("Vorsitzende Richterin", "Sprecher des Senders")."""
    head: str | None = None
    """The lower-cased role or body noun that heads the phrase ("richterin", "polizei")."""
    gender: str | None = None
    """m | f | n, or None when unknown."""
    plural: bool = False
    definite: bool = True
    """False for "ein Sprecher", "a spokesman": someone new, never someone named before."""
    free: bool = True
    """False when governed by a preposition: not a subject."""
    first_name: bool = False
    """True when the name opens with a first name the dictionary knows."""


@dataclass(frozen=True)
class NameLexicon:
    language: str
    particles: frozenset[str]
    titles: frozenset[str]
    person_nouns: tuple[str, ...]
    bodies: dict[str, str]
    determiners: dict[str, str]
    pronouns: dict[str, str]
    plural_pronouns: frozenset[str]
    not_names: frozenset[str]
    pronoun_window: int
    documents: tuple[str, ...] = ()
    """Texts that speak ("der Bericht", "the statement"): bodies no pronoun points back to."""
    partitives: dict[str, str] = field(default_factory=dict)
    """Pronouns that pick one out of a group, with their gender ("einer der Ärzte": m, "one of": any)."""
    plural_forms: tuple[tuple[str, str], ...] = ()
    """(ending of a noun, ending only its plural takes): ("er", "ern") for "Ermittler", "Ermittlern"."""
    coordinators: frozenset[str] = frozenset()
    """Words joining two phrases into a group ("und", "and")."""
    deputy_prefixes: tuple[str, ...] = ()
    """First parts of a compound role noun that make it another role ("Vizekanzler" is no "Kanzler")."""
    demonstratives: dict[str, str] = field(default_factory=dict)
    """Demonstrative pronouns that stand for someone, with their gender ("dieser": m): they mean the
    phrase whose noun stands last before them, not the subject a personal pronoun prefers."""
    latter: frozenset[str] = frozenset()
    """Demonstratives that mean the last one named who agrees, nouns between or not ("letztere")."""
    inflecting_determiners: frozenset[str] = frozenset()
    """Determiners after which a singular noun takes a case ending ("des Ministers", "dem Präsidenten")."""
    genitive_articles: frozenset[str] = frozenset()
    """Articles only the genitive takes ("des", "eines"): such a phrase right after a common noun is that
    noun's attribute ("die Unterstützer des Antrags"), never a subject."""
    genitive_endings: tuple[str, ...] = ()
    """Endings of a name in the genitive ("Putins", "Deutschlands"): after a common noun, the name owns
    the noun ("ein Sprecher Putins") and is not its name."""
    person_tags: frozenset[str] = frozenset()
    """The tagger's tags of adjectives used as nouns, which name people ("der Verletzte")."""
    neuter_endings: tuple[str, ...] = ()
    """Endings of such a noun in the neuter, which names a thing ("ein Neues")."""
    demonym_nouns: dict = field(default_factory=dict)
    """How a noun for the people of a state is made from its name (``demonym_nouns`` in
    data/speakers_<lang>.yaml): "Kanadier", "Italienern", "Canadians"."""
    _bodies_seen: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    """What ``body`` answered for each lower-cased word so far."""
    _demonyms_seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def person_noun(self, word: str) -> str | None:
        """The gender a role noun tells ("Sprecherin": f), "" when it tells none, None for no role noun."""
        low = word.lower().rsplit("-", 1)[-1]
        if low.endswith(self.person_nouns):
            return "m" if low.endswith(("mann", "man")) else ("f" if low.endswith("woman") else "")
        for ending in ("innen", "in"):
            cut = low[: -len(ending)]
            # "Anwältin", "Ärztin": the feminine may umlaut the noun's vowel
            if low.endswith(ending) and (cut.endswith(self.person_nouns)
                                         or cut.translate(UMLAUTS).endswith(self.person_nouns)):
                return "pl" if ending == "innen" else "f"
        return "" if self.demonym(low) else None

    def demonym(self, word: str) -> bool:
        """A noun for the people of a state, made from the state's CLDR name by the rules of
        ``demonym_nouns``: "Kanadier" (Kanada), "Italienern" (Italien); a person noun of no gender."""
        low = word.lower()
        if low not in self._demonyms_seen:  # the scan runs over every state's name: once per word
            self._demonyms_seen[low] = self._demonym(low)
        return self._demonyms_seen[low]

    def _demonym(self, low: str) -> bool:
        rules = self.demonym_nouns
        if not rules or not low.isalpha():
            return False
        forms = [low] + [low[: -len(e)] for e in rules.get("inflections") or [] if low.endswith(e)]
        cover, shortest = float(rules.get("cover") or 0.6), int(rules.get("shortest_stem") or 4)
        names = _state_names(self.language)
        if any(name.startswith(form) for form in forms for name in names):
            return False  # the state's own name ("Italien", "Niederlanden"), no people
        for form in forms:
            for ending in rules.get("endings") or []:
                stem = form[: -len(ending)] if ending and form.endswith(ending) else None
                if stem and len(stem) >= shortest and any(
                        name.startswith(stem) and len(stem) >= cover * len(name) for name in names):
                    return True
        return False

    def body(self, word: str) -> str | None:
        """The grammatical gender of a body noun ("Polizei": f), None for no body noun."""
        low = word.lower().rsplit("-", 1)[-1]
        if low not in self._bodies_seen:  # the suffix scan below runs over every body noun: once per word
            self._bodies_seen[low] = self._body(low)
        return self._bodies_seen[low]

    def _body(self, low: str) -> str | None:
        hit = self.bodies.get(low)
        if hit:
            return hit
        hit = next((g for noun, g in self.bodies.items() if len(noun) >= 4 and low.endswith(noun)), None)
        return hit or ("doc" if low.endswith(self.documents) else None)


@lru_cache(maxsize=4)
def name_lexicon(language: str) -> NameLexicon:
    lang = lexicon_language("speakers", language)
    data = load_data(f"speakers_{lang}")
    return NameLexicon(
        lang,
        frozenset(w.lower() for w in data.get("particles") or []),
        frozenset(w.lower() for w in data.get("titles") or []),
        tuple(sorted({w.lower() for w in data.get("person_nouns") or []})),
        {str(k).lower(): str(v) for k, v in (data.get("bodies") or {}).items()},
        {str(k).lower(): str(v) for k, v in (data.get("determiners") or {}).items()},
        {str(k).lower(): str(v) for k, v in (data.get("pronouns") or {}).items()},
        frozenset(w.lower() for w in data.get("plural_pronouns") or []),
        frozenset(str(w) for w in data.get("not_names") or []),
        int(data.get("pronoun_window") or 4),
        tuple(sorted({w.lower() for w in data.get("documents") or []})),
        {str(k).lower(): str(v) for k, v in (data.get("partitives") or {}).items()},
        tuple((str(k).lower(), str(v).lower()) for k, v in (data.get("plural_forms") or {}).items()),
        frozenset(str(w).lower() for w in data.get("coordinators") or []),
        tuple(str(w).lower() for w in data.get("deputy_prefixes") or []),
        {str(k).lower(): str(v) for k, v in (data.get("demonstratives") or {}).items()},
        frozenset(str(w).lower() for w in data.get("latter") or []),
        frozenset(str(w).lower() for w in data.get("inflecting_determiners") or []),
        frozenset(str(w).lower() for w in data.get("genitive_articles") or []),
        tuple(str(w) for w in (data.get("clause_speaker") or {}).get("genitive_endings") or []),
        frozenset(str(t) for t in data.get("person_tags") or []),
        tuple(str(w) for w in data.get("neuter_endings") or []),
        dict(data.get("demonym_nouns") or {}),
    )


@lru_cache(maxsize=4)
def _state_names(language: str) -> tuple[str, ...]:
    """The states' names in one word, lower-cased ("kanada"; not "vereinigte staaten")."""
    from ...territories import state_names

    return tuple(sorted({n.lower() for n in state_names(language) if n.isalpha()}))


GENDERS = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f", "andy": "x"}


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    """Each first name gender-guesser knows (lower case) -> m, f or x, as its detector answers without a
    country. Made once per state folder from the package's dictionary (parsing it takes ~0.3 s) and kept
    in state/models/ as this table alone, a tenth of the parsed dictionary: read back in ~0.01 s; made
    again when the package's files or the mapping change."""
    import importlib.util

    from ...model_cache import files_key, kept

    package = Path(importlib.util.find_spec("gender_guesser").origin).parent  # type: ignore[arg-type]
    key = (*files_key(package / "detector.py", package / "data" / "nam_dict.txt"), repr(sorted(GENDERS.items())))
    return kept("gender-guesser-table", key, _gender_table)


def _gender_table() -> dict[str, str]:
    import gender_guesser.detector as gd

    detector = gd.Detector(case_sensitive=False)
    table = {name: GENDERS.get(detector.get_gender(name)) for name in detector.names}
    return {name: g for name, g in table.items() if g}


@lru_cache(maxsize=20000)
def first_name(word: str) -> str | None:
    """m, f or x (a first name of either gender) for a first name the dictionary knows, else None."""
    if not word[:1].isupper() or len(word) < 2 or word.isupper():
        return None
    part = word.split("-", 1)[0]  # "Frank-Walter", "Jean-Claude"
    return _genders().get(part.lower())


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def _is_noun(tok: Token) -> bool:
    """A noun by its tag; a foreign capitalised word; a compound whose last part is a capitalised noun
    that the tagger misread for its lower-case first part ("documenta-Homepage", "dpa-Meldung")."""
    return tok.pos in NOUN_TAGS or (tok.pos == "FM" and _capitalised(tok)) or _noun_compound(tok)


def _noun_compound(tok: Token) -> bool:
    last = tok.text.rsplit("-", 1)[-1]
    return "-" in tok.text and last[:1].isupper() and last.isalpha() and len(last) > 2


def _is_adj(tok: Token) -> bool:
    return tok.pos.startswith(ADJECTIVE_TAGS) and not _noun_compound(tok)


def find_phrases(sentence: Sentence, mask: list[bool], lex: NameLexicon,
                 known: frozenset[str] = frozenset()) -> list[Phrase]:
    """Every person, role, body and name phrase outside quotation marks, in order. ``known`` holds
    surnames named before in the source: a tagger may read "Schnappauf" as a common noun."""
    tokens = sentence.tokens
    out: list[Phrase] = []
    i = 0
    while i < len(tokens):
        one = _partitive(sentence, mask, i, lex)
        if one is not None:
            out.append(one)
            i = one.last + 1
            continue
        end = _core_end(tokens, mask, i, lex)
        if end is None and not mask[i] and tokens[i].text in known:
            end = i  # a surname named before, tagged as an adjective or verb ("Milinkewitsch kritisierte")
        if end is None:
            i += 1
            continue
        end = _name_end(tokens, i, end)
        end = _office_of_role(tokens, mask, end, lex)
        phrase = _classify(sentence, i, end, lex, known)
        if phrase is None and end == i and tokens[i].text in known:
            phrase = Phrase(i, i, "name", tokens[i].text, name=tokens[i].text, free=_free(tokens, i))
        if phrase is not None:
            phrase.last = _attributes(tokens, mask, phrase, lex)
            phrase.text = _slice(sentence, phrase.first, phrase.last)
            if phrase.kind == "role":
                phrase.role = _slice(sentence, _after_determiner(tokens, phrase.first), phrase.last)
                _named_role(sentence, phrase, lex)
            elif phrase.kind == "body" and phrase.head and lex.body(phrase.head) == "doc":
                # a document is named with whose it is: "Pressemitteilung des Vereins"
                phrase.name = _slice(sentence, _after_determiner(tokens, phrase.first), phrase.last)
            _base_form(tokens, phrase, lex)
            out.append(phrase)
            i = phrase.last + 1
        else:
            i = end + 1
    return out


def _base_form(tokens: list[Token], phrase: Phrase, lex: NameLexicon) -> None:
    """A role noun after a determiner that gives it a case ending is shown in its base form: "nach
    Ansicht des Ministers Karl Huber" has the role "Minister", "im Gutachten des Generalanwalts des
    Gerichtshofs" the role "Generalanwalt des Gerichtshofs" (its attribute stays as the article wrote it)."""
    if not phrase.role or not phrase.head or tokens[phrase.first].text.lower() not in lex.inflecting_determiners:
        return
    head = next((t for t in tokens[phrase.first:phrase.last + 1] if t.text.lower() == phrase.head), None)
    if head is None or not head.lemma or head.lemma == head.text or not head.text.startswith(head.lemma) \
            or len(head.text) - len(head.lemma) > MAX_CASE_ENDING:
        return
    phrase.role = phrase.role.replace(head.text, head.lemma, 1)


MAX_CASE_ENDING = 2
"""Letters a case ending adds to a noun at most ("Minister-s", "Präsident-en")."""


def _partitive(sentence: Sentence, mask: list[bool], i: int, lex: NameLexicon) -> Phrase | None:
    """One person picked out of a group of people ("Einer der beteiligten Ärzte", "one of the
    officials"): a role phrase in the singular, and indefinite, someone not named before."""
    tokens = sentence.tokens
    gender = lex.partitives.get(tokens[i].text.lower())
    j = i + 1
    if gender is None or mask[i] or j >= len(tokens) or mask[j] \
            or tokens[j].text.lower() not in PARTITIVE_LINKS[lex.language]:
        return None  # ("Eine der Ärztinnen" is tagged an article, but no article precedes another)
    if tokens[j].pos not in DETERMINER_TAGS:
        j += 1  # "one of the officials": the link is no article
    end = _core_end(tokens, mask, j, lex) if j < len(tokens) else None
    group = _classify(sentence, j, end, lex) if end is not None else None
    if group is None or group.kind != "role":
        return None
    group.last = _attributes(tokens, mask, group, lex)
    group.first, group.plural, group.definite = i, False, False
    group.gender = gender if gender in ("m", "f", "n") else None
    group.text = group.role = _slice(sentence, i, group.last)
    group.free = _free(tokens, i)
    return group


def _core_end(tokens: list[Token], mask: list[bool], i: int, lex: NameLexicon) -> int | None:
    """The last token of a determiner-adjective-noun run opening at ``i``, or None."""
    k = i
    if tokens[k].pos in DETERMINER_TAGS:
        k += 1
    while k < len(tokens) and not mask[k] and (_is_adj(tokens[k]) or tokens[k].text.lower() in lex.titles):
        k += 1
    last = None
    while k < len(tokens) and not mask[k]:
        tok = tokens[k]
        if _is_noun(tok) or tok.text.lower() in lex.titles:
            last = k
        elif tok.text == "-" and last == k - 1 and k + 1 < len(tokens) and tokens[k + 1].start == tok.end:
            pass  # "Secretary-General" split by the tokenizer
        elif last is not None and tok.text.lower() in lex.particles and _particle_run(tokens, mask, k, lex):
            pass  # "Ursula von der Leyen": only after a first name (checked in _classify)
        elif last == k - 1 and _misread_surname(tokens[last], tok, lex):
            last = k
        else:
            break
        k += 1
    return last


def _misread_surname(before: Token, tok: Token, lex: NameLexicon) -> bool:
    """A capitalised word the tagger reads as an adjective or adverb right after a first name is the
    surname: "Paul Lang", "Anna Neu", "John Young" (such a word is capitalised inside a sentence only
    as a name)."""
    return tok.pos.startswith(SURNAME_MISREAD_TAGS) and _capitalised(tok) and tok.text not in lex.not_names \
        and first_name(before.text) is not None and before.text not in lex.not_names


def _office_of_role(tokens: list[Token], mask: list[bool], end: int, lex: NameLexicon) -> int:
    """A role's body after a possessive is one body: "the Prime Minister's Office", "the President's
    office" (not "Pakistan's Foreign Office": a state's body is read as its own phrase)."""
    k = end + 1
    if lex.person_noun(tokens[end].text) is None or k + 1 >= len(tokens) or mask[k] \
            or tokens[k].pos not in POSSESSIVE_TAGS:
        return end
    after = _core_end(tokens, mask, k + 1, lex)
    return after if after is not None and lex.body(tokens[after].text) else end


def _name_end(tokens: list[Token], first: int, last: int) -> int:
    """A name that opens with a first name ends at its last proper noun: a common noun after it is the
    next word of the clause ("nahm Lena Albers Stellung")."""
    if last - first >= 2 and tokens[last].pos == "NN" and tokens[last - 1].pos in PROPER_TAGS \
            and any(first_name(t.text) for t in tokens[first:last - 1]):
        return last - 1
    return last


def _particle_run(tokens: list[Token], mask: list[bool], k: int, lex: NameLexicon) -> bool:
    """Particles at ``k`` followed by a capitalised name, right after a first name."""
    j = k
    while j < len(tokens) and tokens[j].text.lower() in lex.particles and not tokens[j].text[:1].isupper():
        j += 1
    if j == k or j >= len(tokens) or mask[j] or not _capitalised(tokens[j]) or not _is_noun(tokens[j]):
        return False
    before = k - 1
    while before >= 0 and tokens[before].text.lower() in lex.particles:
        before -= 1
    return before >= 0 and first_name(tokens[before].text) is not None


def _classify(sentence: Sentence, first: int, last: int, lex: NameLexicon,
              known: frozenset[str] = frozenset()) -> Phrase | None:
    tokens = sentence.tokens
    det = tokens[first].text.lower() if tokens[first].pos in DETERMINER_TAGS else None
    start = first + 1 if det else first
    if _genitive_owner(tokens, start, last, lex, known):
        # "die Lage Deutschlands", "ein Sprecher Putins": the noun before the name is what the phrase
        # names; a role or body keeps the name as its attribute, another noun names nobody who speaks
        owned = _classify(sentence, first, last - 1, lex)
        if owned is None or owned.kind not in ("role", "body") or owned.name:
            # the owner alone, in its base form, and never a subject: "die ersten Worte Armstrongs"
            base = _genitive_stem(tokens[last].text, lex) or tokens[last].text
            return Phrase(last, last, "name", tokens[last].text, name=base, free=False)
        owned.last = last
        owned.text = _slice(sentence, first, last)
        if owned.kind == "body":
            owned.name = _slice(sentence, start, last)
        return owned
    names = _name_tokens(tokens, start, last, lex)
    heads = [(k, _role_noun(tokens[k], lex)) for k in range(start, last + 1)
             if tokens[k].pos not in PROPER_TAGS and _role_noun(tokens[k], lex) is not None]
    bodies = [(k, _body_noun(tokens[k], lex)) for k in range(start, last + 1) if _body_noun(tokens[k], lex)]
    phrase = Phrase(first, last, "name", _slice(sentence, first, last),
                    definite=lex.determiners.get(det or "", "") != "indef", free=_free(tokens, first))
    if names is not None:
        n_first, by_first = names
        n_first = _name_after_role(tokens, n_first, heads, lex)
        if heads and heads[-1][0] == n_first - 1 and _plural_form(tokens[n_first - 1], lex):
            # "von den Ermittlern Demjanjuk zugeordnet": a role in the plural is not the name's title
            return _classify(sentence, first, n_first - 1, lex)
        phrase.name = _slice(sentence, n_first, last)
        phrase.first_name = by_first
        before = [k for k in range(start, n_first) if tokens[k].text.lower() not in lex.titles]
        if before:
            phrase.role = _slice(sentence, before[0], before[-1])
        if by_first or heads and heads[-1][0] < n_first:
            phrase.kind = "person"
            phrase.gender = _person_gender(tokens[n_first].text if by_first else "", heads, det, lex)
        elif bodies and bodies[-1][0] < n_first:
            phrase.kind, phrase.head = "body", tokens[bodies[-1][0]].text.lower()
            phrase.gender = _body_gender(bodies[-1][1], phrase)
        if heads and heads[-1][0] < n_first:
            phrase.head = tokens[heads[-1][0]].text.lower()
        return phrase
    if not heads and not bodies and _nominalised_person(tokens[last], det, lex):
        heads = [(last, "")]  # "Ein Übertrittswilliger begründete …", "Die Verletzten sagten"
    if heads and heads[-1][0] == last:
        phrase.kind, phrase.head = "role", tokens[last].text.lower()
        phrase.gender = _person_gender("", heads, det, lex)
        phrase.plural = phrase.gender == "pl" or _plural_form(tokens[last], lex) or (
            det in ("die", "einige", "mehrere", "zwei", "drei", "alle") and heads[-1][1] == "" and lex.language == "de")
        if phrase.plural:
            phrase.gender = None
        return phrase
    if bodies and bodies[-1][0] == last:
        phrase.kind, phrase.head = "body", tokens[last].text.lower()
        phrase.name = _slice(sentence, start, last)  # "die Konrad-Adenauer-Stiftung", "die Polizei"
        phrase.gender = _body_gender(bodies[-1][1], phrase)
        return phrase
    return None


def _genitive_owner(tokens: list[Token], start: int, last: int, lex: NameLexicon, known: frozenset[str]) -> bool:
    """The phrase ends in a proper noun in the genitive right after a common noun: "die Lage
    Deutschlands", "die Anhänger Gbagbos". After a role or body noun the name must be known without its
    ending (named before): "Premier Tsipras" is the premier's name, "ein Sprecher Putins" Putin's
    spokesman; after another noun it is enough that the tagger reads the name as its genitive."""
    if last <= start or tokens[last].pos not in PROPER_TAGS or tokens[last - 1].pos != "NN" \
            or tokens[last - 1].text.lower() in lex.titles:
        return False
    stem = _genitive_stem(tokens[last].text, lex)
    if stem is None:
        return False
    if _role_noun(tokens[last - 1], lex) is not None or _body_noun(tokens[last - 1], lex):
        return stem in known
    return stem in known or tokens[last].lemma == stem


def _genitive_stem(word: str, lex: NameLexicon) -> str | None:
    return next((word[:-len(e)] for e in lex.genitive_endings if word.endswith(e) and len(word) - len(e) > 2), None)


def _plural_form(tok: Token, lex: NameLexicon) -> bool:
    """A noun in a form only its plural takes ("Ermittlern" of "Ermittler")."""
    low, lemma = tok.text.lower(), (tok.lemma or "").lower()
    return low != lemma and any(lemma.endswith(base) and low.endswith(form) for base, form in lex.plural_forms)


def _name_after_role(tokens: list[Token], n_first: int, heads: list[tuple[int, str | None]],
                     lex: NameLexicon) -> int:
    """A capitalised word right after the role noun opens the name, even one the tagger reads as a
    common noun: "Foreign Minister Shah Mehmood Qureshi", "Außenminister Shah Mahmood Qureshi"."""
    k = n_first - 1
    if not heads or heads[-1][0] != k - 1 or not _capitalised(tokens[k]):
        return n_first
    word = tokens[k].text
    if lex.person_noun(word) is not None or lex.body(word) or word.lower() in lex.titles or word in lex.not_names:
        return n_first
    return k


def _named_role(sentence: Sentence, phrase: Phrase, lex: NameLexicon) -> None:
    """A role whose attribute ends in a full name is that person: "Ex-Gouverneur von Massachusetts Mitt Romney"."""
    tokens = sentence.tokens
    names = _name_tokens(tokens, phrase.first + 1, phrase.last, lex)
    if names is None or not names[1]:
        return
    n_first = names[0]
    phrase.kind, phrase.name, phrase.first_name = "person", _slice(sentence, n_first, phrase.last), True
    phrase.role = _slice(sentence, _after_determiner(tokens, phrase.first), n_first - 1)
    g = first_name(tokens[n_first].text)
    phrase.gender = g if g in ("m", "f") else phrase.gender


def _name_tokens(tokens: list[Token], start: int, last: int, lex: NameLexicon) -> tuple[int, bool] | None:
    """Where the name at the end of a phrase starts, and whether it opens with a first name."""
    k = last
    after_first = last > start and first_name(tokens[last - 1].text) is not None  # "Susanne Eisenmann"
    if not _capitalised(tokens[last]) or tokens[last].text in lex.not_names or not after_first and (
            _role_noun(tokens[last], lex) is not None or _body_noun(tokens[last], lex)):
        return None
    if last > start and tokens[last].pos == "NN" and _role_noun(tokens[last - 1], lex) is not None \
            and tokens[last - 1].pos not in PROPER_TAGS:
        return last, False  # "Kultusministerin Eisenmann", the surname tagged a common noun
    while k - 1 >= start and _role_noun(tokens[k - 1], lex) is None and (
            tokens[k - 1].pos in PROPER_TAGS or tokens[k - 1].text.lower() in lex.particles
            or tokens[k - 1].text == "-" or first_name(tokens[k - 1].text)):
        k -= 1
    while tokens[k].text.lower() in lex.particles or tokens[k].text == "-":
        k += 1  # a name does not open with "von" (that is "Bürgermeister von ...")
    by_first = k < last and first_name(tokens[k].text) is not None and tokens[k].text not in lex.not_names
    if not by_first:
        k, by_first = _first_name_within(tokens, k, last, lex)
    proper = all(tokens[j].pos in PROPER_TAGS or tokens[j].text.lower() in lex.particles or tokens[j].text == "-"
                 or (by_first and _capitalised(tokens[j])) for j in range(k, last + 1))
    return (k, by_first) if proper or by_first else None


def _first_name_within(tokens: list[Token], k: int, last: int, lex: NameLexicon) -> tuple[int, bool]:
    """Where a full name opens inside the proper nouns k..last after an attribute that ends in a name:
    "der Abgeordnete der CDU Frank Mindermann" (the surname tagged a common noun), "Gouverneur von
    Massachusetts Mitt Romney". (k, False) when no first name opens a run of capitalised words to the end."""
    for j in range(k + 1, last):
        if first_name(tokens[j].text) is not None and tokens[j].text not in lex.not_names \
                and all(_capitalised(t) or t.text == "-" for t in tokens[j:last + 1]):
            return j, True
    return k, False


def _role_noun(tok: Token, lex: NameLexicon) -> str | None:
    """``person_noun`` of the word, else of its lemma: an inflected role noun ("des Leiters", "den
    Experten") is the role noun of its base form."""
    told = lex.person_noun(tok.text)
    if told is None and tok.lemma and tok.lemma.lower() != tok.text.lower() and tok.pos not in PROPER_TAGS:
        told = lex.person_noun(tok.lemma)
    return told


def _body_noun(tok: Token, lex: NameLexicon) -> str | None:
    """``body`` of the word, else of its lemma ("des Ministeriums", "der Verbände")."""
    hit = lex.body(tok.text)
    if hit is None and tok.lemma and tok.lemma.lower() != tok.text.lower() and tok.pos not in PROPER_TAGS:
        hit = lex.body(tok.lemma)
    return hit


def _nominalised_person(tok: Token, det: str | None, lex: NameLexicon) -> bool:
    """An adjective or participle used as a noun names people ("der Verletzte", "ein Übertrittswilliger",
    "die Jugendlichen"), by the tagger's tag for it; not after a neuter determiner or with the neuter
    ending ("das Gute", "ein Neues")."""
    return tok.pos in lex.person_tags and lex.determiners.get((det or "").lower()) != "n" \
        and not tok.text.endswith(lex.neuter_endings or ("\0",))


def _person_gender(given: str, heads: list[tuple[int, str | None]], det: str | None, lex: NameLexicon) -> str | None:
    g = first_name(given) if given else None
    if g in ("m", "f"):
        return g
    told = heads[-1][1] if heads else ""
    if told:
        return told
    by_det = lex.determiners.get(det or "")
    return by_det if by_det in ("m", "f") else None


def _body_gender(gender: str | None, phrase: Phrase) -> str | None:
    if gender == "pl":
        phrase.plural = True
    return gender if gender in ("m", "f", "n") else None  # a document ("doc") agrees with no pronoun


def _attributes(tokens: list[Token], mask: list[bool], phrase: Phrase, lex: NameLexicon) -> int:
    """Extend a role or body by its genitive or "von"/"of" attribute ("Sprecher des Auswärtigen Amts")."""
    last = phrase.last
    if phrase.kind not in ("role", "body", "person") or (phrase.kind == "person" and phrase.name):
        return last
    links = GENITIVE_LINKS[lex.language] | NAME_LINKS[lex.language]
    for _ in range(MAX_ATTRIBUTES):
        k = last + 1
        if k >= len(tokens) or mask[k] or tokens[k].text.lower() not in links:
            break
        if tokens[k].text.lower() in NAME_LINKS[lex.language] and not (
                k + 1 < len(tokens) and tokens[k + 1].pos in PROPER_TAGS):
            break
        end = _core_end(tokens, mask, k + 1, lex)
        if end is None:
            break
        last = end
    return last


def attribute_of_noun(tokens: list[Token], i: int, lex: NameLexicon) -> bool:
    """The phrase opening at ``i`` with a genitive article follows a common noun: it is that noun's
    attribute ("entgegneten die Unterstützer des Antrags"), not the clause's subject."""
    return i > 0 and tokens[i].text.lower() in lex.genitive_articles and tokens[i - 1].pos in NOUN_TAGS \
        and tokens[i - 1].pos not in PROPER_TAGS


def _free(tokens: list[Token], i: int) -> bool:
    if i == 0:
        return True
    before = tokens[i - 1]
    return before.pos not in PREPOSITION_TAGS or (before.pos == "PRF" and before.text.lower() != "of")


def _after_determiner(tokens: list[Token], i: int) -> int:
    return i + 1 if tokens[i].pos in DETERMINER_TAGS else i


def _slice(sentence: Sentence, i: int, j: int) -> str:
    return sentence.text[sentence.tokens[i].start - sentence.start: sentence.tokens[j].end - sentence.start]
