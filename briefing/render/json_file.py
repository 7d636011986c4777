"""The briefing as JSON, the machine-readable form (see schema/briefing.schema.json).

The serialiser and its reverse live side by side in briefing/serialize.py.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..model import Briefing
from ..serialize import briefing_to_json

SCHEMA_PATH = Path(__file__).parent.parent / "schema" / "briefing.schema.json"


def render_json(briefing: Briefing, config: Config) -> bytes:
    return briefing_to_json(briefing)
