"""Actors: who is named in a sentence, and which party each name stands for.

Two levels. ``ActorMention``: every gazetteer hit (a country, capital, seat, person, adjective,
compound part). ``Entity``: a run of tokens naming one possible speaker ("Russlands Präsident
Wladimir Putin", "das Außenministerium in Moskau", "a senior State Department official"),
with the party it speaks for and whether it can be a grammatical subject (not governed by a
preposition, not a genitive attribute).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache

from ...data import language_data, word_set
from ...model import ActorMention, Sentence, Token
from ...territories import state_of_adjective
from .gazetteer import Entry, Gazetteer
from .names import first_name

log = logging.getLogger(__name__)

ORGANISATIONS = frozenset({"NATO", "EU", "UN", "OSCE", "G7", "G20", "IAEA", "ASEAN", "LAS", "AU"})
PREPOSITION_TAGS = frozenset({"APPR", "APPRART", "APPO", "PRP", "PRF", "KOKOM"})
DETERMINER_TAGS = frozenset({"ART", "AT0", "PPOSAT", "DPS", "PIAT", "DT0", "PDAT", "CRD", "CARD"})
ADJECTIVE_TAGS = ("ADJ", "AJ", "ORD")
NAME_TAGS = ("NE", "NP0")
PLACE_PREPOSITIONS = frozenset({"in", "at"})
"""Prepositions before a place that says where a role is, not whose it is (the same word in German)."""
PRONOUN_TAGS = frozenset({"PPER", "PNP", "ADV"})
MAX_PHRASE_TOKENS = 7


@dataclass
class Entity:
    """One possible speaker: tokens first..last (inclusive) of a sentence."""

    first: int
    last: int
    party: str | None
    text: str
    kind: str
    """person | office | name | demonym | pronoun | role (an office without a party yet)"""
    person: str | None = None
    parties: list[str] = field(default_factory=list)
    free: bool = True
    """False when governed by a preposition or a genitive attribute: not a subject."""
    role_word: str | None = None
    role_word_definite: bool = True
    """A bare role with a definite article ("der Minister", "the official") points back; "a spokesman" does not."""


@dataclass
class SentenceActors:
    mentions: list[ActorMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    token_mention: list[int | None] = field(default_factory=list)


def _capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _slice(sentence: Sentence, i: int, j: int) -> str:
    return sentence.text[sentence.tokens[i].start - sentence.start: sentence.tokens[j].end - sentence.start]


def _is_name_token(tok: Token, i: int) -> bool:
    if not _capitalised(tok.text) or not any(c.isalpha() for c in tok.text):
        return False
    return tok.pos.startswith(NAME_TAGS) or (tok.pos in ("NN1", "UNC") and i > 0)


def find_mentions(sentence: Sentence, gaz: Gazetteer, memory: dict[str, str]) -> SentenceActors:
    """Gazetteer hits in one sentence; ``memory`` holds surnames learnt earlier in the source."""
    tokens = sentence.tokens
    out = SentenceActors(token_mention=[None] * len(tokens))
    i = 0
    while i < len(tokens):
        matched = _match_phrase(sentence, gaz, i)
        if matched and _first_name_of_another(sentence, gaz, i, matched):
            matched = None
        if matched:
            j, entry, inflected = matched
            entry = _as_the_text_said(entry, tokens[j].text, memory)
            _add(out, sentence, i, j, entry, "name" if entry.kind == "name" and inflected else None)
            if inflected and entry.kind == "name":
                out.mentions[-1].kind = "genitive"
            i = j + 1
            continue
        tok = tokens[i]
        if "-" in tok.text.strip("-") and len(tok.text) > 3:
            _compound(out, sentence, gaz, i)
        elif gaz.adjective(tok.text):  # (only where adjectives inflect: others are phrases)
            _add(out, sentence, i, i, Entry(gaz.adjective(tok.text) or "", "adjective"))
        elif _capitalised(tok.text) and tok.text in memory:
            _add(out, sentence, i, i, Entry(memory[tok.text], "person", tok.text))
        else:
            low = tok.text.lower()
            for prefix, party in gaz.closed_prefixes:
                if low.startswith(prefix) and len(low) > len(prefix) + 2:
                    _add(out, sentence, i, i, Entry(party, "office" if gaz.is_role(low) else "compound"))
                    break
            else:
                state = _adjective_of_a_state(tokens, i, gaz)
                if state:
                    _add(out, sentence, i, i, Entry(state, "adjective"))
        i += 1
    return out


def _adjective_of_a_state(tokens: list[Token], i: int, gaz: Gazetteer) -> str | None:
    """"Mozambican President Filipe Nyusi", "der mosambikanische Präsident": an adjective made from the name of a
    state the lists forget (territories.state_of_adjective), as an adjective or before a role noun."""
    tok = tokens[i]
    before_role = any(gaz.is_role(t.text) for t in tokens[i + 1:i + 3])
    if not (_is_adj(tok) or before_role) or not any(c.isalpha() for c in tok.text):
        return None
    return state_of_adjective(tok.text, gaz.language)


def _as_the_text_said(entry: Entry, surname: str, memory: dict[str, str]) -> Entry:
    """A known person the source named earlier with a state's office ("Norwegian Prime Minister Jens
    Stoltenberg" in 2012) keeps that party when named again ("Stoltenberg's Labour Party"), not the list's."""
    party = memory.get(surname) if entry.kind == "person" else None
    return Entry(party, "person", entry.person) if party and party != entry.party else entry


def _first_name_of_another(sentence: Sentence, gaz: Gazetteer, i: int, matched: tuple[int, Entry, bool]) -> bool:
    """A known surname that is also a first name, alone before a proper noun the gazetteer does not
    know, is someone else's first name: "Salman Bashir" is not King Salman, "Sharif Hassan" not Nawaz
    Sharif (but "besucht Scholz Lesotho" is Scholz)."""
    j, entry = matched[0], matched[1]
    tokens = sentence.tokens
    if entry.kind != "person" or j != i or not entry.person or " " not in entry.person or j + 1 >= len(tokens) \
            or first_name(tokens[j].text) is None:
        return False
    after = tokens[j + 1]
    return after.pos in NAME_TAGS and _capitalised(after.text) and gaz.lookup(after.text) is None \
        and after.start == tokens[j].end + 1


def _match_phrase(sentence: Sentence, gaz: Gazetteer, i: int) -> tuple[int, Entry, bool] | None:
    tokens = sentence.tokens
    if not any(c.isalpha() for c in tokens[i].text):
        return None
    for j in range(min(len(tokens) - 1, i + MAX_PHRASE_TOKENS - 1), i - 1, -1):
        text = _slice(sentence, i, j)
        entry = gaz.lookup(text)
        if not entry:
            continue
        # a surname with lower-case particles counts as a name mid-sentence ("sagte von der Leyen")
        particled = entry.kind == "person" and _capitalised(tokens[j].text)
        if not _capitalised(text) and not text.lower().startswith("the ") and not particled:
            continue
        if entry.kind == "person" and not _capitalised(tokens[j].text):
            continue
        inflected = " ".join(text.split()).lower() not in gaz.phrases
        return j, entry, inflected
    return None


def _compound(out: SentenceActors, sentence: Sentence, gaz: Gazetteer, i: int) -> None:
    """Parts of a hyphenated compound: "US-Präsident", "Nato-Russland-Rat", "Ukraine-Krise"."""
    tok = sentence.tokens[i]
    role = gaz.is_role(tok.text)
    offset = 0
    parts = tok.text.split("-")
    for n, part in enumerate(parts):
        party = gaz.hyphen_prefixes.get(part.lower())
        if not party and n < len(parts) - 1:
            entry = gaz.lookup(part)
            party = entry.party if entry and entry.kind == "name" and _capitalised(part) else None
        if party:
            start = tok.start + offset
            out.mentions.append(ActorMention(start, start + len(part), part, party, sentence.index,
                                             kind="office" if role else "compound"))
            if out.token_mention[i] is None:
                out.token_mention[i] = len(out.mentions) - 1
        offset += len(part) + 1


def _add(out: SentenceActors, sentence: Sentence, i: int, j: int, entry: Entry, _note: str | None = None) -> None:
    tokens = sentence.tokens
    out.mentions.append(ActorMention(tokens[i].start, tokens[j].end, _slice(sentence, i, j), entry.party,
                                     sentence.index, kind=entry.kind, person=entry.person))
    for k in range(i, j + 1):
        out.token_mention[k] = len(out.mentions) - 1
        if entry.kind in ("person", "name") and tokens[k].pos.startswith("V") and _capitalised(tokens[k].text):
            # "Blinken seinerseits bekräftigte": a known name the tagger read as a verb is a name
            tokens[k].pos = "NE" if "(" in tokens[k].pos else "NP0"  # STTS "VV(FIN)" vs CLAWS "VVB"
    if entry.parties:
        out.mentions[-1].__dict__["parties"] = list(entry.parties)


def find_entities(sentence: Sentence, gaz: Gazetteer, found: SentenceActors, memory: dict[str, str]) -> None:
    """Group mentions, role nouns and personal names into speaker entities (in place)."""
    tokens = sentence.tokens
    n = len(tokens)
    i = 0
    while i < n:
        if not _can_start(tokens, i, gaz, found):
            i += 1
            continue
        j = i
        while j + 1 < n and _continues(tokens, j + 1, gaz, found):
            j += 1
        # "ein Sprecher des Auswärtigen Amts", "Vertreter der USA", "das Außenministerium in Moskau"
        reach = _role_reach(tokens, j, gaz, found)
        if reach is not None:
            k = reach
            while k + 1 < n and found.token_mention[k + 1] == found.token_mention[reach]:
                k += 1
            j = k
        entity = _entity(sentence, gaz, found, i, j, memory)
        if entity:
            found.entities.append(entity)
        i = j + 1
    for tok_i, tok in enumerate(tokens):
        low = tok.text.lower()
        if low.endswith("seits") and any(e.last == tok_i - 1 and e.party for e in found.entities):
            continue  # "Blinken seinerseits": the name before it is the subject
        if low in gaz.pronouns and tok.pos in PRONOUN_TAGS and found.token_mention[tok_i] is None:
            found.entities.append(Entity(tok_i, tok_i, None, tok.text, "pronoun"))
    found.entities.sort(key=lambda e: e.first)
    _named_in_apposition(sentence, found, memory)
    _role_as(sentence, gaz, found)
    # "zwischen Russland und der Ukraine": the second member of a coordination is as free as the first
    for prev, e in zip(found.entities, found.entities[1:]):
        if e.first >= 2 and e.first - prev.last <= 3 and tokens[e.first - 1].text.lower() in ("und", "and", "sowie") \
                and (e.first - 2 == prev.last or (tokens[e.first - 1].text.lower() in ("und", "and") and
                                                  _is_det(tokens[e.first]) and e.first - 2 == prev.last)):
            e.free = prev.free


def _named_in_apposition(sentence: Sentence, found: SentenceActors, memory: dict[str, str]) -> None:
    """"Jan Kowalczyk, Poland's foreign minister, ...", "Jan Kowalczyk, der polnische Außenminister, ...": a name no
    list knows, right before a comma and an office with a party, is that office's holder (learnt for the rest of
    the source, like a name after its role)."""
    tokens = sentence.tokens
    for e in list(found.entities):
        if e.kind != "office" or not e.party or e.first < 2 or tokens[e.first - 1].text != ",":
            continue
        last = first = e.first - 2
        while first >= 0 and found.token_mention[first] is None and tokens[first].pos.startswith(NAME_TAGS) \
                and _capitalised(tokens[first].text) and not any(x.first <= first <= x.last for x in found.entities):
            first -= 1
        first += 1
        if first > last or (first > 0 and tokens[first - 1].pos.startswith(NAME_TAGS)):
            continue
        if first == last and (first == 0 or not _free(tokens, first)):
            continue  # a first and last name, or a surname as subject or object: not "On Friday, Russia's minister"
        memory.setdefault(tokens[last].text, e.party)
        found.entities.append(Entity(first, last, e.party, _slice(sentence, first, last), "person",
                                     free=_free(tokens, first)))
    found.entities.sort(key=lambda e: e.first)


def _role_reach(tokens: list[Token], j: int, gaz: Gazetteer, found: SentenceActors) -> int | None:
    """The mention a role noun at ``j`` belongs to: "Sprecher des Kremls", "Vertreter der USA", and through
    another role "ein Sprecher des Außenministeriums in Peking", "a spokesman for the foreign ministry in Beijing"."""
    if not gaz.is_role(tokens[j].text):
        return None
    k, linked = j + 1, False
    while k < len(tokens) and k <= j + 6:
        low = tokens[k].text.lower()
        if found.token_mention[k] is not None:
            return k if linked else None
        if low in gaz.role_links:
            linked = True
        elif not (linked and (gaz.is_role(tokens[k].text) or _is_adj(tokens[k]))):
            return None
        k += 1
    return None


def _is_det(tok: Token) -> bool:
    return tok.pos in DETERMINER_TAGS and not tok.text[:1].isdigit()


def _is_adj(tok: Token) -> bool:
    return tok.pos.startswith(ADJECTIVE_TAGS) or tok.text.lower() in ("deputy", "senior", "former", "top")


def _can_start(tokens: list[Token], i: int, gaz: Gazetteer, found: SentenceActors) -> bool:
    tok = tokens[i]
    if found.token_mention[i] is not None or gaz.is_role(tok.text):
        return True
    if _is_det(tok) or _is_adj(tok):
        # an article or adjective opens an entity only when a role or a name follows it
        for k in range(i + 1, min(i + 5, len(tokens))):
            if found.token_mention[k] is not None or gaz.is_role(tokens[k].text):
                return True
            if not (_is_adj(tokens[k]) or tokens[k].pos in ("POS",)):
                return False
    return False


def _continues(tokens: list[Token], k: int, gaz: Gazetteer, found: SentenceActors) -> bool:
    tok = tokens[k]
    if _next_person(tokens, k, gaz, found):
        return False
    if found.token_mention[k] is not None or gaz.is_role(tok.text) or _is_name_token(tok, k):
        return True
    if tok.pos == "POS" or tok.text in ("'s", "’s"):
        return True
    if tok.text == "-" and k + 1 < len(tokens) and _is_name_token(tokens[k + 1], k + 1) \
            and tokens[k].start == tokens[k - 1].end:
        return True
    if _is_adj(tok):
        return k + 1 < len(tokens) and (found.token_mention[k + 1] is not None or gaz.is_role(tokens[k + 1].text)
                                        or _is_adj(tokens[k + 1]))
    return False


def _next_person(tokens: list[Token], k: int, gaz: Gazetteer, found: SentenceActors) -> bool:
    """"will Fischer Ministerpräsident Ariel Scharon treffen", "trifft Fischer Israels Regierungschef Scharon",
    "besucht Merkel Angola": a role noun before a name, or a state's name, right after a person's name opens the
    next person or name (not after a state's name: "Israels Regierungschef"; not a role the person's name
    qualifies: "the Obama administration", "Putin spokesman")."""
    if k == 0:
        return False
    here = found.token_mention[k]
    if here is None and not (gaz.is_role(tokens[k].text) and _name_follows(tokens, k + 1, found)):
        return False
    if here is not None and (found.mentions[here].kind == "person" or found.token_mention[k - 1] == here):
        return False
    before = found.token_mention[k - 1]
    if before is not None:
        return found.mentions[before].kind == "person"
    # a name no list knows ends only when a role noun opened it ("Bundesaußenminister Joschka Fischer | Israels"):
    # in "Australian Trade Minister", "Trade" is part of the office
    j = k - 1
    while j >= 0 and found.token_mention[j] is None and tokens[j].pos.startswith(NAME_TAGS) \
            and _capitalised(tokens[j].text) and not gaz.is_role(tokens[j].text):
        j -= 1
    return j < k - 1 and j >= 0 and gaz.is_role(tokens[j].text)


def _name_follows(tokens: list[Token], k: int, found: SentenceActors) -> bool:
    """Token ``k`` begins a person's name: a proper noun, or a person the lists know."""
    if k >= len(tokens) or not _capitalised(tokens[k].text):
        return False
    m = found.token_mention[k]
    return found.mentions[m].kind == "person" if m is not None else tokens[k].pos.startswith(NAME_TAGS)


