"""The briefing as DOCX (python-docx), on Word's built-in styles so that a person can restyle it."""

from __future__ import annotations

import io

from ..config import Config
from ..model import Briefing
from . import register
from .labels import format_day, labels_for


@register("docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
def render_docx(briefing: Briefing, config: Config) -> bytes:
    from docx import Document

    L = labels_for(briefing.language)
    lang = briefing.language
    doc = Document()
    doc.add_paragraph(briefing.title, style="Title")
    doc.add_paragraph(f"{L['as_of']}: {format_day(briefing.as_of, lang)}", style="Subtitle")
    doc.add_heading(L["key_facts"], level=1)
    for fact in briefing.key_facts:
        doc.add_paragraph(fact, style="List Bullet")
    doc.add_heading(L["upcoming_meetings"], level=1)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, (L["date"], L["meeting"], L["participants"], L["place"])):
        cell.text = text
    for m in briefing.upcoming:
        row = table.add_row().cells
        row[0].text = format_day(m.start, lang) if m.start else m.date_text
        row[1].text, row[2].text, row[3].text = m.title, ", ".join(m.participants), m.location or ""
    doc.add_heading(L["positions"], level=1)
    for party in briefing.parties:
        doc.add_heading(party.name, level=2)
        for p in party.positions:
            doc.add_paragraph(p.text, style="List Bullet")
    doc.add_heading(L["background"], level=1)
    for item in briefing.background:
        doc.add_paragraph(item.text, style="List Bullet")
    doc.add_heading(L["quotes"], level=1)
    for q in briefing.quotes:
        doc.add_paragraph(f"„{q.text}“ ({q.speaker or q.party or ''})", style="Quote")
    doc.add_heading(L["sources"], level=1)
    for s in briefing.sources:
        doc.add_paragraph(s.title, style="List Number")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
