"""Quotes: the words in quotation marks and the party of who said them."""

from __future__ import annotations

from tests.nlp_support import annotated


def quotes(text: str, language: str = "de") -> list[tuple[str | None, str]]:
    return [(q.party, q.text) for q in annotated(text, language).quotes]


def test_speaker_after_the_quote():
    assert quotes("„Wir lassen uns nicht erpressen“, sagte Außenminister Lawrow.") == \
        [("RUS", "Wir lassen uns nicht erpressen")]


def test_speaker_before_with_colon_and_quote_over_two_sentences():
    got = quotes("In Berlin sagte Baerbock: „Wir stehen zusammen. Wir weichen nicht zurück.“")
    assert got == [("DEU", "Wir stehen zusammen. Wir weichen nicht zurück.")]


def test_pronoun_speaker_resolves_to_the_last_subject():
    got = quotes("Nato-Generalsekretär Jens Stoltenberg landete in Riga. „Die Lage ist ernst“, sagte er.")
    assert got == [("NATO", "Die Lage ist ernst")]


def test_scare_quote_belongs_to_the_sentence_speaker():
    assert quotes("Der Kreml sprach von einer „Provokation“ des Westens.") == [("RUS", "Provokation")]


def test_quoted_names_are_not_speakers():
    got = quotes("„Moskau muss verstehen, dass Washington nicht nachgibt“, sagte der EU-Außenbeauftragte Borrell.")
    assert got[0][0] == "EU"


def test_english_straight_and_curly_quotes():
    got = quotes('"We will keep talking," Blinken said. “Panic is costly,” Zelenskiy told reporters.', "en")
    assert got == [("USA", "We will keep talking"), ("UKR", "Panic is costly")]


def test_other_quotation_styles_and_nested_single_marks():
    got = quotes("»Wir bleiben im Gespräch«, sagte Lawrow. “Das ist ein ‚Signal‘ an alle”, sagte Scholz.")
    assert got == [("RUS", "Wir bleiben im Gespräch"), ("DEU", "Das ist ein ‚Signal‘ an alle")]


def test_surname_with_particle_opens_the_sentence():
    got = quotes("Von der Leyen sprach am Montag in Straßburg. „Europa muss handeln“, sagte sie.")
    assert got == [("EU", "Europa muss handeln")]


def test_unnamed_spokeswoman_speaks_for_the_state_just_named():
    got = quotes("Moskau blieb zurückhaltend. Eine Sprecherin des Außenministeriums sagte, man prüfe das Angebot. "
                 "„Wir lassen uns Zeit“, fügte sie hinzu.")
    assert got == [("RUS", "Wir lassen uns Zeit")]


def test_pronoun_after_reported_speech_is_still_the_speaker():
    got = quotes("Palästinenserpräsident Mahmud Abbas reiste nach Kairo. "
                 "Außenminister Blinken sagte, es gebe Fortschritte. "
                 "Der Präsident werde am Freitag weiterreisen. „Wir bleiben dran“, fügte er hinzu.")
    assert got == [("USA", "Wir bleiben dran")]


def test_next_sentence_pointing_back_names_the_speaker():
    got = quotes('The talks went on. "We are not there yet. We will be." That was how Stoltenberg put it.', "en")
    assert got == [("NATO", "We are not there yet. We will be.")]
    got = quotes("Die Gespräche dauerten an. „Wir sind noch nicht so weit.“ Das sagte Lawrow am Abend.")
    assert got == [("RUS", "Wir sind noch nicht so weit.")]


def test_office_of_a_named_leader_speaks_for_the_leaders_state():
    got = quotes('"We will not accept this," President Volodymyr Zelensky\'s office said on Monday.', "en")
    assert got == [("UKR", "We will not accept this")]


def test_quoted_heading_echoing_a_later_quote_takes_its_speaker():
    text = ("„Keine Mauern, aber Regeln“\n\nBorrell sprach in Madrid. "
            "„Wir wollen keine Mauern, aber wir brauchen Regeln“, sagte er.")
    got = quotes(text)
    assert ("EU", "Keine Mauern, aber Regeln") in got


def test_unrelated_quote_without_speaker_stays_unattributed():
    text = "Die Zeitung titelte „Der lange Winter“.\n\nBorrell sprach. „Wir brauchen Regeln“, sagte er."
    assert ("EU", "Der lange Winter") not in quotes(text)


def test_apposition_between_speaker_and_verb():
    got = quotes('The NATO chief, Jens Stoltenberg, said the alliance would "not be divided".', "en")
    assert got == [("NATO", "not be divided")]
    got = quotes("Der Sprecher des Kremls, Dmitri Peskow, nannte den Vorschlag „unseriös“.")
    assert got == [("RUS", "unseriös")]


def test_so_with_a_name_after_a_quote_attributes_it():
    assert quotes("„Wir bleiben an der Seite der Ukraine“, so Baerbock.") == \
        [("DEU", "Wir bleiben an der Seite der Ukraine")]


def test_both_sides_speak_for_the_joint_subject_before():
    got = quotes('Sunak and Macron met in Paris. "We will act together," the two leaders said.', "en")
    assert got and got[0][0] in ("GBR", "FRA")
    a = annotated("Rom und Madrid legten einen Plan vor. Beide Regierungen erklärten, man sei „fest entschlossen“.")
    assert {p.party for p in a.positions if "entschlossen" in p.text} == {"ITA", "ESP"}


def test_embassy_speaks_for_its_state_not_the_host():
    got = quotes('In a statement, the Russian embassy in London said the report was "groundless".', "en")
    assert got == [("RUS", "groundless")]


def test_spokeswoman_after_a_paragraph_break_speaks_for_the_state_before():
    got = quotes('Tokyo reacted sharply.\n\n"This crosses a line," a foreign ministry spokeswoman said.', "en")
    assert got == [("JPN", "This crosses a line")]


def test_definite_ministry_of_no_state_is_the_state_just_named():
    assert quotes("Warschau protestierte. Das Außenministerium nannte den Schritt „unannehmbar“.") == \
        [("POL", "unannehmbar")]


def test_colon_closing_the_paragraph_before_introduces_the_quote():
    got = quotes('Stoltenberg turned to the allies on Tuesday:\n\n"We must not waver now."', "en")
    assert got == [("NATO", "We must not waver now.")]


def test_two_quotes_side_by_side_stay_apart():
    got = quotes("Lawrow sagte: „Wir sind bereit.“ „Aber der Westen muss zuhören“, fügte er hinzu.")
    assert got == [("RUS", "Wir sind bereit."), ("RUS", "Aber der Westen muss zuhören")]


def test_unknown_name_with_role_in_apposition_and_particle_after_the_quote():
    got = quotes("Li Wei, Sprecher des chinesischen Handelsministeriums, kündigte „harte Gegenmaßnahmen“ an.")
    assert got == [("CHN", "harte Gegenmaßnahmen")]


def test_a_surname_with_particles_after_the_verb_is_the_speaker():
    got = quotes("„Die Tür bleibt offen“, sagte von der Leyen am Abend. „Wir reden weiter“, erklärte de Mistura.")
    assert got[0] == ("EU", "Die Tür bleibt offen")
