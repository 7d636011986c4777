"""Who takes part in a meeting: the subject, the parties named in its stretch (not the topic, not the one
who reports it), a group or format by its members, and those the sentence before named when a pronoun
or a definite noun points back to them."""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import lru_cache

from ...data import load_data
from ...model import Meeting
from ...parties import is_organisation
from ...territories import in_its_time
from ..actors.actors import ORGANISATIONS, Entity
from .context import SentenceContext, Span
from .groups import group_parties, group_tokens
from .places import (
    after_topic_verb,
    earlier_clause_tokens,
    in_attribution,
    in_situation,
    in_topic_phrase,
    last_place,
    place_words,
)
from .referents import PRONOUN_TAGS, subject_slots
from .titles import OWN, meeting_title
from .triggers import earlier_tokens, event_noun, present

log = logging.getLogger(__name__)

DEFINITE = frozenset({"der", "die", "das", "the", "this", "diese", "dieses", "dieser"})
VISIT_REACH = 8  # sentences back a visit may be told whose host holds an office named without a state
LOOK_BACK = 3  # sentences back a definite meeting noun ("Das Treffen") may point to the meeting named there
PREPOSITION_TAGS = ("APPR", "APPO", "PRP", "PRF")  # STTS, CLAWS
NOUN_PHRASE_TAGS = ("ART", "AT0", "ADJ", "AJ", "PPOSAT", "DPS", "DT0", "PIAT", "CARD", "CRD", "ORD")
CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "–", "—", '"'})
CONJUNCTION_TAGS = ("KON", "CJC")


def participants(ctx: SentenceContext, span: Span) -> list[str]:
    """The parties of the meeting in ``span``, in the order the sentence names them, as they were on the day
    the source was published (``in_time``)."""
    return in_time(ctx, _participants(ctx, span))


def in_time(ctx: SentenceContext, parties: list[str]) -> list[str]:
    """"Gorbatschow empfängt Kohl in Moskau" in 1987: Moscow's state was the Soviet Union then."""
    return list(dict.fromkeys(in_its_time(p, ctx.doc.source.published) if p else p for p in parties))


def _participants(ctx: SentenceContext, span: Span) -> list[str]:
    visitor = _subject(ctx) or _pronoun_visitor(ctx) or _guest_of_the_visit(ctx, span)
    parties = [*visitor, *_entities(ctx, span), *_mentions(ctx, span), *group_parties(ctx, span),
               *modifier_parties(ctx, span), *(_there_party(ctx, span) if visitor else [])]
    if visitor and not [p for p in parties if p and p not in visitor]:
        parties += _host_by_role(ctx, span, visitor)  # (not when the sentence names the host: "nach Ägypten")
    parties = _pointed_back(ctx, span, parties)
    parties = list(dict.fromkeys(p for p in parties if p))
    before = before_people(ctx)
    if not parties and _body(ctx, span.first, span.last) is not None:
        # "Die Staats- und Regierungschefs beraten dort": the members of the summit named before
        parties = list(organisations_before(ctx))
    if not parties and before:
        parties = list(before)  # "Die beiden Präsidenten kommen ... zusammen": who the sentence before named
    if not parties:
        parties = _meeting_before(ctx, span)
    return parties


def met_as_object(ctx: SentenceContext, trigger: int, e: Entity) -> bool:
    """"will meet French President Macron", "is to call on Prime Minister X", "wird den Präsidenten empfangen",
    "soll mit Li zusammentreffen": the one met is the object of a verb of meeting, right after the verb (a phrasal
    visit's particle between) or, where the verb closes its clause (German), right before it."""
    tok = ctx.tokens[trigger]
    lemma = tok.lemma.lower()
    if not tok.pos.startswith("V") or not (lemma in ctx.lex.object_verbs
                                           or any(p + lemma in ctx.lex.object_verbs for p in ctx.particles())):
        return False
    if e.first > trigger:
        return _plain(ctx, range(trigger + 1, e.first), ctx.lex.phrasal_visits.get(lemma))
    return _plain(ctx, range(e.last + 1, trigger), None) and _closes_clause(ctx, trigger) \
        and _object_opening(ctx, e.first)


