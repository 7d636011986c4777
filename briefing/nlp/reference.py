"""The reference date each source is read against, and its inference for an undated source.

An undated article still dates itself: it names days ("12. Januar"), weekdays in past or future
clauses ("am Dienstag sprach", "am Freitag wollen") and days relative to them ("zwei Tage
später"). Each candidate publication day is tried as the reference date; the day whose reading
makes the most mentions agree wins:

- a relative day (weekday, anaphor) that lands on a day the text names explicitly is strong
  evidence ("zwei Tage später" after "Montag" = "12. Januar" pins the year and the week);
- a named day in a past clause must not lie after the publication day, in a future clause not before;
- news speaks of the last few and the next few days: past weekdays close behind and future
  weekdays close ahead of the publication day make it likelier.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Source, Timex
from .segment import segment
from .timex import find_timexes, resolve_all

log = logging.getLogger(__name__)

FULL_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)$")
DAY_MONTH = re.compile(r"XXXX-(\d\d)-(\d\d)$")
YEARISH = re.compile(r"((?:19|20)\d\d)(?:-\d\d)?$")
WINDOW_BEFORE, WINDOW_AFTER = 21, 45
"""Candidate days around each named day: the article is written up to three weeks before and weeks after it."""
MIN_YEAR, MAX_YEAR = 1990, 2035
RELATIVE_KINDS = {"weekday", "anaphor_words", "anaphor_units", "reld"}
NAMED_KINDS = {"date", "date_mdy", "numeric_date", "iso_date", "bare_day"}


@dataclass
class Inference:
    published: date
    confidence: float
    note: str


def _candidate_days(unanchored: list[Timex]) -> list[date]:
    """Days around the named days, in the years the text makes plausible."""
    full = [date(int(m[1]), int(m[2]), int(m[3])) for t in unanchored if (m := FULL_DAY.match(t.value))]
    years = [int(m[1]) for t in unanchored if (m := YEARISH.match(t.value))] + [d.year for d in full]
    years = [y for y in years if MIN_YEAR <= y <= MAX_YEAR]
    anchors = list(full)
    day_months = [(int(m[1]), int(m[2])) for t in unanchored if (m := DAY_MONTH.match(t.value))]
    if day_months:
        if full:
            cand_years = sorted({d.year + k for d in full for k in (-1, 0, 1)})
        elif years:
            cand_years = sorted({y + k for y in years for k in range(4) if y + k <= MAX_YEAR})
        else:
            cand_years = list(range(MIN_YEAR, MAX_YEAR + 1))
        for y in cand_years:
            for mo, d in day_months:
                try:
                    anchors.append(date(y, mo, d))
                except ValueError:
                    continue
    days = {a + timedelta(days=k) for a in anchors for k in range(-WINDOW_BEFORE, WINDOW_AFTER + 1)}
    return sorted(days)


def _score(timexes: list[Timex], day: date) -> tuple[float, int, int, list[str]]:
    """(score, agreeing, checked, reasons) of reading the text as published on ``day``."""
    named = {t.first_day for t in timexes if t.kind in NAMED_KINDS and t.first_day}
    named_by_sentence: dict[int, set[date]] = {}
    for t in timexes:
        if t.kind in NAMED_KINDS and t.first_day:
            named_by_sentence.setdefault(t.sentence, set()).add(t.first_day)
    score, agree, checked, reasons = 0.0, 0, 0, []
    latest: int | None = None
    for t in timexes:
        if t.kind in ("year", "month") and (m := YEARISH.match(t.value)):
            # Articles mostly look back: a year or month after the publication day is rarer.
            y = int(m.group(1))
            start = date(y, int(t.value[5:7]), 1) if len(t.value) == 7 else date(y, 1, 1)
            if start > day:
                score -= 0.5
            else:
                latest = max(latest or y, y)
            continue
        if not t.first_day:
            continue
        if t.kind in RELATIVE_KINDS and t.kind != "reld":
            checked += 1
            if t.kind != "weekday" and t.first_day in named:
                # An anaphor landing on a named day pins the date.
                score += 3
                agree += 1
                reasons.append(f"'{t.text}' ({t.direction or 'relative'}) falls on a named day")
            elif t.kind == "weekday":
                if t.first_day in named_by_sentence.get(t.sentence, ()):
                    # "am Dienstag, dem 14. Dezember" or the like: weekday and date agree.
                    score += 1
                    reasons.append(f"'{t.text}' ({t.direction}) matches the date beside it")
                # News speaks of the last day or two and of the coming week: a past weekday far
                # behind the publication day is unlikely, a future one may be a week ahead.
                gap = (t.first_day - day).days
                score -= (-gap if gap < 0 else 0.3 * gap) / 7
                agree += 1
        elif t.kind in NAMED_KINDS and t.direction in ("past", "future"):
            checked += 1
            ok = t.first_day <= day if t.direction == "past" else t.first_day >= day
            score += (1 if ok else -2) - min(abs((t.first_day - day).days), 120) / 60
            agree += ok
            if ok:
                reasons.append(f"'{t.text}' ({t.direction})")
        elif t.kind in NAMED_KINDS:
            # A named day without tense: the article is probably written around it.
            score -= min(abs((t.first_day - day).days), 60) / 60
    if latest is not None and day.year > latest + 1:
        # The latest year the text looks back to is seldom long past.
        score -= 0.3 * (day.year - latest - 1)
    return score, agree, checked, reasons


def infer_published(source: Source) -> Inference | None:
    """Infer an undated source's publication date from its own date mentions (None when it cannot)."""
    sentences = segment(source.body, source.language)
    found = find_timexes(source.body, source.language)
    unanchored = resolve_all(found, source.body, sentences, source.language, None)
    candidates = _candidate_days(unanchored)
    if not candidates:
        return None
    best: tuple[float, date, int, int, list[str]] | None = None
    for day in candidates:
        timexes = resolve_all(found, source.body, sentences, source.language, day)
        score, agree, checked, reasons = _score(timexes, day)
        if best is None or score > best[0]:
            best = (score, day, agree, checked, reasons)
    assert best is not None
    score, day, agree, checked, reasons = best
    confidence = round(agree / checked, 2) if checked else 0.3
    mentions = sum(1 for t in unanchored if t.type in ("DATE", "TIME"))
    why = "; ".join(dict.fromkeys(reasons[:3]))
    note = f"inferred from {mentions} date mentions" + (f": {why} agree" if why else "")
    log.info("%s: inferred publication date %s (score %.2f, %s)", source.id, day, score, note)
    return Inference(day, confidence, note)
