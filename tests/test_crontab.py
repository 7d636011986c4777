"""crontab.plainly_valid says yes only where APScheduler accepts the expression, and for the usual ones."""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest
from apscheduler.triggers.cron import CronTrigger

from briefing.crontab import BOUNDS, plainly_valid


def _apscheduler_accepts(expression: str) -> bool:
    try:
        CronTrigger.from_crontab(expression, timezone="UTC")
    except ValueError:
        return False
    return True


def _parts(low: int, high: int) -> list[str]:
    """Values, ranges, lists and steps at and across a field's bounds, and some that are no numbers."""
    width = high - low
    values = [low, low + 1, high, high + 1] + ([low - 1] if low else [])
    out = ["*", "*/0", "*/1", f"*/{width}", f"*/{width + 1}", "0-0/5", "1,,2", "mon", "L", "1#2", "?", "", "٣"]
    out += [str(v) for v in values] + [f"{v}/2" for v in values] + [f"0{low}"]
    out += [f"{a}-{b}" for a, b in itertools.product(values, repeat=2)]
    out += [f"{low}-{high}/{s}" for s in (0, 1, width, width + 1)] + [f"{high}/{s}" for s in (0, 1, 2)]
    out += [f"{low},{high}", f"{low}-{low + 1},{high}/1", f"{low},{high + 1}"]
    return out


@pytest.mark.parametrize("field", range(len(BOUNDS)))
def test_a_plain_yes_is_never_a_no_of_apschedulers(field):
    low, high = BOUNDS[field]
    said_yes = said_no = 0
    for part in _parts(low, high):
        fields = ["*"] * len(BOUNDS)
        fields[field] = part
        expression = " ".join(fields)
        if plainly_valid(expression):
            assert _apscheduler_accepts(expression), expression
            said_yes += 1
        else:
            said_no += 1
    assert said_yes > 10 and said_no > 10


@pytest.mark.parametrize("expression", ["0 7 * * 1-5", "*/15 * * * *", "30 6,12,18 * * 0-4", "0 0 1 */3 *",
                                        "5 4 * * 6", "0 22 * * 1-5/2"])
def test_the_usual_expressions_need_no_apscheduler(expression):
    assert plainly_valid(expression)
    assert _apscheduler_accepts(expression)


@pytest.mark.parametrize("expression", ["0 7 * * mon-fri", "99 7 * * *", "0 7 * *", "0 7 L * *"])
def test_names_and_mistakes_are_left_to_apscheduler(expression):
    assert not plainly_valid(expression)


def test_reading_a_config_with_schedules_does_not_import_apscheduler(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("schedules:\n  - id: morning\n    cron: \"0 7 * * 1-5\"\n    timezone: Europe/Berlin\n"
                      "    deliver: [folder]\n", encoding="utf-8")
    code = (f"import sys; from briefing.config import load_config; c = load_config({str(config)!r}); "
            "print(len(c.schedules), 'apscheduler' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["1", "False"]