def _entity(sentence: Sentence, gaz: Gazetteer, found: SentenceActors, i: int, j: int,
            memory: dict[str, str]) -> Entity | None:
    tokens = sentence.tokens
    idx = sorted({found.token_mention[k] for k in range(i, j + 1) if found.token_mention[k] is not None})
    mentions = [found.mentions[m] for m in idx]
    roles = [tokens[k].text for k in range(i, j + 1) if gaz.is_role(tokens[k].text)]
    names = [tokens[k].text for k in range(i, j + 1)
             if found.token_mention[k] is None and _is_name_token(tokens[k], k) and not gaz.is_role(tokens[k].text)]
    if tokens[j].pos == "POS" or tokens[j].text in ("'s", "’s"):
        return None  # a possessive ("Ukraine's borders") is not a speaker
    persons = [m for m in mentions if m.kind == "person"]
    where = _located(tokens, gaz, found, i, j)
    states = [m for n, m in zip(idx, mentions)
              if m.party not in ORGANISATIONS and m.kind != "person" and n not in where]
    offices = [m for m in mentions if m.kind in ("office", "demonym")]
    plain = [m for m in mentions if m.kind == "name"]
    genitive = [m for m in mentions if m.kind == "genitive"]
    text = _slice(sentence, i, j)
    kind = "name"
    party: str | None = None
    if persons:
        held = bool(roles) and not _formerly(tokens, i, j, gaz.language)
        party, kind = _office_holder(persons[0], states, held, mentions), "person"
        if party != persons[0].party and persons[0].person:
            memory[persons[0].person.split()[-1]] = party  # the text's office holds for the rest of the source
    elif offices or (roles and mentions):
        party = (states or offices or mentions)[0].party
        kind = "person" if names else "office"
    elif plain:
        party = plain[0].party
        kind = "demonym" if plain[0].kind == "demonym" else "name"
    elif any(m.kind == "demonym" for m in mentions):
        party, kind = mentions[0].party, "demonym"
    elif genitive and tokens[i].text.lower() in ("des", "der", "of"):
        party, kind = genitive[0].party, "genitive"  # "nach Angaben des Weißen Hauses": attribution, no subject
    elif roles and not mentions:
        kind = "role"
    else:
        return None
    if names and party and kind in ("person", "office"):
        for name in names:
            memory.setdefault(name, party)  # "Kremlberater Juri Uschakow" ... "Uschakow zufolge"
    entity = Entity(i, j, party, text, kind, persons[0].person if persons else None,
                    parties=list(dict.fromkeys(m.party for m in mentions)),
                    role_word=roles[-1].lower() if roles else None)
    amb = plain[0].__dict__.get("parties") if plain and not persons and not roles else None
    if amb:
        entity.parties = list(amb)
    entity.free = _free(tokens, i) and kind != "genitive"
    entity.role_word_definite = tokens[i].text.lower() not in ("ein", "eine", "einer", "einem", "einen", "a", "an")
    if mentions and all(m.kind == "demonym" for m in mentions) and not roles and not names:
        entity.kind = kind = "demonym"
    if kind == "demonym" and tokens[i].text.lower() not in ("der", "die", "the"):
        entity.free = False  # "einen Russen verurteilt": only "der Franzose" names a speaker
    return entity


