"""The DOCX: built-in styles, fields, hyperlinks, comments, core properties, reference document, LibreOffice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor
from pypdf import PdfReader

from briefing.config import load_config
from briefing.errors import RenderError
from briefing.labels import labels_for
from briefing.render.docx import render_docx

from .briefing_factory import make_briefing, sample_changes

SECTIONS = ("key_facts", "upcoming_meetings", "past_meetings", "changes", "positions", "background", "quotes",
            "sources")


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return render_docx(make_briefing("de", changes=sample_changes("de")), load_config(None))


@pytest.fixture(scope="module")
def doc(docx_bytes):
    return Document(io.BytesIO(docx_bytes))


def _instructions(element) -> list[str]:
    return [t.text.strip() for t in element.iter(qn("w:instrText"))]


def test_sections_in_order_on_heading_styles(doc):
    L = labels_for("de")
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1 == [L[k] for k in SECTIONS]
    h2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert "Russland (RUS)" in h2 and "USA" in h2  # a name that is its code is not doubled: no "USA (USA)"
    assert not any("(USA)" in h or "(NATO)" in h for h in h2) and "Zurückliegende Termine" not in h2


def test_uses_the_built_in_styles(doc):
    used = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "List Number", "Quote", "Caption",
            "TOC Heading"} <= used
    assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text == "Lagebild Rüstungskontrolle"
    quotes = [p.text for p in doc.paragraphs if p.style.name == "Quote"]
    assert quotes[0].startswith("„Wir erwarten klare Antworten") and "Sergej Beispielow, Russland" in quotes[0]


def test_meeting_tables_have_a_table_style_and_a_repeating_header_row(doc):
    assert len(doc.tables) == 2  # upcoming and past
    for table in doc.tables:
        assert table.style.name == "Light List Accent 1"
        first = table.rows[0]._tr.trPr
        assert first is not None and first.find(qn("w:tblHeader")) is not None
        assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in table.rows[1:])
    header = [c.text for c in doc.tables[0].rows[0].cells]
    assert header == ["Datum", "Termin", "Teilnehmer", "Ort", "Format"]
    assert doc.tables[0].rows[1].cells[0].text.replace("\u2009", " ") == "So., 12. – Mo., 13. März 2023"  # fits


def test_contents_link_each_heading_with_a_page_field(doc):
    body = doc.element.body
    marks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    entries = [p for p in doc.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    for entry in entries:
        (link,) = entry._p.iter(qn("w:hyperlink"))
        anchor = link.get(qn("w:anchor"))
        assert anchor in marks and _instructions(link) == [f"PAGEREF {anchor} \\h"]
        assert entry.text.rsplit("\t", 1)[1].isdigit()  # a page number is shown before any update
    # No update on open: Word would first ask whether to update fields that "may refer to other files".
    assert doc.settings.element.find(qn("w:updateFields")) is None


def test_header_and_footer_carry_marking_and_page_fields(doc):
    section = doc.sections[0]
    assert "VS – NUR FÜR DEN DIENSTGEBRAUCH" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]
    assert "VS – NUR FÜR DEN DIENSTGEBRAUCH" in footer.text and "Seite" in footer.text and "von" in footer.text
    assert _instructions(footer._p) == ["PAGE", "NUMPAGES"]
    kinds = [f.get(qn("w:fldCharType")) for f in footer._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2


def test_source_url_is_a_hyperlink_and_markers_link_to_bookmarks(doc):
    external = [r.target_ref for r in doc.part.rels.values() if r.is_external]
    assert external == ["https://news.example.org/wien-gespraeche"]
    body = doc.element.body
    anchors = {h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink")) if h.get(qn("w:anchor"))}
    marks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert anchors and anchors <= marks and "ev_1" in marks


def test_core_properties(doc):
    props = doc.core_properties
    assert props.title == "Lagebild Rüstungskontrolle"
    assert props.author == "Referat 201"
    assert props.subject.endswith("Stand 7. März 2023")
    assert props.language == "de-DE"
    assert set(props.keywords.split(", ")) >= {"RUS", "USA", "NATO"}
    assert props.created is not None


def test_timeline_picture_has_alt_text(doc):
    assert len(doc.inline_shapes) == 1
    doc_pr = doc.inline_shapes[0]._inline.docPr
    assert doc_pr.get("descr").startswith("Zeitleiste der anstehenden Termine: 10. März: Sondersitzung")
    assert not list(doc.element.body.iter("{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}txbx"))


def test_changes_are_highlighted_by_named_styles(doc):
    start = next(i for i, p in enumerate(doc.paragraphs)
                 if p.text == "Was sich geändert hat" and p.style.name == "Heading 1")
    items = doc.paragraphs[start + 1:start + 5]
    assert [p.runs[0].text for p in items] == ["Neuer Termin", "Verlegt", "Entfallen", "Neue Position"]
    assert all(p.runs[0].style.font.highlight_color is not None for p in items)
    assert all(p.runs[0].font.highlight_color is None for p in items)  # no direct formatting


def test_labels_speakers_and_sources_are_named_styles_not_direct_formatting(doc):
    styled: dict[str, list] = {}
    for p in doc.paragraphs:
        for run in p.runs:
            styled.setdefault(run.style.name, []).append(run)
            assert run.bold is None and run.italic is None and run.font.color.rgb is None and run.font.size is None
    assert {"Briefing Label", "Briefing Speaker", "Briefing Source Title", "Briefing Marking"} <= set(styled)
    assert any(r.text.startswith("Forderung") for r in styled["Briefing Label"])
    assert any(r.text == "Sergej Beispielow" for r in styled["Briefing Speaker"])
    citations = [p for p in doc.paragraphs if p.style.name == "Briefing Citation"]
    assert citations and citations[0].text.startswith("[")
    assert doc.styles["Briefing Label"].font.bold and doc.styles["Briefing Citation"].font.size is not None


def test_text_from_a_source_in_another_language_keeps_its_language():
    english = make_briefing("en")
    english.sources[0].language = "de"  # the first source is German; the briefing is English
    doc = Document(io.BytesIO(render_docx(english, load_config(None))))
    langs = {r._r.rPr.find(qn("w:lang")).get(qn("w:val")) for p in doc.paragraphs for r in p.runs
             if r._r.rPr is not None and r._r.rPr.find(qn("w:lang")) is not None}
    assert langs == {"de-DE"}


def test_comments_give_a_short_source_reference_and_can_be_switched_off(doc):
    comments = list(doc.comments)
    assert comments and {c.author for c in comments} == {"briefing"}
    assert any(c.text.endswith("Satz 3") and c.text.startswith("[") for c in comments)
    assert all(len(line) < 80 for c in comments for line in c.text.splitlines())
    quiet = Document(io.BytesIO(render_docx(make_briefing("de"), load_config(None, docx_comments=False))))
    assert len(list(quiet.comments)) == 0


def _reference(path: Path) -> Path:
    ref = Document()
    h1 = ref.styles["Heading 1"]
    h1.font.name, h1.font.color.rgb = "DejaVu Serif", RGBColor(0xAA, 0x11, 0x22)
    ref.sections[0].left_margin = Cm(3.5)
    ref.sections[0].header.paragraphs[0].text = "Logo of the office"
    ref.add_paragraph("This text of the reference document must not appear.")
    ref.save(path)
    return path


def test_reference_document_gives_styles_page_setup_and_header_art(tmp_path):
    ref = _reference(tmp_path / "ref.docx")
    cfg = load_config(None, reference_docx=str(ref))
    out = Document(io.BytesIO(render_docx(make_briefing("en"), cfg)))
    h1 = out.styles["Heading 1"]
    assert h1.font.name == "DejaVu Serif" and h1.font.color.rgb == RGBColor(0xAA, 0x11, 0x22)
    assert round(out.sections[0].left_margin.cm, 2) == 3.5
    texts = [p.text for p in out.paragraphs]
    assert "This text of the reference document must not appear." not in texts
    assert texts[0] == "Arms control briefing"
    header = [p.text for p in out.sections[0].header.paragraphs]
    assert header[0] == "Logo of the office" and "RESTRICTED" in header[1]


def test_reference_docx_in_the_template_folder_is_used(tmp_path):
    (tmp_path / "tpl").mkdir()
    _reference(tmp_path / "tpl" / "reference.docx")
    out = Document(io.BytesIO(render_docx(make_briefing("de"), load_config(None, templates=str(tmp_path / "tpl")))))
    assert round(out.sections[0].left_margin.cm, 2) == 3.5


def test_missing_reference_docx_is_a_user_error(tmp_path):
    with pytest.raises(RenderError, match="does not exist"):
        render_docx(make_briefing("de"), load_config(None, reference_docx=str(tmp_path / "nope.docx")))


@pytest.mark.slow
def test_libreoffice_opens_it_with_page_numbers_in_the_contents(docx_bytes, tmp_path):
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    src = tmp_path / "briefing.docx"
    src.write_bytes(docx_bytes)
    profile = (tmp_path / "lo-profile").as_uri()
    run = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                          "--outdir", str(tmp_path), str(src)], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    reader = PdfReader(tmp_path / "briefing.pdf")
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    text = " ".join(pages)
    L = labels_for("de")
    for key in SECTIONS:
        assert L[key] in text
    for party in ("Russland (RUS)", "Nato"):
        assert party in text
    assert "USA (USA)" not in text
    assert "VS – NUR FÜR DEN DIENSTGEBRAUCH" in text
    assert f"Seite {len(reader.pages)} von {len(reader.pages)}" in text  # the fields were computed
    # The contents give each heading's real page, computed by LibreOffice, without an update.
    lines = subprocess.run(["pdftotext", "-layout", str(tmp_path / "briefing.pdf"), "-"], capture_output=True,
                           text=True, check=True).stdout.split("\f")
    contents = {m.group(1).strip(): int(m.group(2)) for m in re.finditer(r"^(\S[^.\n]*?)\.{3,}\s*(\d+)\s*$",
                                                                          lines[0], re.M)}
    assert L["sources"] in contents and L["quotes"] in contents
    for heading, page in contents.items():
        assert heading in lines[page - 1], (heading, page)
    assert contents[L["sources"]] > 1
    # The date column holds a two-day range on two lines at most: its year is on the line after its start.
    layout = "".join(lines).replace("\u2009", " ").splitlines()
    start = next(i for i, line in enumerate(layout) if "So., 12." in line)
    assert "2023" in layout[start] or "2023" in layout[start + 1]


def _heading_pages_in_pdf(pdf: Path, headings: list[str]) -> dict[str, int]:
    """The page each heading stands on as a line of its own, searched in document order."""
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    lines = [{line.strip() for line in page.splitlines()} for page in pages]
    found, page = {}, 0
    for heading in headings:
        while page < len(lines) and heading not in lines[page]:
            page += 1
        found[heading] = page + 1
    return found


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["de", "en"])
def test_stored_contents_pages_are_the_pages_libreoffice_lays_the_headings_on(lang, tmp_path):
    """Word shows the page numbers stored in the contents until fields are updated, so they must be
    the real ones; LibreOffice's layout stands in for Word's."""
    data = render_docx(make_briefing(lang, changes=sample_changes(lang)), load_config(None))
    src = tmp_path / "briefing.docx"
    src.write_bytes(data)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], capture_output=True, check=True, timeout=180)
    stored = {}
    for p in Document(io.BytesIO(data)).paragraphs:
        if p.style.name in ("TOC 1", "TOC 2"):
            text, number = p.text.rsplit("\t", 1)
            stored[text] = int(number)
    assert max(stored.values()) > 1
    assert stored == _heading_pages_in_pdf(tmp_path / "briefing.pdf", list(stored))


def test_contents_list_every_heading(doc):
    headings = [p.text for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    entries = [p.text.rsplit("\t", 1)[0] for p in doc.paragraphs if p.style.name in ("TOC 1", "TOC 2")]
    assert entries == headings
