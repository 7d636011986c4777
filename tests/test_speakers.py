"""Who said a quote, as the article names them: names the gazetteer does not know, role phrases,
surname and role anaphora, pronouns with and without an antecedent that agrees."""

from __future__ import annotations

from briefing.nlp.actors.mentions import Discourse
from briefing.nlp.actors.names import find_phrases, first_name, name_lexicon
from briefing.nlp.clauses import masked_runs, quote_mask
from briefing.nlp.segment import segment
from tests.nlp_support import annotated


def said(text: str, language: str = "de") -> list[tuple[str | None, str | None, str | None]]:
    """(speaker, speaker_role, party) of each quote."""
    return [(q.speaker, q.speaker_role, q.party) for q in annotated(text, language).quotes]


def phrases(text: str, language: str = "de") -> list[tuple[str, str | None, str | None]]:
    sentence = segment(text, language)[0]
    mask = quote_mask([sentence], language)[0]
    return [(p.kind, p.name, p.role) for p in find_phrases(sentence, mask, name_lexicon(language))]


# names the gazetteer does not know

def test_first_name_and_surname_unknown_to_the_gazetteer_speak():
    assert said("Hanna Lindqvist schilderte: „Das Wasser kam in der Nacht.“") == [("Hanna Lindqvist", None, None)]
    assert said('"The water came at night," said Hanna Lindqvist.', "en") == [("Hanna Lindqvist", None, None)]


def test_first_names_come_from_the_dictionary_with_their_gender():
    assert first_name("Bärbel") == "f" and first_name("Peer") == "m"
    assert first_name("Steinbrück") is None and first_name("Die") is None


def test_name_with_particles_is_one_name():
    assert phrases("Gesine van der Meulen sagte das.") == [("person", "Gesine van der Meulen", None)]


def test_role_before_a_name_is_its_role():
    got = said("„Das Urteil ist rechtskräftig“, erklärte die Vorsitzende Richterin Gesine Albers.")
    assert got == [("Gesine Albers", "Vorsitzende Richterin", None)]
    got = said('"We will appeal," said defence lawyer Tomas Brandt.', "en")
    assert got == [("Tomas Brandt", "defence lawyer", None)]


# role phrases and bodies

def test_role_phrase_without_a_name_is_the_speaker():
    got = said("Ein Sprecher des Fernsehsenders Nordwelle sagte: „Die Sendung läuft weiter.“")
    assert got == [("Sprecher des Fernsehsenders Nordwelle", "Sprecher des Fernsehsenders Nordwelle", None)]
    got = said('"The show goes on," a spokeswoman for the broadcaster said.', "en")
    assert got[0][0] == "spokeswoman for the broadcaster"


def test_body_speaks_with_its_name():
    assert said("Die Nachrichtenagentur Nordpress meldete: „Der Hafen ist geschlossen.“") == \
        [("Nordpress", "Nachrichtenagentur", None)]
    assert said("Die Polizei erklärte: „Niemand wurde verletzt.“")[0][0] == "Polizei"


def test_apposition_joins_role_and_name():
    got = said("Der Leiter des Klärwerks, Jonas Behrendt, sagte: „Das Wasser ist sauber.“")
    assert got == [("Jonas Behrendt", "Leiter des Klärwerks", None)]
    got = said('Jonas Behrendt, head of the plant, said: "The water is clean."', "en")
    assert got[0][0] == "Jonas Behrendt"


# anaphora: surnames and roles

def test_later_surname_is_the_full_name():
    got = said("Bundesfinanzminister Peer Steinbrück legte den Haushalt vor. „Wir sparen“, sagte Steinbrück.")
    assert got[0][0] == "Peer Steinbrück"
    got = said('Finance minister Clara Oduya presented the budget. "We will save," Oduya said.', "en")
    assert got[0][0] == "Clara Oduya"


def test_later_surname_the_tagger_misreads_is_still_the_full_name():
    # a sentence-initial "Petrowitsch" is tagged an adjective; the full name before makes it a name
    got = said("Der Oppositionsführer Igor Petrowitsch wurde verhört. "
               "Petrowitsch kritisierte das Verhör als „Einschüchterung“.")
    assert got == [("Igor Petrowitsch", "Oppositionsführer", None)]
    got = said('Opposition leader Ivo Marek was questioned. Marek called it "intimidation".', "en")
    assert got[0][0] == "Ivo Marek"


