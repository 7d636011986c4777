"""Every state's name in German and English, by its ISO 3166 alpha-3 code, from the Unicode CLDR (Babel).

The hand-written gazetteer (data/actors_*.yaml) names the states the news names most, with capitals,
adjectives and short forms; CLDR adds the rest of the world ("Angola", "Lesotho", "Bhutan"), so a visit to
a state the lists forget still has its host.

The tables made from CLDR and ISO 3166-3 are kept in the model cache (model_cache.py): reading them
back spares a build's reading of sources Babel's territory names for two languages and the import
of pycountry (which asks importlib.metadata for its own version), some 80 ms."""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from . import model_cache
from .data import load_data

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
    """The name of each state in ``language`` (de or en) -> its alpha-3 code, the states that no longer exist
    among them (``historic_names``)."""
    return model_cache.kept(f"state-names-{language}", _made_from(), lambda: _state_names(language))


def _made_from() -> tuple[str, ...]:
    """What the tables are made from: Babel's version, pycountry's files as installed, and the historic
    states data/parties.yaml asks for."""
    import babel

    spec = importlib.util.find_spec("pycountry")  # found, not imported
    package = Path(spec.origin).parent if spec and spec.origin else None
    files = model_cache.files_key(package / "__init__.py", package / "databases" / "iso3166-3.json") \
        if package else ("no pycountry",)
    return (babel.__version__, *files, repr(sorted(_historic_wanted())))


def _historic_wanted() -> set[str]:
    return {code for code, entry in (load_data("parties") or {}).items() if (entry or {}).get("historic")}


def _state_names(language: str) -> dict[str, str]:
    from babel import Locale

    codes = alpha3()
    return {**historic_names(language),
            **{name: codes[two] for two, name in Locale(language).territories.items() if two in codes}}


def state_name(code: str, language: str) -> str | None:
    """The CLDR name of the state with alpha-3 ``code`` in ``language``, or None."""
    from babel import Locale

    two = next((k for k, v in alpha3().items() if v == code), None)
    return Locale(language).territories.get(two) if two else None


@dataclass(frozen=True)
class HistoricState:
    """A state that no longer exists (ISO 3166-3), kept as a party of its own."""

    code: str
    """Its ISO 3166-3 alpha-3 code: SUN, DDR, YUG, CSK."""
    ended: date
    """The day ISO 3166-3 withdrew it."""
    successors: tuple[str, ...]
    """The alpha-3 codes of the states it split into (CLDR's territory aliases); empty for one absorbed by a
    state that existed already (the DDR by the Federal Republic)."""


@lru_cache(maxsize=1)
def historic_states() -> tuple[HistoricState, ...]:
    """The states that no longer exist and that data/parties.yaml marks ``historic`` (SUN, DDR, YUG, CSK):
    their end from ISO 3166-3 (pycountry), their successors from CLDR."""
    return model_cache.kept("historic-states", _made_from(), _historic_states)


def _historic_states() -> tuple[HistoricState, ...]:
    import pycountry
    from babel.core import get_global

    wanted = _historic_wanted()
    aliases, codes = get_global("territory_aliases"), alpha3()
    out = []
    for state in pycountry.historic_countries:
        if state.alpha_3 not in wanted:
            continue
        # CLDR keys an old state by its alpha-3 or its numeric code (Czechoslovakia: "200" -> CZ, SK)
        into = aliases.get(state.alpha_3) or aliases.get(state.numeric) or []
        successors = tuple(codes[two] for two in into if two in codes) if len(into) > 1 else ()
        out.append(HistoricState(state.alpha_3, date.fromisoformat(state.withdrawal_date), successors))
    return tuple(sorted(out, key=lambda s: s.ended))


@lru_cache(maxsize=4)
def historic_names(language: str) -> dict[str, str]:
    """The names ISO 3166-3 gives each historic state in ``language`` ("UdSSR", "Union der Sozialistischen
    Sowjetrepubliken", "Tschechoslowakei") -> its code. Of a name with a comma each part is a name, but not
    one in brackets ("Jugoslawien, (Sozialistische) Föderative Republik")."""
    import gettext

    import pycountry

    codes = {s.code for s in historic_states()}
    translate = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=[language], fallback=True)
    out: dict[str, str] = {}
    for state in pycountry.historic_countries:
        if state.alpha_3 in codes:
            for part in translate.gettext(state.name).split(", "):
                if "(" not in part:
                    out[part.strip()] = state.alpha_3
    return out


def in_its_time(code: str, day: date | None) -> str:
    """The party ``code`` stood for on ``day``: a state that was then part of a state that later split is that
    state ("Moskau" in 1985 is the Soviet Union, Belgrade in 1999 Yugoslavia), up to the day ISO 3166-3
    withdrew its code (the Soviet Union: 30 August 1992, though it ended in December 1991). A text with no day
    is taken as of today."""
    if day is None:
        return code
    for state in historic_states():  # the first to end: Belgrade in 2004 is Serbia and Montenegro, not Yugoslavia
        if day < state.ended and code in state.successors:
            return state.code
    return code


def _adjective_rules(language: str) -> dict:
    rules = load_data("demonyms")
    return rules.get(language) or rules["de"]


@lru_cache(maxsize=4096)
def state_of_adjective(word: str, language: str) -> str | None:
    """The state an adjective made from its name stands for ("Mozambican", "mosambikanischen": MOZ), by the rules
    of data/demonyms.yaml over the CLDR names; None when no single state fits ("Christian", "Guinean")."""
    rules = _adjective_rules(language)
    low = word.lower()
    for ending in sorted(rules.get("inflections") or [], key=len, reverse=True):
        if low.endswith(ending) and low[: -len(ending)].endswith(rules.get("suffix") or ""):
            low = low[: -len(ending)]
            break
    suffix = rules.get("suffix") or ""
    if suffix:
        if not low.endswith(suffix):
            return None
        low = low[: -len(suffix)]
    names = [(name.lower(), code) for name, code in state_names(language).items()]
    cover = float(rules.get("cover") or 0.6)

    def starting(stem: str) -> set[str]:
        return {code for name, code in names
                if len(stem) >= 4 and name.startswith(stem) and len(stem) >= cover * len(name)}

    for ending in rules.get("endings") or []:
        if ending and not low.endswith(ending):
            continue
        stem = low[: len(low) - len(ending)]
        found = starting(stem)
        if not found and rules.get("trim_last"):  # "Mozambic-an": the name's last letters changed
            found = starting(stem[:-1])
        if len(found) == 1:
            return found.pop()
    return None