@lru_cache(maxsize=4)
@lru_cache(maxsize=4)
def _former_words(language: str) -> tuple[str, ...]:
    return tuple(sorted(word_set(language_data("positions", language), "former_words")))


def _formerly(tokens: list[Token], i: int, j: int, language: str) -> bool:
    """"former Estonian Prime Minister Kaja Kallas", "der frühere norwegische Regierungschef": an office held
    once (the words of data/positions_*.yaml), not the one the person holds now."""
    words = [w for k in range(max(0, i - 1), j + 1) for w in tokens[k].text.lower().replace("-", "- ").split()]
    return any(w.startswith(f) for w in words for f in _former_words(language))


def _office_holder(person: ActorMention, states: list[ActorMention], role: bool, mentions: list[ActorMention]) -> str:
    """The party of a known person: the state and office the text gives ("Norwegian Prime Minister Jens
    Stoltenberg", whom the list knows as NATO's Secretary General) beat the list's party, unless the text names
    that party too ("die deutsche EU-Kommissionspräsidentin"); only a state in front of the name, not one after
    it, which may be another's ("Biden Kanzler Scholz")."""
    own = [m for m in states if m.kind != "person" and m.end <= person.start]  # in front of the name
    if not role or not own or any(m.party == person.party for m in mentions if m is not person):
        return person.party
    return own[0].party


