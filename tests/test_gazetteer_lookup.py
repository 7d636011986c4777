"""Gazetteer.lookup: a name as written or with a case ending, across several words; nothing else."""

from __future__ import annotations

from briefing.nlp.actors.gazetteer import Entry, Gazetteer


def _gazetteer() -> Gazetteer:
    g = Gazetteer("de")
    g.phrases.update({"weißes haus": Entry("USA", "name"), "white house": Entry("USA", "name"),
                      "kreml": Entry("RUS", "name")})
    return g


def test_a_phrase_is_found_as_written_and_with_an_ending_on_its_last_word():
    g = _gazetteer()
    assert g.lookup("Weißes  Haus") == Entry("USA", "name")
    assert g.lookup("Weißes Hauses") == Entry("USA", "name")
    assert g.lookup("White House's") == Entry("USA", "name")
    assert g.lookup("Kremls") == Entry("RUS", "name")


def test_words_that_begin_no_phrase_find_nothing():
    g = _gazetteer()
    assert g.lookup("Graues Hauses") is None
    assert g.lookup("der Kremls") is None
    assert g.lookup("Weißes Hemd") is None


def test_a_phrase_added_after_a_lookup_is_found():
    g = _gazetteer()
    assert g.lookup("Graues Hauses") is None
    g.phrases["graues haus"] = Entry("XXX", "name")
    assert g.lookup("Graues Hauses") == Entry("XXX", "name")
    assert g.lookup("grey house's") is None
