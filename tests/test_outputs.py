"""Outputs are written atomically; a failed build leaves the previous files intact."""

from __future__ import annotations

import re

import pytest

from briefing.config import load_config
from briefing.errors import RenderError
from briefing.outputs import slug, write_atomic
from briefing.pipeline import build

from .conftest import write_config


def test_write_atomic_replaces_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "deep" / "a.json"
    write_atomic(target, b"old")
    write_atomic(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in target.parent.iterdir()] == ["a.json"]


def test_write_atomic_failure_keeps_the_old_file(tmp_path):
    target = tmp_path / "a.json"
    write_atomic(target, b"old")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_slug_is_readable_ascii():
    assert slug("Lagebild Russland – Nato: Straße") == "lagebild-russland-nato-strasse"


# The PDF's HTML is made ahead, in the worker that assembles the briefing: its template error is one
# line all the same, and keeps the files of the build before.
@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_failed_render_leaves_previous_outputs_intact(project, fmt):
    cfg = load_config(project / "config.yaml")
    first = build(cfg, formats=["json", fmt])
    before = {p: p.read_bytes() for p in first.paths}
    (project / "templates").mkdir()
    (project / "templates" / "briefing.html").write_text("{{ no_such_variable.x }}")
    cfg = load_config(write_config(project, templates="templates"))
    with pytest.raises(RenderError, match=f"{fmt}: template error: 'no_such_variable' is undefined"):
        build(cfg, formats=["json", fmt])
    assert {p: p.read_bytes() for p in first.paths} == before


def test_unknown_format_is_a_render_error(project):
    cfg = load_config(project / "config.yaml")
    with pytest.raises(RenderError, match="unknown output format 'rtf'"):
        build(cfg, formats=["rtf"])


def test_each_build_stage_logs_one_line_with_its_time(project, caplog):
    caplog.set_level("INFO", logger="briefing.pipeline")
    build(load_config(project / "config.yaml"), formats=["json"])
    lines = [r.getMessage() for r in caplog.records if r.name == "briefing.pipeline"]
    assert [line.split(" in ")[0].split()[0] for line in lines] == ["sources", "annotated", "assembled", "rendered",
                                                                    "written"]
    assert lines[2].startswith("assembled test-briefing in ")  # each briefing of the run names itself
    assert all(re.search(r" in \d+\.\d\d s: ", line) for line in lines)
    assert lines[0].endswith("1 from folders, 0 from the web, 0 not usable")


def test_the_pdf_is_laid_out_from_the_html_made_with_the_briefing(project, monkeypatch, tmp_path):
    """The HTML is rendered once, where the briefing is assembled (render.prepare), not again for the PDF.
    The build forks workers, so each rendering is counted as a line in a file."""
    import briefing.render.html as html

    render, renderings = html.render_html_text, tmp_path / "renderings"

    def counted(*args, **kwargs):
        with renderings.open("a") as f:
            f.write("rendered\n")
        return render(*args, **kwargs)

    monkeypatch.setattr(html, "render_html_text", counted)
    result = build(load_config(project / "config.yaml"), formats=["pdf", "json"])
    assert renderings.read_text().splitlines() == ["rendered"]
    assert [p.suffix for p in result.paths] == [".pdf", ".json"]
    assert result.paths[0].read_bytes().startswith(b"%PDF")
