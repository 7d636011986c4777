"""What the builder finds in each source, sentence by sentence (`briefing inspect`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from .dates import settle_dates
from .nlp.annotate import annotate
from .sources import SeedUnreadable, read_source


def inspect_files(paths: list[Path], as_of: str | None = None,
                  extra_aliases: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """One report per file, in order: sentences, temporal expressions, actors, quotes."""
    reports = []
    for path in paths:
        try:
            source = read_source(path)
        except SeedUnreadable as e:
            reports.append({"file": str(path), "error": str(e), "sentences": [], "timexes": []})
            continue
        settle_dates([source], as_of or "latest-source", date.today())
        a = annotate(source, extra_aliases)
        reports.append({
            "file": str(path),
            "language": source.language,
            "published": source.published.isoformat() if source.published else None,
            "published_from": source.published_from,
            "sentences": [{"n": s.index, "start": s.start, "end": s.end, "text": s.text, "heading": s.heading}
                          for s in a.sentences],
            "timexes": [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
                         "sentence": t.sentence, "direction": t.direction, "resolved": t.resolved,
                         "anchor": t.anchor, "mod": t.mod} for t in a.timexes],
            "actors": [{"start": m.start, "end": m.end, "text": m.text, "party": m.party, "kind": m.kind,
                        "sentence": m.sentence} for m in a.actors],
            "quotes": [{"text": q.text, "speaker": q.speaker, "party": q.party} for q in a.quotes],
            "positions": [{"party": p.party, "kind": p.kind, "text": p.text} for p in a.positions],
            "meetings": [{"title": m.title, "start": m.start and m.start.isoformat(),
                          "end": m.end and m.end.isoformat(), "participants": m.participants,
                          "location": m.location, "status": m.status} for m in a.meetings],
        })
    return reports


def as_text(reports: list[dict[str, Any]]) -> str:
    lines: list[str] = []
    for r in reports:
        lines.append(f"== {r['file']}  language={r.get('language')} published={r.get('published')} "
                     f"({r.get('published_from')})")
        if r.get("error"):
            lines.append(f"   error: {r['error']}")
            continue
        for s in r["sentences"]:
            lines.append(f"[{s['n']}]{' (heading)' if s['heading'] else ''} {s['text']}")
            for t in r["timexes"]:
                if t["sentence"] == s["n"]:
                    lines.append(f"    time  {t['text']!r} {t['type']} {t['value']} {t['direction'] or ''}")
            for m in r["actors"]:
                if m["sentence"] == s["n"]:
                    lines.append(f"    actor {m['text']!r} -> {m['party']} ({m['kind']})")
        for q in r["quotes"]:
            lines.append(f"  quote {q['party']} {q['speaker']}: {q['text']}")
        for p in r["positions"]:
            lines.append(f"  position {p['party']} {p['kind']}: {p['text']}")
        for m in r["meetings"]:
            lines.append(f"  meeting {m['start']}..{m['end']} {m['title']} {m['participants']} {m['location']} "
                         f"{m['status']}")
    return "\n".join(lines)
