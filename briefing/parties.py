"""Party codes and their names per language (from data/parties.yaml)."""

from __future__ import annotations

from .data import load_data
from .territories import state_name


def party_name(code: str, language: str) -> str:
    """The party's name from data/parties.yaml, else the state's CLDR name, else the code."""
    entry = load_data("parties").get(code) or {}
    return entry.get(language) or entry.get("en") or state_name(code, language) or code
