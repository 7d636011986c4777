"""The per-language lexicon of temporal expressions, with its patterns compiled once per process."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ...data import load_data
from ..first_chars import compile_fast

log = logging.getLogger(__name__)

LANGUAGES = ("de", "en")


@dataclass
class Pattern:
    kind: str
    regex: re.Pattern[str]


@dataclass(eq=False)
class Lexicon:
    language: str
    data: dict[str, Any]
    patterns: list[Pattern]
    range_joiner: re.Pattern[str]
    range_opener: re.Pattern[str]
    """Before the first of two dates, a word that makes "and" between them close a range ("between")."""
    range_and: re.Pattern[str]
    templates: dict[str, re.Pattern[str]]
    """Patterns outside ``patterns`` that use the same placeholders (``templates`` in the lexicon)."""

    def __getitem__(self, key: str) -> Any:
        return self.data.get(key) or {}

    def cue(self, word: str | None) -> str | None:
        """past | future | this | today | tomorrow | yesterday for a cue word (matched by its beginning)."""
        if not word:
            return None
        w = word.lower()
        for label, stems in self["cues"].items():
            if any(w.startswith(s) for s in stems):
                return label
        return None

    def unit(self, word: str | None) -> str | None:
        """The TimeML unit of a unit word (D, W, WE, MO, Y, DE, CE, H, M, S), or Q / H for a part of the year."""
        if not word:
            return None
        w = word.lower()
        return self["units"].get(w) or self["year_parts"].get(w)

    def unit_adjective(self, word: str | None) -> str | None:
        """The TimeML unit of an adjective stem found in a word ("dreijährigen": Y)."""
        w = (word or "").lower()
        return next((code for stem, code in self["unit_adjectives"].items() if stem in w), None)

    def part(self, word: str | None) -> str | None:
        """START | MID | END for a word naming part of a month or week ("Anfang", "Mitte", "late"), else None."""
        if not word:
            return None
        return self["part_words"].get(re.sub(r"\s+", " ", word.lower()))

    def number(self, text: str | None) -> int | str | None:
        """An int, 'X' for a vague quantity, or None when ``text`` is no number."""
        if not text:
            return None
        t = text.lower().replace(",", ".")
        if re.fullmatch(r"\d+", t):
            return int(t)
        if re.fullmatch(r"\d+\.\d+", t):
            return t
        v = self["numbers"].get(t)
        return v if v is not None else None


def _alternation(words, both_cases: bool = False) -> str:
    """A regex alternation of ``words``, longest first; with both initials when ``both_cases``.

    Written as a tree of shared beginnings ("[Vv]ier(?:zehn|zig|)"): at a character where no word
    goes on, the tree gives up at once, where the flat list tried every word. Of the words that match
    at one place, each a beginning of the next, the longest is still tried first, so the matches are
    those of the flat list. No words give a pattern that matches nothing, so a lexicon may leave a
    list out."""
    if not words:
        return "(?!)"
    forms = set()
    for w in set(words):
        if both_cases and w[:1].isalpha():
            forms |= {initial + w[1:] for initial in w[0].upper() + w[0].lower()}  # as the class [Vv] reads
        else:
            forms.add(w)
    tree: dict = {}
    for form in forms:
        node = tree
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return "(?:" + _branches(tree) + ")"


def _branches(node: dict) -> str:
    """The words below ``node``: every longer one before the one that ends here."""
    out = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        out.append("")
    return out[0] if len(out) == 1 else "(?:" + "|".join(out) + ")"


def _capital(words) -> list[str]:
    return [w[:1].upper() + w[1:] for w in words]


@cache
def lexicon(language: str) -> Lexicon:
    """The compiled lexicon for ``language`` (German when the language is not covered)."""
    lang = language if language in LANGUAGES else "de"
    data = load_data(f"timex_{lang}")
    cue_stems = [s for stems in data["cues"].values() for s in stems]
    units = list(data["units"])
    # German writes nouns (units, day parts) with a capital; the lexicon says whether its language does.
    nouns_capital = bool(data.get("capitalised_nouns"))
    fill = {
        "weekday": _alternation(_capital(data["weekdays"])),
        "month": _alternation(_capital(data["months"])),
        "num": _alternation(data["numbers"], both_cases=True),
        "numstem": _alternation(data["number_stems"], both_cases=True),
        "unit": _alternation(_capital(units) if nouns_capital else units),
        "unitpl": _alternation(data["plural_units"]),
        "unitadj": _alternation(data["unit_adjectives"]),
        "daypartword": _alternation(_capital(data["dayparts"]) if nouns_capital else data["dayparts"]),
        "dpsuffix": _alternation(data["dayparts"]),
        "cue": "(?:" + "|".join(f"{_alternation([s], both_cases=True)}\\w*" for s in cue_stems) + ")",
        "ordinal": _alternation(data["ordinals"], both_cases=True),
        "approx": _alternation(data["approximators"], both_cases=True),
        "durationadj": _alternation(data.get("duration_adjectives")),
        "holiday": _alternation(data.get("holidays")),
        "decadeword": _alternation(data.get("decade_words"), both_cases=True),
        "partnoun": _alternation(data.get("part_nouns"), both_cases=True),
    }
    # Each pattern is scanned over the whole article: compiled to skip where it cannot start.
    patterns = [Pattern(p["kind"], compile_fast(_filled(p["re"], fill))) for p in data["patterns"]]
    templates = {k: re.compile(_filled(v, fill)) for k, v in (data.get("templates") or {}).items()}
    log.debug("compiled %d timex patterns for %s", len(patterns), lang)
    return Lexicon(lang, data, patterns, re.compile(data["range_joiners"] + "$"),
                   re.compile(data["range_openers"]), re.compile(data["range_and_joiners"] + "$"), templates)


def _filled(text: str, fill: dict[str, str]) -> str:
    for key, alt in fill.items():
        text = text.replace("{" + key + "}", alt)
    return text
