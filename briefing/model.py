"""The typed objects that pass between the pipeline's stages.

load seeds -> ``Source``; annotate -> ``AnnotatedSource``; assemble -> ``Briefing``.
Every extracted item carries ``Evidence``: the source, the sentence number and its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass
class Source:
    """One article: a file of a folder, or a page fetched from the web (then ``path`` is None)."""

    id: str
    path: Path | None
    title: str
    body: str
    """The article's text after the front matter (for .txt: the whole file, title line included)."""
    language: str = "de"
    published: date | None = None
    published_from: str = "unknown"
    """Where ``published`` came from: front_matter | page | feed | as_of | inferred | unknown.

    page: the page's own date (trafilatura); feed: the date its feed gave the item."""
    published_confidence: float | None = None
    """For an inferred date: how sure the inference is (0..1)."""
    published_note: str = ""
    """For an inferred date: how it was inferred, in the user's words."""
    url: str | None = None
    outlet: str | None = None
    sha256: str = ""
    author: str | None = None


@dataclass
class Evidence:
    """Where an item came from: a sentence of a source (sentences are numbered from 1)."""

    source: str
    sentence: int
    text: str


@dataclass
class Token:
    text: str
    start: int
    end: int
    pos: str = ""
    lemma: str = ""


@dataclass
class Sentence:
    index: int
    """1-based number of the sentence in its source."""
    start: int
    end: int
    text: str
    paragraph: int = 0
    heading: bool = False
    tokens: list[Token] = field(default_factory=list)


@dataclass
class Timex:
    """A temporal expression, TimeML style, with offsets into the source body."""

    start: int
    end: int
    text: str
    type: str
    """DATE | TIME | DURATION | SET"""
    value: str
    """TIMEX3 value, e.g. 2022-01-12, 2022-W02, P3D, XXXX-01-12 when unresolved."""
    sentence: int = 0
    first_day: date | None = None
    last_day: date | None = None
    """The calendar days the expression covers, where it names days (a range spans several)."""
    direction: str | None = None
    """future | past | None: how the clause places it relative to the reference date."""
    resolved: bool = True
    anchor: str = "published"
    """What the value was computed from: published | as_of | inferred | previous | none."""
    range_start: int | None = None
    """For the two ends of a range ("vom 18. bis 20. Februar"): where the whole range starts. Both ends
    then carry the range's first_day/last_day; keep one of them when building meetings."""
    kind: str = ""
    """Which rule found it: weekday | date | bare_day | reld | anaphor_words | anaphor_units | duration | ..."""
    mod: str | None = None
    """The part of a month or week the expression names: START | MID | END (TimeML's mod: "Ende März", "Anfang
    nächster Woche", "early next month"), FIRST_HALF | SECOND_HALF ("die zweite Maihälfte"), LATER | EARLIER
    ("later this month"). Its days are then a vague range, and ``text`` is how to show it."""


@dataclass
class ActorMention:
    start: int
    end: int
    text: str
    party: str
    sentence: int
    kind: str = "name"
    """name | person | office | place | adjective | pronoun"""
    person: str | None = None


@dataclass
class Quote:
    text: str
    speaker: str | None
    """As the article names the speaker, at their fullest: a name, else a role phrase."""
    party: str | None
    evidence: list[Evidence] = field(default_factory=list)
    speaker_role: str | None = None
    """The role the article gives the speaker ("Vorsitzende Richterin", "Sprecher des Auswärtigen Amts")."""


@dataclass
class Position:
    party: str
    text: str
    kind: str = "statement"
    """demand | warning | rejection | denial | accusation | proposal | statement"""
    speaker: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Meeting:
    title: str
    start: date | None
    end: date | None
    participants: list[str] = field(default_factory=list)
    location: str | None = None
    format: str | None = None
    """in_person | video | phone | None when the text does not say."""
    status: str = "upcoming"
    """upcoming | past"""
    date_text: str = ""
    """The date as written in the source, shown when it could not be resolved."""
    date_resolved: bool = True
    evidence: list[Evidence] = field(default_factory=list)
    reported_past: bool = False
    """The source tells of it as already held (past tense), so it is past once its last day has come."""
    named: bool = False
    """The title is the source's own noun for it ("Gipfel"), not a label made from a verb."""
    side: bool = False
    """Held on the sidelines of another meeting ("am Rande"): never merged into it."""
    window_start: date | None = None
    """For a meeting dated only vaguely ("Ende März", "next week"): the first day it may fall on."""
    window_end: date | None = None
    """... and the last (its status is past once this day has gone by)."""
    title_rank: int = 0
    """How well the title names it: 2 the source's own name ("Nato-Russland-Rat"), 1 its noun with the
    parties, 0 a label for a meeting told by a verb. Merged mentions keep the best title."""
    counterparts: list[str] = field(default_factory=list)
    """The surnames of the people the source names as met ("mit X", "with X"): mentions naming different people
    met are different meetings, never merged."""
    hour: str = ""
    """The hour a schedule's line gives it ("11:55 Uhr"): lines of one source at different hours are different
    events, never merged."""


@dataclass
class BackgroundItem:
    text: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class AnnotatedSource:
    """What the builder found in one source."""

    source: Source
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    background: list[BackgroundItem] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    """The party codes its actor mentions name (kept when the mentions themselves are not)."""
    unread: str = ""
    """Why the extraction could not read the source (an error of ours), or empty."""

    def named_parties(self) -> set[str]:
        return set(self.parties) | {m.party for m in self.actors}


@dataclass
class Party:
    code: str
    name: str
    positions: list[Position] = field(default_factory=list)
    """The positions the document shows (at most ``max_positions_per_party``)."""
    left_out: list[Position] = field(default_factory=list)
    """Positions beyond the cap: in the JSON, counted in the document."""


@dataclass
class Change:
    """One difference to the same job's previous briefing."""

    kind: str
    """meeting_added | meeting_moved | meeting_dropped | position_added"""
    text: str


@dataclass
class Briefing:
    title: str
    as_of: date
    as_of_from: str
    """today | latest-source | explicit"""
    language: str
    sources: list[Source] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    background: list[BackgroundItem] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    parties_left_out: list[Party] = field(default_factory=list)
    """Parties beyond ``max_parties`` (all their positions left out): in the JSON, counted in the document."""
    past_left_out: list[Meeting] = field(default_factory=list)
    upcoming_left_out: list[Meeting] = field(default_factory=list)
    """Upcoming meetings after the briefing's ``horizon_days``: in the JSON, said in the warnings."""
    sources_left_out: list[Source] = field(default_factory=list)
    """Sources read this run that name none of the briefing's parties or keywords: in the JSON, marked."""
    """Past meetings beyond ``max_past_meetings``: in the JSON, counted in the document."""
    quotes_left_out: list[Quote] = field(default_factory=list)
    """Quotes beyond ``max_quotes``: in the JSON, counted in the document."""
    background_left_out: list[BackgroundItem] = field(default_factory=list)
    """Background beyond ``max_background``: in the JSON, counted in the document."""
    key_facts: list[str] = field(default_factory=list)
    classification: str | None = None
    author: str | None = None
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """One line per seed that could not be read."""
    changes: list[Change] | None = None
    """None when there is no previous briefing to compare with."""

    @property
    def upcoming(self) -> list[Meeting]:
        return [m for m in self.meetings if m.status == "upcoming"]

    @property
    def past(self) -> list[Meeting]:
        return [m for m in self.meetings if m.status == "past"]
