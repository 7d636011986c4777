"""Meetings: talks, summits, visits and calls, with their days, participants, place and format.

A meeting needs a word that names one (data/meetings.yaml) and a day from the temporal tagger
in the same sentence. A sentence naming several days is cut into one stretch per day ("talks in
Kyiv on Monday and travels to Moscow on Tuesday"). Days joined by "bis", or next days joined by
"und", make a range; a duration ("dreitägigen Besuch") gives the last day. "Am Rande" opens a side
meeting on the same day. Mentions of the same meeting are merged (same first day, shared party, no
clash of place).

Each meeting is built by named stages over one sentence context (context.py): its days (days.py),
participants (participants.py, groups.py), place (places.py), format (formats.py) and title
(titles.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from ...model import Evidence, Meeting, Sentence, Source, Timex
from ..actors.actors import ORGANISATIONS, Entity, SentenceActors
from ..actors.gazetteer import Gazetteer
from ..statements.statements import SentenceSpeech
from ..statements.statements import lexicon as speech_lexicon
from ..temporal.timex_lex import lexicon as tense_lexicon
from ..temporal.timex_tense import clause_direction
from .context import Document, SentenceContext, Span
from .days import (
    Day,
    begun,
    count_from_event,
    end_of_named,
    find_days,
    journey_begins,
    length_of_named,
    lengthen,
    sequel_day,
    since,
    span_days,
    stretches,
    trigger_clause,
    trigger_clauses,
    trip_day,
    with_event_day,
)
from .formats import format_of_words, meeting_format
from .lexicon import lexicon
from .merge import merge_meetings
from .participants import (
    DEFINITE,
    add_attendees,
    before_people,
    counted,
    find_body,
    met_as_object,
    organisation,
    participants,
    split_by_partner,
    topic,
    without_host,
)
from .places import abroad, earlier_clause_tokens, last_place, place_of, reported_tokens, station_of
from .programme import journey_under_way, with_visit
from .referents import opening_parties
from .reject import rejected
from .rows import one_row_each, then_clause
from .split import named_again, named_stop, trip_stops, within_visit
from .titles import NOUN, meeting_title, with_parties
from .told import announced
from .triggers import (
    ahead,
    departs,
    departure_verb,
    earlier_tokens,
    event_noun,
    find_phrase,
    find_triggers,
    guest_verb,
    is_travel,
    lasts_days,
    open_reports,
    open_terms,
    opened_by,
    speech_venue,
    topic_noun,
)

log = logging.getLogger(__name__)

SIDELINE_WINDOW = 6
SIDELINE_WORDS = 6  # words after "am Rande" that may name the event's day ("des ersten Konferenztages")
NEAR_SENTENCES = 4  # sentences back the meeting whose visitor an undated one takes may lie
DEPARTURE_WINDOW = 4
DENIAL_REACH = 6  # words before a verb of visiting that may deny it ("has no plans to visit")
TOPIC_REACH = 6  # words from a verb of discussing to a place in its object ("discuss the crisis in Ukraine")
MODIFIER_TAGS = ("ADJ", "AJ", "ADV", "AV", "CRD", "CARD", "ORD")  # days from leaving to the first meeting abroad


@dataclass
class _Run:
    """What the walk through a source has found so far."""

    meetings: list[Meeting] = field(default_factory=list)
    departures: list[Meeting] = field(default_factory=list)
    last_at: tuple[int, Meeting] | None = None
    """The sentence of the last meeting found, and that meeting."""
    spare: tuple[int, list[Day]] | None = None
    """A sentence with days but no meeting word, whose day the next sentence may take ("Dann ...")."""
    journey: bool = False
    """The spare day is that of a journey with nobody met: the next sentence's meeting is held at its end."""
    scheduled: Day | None = None
    """The day of a schedule's date line ("April 24" as a line of its own), for the events listed under it."""
    schedule_parties: list[str] = field(default_factory=list)
    """The parties of the schedule's first event between two or more: the visitor and the host."""


def find_meetings(source: Source, sentences: list[Sentence], timexes: list[Timex], found: list[SentenceActors],
                  speech: list[SentenceSpeech], masks: list[list[bool]], gaz: Gazetteer) -> list[Meeting]:
    lex = lexicon(gaz.language)
    by_sentence: dict[int, list[Timex]] = {}
    for t in timexes:
        by_sentence.setdefault(t.sentence, []).append(t)
    # a quoted term ("a „working lunch“") is no speech: it may name a meeting
    masks = [open_reports(s, open_terms(s, mask), lex, by_sentence.get(s.index, []))
             for s, mask in zip(sentences, masks)]
    doc = Document(source, sentences, found, speech, masks, by_sentence, gaz, lex,
                   said_verbs=frozenset(speech_lexicon(gaz.language).verbs) - lex.verbs,
                   openers=opening_parties(sentences, found, masks, gaz.language, lex))
    run = _Run(meetings=doc.earlier)
    date_lines = _date_lines(doc)
    for n, s in enumerate(sentences):
        ctx = SentenceContext(doc, n)
        if s.heading and not (run.scheduled and n not in date_lines and _clocked(ctx)):
            # (a schedule's line that opens with its hour is an item under the date line, not a heading of its own:
            # "15:00 Uhr Fahrt mit der Straßenbahn")
            run.scheduled = date_lines.get(n)
            continue
        found = len(run.meetings)
        _sentence(ctx, run)
        if len(run.meetings) == found:
            _coming_event(ctx, run)
        if len(run.meetings) == found:
            _listed_meetings(ctx, run)
        if len(run.meetings) == found:
            _speech(ctx, run)
        if len(run.meetings) == found:
            add_attendees(ctx, run.meetings)
        # "Am zweiten Tag seiner Nahost-Reise ...": the journey under way, whatever the sentence tells of
        if journey := journey_under_way(ctx, build_meeting):
            run.meetings.append(journey)
        run.meetings[found:] = one_row_each(ctx, named_again(
            ctx, within_visit(ctx, run.meetings[found:], build_meeting), run.meetings[:found]))
        run.meetings.extend(trip_stops(ctx, run.meetings[found:], run.meetings[:found])
                            or named_stop(ctx, run.meetings[found:], run.meetings[:found]))
    kept = _drop_departures(run.meetings, run.departures)
    return merge_meetings(kept, known=lambda place: _known_place(place, gaz))


