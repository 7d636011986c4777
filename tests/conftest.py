"""Shared test helpers: a valid config plus the overrides a test needs, and the seed article."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_277351b2bc8a04e1.txt"


def write_config(folder: Path, text: str | None = None, **keys) -> Path:
    """Write a config.yaml into ``folder``: ``text`` as given, or a valid config with ``keys`` set."""
    path = folder / "config.yaml"
    if text is None:
        data = {"title": "Test briefing", "seeds": "seeds", "out": "out", "state": "state",
                "formats": ["json"], "as_of": "latest-source"}
        data.update(keys)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with seeds/ holding the seed article and a valid config.yaml."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    write_config(tmp_path)
    return tmp_path
