"""The upcoming meetings as an SVG timeline: days on an axis, one lane per meeting.

A one-day meeting is a dot, a meeting over several days a bar. The same SVG string goes inline
into the HTML (vector in the PDF) and, rasterised by CairoSVG, into the DOCX. Every text from the
sources is XML-escaped, so a label cannot add markup.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from xml.sax.saxutils import escape, quoteattr

from babel.dates import format_date

from ..labels import date_pattern
from ..model import Meeting

log = logging.getLogger(__name__)

WIDTH = 680
LABEL_W = 270
AXIS_H = 40
LANE_H = 22
PAD = 8
MIN_DAYS = 7
MAX_LANES = 14
MAX_LABEL = 46
ACCENT = "#1f3a5f"
MUTED = "#6b7785"
FONT = "DejaVu Sans, sans-serif"


@dataclass
class Timeline:
    svg: str
    alt: str
    height: int
    width: int = WIDTH


def _short(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _tick(day: date, lang: str) -> str:
    return format_date(day, date_pattern(lang, "tick"), locale=lang)


def build_timeline(meetings: list[Meeting], as_of: date, lang: str, alt_prefix: str) -> Timeline | None:
    """The SVG of the dated meetings (None when none has a resolved date)."""
    dated = sorted((m for m in meetings if m.start is not None), key=lambda m: (m.start, m.end or m.start))
    if not dated:
        return None
    shown = dated[:MAX_LANES]
    first = min(as_of, shown[0].start)
    last = max((m.end or m.start) for m in shown)
    days = max((last - first).days + 1, MIN_DAYS)
    plot_x, plot_w = LABEL_W, WIDTH - LABEL_W - PAD
    col = plot_w / days
    height = AXIS_H + LANE_H * len(shown) + PAD

    def x(day: date) -> float:
        return plot_x + (day - first).days * col

    step = 1 if days <= 16 else 7 if days <= 120 else 28
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" font-family={quoteattr(FONT)} font-size="10">',
        f"<title>{escape(alt_prefix)}</title>",
    ]
    # Weekends shaded, so a reader sees at a glance which days are working days.
    for i in range(days):
        day = first + timedelta(days=i)
        if day.weekday() >= 5:
            parts.append(f'<rect x="{x(day):.1f}" y="{AXIS_H - 6}" width="{col:.1f}" '
                         f'height="{height - AXIS_H + 6 - PAD / 2:.1f}" fill="#eef1f4"/>')
    month = None
    for i in range(0, days, step):
        day = first + timedelta(days=i)
        cx = x(day) + col / 2 if step == 1 else x(day)
        parts.append(f'<line x1="{x(day):.1f}" y1="{AXIS_H - 6}" x2="{x(day):.1f}" y2="{height - PAD / 2:.1f}" '
                     f'stroke="#d5dbe1" stroke-width="0.6"/>')
        anchor = "middle" if step == 1 else "start"
        parts.append(f'<text x="{cx:.1f}" y="{AXIS_H - 11}" text-anchor="{anchor}" fill="{MUTED}" '
                     f'font-size="8.5">{escape(_tick(day, lang))}</text>')
        if (day.year, day.month) != month:
            month = (day.year, day.month)
            parts.append(f'<text x="{x(day):.1f}" y="12" fill="{ACCENT}" font-weight="bold" font-size="9">'
                         f"{escape(format_date(day, 'MMMM y', locale=lang))}</text>")
    parts.append(f'<line x1="{plot_x}" y1="{AXIS_H - 6}" x2="{plot_x + plot_w}" y2="{AXIS_H - 6}" '
                 f'stroke="{MUTED}" stroke-width="0.8"/>')
    # The briefing's own date, so "upcoming" reads against a visible "now".
    if first <= as_of <= first + timedelta(days=days - 1):
        ax = x(as_of) + col / 2
        parts.append(f'<line x1="{ax:.1f}" y1="{AXIS_H - 6}" x2="{ax:.1f}" y2="{height - PAD / 2:.1f}" '
                     f'stroke="#b3261e" stroke-width="1" stroke-dasharray="3 2"/>')
    described = []
    for lane, m in enumerate(shown):
        y = AXIS_H + lane * LANE_H + LANE_H / 2
        # Participants' codes after the title tell apart meetings the sources name alike ("Treffen").
        codes = " · ".join(m.participants[:3])
        title = _short(m.title, MAX_LABEL - len(codes) - 2 if codes else MAX_LABEL)
        who = f'<tspan fill="{MUTED}" font-size="8.5">  {escape(codes)}</tspan>' if codes else ""
        parts.append(f'<text x="{PAD}" y="{y + 3.5:.1f}" fill="#1b1f24">{escape(title)}{who}</text>')
        end = m.end or m.start
        if end > m.start:
            w = x(end) + col - x(m.start)
            parts.append(f'<rect x="{x(m.start) + 1:.1f}" y="{y - 5:.1f}" width="{w - 2:.1f}" height="10" rx="3" '
                         f'fill="{ACCENT}"/>')
        else:
            parts.append(f'<circle cx="{x(m.start) + col / 2:.1f}" cy="{y:.1f}" r="5" fill="{ACCENT}"/>')
        when = format_date(m.start, date_pattern(lang, "day_month"), locale=lang)
        if end > m.start:
            when += " – " + format_date(end, date_pattern(lang, "day_month"), locale=lang)
        described.append(f"{when}: {m.title}")
    parts.append("</svg>")
    alt = f"{alt_prefix}: " + "; ".join(described)
    if len(dated) > len(shown):
        log.info("timeline shows the first %d of %d dated meetings", len(shown), len(dated))
    return Timeline("\n".join(parts), alt, height)


def timeline_png(timeline: Timeline, scale: float = 3.0) -> bytes:
    """The timeline rasterised for the DOCX (CairoSVG; the SVG references nothing outside itself)."""
    import cairosvg

    return cairosvg.svg2png(bytestring=timeline.svg.encode("utf-8"), scale=scale, unsafe=False)
