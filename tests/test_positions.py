"""Positions: the party whose statement it is, and only that party."""

from __future__ import annotations

import pytest

from briefing.data import DEFAULT_LANGUAGE, language_data, lexicon_language
from briefing.nlp.clauses import grammar
from tests.nlp_support import annotated, parties_of, positions_of


def test_metonymic_subject_and_separable_verb():
    a = annotated("Peking weist die Kritik an seiner Handelspolitik entschieden zurück.")
    assert [(p.party, p.kind) for p in a.positions] == [("CHN", "rejection")]


def test_object_of_an_accusation_gets_nothing():
    a = annotated("Moskau wirft der Nato und Kiew gezielte Provokationen an der Grenze vor.")
    assert parties_of(a) == {"RUS"}
    assert a.positions[0].kind == "accusation"


def test_inverted_subject_after_the_verb():
    a = annotated("Den Vorschlag lehnt die Bundesregierung ab. Einen Waffenstillstand fordert dagegen Ankara.")
    assert positions_of(a, "DEU") == ["Den Vorschlag lehnt die Bundesregierung ab."]
    assert positions_of(a, "TUR") == ["Einen Waffenstillstand fordert dagegen Ankara."]


def test_pronoun_and_seinerseits_take_the_last_subject():
    a = annotated("Am Montag hatte Außenminister Sergej Lawrow den Gesandten empfangen. "
                  "Dabei warnte er vor neuen Sanktionen. "
                  "Der britische Premier Boris Johnson drohte seinerseits mit Konsequenzen.")
    assert any("Sanktionen" in t for t in positions_of(a, "RUS"))
    assert any("Konsequenzen" in t for t in positions_of(a, "GBR"))
    assert not any("Konsequenzen" in t for t in positions_of(a, "RUS"))


def test_subjunctive_continues_the_reported_speech():
    a = annotated("Stoltenberg erklärte, das Bündnis stehe geschlossen zusammen. "
                  "Die Mitglieder seien zu weiteren Lieferungen bereit. "
                  "Das Wetter in Brüssel war kalt.")
    nato = positions_of(a, "NATO")
    assert any("Lieferungen" in t for t in nato)
    assert not any("Wetter" in t for t in nato)


def test_attribution_by_preposition():
    a = annotated("Dem Kreml zufolge ist ein Gipfel derzeit ausgeschlossen. "
                  "Laut Auswärtigem Amt bleibt die Botschaft geöffnet.")
    assert any("Gipfel" in t for t in positions_of(a, "RUS"))


def test_joint_subject_speaks_for_both():
    a = annotated("Die USA und die EU fordern einen sofortigen Waffenstillstand.")
    assert parties_of(a) == {"USA", "EU"}


def test_reported_clause_with_other_actor_stays_with_the_speaker():
    a = annotated("Kremlsprecher Dmitri Peskow sagte, die Ukraine müsse neutral bleiben.")
    assert parties_of(a) == {"RUS"}


def test_role_as_switches_to_the_body():
    a = annotated("„Wir brauchen Dialog“, sagte Schwedens Außenministerin Ann Linde in ihrer Rolle als "
                  "amtierende OSZE-Vorsitzende.")
    assert parties_of(a) == {"OSCE"}


def test_bare_role_resolves_to_the_last_office_holder():
    a = annotated("Der türkische Außenminister Mevlüt Cavusoglu kündigte Gespräche an. "
                  "Beide Seiten hätten um Vermittlung gebeten, sagte der Minister.")
    assert any("Vermittlung" in t for t in positions_of(a, "TUR"))


def test_english_subjects_pronouns_and_detached_subject():
    a = annotated("Deputy Foreign Minister Sergei Ryabkov said Russia wanted guarantees. "
                  "\"There can be no stability without them,\" he told reporters. "
                  "Beijing, for its part, has rejected calls to join the talks. "
                  "Russia could call a vote, but U.S. officials said they were confident.", language="en")
    assert any("guarantees" in t for t in positions_of(a, "RUS"))
    assert any("stability" in t for t in positions_of(a, "RUS"))
    assert any("rejected" in t for t in positions_of(a, "CHN"))
    assert any("confident" in t for t in positions_of(a, "USA"))


def test_bare_role_prefers_the_named_office_holder_over_a_plural_group():
    a = annotated("Der polnische Außenminister Zbigniew Rau lud die Außenminister Frankreichs ein. "
                  "Man hoffe auf Einigkeit, sagte der Minister.")
    assert any("Einigkeit" in t for t in positions_of(a, "POL"))
    assert not any("Einigkeit" in t for t in positions_of(a, "FRA"))


def test_indefinite_nationality_noun_is_not_a_speaker():
    a = annotated("Im Dezember hatte ein Gericht einen Russen verurteilt und von Staatsterrorismus gesprochen.")
    assert "RUS" not in parties_of(a)


def test_english_detached_subject_beats_the_reported_subject():
    a = annotated("The White House, for its part, said Russia might be preparing a pretext.", language="en")
    assert parties_of(a) == {"USA"}


