"""The briefing's date (``as_of``) and the date each source is read against.

``--as-of`` takes today | latest-source | YYYY-MM-DD. A source's own ``published`` date always
wins for reading its relative expressions. An undated source is read against an explicit date;
with latest-source its date is inferred from its text; otherwise it stays unanchored, and its
relative dates are shown as written, never resolved against the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from .errors import UsageError
from .model import Source
from .nlp.segment import remembering
from .notices import Notice

if TYPE_CHECKING:
    from .nlp.temporal.published import Inference


def parse_as_of(value: str) -> str | date:
    if value in ("today", "latest-source"):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of: expected today, latest-source or YYYY-MM-DD, found {value!r}") from None


def settle_dates(sources: list[Source], as_of: str, today: date,
                 infer: Callable[[Source], Inference | None] | None = None) -> tuple[date, str, list[Notice]]:
    """Give each source its reference date; return (as_of date, where it came from, warnings).

    ``infer`` infers an undated source's date (default ``infer_published``; the build passes one
    that asks the annotation cache first, so a rebuild need not load the date inference at all).
    """
    if infer is None:
        from .nlp.temporal.published import infer_published as infer
    wanted = parse_as_of(as_of)
    warnings: list[Notice] = []
    for source in sources:
        if source.published:
            continue
        if isinstance(wanted, date):
            source.published, source.published_from = wanted, "as_of"
        elif wanted == "latest-source":
            with remembering():  # the annotation takes this segmentation instead of making it again
                guess = infer(source)
            if guess:
                source.published, source.published_from = guess.published, "inferred"
                source.published_confidence, source.published_note = guess.confidence, guess.note
            else:
                warnings.append(Notice("undated_uninferable", {"source": source.id}))
        else:
            warnings.append(Notice("undated", {"source": source.id}))
    if isinstance(wanted, date):
        return wanted, "explicit", warnings
    if wanted == "latest-source":
        dated = [s.published for s in sources if s.published]
        if dated:
            return max(dated), "latest-source", warnings
        warnings.append(Notice("dated_today"))
    return today, "today", warnings
