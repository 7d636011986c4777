"""Speed and scale without changing the briefing: the annotation cache, the worker pool, the size
cap, the section caps and the DOCX keywords limit."""

from __future__ import annotations

import io
import json
import os
import shutil
import time
from datetime import date
from pathlib import Path

import docx
import pytest

from briefing import annotation_cache
from briefing import data as data_module
from briefing.__main__ import main
from briefing.annotation_cache import AnnotationCache, Found, extraction_modules
from briefing.assemble import assemble, cap
from briefing.config import Config, load_config
from briefing.model import AnnotatedSource, BackgroundItem, Evidence, Party, Position, Quote, Source
from briefing.nlp.segment import segment
from briefing.progress import Stage
from briefing.render import render
from tests.briefing_factory import make_briefing
from tests.conftest import SEED, write_config

# Articles written for these tests: a second German one and an English one beside the seed.
GERMAN = """---
title: Außenminister beraten in Wien
published: 2022-01-03
---
Die Außenminister der USA und Russlands treffen sich am Montag in Wien.

„Wir wollen eine Einigung“, sagte Blinken. Russland fordert Garantien gegen eine Erweiterung der Nato.
"""
ENGLISH = """---
title: Ministers to meet in Geneva
published: 2022-01-02
language: en
---
The foreign ministers of the United States and Russia will meet in Geneva on Monday.

"We want an agreement," Blinken said. Russia demands guarantees against NATO enlargement.
"""


def _project(root: Path, workers: int) -> Path:
    (root / "seeds").mkdir(parents=True)
    shutil.copy(SEED, root / "seeds" / SEED.name)
    (root / "seeds" / "wien.md").write_text(GERMAN, encoding="utf-8")
    (root / "seeds" / "genf.md").write_text(ENGLISH, encoding="utf-8")
    write_config(root, workers=workers, as_of="2022-01-04")
    return root


def _build_json(root: Path) -> str:
    from briefing.pipeline import build

    result = build(load_config(root / "config.yaml"))
    return next(p for p in result.paths if p.suffix == ".json").read_text(encoding="utf-8")


def _entries(root: Path) -> dict[Path, int]:
    """Each entry's inode: an entry written again (atomically, by a rename) gets a new one; a hit
    only touches its time (a hit counts as use, see prune)."""
    return {p: p.stat().st_ino for p in (root / "state" / "annotations").rglob("*.pickle")}


def test_the_briefing_is_the_same_with_one_or_two_workers_and_with_or_without_the_cache(tmp_path):
    one = _project(tmp_path / "one", workers=1)
    two = _project(tmp_path / "two", workers=2)
    first = _build_json(one)
    assert _build_json(two) == first  # two workers, cold
    made = _entries(two)
    assert len(made) == 3  # one annotation per source (the sources are dated: no date entries)
    assert _build_json(two) == first  # warm: everything from the cache
    assert _entries(two) == made  # nothing annotated or written again
    shutil.rmtree(two / "state")
    assert _build_json(two) == first  # the cache removed: the same again


def test_a_rebuild_annotates_only_the_source_that_changed(tmp_path):
    root = _project(tmp_path, workers=2)
    _build_json(root)
    before = _entries(root)
    changed = root / "seeds" / "wien.md"
    changed.write_text(GERMAN.replace("am Montag", "am Dienstag"), encoding="utf-8")
    rebuilt = json.loads(_build_json(root))
    after = _entries(root)
    assert len(after) == len(before) + 1
    assert all(after[p] == inode for p, inode in before.items())  # the other entries were only read
    assert any("Dienstag" in e["text"] for m in rebuilt["meetings"] for e in m["evidence"])


def test_an_entry_is_stale_only_when_a_lexicon_it_was_made_with_changed(tmp_path, monkeypatch):
    lexicons = {"speech_de": "a", "actors_en": "b", "labels": "c"}
    monkeypatch.setattr(data_module, "READ", {"speech_de"})
    AnnotationCache(tmp_path, lexicons).put("k1", Found(background=[BackgroundItem("x")]))
    assert AnnotationCache(tmp_path, lexicons).get("k1").background[0].text == "x"
    # A lexicon the entry's process never read, or a render-only file: the entry holds.
    assert AnnotationCache(tmp_path, {**lexicons, "actors_en": "changed", "labels": "changed"}).get("k1")
    # The lexicon it was made with: the entry is made again.
    assert AnnotationCache(tmp_path, {**lexicons, "speech_de": "changed"}).get("k1") is None


