"""The briefing prepared for display, shared by the HTML/PDF and DOCX renderers.

Evidence markers are numbered in the order a reader meets them, so the first marker in the
document is 1 and the sources appendix lists each cited sentence once under its source.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from babel.dates import format_date

from ..config import Config
from ..model import Briefing, Evidence, Meeting, Source
from ..parties import party_name
from .labels import format_day, format_range, format_span, labels_for

log = logging.getLogger(__name__)


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

    def appendix(self) -> list[SourceEntry]:
        """Every source in the briefing's order, each with its cited sentences in marker order.

        Evidence naming a source the briefing does not list still appears, under its id.
        """
        entries = [SourceEntry(i, s, s.id) for i, s in enumerate(self.briefing.sources, 1)]
        by_id = {e.id: e for e in entries}
        for c in sorted(self._by_key.values(), key=lambda c: c.number):
            if c.source not in by_id:
                by_id[c.source] = SourceEntry(len(by_id) + 1, None, c.source)
                entries.append(by_id[c.source])
            by_id[c.source].citations.append(c)
        return entries


@dataclass
class View:
    """What both document renderers need beyond the Briefing itself."""

    briefing: Briefing
    lang: str
    labels: dict[str, str]
    marking: str | None
    author: str | None
    citations: Citations
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
            head = format_date(m.start, "EEEE, d." if self.lang == "de" else "EEEE, d", locale=self.lang)
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

    def text_lang(self, evidence: list[Evidence]) -> str:
        """The language of the source a text was taken from, else the briefing's: quoted German
        stays German inside an English briefing, for hyphenation and spell-checking."""
        sources = {s.id: s for s in self.briefing.sources}
        source = sources.get(evidence[0].source) if evidence else None
        return source.language if source is not None and source.language else self.lang

    def parties(self, codes: list[str]) -> str:
        return ", ".join(party_name(c, self.lang) for c in codes)

    def meeting_format(self, m: Meeting) -> str:
        return self.labels.get(f"format_{m.format}", "") if m.format else ""

    def kind(self, kind: str) -> str:
        return self.labels.get(f"kind_{kind}", kind)

    def change_kind(self, kind: str) -> str:
        return self.labels.get(f"change_{kind}", kind)

    def keywords(self) -> list[str]:
        """The party codes the briefing speaks of: its parties first, then meeting participants."""
        codes: list[str] = [p.code for p in self.briefing.parties]
        for m in self.briefing.meetings:
            codes += [c for c in m.participants if c not in codes]
        return list(dict.fromkeys(codes))

    @staticmethod
    def link(url: str | None) -> str | None:
        """A source's address when it is a web address; anything else (javascript:, file:) is not linked."""
        return url if url and url.lower().startswith(("https://", "http://")) else None

    def subject(self) -> str:
        return self.labels["subject"].format(date=self.day(self.briefing.as_of, "long"))


def make_view(briefing: Briefing, config: Config) -> View:
    lang = briefing.language
    return View(briefing, lang, labels_for(lang), briefing.classification or config.classification,
                briefing.author or config.author, Citations(briefing))
