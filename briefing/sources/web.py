"""Feeds and pages -> Sources, through the source cache, with every failure kept to one line.

Each URL is asked once per run, conditionally when the cache has validators. A feed that fails
gives the items it had last time; a page that fails gives its cached article. The same story
reached twice (two feeds, or a new URL with the same text) is one source. Offline, nothing is
asked: feeds and pages come from the cache alone.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from ..model import Source
from ..nlp.language import detect_language
from ..notices import say
from .cache import CachedEntry, SourceCache
from .feeds import feed_items, select_items
from .fetch import Fetcher, FetchError
from .pages import extract_article

log = logging.getLogger(__name__)


@dataclass
class WebProblem:
    """A feed or page that could not be read this run: one line in the briefing's language."""

    url: str
    kind: str
    detail: str = ""
    cached: str | None = None
    """The day of the cached copy used instead, if any."""

    def line(self, language: str) -> str:
        text = say(f"fetch_{self.kind}", language, url=self.url, detail=self.detail)
        return text + (say("fetch_cached", language, cached=self.cached) if self.cached else "")

    def __str__(self) -> str:
        return self.line("en")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    """The same words give the same hash, whatever the spacing."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def source_id(url: str) -> str:
    """A readable, stable id: the URL's last path segment and a short hash of the whole URL."""
    parts = urlsplit(url)
    last = [p for p in parts.path.split("/") if p]
    stem = re.sub(r"\.[a-z0-9]{2,5}$", "", last[-1] if last else parts.hostname or "page", flags=re.I)
    stem = re.sub(r"[^\w-]+", "-", stem).strip("-")[:40] or "page"
    return f"{stem}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:6]}"


class WebReader:
    """Reads feed and page entries for one run; ``fetcher`` None means offline."""

    def __init__(self, cache: SourceCache, fetcher: Fetcher | None, today: date) -> None:
        self.cache, self.fetcher, self.today = cache, fetcher, today
        self.problems: list[WebProblem] = []
        self._urls: set[str] = set()
        self._hashes: set[str] = set()

    def close(self) -> None:
        self.cache.close()
        if self.fetcher is not None:
            self.fetcher.close()

    def feed(self, url: str, max_items: int, max_age_days: float | None) -> list[Source]:
        items = select_items(self._feed_items(url), max_items, max_age_days, self.today)
        return [s for item in items if (s := self.page(item["url"], item)) is not None]

    def page(self, url: str, item: dict | None = None) -> Source | None:
        """The page's article as a Source; None when it fails with no cached copy, or is a duplicate."""
        if url in self._urls:
            return None
        self._urls.add(url)
        entry = self._page_entry(url, item)
        if entry is None or not entry.text or entry.content_hash in self._hashes:
            return None
        self._hashes.add(entry.content_hash)
        return as_source(entry)

    def _feed_items(self, url: str) -> list[dict]:
        cached = self.cache.get(url)
        if self.fetcher is None:
            return self._offline(url, cached).items
        try:
            got = self.fetcher.get(url, *_validators(cached))
            if got.status == 304 and cached is not None:
                self._checked(cached)
                return cached.items
            entry = CachedEntry(url, "feed", got.etag, got.last_modified, now_iso(), now_iso(),
                                content_hash=hashlib.sha256(got.body).hexdigest(), items=feed_items(got.body, got.url))
        except FetchError as e:
            return self._failed(url, "feed", e, cached).items
        self.cache.put(entry)
        return entry.items

    def _page_entry(self, url: str, item: dict | None) -> CachedEntry | None:
        cached = self.cache.get(url)
        if self.fetcher is None:
            entry = self._offline(url, cached)
            return entry if entry.text else None
        try:
            got = self.fetcher.get(url, *_validators(cached))
            if got.status == 304 and cached is not None and cached.text:
                self._checked(cached)
                return cached
            if got.status == 304:  # asked conditionally, yet nothing cached to use: ask again in full
                got = self.fetcher.get(url)
            entry = _page_from(url, got.body, got.url, item)
            entry.etag, entry.last_modified = got.etag, got.last_modified
        except FetchError as e:
            failed = self._failed(url, "page", e, cached)
            return failed if failed.text else None
        self.cache.put(entry)
        return entry

    def _checked(self, cached: CachedEntry) -> None:
        cached.checked_at, cached.last_error = now_iso(), None
        self.cache.put(cached)

    def _failed(self, url: str, kind: str, error: FetchError, cached: CachedEntry | None) -> CachedEntry:
        """Record the failure; the cached entry (or an empty one) stands in for what was not fetched."""
        entry = cached or CachedEntry(url, kind)
        usable = bool(entry.items or entry.text)
        self.problems.append(WebProblem(url, error.kind, error.detail,
                                        (entry.fetched_at or "")[:10] if usable else None))
        entry.checked_at, entry.last_error = now_iso(), str(error)
        self.cache.put(entry)
        log.warning("%s: %s", url, error)
        return entry

    def _offline(self, url: str, cached: CachedEntry | None) -> CachedEntry:
        """The cached entry; an empty one, and a problem, when the cache has nothing usable."""
        if cached is None or not (cached.text or cached.items):
            self.problems.append(WebProblem(url, "not_cached"))
            return CachedEntry(url, "page")
        log.info("%s: offline, from the cache of %s", url, cached.fetched_at)
        return cached


def _validators(cached: CachedEntry | None) -> tuple[str | None, str | None]:
    if cached is None or not (cached.text or cached.items):
        return None, None
    return cached.etag, cached.last_modified


def _page_from(url: str, body: bytes, final_url: str, item: dict | None) -> CachedEntry:
    """A cache entry for a freshly downloaded page: the page's own date first, then the feed's."""
    article = extract_article(body, final_url)
    item = item or {}
    published, published_from = article.published, "page"
    if not published and item.get("published"):
        published, published_from = item["published"], "feed"
    return CachedEntry(url, "page", checked_at=now_iso(), fetched_at=now_iso(),
                       content_hash=content_hash(article.text), title=article.title or item.get("title"),
                       author=article.author or item.get("author"), outlet=article.outlet,
                       published=published, published_from=published_from if published else "unknown",
                       text=article.text)


def as_source(entry: CachedEntry) -> Source:
    text = entry.text or ""
    language = detect_language(text)
    return Source(id=source_id(entry.url), path=None, title=entry.title or text.split("\n", 1)[0][:120],
                  body=text, language=language,
                  published=date.fromisoformat(entry.published) if entry.published else None,
                  published_from=entry.published_from or "unknown", url=entry.url,
                  outlet=entry.outlet or urlsplit(entry.url).hostname, sha256=entry.content_hash or "",
                  author=entry.author)
