"""The briefing as JSON, the machine-readable form (see schema/briefing.schema.json)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

from ..config import Config
from ..model import Briefing, Evidence, Meeting, Source
from . import register

SCHEMA_PATH = Path(__file__).parent.parent / "schema" / "briefing.schema.json"


def evidence(items: list[Evidence]) -> list[dict]:
    return [{"source": e.source, "sentence": e.sentence, "text": e.text} for e in items]


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def source_dict(s: Source) -> dict[str, Any]:
    return {"id": s.id, "title": s.title, "published": _day(s.published), "published_from": s.published_from,
            "published_confidence": s.published_confidence, "published_note": s.published_note or None,
            "language": s.language, "url": s.url, "outlet": s.outlet, "file": s.path.name, "sha256": s.sha256}


def meeting_dict(m: Meeting) -> dict[str, Any]:
    return {"title": m.title, "start": _day(m.start), "end": _day(m.end), "participants": list(m.participants),
            "location": m.location, "format": m.format, "status": m.status, "date_text": m.date_text,
            "date_resolved": m.date_resolved, "evidence": evidence(m.evidence)}


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
                     "positions": [{"text": x.text, "kind": x.kind, "speaker": x.speaker,
                                    "evidence": evidence(x.evidence)} for x in p.positions]}
                    for p in b.parties],
        "background": [{"text": x.text, "evidence": evidence(x.evidence)} for x in b.background],
        "quotes": [{"text": q.text, "speaker": q.speaker, "speaker_role": q.speaker_role, "party": q.party,
                    "evidence": evidence(q.evidence)}
                   for q in b.quotes],
        "changes": None if b.changes is None else [dataclasses.asdict(c) for c in b.changes],
    }


@register("json", ".json", "application/json")
def render_json(briefing: Briefing, config: Config) -> bytes:
    return json.dumps(briefing_dict(briefing), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
