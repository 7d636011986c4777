"""The HTML the PDF is printed from: section order, timeline, evidence links, metadata, changes."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

from docx import Document

from briefing.config import load_config
from briefing.model import Meeting
from briefing.render.html import css_string, render_html_text
from briefing.render.timeline import build_timeline

from .briefing_factory import make_briefing, sample_changes

SVG = "{http://www.w3.org/2000/svg}"


def _section_ids(html: str) -> list[str]:
    return re.findall(r'<section id="([a-z-]+)"', html)


def test_sections_in_order_with_changes_only_when_known():
    cfg = load_config(None)
    assert _section_ids(render_html_text(make_briefing("de"), cfg)) == [
        "key-facts", "meetings", "past-meetings", "positions", "background", "quotes", "sources"]
    html = render_html_text(make_briefing("de", changes=sample_changes("de")), cfg)
    assert _section_ids(html) == ["key-facts", "meetings", "past-meetings", "changes", "positions", "background",
                                  "quotes", "sources"]
    for kind in ("meeting-added", "meeting-moved", "meeting-dropped", "position-added"):
        assert f'class="change {kind}"' in html
    assert '<mark class="badge">Entfallen</mark> Ministertreffen in Genf' in html


def test_an_empty_change_list_says_so():
    html = render_html_text(make_briefing("en", changes=[]), load_config(None))
    assert 'id="changes"' in html and "No changes since the previous briefing." in html


def test_toc_links_every_section():
    html = render_html_text(make_briefing("de"), load_config(None))
    toc = html[html.index('<nav class="toc"'):html.index("</nav>")]
    assert re.findall(r'href="#([a-z-]+)"', toc) == _section_ids(html)


def test_evidence_markers_point_at_appendix_entries_numbered_in_reading_order():
    html = render_html_text(make_briefing("de"), load_config(None))
    markers = [int(n) for n in re.findall(r'<a href="#ev-(\d+)">', html)]
    anchors = [int(n) for n in re.findall(r'<li id="ev-(\d+)">', html)]
    assert sorted(set(markers)) == sorted(anchors) == list(range(1, max(anchors) + 1))
    first_seen = list(dict.fromkeys(markers))
    assert first_seen == sorted(first_seen)  # 1 comes first, then 2, ...
    # The same sentence cited twice keeps one number and one appendix entry.
    assert len(anchors) == len(set(anchors))
    assert '<span class="sent">Satz 2:</span> Am Sonntag und Montag' in html


def test_head_carries_pdf_metadata():
    html = render_html_text(make_briefing("de"), load_config(None))
    assert '<html lang="de">' in html
    assert "<title>Lagebild Rüstungskontrolle</title>" in html
    assert '<meta name="author" content="Referat 201">' in html
    assert '<meta name="keywords" content="RUS, USA, NATO, OSCE, UKR">' in html
    created = re.search(r'<meta name="dcterms.created" content="([^"]+)">', html).group(1)
    assert f'<meta name="dcterms.modified" content="{created}">' in html
    assert datetime.fromisoformat(created).date() == date.today()  # when the document was made


def test_pdf_and_docx_carry_the_same_kind_of_creation_date():
    from pypdf import PdfReader

    from briefing.render.docx import render_docx
    from briefing.render.pdf import render_pdf

    briefing, config = make_briefing("de"), load_config(None)
    pdf = PdfReader(io.BytesIO(render_pdf(briefing, config))).metadata
    docx = Document(io.BytesIO(render_docx(briefing, config))).core_properties
    made = [m.astimezone(UTC) if m.tzinfo else m.replace(tzinfo=UTC)
            for m in (pdf.creation_date, pdf.modification_date, docx.created, docx.modified)]
    assert all(abs((m - made[2]).total_seconds()) < 120 for m in made)
    assert made[2].date() != briefing.as_of  # not the briefing's date, the day the files were made


def test_meetings_table_has_dates_participant_names_place_and_format():
    html = render_html_text(make_briefing("de"), load_config(None))
    table = html[html.index('<table class="meetings">'):html.index("</table>")]
    assert "Sonntag, 12. – Montag, 13. März 2023" in table
    assert "Nato, Russland" in table and "Videokonferenz" in table
    assert "Ende des Monats (Datum nicht aufgelöst)" in table
    assert "Telefonat der Präsidenten" not in table  # past: in its own table below


def test_timeline_draws_dots_for_single_days_and_bars_for_ranges():
    b = make_briefing("de")
    t = build_timeline(b.upcoming, b.as_of, "de", "Zeitleiste")
    svg = ET.fromstring(t.svg)
    labels = [el.text for el in svg.iter(f"{SVG}text")]
    assert "Gespräche über Rüstungskontrolle" in labels and "Treffen des Kooperationsrats" in labels
    assert "Konsultationen mit der OSZE" not in labels  # no resolved date: table only
    assert len(list(svg.iter(f"{SVG}circle"))) == 2  # two one-day meetings
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("rx")]
    assert len(bars) == 1
    assert "Di. 7." in labels and "März 2023" in labels
    assert "12. März – 13. März: Gespräche über Rüstungskontrolle" in t.alt


def test_timeline_bar_spans_its_days():
    m = Meeting("Gipfel", date(2023, 3, 8), date(2023, 3, 10))
    t = build_timeline([m], date(2023, 3, 6), "en", "Timeline")
    svg = ET.fromstring(t.svg)
    bar = next(r for r in svg.iter(f"{SVG}rect") if r.get("rx"))
    ticks = {el.text: float(el.get("x")) for el in svg.iter(f"{SVG}text") if el.get("text-anchor") == "middle"}
    col = ticks["Tue 7"] - ticks["Mon 6"]
    left = float(bar.get("x"))
    assert abs(left - (ticks["Wed 8"] - col / 2)) < 2
    assert abs(float(bar.get("width")) - 3 * col) < 3


def test_no_timeline_without_dated_meetings():
    assert build_timeline([Meeting("X", None, None)], date(2023, 3, 6), "de", "Zeitleiste") is None
    b = make_briefing("de")
    b.meetings = []
    html = render_html_text(b, load_config(None))
    assert "<svg" not in html and "Keine anstehenden Termine gefunden." in html


def test_css_string_escapes_everything_but_letters_digits_spaces():
    assert css_string('VS "x"; } body { display: none') == (
        '"VS \\22 x\\22 \\3b  \\7d  body \\7b  display\\3a  none"')
    assert css_string("Ü</style>") == '"Ü\\3c \\2f style\\3e "'


def test_the_html_output_carries_its_stylesheet():
    from briefing.render.html import render_html

    html = render_html(make_briefing("de"), load_config(None)).decode("utf-8")
    assert 'href="briefing.css"' not in html
    assert "@page" in html and "--accent" in html


def test_an_inferred_publication_date_says_so_and_how_sure():
    cfg = load_config(None)
    html = render_html_text(make_briefing("de"), cfg)
    assert "veröffentlicht 7. März 2023 (aus dem Text erschlossen, Sicherheit 80%)" in html
    assert "veröffentlicht 6. März 2023 · " in html  # a date from front matter needs no comment
    html = render_html_text(make_briefing("en"), cfg)
    assert "published 7 March 2023 (inferred from the text, confidence 80%)" in html


def test_text_from_a_source_in_another_language_keeps_its_lang_attribute():
    english = make_briefing("en")
    english.sources[0].language = "de"  # S1 is German, the briefing English
    html = render_html_text(english, load_config(None))
    assert '<html lang="en">' in html
    assert html.count('<blockquote lang="de">') == 1  # the first quote comes from S1
    assert html.count('<blockquote lang="en">') == 1  # the second from S2
