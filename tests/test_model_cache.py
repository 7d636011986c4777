"""The model cache: a model made once per state folder is read back, the same, by the next process."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

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


needs_linker_cache = pytest.mark.skipif(not Path("/etc/ld.so.cache").is_file(),
                                        reason="the answers are kept only where the linker has a cache")


def _libraries_config(tmp_path):
    from briefing.config import Config

    return Config(base_dir=tmp_path, state="state")


@needs_linker_cache
def test_native_libraries_are_looked_up_once_per_state_folder(tmp_path, monkeypatch):
    import ctypes.util

    from briefing.render.libraries import libraries_remembered

    names = ["c", "m", "no-such-library-at-all"]
    expected = [ctypes.util.find_library(n) for n in names]
    system = ctypes.util.find_library
    config = _libraries_config(tmp_path)
    with libraries_remembered(config):
        assert [ctypes.util.find_library(n) for n in names] == expected
    assert ctypes.util.find_library is system  # the process's own look-up is back outside
    monkeypatch.setattr(ctypes.util, "find_library", _never)  # the next process: only the file can answer
    with libraries_remembered(config):
        assert [ctypes.util.find_library(n) for n in names] == expected
        with pytest.raises(AssertionError):
            ctypes.util.find_library("asked for the first time")
    assert expected[0] is not None and expected[-1] is None


def test_native_libraries_are_looked_up_again_when_the_linker_cache_changes(tmp_path, monkeypatch):
    import ctypes.util
    import os

    from briefing.render import libraries

    linker_cache = tmp_path / "ld.so.cache"
    linker_cache.write_bytes(b"libraries as installed")
    monkeypatch.setattr(libraries, "LINKER_CACHE", linker_cache)
    config = _libraries_config(tmp_path)
    with libraries.libraries_remembered(config):
        assert ctypes.util.find_library("c")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: "found after a change")
    with libraries.libraries_remembered(config):
        assert ctypes.util.find_library("c") != "found after a change"
    linker_cache.write_bytes(b"libraries installed since, by ldconfig")
    os.utime(linker_cache, ns=(1, 1))
    with libraries.libraries_remembered(config):
        assert ctypes.util.find_library("c") == "found after a change"


@needs_linker_cache
def test_weasyprint_loads_and_renders_with_the_remembered_libraries_alone(tmp_path):
    import subprocess
    import sys

    script = (
        "import ctypes.util, sys\n"
        "from pathlib import Path\n"
        "from briefing.config import Config\n"
        "from briefing.render.libraries import libraries_remembered\n"
        "config = Config(base_dir=Path(sys.argv[1]), state='state')\n"
        "if sys.argv[2] == 'again':\n"
        "    def never(name): raise AssertionError(f'looked up again: {name}')\n"
        "    ctypes.util.find_library = never\n"
        "with libraries_remembered(config):\n"
        "    import weasyprint\n"
        "sys.stdout.buffer.write(weasyprint.HTML(string='<p>Lage</p>').write_pdf()[:5])\n")
    for run in ("first", "again"):
        out = subprocess.run([sys.executable, "-c", script, str(tmp_path), run], capture_output=True, check=True)
        assert out.stdout == b"%PDF-", out.stderr


def _declarations() -> str:
    """C declarations long enough to be kept: structs of several fields, a typedef, a function."""
    structs = "\n".join(f"struct point{i} {{ int x; double y; char name[{i + 1}]; struct point{i} *next; }};"
                        for i in range(80))
    return structs + "\ntypedef struct point3 point_t;\nint distance (point_t *a, struct point7 *b);\n"


def test_c_declarations_parsed_once_read_back_declare_the_same_types(tmp_path, monkeypatch):
    import cffi
    from pycparser.c_parser import CParser

    from briefing.render.libraries import DECLARATIONS_FROM, libraries_remembered

    def declared(ffi: cffi.FFI) -> list:
        return [(ffi.sizeof(f"struct point{i}"), ffi.offsetof(f"struct point{i}", "next")) for i in range(80)] + \
            [ffi.getctype("point_t"), ffi.getctype(ffi.typeof("int(*)(point_t *, struct point7 *)"))]

    text = _declarations()
    assert len(text) >= DECLARATIONS_FROM
    fresh = cffi.FFI()
    fresh.cdef(text)
    config = _libraries_config(tmp_path)
    with libraries_remembered(config):
        first = cffi.FFI()
        first.cdef(text)
    kept = sorted(p.name for p in (tmp_path / "state" / "models").glob("c-declarations-*"))
    assert len(kept) == 1
    monkeypatch.setattr(CParser, "parse", _never)  # the next process: only the file can give the declarations
    with libraries_remembered(config):
        again = cffi.FFI()
        again.cdef(text)
        with pytest.raises(AssertionError):  # a type name is parsed each time, never kept
            again.new("char[7]")
    monkeypatch.undo()
    assert declared(again) == declared(first) == declared(fresh)
    assert sorted(p.name for p in (tmp_path / "state" / "models").glob("c-declarations-*")) == kept


def test_an_array_of_a_named_type_is_made_as_pycparser_reads_it_without_a_parse(monkeypatch):
    import cffi
    from pycparser.c_parser import CParser

    from briefing.render.libraries import _arrays_of_named_types

    ffi = cffi.FFI()
    ffi.cdef("typedef unsigned int glyph_t; typedef struct { int a; char b[3]; } pair_t;")
    names = ["glyph_t[412]", "char[4]", " int [0] ", "pair_t[2]", "glyph_t[07]", "glyph_t[]", "unsigned int[3]",
             "glyph_t *", "pair_t"]
    read = [ffi._parser.parse_type(n) for n in names]
    with _arrays_of_named_types():
        assert [ffi._parser.parse_type(n) for n in names] == read
        monkeypatch.setattr(CParser, "parse", _never)  # glyph_t is known now: another length needs no parse
        glyphs = ffi.new("glyph_t[1000]", list(range(1000)))
        assert ffi.sizeof(glyphs) == 4000 and glyphs[999] == 999
        with pytest.raises(AssertionError):
            ffi.typeof("glyph_t[0x10]")  # a length cffi reads otherwise (hexadecimal): parsed as before
    with pytest.raises(AssertionError):
        ffi.typeof("glyph_t[2000]")  # outside, every new name is parsed as before


def _clear_territories() -> None:
    from briefing import territories

    territories.state_names.cache_clear()
    territories.historic_states.cache_clear()
    territories.historic_names.cache_clear()


def test_the_tables_of_states_are_read_back_and_made_again_when_their_sources_change(models, monkeypatch):
    from briefing import territories

    _clear_territories()
    try:
        made = (territories.state_names("de"), territories.state_names("en"), territories.historic_states())
        assert made[0]["Lesotho"] == "LSO" and made[0]["UdSSR"] == "SUN" and made[1]["USSR"] == "SUN"
        _clear_territories()
        monkeypatch.setattr(territories, "_state_names", _never)  # the next process: only the files can give them
        monkeypatch.setattr(territories, "_historic_states", _never)
        assert (territories.state_names("de"), territories.state_names("en"), territories.historic_states()) == made
        _clear_territories()
        monkeypatch.setattr(territories, "_historic_wanted", lambda: {"SUN"})  # parties.yaml marks other states
        with pytest.raises(AssertionError):
            territories.historic_states()
    finally:
        _clear_territories()


def test_a_lexicon_is_read_back_as_parsed_and_parsed_again_when_it_changes(models, monkeypatch):
    import os

    from briefing import data

    monkeypatch.setattr(data, "DATA_DIR", models.parent)
    lexicon = models.parent / "cues_xx.yaml"
    lexicon.write_text("cues:\n  past: [gestern, vorige]\n  when: 2024-05-01\n", encoding="utf-8")
    data._load.cache_clear()
    try:
        made = data.load_data("cues_xx")
        assert made == {"cues": {"past": ["gestern", "vorige"], "when": date(2024, 5, 1)}}
        data._load.cache_clear()
        monkeypatch.setattr(data, "_parse", _never)  # the next process: only the file in the folder can give it
        assert data.load_data("cues_xx") == made
        assert "cues_xx" in data.READ  # the annotation cache still learns what was read
        lexicon.write_text("cues:\n  past: [gestern]\n", encoding="utf-8")
        os.utime(lexicon, ns=(1, 1))
        data._load.cache_clear()
        with pytest.raises(AssertionError):
            data.load_data("cues_xx")
    finally:
        data._load.cache_clear()


def test_the_code_version_is_read_back_and_made_again_when_a_module_changes(models, tmp_path, monkeypatch):
    from briefing import annotation_cache

    package = tmp_path / "package"
    (package / "nlp").mkdir(parents=True)
    (package / "nlp" / "rules.py").write_text("from ..model import Source\n", encoding="utf-8")
    (package / "model.py").write_text("class Source: ...\n", encoding="utf-8")
    monkeypatch.setattr(annotation_cache, "PACKAGE", package)
    annotation_cache.code_version.cache_clear()
    try:
        made = annotation_cache.code_version()
        annotation_cache.code_version.cache_clear()
        monkeypatch.setattr(annotation_cache, "_code_version", _never)
        assert annotation_cache.code_version() == made
        monkeypatch.undo()
        monkeypatch.setattr(annotation_cache, "PACKAGE", package)
        (package / "model.py").write_text("class Source: pass\n", encoding="utf-8")
        annotation_cache.code_version.cache_clear()
        assert annotation_cache.code_version() != made
    finally:
        annotation_cache.code_version.cache_clear()
