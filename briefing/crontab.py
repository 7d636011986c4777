"""Crontab expressions APScheduler accepts for certain, told without importing it.

Every command reads config.yaml, and every schedule's cron expression is checked there. Asking
APScheduler imports it with asyncio and importlib.metadata, a noticeable part of a one-off build's
start for a check whose answer for an ordinary expression is plain. An expression made only of
numbers, ranges, lists, ``*`` and steps inside each field's bounds is accepted here by the rules
APScheduler 3 applies to it (``CronTrigger.from_crontab``: 0 is Monday, steps no wider than their
range); anything else (names, ``L``, ``#``, anything out of bounds) goes to APScheduler, which then
also says what is wrong. This module only ever says yes where APScheduler does.
"""

from __future__ import annotations

import re

BOUNDS = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 6))
"""Lowest and highest value of minute, hour, day of month, month and day of week."""

_PART = re.compile(r"(?:(\*)|([0-9]+)(?:-([0-9]+))?)(?:/([0-9]+))?")


def plainly_valid(expression: str) -> bool:
    """True when APScheduler accepts ``expression`` as a five-field crontab for certain; False when
    only APScheduler can tell."""
    fields = expression.split()
    return len(fields) == len(BOUNDS) and all(
        _part_valid(part, low, high) for text, (low, high) in zip(fields, BOUNDS) for part in text.split(","))


def _part_valid(part: str, low: int, high: int) -> bool:
    m = _PART.fullmatch(part)
    if not m:
        return False
    star, first, last, step = m.groups()
    if star:
        width = high - low
    else:
        start = int(first)
        end = int(last) if last is not None else (start if step is None else None)
        if start < low or start > high or (end is not None and (end > high or end < start)):
            return False
        # APScheduler measures a step against (last or the field's highest) - first: a last of 0 counts as none
        width = (end or high) - start
    return step is None or 0 < int(step) <= width
