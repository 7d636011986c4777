"""Which page each bookmarked heading of the DOCX lands on, estimated from the body and its styles.

The table of contents holds PAGEREF fields. LibreOffice computes them whenever it lays the document
out; Word shows the number stored in the field until fields are updated (on printing, or F9), and
asking it to update on open makes it show a prompt about fields first. So the stored number is
this estimate, and the contents are right when Word opens the file.

The model: each paragraph is as tall as its lines at its style's size and line spacing, plus its
spacing before and after; a line holds the text width over an average character width; a table
row is as tall as its tallest cell; a picture as tall as its extent. A heading keeps with the next
lines, as its style says. ``tests/test_docx.py`` checks the estimate against LibreOffice's layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

EM_PER_CHAR = 0.53
"""Average width of a character of German or English text in Arial, in ems."""
LINE_EM = 1.15
"""Height of a single-spaced line of Arial, in ems."""
CELL_PADDING_PT = 10.8
ROW_BORDER_PT = 1.2
LIST_INDENT_PT = 18.0
"""Where the text of a bulleted or numbered paragraph starts (the default template's lists)."""
KEEP_LINES = 2
"""Lines of the next paragraph that must fit under a heading that keeps with it."""
EMU_PER_PT = 12700


@dataclass
class Look:
    """The layout-relevant properties of a paragraph style, resolved through its basedOn chain."""

    size: float = 11.0
    before: float = 0.0
    after: float = 10.0
    spacing: float = 1.15
    indent: float = 0.0
    contextual: bool = False
    keep_next: bool = False
    listed: bool = False


def _twips(node, attr: str) -> float | None:
    value = node.get(qn(attr)) if node is not None else None
    return int(value) / 20 if value not in (None, "") and value.lstrip("-").isdigit() else None


def _apply(look: Look, ppr, rpr) -> None:
    """Overwrite ``look`` with what one pPr/rPr pair sets."""
    if rpr is not None and (sz := rpr.find(qn("w:sz"))) is not None:
        look.size = int(sz.get(qn("w:val"))) / 2
    if ppr is None:
        return
    if (spacing := ppr.find(qn("w:spacing"))) is not None:
        look.before = _twips(spacing, "w:before") if _twips(spacing, "w:before") is not None else look.before
        look.after = _twips(spacing, "w:after") if _twips(spacing, "w:after") is not None else look.after
        line = spacing.get(qn("w:line"))
        if line and spacing.get(qn("w:lineRule"), "auto") == "auto":
            look.spacing = int(line) / 240
    if (ind := ppr.find(qn("w:ind"))) is not None and _twips(ind, "w:left") is not None:
        look.indent = _twips(ind, "w:left")
    if ppr.find(qn("w:contextualSpacing")) is not None:
        look.contextual = True
    if ppr.find(qn("w:keepNext")) is not None:
        look.keep_next = True
    if ppr.find(qn("w:numPr")) is not None:
        look.listed = True


class Styles:
    """Looks of the document's paragraph styles, with the document defaults under them."""

    def __init__(self, styles_element) -> None:
        self.by_id = {s.get(qn("w:styleId")): s for s in styles_element.iter(qn("w:style"))}
        self.base = Look()
        defaults = styles_element.find(qn("w:docDefaults"))
        if defaults is not None:
            _apply(self.base, defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}"),
                   defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))
        self.default_id = next((i for i, s in self.by_id.items()
                                if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) == "1"), None)
        self._cache: dict[tuple, Look] = {}

    def look(self, style_id: str | None, table_style: str | None = None) -> Look:
        """The look of a paragraph style; in a table, the table style's paragraph properties lie
        between the document defaults and the paragraph style, as in Word."""
        style_id = style_id or self.default_id
        key = (style_id, table_style)
        if key not in self._cache:
            look = Look(**vars(self.base))
            table = self.by_id.get(table_style)
            if table is not None:
                _apply(look, table.find(qn("w:pPr")), table.find(qn("w:rPr")))
            for node in reversed(self._chain(style_id)):
                _apply(look, node.find(qn("w:pPr")), node.find(qn("w:rPr")))
            self._cache[key] = look
        return self._cache[key]

    def _chain(self, style_id: str | None) -> list:
        """The style and the styles it is based on, nearest first."""
        chain, seen = [], set()
        node = self.by_id.get(style_id)
        while node is not None and node.get(qn("w:styleId")) not in seen:
            seen.add(node.get(qn("w:styleId")))
            chain.append(node)
            based = node.find(qn("w:basedOn"))
            node = self.by_id.get(based.get(qn("w:val"))) if based is not None else None
        return chain


def _paragraph_look(p, styles: Styles, table_style: str | None = None) -> Look:
    ppr = p.find(qn("w:pPr"))
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    look = Look(**vars(styles.look(style.get(qn("w:val")) if style is not None else None, table_style)))
    _apply(look, ppr, None)
    return look


