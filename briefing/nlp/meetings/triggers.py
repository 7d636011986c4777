"""Words that name a meeting, a journey or a presence, and words that announce one as still to come."""

from __future__ import annotations

import logging
import re

from ...model import Sentence, Token
from ..clauses import masked_runs
from .context import SentenceContext, Span
from .lexicon import MeetingLexicon

log = logging.getLogger(__name__)

ADVERB_TAGS = ("AV", "ADV", "XX0", "PTKNEG")
MODALS = frozenset({"will", "would", "shall", "to", "can", "could", "may", "might", "must"})
SPEECH_REACH = 6  # words from a speech noun to the word before its venue ("eine Rede zur Euro-Krise am ...")
VENUE_REACH = 4  # words from "vor"/"at" to the name of the body or venue ("at the renowned Brookings Institution")
NAME_TAGS = ("NE", "NP0")
ARTICLE_TAGS = ("ART", "AT0")
QUOTE_MARKS = frozenset('"„“”»«‘’`\'')
TERM_WORDS = 4  # words a quoted term may have ("a „working lunch“"); a longer quote is speech
VERB_TAGS = ("V",)


def open_terms(sentence: Sentence, mask: list[bool]) -> list[bool]:
    """The quote mask with quoted terms opened: a few words without a verb inside quotation marks, in a sentence
    that goes on outside them ("will have a „working lunch“ with Blair", "zu einem „Arbeitsessen“"), are a term the
    writer marks, not speech, and may name a meeting. The marks themselves stay masked."""
    tokens = sentence.tokens
    out = list(mask)
    speech_only = all(mask[k] or not tokens[k].text.isalnum() for k in range(len(tokens)))
    for i, j in masked_runs(mask):
        if _quoted_term(tokens, i, j) and not speech_only:
            out[i + 1:j] = [False] * (j - i - 1)
    return out


def open_reports(sentence: Sentence, mask: list[bool], lex: MeetingLexicon) -> list[bool]:
    """The quote mask with announcements opened: a quote in the third person that names someone and a meeting
    („Außenminister Maas reist am Donnerstag nach Moskau“, so das Auswärtige Amt; "Secretary Pompeo meets with the
    Afghan delegation," the schedule said) reports a plan as the writer would; a quote with a speaker's or an
    addressee's pronoun ("Wir treffen Macron am Donnerstag") is what someone said, and stays speech."""
    tokens = sentence.tokens
    out = list(mask)
    for i, j in masked_runs(mask):
        inner = [k for k in range(i, j + 1) if not set(tokens[k].text) <= QUOTE_MARKS]
        if any(tokens[k].text.lower() in lex.speaker_pronouns for k in inner) \
                or not any(tokens[k].pos.startswith(NAME_TAGS) for k in inner) \
                or not any(_meeting_word(tokens[k], lex) for k in inner):
            continue
        for k in inner:
            out[k] = False
    return out


def _meeting_word(tok: Token, lex: MeetingLexicon) -> bool:
    return event_noun(tok, lex) or tok.pos.startswith("V") and tok.lemma.lower() in lex.verbs \
        and tok.lemma.lower() not in lex.travel


def _quoted_term(tokens: list[Token], first: int, last: int) -> bool:
    """Tokens ``first``..``last`` are marks around a few words and no verb."""
    if last - first < 2 or tokens[first].text not in QUOTE_MARKS and tokens[first].text not in ("``", "‘‘") \
            or not set(tokens[last].text) <= QUOTE_MARKS:
        return False
    inner = tokens[first + 1:last]
    words = [t for t in inner if any(c.isalnum() for c in t.text)]
    return 0 < len(words) <= TERM_WORDS and not any(t.pos.startswith(VERB_TAGS) for t in inner) \
        and not any(set(t.text) <= QUOTE_MARKS for t in inner)