def _sentence(ctx: SentenceContext, run: _Run) -> None:
    """The meetings of one sentence, by the first of these that applies: a body meeting on a day, a meeting
    word taking the day of the sentence before, a side meeting of the last meeting, one per day named."""
    days = find_days(ctx)
    triggers = find_triggers(ctx)
    if run.scheduled is not None and days and all(d.clock for d in days):
        days = []  # "Dienstag, 18. Juni / 12:15 Uhr Arbeitsgespräch mit ...": the hour is on the date line's day
    if not days:
        days = [d for d in [trip_day(ctx, run.meetings)] if d]
    count_from_event(ctx, days, triggers, run.meetings)
    if triggers:
        days = with_event_day(ctx, days, run.meetings)
    if not triggers and days and not ctx.said.statements and _body_meeting(ctx, days, run):
        return
    if not triggers:
        if days:
            run.spare, run.journey = (ctx.n, days), False
        if run.last_at and run.last_at[0] == ctx.n - 1:
            lengthen(run.last_at[1], days)
        return
    if end_of_named(ctx, days, triggers, run.meetings):  # "The summit is scheduled to end on Thursday" (meetdays)
        return
    if _carried_day(ctx, days, triggers, run) or _scheduled(ctx, days, triggers, run):
        return
    run.spare, run.journey = None, False
    if not days and not all(is_travel(ctx, ctx.tokens[i]) for i in triggers):
        days = [d for d in [sequel_day(ctx)] if d]
    if not days:
        if not _sideline_meeting(ctx, triggers, run) and not length_of_named(ctx, triggers, run.meetings):
            _undated_meeting(ctx, triggers, run)
        return
    found = len(run.meetings)
    for a, b, day in stretches(ctx, days):
        _stretch_meetings(ctx, Span(a, b, triggers), day, run)
    if len(run.meetings) == found and len(days) == 1 and not days[0].past \
            and all(is_travel(ctx, ctx.tokens[i]) for i in triggers):
        # "Am Samstag wollen beide nach Rheinland-Pfalz reisen. Auf dem Stützpunkt Ramstein soll ein Gipfel
        # stattfinden": the day of a journey with nobody met is the day of the meeting the next sentence tells of
        run.spare, run.journey = (ctx.n, days), True


def _body_meeting(ctx: SentenceContext, days: list[Day], run: _Run) -> bool:
    """"Am Montag befassen sich die EU-Außenminister in Brüssel mit ...": a body meets on a day to come."""
    body = find_body(ctx)
    if body is None:
        return False
    day = days[0]
    m = build_meeting(ctx, Span(0, len(ctx.tokens) - 1, [body]), day)
    if m and m.location and m.status == "upcoming" and len(days) == 1 and not day.past \
            and not _topic_place(ctx, m.location):
        run.meetings.append(m)
        run.last_at, run.spare = (ctx.n, m), None
        return True
    return False


def _topic_place(ctx: SentenceContext, place: str) -> bool:
    """"The ministers are expected to discuss the crisis in Ukraine on Monday": the place is in what a verb of
    discussing takes, the topic, not where they meet."""
    at = next((i for i, tok in enumerate(ctx.tokens) if place.startswith(tok.text) and tok.text[:1].isupper()), None)
    if at is None:
        return False
    timed = ctx.timed()
    words = [k for k in range(at - 1, -1, -1) if k not in timed][:TOPIC_REACH]  # "discuss on Monday the crisis in"
    for k in words:
        tok = ctx.tokens[k]
        if tok.lemma.lower() in ctx.lex.topic_verbs or tok.text.lower() in ctx.lex.topic_verbs:
            return True
        if tok.text in (",", ";", ":") or tok.text.lower() in ctx.lex.partner_words:
            return False
    return False


def _carried_day(ctx: SentenceContext, days: list[Day], triggers: list[int], run: _Run) -> bool:
    """"Schon an diesem Montag ist Brüssel Schauplatz ... Die Minister wollen bei einem Treffen ...": a meeting
    word without a day of its own takes the one day of the sentence before."""
    spare, n = run.spare, ctx.n
    if days or spare is None or spare[0] != n - 1 or len(spare[1]) != 1:
        return False
    if find_phrase(ctx, ctx.lex.sidelines) is not None or _dated(ctx):
        return False
    before = ctx.doc.sentences[spare[0]]
    then = bool(ctx.tokens) and ctx.tokens[0].text.lower() in ctx.lex.then_words
    said_before = ctx.doc.speech[n - 1]
    if before.paragraph != ctx.sentence.paragraph \
            or not (then or run.journey or (said_before.subject is not None and not said_before.statements)):
        return False
    m = build_meeting(ctx, Span(0, len(ctx.tokens) - 1, triggers), spare[1][0])
    if m:
        run.meetings.append(m)
        run.last_at = (n, m)
    run.spare = None
    return True


def _date_lines(doc: Document) -> dict[int, Day]:
    """The schedule's date lines by sentence: only where the source has two or more (one date line alone is the
    page's date under its title, no schedule)."""
    lines = {n: d for n, s in enumerate(doc.sentences) if s.heading
             for d in [_date_line(SentenceContext(doc, n))] if d is not None}
    return lines if len(lines) > 1 else {}


def _date_line(ctx: SentenceContext) -> Day | None:
    """A heading that is one date and nothing else ("April 24", "Dienstag, 5. Mai"): a schedule's day."""
    days = find_days(ctx)
    timed = ctx.timed()
    if len(days) != 1 or days[0].first is None:
        return None
    return days[0] if all(i in timed or not tok.text.isalnum() for i, tok in enumerate(ctx.tokens)) else None


