"""The reference date each source is read against."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Source


@dataclass
class Inference:
    published: date
    confidence: float
    note: str


def infer_published(source: Source) -> Inference | None:
    """Infer an undated source's publication date from its own date mentions (None when it cannot)."""
    return None
