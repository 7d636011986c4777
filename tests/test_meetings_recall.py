"""More ways news states a meeting, and sentences that only look like one (issue 9, recall on real news)."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import annotated

TUESDAY = date(2022, 1, 4)


def meetings(text: str, language: str = "de", published: date = TUESDAY):
    return annotated(text, language, published).meetings


# -- topic sentences are no meetings ---------------------------------------------------------------

def test_a_stay_needs_the_place_right_after_the_verb():
    [m] = meetings("Scholz will also be in Warsaw on Friday.", "en")
    assert (m.start, m.location) == (date(2022, 1, 7), "Warsaw")
    assert {"DEU", "POL"} <= set(m.participants)


def test_english_what_leaders_are_expected_to_discuss_is_no_stay():
    assert meetings("Scholz and Macron are expected to discuss the fighting in Mali, an official said.", "en") == []
    assert meetings("Prices in Germany are expected to rise on Friday.", "en") == []


# -- more words for a visit or a meeting -----------------------------------------------------------

def test_an_invitation_as_a_state_guest_is_a_visit():
    [m] = meetings("Poland will invite Scholz on January 10 and 11 as a state guest.", "en")
    assert (m.start, m.end) == (date(2022, 1, 10), date(2022, 1, 11))
    assert {"DEU", "POL"} <= set(m.participants)


def test_signing_an_agreement_together_is_a_meeting():
    [m] = meetings("Am Donnerstag wollen Scholz und Macron in Paris ein Abkommen unterschreiben.")
    assert (m.start, m.location) == (date(2022, 1, 6), "Paris")
    assert {"DEU", "FRA"} <= set(m.participants)


def test_a_meeting_in_reported_future_is_to_come():
    [m] = meetings("Scholz werde auch ein Gespräch mit Macron führen, sagte ein Sprecher.")
    assert (m.start, m.status) == (None, "upcoming")
    assert {"DEU", "FRA"} <= set(m.participants)


def test_english_coming_to_a_capital_is_a_visit():
    [m] = meetings("Scholz has agreed to come to Washington on January 10.", "en")
    assert (m.start, m.location) == (date(2022, 1, 10), "Washington")
    assert {"DEU", "USA"} <= set(m.participants)
