"""Feeds and pages from a real HTTP server on 127.0.0.1: extraction, the source cache, failures, offline."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from briefing.config import load_config, source_entries
from briefing.errors import NoSourcesError
from briefing.pipeline import BuildOptions, build, build_many
from briefing.render.json_file import SCHEMA_PATH
from briefing.serialize import briefing_from_dict
from briefing.sources import gather

from .conftest import write_config
from .delivery_support import free_port
from .web_support import DE_NATO, DE_SUMMIT, EMPTY_PAGE, NewsServer, Route, rss

TODAY = date(2022, 1, 7)


@pytest.fixture
def server():
    s = NewsServer().start()
    from .web_support import news_routes

    s.routes.update(news_routes(s.base))
    yield s
    s.stop()


def config_for(tmp_path: Path, sources: list[dict], **keys):
    return load_config(write_config(tmp_path, sources=sources, **keys))


def feeds(server: NewsServer) -> list[dict]:
    return [{"feed": server.url("/rss.xml")}, {"feed": server.url("/atom.xml")}]


def read(config, offline: bool = False):
    return gather(config, source_entries(config), TODAY, offline)


def by_url(sources) -> dict:
    return {s.url.rsplit("/", 1)[1]: s for s in sources}


def test_articles_text_title_author_and_dates_are_taken_out(tmp_path, server):
    got = read(config_for(tmp_path, feeds(server)))
    assert got.problems == []
    pages = by_url(got.sources)
    assert set(pages) == {"nato-russland.html", "ministers.html", "iran-talks.html"}  # one story, two feeds: one source
    nato = pages["nato-russland.html"]
    assert nato.title == "Nato und Russland beraten im Nato-Russland-Rat"
    assert nato.author == "Erika Musterfrau" and nato.language == "de"
    assert "am 12. Januar in Brüssel im Nato-Russland-Rat" in nato.body
    for clutter in ("ANZEIGE", "Leserkommentar", "Startseite", "Impressum", "TRACKER"):
        assert clutter not in nato.body
    assert (nato.published, nato.published_from) == (date(2022, 1, 4), "page")
    iran = pages["iran-talks.html"]
    assert (iran.published, iran.published_from, iran.language) == (date(2022, 1, 5), "page", "en")
    undated = pages["ministers.html"]  # the page states no date: the feed's is taken
    assert (undated.published, undated.published_from) == (date(2022, 1, 6), "feed")
    assert all("briefing/" in (s.user_agent or "") for s in server.seen)


def test_an_rss_1_0_feed_is_read_too(tmp_path, server):
    server.routes["/rdf.xml"] = Route(f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="{server.base}/rdf.xml"><title>RDF Test</title><link>{server.base}/</link>
<description>t</description></channel>
<item rdf:about="{server.base}/en/ministers.html"><title>Ministers</title><link>{server.base}/en/ministers.html</link>
<dc:date>2022-01-06T07:00:00Z</dc:date></item></rdf:RDF>""".encode(), content_type="application/rdf+xml")
    got = read(config_for(tmp_path, [{"feed": server.url("/rdf.xml")}]))
    assert [(s.url, s.published, s.published_from) for s in got.sources] == [
        (server.url("/en/ministers.html"), date(2022, 1, 6), "feed")]


def test_a_second_run_asks_conditionally_and_downloads_nothing_unchanged(tmp_path, server):
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    config = config_for(tmp_path, feeds(server))
    first = read(config)
    mark = len(server.seen)
    second = read(config)
    asked = server.seen[mark:]
    assert server.downloads(mark) == []
    assert {s.path for s in asked} == {"/robots.txt", "/rss.xml", "/atom.xml", "/de/nato-russland.html",
                                       "/en/ministers.html", "/en/iran-talks.html"}
    assert all(s.if_none_match and s.status == 304 for s in asked)
    assert [(s.id, s.body, s.published) for s in second.sources] == [(s.id, s.body, s.published) for s in first.sources]


def test_the_same_text_under_a_new_url_is_one_source(tmp_path, server):
    server.routes["/2022/republished.html"] = Route(DE_NATO)
    got = read(config_for(tmp_path, [{"feed": server.url("/rss.xml")},
                                     {"page": server.url("/2022/republished.html")}]))
    assert [s.url.rsplit("/", 1)[1] for s in got.sources] == ["ministers.html", "nato-russland.html"]