def _scheduled(ctx: SentenceContext, days: list[Day], triggers: list[int], run: _Run) -> bool:
    """"April 24 / Trump and Macron holding a one-on-one meeting in the Oval Office": an event listed under a
    schedule's date line, with no day of its own, is held on that day."""
    if days or run.scheduled is None:
        return False
    m = build_meeting(ctx, Span(0, len(ctx.tokens) - 1, triggers), run.scheduled)
    if m is None:
        return False
    # each line of a schedule is a meeting of its own (never merged into another line of its day); one naming a
    # single party ("12:15 Uhr Arbeitsgespräch mit Präsident X") is between the schedule's parties
    m.side = True
    m.hour = next((t.text for t in ctx.timexes if t.kind == "time" and t.start == ctx.sentence.start), "")
    if len(m.participants) < 2 and run.schedule_parties:
        m.participants = list(dict.fromkeys([*run.schedule_parties, *m.participants]))
        if m.title_rank == NOUN:
            m.title = with_parties(m.title.split(" ", 1)[0], m.participants, ctx.gaz.language)
    elif len(m.participants) >= 2 and not run.schedule_parties:
        run.schedule_parties = list(m.participants)
    run.meetings.extend(split_by_partner(ctx, Span(0, len(ctx.tokens) - 1, triggers), m))
    run.last_at, run.spare = (ctx.n, m), None
    return True


def _clocked(ctx: SentenceContext) -> bool:
    """The line opens with an hour ("11:55 Uhr", "3 p.m.")."""
    return any(t.kind == "time" and t.start == ctx.sentence.start for t in ctx.timexes)


def _dated(ctx: SentenceContext) -> bool:
    # (a length names no day: "a three-day visit to China", "für drei Tage nach China")
    return any(any(c.isdigit() for c in t.value or "") and t.type != "DURATION" and not since(ctx, t)
               for t in ctx.timexes)


def _sideline_meeting(ctx: SentenceContext, triggers: list[int], run: _Run) -> bool:
    """"Am Rande ist ein Gespräch zwischen Blinken und Lawrow vorgesehen": a meeting of its own on the day
    of the meeting named just before."""
    if find_phrase(ctx, ctx.lex.sidelines) is None or not run.last_at or _dated(ctx) \
            or ctx.n - run.last_at[0] > SIDELINE_WINDOW:
        return False
    parent = run.last_at[1]
    span = Span(0, len(ctx.tokens) - 1, triggers)
    if _only_the_event(ctx, span):
        return True
    m = build_meeting(ctx, span, None)
    if m is None:
        return True
    m.side = True
    m.location = m.location or parent.location
    m.reported_past, m.status = parent.reported_past, parent.status
    which = _day_of_event(ctx)
    if parent.start and parent.end and parent.end > parent.start and which is None:
        # "on the sidelines of Abe's trip", "Am Rande des zweitägigen Treffens ist ein Gespräch geplant": some day
        # of a journey or a meeting of several, the text does not say which
        m.start = m.end = None
        m.date_resolved, m.date_text = False, ""
    else:
        # "am Rande des ersten Konferenztages": the day it names, else the meeting's one day
        m.start = m.end = parent.end if which == "last" else parent.start
        m.date_resolved, m.date_text = parent.date_resolved, parent.date_text
    run.meetings.extend(split_by_partner(ctx, span, m))
    return True


def _only_the_event(ctx: SentenceContext, span: Span) -> bool:
    """"Am Rande der Gespräche soll die Lage in Syrien erörtert werden": the one meeting word is the event "am
    Rande" names; the sentence tells what is talked about there, no meeting of its own."""
    sideline = find_phrase(ctx, ctx.lex.sidelines)
    if sideline is None or any(i < sideline for i in span.triggers):
        return False
    after = _after_sideline_event(ctx, sideline, span)
    # "Am Rande ist ein Gespräch ... vorgesehen": a verb before the noun, the noun is the side meeting itself
    named = not any(t.pos.startswith("V") for t in ctx.tokens[sideline:after.first])
    return named and not after.in_scope


def _day_of_event(ctx: SentenceContext) -> str | None:
    """"am Rande des ersten Konferenztages", "on the sidelines of the summit's final day": "first" or "last"
    when the words after "am Rande" name a day of the event, else None."""
    at = find_phrase(ctx, ctx.lex.sidelines)
    words = ctx.words(at, at + SIDELINE_WORDS) if at is not None else []
    return next((which for w in words for stem, which in ctx.lex.event_days.items() if w.startswith(stem)), None)


def _undated_meeting(ctx: SentenceContext, triggers: list[int], run: _Run) -> None:
    """"In Abuja trifft er den nigerianischen Präsidenten", "will hold talks with Pompeo in Washington": a
    meeting told as coming, with someone met at a named place, and no day: upcoming, its date unresolved."""
    if _dated(ctx):
        return
    span = Span(0, len(ctx.tokens) - 1, triggers)
    trigger = ctx.tokens[span.named_by[0]]
    clause = trigger_clause(ctx, span)
    if clause_direction(ctx.sentence, trigger.start, trigger.end, tense_lexicon(ctx.gaz.language)) \
            not in ("future", "present") and not begun(ctx, *clause) and not _planned(ctx, *clause):
        # (a journey begun: "Zum Auftakt seiner Reise ist er in Amman eingetroffen" is under way; a plan told in
        # the past is still to come: "He was due to meet with President X", "Ein Treffen sollte folgen")
        return
    if _tour(ctx):
        return
    for part in joined_meetings(ctx, span):
        _undated_part(ctx, part, run)


