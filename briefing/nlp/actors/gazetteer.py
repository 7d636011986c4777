"""The actor gazetteer of one language: names, people, adjectives, compound prefixes and roles.

Built once per language (and set of extra aliases from config.yaml) from
data/actors_<lang>.yaml and data/actors_people.yaml.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...data import language_data, load_data
from ...territories import state_names

log = logging.getLogger(__name__)

REGNAL = re.compile(r"^[IVXL]+\.?$")
"""A regnal number ("II.", "XVI"): the end of a ruler's name, no surname of its own."""

# Inflection endings stripped from a name before look-up: "Moskaus", "des Kremls", "Bündnisses".
NAME_ENDINGS = ("ses", "es", "s", "n", "'s", "’s", "'")
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


@dataclass(frozen=True)
class Entry:
    party: str
    kind: str
    """name | person | adjective | demonym | office"""
    person: str | None = None
    parties: tuple[str, ...] = ()
    """All parties for an ambiguous name ("Brüssel": EU, NATO)."""


@dataclass
class Gazetteer:
    language: str
    phrases: dict[str, Entry] = field(default_factory=dict)
    """Lower-cased names (one or several words) -> entry."""
    max_words: int = 1
    adjectives: list[tuple[str, str]] = field(default_factory=list)
    hyphen_prefixes: dict[str, str] = field(default_factory=dict)
    closed_prefixes: list[tuple[str, str]] = field(default_factory=list)
    roles: tuple[str, ...] = ()
    role_as: tuple[str, ...] = ()
    pronouns: frozenset[str] = frozenset()
    capitals: dict[str, str] = field(default_factory=dict)
    capital_words: tuple[str, ...] = ()
    role_links: frozenset[str] = frozenset()
    """Words between a role noun and whose role it is ("Sprecher des Kremls", "a spokesman for the ministry")."""
    home_roles: tuple[str, ...] = ()
    """Roles that, with no party of their own, speak for the state of a capital's dateline ("officials said")."""
    _adjective_seen: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)
    _role_seen: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _starts: tuple[int, frozenset[str]] = field(default=(-1, frozenset()), repr=False, compare=False)

    def _first_words(self) -> frozenset[str]:
        """The first word of every phrase, made again whenever a phrase was added."""
        if self._starts[0] != len(self.phrases):
            self._starts = (len(self.phrases), frozenset(k.split(" ", 1)[0] for k in self.phrases))
        return self._starts[1]

    def lookup(self, text: str) -> Entry | None:
        """The entry of a name as written, or of its uninflected form."""
        key = " ".join(text.replace("\u00ad", "").split()).lower()
        hit = self.phrases.get(key)
        if hit:
            return hit
        # Most keys tried are several words that begin no phrase (find_mentions tries every span of up
        # to seven tokens): cutting an ending off the last word leaves the first word as it is.
        space = key.find(" ")
        if not key.endswith(NAME_ENDINGS) or (space > 0 and key[:space] not in self._first_words()):
            return None
        for ending in NAME_ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= 3:
                hit = self.phrases.get(key[: -len(ending)])
                if hit and hit.kind != "adjective":
                    return Entry(hit.party, hit.kind, hit.person, hit.parties)
        return None

    def adjective(self, word: str) -> str | None:
        # both scans run over a whole word list, for every token: answer each word once (a
        # gazetteer is complete when ``gazetteer`` returns it)
        low = word.lower()
        if low not in self._adjective_seen:
            self._adjective_seen[low] = self._adjective(low)
        return self._adjective_seen[low]

    def _adjective(self, low: str) -> str | None:
        for stem, party in self.adjectives:
            if low.startswith(stem) and low[len(stem):] in ADJECTIVE_ENDINGS:
                return party
        return None

    def is_role(self, word: str) -> bool:
        if word not in self._role_seen:
            self._role_seen[word] = self._is_role(word)
        return self._role_seen[word]

    def _is_role(self, word: str) -> bool:
        low = word.lower().rstrip(".")
        if "-" in low:
            low = low.rsplit("-", 1)[1]
        for cut in (low, low[:-1], low[:-2], low[:-5] if low.endswith("innen") else low):
            if cut and cut.endswith(self.roles):
                return True
        return False


