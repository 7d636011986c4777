"""Who speaks by agreement: case and number tell the subject of a relative clause, a demonstrative
pronoun means the one named last, a plural group speaks as a group (German, and English where the
construction exists there too). Every sentence here is written for the test."""

from __future__ import annotations

from tests.nlp_support import annotated


def speakers(text: str, language: str = "de") -> list[str | None]:
    return [q.speaker for q in annotated(text, language).quotes]


# relative clauses: the relative pronoun is the subject when case or number says the phrase after it is not

def test_a_relative_pronoun_only_nominative_speaks_for_its_antecedent_before_an_object():
    text = "In der Wochenzeitung erschien ein Kommentar, der die Wahl des Komitees als „groben Fehler“ bezeichnet."
    assert speakers(text) == ["Kommentar"]


def test_a_singular_verb_makes_the_relative_pronoun_the_subject_not_the_plural_phrase():
    text = "Die Hacker hinterließen eine Nachricht, welche die Techniker als „eine Bande von Kindern“ bezeichnete."
    assert speakers(text) == ["Nachricht"]


def test_a_plural_verb_agreeing_with_the_plural_phrase_keeps_it_the_subject():
    text = "Die Hacker hinterließen eine Nachricht, die die Techniker als „eine Bande von Kindern“ bezeichneten."
    assert speakers(text) == ["Techniker"]


def test_a_relative_pronoun_that_is_the_subject_in_english():
    text = 'The hackers left a message which called the technicians "a bunch of children".'
    assert speakers(text, "en") == ["message"]