def _attends_group(ctx: SentenceContext, span: Span, m: Meeting) -> bool:
    """"nimmt am Außenministertreffen der G20-Staaten in Bari teil", "will attend the meeting of G20 foreign
    ministers": taking part in a named meeting of a group or an organisation is a meeting, wherever it is held."""
    verbs = [i for i in span.named_by if ctx.tokens[i].pos.startswith("V")]
    attends = any(ctx.tokens[i].lemma.lower() in ctx.lex.attend_verbs
                  or any(p + ctx.tokens[i].lemma.lower() in ctx.lex.attend_verbs for p in ctx.particles())
                  for i in verbs)
    named = any(event_noun(ctx.tokens[i], ctx.lex) for i in span.triggers)
    # the group is the meeting's ("der G20-Staaten", "of G20 foreign ministers"), not the party of one who attends
    # ("UN Secretary-General Guterres ... expected to attend the AU summit")
    attendees = {e.party for e in ctx.actors.entities if e.kind == "person"}
    return attends and named and any(organisation(p) and p not in attendees for p in m.participants)


def _planned(ctx: SentenceContext, first: int, last: int) -> bool:
    """"was due to meet", "sollte ... zusammentreffen": the clause tells of a plan, which a past tense does not end."""
    return any(w in ctx.lex.planned for w in ctx.words(first, last))


def _undated_part(ctx: SentenceContext, span: Span, run: _Run) -> None:
    m = build_meeting(ctx, span, None)
    if m is None:
        return
    at_place = m.location is not None and _known_place(m.location, ctx.gaz) and not _topic_place(ctx, m.location)
    if not at_place and _someone_met(ctx, span) and ahead(ctx, 0, len(ctx.tokens) - 1):
        # "he too will hold talks with his U.S. counterpart", "Gespräche sind auch mit Bennett geplant": someone
        # met, told as planned or to come ("Macron setzt auf das Gespräch mit Putin" is none), the visitor the one
        # of the meeting told just before when the sentence names none
        m.participants = _with_visitor(ctx, m.participants, run)
    elif _in_programme(ctx, span, run) and (ahead(ctx, 0, len(ctx.tokens) - 1) or run.last_at[1].status == "upcoming"):
        # "It will include a meeting at the White House", "Das Programm umfasst ein Treffen im Kapitol": a part of
        # the visit told just before (to come, or told as coming here), with its parties
        m.participants = list(dict.fromkeys([*run.last_at[1].participants, *m.participants]))
    elif not at_place and not _attends_group(ctx, span, m):
        return
    if len(m.participants) < 2 and not _attends_group(ctx, span, m):
        return  # (a body's meeting attended by one the lists do not know: "He will attend the EAC summit")
    m.date_resolved = False
    run.meetings.extend(split_by_partner(ctx, span, m))
    run.last_at = (ctx.n, m)


def _coming_event(ctx: SentenceContext, run: _Run) -> None:
    """"Putin hosted Assad ahead of a summit later this week with Russia, Turkey and Iran": a meeting noun after
    "ahead of"/"im Vorfeld" with a time to come in its own phrase is a meeting of its own, still to come, whatever
    the sentence tells of."""
    for i in find_triggers(ctx):
        if not event_noun(ctx.tokens[i], ctx.lex) or not opened_by(ctx, i, ctx.lex.coming_event):
            continue
        span = Span(i, _clause_end(ctx, i), [i])
        if not _time_to_come(ctx, span):
            continue
        m = build_meeting(ctx, span, None)
        if m is None or len(m.participants) < 2 or m.start is not None:
            continue
        m.date_resolved, m.status, m.reported_past = False, "upcoming", False
        run.meetings.extend(split_by_partner(ctx, span, m))
        run.last_at = (ctx.n, m)


def _listed_meetings(ctx: SentenceContext, run: _Run) -> None:
    """"1. 12th ASEAN-China Summit / This summit will ...": an item of a numbered list whose first line names a
    meeting, told as to come, is a meeting of its own; with no day of its own it is undated, at the place of the
    meeting named before. A group alone is one party enough ("12th ASEAN Summit")."""
    if not ahead(ctx, 0, len(ctx.tokens) - 1):
        return
    triggers = [i for i in find_triggers(ctx) if event_noun(ctx.tokens[i], ctx.lex)]
    for first, last in _list_items(ctx):
        span = Span(first, last, [i for i in triggers if first <= i <= last])
        if not span.in_scope:
            continue
        m = build_meeting(ctx, span, None)
        if m is None or m.start is not None or not (len(m.participants) > 1 or any(map(organisation, m.participants))):
            continue
        m.date_resolved = False
        m.location = m.location or (run.last_at[1].location if run.last_at else None)
        run.meetings.append(m)


def _speech(ctx: SentenceContext, run: _Run) -> None:
    """"In einer Rede vor dem Rat für Auswärtige Beziehungen will der Kanzler ... Stellung nehmen", "He will give a
    speech at the Brookings Institution": a speech before a named body or at a named venue, told as to come in the
    programme of a visit told a few sentences before, is a meeting of that visit, with its parties, at the place
    named last (the journey's stop), on the day the sentence names or undated."""
    noun = speech_venue(ctx)
    visit = run.last_at[1] if run.last_at and 0 < ctx.n - run.last_at[0] <= NEAR_SENTENCES else None
    if noun is None or visit is None or visit.status != "upcoming" or not ahead(ctx, 0, len(ctx.tokens) - 1):
        return
    days = [d for d in find_days(ctx) if not d.past and d.first is not None]
    span = Span(0, len(ctx.tokens) - 1, [noun])
    m = build_meeting(ctx, span, days[0] if len(days) == 1 else None)
    if m is None or m.status != "upcoming":
        return
    m.participants = list(dict.fromkeys([*visit.participants, *m.participants]))
    m.location = m.location or (last_place(ctx.previous, ctx.gaz) if ctx.previous else None) or visit.location
    m.title, m.title_rank = meeting_title(ctx.sentence, noun, m.participants, m.format, ctx.gaz.language)
    m.date_resolved = m.date_resolved and m.start is not None
    m.side = True  # an item of the visit, as a side meeting is of a summit: a row of its own, not merged into it
    run.meetings.append(m)
    run.last_at = (ctx.n, m)