def test_the_code_version_covers_the_package_modules_extraction_imports_and_not_rendering():
    """A change to territories.py (imported by the actors and meetings rules) must make entries anew;
    a change to a template renderer must not."""
    names = {p.relative_to(Path(annotation_cache.__file__).parent).as_posix() for p in extraction_modules()}
    assert {"territories.py", "parties.py", "data/__init__.py", "model.py", "nlp/annotate.py"} <= names
    assert not any(name.startswith("render/") for name in names)


def test_a_damaged_entry_is_a_miss_and_not_an_error(tmp_path):
    cache = AnnotationCache(tmp_path, {})
    cache.put("ab12", Found())
    cache.path("ab12").write_bytes(b"not a pickle")
    assert cache.get("ab12") is None


def test_entries_unused_for_a_month_are_pruned_and_a_hit_counts_as_use(tmp_path):
    cache = AnnotationCache(tmp_path, {})
    for key in ("aa01", "bb02", "cc03"):
        cache.put(key, Found())
    month_ago = time.time() - 31 * 86400
    for key in ("aa01", "bb02"):
        os.utime(cache.path(key), (month_ago, month_ago))
    assert cache.get("bb02") is not None  # used by this build
    assert cache.prune() == 1
    assert [p.stem for p in sorted(tmp_path.rglob("*.pickle"))] == ["bb02", "cc03"]


