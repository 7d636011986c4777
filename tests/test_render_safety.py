"""Text from seeds and config is text: it renders visibly and makes WeasyPrint fetch nothing."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.config import load_config
from briefing.render import pdf as pdf_module
from briefing.render.docx import render_docx
from briefing.render.html import PACKAGED_TEMPLATES, render_html_text
from briefing.render.pdf import AssetFetcher, write_pdf
from briefing.render.timeline import build_timeline

from .briefing_factory import make_briefing

IMG = '<img src="file:///etc/passwd">'
CSS = "<link rel=stylesheet href=http://example.invalid/x.css>"
SCRIPT = "<script>alert(1)</script>"


def unsafe_briefing():
    b = make_briefing("de", meeting_title=f"Gipfel {IMG}", position=f"fordert {CSS}", quote=SCRIPT,
                      background=f"Lage {IMG} {CSS}", source_title=f"Quelle {CSS}", key_fact=f"Fakt {IMG}",
                      speaker='Sprecher" onload="x')
    b.classification = 'VS "; } @page { @top-left { content: url(http://example.invalid/m.png) } } x'
    b.sources[0].url = "javascript:alert(1)"
    return b


def test_html_escapes_every_seed_text():
    html = render_html_text(unsafe_briefing(), load_config(None))
    assert "<img" not in html and "<link rel=stylesheet href=http" not in html and "<script" not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert 'href="javascript:' not in html  # a non-web source address is shown, not linked
    style = html[html.index("<style>"):html.index("</style>")]
    assert "url(" not in style and "@top-left { content: url" not in style  # the marking is hex-escaped


def test_pdf_shows_the_markup_as_text_and_fetches_nothing_outside():
    b = unsafe_briefing()
    data, fetcher = write_pdf(b, load_config(None))
    assert fetcher.refused == []
    assert all(Path(u.removeprefix("file://")).is_relative_to(PACKAGED_TEMPLATES) for u in fetcher.served)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    bare = "".join(text.split())  # lines may break anywhere in the long fake tags

    def shown(s: str) -> bool:
        return "".join(s.split()) in bare

    assert shown(f"Gipfel {IMG}") and shown(f"fordert {CSS}") and shown(f"Lage {IMG} {CSS}")
    assert shown(SCRIPT)
    assert 'url(http://example.invalid/m.png)' in text  # the marking printed as it is, on the page


def test_a_user_template_cannot_reach_outside_either(tmp_path):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "briefing.html").write_text(
        '{% extends "default:briefing.html" %}{% block head_extra %}'
        '<link rel="stylesheet" href="http://example.invalid/x.css">'
        '<link rel="stylesheet" href="file:///etc/passwd">{% endblock %}', encoding="utf-8")
    cfg = load_config(None, templates=str(tmp_path / "tpl"))
    _, fetcher = write_pdf(make_briefing("de"), cfg)
    assert "http://example.invalid/x.css" in fetcher.refused
    assert "file:///etc/passwd" in fetcher.refused
    assert [u.rsplit("/", 1)[-1] for u in fetcher.served] == ["briefing.css"]


def test_timeline_escapes_labels():
    b = unsafe_briefing()
    t = build_timeline(b.upcoming, b.as_of, "de", 'Zeitleiste </title><script>x</script>')
    svg = ET.fromstring(t.svg)  # still well-formed XML
    assert not list(svg.iter("{http://www.w3.org/2000/svg}image"))
    assert not list(svg.iter("{http://www.w3.org/2000/svg}script"))
    texts = [el.text or "" for el in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert any(x.startswith("Gipfel <img src=") for x in texts)


def test_docx_keeps_markup_as_text():
    from docx import Document

    doc = Document(io.BytesIO(render_docx(unsafe_briefing(), load_config(None))))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"Lage {IMG} {CSS}" in text
    assert all("javascript" not in r.target_ref for r in doc.part.rels.values() if r.is_external)


# The fetcher on its own -----------------------------------------------------------------------

@pytest.fixture
def fetcher(tmp_path):
    return AssetFetcher([PACKAGED_TEMPLATES, tmp_path])


def test_fetcher_refuses_http(fetcher):
    with pytest.raises(ValueError):
        fetcher.fetch("http://example.invalid/x.css")
    assert fetcher.refused == ["http://example.invalid/x.css"]


def test_fetcher_refuses_files_outside_the_template_folders(fetcher):
    for url in ("file:///etc/passwd", (PACKAGED_TEMPLATES / ".." / "pyproject.toml").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 2 and fetcher.served == []


def test_fetcher_serves_the_template_stylesheet(fetcher):
    response = fetcher.fetch((PACKAGED_TEMPLATES / "briefing.css").as_uri())
    assert b"@page" in response.read()
    assert fetcher.refused == []


def test_fetcher_refuses_an_oversize_file(fetcher, tmp_path, monkeypatch):
    big = tmp_path / "big.css"
    big.write_bytes(b"a" * 2048)
    monkeypatch.setattr(pdf_module, "MAX_ASSET_BYTES", 1024)
    with pytest.raises(ValueError):
        fetcher.fetch(big.as_uri())
    assert fetcher.refused == [big.as_uri()]


def test_fetcher_takes_a_missing_user_asset_from_the_packaged_folder(tmp_path):
    fetcher = AssetFetcher([tmp_path, PACKAGED_TEMPLATES])
    assert b"@page" in fetcher.fetch((tmp_path / "briefing.css").as_uri()).read()
    (tmp_path / "briefing.css").write_text("/* mine */")
    assert fetcher.fetch((tmp_path / "briefing.css").as_uri()).read() == b"/* mine */"
    with pytest.raises(ValueError):
        fetcher.fetch((tmp_path / ".." / ".." / "etc" / "passwd").as_uri())


def test_fetcher_refuses_a_symlink_leading_outside(fetcher, tmp_path):
    (tmp_path / "link.css").symlink_to("/etc/passwd")
    with pytest.raises(ValueError):
        fetcher.fetch((tmp_path / "link.css").as_uri())
