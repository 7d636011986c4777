"""WordprocessingML pieces python-docx has no API for: fields, hyperlinks, bookmarks, repeating header rows.

Each function builds the elements with python-docx's own OxmlElement, so text always goes into a
w:t node as text (never parsed as XML) and cannot add markup.
"""

from __future__ import annotations

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

_bookmark_ids = iter(range(1, 1_000_000))


def _run(text: str, superscript: bool = False, styled: str | None = None, colour: str | None = None,
         underline: bool = False) -> OxmlElement:
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if styled:
        rstyle = OxmlElement("w:rStyle")
        rstyle.set(qn("w:val"), styled)
        rpr.append(rstyle)
    if colour:
        c = OxmlElement("w:color")
        c.set(qn("w:val"), colour)
        rpr.append(c)
    if underline:
        u = OxmlElement("w:u")
        u.set(qn("w:val"), "single")
        rpr.append(u)
    if superscript:
        va = OxmlElement("w:vertAlign")
        va.set(qn("w:val"), "superscript")
        rpr.append(va)
    if len(rpr):
        r.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def _field_char(kind: str) -> OxmlElement:
    """A run holding one field mark: begin (marked dirty, so it is computed on open), separate or end."""
    r = OxmlElement("w:r")
    f = OxmlElement("w:fldChar")
    f.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        f.set(qn("w:dirty"), "true")
    r.append(f)
    return r


def _instruction(instruction: str) -> OxmlElement:
    r = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    r.append(instr)
    return r


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (begin / instruction / separate / shown result / end), marked dirty so
    Word and LibreOffice compute it when the document opens."""
    p = paragraph._p
    for part in (_field_char("begin"), _instruction(instruction), _field_char("separate"),
                 _run(placeholder or "1"), _field_char("end")):
        p.append(part)


def add_toc_line(paragraph: Paragraph, text: str, bookmark: str, width):
    """A contents line: ``text`` linked to ``bookmark``, a dotted tab, and a PAGEREF field for the
    bookmark's page. Returns the field's stored result (a ``w:t``) for the caller to fill in."""
    paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    link.append(_run(text))
    link.append(_run("\t"))
    number = _run("1")
    for part in (_field_char("begin"), _instruction(f"PAGEREF {bookmark} \\h"), _field_char("separate"),
                 number, _field_char("end")):
        link.append(part)
    paragraph._p.append(link)
    return number.find(qn("w:t"))


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """An external hyperlink (a relationship to ``url``) shown as ``text``."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    link.append(_run(text, **_link_look(paragraph)))
    paragraph._p.append(link)


def add_internal_link(paragraph: Paragraph, anchor: str, text: str, superscript: bool = False) -> None:
    """A link to a bookmark in the same document (an evidence marker pointing into the appendix)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    link.append(_run(text, superscript=superscript, **_link_look(paragraph)))
    paragraph._p.append(link)


def _link_look(paragraph: Paragraph) -> dict:
    """The Hyperlink character style when the document has one, else blue underlined text."""
    found = paragraph.part.document.styles.element.xpath('w:style[@w:type="character"][w:name/@w:val="Hyperlink"]')
    if found:
        return {"styled": found[0].styleId}
    return {"colour": str(RGBColor(0x1F, 0x3A, 0x5F)), "underline": False}


def add_bookmark(paragraph: Paragraph, name: str) -> None:
    """A bookmark spanning the paragraph's content."""
    bid = str(next(_bookmark_ids))
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), bid)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), bid)
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    p.insert(p.index(ppr) + 1 if ppr is not None else 0, start)
    p.append(end)


def repeat_header_row(row) -> None:
    """Mark a table row as the header repeated on every page (w:tblHeader)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))  # schema order: cantSplit before tblHeader
    node = OxmlElement("w:tblHeader")
    node.set(qn("w:val"), "true")
    trpr.append(node)


def set_document_language(document, tag: str) -> None:
    """The default run language (w:lang in docDefaults), so Word spell-checks and hyphenates right."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


def set_alt_text(inline_shape, description: str, title: str = "") -> None:
    """Alt text of a picture: descr (and title) on its wp:docPr."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("descr", description)
    if title:
        doc_pr.set("title", title)


def set_run_language(run, tag: str) -> None:
    """The run's own language (w:lang in its rPr), overriding the document's default."""
    rpr = run._r.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
