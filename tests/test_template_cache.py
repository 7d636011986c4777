"""A build keeps its compiled templates in the state folder; a changed template is compiled again."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from briefing.render.html import PACKAGED_TEMPLATES

from .conftest import write_config


def _build_html(project) -> str:
    subprocess.run([sys.executable, "-m", "briefing", "build", "--format", "html"], cwd=project, check=True,
                   capture_output=True)
    return next((project / "out").glob("*.html")).read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_template_changed_after_a_build_is_compiled_again_by_the_next(project):
    templates = project / "templates"
    templates.mkdir()
    shutil.copy(PACKAGED_TEMPLATES / "briefing.html", templates / "briefing.html")
    write_config(project, templates="templates", formats=["html"])
    first = _build_html(project)
    kept = list((project / "state" / "models").glob("templates-*/*.cache"))
    assert kept, "the compiled template is kept in the state folder"
    page = (templates / "briefing.html").read_text(encoding="utf-8")
    (templates / "briefing.html").write_text(page.replace("<body", "<!-- changed --><body", 1), encoding="utf-8")
    second = _build_html(project)
    assert "<!-- changed -->" not in first and "<!-- changed -->" in second
    assert len(list((project / "state" / "models").glob("templates-*/*.cache"))) == len(kept)  # replaced, not added
