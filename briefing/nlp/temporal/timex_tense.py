"""Whether a clause speaks of the past or the future, from its verbs (POS tags and lemmas).

News puts past events in the perfect, preterite or pluperfect ("hatte telefoniert", "sprach",
"reiste") and coming ones in the present, with modal verbs or with ``werden`` ("findet statt",
"wollen beraten", "wird reisen"). A bare weekday is resolved in the direction its clause gives.
"""

from __future__ import annotations

import logging
from functools import cache

from ...model import Sentence, Token
from .timex_lex import Lexicon

log = logging.getLogger(__name__)


def _tag(token: Token) -> str:
    """HanTa writes German tags as 'VA(FIN)'; the STTS name is 'VAFIN'."""
    return token.pos.replace("(", "").replace(")", "")


@cache
def _sets(lex: Lexicon) -> dict[str, frozenset[str]]:
    t = lex["tense"]
    # Tag names keep their case; words are compared in lower case.
    return {k: frozenset(w if k.endswith("_tags") else w.lower() for w in v)
            for k, v in t.items() if isinstance(v, list)}


def clause_tokens(sentence: Sentence, start: int, end: int, breaks: frozenset[str]) -> list[Token]:
    """The tokens of the clause around character span [start, end): between punctuation breaks."""
    toks = sentence.tokens
    inside = [i for i, t in enumerate(toks) if t.start < end and start < t.end]
    if not inside:
        return toks
    lo, hi = inside[0], inside[-1]
    while lo > 0 and toks[lo - 1].text not in breaks:
        lo -= 1
    while hi < len(toks) - 1 and toks[hi + 1].text not in breaks:
        hi += 1
    return toks[lo:hi + 1]


def is_preterite(form: str, lemma: str, s: dict[str, frozenset[str]]) -> bool:
    """A finite full verb in the preterite, by the tense lexicon ``s``.

    Weak verbs add an ending like -te to the stem (``weak_preterite_endings``); any other form that
    does not continue the lemma's stem (or a stem with the present tense's vowel change, "spricht",
    "fährt": ``present_vowel_changes``) is a strong preterite ("geschah", "sprachen"). Separable
    prefixes are skipped by trying the stem's endings.
    """
    f, lem = form.lower(), lemma.lower()
    strong = s.get("strong_preterite", frozenset())
    if f in strong or any(f.endswith(x) and f[:-len(x)] in strong for x in s.get("strong_preterite_endings", ())):
        return True
    # Irregular present forms, also behind a prefix ("übernimmt", "vorhat").
    if any(f.endswith(x) for x in s.get("irregular_present", frozenset())):
        return False
    stem = _stem(lem, s.get("infinitive_endings", frozenset()))
    changes = [tuple(c.split(">", 1)) for c in s.get("present_vowel_changes", frozenset())]
    for i in range(0, max(1, len(stem) - 2)):
        sfx = stem[i:]
        if f.startswith(sfx):
            return f[len(sfx):] in s.get("weak_preterite_endings", frozenset())
        for old, new in changes:
            changed = sfx.replace(old, new, 1) if old in sfx else ""
            if changed and f.startswith(changed) and f[len(changed):] in s.get("vowel_change_endings", frozenset()):
                return False
    return f != lem


def _stem(lemma: str, endings: frozenset[str]) -> str:
    """The lemma without its infinitive ending, the longest that fits ("reisen": "reis", "handeln": "handel")."""
    for ending in sorted(endings, key=len, reverse=True):
        if lemma.endswith(ending):
            return lemma[:-len(ending)]
    return lemma


def _mistagged_present(tokens: list[Token], i: int, s: dict[str, frozenset[str]]) -> bool:
    """A present verb the tagger read as a plural noun ("The minister travels to Tokyo"): a known verb
    form in -s, not tagged as a verb, right after a singular subject noun."""
    t = tokens[i]
    if i == 0 or t.pos.startswith("V") or t.text.lower() not in s.get("mistagged_present", frozenset()):
        return False
    return _tag(tokens[i - 1]) in s.get("subject_tags", frozenset())