def find_triggers(ctx: SentenceContext) -> list[int]:
    """The tokens that name a meeting: event nouns, and verbs of meeting with what they need."""
    lex, tokens = ctx.lex, ctx.tokens
    words = set(ctx.words())
    particles = ctx.particles()
    out = []
    timed = ctx.timed()
    for i, tok in enumerate(tokens):
        if ctx.mask[i] or _not_a_meeting(ctx, i):
            continue
        # "council presidency", "Council President Charles Michel": the noun modifies the next
        head = not (i + 1 < len(tokens) and tokens[i + 1].pos in ("NN1", "NN2", "NP0") and i + 1 not in timed)
        if event_noun(tok, lex) and head and not _not_an_event(ctx, i) and _noun_needs_met(ctx, i):
            # "unterrichtet sie über das Gespräch": a meeting noun in the topic is what is talked about
            if not topic_noun(ctx, i):
                out.append(i)
            continue
        lemma = tok.lemma.lower()
        # the tagger sometimes takes "will host" for two nouns: after a modal it is a verb
        after_modal = i > 0 and tokens[i - 1].text.lower() in MODALS
        # "tagen" tagged as the noun "Tage": in German a lower-case noun is a verb read wrongly
        miscased = lex.capital_nouns and i > 0 and tok.pos.startswith("NN") and tok.text[:1].islower()
        cands = [p + lemma for p in particles] + [lemma] + ([tok.text.lower()] if miscased else [])
        for cand in cands:
            if cand in lex.verbs and (tok.pos.startswith("V") or after_modal or miscased) \
                    and _verb_needs_met(ctx, i, cand, words, bare=cand == lemma and bool(particles)):
                out.append(i)
                break
    earlier = [i for i in out if _earlier_event(ctx, i)]
    return [i for i in out if i not in earlier] if len(earlier) < len(out) else out


def _verb_needs_met(ctx: SentenceContext, i: int, verb: str, words: set[str], bare: bool) -> bool:
    """The verb ``verb`` at ``i`` has what it needs to name a meeting: a word of the sentence ("speak with"), the
    word right after it ("will be in"), a guest ("wird erwartet"), a place after its preposition ("fliegt nach
    Peking"; "kam nach Angaben der Polizei" names none). ``bare``: the lemma without the separated particle the
    clause has ("kam gestern nach München zurück" is another verb)."""
    lex = ctx.lex
    need = lex.needs.get(verb)
    if need and not (need & words) or verb in lex.guests and not _guest_named(ctx):
        return False
    if verb in lex.next_needs and not _next_word_in(ctx, i, need or set()):
        return False
    return verb not in lex.to_place or not bare and _place_after(ctx, i, need or set())


def _place_after(ctx: SentenceContext, verb: int, prepositions: set[str]) -> bool:
    """One of ``prepositions`` with a city or a state after it, only articles between ("nach Peking", "to the
    United States"), in the verb's clause: no other verb between them ("kam aus Amsterdam und war auf dem Flug nach
    Mexiko")."""
    tokens = ctx.tokens
    for k, tok in enumerate(tokens[:-1]):
        if tok.text.lower() not in prepositions or ctx.mask[k]:
            continue
        if any(t.pos.startswith("V") for t in tokens[min(k, verb) + 1:max(k, verb)]):
            continue
        j = k + 1
        while j < len(tokens) - 1 and tokens[j].pos.startswith(ARTICLE_TAGS):
            j += 1
        entry = ctx.gaz.lookup(tokens[j].text)
        if entry is not None and entry.kind == "name" and tokens[j].text[:1].isupper():
            return True
    return False


def _noun_needs_met(ctx: SentenceContext, i: int) -> bool:
    """"an audience with the Emperor": a noun that names a meeting only with a word after it has that word next
    ("before an audience of students" names none)."""
    need = ctx.lex.noun_needs.get(ctx.tokens[i].lemma.lower())
    return not need or i + 1 < len(ctx.tokens) and ctx.tokens[i + 1].text.lower() in need


