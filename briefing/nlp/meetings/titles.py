"""A meeting's title a reader recognises: the source's noun phrase ("Treffen des Nato-Russland-Rats",
"APEC leaders' meeting"), else the noun and who meets ("Gespräche USA – Russland")."""

from __future__ import annotations

import logging
from functools import lru_cache

from ...data import load_data
from ...model import Sentence
from ...parties import party_name

log = logging.getLogger(__name__)

MAX_CHARS = 60
MAX_PARTIES = 4
GENITIVE_ENDINGS = ("s", "es")
NAME_JOINERS = ("and", "&", "und")
"""Words inside a body's name before its noun ("the Arab Social and Economic Council")."""


@lru_cache(maxsize=4)
def _words(language: str) -> dict:
    d = load_data("meetings").get("title_words") or {}
    return d.get(language) or d.get("de") or {}


OWN, NOUN, LABEL = 2, 1, 0
"""How well a title names its meeting: the source's own phrase ("Nato-Russland-Rat"), its noun with the
parties ("Gespräche USA – Russland"), a label for a meeting named by a verb ("Telefonat USA – Russland").
Merged mentions keep the best."""


def meeting_title(s: Sentence, noun: int | None, parties: list[str], fmt: str | None, language: str
                  ) -> tuple[str, int]:
    """The noun phrase around the event noun at `noun` when it has a modifier; else noun (or a label for the
    format when a verb named the meeting) plus the parties' names. With the title's rank."""
    words = _words(language)
    head = _head(s, noun, language) if noun is not None else (words.get("verb_titles") or {}).get(
        fmt or "none", words.get("default", "Meeting"))
    if noun is not None:
        phrase = _phrase(s, noun, language, words)
        compound = "-" in s.tokens[noun].text.strip("-")
        if (phrase != head or compound) and len(phrase) <= MAX_CHARS:
            return phrase, OWN
    return with_parties(head, parties, language), NOUN if noun is not None else LABEL


def label_title(parties: list[str], fmt: str | None, language: str) -> str:
    """The title of a meeting told only by a verb, in ``language``'s words: 'Phone call USA – Russia'."""
    words = _words(language)
    head = (words.get("verb_titles") or {}).get(fmt or "none", words.get("default", "Meeting"))
    return with_parties(head, parties, language)


def translate_head(title: str, source: str, language: str) -> str | None:
    """The event noun a made title opens with, in another language ('Gespräche USA – Russland' ->
    'Talks'; 'Video call …' -> 'Videoschalte'; data/meeting_nouns.yaml), or None."""
    return next((entry[language] for entry in load_data("meeting_nouns")
                 if language in entry and entry.get(source)
                 and (title == entry[source] or title.startswith(entry[source] + " "))), None)


def with_parties(head: str, parties: list[str], language: str) -> str:
    """``head`` and as many parties' names as fit in MAX_CHARS: 'Gespräche USA – Russland'."""
    words = _words(language)
    # ("Europarat" is the noun and the party: "Europarat", not "Europarat Europarat")
    names = [n for n in (party_name(p, language) for p in parties[:MAX_PARTIES]) if n.lower() != head.lower()]
    while names:
        title = words.get("with_parties", "{noun} {parties}").format(
            noun=head, parties=words.get("joiner", " – ").join(names))
        if len(title) <= MAX_CHARS:
            return title
        names.pop()
    return head


def _head(s: Sentence, i: int, language: str) -> str:
    """The event noun in the nominative ("des Gipfels" -> "Gipfel", "zu Gesprächen" -> "Gespräche"); an English
    noun capitalised for a heading."""
    tok = s.tokens[i]
    text = tok.text
    lemma = tok.lemma
    if "-" in text.strip("-"):
        # a compound in the genitive ("des Nato-Russland-Rats") is named in the nominative
        # (a genitive's "-s"/"-es" only: "G20-Treffen" stays whole though a tagger may give "G20-Treffe")
        return text[:len(lemma)] if _words(language).get("inflected") and lemma.lower() != text.lower() \
            and text.lower().startswith(lemma.lower()) and text[len(lemma):].lower() in GENITIVE_ENDINGS else text
    if _words(language).get("inflected") and lemma[:1].isupper() and len(lemma) > 2:
        # a plural stays plural ("Gespräche", "zu Gesprächen" -> "Gespräche"); other cases take the lemma
        dative = text == lemma + "en" and not lemma.endswith(tuple(_words(language).get("plural_en") or ()))
        text = text if text == lemma + "e" or text == lemma + "en" and not dative else text[:-1] if dative \
            else lemma
    return text[:1].upper() + text[1:]


def _phrase(s: Sentence, i: int, language: str, words: dict) -> str:
    tokens = s.tokens
    first = last = i
    if words.get("prenominal"):
        # prenominal modifiers: "the annual Munich Security Conference", "the APEC leaders' meeting"
        k = i - 1
        while k >= 0:
            t = tokens[k].text
            owner = t.endswith("'") or t in ("'s", "’s")
            before_owner = k + 1 < i and tokens[k + 1].text in ("'", "'s", "’s")
            # "Nato-Russia Council", split at its hyphens by the tokenizer
            hyphen = t == "-" and k > 0 and tokens[k - 1].text[:1].isupper() and tokens[k - 1].end == tokens[k].start
            joined = t.lower() in NAME_JOINERS and k > 0 and k + 1 < i and tokens[k - 1].text[:1].isupper()
            if t.lower() in ("the", "a", "an") or not (t[:1].isupper() or owner or before_owner or hyphen or joined):
                break
            first = k
            k -= 1
    links = [tuple(w.split()) for w in words.get("links") or []]
    j = i + 1
    link = next((p for p in links if tuple(t.text.lower() for t in tokens[j:j + len(p)]) == p), None)
    if link:
        k = j + len(link)
        while k < len(tokens) and tokens[k].pos.startswith(("ADJ", "AJ", "ART", "AT0", "DT")):
            k += 1
        end = k
        while end < len(tokens) and end - k < 3 and _name_like(tokens[end].text, tokens[end].pos):
            end += 1
        if end > k:
            last = end - 1
    compound = "-" in tokens[i].text.strip("-")
    if last == i and (compound or first < i):
        last = _place_after(s, i, words)  # "G7-Gipfel in Hiroshima", "the G7 summit in Hiroshima"
    if first == i and last == i:
        # a hyphenated compound carries its own modifier ("Nato-Ukraine-Rat", "G20-Gipfel")
        return _head(s, i, language)
    text = s.text[tokens[first].start - s.start: tokens[last].end - s.start]
    if first == i and words.get("inflected"):
        text = _head(s, i, language) + s.text[tokens[i].end - s.start: tokens[last].end - s.start]
    return text[:1].upper() + text[1:]


def _place_after(s: Sentence, i: int, words: dict) -> int:
    """The last token of "in Hiroshima" right after the event noun at ``i``, else ``i``."""
    tokens = s.tokens
    j = i + 1
    if j + 1 < len(tokens) and tokens[j].text.lower() in (words.get("place_links") or ()) \
            and _name_like(tokens[j + 1].text, tokens[j + 1].pos):
        end = j + 1
        while end + 1 < len(tokens) and _name_like(tokens[end + 1].text, tokens[end + 1].pos) \
                and tokens[end + 1].pos.startswith(("NE", "NP")):
            end += 1  # "in Buenos Aires"
        return end
    return i


def _name_like(text: str, pos: str) -> bool:
    return text[:1].isupper() and pos.startswith(("NN", "NE", "NP"))