def _perfect_or_state(aux: str, participles: list[Token], s: dict[str, frozenset[str]]) -> str:
    """An auxiliary with a participle: a schedule ("ist für Freitag geplant": future), a lasting state with a
    present form ("ist bis 30. Juni geöffnet": present), or else a perfect (past)."""
    words = {p.text.lower() for p in participles}
    if words & s["future_participles"]:
        return "future"
    if words & s.get("state_participles", frozenset()) and aux not in s["past_finite"]:
        return "present"
    return "past"


def verb_direction(tokens: list[Token], lex: Lexicon, at: int | None = None) -> str | None:
    """'past' | 'future' | 'present' | None from the verbs of a clause; the finite verb nearest ``at`` decides.

    'present' is a plain present tense: in news it announces what is coming ("findet statt"), but
    it is weaker evidence than a modal verb or ``werden``.
    """
    s = _sets(lex)
    finite_tags, part_tags, inf_tags = s["finite_tags"], s["participle_tags"], s["infinitive_tags"]
    participles = [t for t in tokens if _tag(t) in part_tags]
    votes: list[tuple[int, str]] = []
    for i, t in enumerate(tokens):
        tag, form = _tag(t), t.text.lower()
        if _mistagged_present(tokens, i, s):
            votes.append((abs(t.start - at) if at is not None else 0, "present"))
            continue
        if tag not in finite_tags and form not in s["past_finite"] and form not in s["future_finite"]:
            continue
        if tag in part_tags and i > 0 and _tag(tokens[i - 1]) in finite_tags | inf_tags | part_tags:
            continue  # "will be held", "has been held": a participle after its auxiliary, no preterite
        if tag in s.get("name_tags", frozenset()) and tag not in finite_tags:
            continue  # the month "May" is no modal verb
        if _planned_infinitive(tokens, i, s):
            vote = "future"  # "was to have a meeting", "is due to visit": a plan, to come when it was told
        elif form in s["past_finite"]:
            vote = "past"
        elif form in s["perfect_aux"] and participles:
            vote = _perfect_or_state(form, participles, s)
        elif form in s["future_finite"]:
            vote = "future"
        elif tag in s.get("past_tags", frozenset()):
            vote = "past"
        elif tag in s.get("modal_tags", frozenset()):
            vote = "future"
        elif tag in s.get("present_tags", frozenset()):
            vote = "present"
        elif tag in finite_tags:
            past = is_preterite(t.text, t.lemma or t.text, s)
            vote = "past" if past else "present"
        else:
            continue
        votes.append((abs(t.start - at) if at is not None else 0, vote))
    if votes:
        if at is not None and _in_infinitive_phrase(tokens, at, s, votes):
            return "open"
        return min(votes, key=lambda v: v[0])[1]
    if any(_tag(t) in inf_tags for t in tokens):
        return "future"
    return None


def _planned_infinitive(tokens: list[Token], i: int, s: dict[str, frozenset[str]]) -> bool:
    """A form of "be" with a to-infinitive, straight or after a word of plan: "was to have a private meeting",
    "is to visit", "is due to arrive", "were expected to meet". News tells a plan so, in the past as in the present;
    what was planned is to come from the day it was told (future in the past)."""
    if tokens[i].text.lower() not in s.get("plan_be_forms", frozenset()):
        return False
    k = i + 1
    while k < len(tokens) and tokens[k].text.lower() in s.get("plan_words", frozenset()):
        k += 1
    return k + 1 < len(tokens) and tokens[k].text.lower() in s.get("infinitive_markers", frozenset()) \
        and _tag(tokens[k + 1]) in s["infinitive_tags"]


