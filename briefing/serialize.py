"""A Briefing as stored JSON and back: the serialiser and its complete reverse, side by side.

The JSON renderer writes ``briefing_to_json``; the scheduler reads a stored run back with
``read_briefing`` (for 'what changed' and for the e-mail). Keep the two halves in step: every
field written here is read back here, and tests/test_serialize.py checks the round trip.
The field names are a published contract (schema/briefing.schema.json): add, never rename.

What the JSON does not hold comes back as the model's default: a source's text (``body``) and
folder (``path`` keeps only the file name), the briefing's ``author``, and the assembly-time
marks of a meeting (``reported_past``, ``named``, ``side``), which no stored briefing needs.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

from .model import BackgroundItem, Briefing, Change, Evidence, LeftOut, Meeting, Party, Position, Quote, Source


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
            "date_resolved": m.date_resolved, "evidence": evidence_to_dict(m.evidence)}


def position_to_dict(p: Position) -> dict[str, Any]:
    return {"text": p.text, "kind": p.kind, "speaker": p.speaker, "evidence": evidence_to_dict(p.evidence)}


def item_to_dict(x: BackgroundItem) -> dict[str, Any]:
    return {"text": x.text, "evidence": evidence_to_dict(x.evidence)}


def quote_to_dict(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "speaker": q.speaker, "speaker_role": q.speaker_role, "party": q.party,
            "evidence": evidence_to_dict(q.evidence)}


def left_out_to_dict(out: LeftOut) -> dict[str, Any]:
    return {"positions": [{"party": p.party, **position_to_dict(p)} for p in out.positions],
            "quotes": [quote_to_dict(q) for q in out.quotes],
            "background": [item_to_dict(x) for x in out.background],
            "meetings": [meeting_to_dict(m) for m in out.meetings],
            "sources": [source_to_dict(s) for s in out.sources]}


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
        "sources": [source_to_dict(s) for s in b.sources],
        "meetings": [meeting_to_dict(m) for m in b.meetings],
        "parties": [{"code": p.code, "name": p.name,
                     "positions": [position_to_dict(x) for x in p.positions]}
                    for p in b.parties],
        "background": [item_to_dict(x) for x in b.background],
        "quotes": [quote_to_dict(q) for q in b.quotes],
        "changes": None if b.changes is None else [dataclasses.asdict(c) for c in b.changes],
        "left_out": left_out_to_dict(b.left_out),
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
                   date_resolved=d.get("date_resolved", True), evidence=evidence_from_dict(d.get("evidence")))


def position_from_dict(party: str, x: dict[str, Any]) -> Position:
    return Position(party, x["text"], x.get("kind", "statement"), x.get("speaker"),
                    evidence_from_dict(x.get("evidence")))


def item_from_dict(x: dict[str, Any]) -> BackgroundItem:
    return BackgroundItem(x["text"], evidence_from_dict(x.get("evidence")))


def quote_from_dict(q: dict[str, Any]) -> Quote:
    return Quote(q["text"], q.get("speaker"), q.get("party"), evidence_from_dict(q.get("evidence")),
                 speaker_role=q.get("speaker_role"))


def party_from_dict(d: dict[str, Any]) -> Party:
    code = d["code"]
    return Party(code, d.get("name") or code, [position_from_dict(code, x) for x in d.get("positions", [])])


def left_out_from_dict(d: dict[str, Any]) -> LeftOut:
    return LeftOut(positions=[position_from_dict(x["party"], x) for x in d.get("positions", [])],
                   quotes=[quote_from_dict(q) for q in d.get("quotes", [])],
                   background=[item_from_dict(x) for x in d.get("background", [])],
                   meetings=[meeting_from_dict(m) for m in d.get("meetings", [])],
                   sources=[source_from_dict(s) for s in d.get("sources", [])])


def briefing_from_dict(d: dict[str, Any]) -> Briefing:
    changes = d.get("changes")
    return Briefing(
        title=d.get("title", ""), as_of=date.fromisoformat(d["as_of"]), as_of_from=d.get("as_of_from", "explicit"),
        language=d.get("language", "de"),
        sources=[source_from_dict(s) for s in d.get("sources", [])],
        meetings=[meeting_from_dict(m) for m in d.get("meetings", [])],
        parties=[party_from_dict(p) for p in d.get("parties", [])],
        background=[item_from_dict(x) for x in d.get("background", [])],
        quotes=[quote_from_dict(q) for q in d.get("quotes", [])],
        key_facts=list(d.get("key_facts") or []), classification=d.get("classification"),
        warnings=list(d.get("warnings") or []), skipped=list(d.get("skipped") or []),
        changes=None if changes is None else [Change(c["kind"], c["text"]) for c in changes],
        left_out=left_out_from_dict(d.get("left_out") or {}),
    )


def read_briefing(path: Path) -> Briefing:
    """A briefing from its stored JSON file."""
    return briefing_from_dict(json.loads(path.read_text(encoding="utf-8")))
