"""A Briefing as stored JSON and back: the serialiser and its complete reverse, side by side.

The JSON renderer writes ``briefing_to_json``; the scheduler reads a stored run back with
``read_briefing`` (for 'what changed' and for the e-mail). Keep the two halves in step: every
field written here is read back here, and tests/test_serialize.py checks the round trip.
The field names are a published contract (schema/briefing.schema.json): add, never rename.

What the JSON does not hold comes back as the model's default: a source's text (``body``) and
folder (``path`` keeps only the file name), the briefing's ``author``, and the assembly-time
marks of a meeting (``reported_past``, ``named``, ``side``, ``title_rank``), which no stored
briefing needs.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

from .model import BackgroundItem, Briefing, Change, Evidence, Meeting, Party, Position, Quote, Source


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# --- to JSON --------------------------------------------------------------------------------------

def evidence_to_dict(items: list[Evidence]) -> list[dict[str, Any]]:
    return [{"source": e.source, "sentence": e.sentence, "text": e.text} for e in items]


def source_to_dict(s: Source) -> dict[str, Any]:
    return {"id": s.id, "title": s.title, "published": _day(s.published), "published_from": s.published_from,
            "published_confidence": s.published_confidence, "published_note": s.published_note or None,
            "language": s.language, "url": s.url, "outlet": s.outlet, "author": s.author,
            "file": s.path.name if s.path else None, "sha256": s.sha256}


def meeting_to_dict(m: Meeting) -> dict[str, Any]:
    return {"title": m.title, "start": _day(m.start), "end": _day(m.end), "participants": list(m.participants),
            "location": m.location, "format": m.format, "status": m.status, "date_text": m.date_text,
            "date_resolved": m.date_resolved, "window_start": _day(m.window_start),
            "window_end": _day(m.window_end), "evidence": evidence_to_dict(m.evidence)}


def _flagged(*groups: tuple[list, bool]) -> list[tuple[Any, bool]]:
    """(item, left out?) for the shown items, then those the document leaves out (their section's cap)."""
    return [(x, left_out) for items, left_out in groups for x in items]


def left_out_counts(b: Briefing) -> dict[str, int]:
    """How many items of each section the document leaves out (they are in the JSON, marked)."""
    return {"parties": len(b.parties_left_out),
            "positions": sum(len(p.left_out) for p in b.parties + b.parties_left_out),
            "past_meetings": len(b.past_left_out), "upcoming_meetings": len(b.upcoming_left_out),
            "quotes": len(b.quotes_left_out), "background": len(b.background_left_out),
            "sources": len(b.sources_left_out)}


def party_to_dict(p: Party) -> dict[str, Any]:
    return {"code": p.code, "name": p.name,
            "positions": [{"text": x.text, "kind": x.kind, "speaker": x.speaker,
                           "evidence": evidence_to_dict(x.evidence), "left_out": left_out}
                          for x, left_out in _flagged((p.positions, False), (p.left_out, True))]}


def briefing_to_dict(b: Briefing) -> dict[str, Any]:
    return {
        "title": b.title,
        "as_of": b.as_of.isoformat(),
        "as_of_from": b.as_of_from,
        "language": b.language,
        "classification": b.classification,
        "warnings": list(b.warnings),
        "skipped": list(b.skipped),
        "key_facts": list(b.key_facts),
        "sources": [{**source_to_dict(s), "left_out": left_out}
                    for s, left_out in _flagged((b.sources, False), (b.sources_left_out, True))],
        "meetings": [{**meeting_to_dict(m), "left_out": left_out}
                     for m, left_out in _flagged((b.meetings, False), (b.past_left_out, True),
                                                 (b.upcoming_left_out, True))],
        "parties": [party_to_dict(p) for p in b.parties + b.parties_left_out],
        "background": [{"text": x.text, "evidence": evidence_to_dict(x.evidence), "left_out": left_out}
                       for x, left_out in _flagged((b.background, False), (b.background_left_out, True))],
        "quotes": [{"text": q.text, "speaker": q.speaker, "speaker_role": q.speaker_role, "party": q.party,
                    "evidence": evidence_to_dict(q.evidence), "left_out": left_out}
                   for q, left_out in _flagged((b.quotes, False), (b.quotes_left_out, True))],
        "left_out": left_out_counts(b),
        "changes": None if b.changes is None else [dataclasses.asdict(c) for c in b.changes],
    }


def briefing_to_json(b: Briefing) -> bytes:
    return json.dumps(briefing_to_dict(b), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


# --- from JSON ------------------------------------------------------------------------------------

def evidence_from_dict(items: list[dict[str, Any]] | None) -> list[Evidence]:
    return [Evidence(e["source"], e["sentence"], e["text"]) for e in items or []]


def source_from_dict(d: dict[str, Any]) -> Source:
    return Source(id=d["id"], path=Path(d["file"]) if d.get("file") else None, title=d.get("title", ""), body="",
                  language=d.get("language", "de"), published=_date(d.get("published")),
                  published_from=d.get("published_from", "unknown"),
                  published_confidence=d.get("published_confidence"), published_note=d.get("published_note") or "",
                  url=d.get("url"), outlet=d.get("outlet"), sha256=d.get("sha256", ""), author=d.get("author"))


def meeting_from_dict(d: dict[str, Any]) -> Meeting:
    return Meeting(title=d["title"], start=_date(d.get("start")), end=_date(d.get("end")),
                   participants=list(d.get("participants") or []), location=d.get("location"),
                   format=d.get("format"), status=d.get("status", "upcoming"), date_text=d.get("date_text") or "",
                   date_resolved=d.get("date_resolved", True), window_start=_date(d.get("window_start")),
                   window_end=_date(d.get("window_end")), evidence=evidence_from_dict(d.get("evidence")))


def party_from_dict(d: dict[str, Any]) -> Party:
    code = d["code"]
    positions = [(Position(code, x["text"], x.get("kind", "statement"), x.get("speaker"),
                           evidence_from_dict(x.get("evidence"))), x.get("left_out", False))
                 for x in d.get("positions", [])]
    shown, left_out = _split(positions)
    return Party(code, d.get("name") or code, shown, left_out)


def _split(flagged: list[tuple[Any, bool]]) -> tuple[list, list]:
    """(the items shown, the items left out), as ``_flagged`` wrote them."""
    return [x for x, out in flagged if not out], [x for x, out in flagged if out]


def briefing_from_dict(d: dict[str, Any]) -> Briefing:
    changes = d.get("changes")
    meetings, left_out = _split([(meeting_from_dict(m), m.get("left_out", False)) for m in d.get("meetings", [])])
    sources, sources_left_out = _split([(source_from_dict(s), s.get("left_out", False)) for s in d.get("sources", [])])
    parties = [party_from_dict(p) for p in d.get("parties", [])]
    background, background_left_out = _split([(BackgroundItem(x["text"], evidence_from_dict(x.get("evidence"))),
                                                x.get("left_out", False)) for x in d.get("background", [])])
    quotes, quotes_left_out = _split([(Quote(q["text"], q.get("speaker"), q.get("party"),
                                             evidence_from_dict(q.get("evidence")), speaker_role=q.get("speaker_role")),
                                       q.get("left_out", False)) for q in d.get("quotes", [])])
    return Briefing(
        title=d.get("title", ""), as_of=date.fromisoformat(d["as_of"]), as_of_from=d.get("as_of_from", "explicit"),
        language=d.get("language", "de"),
        sources=sources, sources_left_out=sources_left_out, meetings=meetings,
        # a left-out upcoming meeting is beyond the horizon; a left-out past one beyond max_past_meetings
        past_left_out=[m for m in left_out if m.status == "past"],
        upcoming_left_out=[m for m in left_out if m.status != "past"],
        # a party the document leaves out shows none of its positions
        parties=[p for p in parties if p.positions or not p.left_out],
        parties_left_out=[p for p in parties if not p.positions and p.left_out],
        background=background, background_left_out=background_left_out,
        quotes=quotes, quotes_left_out=quotes_left_out,
        key_facts=list(d.get("key_facts") or []), classification=d.get("classification"),
        warnings=list(d.get("warnings") or []), skipped=list(d.get("skipped") or []),
        changes=None if changes is None else [Change(c["kind"], c["text"]) for c in changes],
    )


def read_briefing(path: Path) -> Briefing:
    """A briefing from its stored JSON file."""
    return briefing_from_dict(json.loads(path.read_text(encoding="utf-8")))
