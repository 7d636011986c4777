"""Which quoted spans are quotes: titles, names, slogans and scare quotes are not; speech is."""

from __future__ import annotations

import pytest

from tests.nlp_support import annotated


def quoted(text: str, language: str = "de") -> list[str]:
    return [q.text for q in annotated(text, language).quotes]


@pytest.mark.parametrize("text, language", [
    ("Die Band spielte zum Abschluss das Lied „Wind über dem Hafen“.", "de"),
    ("The band closed with the song “Wind over the Harbour”.", "en"),
    ("Am Abend lief der Film „Die letzte Fähre“ im Ersten.", "de"),
    ("Die Armee begann die Operation „Wüstenwind“ am Morgen.", "de"),
    ("The army launched Operation “Desert Wind” at dawn.", "en"),
])
def test_titles_governed_by_a_title_noun_are_not_quotes(text, language):
    assert quoted(text, language) == []


@pytest.mark.parametrize("text, language", [
    ("Tausende zogen unter dem Motto „Frieden jetzt“ durch die Innenstadt.", "de"),
    ("Sie trugen Transparente mit der Aufschrift „Kein Krieg mehr“.", "de"),
    ("Thousands marched under the slogan “Peace Now” through the city.", "en"),
])
def test_slogans_are_not_quotes(text, language):
    assert quoted(text, language) == []


@pytest.mark.parametrize("text, language", [
    ("“Bridges Across the Water: Trade for a Calmer Region,” is the theme of this year's forum, the hosts said.", "en"),
    ("“Open Ports, Open Minds” was the motto of the congress, organisers told reporters.", "en"),
    ("„Brücken über das Wasser“ lautet das Motto des Forums, teilten die Gastgeber mit.", "de"),
])
def test_a_title_named_by_a_copula_and_a_title_noun_is_not_a_quote(text, language):
    assert quoted(text, language) == []


@pytest.mark.parametrize("text, language", [
    ("The theme of this year's NATO summit is \"Building Bridges, Keeping Peace\".", "en"),
    ("The motto of the congress was “Open Ports, Open Minds”, the hosts said.", "en"),
    ("Das Motto des NATO-Gipfels lautet „Brücken bauen, Frieden sichern“.", "de"),
])
def test_a_title_noun_subject_and_a_copula_name_the_quoted_text(text, language):
    assert quoted(text, language) == []


def test_a_said_clause_before_a_copula_stays_a_quote():
    text = "“Our ports will stay open to every ship,” was the message the minister gave on Monday."
    assert any("ports will stay open" in q for q in quoted(text, "en"))


@pytest.mark.parametrize("text, language", [
    ("Die sogenannte „Koalition der Entschlossenen“ traf sich in Paris.", "de"),
    ("Das Bündnis, das sich selbst „Neuer Morgen“ nennt, gewann die Wahl.", "de"),
    ("Der Gipfel, auch „Treffen der Nachbarn“ genannt, endete am Abend.", "de"),
    ("The so-called “coalition of the willing” met in Paris.", "en"),
    ("The plan, dubbed “Project Harbour”, was approved on Monday.", "en"),
])
def test_names_given_by_a_naming_word_are_not_quotes(text, language):
    assert quoted(text, language) == []


@pytest.mark.parametrize("text, language", [
    ("Die Regierung plant eine „Reform“ der Rente.", "de"),
    ("Der Konzern stellte ein „intelligentes“ Telefon vor.", "de"),
    ("The government plans a “reform” of pensions.", "en"),
])
def test_scare_quotes_without_a_speech_act_are_not_quotes(text, language):
    assert quoted(text, language) == []


@pytest.mark.parametrize("text, language", [
    ("Der Minister sagte der „Kieler Rundschau“, die Gespräche gingen weiter.", "de"),
    ("Wie die „Nordsee Nachrichten“ berichteten, sei die Fähre ausgefallen.", "de"),
    ("Laut „Hafenblick Online“ soll die Fähre ausfallen.", "de"),
    ("Die „Kieler Rundschau“-Redaktion erklärte, sie bleibe bei ihrem Bericht.", "de"),
    ("The minister told the “Evening Courier” that talks would go on.", "en"),
])
def test_names_of_papers_and_bodies_in_a_sentence_of_speech_are_not_quotes(text, language):
    assert quoted(text, language) == []


def test_a_list_of_titles_after_a_title_noun_is_not_quoted_speech():
    assert quoted("Er sang Lieder wie „Blaue Nacht“, „Roter Mond“ und „Stiller Hafen“.") == []


@pytest.mark.parametrize("text, language, expected", [
    ("Der Minister nannte den Vorschlag „völlig inakzeptabel“.", "de", "völlig inakzeptabel"),
    ("Die Ministerin bezeichnete das Treffen als „wichtiges Signal“.", "de", "wichtiges Signal"),
    ("Die Lage sei „sehr ernst“, so der Bürgermeister.", "de", "sehr ernst"),
    ("Die Sprecherin sprach von einer „Provokation“.", "de", "Provokation"),
    ("The minister called the proposal “completely unacceptable”.", "en", "completely unacceptable"),
    ("The mayor described the damage as “devastating”.", "en", "devastating"),
])
def test_short_fragments_in_a_frame_of_speech_are_quotes(text, language, expected):
    assert quoted(text, language) == [expected]


def test_a_word_said_after_a_colon_is_a_quote():
    assert quoted("Die Antwort des Bürgermeisters war kurz: „Niemals“.") == ["Niemals"]


def test_a_clause_in_quotation_marks_is_a_quote_without_a_verb_of_saying():
    assert quoted("„Wir bleiben bis zum Ende hier“ stand am Ende des Briefes.") == ["Wir bleiben bis zum Ende hier"]
    assert quoted("“We will stay until the end” was the last line of the letter.", "en") == \
        ["We will stay until the end"]



@pytest.mark.parametrize("text, language, expected", [
    ("Seine Freunde nannten ihn „Eddie“.", "de", []),
    ("His friends called him “Big Eddie”.", "en", []),
    ("Die Opposition nannte den Plan „verantwortungslos“.", "de", ["verantwortungslos"]),
    ("The opposition called the plan “reckless”.", "en", ["reckless"]),
])
def test_a_naming_verb_gives_a_name_but_a_judgement_is_said(text, language, expected):
    assert quoted(text, language) == expected
