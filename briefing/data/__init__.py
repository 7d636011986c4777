"""Access to the packaged data files (lexicons, aliases, labels) in briefing/data/."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent


@cache
def load_data(name: str) -> Any:
    """The parsed YAML file ``briefing/data/<name>.yaml`` (cached)."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)
