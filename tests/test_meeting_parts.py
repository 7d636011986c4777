"""Who meets, where, and one row per meeting on sentences of the kinds real news writes (issue 9): bodies and
formats as participants, places that are none, mentions of one meeting merged."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import annotated

TUESDAY = date(2022, 1, 4)


def meetings(text: str, language: str = "de", published: date = TUESDAY):
    return annotated(text, language, published).meetings


# -- bodies, blocs and formats as participants --------------------------------------------------------

def test_a_peoples_adjective_before_a_body_is_the_league():
    [m] = meetings("Die arabischen Außenminister kommen am Donnerstag in Kairo zusammen.")
    assert m.participants == ["LAS"]
    [m] = meetings("The Arab foreign ministers will meet in Cairo on Thursday.", "en")
    assert m.participants == ["LAS"]


def test_the_adjective_inside_a_state_name_is_no_league():
    [m] = meetings("Leaders of the United Arab Emirates and Germany will meet in Berlin on Friday.", "en")
    assert "LAS" not in m.participants and {"ARE", "DEU"} <= set(m.participants)
    [m] = meetings("Die Vereinigten Arabischen Emirate und Deutschland verhandeln am Freitag in Berlin.")
    assert "LAS" not in m.participants


def test_a_bloc_without_a_code_stands_for_its_members():
    [m] = meetings("Der Mercosur-Gipfel beginnt am Montag in Montevideo.")
    assert set(m.participants) == {"ARG", "BRA", "PRY", "URY"}
    [m] = meetings("The Mercosur summit will open in Montevideo on Monday.", "en")
    assert set(m.participants) == {"ARG", "BRA", "PRY", "URY"}


def test_a_regional_body_by_its_member_states():
    [m] = meetings("Die Außenminister der SAARC-Staaten treffen sich am Freitag in Thimphu.")
    assert m.participants == ["SAARC"]
    [m] = meetings("Foreign ministers of the SAARC countries will meet in Thimphu on Friday.", "en")
    assert m.participants == ["SAARC"]


def test_asean_with_its_partners_under_one_name():
    [m] = meetings("Leaders of ASEAN+3 will meet in Bangkok on Friday.", "en")
    assert set(m.participants) == {"ASEAN", "CHN", "JPN", "KOR"}
    [m] = meetings("Am Freitag treffen sich die Staats- und Regierungschefs der ASEAN+3 in Bangkok.")
    assert set(m.participants) == {"ASEAN", "CHN", "JPN", "KOR"}


def test_a_group_in_the_topic_takes_no_part():
    [m] = meetings("Scholz und Macron beraten am Freitag in Berlin über die Lage in den arabischen Staaten.")
    assert set(m.participants) == {"DEU", "FRA"}
    [m] = meetings("Scholz and Macron will meet in Berlin on Friday to talk about the Arab states.", "en")
    assert set(m.participants) == {"DEU", "FRA"}
