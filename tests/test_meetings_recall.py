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


def test_english_a_place_in_what_ministers_will_discuss_is_no_venue():
    assert meetings("The ministers are expected to discuss the crisis in Ukraine on Monday.", "en") == []
    [m] = meetings("The foreign ministers will meet in Brussels on Monday.", "en")
    assert (m.start, m.location) == (date(2022, 1, 10), "Brussels")


def test_a_place_in_what_ministers_discuss_is_no_venue():
    assert meetings("Die Außenminister besprechen am Montag die Lage in der Ukraine.") == []
    [m] = meetings("Die Außenminister beraten am Montag in Brüssel.")
    assert (m.start, m.location) == (date(2022, 1, 10), "Brüssel")


def test_separable_and_figurative_verbs_of_meeting_are_none():
    assert meetings("Der Plan trifft am Montag in Berlin auf Kritik.") == []
    assert meetings("The proposal met with criticism in Berlin on Monday.", "en") == []


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


# -- a list of states after "zwischen"/"with" names who meets ----------------------------------------

def test_a_list_of_states_after_zwischen_names_the_parties():
    [m] = meetings("Geplant sind Gespräche zwischen Deutschland, Frankreich und Ägypten.")
    assert (m.start, m.status) == (None, "upcoming")
    assert {"DEU", "FRA", "EGY"} <= set(m.participants)


def test_english_a_list_of_states_after_between_names_the_parties():
    [m] = meetings("Talks between Germany, France and Egypt are planned.", "en")
    assert (m.start, m.status) == (None, "upcoming")
    assert {"DEU", "FRA", "EGY"} <= set(m.participants)


def test_a_state_in_the_topic_of_the_talks_is_not_met():
    assert meetings("In den Gesprächen wird es auch um das Abkommen mit Ägypten gehen.") == []
    assert meetings("The talks will also be about the agreement with Egypt.", "en") == []


# -- a meeting named inside a phrase about another event -------------------------------------------

def test_english_a_summit_ahead_is_a_meeting_to_come_though_the_sentence_tells_of_the_past():
    [m] = meetings("Scholz hosted Duda in Berlin ahead of a summit next week with Russia, Turkey and Iran.", "en")
    assert (m.start, m.status, m.date_resolved) == (None, "upcoming", False)
    assert {"RUS", "TUR", "IRN"} <= set(m.participants)


def test_a_summit_in_the_run_up_is_a_meeting_to_come():
    [m] = meetings("Scholz empfing Duda im Vorfeld des Gipfels mit Russland, der Türkei und Iran nächste Woche.")
    assert (m.start, m.status, m.date_resolved) == (None, "upcoming", False)
    assert {"RUS", "TUR", "IRN"} <= set(m.participants)


def test_a_summit_ahead_without_a_time_to_come_is_none():
    assert meetings("Scholz hosted Duda in Berlin ahead of a summit with Russia, Turkey and Iran last week.",
                    "en") == []


# -- schedules: a date line, then the events of that day --------------------------------------------

def test_english_an_event_under_a_schedules_date_line_is_held_that_day():
    text = ("The visit has a full programme.\n\nJanuary 10\n\nScholz and Macron will have a tour of the Louvre.\n\n"
            "January 11\n\nScholz and Macron holding talks in the Elysee Palace.")
    found = sorted((m.start, set(m.participants)) for m in meetings(text, "en"))
    assert found == [(date(2022, 1, 10), {"DEU", "FRA"}), (date(2022, 1, 11), {"DEU", "FRA"})]


def test_an_event_under_a_schedules_date_line_is_held_that_day():
    text = ("Das Programm des Besuchs steht fest.\n\nMontag, 10. Januar\n\n"
            "Scholz und Macron treffen sich im Élysée-Palast.\n\nDienstag, 11. Januar\n\n"
            "Rundgang von Scholz und Macron durch den Louvre.")
    found = sorted((m.start, set(m.participants)) for m in meetings(text))
    assert found == [(date(2022, 1, 10), {"DEU", "FRA"}), (date(2022, 1, 11), {"DEU", "FRA"})]


def test_a_heading_that_is_no_date_line_ends_the_schedule():
    text = ("January 10\n\nScholz and Macron holding talks in Paris.\n\nJanuary 11\n\nScholz and Macron holding "
            "talks in Lyon.\n\nBackground\n\nScholz and Macron holding talks in Nice.")
    assert [m.location for m in meetings(text, "en") if m.start] == ["Paris", "Lyon"]


def test_the_date_line_under_a_title_is_no_schedule():
    text = "3. Januar 2022\n\nScholz wird in Paris Macron treffen."
    [m] = meetings(text)
    assert (m.start, m.location) == (None, "Paris")


# -- numbered lists of meetings ----------------------------------------------------------------------

def test_english_each_item_of_a_numbered_list_of_summits_is_a_meeting():
    text = ("The leaders will meet in Bangkok on January 10. Other meetings at the summit include:\n"
            "1. EU-Japan Summit (with Japan)\nThe meeting will discuss trade.\n"
            "2. EU-India Summit (with India)\nThe meeting will discuss climate.")
    undated = [m for m in meetings(text, "en") if m.start is None]
    assert sorted(sorted(m.participants) for m in undated) == [["EU", "IND"], ["EU", "JPN"]]
    assert {m.location for m in undated} == {"Bangkok"}


def test_each_item_of_a_numbered_list_of_summits_is_a_meeting():
    text = ("Die Staats- und Regierungschefs treffen sich am 10. Januar in Bangkok. Weitere Treffen:\n"
            "1. EU-Japan-Gipfel (mit Japan)\nDas Treffen soll den Handel stärken.\n"
            "2. EU-Indien-Gipfel (mit Indien)\nDas Treffen soll das Klima behandeln.")
    undated = [m for m in meetings(text) if m.start is None]
    assert sorted(sorted(m.participants) for m in undated) == [["EU", "IND"], ["EU", "JPN"]]


def test_a_numbered_list_of_past_summits_is_none():
    text = "Earlier summits:\n1. EU-Japan Summit (with Japan)\nThe meeting discussed trade."
    assert meetings(text, "en") == []


# -- a meeting as part of the programme of the visit told before -----------------------------------

def test_english_a_meeting_in_the_programme_of_a_visit_has_its_parties():
    text = ("Scholz will travel to Washington on January 10 to meet President Biden. "
            "The programme will include a meeting at the Pentagon.")
    undated = [m for m in meetings(text, "en") if m.start is None]
    assert [(m.location, set(m.participants)) for m in undated] == [("Pentagon", {"DEU", "USA"})]


def test_a_meeting_in_the_programme_of_a_visit_has_its_parties():
    text = ("Scholz reist am 10. Januar nach Washington, um Präsident Biden zu treffen. "
            "Das Programm umfasst auch ein Treffen im Kapitol.")
    undated = [m for m in meetings(text) if m.start is None]
    assert [set(m.participants) for m in undated] == [{"DEU", "USA"}]


def test_the_agenda_of_the_meeting_before_is_no_meeting_of_its_own():
    text = "Scholz will meet President Biden in Washington on January 10. The summit's agenda will include trade."
    assert [m.start for m in meetings(text, "en")] == [date(2022, 1, 10)]
