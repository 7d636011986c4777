"""Page furniture: datelines, bylines and the lines a site puts around an article.

"BERLIN, 4. Januar (dpa) –", "Von Anna Muster, 4. Januar 2022", "Aktualisiert am 05.01.2022, 10:12 Uhr",
"Updated 10:32 AM EST, Tue January 4, 2022": the dates there say when the text was filed or changed, not
when anything it reports happens. No temporal expression is taken from them; the date they give may
only tell when the source was published (``published.py``), and only when it has no date of its own.
The patterns for each kind are in the lexicon (``furniture`` in ``timex_<language>.yaml``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

from .timex_lex import Lexicon, lexicon

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Furniture:
    start: int
    end: int
    kind: str
    """dateline | byline | page | inline: which pattern of the lexicon found it"""


@cache
def _patterns(lex: Lexicon) -> tuple[tuple[str, re.Pattern[str]], ...]:
    agencies = "|".join(re.escape(a) for a in sorted(lex.data.get("agencies") or [], key=len, reverse=True))
    return tuple((kind, re.compile(text.replace("{agencies}", agencies or "(?!)"), re.M))
                 for kind, text in (lex.data.get("furniture") or {}).items())


def find_furniture(body: str, language: str) -> list[Furniture]:
    """The stretches of ``body`` that are page furniture, in text order."""
    found = [Furniture(m.start(), m.end(), kind) for kind, p in _patterns(lexicon(language))
             for m in p.finditer(body) if m.end() > m.start()]
    return sorted(found, key=lambda f: f.start)


