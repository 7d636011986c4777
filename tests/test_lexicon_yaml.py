"""Lexicons are word lists: YAML 1.1's bare-word booleans must not eat English words."""

from __future__ import annotations

import yaml

from briefing.data import DATA_DIR, load_data
from briefing.plain_yaml import LexiconLoader


def test_bare_words_on_off_yes_no_stay_words():
    text = "words: [on, off, yes, no, On, No]\nflag: true\nother: False\n"
    data = yaml.load(text, Loader=LexiconLoader)  # noqa: S506 - a SafeLoader subclass
    assert data == {"words": ["on", "off", "yes", "no", "On", "No"], "flag": True, "other": False}


def test_no_lexicon_holds_a_boolean_inside_a_word_list():
    def words_lists(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from words_lists(value)
        elif isinstance(node, list):
            yield node
            for value in node:
                yield from words_lists(value)

    for path in sorted(DATA_DIR.glob("*.yaml")):
        for words in words_lists(load_data(path.stem)):
            assert not any(isinstance(w, bool) for w in words), (path.name, words)


def test_english_prepositions_on_are_read_as_words():
    assert "on" in load_data("speakers_en")["clause_speaker"]["source_prepositions"]