def test_max_items_and_max_age_days_choose_the_newest_items(tmp_path, server):
    newest = read(config_for(tmp_path, [{"feed": server.url("/rss.xml"), "max_items": 1}]))
    assert [s.url.rsplit("/", 1)[1] for s in newest.sources] == ["ministers.html"]
    recent = read(config_for(tmp_path, [{"feed": server.url("/rss.xml"), "max_age_days": 2}]))
    assert [s.url.rsplit("/", 1)[1] for s in recent.sources] == ["ministers.html"]


def test_failures_give_one_line_each_in_the_briefings_language_and_the_rest_builds(tmp_path, server):
    server.routes["/not-a-feed.xml"] = Route(b"<html><body><p>Wartungsarbeiten</p></body></html>")
    server.routes["/empty.html"] = Route(EMPTY_PAGE)
    server.routes["/huge.html"] = Route(b"<html><body>" + b"<p>Nato Russland</p>" * 40_000 + b"</body></html>")
    down = f"http://127.0.0.1:{free_port()}/feed.xml"
    bad = {down: "nicht erreichbar", server.url("/missing.xml"): "HTTP-Status 404",
           server.url("/not-a-feed.xml"): "kein RSS- oder Atom-Feed",
           server.url("/empty.html"): "kein Artikeltext", server.url("/huge.html"): "größer als 256 kB"}
    sources = [{"feed": server.url("/rss.xml")}, {"feed": down}, {"feed": server.url("/missing.xml")},
               {"feed": server.url("/not-a-feed.xml")}, {"page": server.url("/empty.html")},
               {"page": server.url("/huge.html")}]
    config = config_for(tmp_path, sources, language="de", fetch={"max_kb": 256, "timeout_seconds": 5})
    result = build(config, today=TODAY, write=False)
    for url, says in bad.items():
        lines = [w for w in result.briefing.warnings if w.startswith(url + ":")]
        assert len(lines) == 1 and says in lines[0], (url, result.briefing.warnings)
    assert len([w for w in result.briefing.warnings if w.startswith("http")]) == len(bad)
    assert {s.url for s in result.briefing.sources} == {server.url("/de/nato-russland.html"),
                                                        server.url("/en/ministers.html")}


def test_a_hanging_server_and_a_dripping_one_each_end_at_the_time_limit(tmp_path, server):
    server.routes["/slow.xml"] = Route(b"<rss/>", delay=3.0)
    server.routes["/drip.html"] = Route(b"<p>" + b"x" * 60 + b"</p>", drip=0.05)  # each byte in time, the whole late
    config = config_for(tmp_path, [{"feed": server.url("/slow.xml")}, {"page": server.url("/drip.html")}],
                        fetch={"timeout_seconds": 1})
    got = read(config)
    assert [(p.url.removeprefix(server.base), p.kind, str(p)) for p in got.problems] == [
        ("/slow.xml", "timeout", f"{server.url('/slow.xml')}: no complete answer within 1 s"),
        ("/drip.html", "timeout", f"{server.url('/drip.html')}: no complete answer within 1 s")]
    assert got.sources == []


def test_a_source_that_fails_later_is_built_from_its_cached_copy(tmp_path, server):
    config = config_for(tmp_path, [{"page": server.url("/de/nato-russland.html")}])
    build(config, today=TODAY, write=False)
    server.routes["/de/nato-russland.html"] = Route(b"oops", status=500)
    result = build(config, today=TODAY, write=False)
    assert [s.url for s in result.briefing.sources] == [server.url("/de/nato-russland.html")]
    line = [w for w in result.briefing.warnings if w.startswith("http")]
    assert len(line) == 1 and "HTTP-Status 500" in line[0] and "verwendet wird der Stand vom" in line[0]


def test_offline_builds_from_the_cache_alone(tmp_path, server):
    config = config_for(tmp_path, feeds(server), formats=["json"])
    online = build(config, today=TODAY, out=tmp_path / "online")
    server.stop()
    offline = build(config, today=TODAY, out=tmp_path / "offline", offline=True)
    assert [s.id for s in offline.briefing.sources] == [s.id for s in online.briefing.sources]
    assert not [w for w in offline.briefing.warnings if w.startswith("http")]
    strip = lambda p: {k: v for k, v in json.loads(p.read_text()).items() if k != "warnings"}  # noqa: E731
    assert strip(offline.paths[0]) == strip(online.paths[0])


def test_offline_with_nothing_cached_says_so_and_builds_nothing(tmp_path, server):
    config = config_for(tmp_path, [{"feed": server.url("/rss.xml")}])
    with pytest.raises(NoSourcesError, match="not in the cache"):
        build(config, today=TODAY, write=False, offline=True)
    assert server.seen == []