def test_plural_verb_does_not_take_a_single_person_as_subject():
    a = annotated("Kritiker werfen Scholz vor, die Abhängigkeit von China zu vergrößern.")
    assert "DEU" not in parties_of(a)


def test_regular_konjunktiv_continues_the_statement():
    a = annotated("Ein Sprecher des chinesischen Außenministeriums sagte, man sei zu Gesprächen bereit. "
                  "Die Volksrepublik lehne jede Einmischung ab.")
    assert any("Einmischung" in t for t in positions_of(a, "CHN"))


def test_english_only_verbs_of_saying_invert():
    a = annotated("Critics accuse Scholz of naivety.", language="en")
    assert "DEU" not in parties_of(a)


def test_speaker_after_a_name_ending_a_clause_and_split_hyphenated_offices():
    a = annotated("Macron wants a ceasefire before any talks with President Volodymyr Zelenskiy, the Elysee said. "
                  "NATO Secretary-General Jens Stoltenberg urged Russia to pull back its troops.", language="en")
    assert any("Elysee" in t for t in positions_of(a, "FRA"))
    assert any("pull back" in t for t in positions_of(a, "NATO"))
    assert not any("pull back" in t for t in positions_of(a, "RUS"))


def test_impersonal_and_genitive_attributions():
    a = annotated("Aus dem Kreml hieß es am Montag, man sei zu Gesprächen bereit. "
                  "Nach Angaben des Weißen Hauses lehnt Biden neue Verhandlungen über Zölle ab.")
    assert any("Kreml" in t for t in positions_of(a, "RUS"))
    assert any("Weißen Hauses" in t for t in positions_of(a, "USA"))


def test_an_unknown_speaker_stops_the_reported_speech_of_the_one_before():
    a = annotated("Selenskyj zufolge braucht die Ukraine Luftabwehr. "
                  "Die Außenministerin betonte, Deutschland stehe an der Seite der Ukraine.")
    assert not any("Seite" in t for t in positions_of(a, "UKR"))


def test_passive_agent_is_the_speaker():
    de = annotated("Der Vorschlag wurde von Moskau umgehend zurückgewiesen.")
    assert parties_of(de) == {"RUS"}
    en = annotated("Macron was told by Putin that the troops would stay.", language="en")
    assert parties_of(en) == {"RUS"}


def test_sowohl_als_auch_is_a_joint_subject():
    a = annotated("Sowohl US-Außenminister Antony Blinken als auch sein Kollege Sergej Lawrow haben ihr Kommen "
                  "zugesagt.")
    assert parties_of(a) == {"USA", "RUS"}


def test_a_quote_makes_its_subject_a_speaker_without_a_verb_of_saying():
    a = annotated("Der Kreml will nach eigenen Worten „keine Eskalation“ an der Grenze.")
    assert parties_of(a) == {"RUS"}
    assert a.quotes[0].party == "RUS"


def test_subject_of_reported_speech_is_not_the_next_pronoun():
    a = annotated("Der Kanzler erklärte, Warschau habe seine Pflichten erfüllt. "
                  "„Wir stehen zusammen“, sagte er. "
                  "Kremlchef Wladimir Putin forderte, Kiew müsse auf den Beitritt verzichten. "
                  "Zudem kritisierte er die Manöver an der Grenze.")
    assert any("Manöver" in t for t in positions_of(a, "RUS"))
    assert not any("Manöver" in t for t in positions_of(a, "UKR"))
    assert [q.party for q in a.quotes] == ["DEU"]


def test_named_subject_with_seinerseits_and_darauf():
    a = annotated("Die Türkei verlangte Garantien. "
                  "Lawrow seinerseits bekräftigte, dass Moskau verhandeln wolle. "
                  "Peking beharrt darauf, es habe keine Waffen geliefert.")
    assert any("verhandeln" in t for t in positions_of(a, "RUS"))
    assert not any("verhandeln" in t for t in positions_of(a, "TUR"))
    assert any("Waffen" in t for t in positions_of(a, "CHN"))
    assert not any("Waffen" in t for t in positions_of(a, "RUS"))


def test_a_known_name_the_tagger_reads_as_a_verb_still_speaks():
    a = annotated("Der Minister sprach lange. Blinken seinerseits bekräftigte, wie wichtig offene Kanäle seien.")
    assert parties_of(a) == {"USA"}


def test_unnamed_officials_speak_for_the_capital_of_the_dateline():
    a = annotated("TOKYO - The government will host the talks next month. "
                  "Officials said the agenda would include fishing rights. "
                  "Beijing urged restraint, a foreign ministry spokesman said.", language="en")
    assert any("fishing" in t for t in positions_of(a, "JPN"))
    assert any("restraint" in t for t in positions_of(a, "CHN"))
    b = annotated("LUGANO - Officials said the agenda would include fishing rights.", language="en")
    assert parties_of(b) == set()


