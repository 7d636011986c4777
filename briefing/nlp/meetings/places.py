"""Where a meeting is held: the place after "in"/"nach", a capital by its adjective, "dort"."""

from __future__ import annotations

import logging

from ...model import Sentence
from ..actors.actors import ORGANISATIONS
from ..actors.gazetteer import Entry, Gazetteer
from ..statements.statements import SentenceSpeech
from .lexicon import MeetingLexicon

log = logging.getLogger(__name__)

ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des", "the", "a", "an"})


def abroad(s: Sentence, first: int, last: int, gaz: Gazetteer, said: SentenceSpeech, going: bool = True) -> bool:
    """"Am 14. Februar ist er in Kiew", "reist am Montag nach London": the traveller is in (or goes to) another
    state's capital, a visit to its government."""
    home = said.subject.party if said.subject else None
    for i in range(first, last):
        if s.tokens[i].text.lower() not in (("in", "im", "nach", "to") if going else ("in", "im")):
            continue
        entry = gaz.lookup(s.tokens[i + 1].text)
        if entry and entry.kind == "name" and entry.party not in ORGANISATIONS and entry.party != home:
            return True
    return False


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
        if word not in lex.places or mask[i] or in_topic_phrase(s, i, lex):
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
            if t.text.lower() in ARTICLES or t.pos.startswith(("ADJ", "AJ")):
                j += 1
            elif t.pos in ("NN", "NN1") and skipped_nouns < 2 and j + 1 <= last \
                    and tokens[j + 1].pos.startswith(("NE", "NP0", "NN")):
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
        if j > last or not tokens[j].text[:1].isupper() or tokens[j].text in lex.not_places or mask[j]:
            continue
        if in_attribution(s, i, first, last, lex):
            continue
        entry = gaz.lookup(tokens[j].text)
        is_place = tokens[j].pos.startswith(("NE", "NP0")) or (entry is not None and entry.kind == "name")
        if not is_place or (entry and entry.party in ORGANISATIONS and entry.kind == "name" and not entry.parties):
            continue
        k = j
        while k + 1 <= last and tokens[k + 1].pos.startswith(("NE", "NP0")) and not gaz.lookup(tokens[k + 1].text):
            k += 1
        text = s.text[tokens[j].start - s.start: tokens[k].end - s.start]
        found.append(((0 if word in ("in", "im") else 1, 0 if i > finite else 1, i), text))
    return min(found)[1] if found else None


_NO = Entry("", "none")


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
    """"erste Station ist Kairo", "the first stop will be Cairo": a journey's stop, with the state it lies in."""
    tokens = s.tokens
    for i in range(first, last + 1):
        if tokens[i].text.lower() not in lex.stations:
            continue
        for j in range(i + 1, min(i + 4, last + 1)):
            entry = gaz.lookup(tokens[j].text)
            if entry and entry.kind == "name" and entry.party and entry.party not in ORGANISATIONS \
                    and tokens[j].text[:1].isupper():
                return tokens[j].text, entry.party
    return None
