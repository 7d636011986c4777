"""Party codes and their names per language (from data/parties.yaml)."""

from __future__ import annotations

from functools import lru_cache

from .data import load_data
from .territories import historic_states, state_name

# a state ISO 3166 leaves to user codes, which is no organisation
USER_ASSIGNED_STATES = frozenset({"XKX"})


def party_name(code: str, language: str) -> str:
    """The party's name from data/parties.yaml, else the state's CLDR name, else the code."""
    entry = load_data("parties").get(code) or {}
    return entry.get(language) or entry.get("en") or state_name(code, language) or code


@lru_cache(maxsize=256)
def is_organisation(code: str) -> bool:
    """A party that is a body or a group of states with a code of its own in data/parties.yaml (EU, NATO, the
    East African Community), not a state: no ISO 3166 state has its code."""
    if code not in load_data("parties") or code in USER_ASSIGNED_STATES:
        return False
    return state_name(code, "en") is None and code not in {h.code for h in historic_states()}
