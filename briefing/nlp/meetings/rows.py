"""One row per meeting where a sentence names several people met.

"führt Unterredungen mit seinem Amtskollegen X sowie mit dem Parlamentspräsidenten Y", "getrennte Gespräche mit X
und Y", "will hold separate talks with A, B and C": a meeting word with a list of people met is one meeting with
each of them when a word says so ("getrennt", "jeweils", "separate") or when each is opened by its own
preposition ("mit X sowie mit Y", "with X and with Y"); without such a cue, or with a word of a joint meeting
("gemeinsam", "trilateral"), it is one meeting of all ("ein Gespräch mit X und Y").

Every row also keeps the people it names as met (``Meeting.counterparts``): two mentions naming different people
met are two meetings ("trifft zunächst X ... Anschließend ist eine Unterredung mit Y geplant"), which the merge
keeps apart.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from functools import cache

from ...data import load_data, word_set
from ...model import Meeting, Token
from ..actors.actors import Entity
from .context import SentenceContext
from .triggers import find_triggers, is_travel

log = logging.getLogger(__name__)

PEOPLE = ("person", "office", "role")
"""Entity kinds that are someone met (a state's name is a party, which per_partner splits by)."""
NAME_TAGS = ("NE", "NP0")
"""Tags of a proper noun: a name the gazetteer does not know may still be someone met ("and Zhang Dejiang")."""
MODIFIER_TAGS = ("ART", "PPOSAT", "AT0", "DPS", "ADJ", "AJ0", "APPRART")
"""Words that may open a person's phrase outside the entity ("mit dem Präsidenten ...", "with his counterpart")."""
NOUN_TAGS = ("NN", "NP0")
"""A title word before a name ("Emperor Naruhito", "Präsidentin Maia Sandu")."""
MIN_PEOPLE = 2


@dataclass(frozen=True)
class RowWords:
    apart: tuple[str, ...]
    joint: tuple[str, ...]
    joiners: frozenset[str]
    particles: frozenset[str]
    before: frozenset[str]
    conjunction_tags: frozenset[str]
    relative_tags: frozenset[str]


@cache
def row_words(language: str) -> RowWords:
    data = load_data("meeting_rows")
    d = data.get(language) or data["de"]
    def tags(key: str) -> frozenset[str]:
        return frozenset(str(t) for t in d.get(key) or [])
    return RowWords(tuple(word_set(d, "apart")), tuple(word_set(d, "joint")), word_set(d, "joiners"),
                    word_set(d, "particles"), word_set(d, "before"), tags("conjunction_tags"), tags("relative_tags"))


@dataclass(frozen=True)
class Met:
    """Someone met, named after "mit"/"with" or in the list it opens: tokens first..last."""

    first: int
    last: int
    party: str | None
    names: tuple[str, ...]
    """The words of the person's name, lower-cased, which tell two people apart across sentences ("donald",
    "trump"); none for an office named without a name."""
    own_preposition: bool = False
    """Opened by a preposition of its own inside the list ("sowie mit Y", "and with Y")."""
    known: bool = True
    """A person or an office the actors stage found (not a run of proper nouns it does not know)."""


def one_row_each(ctx: SentenceContext, rows: list[Meeting]) -> list[Meeting]:
    """The sentence's rows, the one meeting with a list of people met made one row for each when the sentence
    says they are met apart; every row with the people it names as met."""
    lists = people_met(ctx)
    if len(rows) == 1 and rows[0].status == "upcoming":
        groups = _met_apart(ctx, lists)
        if groups:
            m = rows[0]
            people = [p for group in groups for p in group]
            if _anothers_day(ctx, m):
                # the row keeps the day for what the clause tells of (the visit); the meetings apart have none
                undated = replace(m, start=None, end=None, date_resolved=False, date_text="", window_start=None,
                                  window_end=None, evidence=list(m.evidence))
                return [m, *(_with(ctx, undated, group, people) for group in groups)]
            _on_the_visits_day(ctx, m)
            return [_with(ctx, m, group, people) for group in groups]
    if len(rows) == 1 and not rows[0].counterparts:
        # (a sentence of several rows does not say which row meets whom)
        rows[0].counterparts = list(dict.fromkeys(w for people in lists for p in people for w in p.names))
    return rows


def _met_apart(ctx: SentenceContext, lists: list[list[Met]]) -> list[list[Met]]:
    """The groups of people met in meetings apart: each person of a list the sentence says is met apart; else each
    list after a meeting word of its own ("will hold official talks with X, meetings with Y"); else none."""
    apart = next((people for people in lists if len(people) >= MIN_PEOPLE and _apart(ctx, people)), None)
    if apart is not None:
        return [[p] for p in apart]
    triggers = find_triggers(ctx)
    own = [b for a, b in zip(lists, lists[1:]) if any(a[-1].last < i < b[0].first for i in triggers)]
    return [lists[0], *own] if len(own) == len(lists) - 1 and len(lists) >= MIN_PEOPLE else []


def _anothers_day(ctx: SentenceContext, m: Meeting) -> bool:
    """"Duterte, whose visit begins Tuesday, is scheduled to hold separate talks with A, B and C": every day of the
    sentence is told in a relative clause (between commas, opened by a relative pronoun), the day of what that clause
    tells of; the meetings told apart in the main clause have no day of their own."""
    if m.start is None or not ctx.timexes:
        return False
    clauses = _relative_clauses(ctx)
    s = ctx.sentence
    return all(any(s.tokens[a].start <= t.start and t.end <= s.tokens[b].end for a, b in clauses)
               for t in ctx.timexes)


def _relative_clauses(ctx: SentenceContext) -> list[tuple[int, int]]:
    """The relative clauses of the sentence set off by commas, as first and last tokens."""
    tags = row_words(ctx.gaz.language).relative_tags
    out = []
    for k, tok in enumerate(ctx.tokens[:-1]):
        if tok.text != "," or ctx.tokens[k + 1].pos not in tags:
            continue
        end = next((j for j in range(k + 2, len(ctx.tokens)) if ctx.tokens[j].text in (",", ";", ".")), len(ctx.tokens))
        out.append((k + 1, end - 1))
    return out


def _on_the_visits_day(ctx: SentenceContext, m: Meeting) -> None:
    """"wird am Montag in Berlin erwartet. In der Hauptstadt führt er Unterredungen mit X sowie mit Y": meetings with
    no day of their own inside a visit of one day, told in the sentence right before, are held on its day (inside a
    visit of several days they have none)."""
    if m.start is not None or m.window_start is not None or ctx.timexes:
        return
    here = ctx.sentence.index
    visit = next((o for o in reversed(ctx.doc.earlier) if o.evidence and o.evidence[-1].sentence == here - 1
                  and not o.side), None)
    if visit is None or visit.status != "upcoming" or visit.start is None or visit.end != visit.start \
            or not visit.date_resolved or not set(m.participants) <= set(visit.participants):
        return
    m.start = m.end = visit.start
    m.date_text, m.date_resolved = visit.date_text, True


def _with(ctx: SentenceContext, m: Meeting, group: list[Met], people: list[Met]) -> Meeting:
    """The meeting with one group of the people met: the other parties and the group's own (a party that is another
    group's alone is not in this meeting), held inside the visit or event the sentence is part of."""
    theirs = {p.party for p in people if p.party}
    own = {p.party for p in group if p.party}
    parties = m.participants
    if own & set(parties) and len(theirs) > len(own):
        parties = [x for x in parties if x not in theirs or x in own]
    # an office met without a name ("mit dem Präsidenten des Bundestages") is told apart by its own word
    names = [w for p in group for w in p.names or (ctx.tokens[p.last].text.lower(),)]
    return replace(m, participants=list(parties), evidence=list(m.evidence), side=True, counterparts=names)


def _apart(ctx: SentenceContext, people: list[Met]) -> bool:
    """A word of meeting apart anywhere in the sentence, or each person opened by a preposition and no word of a
    joint meeting."""
    words = row_words(ctx.gaz.language)
    said = ctx.words()
    if any(w.startswith(words.apart) for w in said):
        return True
    return all(p.own_preposition for p in people[1:]) and not any(w.startswith(words.joint) for w in said)


def people_met(ctx: SentenceContext) -> list[list[Met]]:
    """The lists of people met the sentence names, each opened by a partner word ("mit", "with") or by a verb of
    meeting ("will call on X", "trifft am Donnerstag X") and going on over the words that join a list ("," "und"
    "sowie mit")."""
    units = _units(ctx)
    partners = ctx.lex.partner_words
    verbs = {i for i in find_triggers(ctx) if ctx.tokens[i].pos.startswith("V")}
    out: list[list[Met]] = []
    k = 0
    while k < len(ctx.tokens):
        if not (ctx.tokens[k].text.lower() in partners or k in verbs) or ctx.mask[k]:
            k += 1
            continue
        people = _list_from(ctx, k, units)
        if people:
            out.append(people)
            k = people[-1].last + 1
        else:
            k += 1
    return out


def _list_from(ctx: SentenceContext, k: int, units: list[Met]) -> list[Met]:
    """The people met after the partner word at ``k``: each after a word joining a list, with modifiers and title
    words between ("sowie mit dem Präsidenten X", ", Emperor Naruhito")."""
    partners = ctx.lex.partner_words
    by_verb = ctx.tokens[k].text.lower() not in partners
    subject = ctx.said.subject
    people: list[Met] = []
    at = k + 1
    for unit in units:
        if unit.first < at:
            continue
        joined = _joined(ctx, [(ctx.tokens[i], i) for i in range(at, unit.first)], bool(people))
        if subject is not None and (subject.first, subject.last) == (unit.first, unit.last):
            return people  # "Am Freitag telefoniert Scholz mit Putin": who meets is not met
        if joined is None or by_verb and joined in partners or not people and not unit.known:
            # (a name the actors stage does not know is someone met only inside a list of people it knows: "with
            # President Xi, Premier Li and Zhang Dejiang"; alone it may be anything, "to Al Jazeera")
            return people
        people.append(replace(unit, own_preposition=bool(people) and joined in partners))
        at = unit.last + 1
    return people


def _joined(ctx: SentenceContext, gap: list[tuple[Token, int]], listed: bool) -> str | None:
    """The word that joins the next person to the list over the tokens ``gap`` ("" for the first, right after the
    partner word or the verb, where a time and a verb's particle may stand: "trifft am Donnerstag X", "call on X"),
    or None when the gap is no join: another word stands there, or nothing joins a second person."""
    words = row_words(ctx.gaz.language)
    partners = ctx.lex.partner_words
    joiner = None if listed else ""
    timed = ctx.timed()
    for tok, k in gap:
        word = tok.text.lower()
        if not listed and word in words.joiners:
            return None  # the first person follows the partner word or the verb, no list's joiner between
        if word in partners or word in words.joiners:
            joiner = word if word in partners or joiner in (None, "") else joiner
        elif not (tok.pos.startswith(MODIFIER_TAGS) or tok.text[:1].isupper() and tok.pos.startswith(NOUN_TAGS)
                  or not listed and (k in timed or word in words.particles)):
            return None
    return joiner


def _units(ctx: SentenceContext) -> list[Met]:
    """The people the sentence names, in order: the actors stage's people and offices, and runs of proper nouns it
    does not know."""
    # (an office's last word is a noun: "hold official talks" names no official)
    units = [Met(e.first, e.last, e.party, _names(ctx, e)) for e in ctx.actors.entities
             if e.kind in PEOPLE and ctx.tokens[e.last].pos.startswith(NOUN_TAGS + NAME_TAGS)]
    covered = {i for e in ctx.actors.entities for i in range(e.first, e.last + 1)}
    i = 0
    while i < len(ctx.tokens):
        if i in covered or not _name(ctx, i):
            i += 1
            continue
        j = i
        while j + 1 < len(ctx.tokens) and j + 1 not in covered and _name(ctx, j + 1):
            j += 1
        units.append(Met(i, j, None, tuple(w.lower() for w in ctx.words(i, j)), known=False))
        i = j + 1
    return _adjoined(sorted(units, key=lambda u: u.first))


def _adjoined(units: list[Met]) -> list[Met]:
    """Units side by side are one person ("Prime" before "Minister Fumio Kishida")."""
    out: list[Met] = []
    for u in units:
        if out and u.first == out[-1].last + 1:
            before = out[-1]
            out[-1] = Met(before.first, u.last, u.party or before.party, u.names or before.names,
                          known=u.known or before.known)
        else:
            out.append(u)
    return out


def _name(ctx: SentenceContext, i: int) -> bool:
    tok = ctx.tokens[i]
    return tok.pos.startswith(NAME_TAGS) and tok.text[:1].isupper() and tok.text.isalpha() and i > 0


def _names(ctx: SentenceContext, e: Entity) -> tuple[str, ...]:
    """The words of a person's name: of the name the actors stage resolved, else the proper nouns that end the
    entity after its words of office ("Prime Minister Pravind Kumar Jugnauth": "pravind", "kumar", "jugnauth";
    "President Donald trump": "donald", "trump")."""
    if e.person:
        return tuple(w.lower() for w in e.person.split())
    roles = _office_words(ctx.gaz.language)
    names: list[str] = []
    for k in range(e.last, e.first - 1, -1):
        tok = ctx.tokens[k]
        word = tok.text.lower()
        named = tok.pos.startswith(NAME_TAGS) and tok.text[:1].isupper() or k == e.last and tok.text.isalpha()
        if word in roles or not named:
            break
        names.insert(0, word)
    return tuple(names)


@cache
def _office_words(language: str) -> frozenset[str]:
    """Words of office (the actors lexicon's roles): no part of a name."""
    return word_set(load_data(f"actors_{language}"), "roles")


def then_clause(ctx: SentenceContext, first: int, last: int) -> int | None:
    """"will initially meet with Biden on April 11 before Kishida joins them in a trilateral summit": the token of a
    conjunction of time between tokens first..last that opens a clause, after which the sentence tells of a second
    meeting, else None."""
    words = row_words(ctx.gaz.language)
    k = next((k for k in range(first + 1, last + 1) if ctx.tokens[k].text.lower() in words.before
              and ctx.tokens[k].pos in words.conjunction_tags), None)
    # "before leaving on Thursday for Namibia": a journey after it is the way on, no second meeting
    if k is None or all(is_travel(ctx, ctx.tokens[i]) for i in find_triggers(ctx) if k < i <= last):
        return None
    return k
