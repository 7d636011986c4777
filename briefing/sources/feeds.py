"""Reading RSS 0.9x/1.0/2.0 and Atom feeds with feedparser: each item's link, title, author and date."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

import feedparser

from .fetch import FetchError

log = logging.getLogger(__name__)


def feed_items(body: bytes, url: str) -> list[dict]:
    """The feed's items, newest first, each {url, title, published, author}; FetchError when not a feed.

    feedparser gets bytes, never a URL, so it fetches nothing itself; relative links are read
    against the feed's own address.
    """
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.get("version"):
        raise FetchError("not_feed")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(*stamp[:3]).isoformat() if stamp else None
        items.append({"url": link, "title": entry.get("title") or "", "published": published,
                      "author": entry.get("author") or None})
    return sorted(items, key=lambda i: i["published"] or "", reverse=True)


def select_items(items: list[dict], max_items: int, max_age_days: float | None, today: date) -> list[dict]:
    """The newest ``max_items`` items, leaving out those older than ``max_age_days`` (undated ones stay)."""
    if max_age_days is not None:
        oldest = (datetime.combine(today, datetime.min.time(), UTC) - timedelta(days=max_age_days)).date()
        items = [i for i in items if not i["published"] or date.fromisoformat(i["published"]) >= oldest]
    return items[:max_items]
