"""English speakers as the article names them: names after roles, offices of a role, surnames that
must agree with the person meant (German where the construction exists there too)."""

from __future__ import annotations

import pytest

from tests.nlp_support import annotated


def speakers(text: str, language: str = "en") -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_role) for q in annotated(text, language).quotes]


@pytest.mark.parametrize("text, language, expected", [
    ('"We will attend," Foreign Minister Shah Mehmood Qureshi said.', "en",
     ("Shah Mehmood Qureshi", "Foreign Minister")),
    ("„Wir kommen“, sagte Außenminister Shah Mehmood Qureshi.", "de", ("Shah Mehmood Qureshi", "Außenminister")),
    ('"We will attend," Interior Minister Paul Brandt said.', "en", ("Paul Brandt", "Interior Minister")),
])
def test_a_capitalised_word_between_role_and_name_belongs_to_the_name(text, language, expected):
    assert speakers(text, language) == [expected]


def test_a_role_of_state_is_not_taken_into_the_name():
    assert speakers('"We will attend," Secretary of State Anna Brandt said.')[0][0] == "Anna Brandt"


@pytest.mark.parametrize("text", [
    '"Talks will be held next month," the Prime Minister\'s Office said.',
    '"Talks will be held next month," the President\'s Office said in a statement.',
])
def test_the_office_of_a_role_speaks_as_one_body(text):
    speaker = speakers(text)[0][0]
    assert speaker is not None and speaker.endswith("Office") and "'s" in speaker


@pytest.mark.parametrize("text, language", [
    ("Interior Minister Paul Brandt opened the conference. Judge Anna Brandt of the constitutional court "
     'spoke first. "We will not change the law," Minister Brandt told reporters.', "en"),
    ("Innenminister Paul Brandt eröffnete die Konferenz. Richterin Anna Brandt vom Verfassungsgericht "
     "sprach zuerst. „Wir ändern das Gesetz nicht“, sagte Minister Brandt.", "de"),
])
def test_a_surname_with_a_role_means_the_person_of_that_role(text, language):
    assert speakers(text, language)[0][0] == "Paul Brandt"


def test_a_surname_the_gazetteer_knows_is_not_another_person_of_that_surname():
    text = ("U.S. President Barack Obama leaves for Brazil on Friday. The president and first lady Michelle "
            'Obama will arrive in Brasilia on Saturday. President Obama said the trip would "open new markets '
            'for our workers and our farmers".')
    assert speakers(text)[0][0] == "Barack Obama"


def test_a_bare_surname_still_means_the_person_named_before():
    text = ('Judge Anna Brandt opened the hearing on Monday. "The court will decide within a week," Brandt said.')
    assert speakers(text)[0][0] == "Anna Brandt"


@pytest.mark.parametrize("text, language", [
    ('Her Pakistani counterpart Salman Bashir said the talks should be "serious and meaningful for both sides".',
     "en"),
    ("Der pakistanische Staatssekretär Salman Bashir sagte, die Gespräche müssten ernsthaft sein.", "de"),
])
def test_a_known_surname_as_the_first_name_of_someone_else_is_not_that_person(text, language):
    a = annotated(text, language)
    assert "SAU" not in {m.party for m in a.actors}
    assert "SAU" not in {p.party for p in a.positions}


def test_a_known_surname_before_another_known_name_still_counts():
    a = annotated("Putin Selenskyj treffen wolle, sagte Kanzler Scholz.", "de")
    assert {"RUS", "UKR"} <= {m.party for m in a.actors}


def test_a_known_surname_that_is_no_first_name_stays_before_a_place():
    a = annotated("Am Donnerstag besucht Scholz Lesotho.", "de")
    assert "DEU" in {m.party for m in a.actors}