def test_later_role_is_the_person_named_with_it():
    got = said("Verkehrsminister Anton Wegener besuchte die Baustelle. „Hier geht es voran“, sagte der Minister.")
    assert got[0][0] == "Anton Wegener"
    got = said('Transport minister Anton Wegener visited the site. "Work is going well," the minister said.', "en")
    assert got[0][0] == "Anton Wegener"


def test_indefinite_role_is_someone_new():
    got = said("Verkehrsminister Anton Wegener besuchte die Baustelle. „Es gibt Verzögerungen“, sagte ein Sprecher.")
    assert got[0][0] == "Sprecher"


# pronouns

def test_one_of_a_group_is_someone_new_not_the_person_named_before():
    got = said("Die Ärztin Anna Berg leitete den Einsatz. Eine der Ärztinnen sagte: „Wir helfen allen.“")
    assert got == [("Eine der Ärztinnen", "Eine der Ärztinnen", None)]
    got = said("Der Einsatzleiter Paul Kern kam früh. "
               "Einer der beteiligten Feuerwehrmänner sagte: „So etwas sah ich nie.“")
    assert got[0][0] == "Einer der beteiligten Feuerwehrmänner"
    got = said('The envoy Tom Reed spoke first. "We will help," said one of the officials.', "en")
    assert got[0][0] == "one of the officials"


def test_pronoun_goes_to_the_nearest_person_of_its_gender():
    got = said("Hanna Lindqvist traf Jonas Behrendt in Malmö. „Wir sind uns einig“, sagte sie.")
    assert got[0][0] == "Hanna Lindqvist"
    got = said('Hanna Lindqvist met Jonas Behrendt in Malmo. "We agree," she said.', "en")
    assert got[0][0] == "Hanna Lindqvist"


def test_pronoun_takes_a_body_by_grammatical_gender():
    got = said("Die Stadtverwaltung prüfte den Antrag. „Wir entscheiden bald“, erklärte sie.")
    assert got[0][0] == "Stadtverwaltung"


def test_pronoun_without_an_agreeing_antecedent_is_unknown():
    assert said("Jonas Behrendt kam nach Malmö. „Wir sind uns einig“, sagte sie.") == [(None, None, None)]
    assert said('Jonas Behrendt came to Malmo. "We agree," she said.', "en") == [(None, None, None)]


def test_pronoun_does_not_mean_a_place():
    assert said("Hanna Lindqvist landete in Riga. „Die Lage ist ernst“, sagte sie.")[0][0] == "Hanna Lindqvist"
    assert said('Hanna Lindqvist landed in Riga. "It is serious," she said.', "en")[0][0] == "Hanna Lindqvist"


def test_known_person_keeps_the_gazetteers_party_and_canonical_name():
    got = said("„Wir stehen zusammen“, sagte Lawrow.")
    assert got == [("Sergej Lawrow", None, "RUS")]


def test_unknown_speaker_does_not_inherit_the_last_known_actor():
    got = said("Lawrow reiste nach Genf. Die Bürgerrechtlerin Hanna Lindqvist sagte: „Das reicht nicht.“")
    assert got == [("Hanna Lindqvist", "Bürgerrechtlerin", None)]


def test_discourse_api_for_other_wings():
    d = Discourse("de")
    sentence = segment("Bundesfinanzminister Peer Steinbrück kam.", "de")[0]
    full = find_phrases(sentence, [False] * len(sentence.tokens), name_lexicon("de"))[0]
    ref = d.refer(0, full)
    assert ref is not None and ref.speaker == "Peer Steinbrück" and ref.gender == "m"
    assert d.pronoun(1, "er") is ref and d.pronoun(1, "sie") is None


# where the speaker stands

def test_name_before_a_colon_speaks():
    assert said("Sängerin Mira Holm zur neuen Tournee: „Wir spielen jeden Abend.“")[0][0] == "Mira Holm"
    assert said('Singer Mira Holm on the tour: "We play every night."', "en")[0][0] == "Mira Holm"


def test_so_after_reported_speech_names_the_speaker():
    got = said("Die Anlage sei wegen „Problemen mit dem Strom“ ausgefallen, so ein Sprecher des Instituts.")
    assert got[0][0] == "Sprecher des Instituts"


def test_citing_verb_makes_its_object_the_speaker():
    got = said("Eine Zeitung zitierte Jonas Behrendt mit den Worten: „Ich trete nicht zurück.“")
    assert got[0][0] == "Jonas Behrendt"
    got = said('A newspaper quoted Jonas Behrendt: "I will not resign."', "en")
    assert got[0][0] == "Jonas Behrendt"