def _plain(ctx: SentenceContext, between: range, particle: str | None) -> bool:
    """No verb, clause mark or preposition (but the particle of a phrasal verb) between a verb and its object."""
    for k in between:
        tok = ctx.tokens[k]
        if tok.pos.startswith("V") or tok.text in CLAUSE_MARKS \
                or tok.pos.startswith(PREPOSITION_TAGS) and tok.text.lower() != particle:
            return False
    return True


def _closes_clause(ctx: SentenceContext, i: int) -> bool:
    """The verb at ``i`` is the last word of its clause ("... Macron treffen." / "treffen, um ...")."""
    if i + 1 >= len(ctx.tokens):
        return True
    nxt = ctx.tokens[i + 1]
    return not any(c.isalnum() for c in nxt.text) or nxt.pos.startswith(CONJUNCTION_TAGS)


def _object_opening(ctx: SentenceContext, first: int) -> bool:
    """The phrase before a verb closing its clause is its object or whom one meets with ("den Präsidenten",
    "mit Li"), not the object of another preposition ("in Paris", "über Macron")."""
    k = first - 1
    while k >= 0 and ctx.tokens[k].pos.startswith(NOUN_PHRASE_TAGS):
        k -= 1
    if k < 0:
        return True
    tok = ctx.tokens[k]
    return not tok.pos.startswith(PREPOSITION_TAGS) and tok.pos != "APPRART" \
        or tok.text.lower() in place_words(ctx.gaz.language).partners


def _meeting_before(ctx: SentenceContext, span: Span) -> list[str]:
    """"Nächste Woche gibt es ein Nato-Treffen. Das Treffen wird am 6. Dezember stattfinden": a definite
    meeting noun at the start of the sentence names the meeting found just before, with its parties."""
    trigger = span.named_by[0]
    if not (0 < trigger <= 2 and event_noun(ctx.tokens[trigger], ctx.lex)
            and ctx.tokens[trigger - 1].text.lower() in DEFINITE):
        return []
    here = ctx.sentence.index
    for m in reversed(ctx.doc.earlier):
        if m.evidence and 0 < here - m.evidence[-1].sentence <= LOOK_BACK and m.participants and not m.side:
            return list(m.participants)
    return []


def _subject(ctx: SentenceContext) -> list[str]:
    """The subject's party; a subject named by a pronoun, a surname or a role ("Sie", "Dieser", "die
    CDU-Vorsitzende") is the person the article named before (actors/mentions.py)."""
    subj = ctx.said.subject
    if subj is not None and group_tokens(ctx).intersection(range(subj.first, subj.last + 1)):
        return []  # "Leaders of the Pacific Alliance": the group (group_parties), not NATO's "Alliance"
    # both: the speech stage may take the one met for the subject when a pronoun opens ("Dieser will ... Lawrow
    # treffen")
    return [p for p in (ctx.opener, subj.party if subj else None) if p]


def _pronoun_visitor(ctx: SentenceContext) -> list[str]:
    """"Foreign Minister Kang will travel to the United States ... She will make a four-day visit to Washington":
    a subject pronoun whose person no list knows is the one who travels or meets in the meeting told just
    before (its first party)."""
    slots = subject_slots(ctx.tokens, ctx.lex)
    if not any(ctx.tokens[i].text.lower() in ctx.lex.subject_pronouns and ctx.tokens[i].pos in PRONOUN_TAGS
               for i in slots if i < len(ctx.tokens)):
        return []
    return _earlier_visitor(ctx)


def _guest_of_the_visit(ctx: SentenceContext, span: Span) -> list[str]:
    """"Merz reist am Samstag nach Israel. Ein Gespräch mit Ministerpräsident Netanyahu ist für Sonntag geplant",
    "For Friday a meeting with Secretary Clinton is on the schedule": a meeting noun followed by whom it is held
    with, in a sentence with no subject of its own, is held by the one who travels or meets in the meeting told
    just before (its first party)."""
    trigger = span.named_by[0]
    if not event_noun(ctx.tokens[trigger], ctx.lex) or trigger + 1 >= len(ctx.tokens) \
            or ctx.tokens[trigger + 1].text.lower() not in place_words(ctx.gaz.language).partners:
        return []
    return _earlier_visitor(ctx)


