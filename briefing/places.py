"""Place names in the briefing's language: 'Genf' in a German briefing, 'Geneva' in an English one.

Cities and venues come from data/places.yaml; country names from Babel's CLDR territory names,
so every country is covered in both languages. A place known to neither stays as the text wrote it.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from .data import load_data

LANGUAGES = ("de", "en")


def place_name(name: str | None, language: str) -> str | None:
    """``name`` as ``language`` writes it, or unchanged when it is not known."""
    if not name:
        return name
    return _names(language).get(name.casefold(), name)


@cache
def _names(language: str) -> dict[str, str]:
    """Every known name of a place, in any language (case-folded), to its name in ``language``."""
    out: dict[str, str] = {}
    for entry in load_data("places"):
        if language in entry:
            for any_name in entry.values():
                out[any_name.casefold()] = entry[language]
    target = Locale.parse(language).territories
    for other in LANGUAGES:
        for code, name in Locale.parse(other).territories.items():
            if code.isalpha() and code in target:  # countries, not numeric regions like "150" (Europe)
                out.setdefault(name.casefold(), target[code])
    return out
