"""Background: past context (earlier years, pluperfect, dated well before) kept apart and short."""

from __future__ import annotations

from datetime import date

from tests.nlp_support import annotated

ARTICLE = ("Die Außenminister treffen sich am Freitag in Wien. "
           "Russland hatte die Krim im Jahr 2014 annektiert. "
           "Seit 2015 gilt das Abkommen von Minsk. "
           "Die Gespräche sollen mehrere Stunden dauern. "
           "Am Freitag wird auch über Gas gesprochen.")


def test_years_and_pluperfect_are_background_and_news_is_not():
    texts = [b.text for b in annotated(ARTICLE, published=date(2022, 1, 4)).background]
    assert any("2014" in t for t in texts)
    assert any("2015" in t for t in texts)
    assert not any("Wien" in t for t in texts)


def test_background_stays_under_half_the_article():
    body = " ".join(f"Im Jahr {1990 + i} hatte es ein langes Treffen mit Teilnehmern gegeben." for i in range(12))
    a = annotated(body, published=date(2022, 1, 4))
    assert a.background
    assert sum(len(b.text) for b in a.background) <= 0.5 * len(body)


def test_english_years_and_past_perfect():
    a = annotated("The talks start on Monday. Russia annexed Crimea in 2014. The two sides had met in Vienna before.",
                  "en", published=date(2022, 1, 17))
    texts = [b.text for b in a.background]
    assert any("2014" in t for t in texts)
    assert not any("Monday" in t for t in texts)


def test_sentence_going_on_from_a_past_event_joins_its_item():
    a = annotated("Die Außenminister treffen sich am Freitag in Wien. Zuletzt war Lawrow 2019 in Tokio. "
                  "Im Mai desselben Jahres empfing er Abe in Sotschi. Die Gespräche sollen Stunden dauern. "
                  "Am Freitagabend ist ein Essen geplant, am Samstag folgt eine Pressekonferenz der Minister.",
                  published=date(2022, 1, 4))
    texts = [b.text for b in a.background]
    assert any("2019" in t and "Sotschi" in t for t in texts)
    assert not any("Stunden" in t for t in texts)


def test_english_follow_up_sentence_joins_too():
    a = annotated("The talks start on Monday. Russia annexed Crimea in 2014. Days later, the EU imposed sanctions. "
                  "The delegations arrive tomorrow. A dinner is planned for Monday evening, and a press "
                  "conference of the ministers follows on Tuesday.", "en", published=date(2022, 1, 17))
    texts = [b.text for b in a.background]
    assert any("2014" in t and "sanctions" in t for t in texts)


def test_an_event_ten_days_before_is_context_but_yesterday_is_news():
    a = annotated("Die Minister treffen sich am Freitag. Bei dem Anschlag am 3. Januar starben 40 Menschen. "
                  "Am 12. Januar hatten die Minister telefoniert.", published=date(2022, 1, 13))
    texts = [b.text for b in a.background]
    assert any("3. Januar" in t for t in texts)
