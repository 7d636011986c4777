"""The briefing prepared for display, shared by the HTML/PDF and DOCX renderers.

Evidence markers are numbered in the order a reader meets them, so the first marker in the
document is 1 and the sources appendix lists each cited sentence once under its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property

from babel.dates import format_date

from ..config import Config
from ..labels import date_pattern, format_day, format_range, format_span, labels_for
from ..model import Briefing, Evidence, Meeting, Source
from ..notices import say
from ..parties import party_name
from ..places import place_name

MAX_KEYWORDS = 255


@dataclass
class Citation:
    number: int
    source: str
    sentence: int
    text: str


@dataclass
class SourceEntry:
    """One source of the appendix with the sentences the briefing cites from it."""

    number: int
    source: Source | None
    id: str
    citations: list[Citation] = field(default_factory=list)


class Citations:
    """Numbers for evidence, given out on first use; the same sentence keeps its number."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self._by_key: dict[tuple[str, int], Citation] = {}

    def numbers(self, evidence: list[Evidence]) -> list[int]:
        out: list[int] = []
        for ev in evidence:
            key = (ev.source, ev.sentence)
            if key not in self._by_key:
                self._by_key[key] = Citation(len(self._by_key) + 1, ev.source, ev.sentence, ev.text)
            if self._by_key[key].number not in out:
                out.append(self._by_key[key].number)
        return out

    def get(self, number: int) -> Citation:
        return next(c for c in self._by_key.values() if c.number == number)

    def appendix(self, limit: int | None = None) -> list[SourceEntry]:
        """Every source in the briefing's order, each with its cited sentences in marker order.

        Evidence naming a source the briefing does not list still appears, under its id. With
        ``limit``, a source the document does not cite is listed only while the list holds
        fewer than ``limit`` entries (cited sources are always listed); see ``unlisted()``.
        """
        entries = [SourceEntry(i, s, s.id) for i, s in enumerate(self.briefing.sources, 1)]
        by_id = {e.id: e for e in entries}
        for c in sorted(self._by_key.values(), key=lambda c: c.number):
            if c.source not in by_id:
                by_id[c.source] = SourceEntry(len(by_id) + 1, None, c.source)
                entries.append(by_id[c.source])
            by_id[c.source].citations.append(c)
        if limit is None:
            return entries
        room = limit - sum(1 for e in entries if e.citations)
        listed = []
        for e in entries:
            if e.citations or room > 0:
                listed.append(e)
                room -= 0 if e.citations else 1
        return [SourceEntry(n, e.source, e.id, e.citations) for n, e in enumerate(listed, 1)]

    def unlisted(self, limit: int | None) -> int:
        """How many sources ``appendix(limit)`` leaves out."""
        return len(self.appendix()) - len(self.appendix(limit))


@dataclass
class View:
    """What both document renderers need beyond the Briefing itself."""

    briefing: Briefing
    lang: str
    labels: dict[str, str]
    marking: str | None
    author: str | None
    citations: Citations
    max_sources: int | None = None
    """The sources appendix lists the cited sources and, up to this many entries, the others."""
    made: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    """When the document is made: its creation and modification date, the same in the PDF and the DOCX."""

    def day(self, d: date | None, form: str = "full") -> str:
        return format_day(d, self.lang, form)

    def when(self, m: Meeting, form: str = "full") -> str:
        """The meeting's date or range, or the date as written when it could not be resolved.

        ``form`` is a form of ``format_day``, or ``span`` for a compact range in a narrow column."""
        if m.start is None:
            return f"{m.date_text} ({self.labels['unresolved']})" if m.date_text else self.labels["unresolved"]
        if not m.date_resolved and m.date_text and m.window_start:
            # "Ende März": as the source writes it, with the days it stands for
            return f"{m.date_text} ({format_range(m.start, m.end, self.lang, 'short')})"
        if form == "span":
            return format_span(m.start, m.end, self.lang)
        if m.end and m.end != m.start and form == "full" and (m.start.year, m.start.month) == (m.end.year, m.end.month):
            # One month: name it once ("Sonntag, 12. – Montag, 13. März 2023").
            head = format_date(m.start, date_pattern(self.lang, "weekday_day"), locale=self.lang)
            return f"{head} – {format_day(m.end, self.lang, form)}"
        return format_range(m.start, m.end, self.lang, form)

    def published(self, source: Source) -> str:
        """'veröffentlicht 4. Januar 2022', with how the date was found when it was inferred."""
        if source.published is None:
            return ""
        text = f"{self.labels['published']} {self.day(source.published, 'long')}"
        if source.published_from == "inferred":
            sure = f", {self.labels['confidence']} {source.published_confidence:.0%}" \
                if source.published_confidence is not None else ""
            text += f" ({self.labels['inferred']}{sure})"
        return text

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.briefing.sources}

    def text_lang(self, evidence: list[Evidence]) -> str:
        """The language of the source a text was taken from, else the briefing's: quoted German
        stays German inside an English briefing, for hyphenation and spell-checking."""
        source = self.sources_by_id.get(evidence[0].source) if evidence else None
        return source.language if source is not None and source.language else self.lang

    def notice(self) -> str:
        """One line under the title block when the briefing has warnings; they stand in the sources section."""
        count = len(self.briefing.warnings) + len(self.briefing.skipped)
        if not count:
            return ""
        return say("notice_one", self.lang) if count == 1 else say("notice_many", self.lang, count=count)

    def place(self, name: str | None) -> str | None:
        """A place as the briefing's language writes it ('Genf' / 'Geneva')."""
        return place_name(name, self.lang)

    def parties(self, codes: list[str]) -> str:
        return ", ".join(party_name(c, self.lang) for c in codes)

    def meeting_format(self, m: Meeting) -> str:
        return self.labels.get(f"format_{m.format}", "") if m.format else ""

    def kind(self, kind: str) -> str:
        return self.labels.get(f"kind_{kind}", kind)

    def change_kind(self, kind: str) -> str:
        return self.labels.get(f"change_{kind}", kind)

    def keywords(self, limit: int = MAX_KEYWORDS) -> list[str]:
        """The party codes the briefing speaks of: its parties first, then meeting participants,
        as many as fit in ``limit`` characters joined by ", " (python-docx refuses a keywords
        property longer than 255 characters; the PDF's keywords are kept to the same)."""
        codes = dict.fromkeys([p.code for p in self.briefing.parties]
                              + [c for m in self.briefing.meetings for c in m.participants])
        kept: list[str] = []
        length = 0
        for code in codes:
            length += len(code) + (2 if kept else 0)
            if length > limit:
                break
            kept.append(code)
        return kept

    def sources(self) -> list[SourceEntry]:
        """The entries of the sources appendix (see ``Citations.appendix``)."""
        return self.citations.appendix(self.max_sources)

    def sources_left_out(self) -> int:
        return self.citations.unlisted(self.max_sources)

    def left_out(self, count: int) -> str:
        """The line under a section that shows fewer items than it has."""
        return self.labels["left_out"].format(count=count) if count else ""

    @staticmethod
    def link(url: str | None) -> str | None:
        """A source's address when it is a web address; anything else (javascript:, file:) is not linked."""
        return url if url and url.lower().startswith(("https://", "http://")) else None

    def subject(self) -> str:
        return self.labels["subject"].format(date=self.day(self.briefing.as_of, "long"))


def make_view(briefing: Briefing, config: Config) -> View:
    lang = briefing.language
    return View(briefing, lang, labels_for(lang), briefing.classification or config.classification,
                briefing.author or config.author, Citations(briefing), config.max_sources)
