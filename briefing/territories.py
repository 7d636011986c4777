"""Every state's name in German and English, by its ISO 3166 alpha-3 code, from the Unicode CLDR (Babel).

The hand-written gazetteer (data/actors_*.yaml) names the states the news names most, with capitals,
adjectives and short forms; CLDR adds the rest of the world ("Angola", "Lesotho", "Bhutan"), so a visit to
a state the lists forget still has its host."""

from __future__ import annotations

import logging
from functools import lru_cache

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def alpha3() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3, from CLDR's territory aliases (an old code beside a current one: the one that
    starts with the alpha-2, else with its first letter, else the first in order: "DE" -> "DEU", not the "DDR"
    CLDR also maps to DE)."""
    from babel.core import get_global

    found: dict[str, list[str]] = {}
    for old, new in get_global("territory_aliases").items():
        if len(old) == 3 and old.isalpha() and len(new) == 1:
            found.setdefault(new[0], []).append(old)
    out = {}
    for two, threes in found.items():
        out[two] = sorted(threes, key=lambda t: (not t.startswith(two), t[0] != two[0], t))[0]
    return out


@lru_cache(maxsize=4)
def state_names(language: str) -> dict[str, str]:
    """The name of each state in ``language`` (de or en) -> its alpha-3 code."""
    from babel import Locale

    codes = alpha3()
    return {name: codes[two] for two, name in Locale(language).territories.items() if two in codes}


def state_name(code: str, language: str) -> str | None:
    """The CLDR name of the state with alpha-3 ``code`` in ``language``, or None."""
    from babel import Locale

    two = next((k for k, v in alpha3().items() if v == code), None)
    return Locale(language).territories.get(two) if two else None