def test_relative_clause_with_a_verb_of_saying_names_the_speaker():
    got = said("Das ist die Marke, die Hanna Lindqvist einst verkündet hatte: „Wir schaffen das bis Mai.“")
    assert got[0][0] == "Hanna Lindqvist"


def test_quote_standing_alone_after_a_sentence_about_someone_is_theirs():
    got = said("Jonas Behrendt will die Fächer straffen. „Nicht jede Formel ist für das Leben notwendig.“")
    assert got[0][0] == "Jonas Behrendt"


def test_verb_that_only_names_the_speaker():
    got = said("„Eine Beihilfe ist selbst ein Delikt“, begründet das Gericht sein Urteil.")
    assert got[0][0] == "Gericht"
    got = said('"It was dark," recounted Hanna Lindqvist.', "en")
    assert got[0][0] == "Hanna Lindqvist"


def test_surname_ending_like_a_role_noun_is_still_a_name():
    assert phrases("Kultusministerin Susanne Eisenmann sagte das.") == \
        [("person", "Susanne Eisenmann", "Kultusministerin")]


def test_apposed_name_before_a_verb_first_clause_is_the_subject_not_the_object():
    got = said("Die frühere Stadträtin und Anwältin, Mira Holm, warnte die Partei vor einem „teuren Irrtum“.")
    assert got == [("Mira Holm", "frühere Stadträtin", None)]
    got = said('The former mayor, Mira Holm, warned the party against a "costly mistake".', "en")
    assert got[0][0] == "Mira Holm"


def test_quote_goes_to_the_nearest_of_two_speakers():
    got = said("Der Anwalt Jonas Behrendt hatte betont, der Mann sei nicht „gefährlich“, "
               "doch die Richterin blieb hart: Das Urteil sei richtig, so Hanna Lindqvist.")
    assert got[0][0] == "Jonas Behrendt"


def test_a_document_speaks_but_no_pronoun_points_back_to_it():
    assert said("Der Bericht nennt die Lage „ernst“.")[0][0] == "Bericht"
    assert said('The report calls the situation "grave".', "en")[0][0] == "report"
    assert said("Der Bericht erschien am Montag. „Wir sind besorgt“, sagte er.") == [(None, None, None)]


# inflected role and body nouns, agent nouns

def test_inflected_role_noun_is_the_role_of_its_base_form():
    assert phrases("Das sagte ein Freund des Leiters.")[-1][0] == "role"
    assert phrases("Die Zahl stammt aus den Akten des Ministeriums.")[-1][0] == "body"


def test_agent_nouns_speak():
    got = said("Ein Mitarbeiter des Hafens sagte: „Wir warten.“")
    assert got[0][0] == "Mitarbeiter des Hafens"
    got = said('A commentator wrote: "The plan is late."', "en")
    assert got[0][0] == "commentator"


# documents, sources and passive agents

def test_impersonal_verb_of_saying_gives_the_document_it_names():
    got = said("„Wir lehnen den Plan ab“, heißt es in einer Pressemitteilung des Mietervereins.")
    assert got[0][0] == "Pressemitteilung des Mietervereins"
    got = said("In dem Schreiben der Gewerkschaft heißt es: „Der Streik geht weiter.“")
    assert got[0][0] == "Schreiben der Gewerkschaft"


def test_impersonal_verb_of_saying_gives_the_place_it_comes_from():
    assert said("Aus Lissabon hieß es, die Lage sei „sehr ernst“.")[0][0] == "Lissabon"


def test_agent_of_a_passive_verb_of_saying_speaks():
    got = said("Der Entwurf wird von der Gewerkschaft als „unzumutbar“ bezeichnet.")
    assert got[0][0] == "Gewerkschaft"
    got = said('The draft was described as "unacceptable" by the union.', "en")
    assert got[0][0] == "union"


# a colon introducing the quote, a verb of saying the tagger misread

def test_colon_after_a_clause_without_a_verb_of_saying_gives_its_subject():
    got = said("Am Abend sparte die Bürgermeisterin Lena Albers nicht mit Lob: „Das war großartig.“")
    assert got[0][0] == "Lena Albers"
    got = said('Mayor Lena Albers did not hold back: "That was great."', "en")
    assert got[0][0] == "Lena Albers"