def _list_items(ctx: SentenceContext) -> list[tuple[int, int]]:
    """The first lines of the numbered items in the sentence ("1. ...", "2) ..."), as first and last tokens."""
    tokens = ctx.tokens
    starts = [i for i in range(len(tokens)) if i == 0 or _line_start(ctx.sentence, i)]
    items = []
    for k, i in enumerate(starts):
        # the segmenter may end the sentence before with the item's number ("... include: 1.")
        numbered = _numbered(ctx.sentence, i) or i == 0 and ctx.previous is not None and _numbered(
            ctx.previous, len(ctx.previous.tokens) - 2)
        if numbered:
            items.append((i, (starts[k + 1] if k + 1 < len(starts) else len(tokens)) - 1))
    return items


def _line_start(s: Sentence, i: int) -> bool:
    return i == 0 or "\n" in s.text[s.tokens[i - 1].end - s.start:s.tokens[i].start - s.start]


def _numbered(s: Sentence, i: int) -> bool:
    """Token ``i`` opens a line with an item's number ("1.", "2)")."""
    if i < 0 or i >= len(s.tokens) or not _line_start(s, i):
        return False
    text = s.tokens[i].text
    number = text.rstrip(".)")
    return number.isdigit() and len(number) <= 2 and (
        text != number or i + 1 < len(s.tokens) and s.tokens[i + 1].text in (".", ")"))


def _clause_end(ctx: SentenceContext, i: int) -> int:
    """The last token before the next comma or semicolon after token ``i`` (or the sentence's last); a comma
    in a list of names ("with Russia, Turkey and Iran") ends nothing."""
    named = {e.first for e in ctx.actors.entities}
    for j in range(i + 1, len(ctx.tokens)):
        if ctx.tokens[j].text == ";" or ctx.tokens[j].text == "," and j + 1 not in named:
            return j - 1
    return len(ctx.tokens) - 1


def _time_to_come(ctx: SentenceContext, span: Span) -> bool:
    """A temporal expression in the span for days not yet past ("later this week", "nächste Woche")."""
    published = ctx.doc.source.published
    s = ctx.sentence
    first, last = s.tokens[span.first].start, s.tokens[span.last].end
    return any(first <= t.start < last and t.direction != "past" and t.last_day is not None
               and (published is None or t.last_day >= published) for t in ctx.timexes)


def _in_programme(ctx: SentenceContext, span: Span, run: _Run) -> bool:
    """The sentence tells of the programme ("include", "Programm") of a meeting told a few sentences before, and
    names a new meeting in it ("a meeting at ..."; "The summit's agenda will include ..." names the one before)."""
    if run.last_at is None or not 0 < ctx.n - run.last_at[0] <= NEAR_SENTENCES \
            or not any(w in ctx.lex.programme for w in ctx.words()):
        return False
    noun = next((i for i in span.named_by if event_noun(ctx.tokens[i], ctx.lex)), None)
    return noun is not None and not _definite(ctx, noun)


def _definite(ctx: SentenceContext, i: int) -> bool:
    """"the summit", "das Treffen", "The summit's agenda": a definite article before the noun (modifiers between)."""
    for k in range(i - 1, max(i - 4, -1), -1):
        word = ctx.tokens[k].text.lower()
        if word in DEFINITE:
            return True
        if not ctx.tokens[k].pos.startswith(MODIFIER_TAGS + ("NP0", "NE", "POS")):
            return False
    return False


def _someone_met(ctx: SentenceContext, span: Span) -> bool:
    """A person or an office of a party met ("mit X", "with X") after the meeting word, not the subject nor
    a topic."""
    trigger = span.named_by[0]
    said = ctx.said.subject
    # "Geplant sind ein Treffen mit dem Ministerpräsidenten Serbiens": the speech stage's subject may be the one met
    # (a subject the speech stage resolved from another sentence has no place in this one)
    met = said is not None and any(said is e for e in ctx.actors.entities) and _met_one(ctx, said)
    subject = said.party if said and not met else ctx.opener
    return any(e.party and e.party != subject
               and span.first <= e.first <= span.last and not any(ctx.mask[e.first:e.last + 1])
               and not topic(ctx, e.first)
               and (e.first > trigger and _partner(ctx, trigger, e.first) or met_as_object(ctx, trigger, e))
               and (e.kind in ("person", "office") or e.kind == "name" and _met_list(ctx, e.first))
               for e in ctx.actors.entities)


def _partner(ctx: SentenceContext, trigger: int, first: int) -> bool:
    """"mit dem israelischen Ministerpräsidenten", "with his British counterpart", "mit dem Ministerpräsidenten
    Serbiens, Aleksandar Vučić": named after "mit"/"with" as whom one meets, no verb between (not as the holder
    of an office the sentence is about: "über eine Amtszeit des Präsidenten des Europäischen Rates, Tusk")."""
    for k in range(first, trigger, -1):
        tok = ctx.tokens[k]
        if tok.text.lower() in ctx.lex.partner_words:
            return True
        if tok.pos.startswith("V"):
            return False
    return False


def _with_visitor(ctx: SentenceContext, parties: list[str], run: _Run) -> list[str]:
    """No one named as who meets ("Gespräche sind auch mit X geplant"): the visitor of the meeting told a few
    sentences before, else the one person the sentence before names ("... wird Steinmeier Gespräche führen.
    Geplant sind außerdem ein Treffen mit X")."""
    subject = ctx.said.subject
    if (subject is not None and subject.party and not _met_one(ctx, subject)) or ctx.opener:
        return parties
    visitor = None
    if run.last_at is not None and 0 < ctx.n - run.last_at[0] <= NEAR_SENTENCES and run.last_at[1].participants:
        visitor = run.last_at[1].participants[0]
    else:
        people = before_people(ctx)
        visitor = people[0] if len(people) == 1 else None
    return list(dict.fromkeys([visitor, *parties])) if visitor else parties


