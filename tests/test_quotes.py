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