def phrasal_visit(ctx: SentenceContext, i: int) -> bool:
    """"will call on the Prime Minister": a verb with the particle right after it that makes a visit in person."""
    tok = ctx.tokens[i]
    particle = ctx.lex.phrasal_visits.get(tok.lemma.lower())
    return particle is not None and tok.pos.startswith("V") and i + 1 < len(ctx.tokens) \
        and ctx.tokens[i + 1].text.lower() == particle


def _next_word_in(ctx: SentenceContext, i: int, need: set[str]) -> bool:
    """"will be in London", "will also be in Tokyo": the first word after the verb but adverbs is one it needs."""
    for tok in ctx.tokens[i + 1:]:
        if not tok.pos.startswith(ADVERB_TAGS):
            return tok.text.lower() in need
    return False


def _guest_named(ctx: SentenceContext) -> bool:
    """"Tinubu wird im Kanzleramt erwartet": a person or an office is whom a place expects ("In Berlin wird Regen
    erwartet" names none)."""
    return any(e.kind in ("person", "office") and e.party for e in ctx.actors.entities)


def guest_verb(ctx: SentenceContext, i: int) -> bool:
    """"erwartet", "expected": a verb that tells of a visit only with a guest from another party than the host."""
    lemma = ctx.tokens[i].lemma.lower()
    return ctx.tokens[i].pos.startswith("V") and (lemma in ctx.lex.guests
                                                  or any(p + lemma in ctx.lex.guests for p in ctx.particles()))


def earlier_tokens(ctx: SentenceContext) -> set[int]:
    """The tokens of a phrase naming an earlier event ("Following his visit to London,"), up to its comma:
    neither party nor place of the meeting the sentence tells of."""
    out: set[int] = set()
    for i in range(len(ctx.tokens)):
        if not _earlier_event(ctx, i):
            continue
        k = i
        while k > 0 and ctx.tokens[k - 1].text.lower() not in ctx.lex.after_event:
            k -= 1
        # up to its comma, or to the verb that opens the clause ("Nach seinem Besuch in London trifft er ...")
        end = next((j - 1 for j in range(i + 1, len(ctx.tokens))
                    if ctx.tokens[j].text in (",", ";") or ctx.tokens[j].pos.startswith("V")), i)
        out.update(range(max(k - 1, 0), end + 1))
    return out


def _earlier_event(ctx: SentenceContext, i: int) -> bool:
    """"Following his visit to London, Kerry will travel to Davos": a meeting noun after "following"/"nach"
    names the event before the one the sentence dates."""
    if not event_noun(ctx.tokens[i], ctx.lex):
        return False
    for k in range(i - 1, max(i - 4, -1), -1):
        tok = ctx.tokens[k]
        if tok.text.lower() in ctx.lex.after_event:
            return True
        if not tok.pos.startswith(("ART", "AT0", "ADJ", "AJ", "PPOSAT", "DPS", "PDAT", "DT0", "APPRART")):
            return False
    return False


def opened_by(ctx: SentenceContext, i: int, phrases: list[tuple[str, ...]]) -> bool:
    """The phrase of token ``i`` is opened by one of ``phrases`` ("ahead of a summit"), only articles and
    adjectives between."""
    k = i - 1
    while k >= 0 and ctx.tokens[k].pos.startswith(("ART", "AT0", "ADJ", "AJ", "PPOSAT", "DPS", "DT0", "APPRART")):
        k -= 1
    return any(tuple(ctx.words(k - len(p) + 1, k)) == p for p in phrases if k - len(p) + 1 >= 0)