def _met_one(ctx: SentenceContext, e: Entity) -> bool:
    """The speech stage's subject is one named after "mit"/"with" ("Geplant sind ein Treffen mit X").
    A subject carried over from a sentence before (reported speech going on) is named in none of this one."""
    if not any(e is named for named in ctx.actors.entities):
        return False
    return any(_partner(ctx, i, e.first) for i in find_triggers(ctx) if i < e.first)


def _tour(ctx: SentenceContext) -> bool:
    """"an Asian tour that will take Obama to South Korea, Malaysia and the Philippines", "Fragen (Syrien, Libyen,
    Iran)": a sentence listing states by their names sums up, it tells of no one meeting."""
    names = sorted((e for e in ctx.actors.entities if e.kind == "name" and e.party and e.party not in ORGANISATIONS),
                   key=lambda e: e.first)
    joiners = ctx.lex.list_joiners
    met = _listed_as_met(ctx, names)
    return any(a.party != b.party and all(w in joiners for w in ctx.words(a.last + 1, b.first - 1))
               and a.first not in met for a, b in zip(names, names[1:]))


def _listed_as_met(ctx: SentenceContext, names: list[Entity]) -> set[int]:
    """The first tokens of the names in a list opened by "zwischen"/"with" after a meeting noun (_met_list)."""
    met: set[int] = set()
    for a, b in zip([None, *names], names):
        joined = a is not None and a.first in met \
            and all(w in ctx.lex.list_joiners for w in ctx.words(a.last + 1, b.first - 1))
        if joined or _met_list(ctx, b.first):
            met.add(b.first)
    return met


def _met_list(ctx: SentenceContext, first: int) -> bool:
    """"Gespräche zwischen Deutschland, Frankreich und Ägypten", "a summit with Russia, Turkey and Iran": a list
    opened by "mit"/"zwischen"/"with"/"between" right after a meeting noun names who meets."""
    k = first - 1
    while k >= 0 and ctx.tokens[k].pos.startswith(("ART", "AT0", "DT0")):
        k -= 1
    if k < 1 or ctx.tokens[k].text.lower() not in ctx.lex.partner_words:
        return False
    # the meeting noun right before, only modifiers or a time between ("a summit later this week with ...";
    # "Gespräche über das Atomabkommen mit dem Iran" name no one met)
    timed = ctx.timed()
    for j in range(k - 1, max(k - 6, -1), -1):
        if event_noun(ctx.tokens[j], ctx.lex):
            return True
        if j not in timed and not ctx.tokens[j].pos.startswith(MODIFIER_TAGS):
            return False
    return False


def _parts(ctx: SentenceContext, span: Span) -> list[Span]:
    """A stretch with "am Rande" or "und dann" between two meeting words holds two meetings."""
    sideline = find_phrase(ctx, ctx.lex.sidelines)
    then = find_phrase(ctx, ctx.lex.sequence, span.first, span.last)
    then = then if then is not None else then_clause(ctx, span.first, span.last)
    if sideline is not None and span.first < sideline <= span.last:
        side = _after_sideline_event(ctx, sideline, span)
        if not any(span.first <= i < sideline for i in span.triggers):
            # "Dieser will am Rande des G20-Treffens ... Lawrow treffen": one meeting, the side one; the
            # summit named after "am Rande" is where it is held, not one of its parties
            # no meeting word but the event's: the sentence tells what is talked about there (_only_the_event)
            return [Span(side.first, span.last, span.triggers, side=True)] if side.in_scope else []
        cut = sideline
    elif then is not None and any(span.first <= i < then for i in span.triggers) \
            and any(then < i <= span.last for i in span.triggers):
        cut = then  # "to see X and then sit down with Y"
    else:
        return [span]
    return [Span(span.first, cut - 1, span.triggers), Span(cut, span.last, span.triggers, side=True)]


def joined_meetings(ctx: SentenceContext, span: Span) -> list[Span]:
    """"ein Treffen mit Vučić sowie Gespräche mit der Troika", "a meeting with X as well as talks with Y": two
    meeting nouns joined by "sowie" are two meetings, each with whom its own phrase names."""
    parts, first = [], span.first
    for k in range(span.first + 1, span.last):
        width = _joins_meeting(ctx, span, k)
        if width and k > first:
            # the joining words belong to neither ("as well as" is no "as ... said")
            parts.append(Span(first, k - 1, span.triggers))
            first = k + width
    return [*parts, Span(first, span.last, span.triggers)] if parts else [span]


def _joins_meeting(ctx: SentenceContext, span: Span, k: int) -> int:
    """The width of a "sowie"/"as well as" at token k joining a phrase headed by a meeting noun to another
    meeting noun before it, else 0."""
    phrase = next((p for p in ctx.lex.meeting_joiners if tuple(ctx.words(k, k + len(p) - 1)) == p), None)
    if phrase is None or not any(span.first <= i < k and event_noun(ctx.tokens[i], ctx.lex) for i in span.triggers):
        return 0
    for i in range(k + len(phrase), min(span.last, k + len(phrase) + 3) + 1):
        if i in span.triggers and event_noun(ctx.tokens[i], ctx.lex):
            return len(phrase)
        if not ctx.tokens[i].pos.startswith(("ART", "AT0", "ADJ", "AJ", "PPOSAT", "DPS", "CRD", "CARD")):
            return 0
    return 0


def _after_sideline_event(ctx: SentenceContext, sideline: int, span: Span) -> Span:
    """The stretch after "am Rande des G20-Treffens", "on the sidelines of the summit"."""
    for i in range(sideline, span.last + 1):
        if event_noun(ctx.tokens[i], ctx.lex):
            return Span(i + 1, span.last, span.triggers)
    return Span(sideline, span.last, span.triggers)