def _earlier_visitor(ctx: SentenceContext) -> list[str]:
    """The first party of the meeting told in the last few sentences."""
    here = ctx.sentence.index
    for m in reversed(ctx.doc.earlier):
        if m.evidence and 0 < here - m.evidence[-1].sentence <= LOOK_BACK and m.participants and not m.side:
            return [m.participants[0]]
    return []


def _host_by_role(ctx: SentenceContext, span: Span, visitor: list[str]) -> list[str]:
    """"Fischer reist bis Freitag durch Israel. ... will Fischer Ministerpräsident Ariel Scharon treffen", "An diesem
    Dienstag wird sie von Staatspräsident Mwai Kibaki empfangen": a person named by an office with no state, met
    by the one who travels in a dated visit to one state told shortly before, holds that office in the state
    visited."""
    named = [e for e in ctx.actors.entities if span.first <= e.first <= span.last and e.kind == "role" and not e.party
             and e.last > e.first and ctx.tokens[e.last].pos.startswith(("NE", "NP0")) and not topic(ctx, e.first)]
    if not named:
        return []
    here = ctx.sentence.index
    for m in reversed(ctx.doc.earlier):
        if not m.evidence or here - m.evidence[-1].sentence > VISIT_REACH:
            break
        hosts = [p for p in m.participants[1:] if p not in ORGANISATIONS and p not in visitor]
        # a dated visit: the stops a journey will go on to are named without a day ("weiter nach Kairo")
        if m.participants and m.participants[0] in visitor and m.status == "upcoming" and not m.side \
                and m.start is not None and len(hosts) == 1 and len(m.participants) == 2:
            # not when the sentence names another place ("reist nach Ägypten weiter, wo er Präsident al-Sisi trifft")
            elsewhere = {e.party for e in ctx.actors.entities if e.kind == "name" and e.party} - set(visitor)
            return hosts if elsewhere <= set(hosts) else []
    return []


def _there_party(ctx: SentenceContext, span: Span) -> list[str]:
    """"... besucht Steinmeier das Königreich Lesotho. Dort trifft er mit König Letsie III. zusammen": "dort" is
    the place the sentence before named last, and its state hosts the one who came (not so a body meeting
    there: "Die Staats- und Regierungschefs beraten dort")."""
    if ctx.previous is None or not any(t.text.lower() in ctx.lex.there and t.pos not in ctx.lex.existential_tags
                                       for t in ctx.tokens[span.first:span.last + 1]):
        return []  # (not "there will be any announcement")
    place = last_place(ctx.previous, ctx.gaz)
    entry = ctx.gaz.lookup(place) if place else None
    return [entry.party] if entry is not None and entry.party and entry.party not in ORGANISATIONS else []


def _entities(ctx: SentenceContext, span: Span) -> list[str]:
    """People, offices and names in the span; not one in a report of who said it ("wie das Weiße Haus
    mitteilte"), nor a topic ("Sanktionen gegen Russland"). A shared seat ("Brüssel") counts as the body
    its context names."""
    mask = ctx.mask
    timed = ctx.timed() | earlier_tokens(ctx) | earlier_clause_tokens(ctx) | group_tokens(ctx)
    return [e.party for e in ctx.actors.entities
            if span.first <= e.first <= span.last and not any(mask[e.first:e.last + 1]) and e.party
            and not timed.intersection(range(e.first, e.last + 1))
            and not in_attribution(ctx.sentence, e.first, span.first, span.last, ctx.lex)
            and not topic(ctx, e.first)]


def _mentions(ctx: SentenceContext, span: Span) -> list[str]:
    """Parties named inside words: "Vertreter der USA und Russlands", "The G20 leaders' summit", and
    compounds of an office ("US-Präsident")."""
    found, lex, gaz = ctx.actors, ctx.lex, ctx.gaz
    in_entity = {i for e in found.entities for i in range(e.first, e.last + 1)} | ctx.timed() | earlier_tokens(ctx) \
        | earlier_clause_tokens(ctx) | group_tokens(ctx)
    out = []
    for i in range(span.first, span.last + 1):
        m_idx = found.token_mention[i]
        if m_idx is not None and i > span.first and found.token_mention[i - 1] == m_idx:
            continue  # a mention of several tokens ("Sudan ’s") is judged at its first
        if m_idx is None or ctx.mask[i] or i in in_entity \
                or in_attribution(ctx.sentence, i, span.first, span.last, lex) or topic(ctx, i):
            continue
        mention = found.mentions[m_idx]
        low = ctx.tokens[i].text.lower()
        # (a meeting noun inflected too: "die Vorbereitung des Nato-Gipfels")
        if mention.kind in ("compound", "office") and (low.endswith(lex.nouns) or event_noun(ctx.tokens[i], lex)
                                                       or gaz.is_role(low)):
            out.append(mention.party)
        elif mention.kind in ("genitive", "name", "person"):
            out.append(mention.party)
    return out


