"""The PDF as a reader gets it: outline, TOC page numbers, tags, fonts, running marking and page count."""

from __future__ import annotations

import io
import json
import re
import subprocess

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from briefing.config import load_config
from briefing.labels import labels_for
from briefing.render.pdf import write_pdf

from .briefing_factory import make_briefing, sample_changes

SECTIONS = ("key_facts", "upcoming_meetings", "past_meetings", "changes",
            "positions", "background", "quotes", "sources")


@pytest.fixture(scope="module")
def rendered():
    b = make_briefing("de", changes=sample_changes("de"))
    # Enough background to push the briefing over several pages, so page numbers mean something.
    b.background = b.background * 12
    data, fetcher = write_pdf(b, load_config(None))
    return b, PdfReader(io.BytesIO(data)), fetcher


def _flat(outline) -> list:
    out = []
    for item in outline:
        out += _flat(item) if isinstance(item, list) else [item]
    return out


def test_outline_has_a_bookmark_per_section_in_order(rendered):
    b, reader, _ = rendered
    L = labels_for("de")
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == [L[k] for k in SECTIONS]
    nested = [item.title for item in _flat(reader.outline)]
    assert "Russland" in nested and "Nato" in nested  # parties are second-level bookmarks


def test_toc_page_numbers_are_the_pages_the_sections_start_on(rendered):
    _, reader, _ = rendered
    first = reader.pages[0].extract_text()
    toc = {}
    for item in reader.outline:
        if isinstance(item, list):
            continue
        found = re.search(re.escape(item.title) + r"[ .]*?(\d+)\s*$", first, re.M)
        assert found, f"no TOC line for {item.title!r}"
        toc[item.title] = int(found.group(1))
        assert toc[item.title] == reader.get_destination_page_number(item) + 1
    assert max(toc.values()) > 1  # the fixture really spans pages


def test_tagged_with_language_title_and_metadata(rendered):
    b, reader, _ = rendered
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == "de"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    meta = reader.metadata
    assert meta.title == b.title
    assert meta.author == "Referat 201"
    assert "7. März 2023" in meta.subject
    assert {k.strip() for k in meta["/Keywords"].split(",")} >= {"RUS", "USA", "NATO"}
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()


def _fonts(reader: PdfReader):
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font.get("/Subtype") == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            yield font


def test_every_font_is_embedded_dejavu(rendered):
    _, reader, _ = rendered
    fonts = list(_fonts(reader))
    assert fonts
    for font in fonts:
        descriptor = font["/FontDescriptor"]
        descriptor = descriptor.get_object() if isinstance(descriptor, IndirectObject) else descriptor
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
        assert "DejaVu" in font["/BaseFont"]


def test_marking_title_and_page_x_of_n_on_every_page(rendered):
    b, reader, _ = rendered
    total = len(reader.pages)
    assert total >= 3
    for n, page in enumerate(reader.pages, 1):
        text = page.extract_text()
        assert text.count(b.classification) >= 2, f"page {n}: marking not at top and bottom"
        assert f"Seite {n} von {total}" in text
        assert b.title in text


def test_evidence_markers_link_to_the_quoted_sentences(rendered):
    _, reader, _ = rendered
    dests = set(reader.named_destinations)
    assert {"ev-1", "ev-2", "key-facts", "sources"} <= dests
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    internal = [a for a in links if a.get("/Subtype") == "/Link" and "/Dest" in a]
    assert len(internal) >= 11 + 7  # eleven evidence markers and the TOC entries
    last = reader.pages[-1].extract_text() + reader.pages[-2].extract_text()
    assert "Satz 2: Am Sonntag und Montag wollen Delegationen" in last


def test_only_the_template_stylesheet_was_fetched(rendered):
    _, _, fetcher = rendered
    assert fetcher.refused == []
    assert [u.rsplit("/", 1)[-1] for u in fetcher.served] == ["briefing.css"]


def test_pdf_a3_carries_the_json_when_asked():
    b = make_briefing("en")
    data, _ = write_pdf(b, load_config(None, pdf_attach_json=True))
    reader = PdfReader(io.BytesIO(data))
    attached = reader.attachments
    assert list(attached) == ["briefing.json"]
    payload = json.loads(attached["briefing.json"][0])
    assert payload["title"] == b.title and len(payload["meetings"]) == len(b.meetings)
    assert b"pdfaid" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # level A: still tagged


def test_no_word_is_broken_by_guessed_hyphenation():
    # German patterns break compounds wrongly ("Einflusss-phäre"); lines break at spaces and written hyphens only.
    b = make_briefing("de")
    b.background[0].text = ("Die Staaten der ehemaligen sowjetischen Einflusssphäre in der Westukraine verlangen "
                            "Sicherheitsgarantien, Rüstungskontrollverhandlungen und Beobachtermissionen. ") * 6
    data, _ = write_pdf(b, load_config(None))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Einflusssphäre" in text.replace("\n", " ")
    assert "\u2010\n" not in text and "\u00ad" not in text  # no hyphen the renderer added


def _appendix_pages(padding: int) -> tuple[list[list[str]], list[str]]:
    from datetime import date
    from pathlib import Path

    from briefing.model import Evidence, Source

    b = make_briefing("de")
    b.background = b.background + [b.background[0]] * padding  # moves the page breaks through the appendix
    titles = [f"Quelle Nummer {i}: Außenminister beraten über die Lage" for i in range(40)]
    for i, title in enumerate(titles):
        sid = f"s{i:02}"
        b.sources.append(Source(sid, Path(f"/seeds/{sid}.md"), title, "", "de", date(2023, 3, 6), "front_matter",
                                outlet="Beispiel-Zeitung"))
        b.background[0].evidence += [Evidence(sid, n, f"Satz {n} der Quelle Nummer {i}.") for n in range(i % 3)]
    data, _ = write_pdf(b, load_config(None, max_sources=100))
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout
    pages = [[line.strip() for line in page.splitlines()
              if line.strip() and "DIENSTGEBRAUCH" not in line and "Seite " not in line]
             for page in text.decode("utf-8").split("\f") if page.strip()]
    return pages, titles


def test_a_source_heading_never_ends_a_page_and_the_last_page_holds_more_than_one_line():
    for padding in range(0, 24, 3):
        pages, titles = _appendix_pages(padding)
        for lines in pages[:-1]:
            assert not any(t[:20] in lines[-1] for t in titles), (padding, lines[-1])
        assert len(pages[-1]) > 2, padding