def test_an_unnamed_spokesman_is_not_the_datelines_government():
    a = annotated("WASHINGTON - The Kremlin rejected the proposal. A spokesman said talks were premature.",
                  language="en")
    assert not any("premature" in t for t in positions_of(a, "USA"))


def test_wants_and_klarstellen_report_positions():
    a = annotated("Tokyo wants Seoul to lift the export curbs.", language="en")
    assert parties_of(a) == {"JPN"}
    b = annotated("Die EU stellte klar, dass ihre Sanktionen Lebensmittel nicht erfassten.")
    assert parties_of(b) == {"EU"}


def test_unlisted_verb_before_reported_speech_is_the_subjects_statement():
    a = annotated("Paris lobte die Einigung. Ankara hielt dagegen, der Entwurf gehe nicht weit genug.")
    assert any("Entwurf" in t for t in positions_of(a, "TUR"))
    assert not any("Entwurf" in t for t in positions_of(a, "FRA"))


def test_subject_with_unknown_verb_does_not_continue_the_last_speaker():
    a = annotated("Moskau kritisierte, der Westen blockiere alles. Washington entgegnete gereizt, "
                  "der Text verurteile die Angreifer nicht.")
    assert not any("Angreifer" in t for t in positions_of(a, "RUS"))


def test_party_label_in_brackets_does_not_split_the_speaker_from_the_verb():
    a = annotated("Ankara lehnte das ab. Bundesaußenministerin Annalena Baerbock (Grüne) betonte seinerseits, "
                  "nun komme es auf die Umsetzung an.")
    assert any("Umsetzung" in t for t in positions_of(a, "DEU"))
    assert not any("Umsetzung" in t for t in positions_of(a, "TUR"))


def test_subject_of_a_subjunctive_main_clause_is_not_the_next_pronoun():
    a = annotated("Scholz warb in einem Interview für Geduld. Indien bleibe ein wichtiger Partner, "
                  "Sanktionen lehne er ab, sagte er.")
    assert any("Sanktionen" in t for t in positions_of(a, "DEU"))
    assert "IND" not in parties_of(a)


def test_the_emirates_as_a_subject_in_english():
    a = annotated("Netanyahu spoke first. The Emirates, for their part, say they won a halt to annexation.", "en")
    assert any("annexation" in t for t in positions_of(a, "ARE"))
    assert not any("annexation" in t for t in positions_of(a, "ISR"))


def test_impersonal_saying_from_both_capitals_is_the_joint_subjects():
    a = annotated("Rom und Madrid zögern dagegen. Neue Sanktionen kämen zu früh, heißt es aus beiden Regierungen.")
    assert any("Sanktionen" in t for t in positions_of(a, "ITA"))
    assert any("Sanktionen" in t for t in positions_of(a, "ESP"))


def test_impersonal_saying_inside_a_document_is_nobodys():
    a = annotated("Rom lobte den Plan. Im Entwurf heißt es, neue Sanktionen kämen zu früh.")
    assert not any("Sanktionen" in t for t in positions_of(a, "ITA"))


def test_inflected_role_finds_the_office_holder_named_before():
    a = annotated("Der russische Präsident Wladimir Putin reist nach Ankara. Die Türkei könne vermitteln, "
                  "hieß es aus dem Umfeld des Präsidenten.")
    assert any("vermitteln" in t for t in positions_of(a, "RUS"))


def test_one_in_a_capital_speaks_for_its_state():
    a = annotated("In Warschau hätte man sich mehr Unterstützung gewünscht.")
    assert any("Unterstützung" in t for t in positions_of(a, "POL"))


def test_so_as_an_adverb_attributes_nothing():
    a = annotated("Baerbock reiste nach Kiew. Russland hat so viele Soldaten wie nie an der Grenze.")
    assert not any("Soldaten" in t for t in positions_of(a, "DEU"))


def test_dative_before_the_verb_is_not_the_subject():
    a = annotated("Dem Iran warf Paris vor, gegen das Abkommen zu verstoßen.")
    assert [p.party for p in a.positions] == ["FRA"]


def test_comma_parenthetical_speaker_is_not_joined_with_the_topic():
    a = annotated('Taiwan, Blinken said, must not be "changed by force".', "en")
    assert parties_of(a) == {"USA"}


def test_english_list_of_three_speaks_together():
    a = annotated('Italy, Spain and Greece said the plan was "a fair start".', "en")
    assert parties_of(a) == {"ITA", "ESP", "GRC"}


def test_an_announced_date_is_no_position():
    a = annotated("Die Nato-Außenminister treffen sich am 7. Januar in Brüssel. "
                  "Den Termin gab das Militärbündnis am Dienstag bekannt.")
    assert positions_of(a, "NATO") == []
    a = annotated("Foreign ministers will meet in Brussels on 7 January. NATO announced the date on Tuesday.", "en")
    assert positions_of(a, "NATO") == []


