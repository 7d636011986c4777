"""The page model behind the DOCX contents' stored page numbers."""

from __future__ import annotations

from docx import Document
from docx.shared import Cm, Length

from briefing.render.docx_pages import _wrapped_lines, heading_pages
from briefing.render.docx_xml import add_bookmark


def _document():
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    return doc


def _pages(doc) -> dict[str, int]:
    s = doc.sections[0]
    size = (Length(s.page_width - s.left_margin - s.right_margin).pt,
            Length(s.page_height - s.top_margin - s.bottom_margin).pt)
    return heading_pages(doc.element.body, doc.styles.element, size)


def _heading(doc, text: str, name: str) -> None:
    add_bookmark(doc.add_heading(text, level=1), name)


def test_words_wrap_whole_and_long_words_break():
    assert _wrapped_lines("eins zwei drei", 9) == 2  # "eins zwei" | "drei"
    assert _wrapped_lines("Donaudampfschifffahrt", 10) == 3
    assert _wrapped_lines("", 10) == 1


def test_a_heading_after_a_page_of_text_is_on_page_two():
    doc = _document()
    _heading(doc, "Erstes Kapitel", "first")
    for _ in range(60):  # one line each, with the default spacing after: well over a page
        doc.add_paragraph("Ein kurzer Absatz.")
    _heading(doc, "Zweites Kapitel", "second")
    assert _pages(doc) == {"first": 1, "second": 3}


def test_a_heading_that_would_close_a_page_moves_to_the_next_with_its_lines():
    doc = _document()
    for _ in range(29):
        doc.add_paragraph("Ein kurzer Absatz.")
    _heading(doc, "Am Seitenende", "end")
    doc.add_paragraph("Der Text unter der Überschrift.")
    assert _pages(doc)["end"] == 2


def test_long_paragraphs_take_more_lines_than_short_ones():
    short, long = _document(), _document()
    for _ in range(20):
        short.add_paragraph("Kurz.")
        long.add_paragraph("Ein langer Satz über die Lage, der sich über mehrere Zeilen zieht. " * 4)
    _heading(short, "Danach", "after")
    _heading(long, "Danach", "after")
    assert _pages(short)["after"] == 1 and _pages(long)["after"] > 1
