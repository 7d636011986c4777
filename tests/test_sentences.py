"""Sentence and token boundaries (SoMaJo, with the project's corrections)."""

from __future__ import annotations

from briefing.nlp.segment import segment


def texts(body: str, language: str) -> list[list[str]]:
    return [[t.text for t in s.tokens] for s in segment(body, language, tag=False)]


def test_a_state_name_before_a_full_stop_ends_the_sentence():
    # SoMaJo's English abbreviations hold "Egypt." (for "Egyptian"): the state would keep the full
    # stop and the next sentence would run on.
    assert texts("The last stop of the journey will be Egypt. The minister returns on Friday.", "en") == [
        ["The", "last", "stop", "of", "the", "journey", "will", "be", "Egypt", "."],
        ["The", "minister", "returns", "on", "Friday", "."]]


def test_real_abbreviations_keep_their_full_stop():
    assert texts("She met the U.S. envoy and Dr. Rahman in Cairo. Talks went on.", "en")[0][3:5] == ["U.S.", "envoy"]
    assert texts("Er traf Dr. Ahmed in Kairo. Dann reiste er ab.", "de") == [
        ["Er", "traf", "Dr.", "Ahmed", "in", "Kairo", "."], ["Dann", "reiste", "er", "ab", "."]]