def test_a_source_above_max_source_kb_is_skipped_with_one_line(tmp_path, capsys):
    root = _project(tmp_path, workers=1)
    (root / "seeds" / "huge.txt").write_text("Titel\n\n" + "Ein Satz über nichts. " * 3000, encoding="utf-8")
    write_config(root, workers=1, as_of="2022-01-04", max_source_kb=50)
    assert main(["--config", str(root / "config.yaml"), "build"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [line for line in err if "huge.txt" in line] and len(err) == 1
    assert "max_source_kb (50 KB)" in err[0]
    built = json.loads(next((root / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert len(built["sources"]) == 3


def test_an_extraction_fault_on_one_source_costs_that_source_only(tmp_path, capsys, monkeypatch):
    """A bug of ours met on one article (here made to happen on purpose) is one warning line and a
    notice in the briefing; the other sources are read and the briefing is built."""
    from briefing.nlp import annotate as annotate_module

    real = annotate_module.annotate

    def failing_on_vienna(source, *args, **kwargs):
        if source.id.startswith("wien"):
            raise IndexError("list index out of range")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(annotate_module, "annotate", failing_on_vienna)
    root = _project(tmp_path, workers=1)
    assert main(["--config", str(root / "config.yaml"), "build"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "wien" in err[0] and "IndexError" in err[0]
    built = json.loads(next((root / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert any("wien" in w and "IndexError" in w for w in built["warnings"])
    assert built["meetings"] and len(built["sources"]) == 3  # the seed and the English article still count
    assert len(list((root / "state" / "annotations").rglob("*.pickle"))) == 2  # the failure is not kept


def test_workers_and_caps_must_be_at_least_one(tmp_path):
    from briefing.errors import ConfigError

    with pytest.raises(ConfigError, match="max_quotes"):
        load_config(write_config(tmp_path, max_quotes=0))


def test_cap_keeps_the_first_items_and_returns_the_rest():
    assert cap([1, 2, 3], 2) == ([1, 2], [3])
    assert cap([1], 5) == ([1], [])
    assert cap([1, 2], None) == ([1, 2], [])


def _many(n_quotes: int, n_positions: int) -> AnnotatedSource:
    source = Source("s1", Path("s1.md"), "Viele Zitate", "", "de", date(2022, 1, 4), "front_matter")
    ev = [Evidence("s1", 1, "Satz.")]
    return AnnotatedSource(
        source=source,
        quotes=[Quote(f"Zitat Nummer {i}", "Sprecher", "RUS", list(ev)) for i in range(n_quotes)],
        positions=[Position("RUS", f"fordert Punkt {i}", "demand", None, list(ev)) for i in range(n_positions)])


@pytest.mark.parametrize("language, line", [("de", "Nicht aufgeführt: 7 weitere"), ("en", "Not listed: 7 more")])
def test_the_document_shows_the_cap_and_says_how_many_are_left_out_while_the_json_keeps_all(language, line):
    config = Config(title="Test", max_quotes=3, max_positions_per_party=2, formats=["json", "html", "docx"])
    b = assemble([_many(10, 9)], date(2022, 1, 4), "explicit", language, config)
    assert len(b.quotes) == 3 and len(b.quotes_left_out) == 7
    assert len(b.parties[0].positions) == 2 and len(b.parties[0].left_out) == 7
    files = render(b, ["json", "html", "docx"], config, stem="t")
    j = json.loads(files["t.json"])
    assert len(j["quotes"]) == 10 and [q["left_out"] for q in j["quotes"]].count(True) == 7
    assert len(j["parties"][0]["positions"]) == 9
    assert j["left_out"]["quotes"] == 7 and j["left_out"]["positions"] == 7
    html = files["t.html"].decode("utf-8")
    assert html.count("Zitat Nummer") == 3 and line in html
    assert "fordert Punkt 1" in html and "fordert Punkt 2" not in html
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(files["t.docx"])).paragraphs)
    assert text.count("Zitat Nummer") == 3 and line in text


def test_docx_keywords_stay_within_python_docx_limit_with_many_parties():
    b = make_briefing()
    b.parties = [Party(f"P{i:02d}", f"Partei {i}", []) for i in range(90)]
    config = Config(title="Test", formats=["docx"])
    keywords = docx.Document(io.BytesIO(render(b, ["docx"], config, stem="t")["t.docx"])).core_properties.keywords
    assert 200 < len(keywords) <= 255
    assert keywords.startswith("P00, P01, P02")


def test_segmentation_still_splits_emoji_and_tags_a_sentence_the_same_the_second_time():
    text = "Das ist toll 😀 sagte er. Das ist toll sagte er."
    sentences = segment(text, "de")
    assert "😀" in [t.text for t in sentences[0].tokens]
    again = segment(text, "de")  # the word analyses now come from memory: the same tags and lemmas
    assert [(t.pos, t.lemma) for s in sentences for t in s.tokens] == \
        [(t.pos, t.lemma) for s in again for t in s.tokens]


def test_a_stage_draws_a_bar_on_a_terminal_only(capsys):
    with Stage("annotate", 3, terminal=False) as quiet:
        quiet.advance(3)
    assert quiet._bar is None and quiet.done == 3
    with Stage("annotate", 2, terminal=True) as bar:
        bar.advance(2)
    assert bar._bar is not None and bar._bar.tasks[0].completed == 2


def test_left_out_items_come_back_into_their_lists_from_the_stored_json():
    from briefing.serialize import briefing_from_dict, briefing_to_json

    config = Config(title="Test", max_quotes=3, max_positions_per_party=2, max_parties=1)
    many = _many(5, 4)
    many.positions.append(Position("UKR", "fordert Hilfe", "demand", None, [Evidence("s1", 2, "Satz.")]))
    b = assemble([many], date(2022, 1, 4), "explicit", "de", config)
    assert [p.code for p in b.parties] == ["RUS"] and [p.code for p in b.parties_left_out] == ["UKR"]
    again = briefing_from_dict(json.loads(briefing_to_json(b)))
    assert again.quotes == b.quotes and again.quotes_left_out == b.quotes_left_out
    assert again.parties == b.parties and again.parties_left_out == b.parties_left_out
    assert len(again.parties[0].left_out) == 2 and again.parties_left_out[0].left_out[0].text == "fordert Hilfe"


def test_reading_runs_the_collector_less_often_and_gives_its_setting_back():
    import gc

    from briefing.pipeline import COLLECT_EVERY, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (max(before[0], COLLECT_EVERY), *before[1:])
    assert gc.get_threshold() == before
