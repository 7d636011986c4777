"""config.yaml: a typed schema whose errors name the key, the line, what was expected and found."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import Config, load_config
from briefing.errors import ConfigError

from .conftest import ROOT, write_config


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as e:
        load_config(write_config(tmp_path, text))
    return e.value.problems


def test_shipped_config_is_valid():
    cfg = load_config(ROOT / "config.yaml")
    assert cfg.as_of == "latest-source"
    assert set(cfg.formats) >= {"pdf", "docx", "json"}
    assert cfg.schedules and cfg.schedules[0].id == "morning"


def test_defaults_without_a_file():
    cfg = load_config(None)
    assert isinstance(cfg, Config)
    assert cfg.as_of == "today" and cfg.language == "auto"


def test_wrong_type_names_key_line_expected_and_found(tmp_path):
    assert problems(tmp_path, "title: T\nformats: pdf\n") == [
        "line 2: Config value 'formats': expected a list, found a string 'pdf'"]


def test_quoted_boolean_gets_a_hint(tmp_path):
    [p] = problems(tmp_path, "title: T\ndocx_comments: 'false'\n")
    assert p.startswith("line 2: Config value 'docx_comments': expected true or false, found a string 'false'")
    assert "remove the quotes" in p


def test_unknown_key_suggests_the_near_one(tmp_path):
    [p] = problems(tmp_path, "title: T\nformat: [pdf]\n")
    assert p == "line 2: Config value 'format': unknown key (did you mean 'formats'?)"


def test_all_problems_are_reported_at_once(tmp_path):
    found = problems(tmp_path, "title: [1]\nlanguage: fr\nmisfire_grace_hours: '6'\n")
    assert len(found) == 3
    assert found[0].startswith("line 1: Config value 'title': expected a string")
    assert found[1] == "line 2: Config value 'language': expected one of de, en, auto, found a string 'fr'"
    assert "remove the quotes around numbers" in found[2]


def test_bad_cron_names_the_job_key_and_line(tmp_path):
    text = "title: T\nschedules:\n  - id: a\n    cron: '0 7 * *'\n  - id: b\n    cron: '99 7 * * *'\n"
    found = problems(tmp_path, text)
    assert found[0].startswith("line 4: Config value 'schedules[0].cron': expected 5 fields")
    assert found[1].startswith("line 6: Config value 'schedules[1].cron': not a valid cron expression '99 7 * * *'")


def test_unknown_time_zone_and_duplicate_ids(tmp_path):
    text = ("schedules:\n  - id: a\n    cron: '0 7 * * *'\n    timezone: Mars/Olympus\n"
            "  - id: a\n    cron: '0 8 * * *'\n")
    found = problems(tmp_path, text)
    assert "line 4: Config value 'schedules[0].timezone': unknown IANA time zone 'Mars/Olympus'" in found
    assert "line 5: Config value 'schedules[1].id': the id 'a' is used twice" in found


def test_missing_required_job_key(tmp_path):
    [p] = problems(tmp_path, "schedules:\n  - id: a\n")
    assert p == "line 2: Config value 'schedules[0].cron': is required but missing"


def test_bad_as_of_and_format(tmp_path):
    found = problems(tmp_path, "as_of: yesterday\nformats: [pdf, rtf]\n")
    assert found == ["line 1: Config value 'as_of': expected today, latest-source or YYYY-MM-DD, found 'yesterday'",
                     "line 2: Config value 'formats': expected formats from json, html, pdf, docx, ics, found rtf"]


def test_email_channel_needs_recipients(tmp_path):
    [p] = problems(tmp_path, "schedules:\n  - id: a\n    cron: '0 7 * * *'\n    deliver: [email]\n")
    assert "'schedules[0].recipients': the email channel needs at least one recipient" in p


def test_invalid_yaml_names_the_line(tmp_path):
    [p] = problems(tmp_path, "title: T\nformats: [pdf\n")
    assert p.startswith("line 2: not valid YAML")  # where the unclosed list opens


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError) as e:
        load_config(tmp_path / "nope.yaml")
    assert str(e.value).endswith("nope.yaml: the file does not exist")


def test_paths_are_relative_to_the_config_file(tmp_path):
    cfg = load_config(write_config(tmp_path, seeds="articles"))
    assert cfg.resolve(cfg.seeds) == tmp_path / "articles"
    assert cfg.lines["seeds"] == 2


def test_extra_actor_aliases_are_a_mapping(tmp_path):
    cfg = load_config(write_config(tmp_path, actors={"Selenskyj": "UKR"}))
    assert cfg.actors == {"Selenskyj": "UKR"}
    assert problems(tmp_path, "actors: [Selenskyj]\n") == [
        "line 1: Config value 'actors': expected a mapping, found a list"]


def test_impossible_dates_are_problems_not_tracebacks(tmp_path):
    found = problems(tmp_path, "as_of: 2022-13-45\nschedules:\n  - id: a\n    cron: '0 7 * * *'\n"
                               "    start_date: 2024-02-31\n")
    assert found == ["line 1: Config value 'as_of': '2022-13-45' is not a real date",
                     "line 5: Config value 'schedules[0].start_date': '2024-02-31' is not a real date"]
    [found] = problems(tmp_path, "as_of: 2022-02-30\n")
    assert found == "line 1: Config value 'as_of': '2022-02-30' is not a real date"


def test_every_problem_at_once_in_line_order_also_those_of_keys_together(tmp_path):
    # A bad job and a bad format beside a valid job's bad cron: fixing one must not reveal others.
    found = problems(tmp_path, "formats: [pdf, xyz]\nschedules:\n  - id: a\n    cron: 'bad'\n"
                               "  - cron: '0 7 * * *'\nlanguage: fr\n")
    assert [p.split(":", 1)[0] for p in found] == ["line 1", "line 4", "line 5", "line 6"]
    assert "schedules[0].cron" in found[1] and "schedules[1].id" in found[2] and "'language'" in found[3]


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    found = problems(tmp_path, 'title: "unclosed\nlanguage: de\nas_of: today\n')
    assert found[0].startswith("line 1: not valid YAML")
