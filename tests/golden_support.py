"""The seed's briefing as text a person can diff: its JSON, and the text of its PDF and DOCX.

The PDF and DOCX embed timestamps, so they are compared by their extracted text. Run
``scripts/update-golden.sh`` (which calls ``python -m tests.golden_support``) to write the files
in tests/golden/ again after a deliberate change, then read the diff and commit it.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

from docx import Document
from pypdf import PdfReader

GOLDEN = Path(__file__).resolve().parent / "golden"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_277351b2bc8a04e1.txt"
UPDATE = "scripts/update-golden.sh"
CONFIG = """\
title: Lagebild Russland – Nato
language: auto
classification: NUR FÜR DEN DIENSTGEBRAUCH
author: Referat Sicherheitspolitik
as_of: latest-source
formats: [json, pdf, docx]
"""


def pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return "\n".join(f"--- page {n} ---\n{page.extract_text().strip()}" for n, page in enumerate(pages, 1)) + "\n"


def docx_text(data: bytes) -> str:
    """Paragraphs and table rows in document order (a row's cells joined by ' | ')."""
    doc = Document(io.BytesIO(data))
    lines = []
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in block.iter():
                if row.tag.endswith("}tr"):
                    cells = [" ".join("".join(t.text or "" for t in c.iter() if t.tag.endswith("}t")).split())
                             for c in row if c.tag.endswith("}tc")]
                    lines.append(" | ".join(cells))
    return "\n".join(line.rstrip() for line in lines).strip() + "\n"


def seed_outputs() -> dict[str, str]:
    """Build the seed's briefing in a scratch folder: golden file name -> text."""
    from briefing.config import load_config
    from briefing.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "seeds").mkdir()
        shutil.copy(SEED, folder / "seeds" / SEED.name)
        (folder / "config.yaml").write_text(CONFIG, encoding="utf-8")
        paths = build(load_config(folder / "config.yaml")).paths
        files = {p.suffix: p.read_bytes() for p in paths}
    return {"seed.json": files[".json"].decode("utf-8"), "seed.pdf.txt": pdf_text(files[".pdf"]),
            "seed.docx.txt": docx_text(files[".docx"])}


def update() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, text in seed_outputs().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(GOLDEN / name)


if __name__ == "__main__":
    update()
    sys.exit(0)