def test_verb_of_saying_after_a_closing_mark_is_read_as_a_verb():
    got = said("Die Schule hat 300 Plätze. „Wir sind voll.“ erklärte Rektorin Lena Albers. „Und wir bauen an.“")
    assert [g[0] for g in got] == ["Lena Albers", "Lena Albers"]


# reported speech going on, owners, attributions

def test_expletive_subject_in_the_subjunctive_continues_the_reported_speech():
    got = said("Jonas Behrendt sagte, es müsse Schluss sein mit „Ausreden“. Es drohe „ein teurer Winter“.")
    assert [g[0] for g in got] == ["Jonas Behrendt", "Jonas Behrendt"]


def test_name_in_the_genitive_owns_the_speaker_after_it():
    got = said("Lindqvists Sprecher Jonas Behrendt hatte es eilig: „Wir kommen später.“")
    assert got[0][0] == "Jonas Behrendt"


def test_attribution_nearer_the_quote_than_the_verb_of_saying():
    got = said("Wie die Zeitung berichtete, sind nach Aussagen der Hafenbehörde nur „wenige Schiffe“ betroffen.")
    assert got[0][0] == "Hafenbehörde"
    got = said('As the paper reported, according to the port authority only "a few ships" were hit.', "en")
    assert got[0][0] == "port authority"


def test_taking_a_stand_is_a_speech_act_whose_speech_goes_on():
    got = said("Am Rande der Sitzung nahm auch die Bürgermeisterin Lena Albers Stellung. "
               "Jeder Bürger könne „jetzt zahlen oder später“.")
    assert got[0][0] == "Lena Albers"


def test_quote_in_parentheses_after_a_name_and_names_in_a_list_before_colons():
    got = said("Lob kam von Jonas Behrendt („Sie hat es verdient.“) und der Bürgermeisterin "
               "Lena Albers: „Ein großer Tag.“")
    assert [g[0] for g in got] == ["Jonas Behrendt", "Lena Albers"]
    got = said('Praise came from Jonas Behrendt ("She earned it.") and Mayor Lena Albers: "A great day."', "en")
    assert got[0][0] == "Jonas Behrendt"


def test_a_name_ends_before_the_common_noun_after_it():
    assert phrases("Dazu nahm Lena Albers Stellung.") == [("person", "Lena Albers", None)]


def test_surname_the_tagger_reads_as_a_common_noun_after_a_role_is_a_name():
    assert phrases("Bauministerin Steinhaus sagte das.") == [("person", "Steinhaus", "Bauministerin")]


def test_a_document_that_sums_up_or_a_motion_speaks():
    assert said("Das Fazit von Lena Albers fällt knapp aus: „Gut gemacht.“")[0][0] == "Fazit von Lena Albers"
    assert said("In dem Antrag heißt es: „Wir wollen mehr.“")[0][0] == "Antrag"


def test_a_paper_named_in_quotation_marks_speaks():
    got = said("„Der Hafen bleibt zu“, schrieb „Nordkurier“ am Montag.")
    assert got[0][0] == "Nordkurier"
    got = said("„Wir bauen“, zitiert die „Abendpost“ den Bürgermeister Jonas Behrendt.")
    assert got[0][0] == "Jonas Behrendt"
    got = said('"The port stays shut," wrote "Harbour Weekly" on Monday.', "en")
    assert got[0][0] == "Harbour Weekly"


def test_subject_before_a_relative_clause_speaks_after_it():
    got = said("Der 60-jährige Behrendt, der als Kritiker des Plans gilt, hofft, „dass niemand nachgibt“.")
    assert got[0][0] == "Behrendt"
    got = said('Jonas Behrendt, who is a critic of the plan, hopes "that nobody gives in".', "en")
    assert got[0][0] == "Jonas Behrendt"


def test_a_sentence_opening_with_for_and_a_person_gives_their_view():
    got = said("Für den Theologen Jonas Behrendt steht fest, „dass der Schritt verständlich ist“.")
    assert got[0][0] == "Jonas Behrendt"
    got = said('For Mayor Lena Albers, it is clear "that the plan has worked".', "en")
    assert got[0][0] == "Lena Albers"
    assert said("Für die Stadt steht fest, „dass der Schritt verständlich ist“.")[0][0] is None


def test_masked_runs_are_the_quotes_of_a_sentence_marks_included():
    assert list(masked_runs([False, True, True, True, False, False, True, True])) == [(1, 3), (6, 7)]
    assert list(masked_runs([True])) == [(0, 0)]
    assert list(masked_runs([False, False])) == []
