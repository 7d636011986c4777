"""One real meeting is one row, and every meeting a row (issue 9): several people met apart in one sentence, a
meeting with several people together, different people met in the sentences of one visit."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import meetings

TUESDAY = date(2022, 1, 4)


def undated(ms):
    return [m for m in ms if m.start is None]


# -- several people met apart: one row each ------------------------------------------------------------------

def test_separate_talks_with_three_people_are_three_meetings():
    ms = meetings("Chilean President Gabriel Boric arrives in Tokyo on Sunday for a five-day state visit. Boric will "
                  "hold separate talks with Prime Minister Fumio Kishida, Emperor Naruhito and Foreign Minister "
                  "Yoko Kamikawa.", "en")
    talks = undated(ms)
    assert len(talks) == 3
    assert all(set(m.participants) == {"CHL", "JPN"} for m in talks)
    assert len({m.counterparts[-1] for m in talks}) == 3


def test_getrennte_gespraeche_with_two_people_are_two_meetings():
    ms = meetings("Die finnische Außenministerin Elina Valtonen reist am Montag nach Madrid. Dort sind getrennte "
                  "Gespräche mit Ministerpräsident Pedro Sánchez und Außenminister José Manuel Albares geplant.")
    monday = [m for m in ms if m.start == date(2022, 1, 10)]
    talks = [m for m in monday if m.side]
    assert len(talks) == 2
    assert all({"FIN", "ESP"} <= set(m.participants) for m in talks)


def test_a_preposition_of_its_own_for_each_person_makes_one_meeting_each():
    ms = meetings("Der polnische Außenminister Radosław Sikorski wird am Freitag in Wien erwartet. Dort spricht er "
                  "mit seinem Amtskollegen Alexander Schallenberg sowie mit Bundeskanzler Karl Nehammer.")
    friday = [m for m in ms if m.start == date(2022, 1, 7)]
    assert len(friday) == 3  # the visit, and a talk with each
    assert sorted(m.counterparts[-1] for m in friday if m.side) == ["nehammer", "schallenberg"]
    ms = meetings("Polish Foreign Minister Radoslaw Sikorski will arrive in Vienna on Friday. There he will hold "
                  "talks with Chancellor Karl Nehammer and with his counterpart Alexander Schallenberg.", "en")
    friday = [m for m in ms if m.start == date(2022, 1, 7)]
    assert sorted(m.counterparts[-1] for m in friday if m.side) == ["nehammer", "schallenberg"]


# -- one meeting with several people: one row ------------------------------------------------------------------

def test_a_meeting_with_two_people_under_one_preposition_is_one_meeting():
    ms = meetings("Am Freitag trifft Außenministerin Baerbock in Wien Bundeskanzler Karl Nehammer und "
                  "Außenminister Alexander Schallenberg zu einem Gespräch.")
    assert len(ms) == 1
    ms = meetings("Foreign Minister Baerbock will hold talks with Chancellor Karl Nehammer and Foreign Minister "
                  "Alexander Schallenberg in Vienna on Friday.", "en")
    assert len(ms) == 1


def test_a_word_of_a_joint_meeting_outweighs_the_repeated_preposition():
    ms = meetings("Blinken will meet on Friday in Vienna with Karl Nehammer and with Alexander Schallenberg "
                  "together.", "en")
    assert len(ms) == 1
    ms = meetings("Blinken trifft am Freitag in Wien mit Karl Nehammer und mit Alexander Schallenberg zu einem "
                  "gemeinsamen Gespräch zusammen.")
    assert len(ms) == 1


# -- different people met in the sentences of one day: different meetings ---------------------------------------

def test_first_one_person_then_another_are_two_meetings():
    ms = meetings("Außenministerin Baerbock trifft sich am Freitag in Chisinau zunächst mit Ministerpräsidentin "
                  "Natalia Gavrilita. Anschließend ist eine Unterredung mit Präsidentin Maia Sandu geplant.")
    friday = [m for m in ms if m.start == date(2022, 1, 7)]
    assert len(friday) == 2
    assert {tuple(m.counterparts) for m in friday} == {("natalia", "gavrilita"), ("maia", "sandu")}
    ms = meetings("Baerbock will first meet with Prime Minister Natalia Gavrilita in Chisinau on Friday. Afterwards "
                  "a meeting with President Maia Sandu is planned.", "en")
    friday = [m for m in ms if m.start == date(2022, 1, 7)]
    assert len(friday) == 2


def test_the_same_person_named_again_is_the_same_meeting():
    ms = meetings("Scholz trifft am Freitag in Paris mit Präsident Emmanuel Macron zusammen. Das Gespräch mit "
                  "Macron soll im Élysée-Palast stattfinden.")
    assert len([m for m in ms if m.start == date(2022, 1, 7)]) == 1


# -- a meeting, then another after a conjunction of time ------------------------------------------------------

def test_a_bilateral_before_a_trilateral_are_two_meetings():
    ms = meetings("Chancellor Scholz will initially meet with Biden at the White House on Friday before Macron joins "
                  "them in a trilateral summit.", "en")
    assert sorted(sorted(m.participants) for m in ms) == [["DEU", "FRA", "USA"], ["DEU", "USA"]]
    trilateral = next(m for m in ms if len(m.participants) == 3)
    assert "France" in trilateral.title and "United States" in trilateral.title
    ms = meetings("Kanzler Scholz trifft am Freitag zunächst Biden im Weißen Haus, bevor Macron zu einem Dreiertreffen "
                  "hinzukommt.")
    assert sorted(sorted(m.participants) for m in ms) == [["DEU", "FRA", "USA"], ["DEU", "USA"]]


def test_before_as_a_preposition_opens_no_second_meeting():
    ms = meetings("Chancellor Scholz will meet Biden at the White House on Friday before flying home.", "en")
    assert [sorted(m.participants) for m in ms if m.start == date(2022, 1, 7)] == [["DEU", "USA"]]


# -- meetings inside a visit --------------------------------------------------------------------------------------

def test_meetings_apart_inside_a_visit_of_one_day_are_held_on_its_day():
    ms = meetings("Zu einem Besuch wird am Montag der polnische Außenminister Radosław Sikorski in Wien erwartet. "
                  "In der österreichischen Hauptstadt führt er Gespräche mit Außenminister Alexander Schallenberg "
                  "sowie mit dem Präsidenten des Nationalrats Wolfgang Sobotka.")
    assert [m.start for m in ms] == [date(2022, 1, 10)] * 3
    ms = meetings("Polish Foreign Minister Radoslaw Sikorski is expected in Vienna on Monday for a visit. In the "
                  "Austrian capital he will hold talks with Chancellor Karl Nehammer and with the President of the "
                  "National Council Wolfgang Sobotka.", "en")
    assert [m.start for m in ms] == [date(2022, 1, 10)] * 3


def test_the_day_of_a_relative_clause_is_not_that_of_the_meetings_apart():
    ms = meetings("Chilean President Gabriel Boric, whose visit to Japan begins on Thursday, will hold separate talks "
                  "with Prime Minister Fumio Kishida and Foreign Minister Yoko Kamikawa.", "en")
    assert [m.start for m in ms if not m.side] == [date(2022, 1, 6)]
    assert [m.start for m in ms if m.side] == [None, None]
    ms = meetings("Der chilenische Präsident Gabriel Boric, dessen Besuch in Japan am Donnerstag beginnt, wird "
                  "getrennte Gespräche mit Ministerpräsident Fumio Kishida und Außenministerin Yoko Kamikawa führen.")
    assert [m.start for m in ms if not m.side] == [date(2022, 1, 6)]
    assert [m.start for m in ms if m.side] == [None, None]


def test_one_person_named_twice_with_and_without_the_first_name_is_one_meeting():
    ms = meetings("Duda will meet with President Donald Trump at the White House on Wednesday. On Wednesday Duda "
                  "will also hold talks with Trump.", "en")
    assert len(ms) == 1


# -- a schedule: date lines over time-stamped lines ----------------------------------------------------------------

SCHEDULE_DE = """Staatsbesuch des Bundespräsidenten in Frankreich

