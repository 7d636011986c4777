"""A real HTTP server on 127.0.0.1 for the feed and page tests, and the pages and feeds it serves.

The pages are news-like HTML written for these tests: navigation, an advertisement, the article,
reader comments and a footer. Each route answers with an ETag and honours If-None-Match, and the
server records every request (path, status, the conditional headers sent) so tests can tell what
was downloaded.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    """Seconds to wait before answering (a server that hangs)."""
    drip: float = 0.0
    """Seconds between single bytes of the body (a server that answers, but ever so slowly)."""


@dataclass
class Seen:
    path: str
    status: int
    if_none_match: str | None
    user_agent: str | None


class NewsServer:
    """Serves ``routes`` (path -> Route) until stopped; ``seen`` lists every request in order."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                server.answer(self)

            def log_message(self, *_: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True  # stopping does not wait for a hanging or dripping answer to end
        self.httpd.block_on_close = False
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> NewsServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def answer(self, h: BaseHTTPRequestHandler) -> None:
        route = self.routes.get(h.path.split("?")[0])
        if route is None:
            self._send(h, 404, {"Content-Type": "text/plain"}, b"not found")
            return
        tag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
        if route.status == 200 and h.headers.get("If-None-Match") == tag:
            self._send(h, 304, {"ETag": tag}, b"")
            return
        headers = {"Content-Type": route.content_type, **({"ETag": tag} if route.status == 200 else {}),
                   **route.headers}
        time.sleep(route.delay)
        self._send(h, route.status, headers, route.body, route.drip)

    def _send(self, h: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes,
              drip: float = 0.0) -> None:
        self.seen.append(Seen(h.path, status, h.headers.get("If-None-Match"), h.headers.get("User-Agent")))
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        if "Content-Length" not in headers:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        try:
            for piece in ([body[i:i + 1] for i in range(len(body))] if drip else [body]):
                h.wfile.write(piece)
                h.wfile.flush()
                time.sleep(drip)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: what a size cap does

    def downloads(self, since: int = 0) -> list[str]:
        """Paths answered with a body (status 200) since request number ``since``."""
        return [s.path for s in self.seen[since:] if s.status == 200]


def page(lang: str, title: str, paragraphs: list[str], meta: str = "") -> bytes:
    """A news page: navigation, an ad, the article, comments, a footer."""
    nav = {"de": ("Startseite", "Politik", "Wirtschaft", "Abo abschließen"),
           "en": ("Home", "Politics", "Business", "Subscribe")}[lang]
    ad = {"de": "ANZEIGE Jetzt drei Monate lesen für nur 1 Euro – Angebot endet bald!",
          "en": "ADVERTISEMENT Read three months for just 1 dollar – offer ends soon!"}[lang]
    comment = {"de": "Leserkommentar von Hans1957: Das glaube ich alles nicht, die lügen doch immer.",
               "en": "Reader comment by Bob1957: I do not believe a word of this, they always lie."}[lang]
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Morgenpost Test</title>{meta}
<script>window.tracking = {{"id": "TRACKER-SECRET"}};</script></head>
<body>
<header><nav class="main-nav"><ul>{''.join(f'<li><a href="/{n}">{n}</a></li>' for n in nav)}</ul></nav></header>
<aside class="ad banner"><p>{ad}</p></aside>
<main><article><h1>{title}</h1>
{body}
</article></main>
<section id="comments" class="comments"><h2>Kommentare</h2><div class="comment"><p>{comment}</p></div></section>
<footer><p>Impressum · Datenschutz · Kontakt</p></footer>
</body></html>""".encode()


DE_NATO = page("de", "Nato und Russland beraten im Nato-Russland-Rat", [
    "Die Nato und Russland wollen am 12. Januar in Brüssel im Nato-Russland-Rat über die Lage an der "
    "ukrainischen Grenze beraten. Das kündigte Generalsekretär Jens Stoltenberg am Dienstag an.",
    "Russland fordert von der Nato schriftliche Sicherheitsgarantien. Die Nato lehnt ein Ende ihrer "
    "Erweiterung ab, sagte Stoltenberg.",
], '<meta property="article:published_time" content="2022-01-04T09:30:00+01:00">'
   '<meta name="author" content="Erika Musterfrau">')

EN_IRAN = page("en", "Iran nuclear talks to resume in Vienna", [
    "Negotiators from Iran and the European Union will meet in Vienna on 10 January to resume talks on "
    "the nuclear agreement, the Iranian foreign ministry said on Wednesday.",
    "Iran demands that all sanctions be lifted before it returns to the limits of the agreement. "
    "Israel warned against any deal that leaves enrichment in place.",
], '<meta property="article:published_time" content="2022-01-05T08:00:00Z">'
   '<meta name="author" content="John Example">')

EN_UNDATED = page("en", "Foreign ministers prepare for Brussels meeting", [
    "Foreign ministers of NATO will hold a video conference on Friday to prepare the talks with Russia. "
    "The alliance rejects the demand to rule out further enlargement.",
    "Officials said the meeting would also discuss support for Ukraine, which has asked for more "
    "air defence systems.",
])

DE_SUMMIT = page("de", "EU-Gipfel zur Ukraine angesetzt", [
    "Die Staats- und Regierungschefs der EU kommen am 20. Januar in Brüssel zu einem Gipfel über die "
    "Ukraine zusammen. Das teilte Ratspräsident Charles Michel am Mittwoch mit.",
    "Die EU warnt Russland vor einem Angriff auf die Ukraine und droht mit umfassenden Sanktionen.",
], '<meta property="article:published_time" content="2022-01-05T12:00:00+01:00">')

EMPTY_PAGE = page("de", "Startseite", [])

SCRIPT_PAGE = page("en", "Russia and NATO talk in Geneva", [
    "Russia and the United States will hold talks in Geneva on 10 January, the State Department said on "
    "Monday. Moscow demands guarantees that NATO will not expand further east.",
    "<script>document.write('INJECTED SCRIPT TEXT');fetch('file:///etc/passwd');</script>"
    "Washington rejects the demand and warned Moscow against an attack on Ukraine.",
], '<meta property="article:published_time" content="2022-01-03T08:00:00Z">')


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed: items are (path, title, RFC 822 date)."""
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
                      f"<pubDate>{d}</pubDate></item>" for p, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Morgenpost Test</title>'
            f"<link>{base}/</link><description>Test feed</description>{entries}</channel></rss>").encode()


