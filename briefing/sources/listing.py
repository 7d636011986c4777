"""`briefing sources`: every configured source with its state, from the source cache (nothing is fetched)."""

from __future__ import annotations

import logging

from ..config import Config, source_entries
from .cache import FILE, CachedEntry, SourceCache
from .folder import SUFFIXES

log = logging.getLogger(__name__)


def list_sources(config: Config) -> str:
    state = config.resolve(config.state)
    cache = SourceCache(state) if (state / FILE).is_file() else None
    lines: list[str] = []
    for entry in source_entries(config):
        if entry.folder:
            folder = config.resolve(entry.folder)
            files = [p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES] if folder.is_dir() else []
            lines.append(f"folder {folder}: {len(files)} files" if folder.is_dir() else
                         f"folder {folder}: last error: the folder does not exist")
            continue
        url = entry.feed or entry.page
        cached = cache.get(url) if cache else None
        lines.append(f"{'feed' if entry.feed else 'page'} {url}: {_state(cached)}")
        for item in (cached.items if cached and entry.feed else [])[: entry.max_items]:
            page = cache.get(item["url"]) if cache else None
            lines.append(f"  {item['url']}: {_state(page)}")
    if cache is not None:
        cache.close()
    return "\n".join(lines)


def _state(entry: CachedEntry | None) -> str:
    if entry is None or not entry.checked_at:
        return "never fetched"
    parts = [f"last fetched {entry.checked_at}"]
    if entry.kind == "feed":
        parts.append(f"{len(entry.items)} items")
    elif entry.text:
        parts.append(f"{len(entry.text.split())} words, published {entry.published or '?'} ({entry.published_from})")
    parts.append(f"last error: {entry.last_error}" if entry.last_error else "ok")
    return ", ".join(parts)