def test_an_announced_trip_is_no_position_but_a_refusal_is():
    assert parties_of(annotated("Außenministerin Baerbock kündigte an, am Montag nach Kiew zu reisen.")) == set()
    assert parties_of(annotated("The White House said Biden will travel to Brussels on Thursday.", "en")) == set()
    a = annotated("Der Kreml teilte mit, Putin werde nicht an dem Gipfel in Genf teilnehmen.")
    assert any("nicht" in t for t in positions_of(a, "RUS"))
    a = annotated("Moscow announced that Putin will not attend the summit in Geneva.", "en")
    assert any("not attend" in t for t in positions_of(a, "RUS"))


def test_a_demand_to_travel_stays_a_position():
    a = annotated("Kanzler Scholz forderte, die Minister sollten sofort nach Genf reisen.")
    assert any("Genf" in t for t in positions_of(a, "DEU"))


def test_a_heading_repeating_the_lead_is_no_second_position():
    a = annotated("Biden droht Moskau mit Sanktionen\n\n"
                  "US-Präsident Joe Biden hat Moskau am Dienstag mit harten Sanktionen gedroht.")
    assert len(positions_of(a, "USA")) == 1 and "Dienstag" in positions_of(a, "USA")[0]
    a = annotated("Biden warns Moscow of sanctions\n\nPresident Joe Biden warned Moscow of tough sanctions on Tuesday.",
                  "en")
    assert len(positions_of(a, "USA")) == 1 and "Tuesday" in positions_of(a, "USA")[0]


def test_a_heading_of_its_own_stays_a_position():
    a = annotated("Biden droht Moskau mit Sanktionen\n\nDie Außenminister der EU trafen sich am Montag in Brüssel.")
    assert positions_of(a, "USA") == ["Biden droht Moskau mit Sanktionen"]


def test_an_unknown_subject_is_given_to_no_party():
    a = annotated("Der EU-Außenbeauftragte Josep Borrell sprach in Brüssel über den Balkan. "
                  "Der Regierungschef Milo Barić reiste danach nach Belgrad. "
                  "Er forderte die Anerkennung seines Landes.")
    assert not any("Anerkennung" in p.text for p in a.positions)
    a = annotated("EU foreign policy chief Josep Borrell spoke in Brussels. The envoy Tomás Escobar then travelled "
                  "to Pristina. He urged both sides to return to talks.", "en")
    assert not any("urged" in p.text for p in a.positions)


# Holders of a position: the speaker as the article names them, the same reading a quote's speaker gets.

def test_a_position_goes_to_its_speakers_party_and_agrees_with_the_quote():
    bodies = {"de": "Außenministerin Annalena Baerbock forderte in Berlin: „Die Waffen müssen schweigen.“",
              "en": 'Foreign Minister Annalena Baerbock demanded in Berlin: "The guns must fall silent."'}
    for language, body in bodies.items():
        a = annotated(body, language)
        assert [(p.party, p.kind, p.speaker) for p in a.positions] == [("DEU", "demand", "Annalena Baerbock")]
        assert [(q.party, q.speaker) for q in a.quotes] == [("DEU", "Annalena Baerbock")]


def test_a_position_goes_to_the_party_its_subject_names():
    a = annotated("Moskau weist die Vorwürfe aus Kiew entschieden zurück.")
    assert [(p.party, p.kind) for p in a.positions] == [("RUS", "rejection")]
    a = annotated("Beijing rejected the criticism of its trade policy.", "en")
    assert [(p.party, p.kind) for p in a.positions] == [("CHN", "rejection")]
    a = annotated("Warschau protestierte scharf. Eine Sprecherin des Außenministeriums sagte, der Schritt sei "
                  "nicht hinnehmbar.")
    assert any("hinnehmbar" in t for t in positions_of(a, "POL"))


def test_a_pronoun_meaning_someone_of_no_known_party_gives_no_position():
    # "Sie" is the activist named last, not the president the gazetteer knows
    a = annotated("Der französische Präsident Emmanuel Macron empfing die Aktivistin Lena Kowalczyk in Paris. "
                  "Sie forderte mehr Hilfe für die Bauern ihres Landes.")
    assert not any("Bauern" in p.text for p in a.positions)
    a = annotated("French President Emmanuel Macron received the activist Lena Kowalczyk in Paris. "
                  "She urged more help for the farmers of her country.", "en")
    assert not any("farmers" in p.text for p in a.positions)


def test_a_heading_summing_up_the_lead_is_one_position():
    a = annotated("Paris lehnt Zölle auf Wein ab\n\n"
                  "Die französische Regierung lehnt die geplanten Zölle auf Wein entschieden ab.")
    assert positions_of(a, "FRA") == ["Die französische Regierung lehnt die geplanten Zölle auf Wein entschieden ab."]
    a = annotated("Paris rejects tariffs on wine\n\nThe French government firmly rejected the planned tariffs on wine.",
                  "en")
    assert positions_of(a, "FRA") == ["The French government firmly rejected the planned tariffs on wine."]