def _in_infinitive_phrase(tokens: list[Token], at: int, s: dict[str, frozenset[str]],
                          votes: list[tuple[int, str]]) -> bool:
    """The time at character ``at`` lies in a to-infinitive's phrase after the clause's finite verbs: "set the stage
    Sunday to preside at the signing Monday". The infinitive has no tense of its own; the finite verb's ("set")
    dates its own words, not the infinitive's, so the day is the nearest of its name on either side."""
    if any(v == "future" for _, v in votes):
        return False  # "was to have ...", "will travel to meet X on Monday": the plan's direction holds
    markers = s.get("infinitive_markers", frozenset())
    before = [k for k, t in enumerate(tokens) if t.end <= at]
    if not before:
        return False
    # a participle with no auxiliary before it, or a verb form ending a compound, is an adjective ("the aborted
    # summit", "the twice-aborted summit"), no verb of the clause
    verbs = [k for k in before if tokens[k].pos.startswith("V") and not (k > 0 and tokens[k - 1].text == "-")
             and not (_tag(tokens[k]) in s["participle_tags"] and k > 0 and not tokens[k - 1].pos.startswith("V"))]
    if not verbs:
        return False
    last = verbs[-1]
    return _tag(tokens[last]) in s["infinitive_tags"] and last > 0 and tokens[last - 1].text.lower() in markers \
        and any(_tag(tokens[k]) in s["finite_tags"] for k in verbs[:-1])


def cue_direction(tokens: list[Token], lex: Lexicon) -> str | None:
    """'past' | 'future' from cue words in the clause (used when no verb decides)."""
    s = _sets(lex)
    for t in tokens:
        w = t.text.lower()
        if any(w.startswith(c) for c in s["past_cues"]):
            return "past"
        if any(w.startswith(c) for c in s["future_cues"]):
            return "future"
    return None


def clause_direction(sentence: Sentence | None, start: int, end: int, lex: Lexicon) -> str | None:
    """How the clause around [start, end) places its time: 'past', 'future', 'present' (plain present), 'open' (a
    to-infinitive's phrase, with no tense of its own) or None."""
    if sentence is None or not sentence.tokens:
        return None
    s = _sets(lex)
    clause = _with_participle(sentence, clause_tokens(sentence, start, end, s["clause_breaks"]), s)
    return (verb_direction(clause, lex, start) or cue_direction(clause, lex)
            or verb_direction(sentence.tokens, lex, start) or cue_direction(sentence.tokens, lex))


def _with_participle(sentence: Sentence, clause: list[Token], s: dict[str, frozenset[str]]) -> list[Token]:
    """A perfect's auxiliary with its participle beyond an apposition: "hat am Mittwoch mit X, Y und Z,
    gesprochen" (the commas cut the clause before the participle that makes it a perfect)."""
    if not clause or not any(t.text.lower() in s["perfect_aux"] and _tag(t) in s["finite_tags"] for t in clause) \
            or any(_tag(t) in s["participle_tags"] for t in clause):
        return clause
    toks = sentence.tokens
    for t in toks[toks.index(clause[-1]) + 1:]:
        if _tag(t) in s["finite_tags"]:
            return clause  # another clause's verb comes first
        if _tag(t) in s["participle_tags"]:
            return [*clause, t]
    return clause


def in_opening_phrase(sentence: Sentence | None, start: int, end: int, lex: Lexicon, words: list[str]) -> bool:
    """Whether [start, end) lies in a phrase that opens its clause with one of ``words`` and holds no finite verb.

    "Nach Gesprächen in Hanoi am Sonntag besucht er ...", "After talks on Sunday, he ...": what the
    phrase names comes before the clause's own event.
    """
    if sentence is None or not sentence.tokens or not words:
        return False
    s = _sets(lex)
    clause = clause_tokens(sentence, start, end, s["clause_breaks"])
    if not clause or clause[0].text.lower() not in {w.lower() for w in words}:
        return False
    for t in clause[1:]:
        if t.start >= start:
            return True
        if _tag(t) in s["finite_tags"]:
            return False
    return False


def reported_on(sentence: Sentence | None, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the verb nearest [start, end) in its clause is a verb of saying: "said on Friday",
    "wie ein Sprecher am Freitag mitteilte" name the day of the report, not of an event."""
    if sentence is None or not sentence.tokens:
        return False
    s = _sets(lex)
    verbs = [t for t in clause_tokens(sentence, start, end, s["clause_breaks"]) if t.pos.startswith("V")]
    if not verbs:
        return False
    nearest = min(verbs, key=lambda t: min(abs(t.start - end), abs(start - t.end)))
    return (nearest.lemma or nearest.text).lower() in s.get("reporting_verbs", frozenset())