def _not_a_meeting(ctx: SentenceContext, i: int) -> bool:
    """A verb of meeting in another sense: with a particle that makes it another verb ("trifft ... ein":
    arrives), or with an object that is no party ("trifft auf Kritik", "meets with criticism")."""
    tok = ctx.tokens[i]
    if not tok.pos.startswith("V") and not tok.pos.startswith("NN"):
        return False
    lemma = tok.lemma.lower()
    if any(p + lemma in ctx.lex.other_verbs for p in ctx.particles()):
        return True
    objects = ctx.lex.not_met.get(lemma)
    if not objects:
        return False
    for tok in ctx.tokens[i + 1:]:  # the rest of the clause
        if tok.text in (",", ";", ":", ".", "!", "?") or tok.pos.startswith("V"):
            return False
        if tok.text.lower() in objects:
            return True
    return False


def topic_noun(ctx: SentenceContext, i: int) -> bool:
    """"über die bevorstehenden Gespräche", "about the talks": the noun heads the phrase of what is talked
    about (only articles and adjectives between it and "über")."""
    for k in range(i - 1, -1, -1):
        tok = ctx.tokens[k]
        if tok.text.lower() in ctx.lex.topic_phrases:
            return True
        if not tok.pos.startswith(("ART", "AT0", "ADJ", "AJ", "PPOSAT", "DPS", "PDAT", "DT0", "CRD", "CARD")):
            return False
    return False


def _not_an_event(ctx: SentenceContext, i: int) -> bool:
    """"Pressekonferenz", "a news conference": meeting nouns for events where no parties meet."""
    word = ctx.tokens[i].text.lower()
    pair = f"{ctx.tokens[i - 1].text.lower()} {word}" if i else word
    return word.endswith(tuple(ctx.lex.not_events)) or pair in ctx.lex.not_events


def event_noun(tok: Token, lex: MeetingLexicon) -> bool:
    """A noun naming a meeting, inflected too: "des Gipfels", "des Treffens", "zu Gesprächen"."""
    if not tok.pos.startswith(("NN", "NE", "NP0")):  # "the Nato-Russia Council" (a proper noun in English)
        return False
    tail = tok.text.lower().rsplit("-", 1)[-1]
    stems = (tail, tail[:-1] if tail.endswith(("s", "n")) else tail,
             tail[:-2] if tail.endswith(("es", "en")) else tail)
    return len(tail) > 2 and any(t.endswith(lex.nouns) for t in stems)


def is_travel(ctx: SentenceContext, tok: Token) -> bool:
    lex = ctx.lex
    if tok.pos.startswith(("NN", "NE")):
        return tok.text.lower().endswith(tuple(w for w in lex.travel if len(w) > 3 and not w.endswith("en")))
    lemma = tok.lemma.lower()
    # "kommt ... zusammen" is "zusammenkommen", a verb of meeting, not "kommen", one of travel
    joined = [p + lemma for p in ctx.particles() if p + lemma in lex.verbs or p + lemma in lex.travel]
    return any(v in lex.travel for v in joined) if joined else lemma in lex.travel


def present(ctx: SentenceContext, first: int, last: int) -> bool:
    """A visit, a journey, a reception: words that put the parties in one room."""
    lex = ctx.lex
    particles = ctx.particles()
    for i, tok in enumerate(ctx.tokens[first:last + 1], first):
        if is_travel(ctx, tok) or phrasal_visit(ctx, i):
            return True
        tail = tok.text.lower().rsplit("-", 1)[-1]
        lemma = tok.lemma.lower()
        if tok.pos.startswith(("NN", "NE")) and tail.endswith(tuple(lex.presence)):
            return True
        if tok.pos.startswith("V") and (lemma in lex.presence or any(p + lemma in lex.presence for p in particles)):
            return True
    return False


def ahead(ctx: SentenceContext, first: int, last: int) -> bool:
    """The stretch announces something to come ("wollen", "soll", "will", "agreed to meet again", "das geplante
    Treffen")."""
    return any(w in ctx.lex.future for w in ctx.words(first, last)) or _coming_noun(ctx, first, last)


