"""eval/news/check.py: an excerpt is cut back from a raw page by its hash; verify checks cases, skips notes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

CHECK = Path(__file__).resolve().parents[1] / "eval" / "news" / "check.py"


def load_check():
    spec = importlib.util.spec_from_file_location("news_check", CHECK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EXCERPT = """Ministers meet in Lyon

The foreign ministers will meet in Lyon on Thursday, the ministry said.

A second round is planned for next month."""

RAW = """Ministers meet in Lyon | Menu | Search
Ministers meet in Lyon

Photo: the ministers last year
The foreign ministers will meet in Lyon
on Thursday, the ministry said.

A second round is planned for next month.
Share this article"""


def case(check) -> dict:
    return {"first_words": "Ministers meet in Lyon", "last_words": "planned for next month.",
            "drop": ["Photo: the ministers last year"], "sha256": check.text_hash(EXCERPT)}


def test_cut_drops_furniture_and_finds_the_repeated_headline_that_matches():
    check = load_check()
    cut = check.cut_excerpt(RAW, case(check))
    assert cut is not None
    assert check.text_hash(cut) == check.text_hash(EXCERPT)
    assert "Menu" not in cut and "Photo" not in cut and "Share" not in cut


def test_a_changed_text_is_not_accepted():
    check = load_check()
    assert check.cut_excerpt(RAW.replace("Thursday", "Friday"), case(check)) is None


def test_front_matter_and_body_are_split():
    check = load_check()
    fm, body = check.split_front_matter("---\ntitle: T\npublished: 2020-01-02\nlanguage: en\n---\n\nText here.\n")
    assert fm["title"] == "T" and str(fm["published"]) == "2020-01-02"
    assert body.strip() == "Text here."


def test_verify_skips_a_note_beside_the_cases_but_flags_a_case_missing_from_the_manifest(tmp_path, capsys):
    check = load_check()
    body = "The foreign ministers will meet in Lyon on Thursday.\n"
    gold = (CHECK.parent / "gold" / "de-t2-01.gold.yaml").read_text(encoding="utf-8")
    entry = {"title": "T", "published": "2018-05-18", "language": "de", "sha256": check.text_hash(body)}
    manifest = {"de-t2-01": entry}
    (tmp_path / "de-t2-01.md").write_text(check.front_matter(manifest["de-t2-01"]) + body, encoding="utf-8")
    (tmp_path / "de-t2-01.gold.yaml").write_text(gold, encoding="utf-8")
    (tmp_path / "ANALYSIS.md").write_text("# What the builder misses\n", encoding="utf-8")
    assert check.verify([tmp_path], manifest) == 0
    assert "1 cases checked, 0 problems" in capsys.readouterr().out

    (tmp_path / "xx-99.md").write_text(body, encoding="utf-8")
    (tmp_path / "xx-99.gold.yaml").write_text(gold, encoding="utf-8")
    assert check.verify([tmp_path], manifest) == 1
    assert "xx-99: not in the manifest" in capsys.readouterr().out
