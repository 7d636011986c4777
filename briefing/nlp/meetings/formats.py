"""How a meeting is held (video, phone, in person): from the words of its stretch, else from a sentence
after it that names the meeting again by its format ("Die Videokonferenz findet ... statt")."""

from __future__ import annotations

import logging

from .context import SentenceContext, Span
from .participants import DEFINITE
from .triggers import event_noun, find_triggers, phrasal_visit, present

log = logging.getLogger(__name__)

LOOK_AHEAD = 2  # sentences after a meeting that may still name it by its format


def format_of_words(ctx: SentenceContext, words: list[str]) -> str | None:
    lex = ctx.lex
    if any(w.startswith(tuple(lex.video)) for w in words):
        return "video"
    return "phone" if set(words) & lex.phone else None


def meeting_format(ctx: SentenceContext, span: Span, location: str | None) -> str | None:
    """The format the stretch names; else the one a sentence after it names the meeting by; else in person
    when the parties meet at a place or one visits the other."""
    # "will call on the Prime Minister" is a visit, though "call" alone is a phone call
    visits = any(phrasal_visit(ctx, i) for i in range(span.first, span.last + 1))
    fmt = "in_person" if visits else format_of_words(ctx, ctx.words(span.first, span.last))
    if fmt is None and span.last == len(ctx.tokens) - 1:
        fmt = _named_after(ctx)
    if fmt is None and (location or present(ctx, span.first, span.last)):
        fmt = "in_person"  # a place where they meet, a visit, a journey: they are there in person
    return fmt


def _named_after(ctx: SentenceContext) -> str | None:
    """A following sentence of the paragraph opens with the meeting named by its format ("Die
    Videokonferenz", "The call"); another meeting named in between ends the search."""
    doc, here = ctx.doc, ctx.sentence
    for k in range(ctx.n + 1, min(ctx.n + 1 + LOOK_AHEAD, len(doc.sentences))):
        after = SentenceContext(doc, k)
        if after.sentence.paragraph != here.paragraph or after.sentence.heading:
            return None
        tokens = after.tokens
        if len(tokens) > 1 and tokens[0].text.lower() in DEFINITE and event_noun(tokens[1], ctx.lex):
            return format_of_words(ctx, [tokens[1].text.lower()])
        if find_triggers(after):
            return None
    return None
