"""Where a meeting is held: the place after "in"/"nach", a capital by its adjective, "dort"."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from ...data import load_data, word_set
from ...model import Sentence, Token
from ...territories import state_names
from ..actors.actors import ORGANISATIONS
from ..actors.gazetteer import Entry, Gazetteer
from ..statements.statements import SentenceSpeech
from ..temporal.timex_lex import lexicon as tense_lexicon
from ..temporal.timex_tense import clause_direction
from .context import SentenceContext
from .lexicon import MeetingLexicon
from .triggers import find_triggers

log = logging.getLogger(__name__)

ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des", "the", "a", "an"})
DENIAL_REACH = 2  # words before "in"/"nach" that may deny the place ("nicht in Helsinki", "not in Geneva")
CLAUSE_ENDS = frozenset({",", ";", ":", "(", ")"})
AUXILIARY_TAGS = ("VB", "VA")  # "be" (CLAWS), auxiliaries (STTS)
POSSESSIVES = ("'s", "’s", "'", "’")
GERUND_TAGS = ("VVG",)  # CLAWS: "visiting"; German has no gerund after "nach" (a noun there: triggers.earlier_tokens)
STATION_REACH = 6  # words from "Station"/"stop" to the place ("Letzte Station der Reise ist Ägypten")


@dataclass(frozen=True)
class PlaceWords:
    negations: frozenset[str]
    homeward: frozenset[str]
    hosts: frozenset[str]
    name_links: frozenset[str]
    topic_verbs: frozenset[str]
    partners: frozenset[str]
    object_follows_verb: bool
    situation_nouns: tuple[str, ...]
    situation_links: frozenset[str]
    purpose_openers: frozenset[str]
    earlier_openers: frozenset[str]
    description_openers: frozenset[str]


@lru_cache(maxsize=4)
def place_words(language: str) -> PlaceWords:
    data = load_data("meeting_places")
    d = data.get(language) or data["de"]
    def words(key: str) -> frozenset[str]:
        return word_set(d, key)
    return PlaceWords(words("negations"), words("homeward"), words("hosts"), words("name_links"), words("topic_verbs"),
                      words("partners"), bool(d.get("object_follows_verb")), tuple(sorted(words("situation_nouns"))),
                      words("situation_links"), words("purpose_openers"), words("earlier_openers"),
                      words("description_openers"))


def not_there(s: Sentence, i: int, language: str) -> bool:
    """The place after the preposition at ``i`` is denied ("nicht in Helsinki, sondern in Wien", "not in Geneva")
    or the way home ("vor ihrem Rückflug nach Berlin", "before returning to Washington")."""
    words = place_words(language)
    before = [t.text.lower() for t in s.tokens[max(0, i - DENIAL_REACH):i]]
    return bool(words.negations.intersection(before)) or bool(before) and before[-1] in words.homeward


def in_situation(s: Sentence, i: int, language: str) -> bool:
    """Token ``i`` names the place of a situation or conflict ("der Krieg im Irak", "the crisis in Ukraine", "der
    Atomstreit mit dem Iran"): it tells what the meeting is about. ``i`` is the preposition or the name after it
    (with its article and adjectives)."""
    words, tokens = place_words(language), s.tokens
    k = i
    while k > 0 and tokens[k].text.lower() not in words.situation_links \
            and (k == i or tokens[k].pos.startswith(("ART", "AT0", "ADJ", "AJ", "PPOSAT", "DPS"))):
        k -= 1
    if k < 1 or tokens[k].text.lower() not in words.situation_links:
        return False
    noun, low = tokens[k - 1], tokens[k - 1].text.lower()
    # ("the fighting in": a noun the tagger may read as a gerund)
    return (noun.pos.startswith("NN") and low.rsplit("-", 1)[-1].endswith(words.situation_nouns)) \
        or low in words.situation_nouns


def _addressee(s: Sentence, i: int, language: str) -> bool:
    """The preposition at ``i`` follows a verb of saying ("confirmed to Al Jazeera that ...", "said to
    TrendNews"): whom it was said to, no place."""
    if i == 0 or not s.tokens[i - 1].pos.startswith("V"):
        return False
    verbs = {str(w).lower() for w in tense_lexicon(language)["tense"].get("reporting_verbs") or []}
    return s.tokens[i - 1].lemma.lower() in verbs


def reported_tokens(ctx: SentenceContext) -> set[int]:
    """The tokens of a clause that tells who said it, when and where, with no meeting word of its own ("..., it
    was announced Friday in Buenos Aires", "..., teilte das Bundespräsidialamt in Berlin mit"): the place of the
    saying, not of the meeting."""
    tokens = ctx.tokens
    verbs = ctx.doc.said_verbs | frozenset(
        w.lower() for w in tense_lexicon(ctx.gaz.language)["tense"].get("reporting_verbs") or [])
    particles = ctx.particles()
    # an auxiliary ("it was announced") is no meeting word here, though "be" is one elsewhere ("will be in London")
    triggers = {i for i in find_triggers(ctx) if not tokens[i].pos.startswith(AUXILIARY_TAGS)}
    out: set[int] = set()
    for a, b in _clauses(tokens):
        clause = range(a, b + 1)
        saying = any(tokens[k].pos.startswith("V") and _says(tokens[k].lemma.lower(), verbs, particles)
                     for k in clause)
        if saying and not triggers.intersection(clause):
            out.update(clause)
    return out


def earlier_clause_tokens(ctx: SentenceContext) -> set[int]:
    """The tokens of a clause opened by "when"/"als" and told in the past ("…, when they met in New York on the
    sidelines of the UN General Assembly"): an earlier event, whose place and parties are not the meeting's."""
    tokens, words = ctx.tokens, place_words(ctx.gaz.language)
    tense = tense_lexicon(ctx.gaz.language)
    out: set[int] = set()
    for a, b in _clauses(tokens):
        if tokens[a].text.lower() not in words.earlier_openers:
            continue
        verb = next((k for k in range(a + 1, b + 1) if tokens[k].pos.startswith("V")), None)
        if verb is not None and clause_direction(ctx.sentence, tokens[verb].start, tokens[verb].end, tense) == "past":
            out.update(range(a, b + 1))
    return out | _described_tokens(ctx) | _gerund_tokens(ctx)


def _gerund_tokens(ctx: SentenceContext) -> set[int]:
    """The tokens of a phrase opened by "after"/"since" and a gerund ("Amorim arrived on Tuesday after visiting
    Mozambique, Zimbabwe and Angola"): the places visited before, not the meeting's place or parties."""
    tokens, words = ctx.tokens, place_words(ctx.gaz.language)
    out: set[int] = set()
    for k in range(len(tokens) - 1):
        if tokens[k].text.lower() in words.earlier_openers and tokens[k + 1].pos in GERUND_TAGS:
            end = next((j for j in range(k + 2, len(tokens)) if tokens[j].text in (";", ":", "(", ")")
                        or tokens[j].pos.startswith("V")), len(tokens))
            out.update(range(k, end))
    return out


def _described_tokens(ctx: SentenceContext) -> set[int]:
    """The tokens of a clause opened by "whose"/"deren" ("the three leaders, whose countries are all members of the
    UN security council, would meet ...") or "who" ("Zhang Dejiang, who chairs the Standing Committee of the
    National People's Congress,"): it says who they are, its names take no part (its "council" is none), unless
    it tells of a meeting itself."""
    tokens, words = ctx.tokens, place_words(ctx.gaz.language)
    clauses = [(a, b) for a, b in _clauses(tokens) if tokens[a].text.lower() in words.description_openers]
    if not clauses:
        return set()
    # "Biden, who will meet Xi on Friday, ...": a verb of meeting makes it a meeting of its own (not a body's noun:
    # "members of the UN security council")
    verbs = {i for i in find_triggers(ctx) if tokens[i].pos.startswith("V")}
    return {k for a, b in clauses if not verbs.intersection(range(a, b + 1)) for k in range(a, b + 1)}


def _says(lemma: str, verbs: frozenset[str], particles: list[str]) -> bool:
    return lemma in verbs or any(p + lemma in verbs for p in particles)


def _clauses(tokens: list[Token]) -> list[tuple[int, int]]:
    """Stretches between commas, semicolons, colons and brackets."""
    out, first = [], 0
    for k, tok in enumerate(tokens):
        if tok.text in CLAUSE_ENDS:
            if k > first:
                out.append((first, k - 1))
            first = k + 1
    if first < len(tokens):
        out.append((first, len(tokens) - 1))
    return out


def abroad(s: Sentence, first: int, last: int, gaz: Gazetteer, said: SentenceSpeech, going: bool = True) -> bool:
    """"Am 14. Februar ist er in Kiew", "reist am Montag nach London": the traveller is in (or goes to) another
    state's capital, a visit to its government."""
    home = said.subject.party if said.subject else None
    for i in range(first, last):
        if s.tokens[i].text.lower() not in (("in", "im", "nach", "to") if going else ("in", "im")):
            continue
        # "reist in die USA", "in den Iran", "to the United States": an article may stand before the state's name
        k = i + 1 + (s.tokens[i + 1].text.lower() in ARTICLES and i + 2 <= last)
        entry = _name_at(s, k, last, gaz)
        if entry and entry.kind == "name" and entry.party not in ORGANISATIONS and entry.party != home:
            return True
    return False


def _name_at(s: Sentence, k: int, last: int, gaz: Gazetteer) -> Entry | None:
    """The gazetteer's entry of the longest name of up to three words from token ``k`` ("United States")."""
    for j in range(min(last, k + 2), k - 1, -1):
        entry = gaz.lookup(s.text[s.tokens[k].start - s.start:s.tokens[j].end - s.start])
        if entry:
            return entry
    return None


def in_topic_phrase(s: Sentence, i: int, lex: MeetingLexicon) -> bool:
    """Token ``i`` stands in a phrase opened by "über"/"about" ("Konferenz über einen Frieden in der
    Ukraine", "über den Umgang mit Russland beraten"): what the meeting is about, not who or where."""
    for k in range(i - 1, max(i - 6, -1), -1):
        tok = s.tokens[k]
        if tok.text.lower() in lex.topic_phrases:
            return True
        if tok.text in (",", ";", ":") or tok.pos.startswith("V") or tok.text.lower() in ("zwischen", "between"):
            return False
    return False


def after_topic_verb(s: Sentence, i: int, lex: MeetingLexicon, language: str) -> bool:
    """Token ``i`` stands in the object of a verb of discussing ("to discuss the recent strikes in Syria", "um
    die Lage in Syrien zu erörtern"), not right after "with"/"mit" ("discuss Syria with his Russian
    counterpart") nor after another meeting verb ("discuss trade with Xi and then meet Modi"): the topic."""
    words = place_words(language)
    tokens = s.tokens
    k = i - 1
    while k >= 0 and tokens[k].pos.startswith(("ART", "AT0", "ADJ", "AJ", "PPOSAT", "DPS")):
        k -= 1
    if k >= 0 and tokens[k].text.lower() in words.partners:
        return False
    if words.object_follows_verb:
        return _verb_before(tokens, i, lex, words)
    return _purpose_clause(tokens, i, words)


def _verb_before(tokens: list[Token], i: int, lex: MeetingLexicon, words: PlaceWords) -> bool:
    """A verb of discussing before ``i`` with no other meeting verb between."""
    for k in range(i - 1, -1, -1):
        tok = tokens[k]
        if not tok.pos.startswith("V") or tok.pos.startswith(AUXILIARY_TAGS):
            continue
        lemma = tok.lemma.lower()
        if lemma in words.topic_verbs:
            return True
        if lemma in lex.verbs or tok.text.lower() in lex.verbs:
            return False
    return False


def _purpose_clause(tokens: list[Token], i: int, words: PlaceWords) -> bool:
    """``i`` inside a clause of purpose whose verb is one of discussing: "um die Lage in Syrien zu erörtern"."""
    a, b = next(c for c in _clauses(tokens) if c[0] <= i <= c[1])
    return tokens[a].text.lower() in words.purpose_openers \
        and any(t.lemma.lower() in words.topic_verbs for t in tokens[i + 1:b + 1] if t.pos.startswith("V"))


def place_of(s: Sentence, first: int, last: int, mask: list[bool], gaz: Gazetteer, lex: MeetingLexicon
              ) -> str | None:
    """The place named after "in"/"nach" ("in Genf", "im südtürkischen Badeort Antalya"); a place after
    the finite verb beats one in an adverbial before it ("Parallel zum Treffen in Antalya beraten ...")."""
    tokens = s.tokens
    finite = next((i for i in range(first, last + 1) if "(FIN)" in tokens[i].pos or tokens[i].pos in
                   ("VVZ", "VVD", "VBZ", "VM0")), first)
    found: list[tuple[tuple[int, int, int], str]] = []
    for i in range(first, last):
        word = tokens[i].text.lower()
        if word not in lex.places or mask[i] or in_topic_phrase(s, i, lex) or not_there(s, i, gaz.language) \
                or in_situation(s, i, gaz.language) or _addressee(s, i, gaz.language):
            continue
        j = i + 1
        while j <= last and tokens[j].text.lower() in ARTICLES:
            j += 1
        seat = _seat(s, j, last, gaz)
        if seat and not in_attribution(s, i, first, last, lex):
            found.append(((0 if word in ("in", "im", "at") else 1, 0 if i > finite else 1, i), seat))
            continue
        skipped_nouns = 0
        while j <= last:
            t = tokens[j]
            if t.text.lower() in ARTICLES or t.pos.startswith(("ADJ", "AJ")) or _adjective_of_state(t.text, gaz):
                j += 1
            elif t.pos in ("NN", "NN1") and skipped_nouns < 2 and j + 1 <= last \
                    and (tokens[j + 1].pos.startswith(("NE", "NP0", "NN")) or _unknown_name(tokens[j + 1])):
                j += 1
                skipped_nouns += 1
            else:
                break
        if j <= last and tokens[j].text.lower() in gaz.capital_words and j - 1 > i:
            # "in der ukrainischen Hauptstadt" -> Kiew
            party = gaz.adjective(tokens[j - 1].text) or (gaz.lookup(tokens[j - 1].text) or _NO).party
            if party in gaz.capitals:
                found.append(((0 if word in ("in", "im") else 1, 0 if i > finite else 1, i), gaz.capitals[party]))
            continue
        if j <= last and j - 1 > i and _city_adjective(tokens[j - 1].text, gaz) and tokens[j].text[:1].isupper() \
                and tokens[j].pos.startswith("NN") and not mask[j]:
            # "in der Wiener Hofburg": a venue named by its city's adjective
            found.append(((0 if word in ("in", "im") else 1, 0 if i > finite else 1, i),
                          s.text[tokens[j - 1].start - s.start: tokens[j].end - s.start]))
            continue
        if j > last or not tokens[j].text[:1].isupper() or tokens[j].text in lex.not_places or mask[j]:
            continue
        if in_attribution(s, i, first, last, lex):
            continue
        entry = gaz.lookup(tokens[j].text)
        if entry is not None and _a_state(tokens[j].text, gaz) and after_topic_verb(s, j, lex, gaz.language):
            continue  # "to address the crisis in Ukraine": a city there may still be the venue
        is_place = tokens[j].pos.startswith(("NE", "NP0")) or (entry is not None and entry.kind == "name") \
            or (skipped_nouns > 0 and _unknown_name(tokens[j]))
        if entry is None and _owner(tokens, j, last):
            continue  # "at Mr Schröder's office": whose the venue is, no place
        if entry is None and _known_name_after(s, j, last, mask, gaz):
            continue  # "in the South China Sea region": a longer name with a state's inside, no venue
        if not is_place or (entry and entry.party in ORGANISATIONS and entry.kind == "name" and not entry.parties) \
                or entry is not None and entry.kind == "person":
            continue  # (a person met is no place: "im Südchinesischen Meer Xi Jinping")
        found.append(((0 if word in ("in", "im") else 1, 0 if i > finite else 1, i), _name_from(s, j, last, mask, gaz)))
    return min(found)[1] if found else host_place(s, first, last, mask, gaz)


def _known_name_after(s: Sentence, j: int, last: int, mask: list[bool], gaz: Gazetteer) -> bool:
    """The unknown name at ``j`` goes on with a name the gazetteer knows ("South China Sea"): one longer name, no
    place the gazetteer knows (a known one of several words was found whole before: "South Africa")."""
    k = j + 1
    if k > last or mask[k] or not s.tokens[k].pos.startswith(("NE", "NP0")) or s.tokens[k].start != s.tokens[j].end + 1:
        return False
    entry = gaz.lookup(s.tokens[k].text)
    return entry is not None and entry.kind == "name"


def _owner(tokens: list[Token], j: int, last: int) -> bool:
    """The name at ``j`` ends in a possessive ("Mr Schröder 's", "Mr Blair’s")."""
    k = j
    while k + 1 <= last and tokens[k + 1].pos.startswith(("NE", "NP0")):
        k += 1
    end = tokens[k].text
    return end.endswith(POSSESSIVES) or k + 1 <= last and tokens[k + 1].text in POSSESSIVES


def host_place(s: Sentence, first: int, last: int, mask: list[bool], gaz: Gazetteer) -> str | None:
    """"The Argentine city of Puerto Iguazú will host the summit", "Gastgeber ist Granada": the place named as
    the host in the clause of a hosting word."""
    tokens, words = s.tokens, place_words(gaz.language)
    particles = [t.text.lower() for t in tokens if t.pos == "PTKVZ"]  # "richtet ... aus"
    for v in range(first, last + 1):
        tok = tokens[v]
        if not _says(tok.lemma.lower(), words.hosts, particles) and tok.text.lower() not in words.hosts:
            continue
        a, b = next((c for c in _clauses(tokens) if c[0] <= v <= c[1]), (first, last))
        for j in range(max(a, first), min(b, last) + 1):
            if j == v or mask[j] or not tokens[j].text[:1].isupper():
                continue
            entry = gaz.lookup(tokens[j].text)
            # "the city of X", "die Stadt X": after such a word any capitalised word is the name
            named = j > 0 and tokens[j - 1].text.lower() in words.name_links
            if named or (entry is not None and entry.kind == "name" and entry.party not in ORGANISATIONS
                         and tokens[j].pos.startswith(("NE", "NP0"))):
                return _name_from(s, j, min(b, v - 1) if v > j else b, mask, gaz)
    return None


_NO = Entry("", "none")


def _name_from(s: Sentence, j: int, last: int, mask: list[bool], gaz: Gazetteer) -> str:
    """The place's name of one or more words from token ``j`` ("Puerto Iguazú", "Hua Hin"); not a day after it
    ("arrive in Brasilia Saturday"), nor another known name."""
    tokens = s.tokens
    k = j
    while k + 1 <= last and (tokens[k + 1].pos.startswith(("NE", "NP0")) or _unknown_name(tokens[k + 1])) \
            and not gaz.lookup(tokens[k + 1].text) and not mask[k + 1]:
        k += 1
    return s.text[tokens[j].start - s.start: tokens[k].end - s.start]


def _a_state(word: str, gaz: Gazetteer) -> bool:
    """A state's own name ("Syria", "Syrien"), not a city's."""
    return word in state_names(gaz.language)


def _city_adjective(word: str, gaz: Gazetteer) -> bool:
    """"Wiener", "Genfer", "Berliner": the adjective a city's name makes with "-er"."""
    if not word[:1].isupper() or not word.endswith("er") or len(word) < 5:
        return False
    entry = gaz.lookup(word[:-2])
    return entry is not None and entry.kind == "name" and entry.party not in ORGANISATIONS


def _unknown_name(tok: Token) -> bool:
    """A capitalised word the tagger does not know ("resort Hua Hin"): a name after a noun naming a place."""
    return tok.pos == "UNC" and tok.text[:1].isupper()


def _adjective_of_state(word: str, gaz: Gazetteer) -> bool:
    """"in the Thai seaside resort Hua Hin", "in the Saudi capital": a state's adjective, tagged as a name, is no
    place of its own; the place is the name after it."""
    entry = gaz.lookup(word)
    return word[:1].isupper() and (gaz.adjective(word) is not None
                                   or (entry is not None and entry.kind in ("adjective", "demonym")))


def _seat(s: Sentence, j: int, last: int, gaz: Gazetteer) -> str | None:
    """A seat named in several words ("the White House", "im Weißen Haus") as a place."""
    tokens = s.tokens
    for k in range(min(last, j + 2), j, -1):
        text = s.text[tokens[j].start - s.start: tokens[k].end - s.start]
        entry = gaz.lookup(text)
        if entry and entry.kind == "name" and entry.party not in ORGANISATIONS and text[:1].isupper():
            return text
    return None


def in_attribution(s: Sentence, i: int, first: int, last: int, lex: MeetingLexicon) -> bool:
    """"..., wie ein Sprecher am Freitag in Berlin mitteilte": the place of the saying."""
    k = i
    while k > first and s.tokens[k - 1].text not in (",", ";", ":"):
        k -= 1
    return s.tokens[k].text.lower() in lex.said_openers


def last_place(s: Sentence, gaz: Gazetteer) -> str | None:
    """The last city or country named in a sentence, for "dort"/"there"."""
    for tok in reversed(s.tokens):
        entry = gaz.lookup(tok.text)
        if entry and entry.kind == "name" and entry.party not in ORGANISATIONS and tok.text[:1].isupper() \
                and tok.pos.startswith(("NE", "NP0")):
            return tok.text
    return None


def station_of(s: Sentence, first: int, last: int, gaz: Gazetteer, lex: MeetingLexicon) -> tuple[str, str] | None:
    """"erste Station ist Kairo", "Letzte Station der Reise ist Ägypten", "the first stop will be Cairo": a
    journey's stop, with the state it lies in."""
    tokens = s.tokens
    for i in range(first, last + 1):
        if tokens[i].text.lower() not in lex.stations:
            continue
        for j in range(i + 1, min(i + STATION_REACH + 1, last + 1)):
            if tokens[j].text in CLAUSE_ENDS:
                break
            entry = gaz.lookup(tokens[j].text)
            if entry and entry.kind == "name" and entry.party and entry.party not in ORGANISATIONS \
                    and tokens[j].text[:1].isupper():
                return tokens[j].text, entry.party
    return None
