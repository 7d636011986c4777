"""The pattern cache: regular expressions compiled in one process are read back, the same, by the next."""

from __future__ import annotations

import re
from re import _compiler, _parser

import pytest

from briefing import pattern_cache
from briefing.pattern_cache import patterns_kept

PATTERNS = [
    (r"(?P<day>\d{1,2})\.\s*(?P<month>Januar|Februar|März)(?:\s+(\d{4}))?", 0),
    (r"\b(?:am|bis zum)\s+(?=\d)", re.IGNORECASE),
    (r"""(?x) ^ \s* [«»"„“] (?P<quote> [^«»"„“]+ ) [«»"„“]  # a quotation, written spread out""", 0),
    (r"(?<![\w.])(?:z\.\s?B\.|u\.\s?a\.)", 0),
    (rb"%PDF-(\d)\.(\d)", 0),
]


def _never(*args: object, **kwargs: object) -> object:
    raise AssertionError("compiled again")


def _compile_all() -> list[re.Pattern]:
    re.purge()  # past re's own cache of this process: each pattern is compiled
    return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def test_patterns_read_back_are_the_patterns_re_compiles(tmp_path, monkeypatch):
    fresh = _compile_all()
    monkeypatch.setattr(pattern_cache, "WRITE_FROM", 0.0)
    with patterns_kept("t", tmp_path):
        assert _compile_all() == fresh
    assert [p.name for p in tmp_path.iterdir()] == ["re-t.pickle"]
    monkeypatch.setattr(_parser, "parse", _never)  # the next process: only the file can give them
    with patterns_kept("t", tmp_path):
        again = _compile_all()
        with pytest.raises(AssertionError):
            re.compile(r"ein Muster, das (noch) keiner kannte")
    monkeypatch.undo()
    assert again == fresh
    assert [(p.groups, dict(p.groupindex), p.flags) for p in again] == \
        [(p.groups, dict(p.groupindex), p.flags) for p in fresh]
    text = "Treffen am 12. März 2025 in Brüssel"
    assert again[0].search(text).groupdict() == fresh[0].search(text).groupdict() == {"day": "12", "month": "März"}
    assert again[2].match('  „Wir verhandeln“').group("quote") == "Wir verhandeln"


def test_outside_the_block_re_compiles_as_before(tmp_path, monkeypatch):
    compile_ = _compiler.compile
    monkeypatch.setattr(pattern_cache, "WRITE_FROM", 0.0)
    with patterns_kept("t", tmp_path):
        assert _compiler.compile is not compile_
        with patterns_kept("other", tmp_path):  # one table at a time: the inner block changes nothing
            _compile_all()
    assert _compiler.compile is compile_
    assert [p.name for p in tmp_path.iterdir()] == ["re-t.pickle"]
    with patterns_kept("t", None):  # no model folder: nothing kept
        assert _compiler.compile is compile_


def test_a_table_is_written_only_when_its_new_patterns_took_longer_to_compile_than_writing(tmp_path, monkeypatch):
    monkeypatch.setattr(pattern_cache, "WRITE_FROM", 3600.0)
    with patterns_kept("t", tmp_path):
        _compile_all()
    assert not list(tmp_path.iterdir())


def test_another_python_compiles_again(tmp_path, monkeypatch):
    monkeypatch.setattr(pattern_cache, "WRITE_FROM", 0.0)
    with patterns_kept("t", tmp_path):
        _compile_all()
    monkeypatch.setattr(pattern_cache, "_key", lambda: ("another Python",))
    compiled = []
    compile_ = _compiler.compile
    monkeypatch.setattr(_compiler, "compile", lambda p, flags=0: compiled.append(p) or compile_(p, flags))
    with patterns_kept("t", tmp_path):
        _compile_all()
    assert compiled == [p for p, _ in PATTERNS]


def test_a_full_table_keeps_the_patterns_of_the_last_process(tmp_path, monkeypatch):
    monkeypatch.setattr(pattern_cache, "WRITE_FROM", 0.0)
    monkeypatch.setattr(pattern_cache, "MAX_PATTERNS", len(PATTERNS) + 1)
    with patterns_kept("t", tmp_path):
        re.purge()
        for word in ("Gipfel", "Treffen", "Besuch"):  # made from an article's words
            re.compile(rf"\b{word}\b")
    with patterns_kept("t", tmp_path):
        _compile_all()
    monkeypatch.setattr(_parser, "parse", _never)
    with patterns_kept("t", tmp_path):
        _compile_all()
        re.purge()
        with pytest.raises(AssertionError):
            re.compile(r"\bGipfel\b")


@pytest.mark.slow
def test_a_build_keeps_the_patterns_its_reading_and_its_renderers_compile(project):
    import pickle
    import subprocess
    import sys

    from briefing.nlp.temporal.timex_lex import lexicon

    subprocess.run([sys.executable, "-m", "briefing", "build", "--format", "pdf,json"], cwd=project, check=True,
                   capture_output=True)
    with open(project / "state" / "models" / "re-assemble.pickle", "rb") as f:
        _key, table = pickle.load(f)
    timex = lexicon("de").patterns[0].regex
    assert (timex.pattern, timex.flags & ~re.UNICODE) in table  # the temporal lexicon's, made from its words
    assert (project / "state" / "models" / "re-renderers.pickle").is_file()  # WeasyPrint's, imported beside


def test_what_a_remembered_function_reads_from_a_pattern_is_kept_with_the_patterns(tmp_path, monkeypatch):
    calls = []

    @pattern_cache.remembered
    def first_letter(pattern: str, flags: int = 0) -> str | None:
        calls.append(pattern)
        return pattern[0] if pattern[0].isalpha() else None

    monkeypatch.setattr(pattern_cache, "WRITE_FROM", 0.0)
    with patterns_kept("t", tmp_path):
        assert [first_letter("Gipfel"), first_letter(r"\d+"), first_letter("Gipfel")] == ["G", None, "G"]
    assert calls == ["Gipfel", r"\d+"]
    with patterns_kept("t", tmp_path):  # the next process: read back, None as well
        assert [first_letter("Gipfel"), first_letter(r"\d+")] == ["G", None]
    assert calls == ["Gipfel", r"\d+"]
    assert first_letter("Gipfel") == "G" and calls[-1] == "Gipfel"  # outside a block: called as it is
