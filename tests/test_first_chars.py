"""compile_fast: a look-ahead for the possible first characters, and the very same matches."""

from __future__ import annotations

import re

import pytest

from briefing.nlp.first_chars import compile_fast, first_chars
from briefing.nlp.temporal.timex_lex import lexicon

TEXTS = {
    "de": ("Vor knapp drei Wochen, am Montagabend des 14. März 2022, trafen sich die Minister; "
           "in den kommenden Tagen folgen zwei- bis dreitägige Gespräche, etwa 18 Monate nach dem "
           "Gipfel von 2021/22. Der 47-jährige Sprecher sagte am Freitag, die 1990er Jahre seien vorbei. "
           "Anfang Mai, zwischen dem 3. und 5. Juni und im Herbst 2023 sind weitere Treffen geplant; "
           "heute um 14:30 Uhr, morgen früh und jedes Jahr im Januar."),
    "en": ("About three weeks ago, on Monday evening, 14 March 2022, the ministers met; over the coming "
           "days two to three days of talks follow, some 18 months after the 2021/22 summit. The "
           "47-year-old spokesman said on Friday that the 1990s were over. Early May, between 3 and 5 June "
           "and in autumn 2023 further meetings are planned; today at 2:30 pm, tomorrow morning and every year."),
}


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_timex_pattern_finds_the_same_matches_with_and_without_the_look_ahead(language):
    text = TEXTS[language]
    found = 0
    for p in lexicon(language).patterns:
        assert p.regex.pattern.startswith("(?=[")  # each lexicon pattern got its look-ahead
        written = re.compile(p.regex.pattern.split("])", 1)[1])  # the class holds only escapes: no raw "]"
        assert _matches(p.regex, text) == _matches(written, text)
        found += len(_matches(written, text))
    assert found > 10  # the sentences do hold dates, durations and times


def test_the_look_ahead_holds_the_first_characters_of_each_alternative():
    ahead = first_chars(r"(?<![\d.,])(?:(?:[Ee]twa|rund)\s+)?(?:[Vv]ier|\d+)\s+Tage")
    assert ahead is not None
    starts = re.compile(ahead)
    assert [c for c in "EeRrVv7x Tt" if starts.match(c)] == ["E", "e", "r", "V", "v", "7"]


@pytest.mark.parametrize("pattern", [r".+Tage", r"[^a]bc", r"a?", r"(?i)vier", r"\bTag(?:e)?\b|x*", r"(?:x|.)y"])
def test_a_pattern_whose_start_cannot_be_told_is_compiled_as_written(pattern):
    assert first_chars(pattern) is None
    assert compile_fast(pattern).pattern == pattern


@pytest.mark.parametrize("pattern", [r"(?:[Vv]ier|zwei)\s+(?:Tage|Wochen)", r"\b\d{1,2}\.\s*(?:Mai|Juni)",
                                     r"(?:(?:der|die)\s+)?(?:nächst|kommend)\w*\s+Woche", r"(?<=am )\w+tag"])
def test_compiled_fast_the_matches_are_those_of_the_pattern_as_written(pattern):
    text = ("Am kommenden Dienstag, am Montag und in der nächsten Woche, vier Tage nach dem 3. Mai, "
            "zwei Wochen vor dem 12.Juni")
    fast = compile_fast(pattern)
    assert fast.pattern != pattern
    assert _matches(fast, text) == _matches(re.compile(pattern), text)
    assert _matches(fast, text)


def _flat(words, both_cases: bool = False) -> str:
    """The alternation as a flat list, longest word first: what the lexicon's tree must match alike."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w)
        if both_cases and w[:1].isalpha():
            esc = f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}"
        out.append(esc)
    return "(?:" + "|".join(out) + ")"


@pytest.mark.parametrize("words, text", [
    (["vier", "vierzehn", "vierzig", "viel", "viele", "vielen", "Woche", "Wochen", "Wochenende"],
     "Vier Wochen, vierzehn Tage, viele Wochenenden, vierzigmal viel mehr; Vierzehnjährige"),
    (["three", "thirty", "thirteen", "week", "weekend", "weeks", "ca.", "a"],
     "Three weeks, thirteen weekends, thirty weeks ago, ca. a week; Thirtyish weekly"),
])
@pytest.mark.parametrize("after", ["", r"\s+\w+", r"(?!\w)", r"s?\b"])
def test_the_tree_of_words_matches_what_the_flat_list_matches(words, text, after):
    from briefing.nlp.temporal.timex_lex import _alternation

    for both in (False, True):
        tree = re.compile(f"(?P<w>{_alternation(words, both)}){after}")
        flat = re.compile(f"(?P<w>{_flat(words, both)}){after}")
        assert tree.pattern != flat.pattern
        assert _matches(tree, text) == _matches(flat, text)
        assert _matches(flat, text)
