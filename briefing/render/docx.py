"""The briefing as DOCX (python-docx), on Word's built-in styles so that a person can restyle it.

Same content and order as the PDF. A reference document (config ``reference_docx``, or a
``reference.docx`` in a template folder) gives styles, page setup and header/footer art, as
pandoc's --reference-doc does: its body is cleared, its section settings kept.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_COLOR_INDEX, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor

from ..config import Config
from ..errors import RenderError
from ..model import Briefing, Evidence
from .docx_pages import heading_pages
from .docx_xml import (
    add_bookmark,
    add_field,
    add_hyperlink,
    add_internal_link,
    add_toc_line,
    repeat_header_row,
    set_alt_text,
    set_document_language,
    set_run_language,
)
from .folders import template_dirs
from .timeline import build_timeline, timeline_png
from .view import View, make_view

log = logging.getLogger(__name__)

ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
MARKING = RGBColor(0x8B, 0x1A, 0x1A)
LANG_TAGS = {"de": "de-DE", "en": "en-GB"}
COMMENT_AUTHOR = "briefing"
SHORT_TITLE = 48
TABLE_STYLES = ("Light List Accent 1", "Table Grid")
CHANGE_COLOURS = {"meeting_added": WD_COLOR_INDEX.BRIGHT_GREEN, "position_added": WD_COLOR_INDEX.BRIGHT_GREEN,
                  "meeting_moved": WD_COLOR_INDEX.YELLOW, "meeting_dropped": WD_COLOR_INDEX.PINK}


def reference_path(config: Config) -> Path | None:
    """The reference DOCX: the config's ``reference_docx``, else a reference.docx in a template folder."""
    if config.reference_docx:
        path = config.resolve(config.reference_docx)
        if path is None or not path.is_file():
            raise RenderError(f"reference_docx {path} does not exist")
        return path
    return next((d / "reference.docx" for d in template_dirs(config) if (d / "reference.docx").is_file()), None)


def base_document(config: Config):
    """A new document, or the reference document with its body emptied (styles and sections kept)."""
    from docx import Document

    ref = reference_path(config)
    if ref is None:
        doc = Document()
        _house_look(doc)
        return doc
    try:
        doc = Document(str(ref))
    except Exception as e:  # python-docx raises several kinds for a file that is not a DOCX
        raise RenderError(f"reference_docx {ref} cannot be read as a DOCX: {e}") from None
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # the last sectPr holds page size, margins, header/footer links
            body.remove(child)
    log.info("DOCX based on reference document %s", ref)
    return doc


def _house_look(doc) -> None:
    """A4 and the accent colour on headings, for documents without a reference document."""
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    doc.styles["Normal"].font.size = Pt(10)
    doc.styles["Normal"].font.name = "Arial"
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].font.color.rgb = ACCENT


class Styles:
    """The document's style names, read once: asking python-docx for a style walks every style
    element (an XPath query each), and a briefing asks for one per paragraph and run."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.names = {s.name for s in doc.styles}
        self.ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}

    def __call__(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH, setup=None) -> str:
        """``name`` when the document defines it; a reference document from Word may hold only the
        styles it uses, so a missing built-in style is added (as built-in, so Word maps it to its own)."""
        if name not in self.names:
            style = self.doc.styles.add_style(name, kind, builtin=True)
            if kind == WD_STYLE_TYPE.PARAGRAPH:
                style.base_style = self.doc.styles["Normal"]
            if setup:
                setup(style)
            self.names.add(name)
        return name

    def id(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        """The style's id, None for the document's default style of its kind: what python-docx
        writes for a style given by name, looked up once instead of once a paragraph."""
        if (name, kind) not in self.ids:
            self.ids[name, kind] = self.doc.styles.get_style_id(name, kind)
        return self.ids[name, kind]


def _bold(colour: RGBColor | None = None):
    def setup(style) -> None:
        style.font.bold = True
        if colour is not None:
            style.font.color.rgb = colour
    return setup


def _italic(style) -> None:
    style.font.italic = True


def _small(size: float, indent: float = 0.0):
    def setup(style) -> None:
        style.font.size = Pt(size)
        if indent:
            style.paragraph_format.left_indent = Cm(indent)
    return setup


def _highlight(colour: WD_COLOR_INDEX):
    def setup(style) -> None:
        style.font.bold = True
        style.font.highlight_color = colour
    return setup


# The briefing's own styles: an editor restyles each in one place (or in the reference document,
# whose definitions win). Character styles for runs, paragraph styles for whole lines.
CHARACTER_STYLES = {
    "Briefing Label": _bold(ACCENT),          # a position's kind, 'Forderung:'
    "Briefing Speaker": _italic,              # who said it, after a position or quote
    "Briefing Marking": _bold(MARKING),       # the classification marking
    "Briefing Source Title": _bold(),         # a source's title in the appendix
    "Briefing Table Head": _bold(),           # a table's column heads
    **{f"Briefing Change {kind}": _highlight(colour) for kind, colour in CHANGE_COLOURS.items()},
}
PARAGRAPH_STYLES = {
    "Briefing Citation": _small(8.5, 1.2),    # a cited sentence under its source
    "Briefing Header": _small(8),             # page header and footer lines
    "Briefing Left Out": _italic,             # how many items a section leaves out (its cap)
}


def _toc_look(level: int):
    """Tight lines, level 2 indented: how Word's own TOC styles look (the default template lacks them)."""
    def setup(style) -> None:
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(2)
        style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
    return setup