def test_an_announced_summit_date_or_visit_is_no_position():
    assert positions_of(annotated("Der Kreml gab den Termin des Gipfels am Freitag bekannt."), "RUS") == []
    a = annotated("Das Weiße Haus teilte mit, Biden werde am Montag nach Warschau reisen.")
    assert positions_of(a, "USA") == []
    assert positions_of(annotated("The Kremlin announced the date of the summit on Friday.", "en"), "RUS") == []
    assert positions_of(annotated("The White House said Biden will travel to Warsaw on Monday.", "en"), "USA") == []


def test_position_kinds_are_classified_in_both_languages():
    german = {"Paris forderte einen sofortigen Waffenstillstand.": "demand",
              "Paris warnte vor einer Eskalation an der Grenze.": "warning",
              "Paris lehnte den Vorschlag aus Moskau ab.": "rejection",
              "Paris bestritt jede Beteiligung an dem Angriff.": "denial",
              "Paris warf Moskau einen Bruch des Abkommens vor.": "accusation",
              "Paris schlug neue Gespräche in Genf vor.": "proposal"}
    english = {"Paris demanded an immediate ceasefire.": "demand",
               "Paris warned of an escalation at the border.": "warning",
               "Paris rejected the proposal from Moscow.": "rejection",
               "Paris denied any part in the attack.": "denial",
               "Paris accused Moscow of breaking the agreement.": "accusation",
               "Paris proposed new talks in Geneva.": "proposal"}
    for cases, language in ((german, "de"), (english, "en")):
        for body, kind in cases.items():
            assert [(p.party, p.kind) for p in annotated(body, language).positions] == [("FRA", kind)], body


def test_a_subject_named_with_its_party_keeps_the_position_whatever_opens_the_sentence():
    # a nominalised verb opening the sentence ("Ein Eingreifen") is no speaker of its own
    a = annotated("Nato-Generalsekretär Jens Stoltenberg sprach in Brüssel. "
                  "Ein direktes Eingreifen der Allianz in den Krieg lehnt Stoltenberg entschieden ab.")
    assert any("Eingreifen" in t for t in positions_of(a, "NATO"))


def test_each_language_reads_its_own_lexicons_and_others_the_default():
    assert lexicon_language("speech", "en") == "en"
    assert lexicon_language("speech", "fr") == DEFAULT_LANGUAGE
    assert language_data("grammar", "fr") == language_data("grammar", DEFAULT_LANGUAGE)
    assert grammar("en").subject_first and not grammar("de").subject_first
    # a text marked with a language of no lexicons of its own is still read (with the default's)
    a = annotated("Paris forderte einen sofortigen Waffenstillstand.", "fr")
    assert [(p.party, p.kind) for p in a.positions] == [("FRA", "demand")]


@pytest.mark.parametrize("text, language", [
    ("Germany, Italy, Spain and Poland called for the session, diplomatic sources report.", "en"),
    ("France and Spain requested an emergency meeting of the council on Monday.", "en"),
    ("Deutschland und Frankreich beantragten eine Sondersitzung des Sicherheitsrats.", "de"),
])
def test_a_call_for_a_meeting_is_no_position(text, language):
    assert annotated(text, language).positions == []


@pytest.mark.parametrize("text, language, party", [
    ("France called for a ceasefire in the region.", "en", "FRA"),
    ("Frankreich forderte eine Waffenruhe.", "de", "FRA"),
])
def test_a_call_for_anything_else_stays_a_position(text, language, party):
    assert parties_of(annotated(text, language)) == {party}


@pytest.mark.parametrize("furniture, text, language, party", [
    ("See also: Summit in Rome ", "The German government said it wants lower tariffs.", "en", "DEU"),
    ("Siehe auch: Gipfel in Rom ", "Die Bundesregierung forderte niedrigere Zölle.", "de", "DEU"),
])
def test_page_furniture_opening_a_line_gives_no_position(furniture, text, language, party):
    assert parties_of(annotated(text, language)) == {party}
    assert annotated(furniture + text, language).positions == []


@pytest.mark.parametrize("text, language", [
    ("The theme of this year's NATO summit is \"Building Bridges, Keeping Peace\".", "en"),
    ("Das Motto des NATO-Gipfels lautet „Brücken bauen, Frieden sichern“.", "de"),
])
def test_a_theme_in_quotation_marks_is_no_position(text, language):
    assert annotated(text, language).positions == []


@pytest.mark.parametrize("text, language", [
    ("Following his visit to Rome, the minister will then travel to Vienna, the spokeswoman of the German "
     "government added.", "en"),
    ("Nach dem Besuch in Rom werde der Minister nach Wien reisen, ergänzte die Sprecherin der Bundesregierung.",
     "de"),
])
def test_a_trip_added_by_a_spokeswoman_is_an_announcement(text, language):
    assert annotated(text, language).positions == []


