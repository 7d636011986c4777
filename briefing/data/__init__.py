"""Access to the packaged data files (lexicons, aliases, labels) in briefing/data/."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..plain_yaml import SafeLoader

DATA_DIR = Path(__file__).parent


READ: set[str] = set()
"""The names of the data files read in this process: the annotation cache records what its entries
were made with, so that a changed lexicon invalidates only what read it."""


def load_data(name: str) -> Any:
    """The parsed YAML file ``briefing/data/<name>.yaml`` (cached)."""
    READ.add(name)
    return _load(name)


@cache
def _load(name: str) -> Any:
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as f:
        # libyaml's parser when PyYAML has it: the same data as safe_load, ten times faster (the
        # lexicons are a good part of a cold build's start-up).
        return yaml.load(f, Loader=SafeLoader)  # noqa: S506 - a SafeLoader
