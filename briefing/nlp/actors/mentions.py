"""Who is meant: one article's people and bodies, each named at its fullest.

``Discourse`` reads the phrases of one source sentence by sentence (``names.find_phrases``) and
keeps a ``Referent`` for each person or body named. A later mention is the same referent when

- a surname alone repeats the surname of a full name named before ("Steinbrück" after "Peer
  Steinbrück"), also in the genitive ("Armstrongs");
- a definite role phrase repeats the role noun of someone named before ("der Minister" after
  "Bundesfinanzminister Peer Steinbrück", "the spokeswoman" after "Mary Jones, a spokeswoman");
- a pronoun agrees in gender and number with the nearest person or body named before it, within a
  few sentences ("Er sagte" after "Peer Steinbrück"); when none agrees, nobody is meant.

The gazetteer adds only what it knows: a party code and a canonical name (``Referent.party``).

API for the other wings (statements, meetings): build one ``Discourse(language)`` per source,
call ``refer(sentence, phrase, party, canonical)`` for each phrase in reading order and
``pronoun(sentence, word, plural)`` for a personal pronoun; both return the ``Referent`` meant (or
None). ``Referent.speaker`` is the name to show, ``Referent.role`` the role the article gave.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from .names import NameLexicon, Phrase, first_name, name_lexicon

log = logging.getLogger(__name__)

GENITIVE_ENDINGS = ("s", "'", "’s", "'s")


@dataclass(frozen=True)
class Known:
    """What the gazetteer knows about a phrase: its party, the canonical name, whether it is a place."""

    party: str | None = None
    canonical: str | None = None
    place: bool = False


@dataclass
class Referent:
    """One person or body of the article, as fully as the article names it."""

    kind: str
    """person | body | role | name | place | group (several named together)"""
    name: str | None = None
    role: str | None = None
    head: str | None = None
    """The role or body noun ("minister", "polizei") that a later "der Minister" repeats."""
    gender: str | None = None
    plural: bool = False
    party: str | None = None
    last_seen: int = 0
    """The sentence (0-based) where it was last named."""
    roles: list[str] = field(default_factory=list)
    """Every role noun given to it, lower-cased."""

    @property
    def speaker(self) -> str | None:
        """The name to show: the fullest name, else the role phrase."""
        return self.name or self.role

    @property
    def surname(self) -> str | None:
        if self.kind != "person" or not self.name or " " not in self.name:
            return None
        return self.name.split()[-1]


class Discourse:
    """The people and bodies of one source, in the order they were last named."""

    def __init__(self, language: str) -> None:
        self.lex: NameLexicon = name_lexicon(language)
        self.referents: list[Referent] = []
        self.named: list[Referent] = []
        """Every referent in the order it was last named, inside reported speech or after a preposition
        too: what "letztere" means."""
        self.last_noun: Referent | None = None
        """Who the last noun of the sentence before named (None: nobody), for "Dieser sagte"."""

    def refer(self, sentence: int, phrase: Phrase, known: Known | None = None, salient: bool = True
              ) -> Referent | None:
        """The referent a phrase means: someone named before, or someone new. A mention that is not
        ``salient`` (inside reported speech) does not become what a later pronoun means."""
        known = known or Known()
        canonical = known.canonical
        found = self._same(phrase, canonical)
        if found is None:
            if phrase.kind == "role" and not phrase.definite and phrase.plural:
                # "einige Anhänger", "von Musikkennern": who speaks, but nobody a later word points back to
                return Referent("role", None, phrase.role, phrase.head, None, True, last_seen=sentence)
            kind = "place" if known.place and phrase.kind == "name" else phrase.kind
            found = Referent(kind, phrase.name, phrase.role, phrase.head, phrase.gender, phrase.plural)
            self.referents.insert(0 if not salient else len(self.referents), found)
        else:
            self._learn(found, phrase)
        if canonical and (not found.name or len(canonical) > len(found.name)) and found.kind in ("person", "name"):
            found.name = canonical  # the gazetteer knows the full name ("Merkel": "Angela Merkel")
            found.kind = "person"
        if known.party and not found.party:
            found.party = known.party
        if phrase.head and phrase.head not in found.roles:
            found.roles.append(phrase.head)
        if salient:
            found.last_seen = sentence
            self.referents.remove(found)
            self.referents.append(found)
        if found in self.named:
            self.named.remove(found)
        self.named.append(found)
        return found

    def group(self, sentence: int, text: str) -> Referent:
        """Those named together ("der Sprecher und andere Mitarbeiter"), whom a later plural pronoun
        means ("Sie stellten klar")."""
        ref = Referent("group", None, text, plural=True, last_seen=sentence)
        self.referents.append(ref)
        return ref

    def settle(self, sentence: int, oblique: list[Referent]) -> None:
        """After a sentence: those it named only after a preposition ("telefonierte mit Putin") rank
        behind the others it named, so that "er" in the next sentence means the subject (Biden in
        "Biden telefonierte mit Putin. Dabei drohte er ...") before the one named last."""
        named = [r for r in self.referents if r.last_seen == sentence]
        behind = [r for r in named if any(r is o for o in oblique)]
        if not behind or len(behind) == len(named):
            return
        rest = [r for r in self.referents if not any(r is n for n in named)]
        self.referents = rest + behind + [r for r in named if not any(r is b for b in behind)]

    def surnames(self) -> frozenset[str]:
        """The surnames of the people named so far ("Schnappauf" after "Werner Schnappauf")."""
        return frozenset(r.surname for r in self.referents if r.surname)

    def speaks(self, ref: Referent) -> None:
        """A bare name that speaks ("Stoiber sagte") is a person."""
        if ref.kind == "name":
            ref.kind = "person"

    def demonstrative(self, word: str, last: Referent | None, plural: bool = False) -> Referent | None:
        """Who a demonstrative means: "dieser" the phrase whose noun stood last before it (``last``;
        None when that noun named nobody: "vom Wächterrat. Dieser …" is not someone named before),
        "letztere" the last one named that agrees, wherever it stood ("mit dem Anwalt Rainer Wittner")."""
        low = word.lower()
        gender = self.lex.demonstratives.get(low)
        if gender is None:
            return None
        plural = plural or gender == "pl"
        fits = [r for r in reversed(self.named) if r.plural == plural and (plural or _agrees(r, gender))]
        if low in self.lex.latter:
            return fits[0] if fits else None
        return last if any(r is last for r in fits) else None

    def pronoun(self, sentence: int, word: str, plural: bool = False) -> Referent | None:
        """The nearest person or body named before that agrees with the pronoun, or None."""
        gender = self.lex.pronouns.get(word.lower())
        if gender is None:
            return None
        plural = plural or gender == "pl"
        for ref in reversed(self.referents):
            if sentence - ref.last_seen > self.lex.pronoun_window:
                break
            if ref.plural != plural:
                continue
            if plural and ref.kind != "place" or _agrees(ref, gender):
                return ref
        return None

    def _same(self, phrase: Phrase, canonical: str | None) -> Referent | None:
        if phrase.kind in ("person", "name", "body") and (phrase.name or canonical):
            return self._by_name(phrase.name or canonical or "", canonical, _role_noun(phrase.head, phrase.role))
        if phrase.kind in ("role", "body") and phrase.definite and phrase.head:
            return self._by_role(phrase.head, phrase.gender, phrase.plural)
        return None

    def _by_name(self, name: str, canonical: str | None, head: str | None = None) -> Referent | None:
        words = name.split()
        for ref in reversed(self.referents):
            if not ref.name:
                continue
            if ref.name == name or (canonical and ref.name == canonical):
                return ref
            if len(words) == 1 and ref.kind == "person" and _surname_of(words[0], ref.name) \
                    and _may_be(ref, canonical, head):
                return ref  # "Steinbrück", "Armstrongs" after "Peer Steinbrück"
            if len(words) > 1 and ref.kind in ("person", "name") and " " not in ref.name \
                    and words[-1] == ref.name:
                return ref  # the surname came first, the full name now
        return None

    def _by_role(self, head: str, gender: str | None = None, plural: bool = False) -> Referent | None:
        """The last one named with this role noun, or a compound ending in it ("der Minister" after
        "Bundesfinanzminister Peer Steinbrück"), of the same sex ("die Königin" is not "König
        Abdullah"); a deputy's role is not the role ("die Kanzlerin" is not the "Vizekanzler")."""
        stem = _stem(head)
        feminine = self.lex.person_noun(head) == "f"
        for ref in reversed(self.referents):
            if gender in ("m", "f") and ref.gender in ("m", "f") and ref.gender != gender or ref.plural != plural:
                continue
            if any(_stem(r).endswith(stem) and not self._deputy(_stem(r)[: -len(stem)])
                   and (feminine == (self.lex.person_noun(r) == "f") or ref.gender == gender) for r in ref.roles):
                return ref
        return None

    def _deputy(self, prefix: str) -> bool:
        """A compound's first part that makes another role of the noun ("Vize", "Ex-", "Unter")."""
        return prefix.rstrip("-").endswith(self.lex.deputy_prefixes) if prefix and self.lex.deputy_prefixes \
            else False

    def _learn(self, ref: Referent, phrase: Phrase) -> None:
        if phrase.name and (not ref.name or len(phrase.name) > len(ref.name)) and phrase.kind != "role":
            ref.name = phrase.name
        if phrase.kind == "person" and ref.kind in ("name", "role"):
            ref.kind = "person"
        if phrase.role and not ref.role:
            ref.role = phrase.role
        if phrase.gender and not ref.gender:
            ref.gender = phrase.gender
        if ref.gender is None and ref.kind == "person" and ref.name:
            g = first_name(ref.name.split()[0])
            ref.gender = g if g in ("m", "f") else None


def _agrees(ref: Referent, gender: str) -> bool:
    """A singular pronoun's gender fits the referent: a person's sex, a role's or a body's grammatical
    gender; a person of unknown sex fits "er" and "sie". Places and bare names fit no pronoun."""
    if ref.kind in ("place", "name"):
        return False
    if ref.gender == gender:
        return True
    return ref.gender is None and ref.kind == "person" and gender in ("m", "f")


def _may_be(ref: Referent, canonical: str | None, head: str | None) -> bool:
    """A surname may mean a person of that surname named before unless the gazetteer's full name or
    the role differs: "President Obama" is not "Michelle Obama", "Judge Brandt" not "Minister Paul
    Brandt" (a role fits when one role noun ends the other: "Minister" and "Außenminister")."""
    if canonical and " " in canonical and ref.name != canonical:
        return False
    theirs = [r for r in [*ref.roles, _role_noun(None, ref.role)] if r]
    if not head or not theirs:
        return True
    mine = _stem(head)
    return any(_stem(r).endswith(mine) or mine.endswith(_stem(r)) for r in theirs)


def _role_noun(head: str | None, role: str | None) -> str | None:
    """The role noun of a phrase: its head, else the last word of its role ("Interior Minister")."""
    return head or (role.split()[-1].lower() if role and role.split() else None)


def _surname_of(word: str, full: str) -> bool:
    parts = full.split()
    if len(parts) < 2:
        return False
    surname = parts[-1]
    if word == surname or word == surname + ".":
        return True  # (the tokenizer keeps the full stop of "…“, so Gall." with a name it reads as an abbreviation)
    return any(word == surname + e for e in GENITIVE_ENDINGS)


def _stem(word: str) -> str:
    """A role noun without its case, plural or feminine ending ("Ministers", "Sprecherin", "officials")."""
    low = word.lower().rsplit("-", 1)[-1]
    for ending in ("innen", "in", "en", "es", "n", "s"):
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            return low[: -len(ending)]
    return low