@pytest.mark.parametrize("text, language, party", [
    ("An EU official in Kyiv said sanctions would stay.", "en", "EU"),
    ("A NATO diplomat in Moscow said the alliance wants talks.", "en", "NATO"),
    ("Ein EU-Diplomat in Moskau sagte, die Union wolle Gespräche.", "de", "EU"),
    ("The Russian ambassador in Berlin said Moscow wants talks.", "en", "RUS"),
])
def test_a_place_after_in_says_where_a_role_is_not_whose(text, language, party):
    assert parties_of(annotated(text, language)) == {party}


def test_a_body_without_a_party_still_takes_its_capitals():
    text = "A spokesman for the foreign ministry in Beijing said the talks had failed."
    assert parties_of(annotated(text, "en")) == {"CHN"}


@pytest.mark.parametrize("text, language", [
    ("Foreign Minister Lavrov will hold talks with his Turkish counterpart in Ankara, a spokeswoman said.", "en"),
    ("Foreign Minister Lavrov plans to meet the Turkish foreign minister in Ankara next week.", "en"),
    ("Foreign Minister Lavrov is expected to have meetings with Turkish officials on Friday.", "en"),
    ("Außenminister Lawrow werde am Montag Gespräche mit seinem türkischen Amtskollegen führen, sagte er.", "de"),
    ("Außenminister Lawrow und sein türkischer Amtskollege wollen am Freitag in Ankara beraten.", "de"),
])
def test_an_announced_meeting_is_no_position(text, language):
    assert parties_of(annotated(text, language)) == set()


@pytest.mark.parametrize("text, language", [
    ("Foreign Minister Lavrov said Russia was ready to hold talks with Turkey.", "en"),
    ("Foreign Minister Lavrov said Russia will not hold talks with Turkey.", "en"),
    ("During recent talks with his Turkish counterpart, Foreign Minister Lavrov reaffirmed support for the "
     "ceasefire, which the two sides have declared.", "en"),
    ("Außenminister Lawrow sagte, Russland sei bereit, Gespräche mit der Türkei zu führen.", "de"),
])
def test_an_offer_a_refusal_or_talks_as_a_circumstance_stay_positions(text, language):
    assert parties_of(annotated(text, language)) == {"RUS"}


@pytest.mark.parametrize("text, language", [
    ("Foreign Minister Lavrov is expected in Berlin next week.", "en"),
    ("Außenminister Lawrow wird in der kommenden Woche in Berlin erwartet.", "de"),
    ("Lawrow werde am Montag seinen türkischen Amtskollegen treffen, sagte eine Sprecherin des russischen "
     "Außenministeriums.", "de"),
    ("Außenminister Lawrow hat seine Teilnahme an dem Treffen in Genf bestätigt.", "de"),
])
def test_an_awaited_visitor_or_an_announced_meeting_is_no_position(text, language):
    assert parties_of(annotated(text, language)) == set()


@pytest.mark.parametrize("text, language", [
    ("Foreign Minister Lavrov said Russia will meet its obligations.", "en"),
    ("Lawrow sagte, die Regierung werde bald eine Entscheidung treffen.", "de"),
    ("Lawrow sagte, die Regierung werde bald eine Grundsatzentscheidung treffen.", "de"),
    ("Lawrow sagte, Russland erwarte Zugeständnisse.", "de"),
    ("Russia is expecting concessions, Foreign Minister Lavrov said.", "en"),
])
def test_a_meeting_verb_with_another_object_or_an_active_expect_stays_a_position(text, language):
    assert parties_of(annotated(text, language)) == {"RUS"}


@pytest.mark.parametrize("text, language", [
    ("Am Rande des Gipfels ist nach Angaben aus Moskau auch ein Gespräch von Außenminister Lawrow mit seinem "
     "türkischen Kollegen geplant.", "de"),
    ("The Kremlin said a meeting between Foreign Minister Lavrov and his Turkish counterpart was scheduled for "
     "Thursday.", "en"),
])
def test_a_planned_or_scheduled_meeting_is_no_position(text, language):
    assert parties_of(annotated(text, language)) == set()


def test_planning_no_talks_is_a_stance():
    a = annotated("Lawrow sagte, Russland plane keine Gespräche mit Kiew.", "de")
    assert parties_of(a) == {"RUS"}


@pytest.mark.parametrize("text, language, party", [
    ("ISLAMABAD - Foreign Office spokesman Tariq Aziz said Pakistan would not accept the plan.", "en", "PAK"),
    ("LONDON - Foreign Office spokesman Tom Green said Britain would not accept the plan.", "en", "GBR"),
    ("ISLAMABAD - A British Foreign Office spokesman said London would not accept the plan.", "en", "GBR"),
    ("Islamabad - Ein Sprecher des Foreign Office sagte, Pakistan werde den Plan nicht annehmen.", "de", "PAK"),
    ("Islamabad - Ein Sprecher des britischen Foreign Office sagte, London werde den Plan nicht annehmen.", "de",
     "GBR"),
])
def test_a_body_name_many_states_use_speaks_for_the_datelines_state(text, language, party):
    assert parties_of(annotated(text, language)) == {party}


