"""Formats and groups named as who meets ("im Normandie-Format", "the Quartet", "die E3"): the parties they
stand for (data/meeting_groups.yaml)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from ...data import load_data
from .context import SentenceContext, Span
from .days import token_at

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Group:
    pattern: re.Pattern[str]
    parties: tuple[str, ...]
    needs_noun: frozenset[str]
    """Names that stand for the group only before a word naming a meeting or a format."""


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
            if ctx.mask[i] or (m.group(0).lower() in g.needs_noun and not _meeting_word_after(ctx, text, m.end())):
                continue
            out.extend(g.parties)
            break
    return out


def _meeting_word_after(ctx: SentenceContext, text: str, end: int) -> bool:
    """"Normandie-Gipfel", "Normandy summit": a region's name stands for the format only before a word
    that names a meeting or a format."""
    rest = re.match(r"[\s\-]*([\w\-]+)", text[end:])
    if rest is None:
        return False
    word = rest.group(1).lower().split("-")[0]
    return word.endswith(ctx.lex.nouns) or word in ctx.lex.format_words
