"""The upcoming meetings as an iCalendar file (RFC 5545), one all-day event per meeting."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from ..config import Config
from ..model import Briefing


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded, as RFC 5545 asks."""
    out, raw = [], line.encode("utf-8")
    while len(raw) > 75:
        cut = 75 if not out else 74
        while cut and (raw[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        out.append(raw[:cut].decode("utf-8"))
        raw = raw[cut:]
    out.append(raw.decode("utf-8"))
    return "\r\n ".join(out)


def render_ics(briefing: Briefing, config: Config) -> bytes:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//briefing//briefing//EN", "CALSCALE:GREGORIAN"]
    for m in briefing.upcoming:
        if m.start is None:
            continue
        end = (m.end or m.start) + timedelta(days=1)
        uid = hashlib.sha1(f"{m.title}|{m.start}|{','.join(m.participants)}".encode()).hexdigest()
        lines += ["BEGIN:VEVENT", f"UID:{uid}@briefing", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{m.start:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}",
                  f"SUMMARY:{_escape(m.title)}"]
        if m.location:
            lines.append(f"LOCATION:{_escape(m.location)}")
        if m.participants:
            lines.append(f"DESCRIPTION:{_escape(', '.join(m.participants))}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(x) for x in lines) + "\r\n").encode("utf-8")