def modifier_parties(ctx: SentenceContext, span: Span) -> list[str]:
    """"der niederländische König", "Indian and Pakistani foreign secretaries", "die deutsch-polnischen
    Regierungskonsultationen", "the Franco-German summit", "US-China talks": states named by adjectives (or by names
    joined with a hyphen) before the holder of an office or before a meeting noun. A meeting noun takes them only
    when they are two or more ("the Syrian peace talks" may be about Syria)."""
    # a person the lists know keeps the party they give ("die deutsche EU-Kommissionspräsidentin von der Leyen",
    # "Former Norwegian Prime Minister Stoltenberg")
    known = {k for e in ctx.actors.entities if e.party and e.kind == "person" for k in range(e.first, e.last + 1)}
    hidden = ctx.timed() | earlier_tokens(ctx) | earlier_clause_tokens(ctx) | known
    out: list[str] = []
    for n in range(span.first, span.last + 1):
        holder = _holder(ctx, n)
        if not holder and not event_noun(ctx.tokens[n], ctx.lex) or ctx.mask[n] or n in hidden or topic(ctx, n) \
                or in_attribution(ctx.sentence, n, span.first, span.last, ctx.lex):
            continue
        states = _states_before(ctx, n, span.first)
        if holder or len(states) > 1:
            out.extend(states)
    return out


def _holder(ctx: SentenceContext, n: int) -> bool:
    """The noun at ``n`` names who holds an office or a throne ("Präsident", "König", "foreign secretaries")."""
    tok = ctx.tokens[n]
    low = tok.text.lower()
    return tok.pos.startswith(("NN", "NP0")) and (ctx.gaz.is_role(low) or low.endswith(ctx.lex.holders)
                                                  or low.rsplit("-", 1)[-1].endswith(ctx.lex.bodies))


def _states_before(ctx: SentenceContext, n: int, first: int) -> list[str]:
    """The states the modifiers right before the noun at ``n`` name: adjectives of states, and names or combining
    forms joined by hyphens ("US-China", "Franco-German"), over other adjectives and joiners ("Indian and
    Pakistani foreign secretaries")."""
    out: list[str] = []
    for k in range(n - 1, first - 1, -1):
        if ctx.mask[k]:
            break
        tok = ctx.tokens[k]
        states = _states_of_word(ctx, k)
        if states:
            out.extend(states)
        elif not (tok.pos.startswith(("ADJ", "AJ")) or tok.text == "-" or tok.text.lower() in ctx.lex.list_joiners
                  and tok.text not in (",",) and not tok.pos.startswith(("ART", "AT0"))):
            break
    return list(dict.fromkeys(reversed(out)))


def _states_of_word(ctx: SentenceContext, k: int) -> list[str]:
    """The states one word names as a modifier: an adjective of a state, its parts when hyphenated
    ("deutsch-polnischen"), a state's name or a combining form joined to the next or last by a hyphen."""
    tokens, found = ctx.tokens, ctx.actors
    text = tokens[k].text
    hyphened = k + 1 < len(tokens) and tokens[k + 1].text == "-" or k > 0 and tokens[k - 1].text == "-"
    m_idx = found.token_mention[k]
    mention = found.mentions[m_idx] if m_idx is not None else None
    if mention is not None and mention.party and (mention.kind in ("adjective", "demonym")
                                                  or mention.kind == "name" and hyphened):
        return [mention.party]
    combining = ctx.lex.combining.get(text.lower())
    if combining and hyphened:
        return [combining]
    if "-" in text.strip("-") and tokens[k].pos.startswith(("ADJ", "AJ")):
        parts = [ctx.gaz.adjective(part) or ctx.lex.combining.get(part.lower()) for part in text.split("-")]
        if all(parts):
            return [p for p in parts if p]
    return []


