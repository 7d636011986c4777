"""Meeting words that tell of no meeting to come (issue 9, precision on unseen news; meetings/reject.py): a verb of
meeting in another sense, a meeting wished for, offered or asked about, one denied or called off, a council named
as a body. Each with a sentence where the same words do tell of a meeting, which stays."""

from __future__ import annotations

from datetime import date

import pytest

from tests.nlp_support import annotated

MONDAY = date(2021, 6, 21)


def meetings(text: str, language: str = "de"):
    return annotated(text, language, MONDAY).meetings


def upcoming(text: str, language: str = "de"):
    return [m for m in meetings(text, language) if m.status == "upcoming"]


# -- a verb of meeting in another sense -------------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("de", "Am Mittwoch werden in Berlin zusätzliche Sicherheitsmaßnahmen getroffen."),
    ("de", "Der russische Präsident wird das Gesetz am Mittwoch in Moskau unterzeichnen."),
    ("en", "The Russian president will sign the law in Moscow on Wednesday."),
    ("de", "Im Finale trifft Frankreich am Sonntag in Paris auf Argentinien."),
])
def test_a_verb_of_meeting_with_an_object_of_another_sense_is_no_meeting(language, text):
    assert not upcoming(text, language)


@pytest.mark.parametrize("language, text", [
    ("de", "Die Außenminister Russlands und Chinas werden am Mittwoch in Moskau ein Abkommen unterzeichnen."),
    ("de", "Macron trifft am Sonntag in Paris den argentinischen Präsidenten."),
])
def test_the_same_verbs_with_a_partner_are_meetings(language, text):
    assert len(upcoming(text, language)) == 1


# -- wished for, offered, asked about ---------------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("de", "Teheran erklärte seine Bereitschaft, am Mittwoch in Genf Gespräche mit den USA zu führen."),
    ("de", "Offen ist, ob die Verhandlungen mit Serbien am Mittwoch in Brüssel beginnen."),
    ("en", "It is unclear whether the talks between Serbia and Kosovo in Brussels will start on Wednesday."),
])
def test_a_meeting_someone_is_ready_for_or_asks_about_is_none_set(language, text):
    assert not upcoming(text, language)


def test_a_meeting_announced_stays():
    [m] = upcoming("Iran and the United States will hold talks in Geneva on Wednesday.", "en")
    assert m.start == date(2021, 6, 23)


# -- denied or called off ---------------------------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("de", "Am Freitag gibt es in Genf kein Treffen zwischen Biden und Putin."),
    ("en", "There will be no meeting between Biden and Putin in Geneva on Friday."),
    ("en", "Biden will not meet Putin in Geneva on Friday."),
])
def test_a_denied_meeting_is_none(language, text):
    assert not upcoming(text, language)


@pytest.mark.parametrize("language, text", [
    ("de", "Das für Freitag geplante Treffen der Außenminister Frankreichs und Italiens in Rom wurde abgesagt."),
    ("en", "The meeting of the French and Italian foreign ministers in Rome on Friday was postponed."),
])
def test_a_meeting_called_off_has_no_day(language, text):
    assert not meetings(text, language)


# -- a council as a body ----------------------------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("de", "Nun liegt es an dem EU-Ministerrat, darüber zu entscheiden, ob die Verhandlungen mit Albanien "
           "aufgenommen werden."),
    ("en", "It is now up to the EU Council to decide whether the negotiations with Albania will be opened."),
])
def test_a_council_that_decides_does_not_sit(language, text):
    assert not upcoming(text, language)


@pytest.mark.parametrize("language, text", [
    ("de", "Der UN-Sicherheitsrat kommt am Mittwoch in New York zusammen."),
    ("en", "The UN Security Council will meet in New York on Wednesday."),
])
def test_a_council_that_meets_sits(language, text):
    [m] = upcoming(text, language)
    assert m.start == date(2021, 6, 23)


def test_a_round_of_a_sports_tournament_is_no_meeting():
    assert not meetings("Die Endrunde des Turniers findet vom 16. bis 18. Juli in Rastatt statt.")
    assert len(upcoming("Die nächste Verhandlungsrunde findet vom 16. bis 18. Juli in Genf statt.")) == 1


def test_a_stop_on_an_island_before_a_meeting_is_no_encounter():
    [m] = upcoming("Der Außenminister will auf dem Weg nach Kanada einen Zwischenstopp auf Island einlegen und dort "
                   "am Mittwoch seinen isländischen Kollegen treffen.")
    assert m.start == date(2021, 6, 23) and "ISL" in m.participants