def _coming_noun(ctx: SentenceContext, first: int, last: int) -> bool:
    """"das geplante Treffen mit Xi", "the upcoming meeting with Xi": a meeting noun after an adjective of a meeting
    to come, not in the topic ("über die bevorstehenden Gespräche" names another meeting)."""
    tokens = ctx.tokens
    return any(event_noun(tokens[i], ctx.lex) and tokens[i - 1].text.lower().startswith(ctx.lex.coming)
               and not topic_noun(ctx, i) for i in range(max(first, 1), last + 1))


def lasts_days(ctx: SentenceContext, span: Span) -> bool:
    """"will travel to China for three days", "reist für drei Tage nach China": the span gives the length of a stay
    in days or weeks (a journey of days is a visit)."""
    first, last = ctx.tokens[span.first].start, ctx.tokens[span.last].end
    return any(t.type == "DURATION" and first <= t.start < last and re.fullmatch(r"P\d+[DW]", t.value or "")
               for t in ctx.timexes)


def departs(ctx: SentenceContext, span: Span) -> bool:
    """"bricht am Freitag zu einem Besuch auf", "departs on Friday for": the day named is the day of leaving."""
    return any(departure_verb(ctx, tok) for tok in ctx.tokens[span.first:span.last + 1])


def departure_verb(ctx: SentenceContext, tok: Token) -> bool:
    """"departs", "bricht ... auf": a verb of setting off (a separated particle joined to its lemma)."""
    lemma = tok.lemma.lower()
    return tok.pos.startswith("V") and (lemma in ctx.lex.departure
                                        or any(p + lemma in ctx.lex.departure for p in ctx.particles()))


def find_phrase(ctx: SentenceContext, phrases: list[tuple[str, ...]], first: int = 0,
                last: int | None = None) -> int | None:
    words = ctx.words()
    for i in range(first, len(words) if last is None else last + 1):
        for p in phrases:
            if tuple(words[i:i + len(p)]) == p and not ctx.mask[i]:
                return i
    return None


def speech_venue(ctx: SentenceContext) -> int | None:
    """"eine Rede vor dem Rat für Auswärtige Beziehungen", "a speech at the Brookings Institution": the token of a
    speech noun given before a named body or at a named venue, else None ("eine Rede vor Studenten" names none)."""
    tokens, lex, timed = ctx.tokens, ctx.lex, ctx.timed()
    for i, tok in enumerate(tokens):
        if ctx.mask[i] or not tok.pos.startswith(("NN", "NP0")) \
                or not tok.text.lower().rsplit("-", 1)[-1].endswith(tuple(lex.speech_nouns)):
            continue
        for k in range(i + 1, min(i + 1 + SPEECH_REACH, len(tokens))):
            if tokens[k].text in (",", ";", ":") or tokens[k].pos.startswith("V"):
                break
            if tokens[k].text.lower() in lex.speech_venues and k not in timed and _named_venue(ctx, k, timed):
                return i
    return None


def _named_venue(ctx: SentenceContext, k: int, timed: set[int]) -> bool:
    """The words after the preposition at ``k`` name a body or a venue: a proper name, a capitalised adjective
    inside a noun phrase ("Rat für Auswärtige Beziehungen"), a compound of a name ("Brookings-Institut") or an
    actor the gazetteer knows ("vor dem Bundestag")."""
    known = {j for e in ctx.actors.entities if e.party and e.kind in ("name", "office")
             for j in range(e.first, e.last + 1)}
    for j in range(k + 1, min(k + 1 + VENUE_REACH, len(ctx.tokens))):
        tok = ctx.tokens[j]
        if j in timed or tok.text in (",", ";", ":", ".") or tok.pos.startswith("V"):
            return False
        # (in English a capital inside the sentence marks a name: "the Brookings Institution")
        if tok.pos.startswith(NAME_TAGS) or j in known or tok.text[:1].isupper() and not ctx.lex.capital_nouns:
            return True
        if tok.text[:1].isupper() and (tok.pos.startswith(("ADJ", "AJ")) and j > k + 1
                                       or "-" in tok.text.strip("-") and tok.pos.startswith("NN")):
            return True
    return False
