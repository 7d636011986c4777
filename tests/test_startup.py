"""A build imports only what its run uses: a local build never loads the ledger database's SQLAlchemy, the PDF's
process no template engine."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.slow
def test_a_local_build_chooses_its_annotation_cache_without_sqlalchemy(tmp_path) -> None:
    code = ("import sys; from briefing.config import load_config; import briefing.pipeline; "
            "from briefing.annotation_cache import AnnotationCache, cache_for; "
            f"cache = cache_for(load_config(None, state={str(tmp_path)!r})); "
            "print(type(cache) is AnnotationCache, 'sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]



@pytest.mark.slow
def test_the_process_that_lays_out_the_pdf_from_prepared_html_imports_no_jinja_and_no_babel(tmp_path) -> None:
    code = ("import sys; from datetime import date; from briefing.config import load_config\n"
            "from briefing.model import Briefing; from briefing.render import load_renderers, render\n"
            f"config = load_config(None, state={str(tmp_path)!r})\n"
            "load_renderers(['pdf'], config)\n"
            "briefing = Briefing(title='Lage', as_of=date(2022, 1, 4), as_of_from='explicit', language='de')\n"
            "files = render(briefing, ['pdf'], config, 'b', {'pdf': '<html><body><p>Lage</p></body></html>'})\n"
            "print(files['b.pdf'][:5].decode(), sorted(m for m in ('jinja2', 'babel') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["%PDF-", "[]"]