def _located(tokens: list[Token], gaz: Gazetteer, found: SentenceActors, i: int, j: int) -> set[int]:
    """The mentions that only say where a role is ("An EU official in Kyiv", "ein NATO-Diplomat in
    Moskau") when a name before the role noun says whose it is."""
    role = next((k for k in range(i, j + 1) if gaz.is_role(tokens[k].text)), None)
    if role is None or not any(found.token_mention[k] is not None for k in range(i, role + 1)):
        return set()
    return {found.token_mention[k] for k in range(role + 1, j + 1)
            if found.token_mention[k] is not None and tokens[k - 1].text.lower() in PLACE_PREPOSITIONS}


def _free(tokens: list[Token], i: int) -> bool:
    """Not governed by a preposition and not a genitive attribute of the noun before it."""
    if i == 0:
        return True
    before = tokens[i - 1]
    if before.pos in PREPOSITION_TAGS or before.text.lower() in ("of", "by", "with", "to", "from", "for", "at"):
        return False
    if tokens[i].text.lower() in ("der", "des") and before.pos in ("NN", "NE", "NNI"):
        return False
    if tokens[i].text.lower() in ("der", "des") and i >= 2 and tokens[i - 2].pos in PREPOSITION_TAGS \
            and before.pos.startswith("ADJ"):
        return False
    return True


def _role_as(sentence: Sentence, gaz: Gazetteer, found: SentenceActors) -> None:
    """"Ann Linde in ihrer Rolle als OSZE-Vorsitzende": she speaks for the body named after it."""
    words = [t.text.lower() for t in sentence.tokens]
    for e in found.entities:
        for k in range(e.last + 1, min(e.last + 4, len(words))):
            for phrase in gaz.role_as:
                parts = phrase.split()
                if tuple(words[k:k + len(parts)]) != tuple(parts):
                    continue
                for m in range(k + len(parts), min(k + len(parts) + 4, len(words))):
                    idx = found.token_mention[m]
                    if idx is not None:
                        e.party = found.mentions[idx].party
                        return


def resolve_ambiguous(entities: list[Entity], context_parties: set[str]) -> None:
    """A seat shared by two bodies ("Brüssel": EU or NATO) takes the one its context names."""
    for e in entities:
        if len(e.parties) > 1 and e.kind == "name":
            for p in e.parties:
                if p in context_parties:
                    e.party = p
                    break
