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


# verbs of naming: the one who names speaks, never what is named

def test_the_subject_of_a_passive_verb_of_naming_is_what_was_named_not_who_spoke():
    assert speakers("Die Nato war von Trump als „obsolet“ bezeichnet worden.") == ["Donald Trump"]
    assert speakers("Der Plan wurde vom Minister Karl Huber als „Unsinn“ kritisiert.") == ["Karl Huber"]
    assert speakers("Die Nato wurde im Wahlkampf als „obsolet“ bezeichnet.") == [None]


def test_the_subject_of_an_active_verb_of_naming_speaks_not_its_object():
    assert speakers("Trump hatte die Nato als „obsolet“ bezeichnet.") == ["Donald Trump"]
    assert speakers("Den Gipfel bezeichnete der Minister Karl Huber als „vollen Erfolg“.") == ["Karl Huber"]
    assert speakers('Trump called NATO "an obsolete alliance".', "en") == ["Donald Trump"]


def test_who_is_cited_in_the_passive_still_speaks():
    text = "Der Fraktionschef Paul Weber wird von der Zeitung mit den Worten zitiert: „Das ist vorbei.“"
    assert speakers(text) == ["Paul Weber"]


# a speaker named after the quote, in the next sentence that points back at it

def test_a_sentence_opening_with_these_words_names_the_speaker_of_the_quote_before():
    text = "„Wir werden nicht nachgeben.“ Mit diesen Worten reagierte die Ministerin Anna Berg auf die Kritik."
    assert speakers(text) == ["Anna Berg"]
    text = '"We will not give in." With these words the minister Anna Berg replied to the critics.'
    assert speakers(text, "en") == ["Anna Berg"]


def test_a_passive_with_no_agent_says_what_the_document_it_names_says():
    text = ("In einem Schreiben seiner Anwälte an die Leitung wurde auf die „Persönlichkeitsrechte“ "
            "des Politikers hingewiesen.")
    assert speakers(text) == ["Schreiben"]


def test_an_attribution_outside_a_relative_passive_clause_keeps_the_quote():
    text = ("Laut Polizei gab es eine Kontrolle des Wagens des „schwarzen Blocks“, von dem laut Polizei zu Gewalt "
            "aufgerufen worden sei.")
    assert speakers(text) == ["Polizei"]


# names

def test_a_surname_the_tagger_reads_as_an_adjective_after_a_first_name_is_part_of_the_name():
    assert speakers("Der Gewerkschaftschef Paul Lang ist dagegen der Ansicht, die Reform sei „ein Erfolg“.") \
        == ["Paul Lang"]
    assert speakers("Anna Neu erklärte: „Wir machen weiter.“") == ["Anna Neu"]
    assert speakers('Later John Little added: "We will go on."', "en") == ["John Little"]


def test_a_role_named_in_the_genitive_or_dative_is_shown_in_its_base_form():
    a = annotated("Nach Ansicht des Ministers Karl Huber ist die Reform „ein großer Fehler“.")
    assert [(q.speaker, q.speaker_role) for q in a.quotes] == [("Karl Huber", "Minister")]
    assert speakers("Laut dem Präsidenten des Verbandes ist das „ein schwerer Fehler“.") \
        == ["Präsident des Verbandes"]


# an opinion held ("ist der Meinung", "ist überzeugt") names who speaks like a verb of saying

def test_an_opinion_held_after_the_quote_names_the_speaker_after_the_verb():
    assert speakers("Die Reform sei „ein Erfolg“, ist der Gewerkschaftschef Paul Weber überzeugt.") == ["Paul Weber"]
    assert speakers('"The reform is a grave mistake," union leader Paul Weber is convinced.', "en") == ["Paul Weber"]


def test_a_sentence_pointing_back_with_an_opinion_names_the_speaker_of_the_quote_before():
    assert speakers("„Die Reform ist ein Fehler.“ Davon zeigte sich der Gewerkschaftschef Paul Weber überzeugt.") \
        == ["Paul Weber"]
    assert speakers("„Die Reform ist ein Fehler.“ Das ist die Meinung des Gewerkschaftschefs Paul Weber.") \
        == ["Paul Weber"]


def test_an_opinion_held_before_a_dass_clause_is_the_subjects():
    text = "Der Gewerkschaftschef Paul Weber ist der Meinung, dass die Reform „ein großer Fehler“ sei."
    assert speakers(text) == ["Paul Weber"]
    text = 'The union leader Paul Weber is of the opinion that the reform was "a grave mistake".'
    assert speakers(text, "en") == ["Paul Weber"]


# unnamed circles as a source

def test_circles_that_speak_unnamed_are_the_source():
    assert speakers("„Wir prüfen alle Optionen“, hieß es aus Regierungskreisen.") == ["Regierungskreisen"]
    assert speakers("Aus Sicherheitskreisen verlautete, die Lage sei „sehr ernst“.") == ["Sicherheitskreisen"]


# the people of a state, named in the plural, speak as a group

def test_a_plural_demonym_with_a_plural_verb_speaks_not_the_subject_of_its_reported_clause():
    a = annotated("Die Franzosen sagen, der Pilot trage die „volle Verantwortung“.")
    assert [(q.speaker, q.party) for q in a.quotes] == [("Franzosen", "FRA")]
    assert speakers("„Wir sind bereit“, erklärten die Amerikaner.") == ["Amerikaner"]


def test_a_singular_demonym_still_means_the_person_named_before():
    text = "Teamchef Jean Todt verteidigte ihn. „Er ist der Beste“, sagte der Franzose."
    assert speakers(text) == ["Jean Todt"]
