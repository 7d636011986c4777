"""The model cache: a model made once per state folder is read back, the same, by the next process."""

from __future__ import annotations

import pickle

import pytest
import somajo

from briefing import model_cache
from briefing.nlp import segment


@pytest.fixture
def models(tmp_path):
    model_cache.keep_in(tmp_path / "models")
    segment._tokenizer.cache_clear()
    yield tmp_path / "models"
    model_cache.keep_in(None)
    segment._tokenizer.cache_clear()


def _never(*args, **kwargs) -> object:
    raise AssertionError("made again although the cache holds it")


def test_without_a_folder_every_model_is_made():
    made = []
    for _ in range(2):
        model_cache.kept("m", ("1",), lambda: made.append(1) or {"made": len(made)})
    assert made == [1, 1]


def test_a_model_is_made_once_then_read_back(models):
    assert model_cache.kept("m", ("1",), lambda: {"rules": [1, 2]}) == {"rules": [1, 2]}
    assert [p.name for p in models.iterdir()] == ["m.pickle"]
    assert model_cache.kept("m", ("1",), _never) == {"rules": [1, 2]}


def test_another_key_makes_it_again_and_replaces_the_file(models):
    model_cache.kept("m", ("1",), lambda: "old")
    assert model_cache.kept("m", ("2",), lambda: "new") == "new"
    assert model_cache.kept("m", ("2",), _never) == "new"
    assert [p.name for p in models.iterdir()] == ["m.pickle"]


def test_a_damaged_file_is_made_again(models):
    models.mkdir()
    (models / "m.pickle").write_bytes(b"not a pickle")
    assert model_cache.kept("m", ("1",), lambda: "made") == "made"
    assert pickle.loads((models / "m.pickle").read_bytes())[1] == "made"


def test_a_folder_that_cannot_be_written_costs_only_speed(tmp_path, caplog):
    (tmp_path / "file").write_text("x")
    model_cache.keep_in(tmp_path / "file" / "models")  # below a file: no folder can be made there
    try:
        assert model_cache.kept("m", ("1",), lambda: "made") == "made"
    finally:
        model_cache.keep_in(None)
    assert "model cache: cannot write" in caplog.text


@pytest.mark.parametrize("language, text", [
    ("de", "Die Ministerin reist am 3. Mai nach Kiew, d.h. vor dem Gipfel. Sie trifft u.a. Vertreter der EU."),
    ("en", "The minister won't travel to Kyiv on May 3, i.e. before the summit. She'll meet e.g. the U.S. envoy."),
])
def test_the_tokenizer_read_back_splits_text_as_a_fresh_one(models, monkeypatch, language, text):
    def tokens(tokenizer):
        return [[(t.text, t.character_offset) for t in s] for s in tokenizer.tokenize_text([text])]

    fresh = tokens(segment._tokenizer(language))  # made, and stored in the folder
    segment._tokenizer.cache_clear()
    monkeypatch.setattr(somajo, "SoMaJo", _never)  # the next process: only the file can give it
    assert tokens(segment._tokenizer(language)) == fresh
    assert len(fresh) == 2 and fresh[0][0][0] in ("Die", "The")


def test_the_first_name_table_read_back_gives_the_same_genders_as_the_dictionary(models, monkeypatch):
    import gender_guesser.detector as gd

    from briefing.nlp.actors import names

    names._genders.cache_clear()
    detector = gd.Detector(case_sensitive=False)
    first = ("Annalena", "Olaf", "Kaja", "Antony", "Andrea", "Jean-Claude", "Bundestag")
    expected = [names.GENDERS.get(detector.get_gender(n)) for n in first]
    assert [names._genders().get(n.lower()) for n in first] == expected  # made, and stored in the folder
    names._genders.cache_clear()
    monkeypatch.setattr(gd.Detector, "__init__", _never)  # the next process: only the file can give it
    try:
        assert [names._genders().get(n.lower()) for n in first] == expected
        assert expected[:2] == ["f", "m"] and expected[-1] is None
    finally:
        names._genders.cache_clear()


def test_a_changed_dictionary_file_makes_the_first_name_table_again(models):
    from briefing.nlp.actors import names

    names._genders.cache_clear()
    try:
        names._genders()
        stored = (models / "gender-guesser-table.pickle").read_bytes()
        names._genders.cache_clear()
        model_cache.kept("gender-guesser-table", ("another dictionary",), lambda: {"x": "m"})  # as if it changed
        assert names._genders()["olaf"] == "m"  # its own key no longer matches the file: made again
        assert (models / "gender-guesser-table.pickle").read_bytes() == stored
    finally:
        names._genders.cache_clear()


@pytest.mark.parametrize("language, words", [
    ("de", ["Die", "Außenministerin", "verhandelte", "gestern", "mit", "den", "Verbündeten", "."]),
    ("en", ["The", "envoys", "were", "negotiating", "the", "ceasefire", "talks", "."]),
])
def test_the_tagger_read_back_tags_and_lemmatises_as_a_fresh_one(models, monkeypatch, language, words):
    from HanTa import HanoverTagger

    segment._tagger.cache_clear()
    try:
        fresh = segment._tagger(language).tag_sent(words, taglevel=1)  # made, and stored in the folder
        segment._tagger.cache_clear()
        monkeypatch.setattr(HanoverTagger.HanoverTagger, "__init__", _never)  # only the file can give it
        assert segment._tagger(language).tag_sent(words, taglevel=1) == fresh
        assert len(list(models.glob("hanta-*.pickle"))) == 1
    finally:
        segment._tagger.cache_clear()
