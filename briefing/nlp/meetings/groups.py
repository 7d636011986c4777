"""Formats and groups named as who meets ("im Normandie-Format", "the Quartet", "die E3"): the parties they
stand for (data/meeting_groups.yaml)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from ...data import load_data
from ...model import Sentence
from .context import SentenceContext, Span
from .days import token_at
from .places import after_topic_verb, in_topic_phrase

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Group:
    pattern: re.Pattern[str]
    parties: tuple[str, ...]
    needs_noun: frozenset[str]
    """Names that stand for the group only before a word naming a meeting or a format."""


@dataclass(frozen=True)
class MemberWords:
    words: tuple[str, ...]
    """Words for a body's members or organs ("EU-Länder", "Arab foreign ministers", "Arab ... Council")."""
    reach: int
    """Words after a name marked needs_noun within which such a word must stand."""


@lru_cache(maxsize=4)
def member_words(language: str) -> MemberWords:
    d = load_data("meeting_groups").get("member_words") or {}
    words = d.get(language) or d.get("de") or []
    return MemberWords(tuple(str(w).lower() for w in words), int(d.get("reach") or 1))


@lru_cache(maxsize=1)
def groups() -> tuple[Group, ...]:
    out = []
    for g in load_data("meeting_groups")["groups"]:
        parties = tuple([g["party"]] if g.get("party") else g.get("members") or [])
        names = sorted((str(n) for n in g["names"]), key=len, reverse=True)
        alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
        # a whole word, or the first part of a compound ("Normandie-Gipfel", "E3-Außenminister")
        flags = 0 if g.get("capitalised") else re.IGNORECASE
        pattern = re.compile(rf"(?<![\w\-+/])(?:{alternatives})(?![\w+/])", flags)
        out.append(Group(pattern, parties, frozenset(str(n).lower() for n in g.get("needs_noun") or [])))
    return tuple(out)


def group_parties(ctx: SentenceContext, span: Span) -> list[str]:
    """The parties of each group or format named in the span (not inside a quotation)."""
    s = ctx.sentence
    first, last = ctx.tokens[span.first], ctx.tokens[span.last]
    text = s.text[first.start - s.start:last.end - s.start]
    out: list[str] = []
    for g in groups():
        for m in g.pattern.finditer(text):
            i = token_at(s, first.start + m.start())
            if ctx.mask[i] or in_topic_phrase(s, i, ctx.lex) or after_topic_verb(s, i, ctx.lex, ctx.gaz.language) \
                    or (m.group(0).lower() in g.needs_noun and not _meeting_word_after(ctx, text, m.end())):
                continue
            out.extend(g.parties)
            break
    return out


def _group_tokens(s: Sentence) -> frozenset[int]:
    """The tokens of the groups named in a sentence by a name of several words."""
    out: set[int] = set()
    for g in groups():
        for m in g.pattern.finditer(s.text):
            a, b = token_at(s, s.start + m.start()), token_at(s, s.start + m.end() - 1)
            if b > a:
                out.update(range(a, b + 1))
    return frozenset(out)


def group_tokens(ctx: SentenceContext) -> frozenset[int]:
    """The tokens of the groups the sentence names: a word inside a group's name is no party of its own ("Pacific
    Alliance" is not NATO's "Alliance")."""
    return _group_tokens(ctx.sentence)


def _meeting_word_after(ctx: SentenceContext, text: str, end: int) -> bool:
    """"Normandie-Gipfel", "Normandy summit", "the Arab foreign ministers", "Arab Social and Economic Council": a
    region's name or a people's adjective stands for the group only before a word that names a meeting, a
    format, a body of office-holders or the group's members or organs, within a few words and no punctuation."""
    words = member_words(ctx.gaz.language)
    for token in re.findall(r"[\w\-]+|[^\w\s]", text[end:])[:words.reach]:
        if not token[0].isalnum() and token != "-":
            return False
        for word in token.lower().split("-"):
            if word and (word.endswith(ctx.lex.nouns) or word in ctx.lex.format_words
                         or word.endswith(ctx.lex.bodies) or word in words.words):
                return True
    return False