def _stretch_meetings(ctx: SentenceContext, stretch: Span, day: Day, run: _Run) -> None:
    parent: Meeting | None = None
    for span in _parts(ctx, stretch):
        m = build_meeting(ctx, span, day)
        if m is None:
            continue
        if span.side:
            m.side = True
            if parent is None and run.last_at and run.last_at[1].start == m.start:
                m.location = m.location or run.last_at[1].location  # on the sidelines of the meeting just named
            if parent is not None:
                if counted(ctx, span):
                    # "im Anschluss ist ein Dreiertreffen mit X": the parties of the meeting before, and X
                    m.participants = list(dict.fromkeys([*parent.participants, *m.participants]))
                    if m.title_rank == NOUN:  # its title names all of them
                        m.title = with_parties(m.title.split(" ", 1)[0], m.participants, ctx.gaz.language)
                m.end = m.start
                m.location = m.location or parent.location
        if departs(ctx, span) and not station_of(ctx.sentence, span.first, span.last, ctx.gaz, ctx.lex) \
                and not journey_begins(ctx, span):
            run.departures.append(m)
        run.meetings.extend(split_by_partner(ctx, span, m))
        parent = parent or m
        run.last_at = (ctx.n, m)


def _known_place(place: str, gaz: Gazetteer) -> bool:
    """A city or country the gazetteer names (not a venue such as a palace or a hotel)."""
    entry = gaz.lookup(place)
    return entry is not None and entry.kind == "name"


def _drop_departures(meetings: list[Meeting], departures: list[Meeting]) -> list[Meeting]:
    """A departure followed within a few days by the visit the source dates ("am Sonntag und Montag in Peking")
    is the way there, not a meeting of its own."""
    def followed(d: Meeting) -> bool:
        return any(o is not d and o not in departures and o.start and d.start
                   and 0 < (o.start - d.start).days <= DEPARTURE_WINDOW
                   and set(o.participants) & set(d.participants) for o in meetings)
    gone = [d for d in departures if followed(d)]
    return [m for m in meetings if not any(m is d for d in gone)]


def _journey_only(ctx: SentenceContext, span: Span, day: Day | None) -> bool:
    """"fliegt sie nach Moskau weiter": travel with nobody met and no visit abroad is not yet a meeting. Nor a
    flight in the evening, nor a journey whose meeting the sentence names for another day ("fliegt am Abend
    nach Moskau, wo sie einen Tag später ... trifft")."""
    if not all(is_travel(ctx, ctx.tokens[i]) for i in span.named_by):
        return False
    if day is not None and day.first and day.last and day.last > day.first or lasts_days(ctx, span):
        return False  # "his week-long trip between April 26 and May 3", "for three days": a journey of days is a visit
    trigger = span.named_by[0]
    met = [e for e in ctx.actors.entities if span.first <= e.first <= span.last and e.kind in ("person", "office")
           and e.party and e is not ctx.said.subject and e.first > trigger]
    going = day is not None and not day.clock and not any(
        not (span.first <= i <= span.last) and not is_travel(ctx, ctx.tokens[i]) for i in span.triggers)
    s, gaz = ctx.sentence, ctx.gaz
    return not met and not abroad(s, span.first, span.last, gaz, ctx.said, going) \
        and not station_of(s, span.first, span.last, gaz, ctx.lex) and not (going and _leaves_for(ctx, span))


def _leaves_for(ctx: SentenceContext, span: Span) -> bool:
    """"departs late Friday for Brazil", "before leaving on Thursday for Namibia": setting off for another state on
    a day is the start of a visit there (a word of destination after a verb of departure, then the state)."""
    home = ctx.said.subject.party if ctx.said.subject else None
    for i in range(span.first, span.last + 1):
        if not departure_verb(ctx, ctx.tokens[i]):
            continue
        for k in range(i + 1, span.last + 1):
            if ctx.tokens[k].text.lower() in ctx.lex.destinations:
                article = k + 1 <= span.last and ctx.tokens[k + 1].pos.startswith(("ART", "AT0"))
                place = _place_name(ctx, k + 1 + article) if k + 1 + article < len(ctx.tokens) else None
                entry = ctx.gaz.lookup(place) if place else None
                return entry is not None and entry.party != home
            if ctx.tokens[k].text in (",", ";", ":") or ctx.tokens[k].pos.startswith("V"):
                break
    return False


def _place(ctx: SentenceContext, span: Span, parties: list[str]) -> tuple[str | None, list[str]]:
    """The meeting's place, and the parties with a journey's first stop added ("erste Station ist Kairo")."""
    s, gaz, lex = ctx.sentence, ctx.gaz, ctx.lex
    location = place_of(s, span.first, span.last, place_mask(ctx), gaz, lex)
    stop = station_of(s, span.first, span.last, gaz, lex)
    if stop:
        location = stop[0]
        parties = list(dict.fromkeys([*parties, stop[1]]))
    return location, parties


def _visited(ctx: SentenceContext, span: Span) -> str | None:
    """"would visit South Africa in August", "will Polen besuchen": a city or a state as the object of a verb of
    visiting is where the visit is held (next to the verb; articles and a time may stand between)."""
    hidden, timed = place_mask(ctx), ctx.timed()
    for i in span.named_by:
        tok = ctx.tokens[i]
        if not tok.pos.startswith("V") or tok.lemma.lower() not in ctx.lex.visit_verbs or _denied(ctx, i):
            continue
        for k in (_next_word(ctx, i, 1, hidden, timed), _next_word(ctx, i, -1, hidden, timed)):
            place = _place_name(ctx, k) if k is not None and span.first <= k <= span.last else None
            if place:
                return place
    return None


def _denied(ctx: SentenceContext, i: int) -> bool:
    """"will never visit Russia", "has no plans to visit", "wird die Ukraine nicht besuchen": a word of denial in the
    clause before the verb."""
    for k in range(i - 1, max(i - DENIAL_REACH, -1), -1):
        word = ctx.tokens[k].text.lower()
        if word in (",", ";", ":"):
            return False
        if word in ctx.lex.denials:
            return True
    return False


