"""The registries are the one list of output formats and delivery channels: config and CLI ask them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefing.__main__ import parser
from briefing.config import load_config
from briefing.deliver import CHANNELS
from briefing.errors import ConfigError, RenderError
from briefing.model import Briefing
from briefing.render import RENDERERS, Renderer, get_renderer

from .briefing_factory import make_briefing
from .conftest import write_config


def _titles(briefing: Briefing, config) -> bytes:
    return "\n".join(m.title for m in briefing.meetings).encode()


@pytest.fixture
def titles_format():
    RENDERERS.add(Renderer("titles", ".txt", "text/plain", _titles))
    yield
    RENDERERS.remove("titles")


def test_an_added_format_is_known_to_config_cli_and_rendering(tmp_path: Path, titles_format) -> None:
    config = load_config(write_config(tmp_path, formats=["json", "titles"]))
    assert config.formats == ["json", "titles"]
    assert parser().parse_args(["build", "--format", "titles,pdf"]).formats == ["titles", "pdf"]
    assert get_renderer("titles").render(make_briefing(), config).startswith(b"Gespr\xc3\xa4che")


def test_unknown_names_are_refused_with_the_registered_ones(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match=r"unknown output format 'rtf' \(known: json, html, pdf, docx, ics\)"):
        get_renderer("rtf")
    job = {"id": "daily", "cron": "0 7 * * *", "deliver": ["pigeon", "email"]}
    with pytest.raises(ConfigError) as e:
        load_config(write_config(tmp_path, schedules=[job]))
    said = str(e.value)
    assert f"expected channels from {', '.join(CHANNELS.names())}, found 'pigeon'" in said
    assert "the email channel needs at least one recipient" in said


@pytest.mark.slow
def test_listing_the_formats_loads_no_renderer() -> None:
    code = ("import sys; from briefing.config import load_config; load_config(None, formats=['pdf', 'docx']); "
            "print(sorted(m for m in ('weasyprint', 'docx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
