"""Labels and date formats per language, in the user's words (labels from data/labels.yaml, dates by Babel).

Shared by the renderers, the e-mail and "what changed": wording, not rendering.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date, format_interval

from .data import load_data


def labels_for(language: str) -> dict[str, str]:
    table = load_data("labels")
    return {key: (entry.get(language) or entry["en"]) for key, entry in table.items()}


def date_pattern(language: str, form: str) -> str:
    """The date pattern of a form ('full', 'long', 'short', 'weekday_day', 'tick', 'day_month')
    in a language, from data/labels.yaml: 'EEEE, d. MMMM y' / 'EEEE, d MMMM y' (form=full)."""
    return labels_for(language)[f"date_{form}"]


def format_day(day: date | None, language: str = "de", form: str = "full") -> str:
    """'Mittwoch, 12. Januar 2022' / 'Wednesday, 12 January 2022' (form=full), or a short form."""
    if day is None:
        return ""
    return format_date(day, date_pattern(language, form), locale=language)


def format_range(start: date | None, end: date | None, language: str = "de", form: str = "full") -> str:
    if start is None:
        return ""
    if end is None or end == start:
        return format_day(start, language, form)
    return f"{format_day(start, language, form)} – {format_day(end, language, form)}"


def format_span(start: date | None, end: date | None, language: str = "de") -> str:
    """A compact day or range for narrow columns, the month named once when it is shared:
    'Di., 4. – Do., 6. Jan. 2022' / 'Tue, 4 Jan – Thu, 6 Jan 2022' (Babel's interval formats)."""
    if start is None:
        return ""
    return format_interval(start, end or start, "yMMMEd", locale=labels_for(language)["date_locale"])
