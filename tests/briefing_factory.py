"""A realistic Briefing built by hand, so the renderer tests do not depend on extraction quality."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.model import BackgroundItem, Briefing, Change, Evidence, Meeting, Party, Position, Quote, Source

S1 = "a01_wien_gespraeche"
S2 = "a02_bruessel_rat"


def _ev(source: str, n: int, text: str) -> list[Evidence]:
    return [Evidence(source, n, text)]


def make_briefing(language: str = "de", changes: list[Change] | None = None, **texts: str) -> Briefing:
    """A briefing with meetings (one- and multi-day, one unresolved, one past), three parties,
    background, quotes and two sources. ``texts`` replaces single fields for the safety tests:
    meeting_title, position, quote, background, source_title, key_fact, speaker."""
    de = language == "de"
    sources = [
        Source(S1, Path(f"/seeds/{S1}.md"), texts.get("source_title", "Außenminister beraten in Wien über "
               "Rüstungskontrolle" if de else "Foreign ministers meet in Vienna on arms control"),
               "", language, date(2023, 3, 6), "front_matter", url="https://news.example.org/wien-gespraeche",
               outlet="Beispiel-Zeitung"),
        Source(S2, Path(f"/seeds/{S2}.txt"), "Bündnis setzt Sondersitzung an" if de else "Alliance calls special "
               "session", "", language, date(2023, 3, 7), "inferred", 0.8, "from 'am Dienstag'"),
    ]
    m1 = Meeting(texts.get("meeting_title", "Gespräche über Rüstungskontrolle" if de else "Arms control talks"),
                 date(2023, 3, 12), date(2023, 3, 13), ["USA", "RUS"], "Wien", "in_person",
                 evidence=_ev(S1, 2, "Am Sonntag und Montag wollen Delegationen beider Staaten in Wien verhandeln."))
    m2 = Meeting("Sondersitzung der Außenminister" if de else "Special session of foreign ministers",
                 date(2023, 3, 10), date(2023, 3, 10), ["NATO"], None, "video",
                 evidence=_ev(S2, 1, "Die Außenminister des Bündnisses beraten am Freitag per Video."))
    m3 = Meeting("Treffen des Kooperationsrats" if de else "Meeting of the cooperation council",
                 date(2023, 3, 15), date(2023, 3, 15), ["NATO", "RUS"], "Brüssel" if de else "Brussels",
                 evidence=_ev(S2, 4, "Zwei Tage später tagt der Kooperationsrat in Brüssel."))
    m4 = Meeting("Konsultationen mit der OSZE" if de else "Consultations with the OSCE", None, None,
                 ["OSCE", "UKR"], "Wien", date_text="Ende des Monats" if de else "end of the month",
                 date_resolved=False, evidence=_ev(S1, 9, "Ende des Monats folgen Konsultationen."))
    m5 = Meeting("Telefonat der Präsidenten" if de else "Presidents' phone call", date(2023, 3, 2),
                 date(2023, 3, 2), ["USA", "RUS"], None, "phone", status="past",
                 evidence=_ev(S1, 5, "Am Donnerstag hatten die Präsidenten telefoniert."))
    pos = texts.get("position", "fordert verbindliche Zusagen zum Verzicht auf neue Stützpunkte" if de
                    else "demands binding assurances that no new bases will be built")
    parties = [
        Party("RUS", "Russland" if de else "Russia", [
            Position("RUS", pos, "demand", "Außenminister" if de else "the foreign minister",
                     _ev(S1, 3, "Moskau verlangt verbindliche Zusagen.")),
            Position("RUS", "warnt vor neuen Sanktionen" if de else "warns against new sanctions", "warning",
                     texts.get("speaker", "Präsident"), _ev(S1, 6, "Der Präsident warnte vor Sanktionen.")),
        ]),
        Party("USA", "USA" if de else "United States", [
            Position("USA", "droht mit einer entschlossenen Antwort im Fall eines Angriffs" if de
                     else "threatens a resolute response in case of an attack", "warning", "Präsident",
                     _ev(S1, 5, "Am Donnerstag hatten die Präsidenten telefoniert.")),
        ]),
        Party("NATO", "Nato" if de else "NATO", [
            Position("NATO", "weist ein Vetorecht über Beitritte zurück" if de
                     else "rejects any veto over accession", "rejection", "Generalsekretär",
                     _ev(S2, 2, "Ein Vetorecht Dritter lehnt das Bündnis ab.")),
        ]),
    ]
    background = [
        BackgroundItem(texts.get("background", "Seit Monaten stehen Truppen an der Grenze; der Westen fürchtet "
                       "eine Eskalation." if de else "Troops have been massed at the border for months."),
                       _ev(S1, 7, "Seit Monaten stehen Truppen an der Grenze.")),
        BackgroundItem("Die Gespräche knüpfen an frühere Abrüstungsverträge an." if de
                       else "The talks build on earlier disarmament treaties.",
                       _ev(S2, 6, "Die Gespräche knüpfen an frühere Verträge an.")),
    ]
    quotes = [
        Quote(texts.get("quote", "Wir erwarten klare Antworten und keine Verzögerungen" if de
                        else "We expect clear answers, not delays"), "Sergej Beispielow", "RUS",
              _ev(S1, 3, "Moskau verlangt verbindliche Zusagen.")),
        Quote("Die Tür zum Dialog bleibt offen" if de else "The door to dialogue remains open",
              "Jane Example", "NATO", _ev(S2, 3, "„Die Tür zum Dialog bleibt offen“, sagte sie.")),
    ]
    facts = [texts.get("key_fact", "Sondersitzung der Außenminister am Freitag per Video." if de
                       else "Foreign ministers hold a special video session on Friday."),
             "Gespräche USA–Russland in Wien am Sonntag und Montag." if de
             else "US–Russia talks in Vienna on Sunday and Monday.",
             "Russland fordert verbindliche Zusagen; die Nato lehnt ein Vetorecht ab." if de
             else "Russia demands binding assurances; NATO rejects a veto."]
    return Briefing(
        title="Lagebild Rüstungskontrolle" if de else "Arms control briefing",
        as_of=date(2023, 3, 7), as_of_from="latest-source", language=language, sources=sources,
        meetings=[m1, m2, m3, m4, m5], parties=parties, background=background, quotes=quotes, key_facts=facts,
        classification="VS – NUR FÜR DEN DIENSTGEBRAUCH" if de else "RESTRICTED",
        author="Referat 201" if de else "Policy Unit", warnings=["a02_bruessel_rat: date inferred"],
        changes=changes)


def sample_changes(language: str = "de") -> list[Change]:
    de = language == "de"
    return [Change("meeting_added", "Treffen des Kooperationsrats, 15. März" if de
                   else "Cooperation council, 15 March"),
            Change("meeting_moved", "Sondersitzung: 9. → 10. März" if de else "Special session: 9 → 10 March"),
            Change("meeting_dropped", "Ministertreffen in Genf" if de else "Ministerial meeting in Geneva"),
            Change("position_added", "Nato: weist ein Vetorecht zurück" if de else "NATO: rejects a veto")]
