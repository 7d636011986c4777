"""The HTTP client that fetches feeds and pages, with the limits that make it safe to point at the web.

Only http and https, checked again at every redirect (no ``file:``, no ``ftp:``, no other scheme a
``Location`` header may name); at most ``max_redirects`` hops; a time limit per request as a whole,
not only per read, so a server that drips bytes cannot hold a build; a size cap counted on the
bytes *after* decompression, so a small gzip bomb is stopped at the cap instead of filling memory;
a User-Agent that says who is asking; and ``robots.txt`` read once per host and run and obeyed.
Conditional requests (ETag, Last-Modified) let an unchanged feed or page answer 304 with no body.
"""

from __future__ import annotations

import logging
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..config import FetchConfig
from .cache import CachedEntry, SourceCache

log = logging.getLogger(__name__)

SCHEMES = ("http", "https")
AGENT_TOKEN = "briefing"
CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that could not be fetched: ``kind`` names the reason (``fetch_KIND`` in data/notices.yaml)."""

    def __init__(self, kind: str, detail: str = "") -> None:
        self.kind, self.detail = kind, detail
        super().__init__(f"{kind}: {detail}" if detail else kind)


@dataclass
class Fetched:
    url: str
    """The URL finally answered, after redirects."""
    status: int
    """200, or 304 when the cached copy is still current."""
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    location: str = ""
    """For a redirect: where it points."""


@dataclass
class Fetcher:
    """One client for a whole run: connections and each host's robots.txt are reused."""

    limits: FetchConfig = field(default_factory=FetchConfig)
    """Timeouts, size cap, redirects and User-Agent: config.yaml's `fetch:`."""
    cache: SourceCache | None = None
    """Where each host's robots.txt is kept between runs, so an unchanged one is not downloaded again."""

    def __post_init__(self) -> None:
        self._client = httpx.Client(timeout=self.limits.timeout_seconds, follow_redirects=False,
                                    headers={"User-Agent": self.limits.user_agent,
                                             "Accept-Encoding": "gzip, deflate"})
        self._robots: dict[str, RobotFileParser] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` within the limits, following redirects by hand; raises FetchError."""
        conditional = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        for _hop in range(self.limits.max_redirects + 1):
            _check_scheme(url)
            if not self._allowed(url):
                raise FetchError("robots")
            response = self._send(url, conditional)
            if response.status in (301, 302, 303, 307, 308):
                url = urljoin(url, response.location)
                continue
            return response
        raise FetchError("redirects", str(self.limits.max_redirects))

    def _send(self, url: str, headers: dict[str, str]) -> Fetched:
        deadline = time.monotonic() + self.limits.timeout_seconds
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                if r.is_redirect:
                    return Fetched(url, r.status_code, location=r.headers.get("location", ""))
                if r.status_code == 304:
                    return Fetched(url, 304, etag=r.headers.get("etag"), last_modified=r.headers.get("last-modified"))
                if r.status_code != 200:
                    raise FetchError("status", str(r.status_code))
                body = self._read(r, deadline)
                return Fetched(url, 200, body, r.headers.get("etag"), r.headers.get("last-modified"))
        except httpx.TimeoutException:
            raise FetchError("timeout", f"{self.limits.timeout_seconds:g}") from None
        except (httpx.TransportError, httpx.InvalidURL) as e:
            raise FetchError("unreachable", type(e).__name__) from None

    def _read(self, r: httpx.Response, deadline: float) -> bytes:
        cap = self.limits.max_kb * 1024
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError("too_large", str(self.limits.max_kb))
        decoder = _decoder(r.headers.get("content-encoding", "identity"))
        parts: list[bytes] = []
        size = 0
        for raw in r.iter_raw(CHUNK):
            for piece in decoder(raw, cap - size + 1):
                size += len(piece)
                if size > cap:
                    raise FetchError("too_large", str(self.limits.max_kb))
                parts.append(piece)
            if time.monotonic() > deadline:
                raise FetchError("timeout", f"{self.limits.timeout_seconds:g}")
        return b"".join(parts)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        return self._robots[origin].can_fetch(AGENT_TOKEN, url)

    def _load_robots(self, origin: str) -> RobotFileParser:
        """robots.txt as RFC 9309 reads it: missing (4xx) allows all; an error (5xx) allows nothing."""
        rules = RobotFileParser()
        try:
            text = self._robots_text(origin + "/robots.txt")
        except FetchError as e:
            if e.kind == "status" and e.detail.startswith("4"):
                rules.parse([])
                return rules
            if e.kind in ("unreachable", "timeout"):
                raise
            rules.disallow_all = True
            return rules
        rules.parse(text.splitlines())
        return rules

    def _robots_text(self, url: str) -> str:
        """The text of a robots.txt, asked conditionally when the cache has it; a redirect reads as no rules."""
        cached = self.cache.get(url) if self.cache else None
        known = cached is not None and cached.text is not None
        validators = {k: v for k, v in (("If-None-Match", cached.etag if known else None),
                                        ("If-Modified-Since", cached.last_modified if known else None)) if v}
        response = self._send(url, validators)
        if response.status == 304 and known:
            return cached.text or ""
        text = response.body.decode("utf-8", "replace") if response.status == 200 else ""
        if self.cache is not None and response.status == 200:
            now = datetime.now(UTC).isoformat(timespec="seconds")
            self.cache.put(CachedEntry(url, "robots", response.etag, response.last_modified, now, now, text=text))
        return text


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise FetchError("scheme", f"{scheme or '?'}:")


def _decoder(encoding: str):
    """A function (chunk, budget) -> pieces of decoded bytes, never much more than ``budget`` at once."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return lambda raw, budget: [raw]
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError("encoding", encoding)
    inflate = zlib.decompressobj(47 if "gzip" in encoding else zlib.MAX_WBITS)

    def decode(raw: bytes, budget: int) -> list[bytes]:
        pieces = []
        data = raw
        while data:
            try:
                piece = inflate.decompress(data, max(budget, 1))
            except zlib.error:
                raise FetchError("encoding", f"broken {encoding} data") from None
            pieces.append(piece)
            budget -= len(piece)
            if budget <= 0:
                break  # the caller refuses the page: over the cap
            data = inflate.unconsumed_tail
        return pieces

    return decode
