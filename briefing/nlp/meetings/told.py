"""Whether a sentence tells of a meeting as still to come: the words that announce one, less those that
announce nothing where they stand.

A word of plan or expectation ("expected", "geplant", "soll") announces a meeting, whatever tense its day was
read in. It announces nothing in a comparison ("finished earlier than expected Thursday", "fand wie geplant
am Montag statt"), and a word of repetition ("erneut", "again") tells of something to come only in a clause
that is not told in the past ("hat Anfang April erneut einen Einblick gegeben" is over).
"""

from __future__ import annotations

import logging
from functools import cache

from ..temporal.timex_lex import lexicon as tense_lexicon
from ..temporal.timex_tense import clause_direction
from .context import SentenceContext

log = logging.getLogger(__name__)


@cache
def _words(language: str, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in tense_lexicon(language)["tense"].get(key) or [])


def announced(ctx: SentenceContext, first: int, last: int) -> bool:
    """Tokens first..last hold a word that announces something to come (the meeting lexicon's ``future``),
    not in a comparison and not a repetition told in the past."""
    return any(_announces(ctx, i) for i in range(first, last + 1))


def _announces(ctx: SentenceContext, i: int) -> bool:
    word = ctx.tokens[i].text.lower()
    if word not in ctx.lex.future:
        return False
    language = ctx.gaz.language
    if i > 0 and ctx.tokens[i - 1].text.lower() in _words(language, "comparison_words"):
        return False
    if word in _words(language, "repetition_words"):
        tok = ctx.tokens[i]
        return clause_direction(ctx.sentence, tok.start, tok.end, tense_lexicon(language)) != "past"
    return True
