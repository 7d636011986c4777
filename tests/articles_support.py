"""Many small articles, German and English, made from sentence patterns written for the tests (no
evaluation data): each has a dated meeting, a quote with its speaker and a demand, over varying
ministers, places and days, so that a build of many of them has something to find in each."""

from __future__ import annotations

from pathlib import Path

GERMAN = ("---\ntitle: \"{who_de} reist nach {city_de}\"\nlanguage: de\npublished: 2022-01-{day:02d}\n---\n"
          "{who_de} {name} wird am {weekday_de} in {city_de} mit Vertretern {party_de} zusammentreffen. "
          "„Wir erwarten ernsthafte Gespräche über {topic_de}“, sagte {name} am Montag. "
          "Die Regierung fordert ein Ende der Manöver an der Grenze. "
          "Seit Jahren streiten beide Seiten über {topic_de}.\n")
ENGLISH = ("---\ntitle: \"{who_en} to travel to {city_en}\"\nlanguage: en\npublished: 2022-01-{day:02d}\n---\n"
           "{who_en} {name} will meet representatives of {party_en} in {city_en} on {weekday_en}. "
           "\"We expect serious talks about {topic_en},\" {name} said on Monday. "
           "The government demands an end to the manoeuvres at the border. "
           "For years both sides have argued about {topic_en}.\n")

PEOPLE = ["Anna Berger", "Jonas Keller", "Maria Lindqvist", "Pierre Durand", "Elena Rossi", "Tomasz Nowak",
          "Ines Vogt", "David Miller"]
ROLES = [("Außenministerin", "Foreign Minister"), ("Verteidigungsminister", "Defence Minister"),
         ("Staatssekretärin", "State Secretary")]
CITIES = [("Wien", "Vienna"), ("Genf", "Geneva"), ("Brüssel", "Brussels"), ("Warschau", "Warsaw"),
          ("Helsinki", "Helsinki")]
PARTIES = [("Russlands", "Russia"), ("der Nato", "NATO"), ("der Ukraine", "Ukraine"), ("Chinas", "China")]
DAYS = [("Dienstag", "Tuesday"), ("Donnerstag", "Thursday"), ("Freitag", "Friday")]
TOPICS = [("Rüstungskontrolle", "arms control"), ("die Sicherheit in Europa", "security in Europe"),
          ("Getreideexporte", "grain exports"), ("Gasleitungen", "gas pipelines")]


def write_articles(folder: Path, count: int) -> list[Path]:
    """``count`` articles, alternately German and English, as seeds in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        role, city, party = ROLES[i % len(ROLES)], CITIES[i % len(CITIES)], PARTIES[i % len(PARTIES)]
        weekday, topic = DAYS[i % len(DAYS)], TOPICS[i % len(TOPICS)]
        text = (GERMAN if i % 2 == 0 else ENGLISH).format(
            who_de=role[0], who_en=role[1], name=PEOPLE[i % len(PEOPLE)], city_de=city[0], city_en=city[1],
            party_de=party[0], party_en=party[1], weekday_de=weekday[0], weekday_en=weekday[1],
            topic_de=topic[0], topic_en=topic[1], day=3 + i % 4)
        path = folder / f"{i:03d}_{'de' if i % 2 == 0 else 'en'}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
