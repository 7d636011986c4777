"""Several briefings from one config: which sources belong, ranking by relevance, limits, left_out."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from briefing.assemble import assemble, cap
from briefing.config import Config, briefing_views, load_config
from briefing.errors import ConfigError, UsageError
from briefing.model import Evidence, Quote
from briefing.relevance import Relevance, belongs
from briefing.serialize import briefing_from_dict, briefing_to_dict
from tests.nlp_support import annotated

from .conftest import write_config

OLD = ("Russland fordert von der Nato Garantien gegen eine Osterweiterung. "
       "„Wir wollen Dialog“, sagte Stoltenberg. "
       "Die Außenminister der Nato treffen sich am 7. Januar in Brüssel.")
NEW = ("Iran lehnt neue Auflagen für sein Atomprogramm ab. "
       "„Wir verhandeln weiter“, sagte der iranische Außenminister. "
       "Die Gespräche in Wien sollen am 28. Februar fortgesetzt werden.")


def sources():
    old, new = annotated(OLD, source_id="old"), annotated(NEW, source_id="new")
    old.source.published, new.source.published = date(2022, 1, 1), date(2022, 1, 6)
    return [old, new]


def test_a_source_belongs_to_a_briefing_by_party_or_keyword_and_to_one_without_either():
    old, new = sources()
    assert belongs(old, Config(parties=["NATO"])) and not belongs(new, Config(parties=["NATO"]))
    assert belongs(new, Config(parties=["USA"], keywords=["atomprogramm"]))
    assert belongs(old, Config()) and belongs(new, Config())


def test_items_rank_by_party_then_recency_and_the_cut_goes_to_left_out():
    config = Config(parties=["NATO"], max_quotes=1, max_positions_per_party=1)
    b = assemble(sources(), date(2022, 1, 7), "explicit", "de", config)
    assert b.parties[0].code == "NATO"  # the briefing's party first, though IRN has more positions
    assert [q.evidence[0].source for q in b.quotes] == ["old"]  # the party's quote outranks the newer one
    assert [q.evidence[0].source for q in b.quotes_left_out] == ["new"]
    data = briefing_to_dict(b)
    assert [(q["text"], q["left_out"]) for q in data["quotes"]] == [(b.quotes[0].text, False),
                                                                    (b.quotes_left_out[0].text, True)]
    assert data["left_out"]["quotes"] == 1


def test_recency_ranks_equal_items_the_newer_first():
    rank = Relevance(Config(max_quotes=1), date(2022, 1, 7), {"old": date(2021, 12, 1), "new": date(2022, 1, 6)})
    quotes = [Quote("alt", None, None, [Evidence("old", 1, "")]), Quote("neu", None, None, [Evidence("new", 1, "")])]
    assert [q.text for q in cap(rank.order(quotes), 1)[0]] == ["neu"]
    assert [q.text for q in Relevance(Config(), date(2022, 1, 7), {}).order(quotes)] == ["alt", "neu"]  # no dates


def test_meetings_beyond_the_horizon_are_left_out_and_said_so():
    b = assemble(sources(), date(2022, 1, 7), "explicit", "en", Config(horizon_days=21))
    assert [m.start for m in b.upcoming] == [date(2022, 1, 7)]
    assert [m.start for m in b.upcoming_left_out] == [date(2022, 2, 28)]
    assert any("1 meetings after 28 January 2022 not listed" in w for w in b.warnings)
    again = briefing_from_dict(briefing_to_dict(b))
    assert [m.start for m in again.upcoming_left_out] == [date(2022, 2, 28)] and again.past_left_out == []


def test_each_briefing_lays_its_keys_over_the_top_level(tmp_path):
    config = load_config(write_config(tmp_path, title="Alle", max_quotes=3, briefings=[
        {"id": "a", "title": "A", "parties": ["RUS"]}, {"id": "b", "max_quotes": 1}]))
    a, b = briefing_views(config)
    assert (a.briefing_id, a.title, a.parties, a.max_quotes) == ("a", "A", ["RUS"], 3)
    assert (b.title, b.max_quotes) == ("Alle", 1)
    assert [v.briefing_id for v in briefing_views(config, ["b"])] == ["b"]
    with pytest.raises(UsageError, match="unknown briefing 'c' \\(known: a, b\\)"):
        briefing_views(config, ["c"])
    assert briefing_views(dataclasses.replace(config, briefings=[])) == [dataclasses.replace(config, briefings=[])]


def test_briefing_ids_and_schedule_briefings_are_checked(tmp_path):
    job = {"id": "morning", "cron": "0 7 * * *"}
    with pytest.raises(ConfigError) as e:
        load_config(write_config(tmp_path, briefings=[{"id": "a"}, {"id": "a", "parties": ["NAT0"]}, {"id": "b c"}],
                                 schedules=[{**job, "briefing": "x"}]))
    text = str(e.value)
    assert "'briefings[1].id': the id 'a' is used twice" in text
    assert "'briefings[2].id': the id 'b c' may hold only letters" in text
    assert "'schedules[0].briefing': unknown briefing 'x' (known: a, b c)" in text
    assert "'briefings[1].parties': unknown party code 'NAT0'" in text
    with pytest.raises(ConfigError, match="name the briefing the job sends"):
        load_config(write_config(tmp_path, briefings=[{"id": "a"}, {"id": "b"}], schedules=[job]))


def test_check_names_the_sources_and_the_briefings(tmp_path, capsys):
    from briefing.__main__ import main

    (tmp_path / "seeds").mkdir()
    path = write_config(tmp_path, sources=[{"folder": "seeds"}, {"feed": "https://news.example.org/rss.xml"}],
                        briefings=[{"id": "a", "title": "A"}, {"id": "b"}])
    assert main(["check", "-c", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"sources: {tmp_path / 'seeds'}, feed https://news.example.org/rss.xml;" in out
    assert "2 briefings: a (A); b (Test briefing)" in out
