"""Inferring an undated source's publication date from its own date mentions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.model import Source
from briefing.nlp.reference import infer_published


def source(body: str, language: str = "de") -> Source:
    return Source(id="t", path=Path("t.txt"), title="t", body=body, language=language)


def test_anaphor_landing_on_a_named_day_pins_year_and_week():
    body = ("Die Vermittler wollen am Samstag und Sonntag in Wien verhandeln. Drei Tage später soll der Rat "
            "zusammenkommen. Der Vorsitzende hatte den Rat am Donnerstag für den 16. März einberufen. "
            "Am Donnerstag sprach er auch mit der Presse. Im Jahr 2021 war ein ähnlicher Versuch gescheitert.")
    guess = infer_published(source(body))
    assert guess is not None
    # 13 March 2022 is a Sunday: Sunday + 3 days = Wednesday 16 March; Thursday past = 10 March.
    assert guess.published == date(2022, 3, 10)
    assert 0 < guess.confidence <= 1
    assert "16. März" in guess.note or "Drei Tage später" in guess.note


def test_no_named_day_gives_no_guess():
    assert infer_published(source("Am Freitag wollen die Minister beraten. Gestern gab es keine Einigung.")) is None
