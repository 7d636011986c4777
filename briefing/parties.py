"""Party codes and their names per language (from data/parties.yaml)."""

from __future__ import annotations

from .data import load_data


def party_name(code: str, language: str) -> str:
    entry = load_data("parties").get(code) or {}
    return entry.get(language) or entry.get("en") or code
