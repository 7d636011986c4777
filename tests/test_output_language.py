"""An English briefing from German sources (and the reverse): titles and places in the output language."""

from __future__ import annotations

from datetime import date

from briefing.assemble import retitle
from briefing.model import Evidence, Meeting
from briefing.nlp.meetings.titles import LABEL, NOUN, OWN
from briefing.places import place_name


def test_places_in_the_output_language_cities_from_the_lexicon_countries_from_babel():
    assert place_name("Genf", "en") == "Geneva" and place_name("Geneva", "de") == "Genf"
    assert place_name("Moskau", "en") == "Moscow" and place_name("Kyiv", "de") == "Kiew"
    assert place_name("Frankreich", "en") == "France" and place_name("Poland", "de") == "Polen"
    assert place_name("Hiroshima", "en") == "Hiroshima"  # unknown: as written
    assert place_name(None, "en") is None


def meeting(title: str, rank: int, fmt: str | None = None) -> Meeting:
    return Meeting(title, date(2022, 1, 9), date(2022, 1, 10), ["USA", "RUS"], "Genf", fmt,
                   evidence=[Evidence("s1", 1, "…")], title_rank=rank)


def test_made_titles_are_made_again_in_the_output_language_own_names_stay():
    label, noun, own = meeting("Telefonat USA – Russland", LABEL, "phone"), meeting("Gespräche USA – Russland", NOUN), \
        meeting("Nato-Russland-Rat", OWN)
    retitle([label, noun, own], {"s1": "de"}, "en")
    assert label.title == "Phone call United States – Russia"
    assert noun.title == "Talks United States – Russia"
    assert own.title == "Nato-Russland-Rat"
    english = meeting("Video call United States – Russia", NOUN)  # a head of two words
    retitle([english], {"s1": "en"}, "de")
    assert english.title == "Videoschalte USA – Russland"
    same = meeting("Gespräche USA – Russland", NOUN)
    retitle([same], {"s1": "de"}, "de")
    assert same.title == "Gespräche USA – Russland"


def test_the_seed_in_english_names_places_and_made_titles_in_english(project):
    from briefing.config import load_config
    from briefing.pipeline import build
    from briefing.render.html import render_html_text

    config = load_config(project / "config.yaml")
    briefing = build(config, formats=["html"], language="en", write=False).briefing
    page = render_html_text(briefing, config)
    table = page[page.index('<table class="meetings">'):page.index("</table>")]
    assert "Geneva" in table and "Genf" not in table
    assert "Meeting United States – Russia" in table and "Treffen USA" not in table
    assert "Nato-Russland-Rat" in table  # the source's own name stays