def _pointed_back(ctx: SentenceContext, span: Span, parties: list[str]) -> list[str]:
    """"empfängt ihn Xi", "die beiden Staatschefs", "Die Begegnung ist für Montag angesetzt": those named
    just before."""
    before = before_people(ctx)
    if not before:
        return parties
    words = ctx.words(span.first, span.last)
    out = list(parties)
    if any(w in ctx.lex.object_pronouns for w in words):
        out.extend(before)
    if any(w in ctx.lex.both for w in words):
        out.extend(before)
    if any(_joins(ctx, i) for i in span.named_by):
        out.extend(before)  # "Am Donnerstag stößt Boric dazu": those he joins
    trigger = span.named_by[0]
    if 0 < trigger <= 2 and event_noun(ctx.tokens[trigger], ctx.lex) \
            and ctx.tokens[trigger - 1].text.lower() in DEFINITE:
        out = [*before, *out]  # the meeting just named
    return out


def _joins(ctx: SentenceContext, i: int) -> bool:
    """The verb at ``i`` tells of joining a meeting under way ("join", "dazustoßen")."""
    tok = ctx.tokens[i]
    lemma = tok.lemma.lower()
    return tok.pos.startswith("V") and (lemma in ctx.lex.joins or any(p + lemma in ctx.lex.joins
                                                                      for p in ctx.particles()))


def topic(ctx: SentenceContext, i: int) -> bool:
    """A name governed by "gegen"/"against" ("über Strafmaßnahmen gegen Russland"), inside a phrase opened by
    "über"/"about" ("über den Umgang mit Russland beraten") or in the object of a verb of discussing ("to
    discuss the strikes in Syria"): the topic, not a party."""
    for k in range(i - 1, max(i - 4, -1), -1):
        tok = ctx.tokens[k]
        word = tok.text.lower()
        if word in ctx.lex.topics:
            return True
        if word in (",", ";", ":", "und", "and", "mit", "with") or tok.pos.startswith("V"):
            break
    return in_topic_phrase(ctx.sentence, i, ctx.lex) or after_topic_verb(ctx.sentence, i, ctx.lex, ctx.gaz.language) \
        or in_situation(ctx.sentence, i, ctx.gaz.language)


def before_people(ctx: SentenceContext) -> tuple[str, ...]:
    """Parties of the people and offices named in the sentence before."""
    if ctx.n == 0:
        return ()
    return tuple(dict.fromkeys(e.party for e in ctx.doc.actors[ctx.n - 1].entities
                               if e.party and e.kind in ("person", "office")))


def organisations_before(ctx: SentenceContext) -> tuple[str, ...]:
    """The organisations (G20, EU, NATO ...) the sentence before names."""
    if ctx.n == 0:
        return ()
    return tuple(dict.fromkeys(m.party for m in ctx.doc.actors[ctx.n - 1].mentions if organisation(m.party)))


def organisation(party: str | None) -> bool:
    """A body or a group of states (NATO, the EU, the East African Community), not a state."""
    return bool(party) and (party in ORGANISATIONS or is_organisation(party))


def find_body(ctx: SentenceContext) -> int | None:
    return _body(ctx, 0, len(ctx.tokens) - 1)


def _body(ctx: SentenceContext, first: int, last: int) -> int | None:
    """A plural body of office-holders after its article ("die EU-Außenminister", "the foreign ministers")."""
    lex, tokens = ctx.lex, ctx.tokens
    for i in range(max(first, 1), last + 1):
        tok = tokens[i]
        if ctx.mask[i] or not tok.pos.startswith("NN"):
            continue
        tail = tok.text.lower().rsplit("-", 1)[-1]
        if tail.endswith(lex.bodies) and any(tokens[k].text.lower() in lex.body_articles
                                             for k in range(max(0, i - 3), i)):
            return i
    return None