@lru_cache(maxsize=16)
def gazetteer(language: str, extra: tuple[tuple[str, str], ...] = ()) -> Gazetteer:
    """The gazetteer for ``language`` (de or en), with config aliases (alias -> code) added."""
    data = language_data("actors", language)
    g = Gazetteer(language)

    def add(name: str, entry: Entry) -> None:
        key = " ".join(name.split()).lower()
        g.phrases.setdefault(key, entry)
        g.max_words = max(g.max_words, len(key.split()))

    for party, people in (load_data("actors_people") or {}).items():
        for variants in people or []:
            names = [v.strip() for v in str(variants).split("|")]
            for name in names:
                # the person is named in the spelling the text uses ("Ryabkov" in English, "Rjabkow" in German)
                add(name, Entry(party, "person", name))
                words = name.split()
                surname = words[-1]
                if len(surname) > 2 and not REGNAL.match(surname):  # "II." of "Abdullah II." names nobody alone
                    add(surname, Entry(party, "person", name))
                # "von der Leyen", "de Mistura": the particles belong to the surname ("Von der Leyen sagte")
                lower = next((k for k in range(1, len(words) - 1) if words[k].islower()), None)
                if lower is not None:
                    add(" ".join(words[lower:]), Entry(party, "person", name))
    for party, names in (data.get("names") or {}).items():
        for name in names or []:
            add(str(name), Entry(party, "name"))
    # the rest of the world's states by their CLDR names, after the lists (which win); not the names that in
    # the news mostly mean something else ("Chad" is a first name)
    not_states = {str(w).lower() for w in data.get("not_states") or []}
    for name, code in state_names(language if language in ("de", "en") else "de").items():
        if name.lower() not in not_states:
            add(name, Entry(code, "name"))
    for name, parties in (data.get("ambiguous") or {}).items():
        key = name.lower()
        g.phrases[key] = Entry(parties[0], "name", None, tuple(parties))
    for party, names in (data.get("demonyms") or {}).items():
        for name in names or []:
            for form in (name, name + "n"):
                add(form, Entry(party, "demonym"))
    for party, names in (data.get("bare_roles") or {}).items():
        for name in names or []:
            add(name, Entry(party, "office"))
    for party, stems in (data.get("adjectives") or {}).items():
        for stem in stems or []:
            if data.get("inflected_adjectives"):
                g.adjectives.append((stem.lower(), party))  # "russische", "russischen": matched by their stem
            else:
                add(stem, Entry(party, "adjective"))
    prefixes = data.get("prefixes") or {}
    for party, words in (prefixes.get("hyphenated") or {}).items():
        for word in words or []:
            g.hyphen_prefixes[word.lower()] = party
    for party, words in (prefixes.get("closed") or {}).items():
        for word in words or []:
            g.closed_prefixes.append((word.lower(), party))
    for alias, code in extra:
        g.phrases[" ".join(alias.split()).lower()] = Entry(code, "name")
        g.max_words = max(g.max_words, len(alias.split()))
    g.roles = tuple(r.lower() for r in data.get("roles") or [])
    g.role_as = tuple(r.lower() for r in data.get("role_as") or [])
    g.pronouns = frozenset(p.lower() for p in data.get("pronouns") or [])
    g.capitals = {str(k): str(v) for k, v in (data.get("capitals") or {}).items()}
    g.capital_words = tuple(w.lower() for w in data.get("capital_words") or [])
    g.home_roles = tuple(w.lower() for w in data.get("home_roles") or [])
    g.role_links = frozenset(w.lower() for w in data.get("role_links") or [])
    log.debug("gazetteer %s: %d phrases", language, len(g.phrases))
    return g