@dataclass
class TocEntry:
    level: int
    text: str
    bookmark: str


class DocxWriter:
    def __init__(self, briefing: Briefing, config: Config) -> None:
        self.b = briefing
        self.config = config
        self.v: View = make_view(briefing, config)
        self.L = self.v.labels
        self.doc = base_document(config)
        self.style = Styles(self.doc)
        self.comments = config.docx_comments
        self.headings: list[TocEntry] = []

    # -- pieces -------------------------------------------------------------------------------
    def para(self, text: str = "", style: str = "Normal"):
        paragraph = self.doc.add_paragraph(text)
        paragraph._p.style = self.style.id(self.style(style))
        return paragraph

    def heading(self, text: str, level: int):
        """A heading, bookmarked so that the table of contents links to it and gives its page."""
        paragraph = self.para(text, f"Heading {level}")
        if level <= 2:
            name = f"_Toc{len(self.headings) + 1}"
            add_bookmark(paragraph, name)
            self.headings.append(TocEntry(level, text, name))
        return paragraph

    def run(self, paragraph, text: str, style: str):
        """A run in one of the briefing's character styles (CHARACTER_STYLES)."""
        run = paragraph.add_run(text)
        run._r.style = self.style.id(self.style(style, WD_STYLE_TYPE.CHARACTER, CHARACTER_STYLES[style]),
                                     WD_STYLE_TYPE.CHARACTER)
        return run

    def styled_para(self, text: str, style: str):
        """A paragraph in one of the briefing's paragraph styles (PARAGRAPH_STYLES)."""
        return self.para(text, self.style(style, setup=PARAGRAPH_STYLES[style]))

    def statement(self, paragraph, text: str, evidence: list[Evidence]) -> None:
        """``text`` as a run with its evidence markers and, when switched on, a comment naming the source."""
        run = paragraph.add_run(text)
        self.text_language(run, evidence)
        self.markers(paragraph, evidence)
        if self.comments and evidence:
            lines = [self.reference(ev) for ev in evidence]
            self.doc.add_comment(run, text="\n".join(lines), author=COMMENT_AUTHOR, initials="B")

    def reference(self, ev: Evidence) -> str:
        """A short source reference for a comment: '[3] Nato-Außenminister beraten …, Satz 12'."""
        src = self.v.sources_by_id.get(ev.source)
        title = src.title if src else ev.source
        if len(title) > SHORT_TITLE:
            title = title[:SHORT_TITLE].rsplit(" ", 1)[0] + " …"
        number = self.v.citations.numbers([ev])[0]
        return f"[{number}] {title}, {self.L['sentence']} {ev.sentence}"

    def text_language(self, run, evidence: list[Evidence]) -> None:
        """Text taken from a source in another language keeps that language, so Word hyphenates
        and spell-checks it by its own rules ('Osterweiterung' in an English briefing stays German)."""
        language = self.v.text_lang(evidence)
        if language != self.v.lang:
            set_run_language(run, LANG_TAGS.get(language, language))

    def markers(self, paragraph, evidence: list[Evidence]) -> None:
        for i, n in enumerate(self.v.citations.numbers(evidence)):
            if i:
                paragraph.add_run(",").font.superscript = True
            add_internal_link(paragraph, f"ev_{n}", str(n), superscript=True)

    # -- the document ---------------------------------------------------------------------------
    def write(self) -> bytes:
        b, L, v = self.b, self.L, self.v
        self.header_footer()
        self.para(b.title, "Title")
        sub = self.para(f"{L['as_of']}: {v.day(b.as_of)} · {L['sources_count']}: {len(b.sources)}", "Subtitle")
        if v.marking:
            sub.add_run().add_break()
            self.run(sub, v.marking, "Briefing Marking")
        if v.author:
            self.para(f"{L['issued_by']}: {v.author}")
        if v.notice():
            self.run(self.para(), v.notice(), "Briefing Label")
        contents = self.toc()
        self.heading(L["key_facts"], 1)
        for fact in b.key_facts:
            self.para(fact, "List Bullet")
        if not b.key_facts:
            self.para(L["no_key_facts"])
        self.meetings()
        if b.changes is not None:
            self.changes()
        self.positions()
        self.heading(L["background"], 1)
        for item in b.background:
            self.statement(self.para(style="List Bullet"), item.text, item.evidence)
        if not b.background:
            self.para(L["no_background"])
        self.quotes()
        self.appendix()
        self.toc_entries(after=contents)
        self.properties()
        set_document_language(self.doc, LANG_TAGS.get(v.lang, v.lang))
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()

    def header_footer(self) -> None:
        v, L = self.v, self.L
        for section in self.doc.sections:
            width = section.page_width - section.left_margin - section.right_margin
            header = self._free_paragraph(section.header)
            self._tabs(header, width)
            header.add_run(f"{self.b.title}\t")
            self.run(header, v.marking or "", "Briefing Marking")
            header.add_run(f"\t{L['as_of']} {v.day(self.b.as_of, 'long')}")
            footer = self._free_paragraph(section.footer)
            self._tabs(footer, width)
            footer.add_run("\t")
            self.run(footer, v.marking or "", "Briefing Marking")
            footer.add_run(f"\t{L['page']} ")
            add_field(footer, "PAGE")
            footer.add_run(f" {L['of']} ")
            add_field(footer, "NUMPAGES")
            for p in (header, footer):
                p.style = self.style("Briefing Header", setup=PARAGRAPH_STYLES["Briefing Header"])

    @staticmethod
    def _free_paragraph(part):
        """The header's one empty paragraph, or a new one after a reference document's header art."""
        part.is_linked_to_previous = False
        paragraphs = part.paragraphs
        if len(paragraphs) == 1 and not paragraphs[0].text.strip() and not paragraphs[0]._p.xpath(".//w:drawing"):
            return paragraphs[0]
        return part.add_paragraph()

    @staticmethod
    def _tabs(paragraph, width) -> None:
        stops = paragraph.paragraph_format.tab_stops
        stops.add_tab_stop(int(width / 2), WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(int(width), WD_TAB_ALIGNMENT.RIGHT)

    @staticmethod
    def party_heading(party) -> str:
        """'Russland (RUS)', but 'Nato', not 'Nato (NATO)'."""
        return party.name if party.name.casefold() == party.code.casefold() else f"{party.name} ({party.code})"

    def toc(self):
        """The contents' heading; its entries follow it once the headings exist (``toc_entries``)."""
        return self.para(self.L["contents"], "TOC Heading")

    def toc_entries(self, after) -> None:
        """One line per heading: a link to it and a PAGEREF field giving its page.

        Not a TOC field: LibreOffice shows a TOC field's stored text as it is, but computes a
        PAGEREF field's page whenever it lays the document out. Word shows the stored number
        until fields are updated, so it is the page estimated once the contents are in place.
        """
        anchor = after._p
        numbers = []
        for entry in self.headings:
            style = self.style(f"TOC {entry.level}", setup=_toc_look(entry.level))
            paragraph = self.para(style=style)
            numbers.append(add_toc_line(paragraph, entry.text, entry.bookmark, self._text_width()))
            anchor.addnext(paragraph._p)
            anchor = paragraph._p
        section = self.doc.sections[-1]
        height = section.page_height - section.top_margin - section.bottom_margin
        size = (Length(self._text_width()).pt, Length(height).pt)
        pages = heading_pages(self.doc.element.body, self.doc.styles.element, size)
        for entry, number in zip(self.headings, numbers):
            number.text = str(pages.get(entry.bookmark, 1))

    def _text_width(self):
        section = self.doc.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def meetings(self) -> None:
        b, L, v = self.b, self.L, self.v
        self.heading(L["upcoming_meetings"], 1)
        timeline = build_timeline(b.upcoming, b.as_of, v.lang, L["timeline_alt"])
        if timeline:
            width = Cm(16.5)
            shape = self.doc.add_picture(io.BytesIO(timeline_png(timeline)), width=width)
            set_alt_text(shape, timeline.alt, L["timeline"])
            self.para(L["timeline_caption"], "Caption")
        if b.upcoming:
            self.meeting_table(b.upcoming)
        else:
            self.para(L["no_meetings"])
        if b.past:
            self.heading(L["past_meetings"], 1)
            self.meeting_table(b.past)
        self.left_out(len(b.past_left_out))

    def meeting_table(self, meetings) -> None:
        L, v = self.L, self.v
        table = self.doc.add_table(rows=1, cols=5)
        style = next((s for s in TABLE_STYLES if s in self.style.names), None)
        if style:
            table.style = style
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        heads = (L["date"], L["meeting"], L["participants"], L["place"], L["format"])
        for cell, text in zip(table.rows[0].cells, heads, strict=True):
            self.run(cell.paragraphs[0], text, "Briefing Table Head")
        repeat_header_row(table.rows[0])
        for m in meetings:
            cells = table.add_row().cells
            cells[0].text = v.when(m, "span")
            self.statement(cells[1].paragraphs[0], m.title, m.evidence)
            cells[2].text = v.parties(m.participants)
            cells[3].text = v.place(m.location) or "–"
            cells[4].text = v.meeting_format(m) or "–"
        # Widths on the grid and on every cell: Word reads the cells, LibreOffice the grid.
        table.autofit = False
        widths = [Cm(w) for w in (3.9, 4.5, 3.3, 2.7, 2.6)]
        for col, w in zip(table.columns, widths, strict=True):
            col.width = w
        for row in table.rows:
            for cell, w in zip(row.cells, widths, strict=True):
                cell.width = w
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        if look is not None:  # a header row, no bold first column
            look.set(qn("w:val"), "0420")
            look.set(qn("w:firstColumn"), "0")
            look.set(qn("w:firstRow"), "1")

    def changes(self) -> None:
        L, v = self.L, self.v
        self.heading(L["changes"], 1)
        for c in self.b.changes or []:
            p = self.para(style="List Bullet")
            style = f"Briefing Change {c.kind}" if c.kind in CHANGE_COLOURS else "Briefing Label"
            self.run(p, v.change_kind(c.kind), style)
            p.add_run(f" {c.text}")
        if not self.b.changes:
            self.para(L["no_changes"])

    def positions(self) -> None:
        L, v = self.L, self.v
        self.heading(L["positions"], 1)
        for party in self.b.parties:
            self.heading(self.party_heading(party), 2)
            for x in party.positions:
                p = self.para(style="List Bullet")
                self.run(p, f"{v.kind(x.kind)}: ", "Briefing Label")
                self.statement(p, x.text, x.evidence)
                if x.speaker:
                    p.add_run(" (")
                    self.run(p, x.speaker, "Briefing Speaker")
                    p.add_run(")")
            self.left_out(len(party.left_out))
        self.left_out(len(self.b.parties_left_out))
        if not self.b.parties:
            self.para(L["no_positions"])

    def quotes(self) -> None:
        L, v = self.L, self.v
        self.heading(L["quotes"], 1)
        opening, closing = L["quote_open"], L["quote_close"]
        for q in self.b.quotes:
            p = self.para(style="Quote")
            self.statement(p, f"{opening}{q.text}{closing}", q.evidence)
            p.add_run(" — ")
            self.run(p, q.speaker or L["speaker_unknown"], "Briefing Speaker")
            if q.party and v.parties([q.party]) != q.speaker:
                p.add_run(f", {v.parties([q.party])}")
        self.left_out(len(self.b.quotes_left_out))
        if not self.b.quotes:
            self.para(L["no_quotes"])

    def left_out(self, count: int) -> None:
        if count:
            self.styled_para(self.v.left_out(count), "Briefing Left Out")

    def appendix(self) -> None:
        L, v = self.L, self.v
        self.heading(L["sources"], 1)
        self.para(L["evidence_note"])
        for entry in v.sources():
            p = self.para(style="List Number")
            s = entry.source
            self.run(p, s.title if s else entry.id, "Briefing Source Title")
            if s:
                meta = [x for x in (s.outlet, v.published(s) or None, s.id) if x]
                p.add_run(" — " + " · ".join(meta))
                if v.link(s.url):
                    p.add_run(" · ")
                    add_hyperlink(p, v.link(s.url), s.url)
            for c in entry.citations:
                cp = self.styled_para(f"[{c.number}] {L['sentence']} {c.sentence}: {c.text}", "Briefing Citation")
                add_bookmark(cp, f"ev_{c.number}")
        self.left_out(v.sources_left_out())
        if self.b.warnings or self.b.skipped:
            self.heading(L["warnings"], 2)
            for w in self.b.warnings + self.b.skipped:
                self.para(w, "List Bullet")

    def properties(self) -> None:
        props, v = self.doc.core_properties, self.v
        props.title = self.b.title
        props.subject = v.subject()
        props.author = v.author or ""
        props.last_modified_by = v.author or ""
        props.keywords = ", ".join(v.keywords())
        props.language = LANG_TAGS.get(v.lang, v.lang)
        props.category = v.marking or ""
        props.created = props.modified = v.made.replace(tzinfo=None)  # python-docx writes naive times as UTC
        props.revision = 1


def render_docx(briefing: Briefing, config: Config) -> bytes:
    return DocxWriter(briefing, config).write()

