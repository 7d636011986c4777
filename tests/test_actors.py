"""Actors: names, seats, people, adjectives, compounds and inflected forms map to party codes."""

from __future__ import annotations

from tests.nlp_support import annotated


def mentions(text: str, language: str = "de", extra=None) -> dict[str, str]:
    return {m.text: m.party for m in annotated(text, language, extra=extra).actors}


def test_metonymy_and_inflection_map_to_states():
    found = mentions("Der Sprecher des Kremls verwies auf Moskaus Haltung. Das Weiße Haus antwortete aus Washington.")
    assert found["Kremls"] == "RUS"
    assert found["Moskaus"] == "RUS"
    assert found["Weiße Haus"] == "USA"
    assert found["Washington"] == "USA"


def test_people_by_full_name_and_surname_speak_for_their_body():
    found = mentions("Nato-Generalsekretär Jens Stoltenberg traf Sergej Lawrow. Später sprach Stoltenberg mit Borrell.")
    assert found["Jens Stoltenberg"] == "NATO"
    assert found["Sergej Lawrow"] == "RUS"
    assert found["Stoltenberg"] == "NATO"
    assert found["Borrell"] == "EU"


def test_compounds_and_adjectives():
    a = annotated("Die russischen Truppen stehen nahe den US-Militärstützpunkten; das Militärbündnis berät.")
    by_text = {m.text: (m.party, m.kind) for m in a.actors}
    assert by_text["russischen"] == ("RUS", "adjective")
    assert by_text["US"] == ("USA", "compound")
    assert by_text["Militärbündnis"] == ("NATO", "name")


def test_a_compound_of_two_parties_names_both():
    a = annotated("Der Nato-Russland-Rat tagt wieder.")
    assert {m.party for m in a.actors} == {"NATO", "RUS"}


def test_english_names_and_adjectives():
    found = mentions("The Kremlin said Russian forces would stay, while the State Department disagreed.", "en")
    assert found["Kremlin"] == "RUS"
    assert found["Russian"] == "RUS"
    assert found["State Department"] == "USA"


def test_config_aliases_extend_the_gazetteer():
    found = mentions("Die Regierung in Chisinau reagierte, ebenso Transnistrien-Kenner Ionescu.",
                     extra={"Ionescu": "MDA"})
    assert found["Chisinau"] == "MDA"
    assert found["Ionescu"] == "MDA"


def test_common_words_are_not_people():
    # "rau" and "price" are surnames in the gazetteer, but not in lower case
    assert mentions("Das Klima blieb rau.") == {}
    assert mentions("The price of gas rose.", "en") == {}


def test_broad_gazetteer_people_seats_and_states():
    from briefing.nlp.actors.gazetteer import gazetteer
    de, en = gazetteer("de"), gazetteer("en")
    assert de.lookup("Qin").party == "CHN"  # a Chinese surname comes first
    assert de.lookup("Billström").party == "SWE"
    assert de.lookup("Zhongnanhai").party == "CHN"
    assert de.lookup("Amman").party == "JOR"
    assert de.adjective("jordanischen") == "JOR"
    assert en.lookup("Yellen").party == "USA"
    assert en.lookup("Quai d'Orsay").party == "FRA"
    assert en.lookup("Albanese").party == "AUS"
    assert en.lookup("Jordanian").party == "JOR"


def test_officials_in_a_capital_speak_for_its_state():
    from tests.nlp_support import annotated
    a = annotated("Beamte in Warschau nannten den Gipfel einen „Wendepunkt“.")
    assert [(q.party, q.text) for q in a.quotes] == [("POL", "Wendepunkt")]
