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


# demonstratives: the one named last, not the subject a personal pronoun prefers

def test_a_demonstrative_means_the_one_named_last_a_personal_pronoun_the_subject():
    before = "Der Minister Paul Klein sprach mit dem Botschafter Hans Weber. "
    assert speakers(before + "Dieser sagte: „Wir sind bereit.“") == ["Hans Weber"]
    assert speakers(before + "Er sagte: „Wir sind bereit.“") == ["Paul Klein"]


def test_a_demonstrative_after_the_verb_means_the_person_just_named_after_a_preposition():
    text = ("In einem Gespräch mit dem Sprecher des Vereins – Hans Müller – sagte dieser, dass der Trainer "
            "in „großer Sorge“ sei.")
    assert speakers(text) == ["Hans Müller"]


def test_the_latter_means_the_last_of_the_two_named_in_its_gender():
    text = "Der Minister Paul Klein traf die Ärztin Anna Berg. „Wir brauchen Hilfe“, so letztere."
    assert speakers(text) == ["Anna Berg"]


def test_a_demonstrative_after_a_noun_that_names_nobody_is_unknown_not_the_subject():
    text = ("Der Kandidat Paul Klein verlangte vom Wahlausschuss die Prüfung der Stimmen. "
            "Dieser sagte: „Wir prüfen alles.“")
    assert speakers(text) == [None]