def without_host(ctx: SentenceContext, span: Span, location: str | None, parties: list[str]) -> list[str]:
    """"Die Verhandlungen ... am Montag in Wien": the city where others meet is no party of its own. Its state
    takes part only when someone goes there (a visit, a journey) or its government is named as well."""
    if location is None or not parties or present(ctx, 0, len(ctx.tokens) - 1):
        return parties
    found, first, last = ctx.actors, span.first, span.last
    low = location.lower()
    # every naming of the city counts as the seat, the dateline's ("Wien – Nach ...") too
    seat = [e for e in found.entities if e.kind == "name" and e.party and e.party not in ORGANISATIONS
            and low in e.text.lower()]
    if len({e.party for e in seat}) != 1 or not any(first <= e.first <= last for e in seat):
        return parties
    host = seat[0]
    if ctx.said.subject and ctx.said.subject.party == host.party:
        return parties
    others = [e for e in found.entities if e not in seat and first <= e.first <= last and e.party == host.party]
    spans = {i for e in seat for i in range(e.first, e.last + 1)}
    loose = [i for i in range(first, last + 1) if i not in spans and found.token_mention[i] is not None
             and found.mentions[found.token_mention[i]].party == host.party]
    # a member of a format named as such, or a state named by its adjective ("die deutsch-polnischen Konsultationen")
    if others or loose or host.party in group_parties(ctx, span) or host.party in modifier_parties(ctx, span):
        return parties
    return [p for p in parties if p != host.party]


def apart(ctx: SentenceContext, span: Span) -> bool:
    return any(w in ctx.lex.separately for w in ctx.words(span.first, span.last)) or two_party(ctx, span)


@lru_cache(maxsize=4)
def _two_party_words(language: str) -> frozenset[str]:
    d = load_data("meeting_groups").get("two_party") or {}
    return frozenset(str(w).lower() for w in d.get(language) or [])


def two_party(ctx: SentenceContext, span: Span) -> bool:
    """"bilateral meetings with Howard, Hu and Abe", "bilaterale Gespräche mit X und Y": a meeting noun that is a
    meeting of two (by a modifier right before it, or by its own name) held with several is one with each."""
    words = _two_party_words(ctx.gaz.language)
    for i in span.in_scope:
        if not event_noun(ctx.tokens[i], ctx.lex):
            continue
        if ctx.tokens[i].text.lower() in words or i > 0 and ctx.tokens[i - 1].text.lower() in words:
            return True
    return False


def per_partner(ctx: SentenceContext, m: Meeting) -> list[Meeting]:
    """"will sowohl mit Xi als auch mit Modi zusammenkommen", "hold separate talks with": one meeting each."""
    host = ctx.said.subject.party if ctx.said.subject else None
    others = [p for p in m.participants if p != host]
    if host is None or host not in m.participants or len(others) < 2:
        return [m]
    return [_retitled(ctx, replace(m, participants=[host, p], evidence=list(m.evidence))) for p in others]


def _retitled(ctx: SentenceContext, m: Meeting) -> Meeting:
    """A title made from the parties names only the two of each meeting split off."""
    if m.title_rank < OWN:
        m.title, m.title_rank = meeting_title(ctx.sentence, None, m.participants, m.format, ctx.gaz.language)
    return m


def per_organisation(ctx: SentenceContext, m: Meeting) -> list[Meeting]:
    """A visitor meeting the heads of two organisations ("Borrell und Stoltenberg") holds two meetings."""
    visitor = ctx.said.subject.party if ctx.said.subject else None
    orgs = [p for p in m.participants if p in ORGANISATIONS and p != visitor]
    if visitor is None or visitor in ORGANISATIONS or len(orgs) < 2 or visitor not in m.participants:
        return [m]
    rest = [p for p in m.participants if p not in orgs]
    return [_retitled(ctx, replace(m, participants=rest + [org], evidence=list(m.evidence))) for org in orgs]


def split_by_partner(ctx: SentenceContext, span: Span, m: Meeting) -> list[Meeting]:
    """One meeting per partner met separately, or per organisation a visitor sees. A phone call is held with
    one counterpart at a time ("mit Putin und Hollande telefonieren": two calls), unless joint ("gemeinsam",
    "Telefonkonferenz")."""
    joint = any(w.startswith(tuple(ctx.lex.together)) for w in ctx.words(span.first, span.last))
    if apart(ctx, span) or (m.format == "phone" and not joint):
        return per_partner(ctx, m)
    return per_organisation(ctx, m)


def counted(ctx: SentenceContext, span: Span) -> bool:
    """A meeting named by its number of parties ("Dreiertreffen", "trilateral")."""
    return any(w.startswith(tuple(ctx.lex.counts)) for w in ctx.words(span.first, span.last))