@pytest.mark.parametrize("text, language", [
    ("Foreign Minister Lavrov said talks with Turkey would be held on Monday.", "en"),
    ("Außenminister Lawrow sagte, die Gespräche mit der Türkei würden am Montag geführt.", "de"),
])
def test_a_meeting_announced_in_the_passive_is_no_position(text, language):
    assert parties_of(annotated(text, language)) == set()


@pytest.mark.parametrize("text, language", [
    ("Foreign Minister Lavrov will be in Ankara on Monday, a spokeswoman said.", "en"),
    ("Außenminister Lawrow werde am Montag in Ankara sein, sagte eine Sprecherin.", "de"),
])
def test_being_somewhere_ahead_is_a_trip_not_a_position(text, language):
    assert parties_of(annotated(text, language)) == set()


def test_what_a_place_is_like_stays_a_position():
    a = annotated("Lawrow sagte, die Lage in Kiew sei ernst.", "de")
    assert parties_of(a) == {"RUS"}


@pytest.mark.parametrize("text, language", [
    ("Turkey will invite Lavrov to Ankara in May, though the exact date is not yet fixed, a spokesman said.",
     "en"),
    ("Die Türkei werde Lawrow im Mai nach Ankara einladen, sagte ein Sprecher des türkischen Außenministeriums.",
     "de"),
])
def test_an_invitation_is_an_announced_visit_even_beside_a_negation(text, language):
    assert parties_of(annotated(text, language)) == set()


@pytest.mark.parametrize("text, language", [
    ("Lavrov has spoken by phone with his Turkish counterpart, the Russian foreign ministry said.", "en"),
    ("Nach Angaben des russischen Außenministeriums will Lawrow am Montag mit dem türkischen Außenminister "
     "telefonieren.", "de"),
])
def test_talking_with_someone_is_a_meeting_not_a_position(text, language):
    assert parties_of(annotated(text, language)) == set()


@pytest.mark.parametrize("text, language", [
    ("Lavrov spoke of a provocation by Kyiv, the Russian foreign ministry said.", "en"),
    ("Lawrow sprach von einer Provokation Kiews.", "de"),
])
def test_speaking_of_something_stays_a_position(text, language):
    assert parties_of(annotated(text, language)) == {"RUS"}


@pytest.mark.parametrize("text, language", [
    ("On Friday the two ministers would sign an accord on closer cooperation, a Russian spokeswoman said.", "en"),
    ("Am Freitag würden die beiden Minister ein Abkommen über engere Zusammenarbeit unterzeichnen, sagte eine "
     "Sprecherin des russischen Außenministeriums.", "de"),
])
def test_a_signing_announced_is_no_position(text, language):
    assert parties_of(annotated(text, language)) == set()


@pytest.mark.parametrize("text, language", [
    ("During the visit, Lavrov will attend a dinner at the palace, according to the Turkish foreign ministry.",
     "en"),
    ("Laut dem türkischen Außenministerium wird Lawrow während des Besuchs an einem Abendessen im Palast "
     "teilnehmen.", "de"),
    ("Foreign Minister Lavrov will address a session of the Turkish parliament on Monday, a Russian spokeswoman "
     "said.", "en"),
])
def test_a_programme_item_given_by_attribution_is_no_position(text, language):
    assert parties_of(annotated(text, language)) == set()


@pytest.mark.parametrize("text, language", [
    ("Observers said Ankara appears ready to mediate between Moscow and Kyiv.", "en"),
    ("Beobachter sagten, Ankara scheine bereit, zwischen Moskau und Kiew zu vermitteln.", "de"),
    ("Analysts say Turkey wants a larger role.", "en"),
])
def test_commentators_hold_no_party_position(text, language):
    assert annotated(text, language).positions == []


@pytest.mark.parametrize("text, language, party, cue", [
    ("Russia and Turkey will hold talks in Ankara on Monday, and Moscow will press for guarantees.", "en",
     "RUS", "guarantees"),
    ("Russland und die Türkei werden am Montag in Ankara Gespräche führen, und Moskau wird dabei Garantien "
     "fordern.", "de", "RUS", "Garantien"),
])
def test_a_demand_inside_a_joint_meeting_plan_keeps_only_its_own_clause(text, language, party, cue):
    a = annotated(text, language)
    texts = positions_of(a, party)
    assert any(cue in t for t in texts)
    assert not any(("hold talks" in t or "Gespräche führen" in t or t.startswith(("and", "und"))) for t in texts)
    assert parties_of(a) == {party}


def test_a_visitor_awaited_at_a_summit_is_no_demand():
    a = annotated("Bundeskanzler Scholz wird am Donnerstag zu seinem ersten Gipfel in Brüssel erwartet.", "de")
    assert parties_of(a) == set()


