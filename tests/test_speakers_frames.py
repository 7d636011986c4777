"""Who said a quote when the sentence names more than one speaker or names them in an unusual way:
a quote in a subordinate clause with its own speaker, a reporting frame ("Wie X berichtet, …") before
a main clause with its own subject, the people of a state named by their demonym, a full name after
a role's attribute, a surname the tokenizer keeps with its full stop."""

from __future__ import annotations

from briefing.nlp.actors.names import name_lexicon
from tests.test_speakers import phrases, said


def speakers(text: str, language: str = "de") -> list[str | None]:
    return [s for s, _, _ in said(text, language)]


# a quote in a subordinate clause is said by that clause's speaker

def test_conjunction_read_as_preposition_opens_a_clause_with_a_subject():
    # "Während" is tagged a preposition; the clause ends in its finite verb, so the name is its subject
    got = speakers("Während Marlene Oster erklärte, sie sei „überglücklich“, räumte Tilda Kranz ihre Niederlage ein.")
    assert got == ["Marlene Oster"]


def test_conjunction_before_a_verb_second_clause_is_a_preposition():
    # "Während der Sitzung erklärte die Ministerin": a time, not a speaker
    got = speakers("Während der Sitzung erklärte die Ministerin Anna Berger, der Plan sei „nicht verhandelbar“.")
    assert got == ["Anna Berger"]


def test_verb_final_clause_past_a_quotation_has_the_subject_before_it():
    got = speakers("Der Bericht ist heikel, weil die Regierung das Land als „junge Demokratie“ bezeichnet hat.")
    assert got == ["Regierung"]
    got = speakers("Das Papier wiegt schwer, da der Verband die Reform „verfehlt“ genannt hatte.")
    assert got == ["Verband"]


def test_quote_in_a_that_clause_is_said_by_its_subject():
    got = speakers("Der Abgeordnete Ruben Falk trat zurück. Der Sender will wissen, dass Falk die Schülerin "
                   "gefragt habe, ob sie „allein zu Hause“ sei.")
    assert got == ["Ruben Falk"]


# a reporting frame names where it was reported; the main clause's subject said it

def test_main_clause_introducing_the_quote_after_a_frame_is_the_speaker():
    got = speakers("Wie der Sender Nordwelle berichtet, gab Regierungssprecher Jonas Brandt eine Stellungnahme "
                   "in Form einer Kurznachricht ab, die aus einem Wort bestand: „Großartig.“")
    assert got == ["Jonas Brandt"]
    got = speakers('As the broadcaster reported, spokesman Jonas Brandt gave a statement that ran to one word: '
                   '"Great."', "en")
    assert got == ["Jonas Brandt"]


def test_frame_alone_stays_the_speaker():
    got = speakers("Wie die Zeitung berichtet, sei die Lage ernst: „Die Vorräte reichen nicht.“")
    assert got == ["Zeitung"]


# the people of a state, named by their demonym

def test_demonym_nouns_come_from_the_names_of_states():
    lex = name_lexicon("de")
    assert lex.demonym("Kanadier") and lex.demonym("Italienern") and lex.demonym("Iraker")
    assert not lex.demonym("Italien") and not lex.demonym("Computer") and not lex.demonym("Weihnachten")
    en = name_lexicon("en")
    assert en.demonym("Canadians") and en.demonym("Iraqis") and not en.demonym("Canada")


def test_people_of_a_state_speak_as_a_group():
    got = speakers("Die Airline widerspricht. Die Kanadier hingegen sagen, der Pilot trage die „volle Verantwortung“.")
    assert got == ["Kanadier"]
    got = speakers('The airline disagrees. The Canadians, however, say the pilot bears "full responsibility".', "en")
    assert got == ["Canadians"]


# names in role phrases

def test_full_name_after_the_attribute_of_a_role():
    assert phrases("Der Abgeordnete der Grünen Frank Mindermann sagte das.") == \
        [("person", "Frank Mindermann", "Abgeordnete der Grünen")]
    assert phrases("Der Sprecher des Vereins Nordlicht Jonas Brandt sagte das.")[0][1] == "Jonas Brandt"


def test_surname_with_the_full_stop_the_tokenizer_kept_is_the_person_named_before():
    got = speakers("Nun antwortete Reinhold Gall, Geschäftsführer der Fraktion, auf die Fragen. "
                   "„In meinen Augen ist das Gesetz zu streng“, so Gall.")
    assert got == ["Reinhold Gall"]


# reported speech and quotes going on

def test_passive_naming_no_agent_does_not_stop_reported_speech():
    got = speakers("Laut Polizei habe es eine Kontrolle des Wagens gegeben, von dem zu Gewalt aufgerufen worden sein "
                   "soll. Dabei sei ein Mann festgenommen worden. Dies hätten die Beamten „mit einfacher Gewalt“ "
                   "durchgesetzt.")
    assert got == ["Polizei"]


