"""Every label, heading and date in the briefing's language (German or English)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from briefing.config import load_config
from briefing.data import load_data
from briefing.labels import date_pattern, format_day, format_range, labels_for
from briefing.render.docx import render_docx
from briefing.render.html import render_html_text
from briefing.render.pdf import write_pdf

from .briefing_factory import make_briefing, sample_changes


def test_every_label_exists_in_both_languages():
    for key, entry in load_data("labels").items():
        assert set(entry) >= {"de", "en"}, key
        assert all(isinstance(v, str) and v for v in entry.values()), key


@pytest.mark.parametrize(("lang", "full", "long"), [
    ("de", "Mittwoch, 12. Januar 2022", "12. Januar 2022"),
    ("en", "Wednesday, 12 January 2022", "12 January 2022"),
])
def test_dates_by_babel(lang, full, long):
    assert format_day(date(2022, 1, 12), lang) == full
    assert format_day(date(2022, 1, 12), lang, "long") == long
    assert format_range(date(2022, 1, 12), date(2022, 1, 12), lang) == full


@pytest.mark.parametrize("lang", ["de", "en"])
def test_html_speaks_one_language(lang):
    html = render_html_text(make_briefing(lang, changes=sample_changes(lang)), load_config(None))
    L = labels_for(lang)
    other = labels_for("en" if lang == "de" else "de")
    for key in ("key_facts", "upcoming_meetings", "changes", "positions", "background", "quotes", "sources",
                "contents", "date", "participants", "change_meeting_dropped", "kind_demand"):
        assert f">{L[key]}<" in html, key
        assert f">{other[key]}<" not in html or L[key] == other[key], key
    assert f'<html lang="{lang}">' in html
    if lang == "de":
        assert "Dienstag, 7. März 2023" in html and "Sonntag, 12. – Montag, 13. März 2023" in html
        assert "Videokonferenz" in html and "Nato, Russland" in html
    else:
        assert "Tuesday, 7 March 2023" in html and "Sunday, 12 – Monday, 13 March 2023" in html
        assert "video conference" in html and "NATO, Russia" in html
        assert "Dienstag" not in html and "März" not in html


def test_switching_the_language_switches_the_pdf_footer_and_the_docx():
    cfg = load_config(None)
    data, _ = write_pdf(make_briefing("en"), cfg)
    reader = PdfReader(io.BytesIO(data))
    n = len(reader.pages)
    first = reader.pages[0].extract_text()
    assert f"Page 1 of {n}" in first and "RESTRICTED" in first and "As of 7 March 2023" in first
    assert "Seite" not in first
    assert reader.trailer["/Root"]["/Lang"] == "en"
    doc = Document(io.BytesIO(render_docx(make_briefing("en"), cfg)))
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"][:2] == ["Key facts", "Upcoming meetings"]
    assert "Page" in doc.sections[0].footer.paragraphs[0].text
    assert doc.core_properties.language == "en-GB"
    assert doc.tables[0].rows[1].cells[0].text.replace("\u2009", " ") == "Sun, 12 Mar – Mon, 13 Mar 2023"


def test_warnings_are_in_the_briefings_language_with_a_notice_under_the_title(tmp_path):
    from briefing.config import load_config
    from briefing.pipeline import build
    from briefing.render.html import render_html_text

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Minister treffen sich\n\nDie Minister wollen am Freitag in Rom beraten.\n",
                                 encoding="utf-8")
    (seeds / "b.txt").write_bytes(b"\x00binary")
    config = load_config(None, as_of="today")
    for language, skipped, notice in (("de", "übersprungen: b.txt: Binärdatei", "Hinweis: 3 Einschränkungen"),
                                      ("en", "skipped b.txt: binary file", "Note: 3 limitations")):
        b = build(config, seeds=seeds, formats=["html"], as_of="latest-source", language=language,
                  write=False).briefing
        assert b.skipped[0].startswith(skipped)
        html = render_html_text(b, config)
        assert notice in html[:html.index("</header>")] and 'id="warnings"' in html
    assert b.warnings == ["a: no publication date given or inferable; its relative dates are left unresolved",
                          "no source has a date: the briefing is dated today"]


def test_date_patterns_and_quotation_marks_are_data_for_every_language():
    """Adding a language is a data change: every date form and both quotation marks are labels."""
    table = load_data("labels")
    languages = set(table["as_of"])
    for key in ("date_full", "date_long", "date_short", "date_weekday_day", "date_tick", "date_day_month",
                "quote_open", "quote_close"):
        assert set(table[key]) == languages, key
    assert date_pattern("de", "tick") == "EEEEEE d."
    assert format_day(date(2022, 1, 12), "de") == "Mittwoch, 12. Januar 2022"
    assert format_day(date(2022, 1, 12), "en", "long") == "12 January 2022"