@pytest.mark.parametrize("text, language", [
    ("Am Montag hatte Bundeskanzler Olaf Scholz mit dem französischen Präsidenten Emmanuel Macron telefoniert. "
     "Dabei warnte er vor einer „gefährlichen“ Eskalation im Osten.", "de"),
    ("On Monday, Chancellor Olaf Scholz spoke by phone with French President Emmanuel Macron. "
     "He then warned of a \"dangerous escalation\" in the east.", "en"),
])
def test_a_pronoun_means_the_subject_before_someone_named_after_a_preposition(text, language):
    a = annotated(text, language)
    assert parties_of(a) == {"DEU"}
    assert [q.party for q in a.quotes] == ["DEU"]
    assert [q.speaker for q in a.quotes] == [p.speaker for p in a.positions] == ["Olaf Scholz"]



@pytest.mark.parametrize("text, language", [
    ("Die Rebellen bestreiten den Vorwurf der Regierung in Kiew.", "de"),
    ("Ukrainian rebels denied the charge made by Kyiv.", "en"),
    ("Die Opposition in Kiew kritisierte das Abkommen scharf.", "de"),
])
def test_groups_outside_the_state_hold_no_partys_position(text, language):
    assert annotated(text, language).positions == []


@pytest.mark.parametrize("text, language", [
    ("Der ehemalige Außenminister Joschka Fischer sagte, Deutschland müsse mehr für die Ukraine tun.", "de"),
    ("Former Secretary of State John Kerry said the United States must do more for Ukraine.", "en"),
])
def test_a_former_office_holder_speaks_for_no_party(text, language):
    assert annotated(text, language).positions == []


@pytest.mark.parametrize("text, language", [
    ("Russland wurde aufgefordert, seine Truppen von der Grenze abzuziehen.", "de"),
    ("Russia was urged to pull its troops back from the border.", "en"),
])
def test_the_subject_of_a_passive_demand_is_its_addressee(text, language):
    assert annotated(text, language).positions == []


@pytest.mark.parametrize("text, language, party", [
    ("Russland wurde von der EU aufgefordert, seine Truppen abzuziehen.", "de", "EU"),
    ("Russia was urged by the EU to pull its troops back.", "en", "EU"),
    ("Lavrov has said Russia is weighing a response to the sanctions.", "en", "RUS"),
    ("Lawrow sagte, Kiew sei aufgefordert worden, die Truppen abzuziehen.", "de", "RUS"),
])
def test_a_passive_with_its_agent_or_after_a_verb_of_saying_stays_a_position(text, language, party):
    assert parties_of(annotated(text, language)) == {party}


def test_er_after_a_man_of_no_party_gets_no_party():
    a = annotated("Außenminister Sergej Lawrow traf am Montag in Sanaa ein. Der Rebellenführer Abdul Karim schrieb "
                  "am Dienstag einen Brief. Außerdem hatte er kritisiert, dass sein Stamm benachteiligt werde.", "de")
    assert not any("benachteiligt" in p.text for p in a.positions)


def test_they_after_a_joint_subject_speaks_for_all_of_it():
    a = annotated("Chancellor Olaf Scholz and French President Emmanuel Macron spoke by phone on Monday. "
                  "The Chancellery called the call “constructive”. "
                  "They agreed that the fighting “must stop at once”.", "en")
    assert {p.party for p in a.positions if "must stop" in p.text} == {"DEU", "FRA"}


def test_they_is_not_the_single_body_named_last():
    a = annotated("The Kremlin called the talks “useful”. They said the offer “came too late”.", "en")
    assert not any("too late" in p.text for p in a.positions)


@pytest.mark.parametrize("text, language", [
    ("The Iran nuclear deal will be a \"major topic of discussion\" during the talks, the official said.", "en"),
    ("Das Iran-Abkommen werde ein „wichtiges Thema“ beim Gipfel sein, sagte ein Diplomat.", "de"),
])
def test_a_quote_of_a_speaker_of_no_party_is_not_the_subjects(text, language):
    a = annotated(text, language)
    assert a.positions == []
    assert [q.party for q in a.quotes] == [None]


@pytest.mark.parametrize("text, language", [
    ("The Kremlin says Syria and Iran were on the agenda.", "en"),
    ("Nach Angaben des Kremls standen Syrien und Iran auf der Tagesordnung.", "de"),
    ("Außerdem soll Lawrow die Lage in Syrien mit seinem türkischen Kollegen behandeln, sagte eine Sprecherin.", "de"),
    ("Lavrov will discuss the situation in Syria with his Turkish counterpart, a spokeswoman said.", "en"),
])
def test_a_meetings_agenda_is_no_position(text, language):
    assert parties_of(annotated(text, language)) == set()


@pytest.mark.parametrize("text, language", [
    ("Lavrov said Moscow had no hidden agenda in Syria.", "en"),
    ("Lavrov said there will be no talks with Kyiv on Monday.", "en"),
])
def test_a_hidden_agenda_or_no_talks_stay_positions(text, language):
    assert parties_of(annotated(text, language)) == {"RUS"}