def _text(element) -> str:
    """The element's text, a line break as a newline."""
    return "".join(n.text or "" if n.tag == qn("w:t") else "\n"
                   for n in element.iter(qn("w:t"), qn("w:br")) if n.get(qn("w:type")) in (None, "textWrapping"))


def _picture_height(p) -> float:
    return sum(int(e.get("cy", 0)) / EMU_PER_PT for e in p.iter(qn("wp:extent")))


@dataclass
class Block:
    """One body element as the page model sees it."""

    height: float
    look: Look
    marks: list[str]
    page_break: bool = False
    table: bool = False
    repeat: float = 0.0
    """Height added on each page the block runs onto (a repeated table header)."""


def _wrapped_lines(text: str, chars: int) -> int:
    """Lines the text takes when words wrap at ``chars`` characters (a word longer than a line
    is broken, as in a narrow table column)."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > chars:
            lines, used = lines + 1, 0
        elif used:
            used += 1
        used += len(word)
        while used > chars:
            lines, used = lines + 1, used - chars
    return lines


def _paragraph_height(p, look: Look, width: float) -> float:
    line = look.size * LINE_EM * look.spacing
    indent = look.indent + (LIST_INDENT_PT if look.listed else 0.0)
    chars = max(1, int((width - indent) / (look.size * EM_PER_CHAR)))
    lines = sum(_wrapped_lines(part, chars) for part in _text(p).split("\n"))
    return max(lines * line, _picture_height(p))


def _row_heights(tbl, styles: Styles) -> list[float]:
    """Each row as tall as its tallest cell, plus its border."""
    widths = [int(c.get(qn("w:w"))) / 20 for c in tbl.iter(qn("w:gridCol"))]
    style = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    table_style = style.get(qn("w:val")) if style is not None else None
    heights = []
    for row in tbl.iter(qn("w:tr")):
        tallest = 0.0
        for width, cell in zip(widths, row.iter(qn("w:tc"))):
            height = 0.0
            for p in cell.iter(qn("w:p")):
                look = _paragraph_look(p, styles, table_style)
                height += _paragraph_height(p, look, width - CELL_PADDING_PT) + look.before + look.after
            tallest = max(tallest, height)
        heights.append(tallest + ROW_BORDER_PT)
    return heights


def _table_block(tbl, styles: Styles) -> Block:
    """A table; its header row, when marked to repeat, comes again on every page it runs onto."""
    rows = _row_heights(tbl, styles)
    first = tbl.find(qn("w:tr"))
    repeats = first is not None and first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    return Block(sum(rows), Look(after=0.0), [], table=True, repeat=rows[0] if repeats and rows else 0.0)


def _blocks(body, styles: Styles, width: float) -> list[Block]:
    blocks = []
    for child in body:
        if child.tag == qn("w:tbl"):
            blocks.append(_table_block(child, styles))
        elif child.tag == qn("w:p"):
            look = _paragraph_look(child, styles)
            marks = [b.get(qn("w:name")) for b in child.iter(qn("w:bookmarkStart"))]
            breaks = any(b.get(qn("w:type")) == "page" for b in child.iter(qn("w:br")))
            blocks.append(Block(_paragraph_height(child, look, width), look, marks, breaks))
    return blocks


def _spacing(before: Block | None, block: Block) -> float:
    """The space above ``block``: its own before, or the previous block's after if larger
    (LibreOffice's and Word's default), none between two of one style with contextual spacing."""
    if before is None:
        return 0.0
    if block.look.contextual and before.look.contextual and block.look is not None \
            and before.look.size == block.look.size:
        return 0.0
    return max(before.look.after, block.look.before)


def _line(look: Look) -> float:
    return look.size * LINE_EM * look.spacing


def _moves_whole(block: Block, room: float) -> bool:
    """Whether a paragraph that does not fit in ``room`` starts on the next page: a heading with
    the lines it keeps, or a paragraph that widow and orphan control keeps together (three lines
    or fewer, or fewer than two lines of room). Tables and long paragraphs flow on."""
    if block.table:
        return False
    lines = block.height / _line(block.look)
    return lines <= 3.01 or room < 2 * _line(block.look)


def heading_pages(body, styles_element, page) -> dict[str, int]:
    """{bookmark name: page} for the bookmarks in body paragraphs.

    ``page`` is (text width, text height) in points.
    """
    width, height = page
    styles = Styles(styles_element)
    blocks = _blocks(body, styles, width)
    pages: dict[str, int] = {}
    used, number, previous = 0.0, 1, None
    for i, block in enumerate(blocks):
        if block.page_break:
            number, used, previous = number + 1, 0.0, None
        need = _spacing(previous, block) + block.height
        if block.look.keep_next and i + 1 < len(blocks):
            need += min(blocks[i + 1].height, KEEP_LINES * _line(blocks[i + 1].look))
        if used and used + need > height and (block.look.keep_next or _moves_whole(block, height - used)):
            number, used, previous = number + 1, 0.0, None
        for name in block.marks:
            pages.setdefault(name, number)
        used += _spacing(previous, block) + block.height
        while used > height:
            number, used = number + 1, used - height + block.repeat
        previous = block
    return pages