def atom(base: str, items: list[tuple[str, str, str]]) -> bytes:
    """An Atom 1.0 feed: items are (path, title, ISO date-time)."""
    entries = "".join(f'<entry><title>{t}</title><link href="{p}"/><id>{base}{p}</id>'
                      f"<updated>{d}</updated><published>{d}</published></entry>" for p, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/">'
            f"<title>World Test</title><id>{base}/atom.xml</id><updated>2022-01-05T08:00:00Z</updated>"
            f"{entries}</feed>").encode()


def gzip_bomb(megabytes: int) -> bytes:
    return gzip.compress(b"\0" * (megabytes * 1024 * 1024), compresslevel=9)


def news_routes(base: str) -> dict[str, Route]:
    """The feeds and pages every test starts from."""
    xml = "application/xml"
    return {
        "/de/nato-russland.html": Route(DE_NATO),
        "/en/iran-talks.html": Route(EN_IRAN),
        "/en/ministers.html": Route(EN_UNDATED),
        "/rss.xml": Route(rss(base, [("/de/nato-russland.html", "Nato und Russland", "Tue, 04 Jan 2022 09:30:00 +0100"),
                                     ("/en/ministers.html", "Ministers prepare", "Thu, 06 Jan 2022 07:00:00 +0000")]),
                          content_type=xml),
        "/atom.xml": Route(atom(base, [("/en/iran-talks.html", "Iran talks", "2022-01-05T08:00:00Z"),
                                       ("/de/nato-russland.html", "Nato und Russland", "2022-01-04T08:30:00Z")]),
                           content_type=xml),
    }