Montag, 10. Januar

18:00 Uhr Empfang durch Präsident Emmanuel Macron für Bundespräsident Frank-Walter Steinmeier

Dienstag, 11. Januar

10:30 Uhr Arbeitsgespräch mit Präsident Emmanuel Macron im Élysée-Palast

13:00 Uhr Mittagessen mit Außenminister Jean-Yves Le Drian

20:00 Uhr Staatsbankett, gegeben von Präsident Emmanuel Macron
"""

SCHEDULE_EN = """State visit of the Federal President to France

Monday, January 10

6 p.m. Reception by President Emmanuel Macron for Federal President Frank-Walter Steinmeier

Tuesday, January 11

10:30 a.m. Working meeting with President Emmanuel Macron at the Élysée Palace

1 p.m. Lunch with Foreign Minister Jean-Yves Le Drian

8 p.m. State banquet given by President Emmanuel Macron
"""


def test_each_time_stamped_line_is_a_meeting_on_its_date_lines_day():
    ms = meetings(SCHEDULE_DE)
    tuesday = [m for m in ms if m.start == date(2022, 1, 11)]
    assert len(tuesday) == 3
    assert all(set(m.participants) == {"DEU", "FRA"} for m in tuesday)
    assert not any(m.start == TUESDAY for m in ms)  # no line on the source's own day


def test_each_time_stamped_line_is_a_meeting_on_its_date_lines_day_en():
    ms = meetings(SCHEDULE_EN, "en")
    tuesday = [m for m in ms if m.start == date(2022, 1, 11)]
    assert len(tuesday) == 3
    assert all(set(m.participants) == {"DEU", "FRA"} for m in tuesday)


def test_each_meeting_word_with_its_own_people_is_a_meeting_of_its_own():
    ms = meetings("Chilean President Gabriel Boric will arrive in Tokyo on Thursday for a three-day state visit. In "
                  "Japan, Boric will hold official talks with Prime Minister Fumio Kishida, meetings with Foreign "
                  "Minister Yoko Kamikawa and a lunch with the Emperor.", "en")
    inside = undated(ms)
    assert len(inside) >= 2 and all(set(m.participants) == {"CHL", "JPN"} for m in inside)
    assert {"kishida", "kamikawa"} <= {w for m in inside for w in m.counterparts}
    ms = meetings("Der chilenische Präsident Gabriel Boric reist am Donnerstag zu einem dreitägigen Staatsbesuch nach "
                  "Japan. Auf dem Programm stehen ein Treffen mit Ministerpräsident Fumio Kishida und ein Gespräch "
                  "mit Außenministerin Yoko Kamikawa.")
    inside = undated(ms)
    assert len(inside) == 2 and all(set(m.participants) == {"CHL", "JPN"} for m in inside)


def test_a_title_word_is_no_part_of_the_name_that_tells_people_apart():
    ms = meetings("Boric trifft sich am Freitag in Tokio zunächst mit Premierminister Fumio Kishida. Anschließend ist "
                  "eine Unterredung mit Premierminister Anthony Albanese geplant.")
    assert len([m for m in ms if m.start == date(2022, 1, 7)]) == 2