def test_a_new_item_appears_in_the_next_build_and_in_what_changed(tmp_path, server):
    config = config_for(tmp_path, [{"feed": server.url("/rss.xml")}], as_of="2022-01-07")
    first = build(config, today=TODAY, formats=["json"], out=tmp_path / "1")
    previous = briefing_from_dict(json.loads(first.paths[0].read_text(encoding="utf-8")))
    server.routes["/de/eu-gipfel.html"] = Route(DE_SUMMIT)
    server.routes["/rss.xml"] = Route(rss(server.base, [
        ("/de/eu-gipfel.html", "EU-Gipfel", "Wed, 05 Jan 2022 12:00:00 +0100"),
        ("/de/nato-russland.html", "Nato und Russland", "Tue, 04 Jan 2022 09:30:00 +0100"),
        ("/en/ministers.html", "Ministers prepare", "Thu, 06 Jan 2022 07:00:00 +0000")]),
        content_type="application/xml")
    mark = len(server.seen)
    second = build(config, today=TODAY, formats=["json"], out=tmp_path / "2", previous=previous)
    assert server.downloads(mark) == ["/rss.xml", "/de/eu-gipfel.html"]  # the old items are not downloaded again
    assert server.url("/de/eu-gipfel.html") in {s.url for s in second.briefing.sources}
    added = [c.text for c in second.briefing.changes if c.kind == "meeting_added"]
    assert any("Gipfel" in text and "20. Januar 2022" in text for text in added), second.briefing.changes


