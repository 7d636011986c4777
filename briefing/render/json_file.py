"""The briefing as JSON, the machine-readable form (see schema/briefing.schema.json)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

from ..config import Config
from ..model import Briefing, Evidence, Meeting, Position, Quote, Source
from . import register

SCHEMA_PATH = Path(__file__).parent.parent / "schema" / "briefing.schema.json"


def evidence(items: list[Evidence]) -> list[dict]:
    return [{"source": e.source, "sentence": e.sentence, "text": e.text} for e in items]


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def source_dict(s: Source) -> dict[str, Any]:
    return {"id": s.id, "title": s.title, "published": _day(s.published), "published_from": s.published_from,
            "published_confidence": s.published_confidence, "published_note": s.published_note or None,
            "language": s.language, "url": s.url, "outlet": s.outlet, "author": s.author,
            "file": s.path.name if s.path else None, "sha256": s.sha256}


def meeting_dict(m: Meeting) -> dict[str, Any]:
    return {"title": m.title, "start": _day(m.start), "end": _day(m.end), "participants": list(m.participants),
            "location": m.location, "format": m.format, "status": m.status, "date_text": m.date_text,
            "date_resolved": m.date_resolved, "evidence": evidence(m.evidence)}


def position_dict(p: Position) -> dict[str, Any]:
    return {"text": p.text, "kind": p.kind, "speaker": p.speaker, "evidence": evidence(p.evidence)}


def quote_dict(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "speaker": q.speaker, "party": q.party, "evidence": evidence(q.evidence)}


def left_out_dict(b: Briefing) -> dict[str, Any]:
    out = b.left_out
    return {"positions": [{"party": p.party, **position_dict(p)} for p in out.positions],
            "quotes": [quote_dict(q) for q in out.quotes],
            "background": [{"text": x.text, "evidence": evidence(x.evidence)} for x in out.background],
            "meetings": [meeting_dict(m) for m in out.meetings],
            "sources": [{"id": s.id, "title": s.title, "url": s.url, "file": s.path.name if s.path else None}
                        for s in out.sources]}


def briefing_dict(b: Briefing) -> dict[str, Any]:
    return {
        "title": b.title,
        "as_of": b.as_of.isoformat(),
        "as_of_from": b.as_of_from,
        "language": b.language,
        "classification": b.classification,
        "warnings": list(b.warnings),
        "skipped": list(b.skipped),
        "key_facts": list(b.key_facts),
        "sources": [source_dict(s) for s in b.sources],
        "meetings": [meeting_dict(m) for m in b.meetings],
        "parties": [{"code": p.code, "name": p.name,
                     "positions": [position_dict(x) for x in p.positions]}
                    for p in b.parties],
        "background": [{"text": x.text, "evidence": evidence(x.evidence)} for x in b.background],
        "quotes": [quote_dict(q) for q in b.quotes],
        "changes": None if b.changes is None else [dataclasses.asdict(c) for c in b.changes],
        "left_out": left_out_dict(b),
    }


@register("json", ".json", "application/json")
def render_json(briefing: Briefing, config: Config) -> bytes:
    return json.dumps(briefing_dict(briefing), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