def _next_word(ctx: SentenceContext, i: int, step: int, hidden: list[bool], timed: set[int]) -> int | None:
    """The first token from ``i`` in direction ``step`` that is no article and no part of a time ("am Montag")."""
    k = i + step
    while 0 <= k < len(ctx.tokens) and (ctx.tokens[k].pos.startswith(("ART", "AT0")) or k in timed
                                        or k + 1 in timed and ctx.tokens[k].pos.startswith(("APPR", "PRP"))):
        k += step
    return k if 0 <= k < len(ctx.tokens) and not hidden[k] else None


def _place_name(ctx: SentenceContext, k: int) -> str | None:
    """The city or state whose name token ``k`` begins or ends (not an organisation, not an adjective)."""
    for e in ctx.actors.entities:
        if e.kind == "name" and e.first <= k <= e.last and e.party and e.party not in ORGANISATIONS:
            text = ctx.sentence.text[ctx.tokens[e.first].start - ctx.sentence.start:
                                     ctx.tokens[e.last].end - ctx.sentence.start]
            for candidate in (text, ctx.tokens[k].text):
                if _known_place(candidate, ctx.gaz):
                    return candidate
    return None


def place_mask(ctx: SentenceContext) -> list[bool]:
    """Tokens that cannot name a place: quoted ones, those of a temporal expression ("in June") and of a
    phrase naming an earlier event ("Following his visit to London"), and of a clause telling where it was said
    ("..., it was announced Friday in Buenos Aires") or of an earlier event (", when they met in New York")."""
    timed = ctx.timed() | earlier_tokens(ctx) | reported_tokens(ctx) | earlier_clause_tokens(ctx)
    return [hidden or i in timed for i, hidden in enumerate(ctx.mask)]


def _told_as_held(ctx: SentenceContext, span: Span, start: date | None, fmt: str | None) -> bool:
    """"Trump and Putin spoke on the phone ... Tuesday" in Tuesday's news: a verb in the past tells of a meeting
    already held, on the source's own day (a day before it is past anyway). A call on the source's own day that
    nothing announces, named by a noun ("Trump's phone call ... on Tuesday comes a day after ..."), is reported
    once held."""
    published = ctx.doc.source.published
    if start is None or published is None or start != published:
        return False
    trigger = ctx.tokens[span.named_by[0]]
    # "was held in Jeddah, during which they agreed on ...": a word of announcing in another clause holds no sway
    if any(ahead(ctx, a, b) for a, b in trigger_clauses(ctx, span)) or begun(ctx, *trigger_clause(ctx, span)):
        return False
    told = clause_direction(ctx.sentence, trigger.start, trigger.end, tense_lexicon(ctx.gaz.language))
    # the call as a noun: a verb "telefoniert am Dienstag" may announce it, a noun dated today tells of it
    return told == "past" or fmt == "phone" and trigger.pos.startswith("N") and told in ("present", None)


def _there(ctx: SentenceContext, span: Span) -> str | None:
    """"Dort beraten heute die Außenminister": the place the sentence before named last."""
    if ctx.previous is None or not any(w in ctx.lex.there for w in ctx.words(span.first, span.last)):
        return None
    return last_place(ctx.previous, ctx.gaz)


def build_meeting(ctx: SentenceContext, span: Span, day: Day | None) -> Meeting | None:
    """The meeting told in ``span`` on ``day``, or None when the span tells of none."""
    if (span.side and not span.in_scope) or _journey_only(ctx, span, day) or rejected(ctx, span):
        return None
    parties = with_visit(day.programme if day else None, participants(ctx, span))
    location, parties = _place(ctx, span, parties)
    if location is None and day is None:
        # an undated visit is kept only at a named place; a dated one needs none, and a state visited as its place
        # would keep it apart from the mention that names the city ("will visit Ukraine" ... "in Kyiv")
        location = _visited(ctx, span)
    # "sprach mit Stoltenberg über die bevorstehenden Gespräche": a noun in the topic names another meeting
    nouns = [i for i in span.named_by if event_noun(ctx.tokens[i], ctx.lex) and not topic_noun(ctx, i)]
    if not parties and not (location and nouns):
        return None  # a named event at a named place may stand without parties ("Sicherheitskonferenz in München")
    if len(parties) < 2 and all(guest_verb(ctx, i) for i in span.named_by):
        return None  # "Von Scholz wird im Mai eine Entscheidung erwartet": no guest from elsewhere
    parties = without_host(ctx, span, location, parties)
    location = location or _there(ctx, span)
    days = span_days(ctx, span, day)
    if days is None:
        return None
    start, end = days
    whole = (span.first, span.last) == (0, len(ctx.tokens) - 1)
    if location is None and not whole and format_of_words(ctx, ctx.words(span.first, span.last)) is None:
        location = place_of(ctx.sentence, 0, len(ctx.tokens) - 1, place_mask(ctx), ctx.gaz, ctx.lex)
    fmt = meeting_format(ctx, span, location)
    title, rank = meeting_title(ctx.sentence, nouns[0] if nouns else None, parties, fmt, ctx.gaz.language)
    published = ctx.doc.source.published
    past = bool(day and day.past) and not announced(ctx, span.first, span.last) \
        and not (start == published and begun(ctx, *trigger_clause(ctx, span))) \
        or _told_as_held(ctx, span, start, fmt)
    status = "past" if published and end and (end < published or (past and end <= published)) else "upcoming"
    resolved = bool(start) and not (day and day.vague)  # "Ende März" is kept as a range, shown as written
    return Meeting(title=title, start=start, end=end, participants=parties, location=location, format=fmt,
                   status=status, date_text=day.text if day else "", date_resolved=resolved,
                   evidence=[Evidence(ctx.doc.source.id, ctx.sentence.index, ctx.sentence.text)],
                   reported_past=past, named=bool(nouns), title_rank=rank,
                   side=bool(day and day.programme),  # an item of a visit's programme is held inside the visit
                   window_start=day.window[0] if day and day.window else None,
                   window_end=day.window[1] if day and day.window else None)