def test_quote_opening_a_paragraph_goes_on_with_the_quote_that_closed_the_last():
    text = ("Die Abgeordnete Hanna Lindqvist verurteilte die Haltung der Regierung. „Diese Regierung hat Erfolge. "
            "Aber ihre Politik im Nahen Osten ist ungerecht.“\n\n„Ob wir es mögen oder nicht, solch ein Gefühl führt "
            "zu Extremismus.“\n\n„Das ist falsch“, sagte der Minister.")
    assert speakers(text) == ["Hanna Lindqvist", "Hanna Lindqvist", "Minister"]
    text = ('Councillor Hanna Lindqvist condemned the plan. "This council has done well. But the plan is unfair."'
            '\n\n"Whether we like it or not, it will divide the town."\n\n"That is wrong," the mayor said.')
    assert speakers(text, "en") == ["Hanna Lindqvist", "Hanna Lindqvist", "mayor"]


def test_quote_opening_a_paragraph_after_one_that_closed_in_the_middle_is_not_continued():
    text = ("Die Abgeordnete Hanna Lindqvist nannte den Plan „ungerecht“ und verließ den Saal.\n\n"
            "„Ob wir es mögen oder nicht, solch ein Gefühl führt zu Extremismus.“")
    assert speakers(text)[-1] is None


def test_reported_speech_goes_on_after_a_quote_standing_alone_after_its_speaker():
    text = ("Der ältere Bruder der Ministerin, Georg Albers, war nach eigenem Bekunden eingeweiht. "
            "„Meine Schwester wünscht sich mehr Ruhe.“ Der Rücktritt sei ein „natürlicher Vorgang“.")
    assert speakers(text) == ["Georg Albers", "Georg Albers"]


def test_reported_speech_after_a_sentence_about_someone_without_a_quote_is_not_theirs():
    text = "Georg Albers reiste nach Rom. Der Rücktritt sei ein „natürlicher Vorgang“."
    assert speakers(text) == [None]


def test_pronoun_means_the_subject_before_the_object_named_after_it():
    text = "Bürgermeister Peter Albers kritisierte den Stadtrat Jonas Brandt scharf. Er sagte: „Das ist ein Fehler.“"
    assert speakers(text) == ["Peter Albers"]
    text = "Die Ministerin Anna Berger lobte den Bürgermeister Jonas Brandt. Er sagte: „Das ist ein Erfolg.“"
    assert speakers(text) == ["Jonas Brandt"]


# speech with no speaker for subject

def test_speech_noun_with_sein_is_said_by_the_document_named():
    text = ("Die Chefin Anke Berger nannte die Zahlen „falsch“. In einem internen Schreiben an die Mitarbeiter war "
            "von einem „vertrauensvollen Dialog“ die Rede.")
    got = speakers(text)
    assert got[0] == "Anke Berger" and got[1] is not None and "Schreiben" in got[1]


def test_speech_noun_with_sein_and_no_source_has_no_speaker():
    text = "Die Chefin Anke Berger nannte die Zahlen „falsch“. Dabei war von einem „vertrauensvollen Dialog“ die Rede."
    assert speakers(text) == ["Anke Berger", None]


def test_people_nouns_of_the_lexicon_speak():
    assert speakers("Die Anwohner sagten, sie hätten „große Angst“ gehabt.") == ["Anwohner"]
    assert speakers("Der Eigentümer erklärte, das Blatt stecke in einer „schwierigen Lage“.") == ["Eigentümer"]


# word order: the verb agrees with its subject; a genitive attribute is no subject

def test_plural_object_before_a_singular_verb_leaves_the_subject_after_it():
    got = speakers("Die Mönche, die an den Protesten teilgenommen hatten, beschrieb die Agentur als „aggressiv“.")
    assert got == ["Agentur"]
    assert speakers("Die Mönche beschrieben die Lage als „bedrohlich“.") == ["Mönche"]


def test_genitive_attribute_in_the_middle_of_a_clause_is_no_subject():
    got = speakers("Dabei soll sich entgegen den Aussagen der Befürworter laut der Studie nur jeder zweite Zahler "
                   "von seinem Beitrag „bessere Bedingungen“ erhoffen.")
    assert got == ["Studie"]


def test_predicative_phrase_is_no_speaker():
    got = speakers("Tausende protestierten gegen Regierungschef Thaksin Shinawatra. Die Menge jubelte vor dem "
                   "Rathaus und der sich selbst medienwirksam als Gegner Thaksins inszenierende Medienunternehmer "
                   "Sondhi Limthongkul rief vor den versammelten Demonstranten: „Wir bleiben hier.“")
    assert got[-1] == "Sondhi Limthongkul"
    got = speakers('The businessman who styles himself as a critic of the mayor, Jonas Brandt, said: "We stay."', "en")
    assert got == ["Jonas Brandt"]


def test_adjective_used_as_a_noun_names_people():
    got = speakers("Ein Übertrittswilliger begründete seine Entscheidung so: „Der Glaube ist mir wichtig.“")
    assert got == ["Übertrittswilliger"]
    assert speakers("Der Verletzte sagte, er sei „einfach nur froh“.") == ["Verletzte"]


def test_adjective_used_as_a_noun_in_the_neuter_names_no_one():
    assert speakers("Das Gute an dem Plan sei „ganz klar“.") == [None]