def test_two_briefings_from_one_config_each_get_their_sources(tmp_path, server):
    briefings = [{"id": "russland-nato", "title": "Lagebild Russland – Nato", "parties": ["RUS", "NATO"]},
                 {"id": "nahost", "title": "Lagebild Nahost", "language": "en", "parties": ["ISR", "IRN"],
                  "keywords": ["enrichment"]}]
    config = config_for(tmp_path, feeds(server), briefings=briefings, formats=["json"])
    results = build_many(config, None, BuildOptions(today=TODAY))
    got = {r.briefing_id: r for r in results}
    pages = lambda r: {s.url.rsplit("/", 1)[1] for s in r.briefing.sources}  # noqa: E731
    assert pages(got["russland-nato"]) == {"nato-russland.html", "ministers.html"}
    assert pages(got["nahost"]) == {"iran-talks.html"}
    assert [p.name for p in got["nahost"].paths] == ["nahost-2022-01-06.json"]  # as_of: the newest source's day
    data = json.loads(got["nahost"].paths[0].read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert data["title"] == "Lagebild Nahost" and data["language"] == "en"
    assert {s["id"] for s in data["sources"] if s["left_out"]} == {s.id for s in got["russland-nato"].briefing.sources}
    assert data["left_out"]["sources"] == 2
    only = build_many(config, ["nahost"], BuildOptions(today=TODAY, write=False))
    assert [r.briefing_id for r in only] == ["nahost"]


def test_hostile_pages_are_refused_with_one_line_each(tmp_path, server):
    from .web_support import SCRIPT_PAGE, gzip_bomb

    server.routes.update({
        "/to-file": Route(status=302, headers={"Location": "file:///etc/passwd"}),
        "/to-ftp": Route(status=301, headers={"Location": "ftp://127.0.0.1/pub/article.html"}),
        "/loop": Route(status=302, headers={"Location": "/loop"}),
        "/bomb.html": Route(gzip_bomb(64), headers={"Content-Encoding": "gzip"}),
        "/huge.html": Route(b"<p>" + b"x" * (3 * 1024 * 1024) + b"</p>"),
        "/script.html": Route(SCRIPT_PAGE),
    })
    hostile = {"/to-file": "scheme", "/to-ftp": "scheme", "/loop": "redirects", "/bomb.html": "too_large",
               "/huge.html": "too_large"}
    config = config_for(tmp_path, [{"page": server.url(p)} for p in [*hostile, "/script.html"]],
                        fetch={"max_kb": 512, "max_redirects": 4})
    got = read(config)
    assert {p.url.removeprefix(server.base): p.kind for p in got.problems} == hostile
    assert len(got.problems) == len(hostile)
    assert [s.url for s in got.sources] == [server.url("/script.html")]
    assert "INJECTED" not in got.sources[0].body and "TRACKER" not in got.sources[0].body
    assert "root:" not in got.sources[0].body
    assert len([s for s in server.seen if s.path == "/loop"]) == 5  # the first ask and 4 redirects, no more
    assert any("file:" in str(p) for p in got.problems)


def test_a_start_url_that_is_not_http_is_refused_by_the_config(tmp_path):
    from briefing.errors import ConfigError

    with pytest.raises(ConfigError, match=r"sources\[0\]\.page.*expected an http or https URL"):
        load_config(write_config(tmp_path, sources=[{"page": "file:///etc/passwd"}]))
    with pytest.raises(ConfigError, match=r"'sources\[0\]': expected exactly one of folder, feed, page, found feed"):
        load_config(write_config(tmp_path, sources=[{"feed": "http://a.example/f", "page": "http://a.example/p"}]))


def test_robots_txt_is_respected(tmp_path, server):
    server.routes["/robots.txt"] = Route(b"User-agent: briefing\nDisallow: /de/\n", content_type="text/plain")
    got = read(config_for(tmp_path, [{"feed": server.url("/rss.xml")}]))
    assert [p.kind for p in got.problems] == ["robots"]
    assert [s.url.rsplit("/", 1)[1] for s in got.sources] == ["ministers.html"]
    assert "/de/nato-russland.html" not in [s.path for s in server.seen]


def test_briefing_sources_lists_each_source_with_its_state(tmp_path, server, capsys):
    from briefing.__main__ import main

    path = write_config(tmp_path, sources=[{"feed": server.url("/rss.xml")}, {"page": server.url("/gone.html")}])
    assert main(["--config", str(path), "sources"]) == 0
    assert "never fetched" in capsys.readouterr().out
    read(load_config(path))
    assert main(["--config", str(path), "sources"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"feed {server.url('/rss.xml')}: last fetched ") and "2 items" in out[0]
    assert out[1].startswith(f"  {server.url('/en/ministers.html')}: last fetched ") and out[1].endswith("ok")
    assert "published 2022-01-06 (feed)" in out[1]
    assert out[-1].startswith(f"page {server.url('/gone.html')}: ") and out[-1].endswith("last error: status: 404")


def test_a_scheduled_job_sends_the_briefing_it_names(tmp_path, server):
    from briefing.scheduler.tables import run_job_now

    from .delivery_support import folder_of, ledger_of, make_project

    briefings = [{"id": "russland-nato", "parties": ["RUS", "NATO"]},
                 {"id": "nahost", "title": "Lagebild Nahost", "parties": ["IRN"]}]
    path = make_project(tmp_path, job={"briefing": "nahost", "formats": ["json"]}, briefings=briefings,
                        sources=feeds(server))
    assert run_job_now(load_config(path), "daily") == 0
    run = ledger_of(path).runs("daily")[0]
    stored = [p.name for p in folder_of(path).run_dir(run.id).glob("*.json")]
    assert stored == ["nahost-2022-01-07.json"]
    data = json.loads((folder_of(path).run_dir(run.id) / stored[0]).read_text(encoding="utf-8"))
    assert data["title"] == "Lagebild Nahost"
    assert [s["url"] for s in data["sources"] if not s["left_out"]] == [server.url("/en/iran-talks.html")]
    assert list((tmp_path / "delivered" / "daily").rglob("nahost-2022-01-07.json"))


def test_a_failed_source_is_a_line_in_the_docx_and_pdf_and_on_the_command_line(tmp_path, server, capsys):
    import docx
    import pypdf

    from briefing.__main__ import main

    path = write_config(tmp_path, language="en", formats=["docx", "json", "pdf"],
                        sources=[{"page": server.url("/en/iran-talks.html")}, {"page": server.url("/gone.html")}])
    assert main(["--config", str(path), "build"]) == 0
    out, err = capsys.readouterr()
    line = f"{server.url('/gone.html')}: the server answered with HTTP status 404"
    assert f"warning: {line}\n" in err
    document = docx.Document(next(p for p in out.split() if p.endswith(".docx")))
    texts = [p.text for p in document.paragraphs]
    assert texts.index(line) > texts.index("Sources")
    pdf = pypdf.PdfReader(next(p for p in out.split() if p.endswith(".pdf")))
    assert "HTTP status 404" in " ".join(page.extract_text() for page in pdf.pages)
    server.stop()
    assert main(["--config", str(path), "build", "--offline"]) == 0
    err = capsys.readouterr().err
    assert f"{server.url('/gone.html')}: not in the cache (built offline)" in err
