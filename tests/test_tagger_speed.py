"""The speed-ups of SoMaJo and HanTa in nlp/segment.py give what the libraries as released give."""

from __future__ import annotations

import types

import pytest
from HanTa.HanoverTagger import HanoverTagger

from briefing.nlp import segment

SENTENCES = {
    "de": [
        "Die Außenministerin reist am Donnerstag zu Gesprächen mit ihrem ukrainischen Amtskollegen nach Kiew.",
        "Der Kanzler sagte, man werde die Sanktionen nicht lockern, solange Moskau seine Truppen nicht abzieht.",
        "Nato-Generalsekretär Stoltenberg lud die Mitglieder des Nato-Russland-Rats für den 12. Januar ein.",
        "Verhandelt wird in Genf, Brüssel und Wien; ob es zu einem Gipfel kommt, ist offen.",
        "Gleichzeitig kündigte Frankreichs Präsident Macron eine Reise an: Zunächst Moskau, danach Kiew.",
        "Die Zwölfeinhalbstundenverhandlung über Gasdurchleitungsentgelte endete ergebnislos.",
        "Xqzrt blorpf wumms glibberig Quatschwörter ohne jeden Sinn.",
        "„Wir sind bereit“, erklärte sie.",
        "EU",
    ],
    "en": [
        "The foreign minister will travel to Kyiv on Thursday for talks with her Ukrainian counterpart.",
        "The chancellor said sanctions would not be eased as long as Moscow kept its troops at the border.",
        "NATO Secretary General Stoltenberg invited the members of the NATO-Russia Council for January 12.",
        "Talks will be held in Geneva, Brussels and Vienna; whether a summit follows is open.",
        "Flibbertigibbets quuxed the zorbly snarks unexpectedly.",
        "\"We are ready,\" she said.",
        "Yes",
    ],
}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_the_viterbi_over_the_words_own_tags_gives_hantas_tags(language):
    tagger = segment._tagger(language)
    hanta = types.MethodType(HanoverTagger.tag_sent_viterbi, tagger)  # the library's own search
    assert tagger.tag_sent_viterbi != hanta
    for sentence in SENTENCES[language]:
        words = [t.text for s in segment.segment(sentence, language, tag=False) for t in s.tokens]
        for case_sensitive in (True, False):
            assert tagger.tag_sent_viterbi(words, case_sensitive) == hanta(words, case_sensitive), sentence
            assert tagger.tag_sent_viterbi(words[::-1], case_sensitive) == hanta(words[::-1], case_sensitive)


TEXTS = {
    "de": ["Die Ministerin reist am 3. Mai nach Kiew, d.h. vor dem Gipfel.\nSie trifft u.a. Vertreter der EU.",
           "Gespräche\u00a0in  Genf:\tder Nato-Russland-Rat tagt am 12.01.2022 um 10:30 Uhr (MEZ).",
           "A\u0308rger u\u0308ber Zo\u0308lle: Die Ma\u00adschinen\u200bbauer klagen.",  # NFD, soft hyphen
           "„Wir sind bereit“, erklärte sie – und verließ den Saal…"],
    "en": ["The minister won't travel to Kyiv on May 3, i.e. before the summit. She'll meet e.g. the U.S. envoy.",
           "Cafe\u0301 talks:\u2009the NATO–Russia Council meets at 10:30 a.m. on Jan. 12th (CET)."],
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_tokens_found_directly_have_somajos_offsets(language, monkeypatch):
    from somajo import alignment

    tokenizer = segment._tokenizer(language)

    def tokens() -> list:
        return [[(t.text, t.character_offset) for t in s] for s in tokenizer.tokenize_text(TEXTS[language])]

    direct = tokens()
    monkeypatch.setattr(alignment, "token_offsets", alignment.token_offsets.somajos)
    monkeypatch.setattr(alignment, "re", alignment.re.module)
    assert tokens() == direct
    assert len(direct) >= 3


ABBREVIATED = {
    "de": ["Laut Abs. 3 bzw. Art. 5 GG gilt u.a. das, z.B. für Dr. Müller und Prof. Dr. med. Schulz.",
           "Die U.S.A. und die EU (vgl. S. 4 f.) trafen sich am 3. Jan. in Genf, d.h. vor der Abstimmung.",
           "Das Treffen ist i.d.R. öffentlich.Danach sprach Bundesminister a.D. Meier.",
           "Keine Abkürzung: Hallo Welt ohne Punkt", "...und... Abs.-Nr. 7 sowie e.V.,Str. 4"],
    "en": ["Mr. Smith and Dr. Jones met at 10 a.m. in Washington, D.C., i.e. before the U.N. vote.",
           "See Fig. 3, vol. 2, pp. 4-5 (approx. 20 min.); the Corp. Inc. Ltd. said no.",
           "No abbreviation here at all", "etc.etc. e.g.,U.K.-based Jan.Feb."],
}


@pytest.mark.parametrize("language", sorted(ABBREVIATED))
def test_abbreviations_searched_around_full_stops_are_somajos(language):
    import regex
    import somajo

    model = segment.SOMAJO_MODEL[language]
    tokenizer = somajo.SoMaJo(model, split_camel_case=False, character_offsets=True)._tokenizer
    somajos = tokenizer.abbreviation
    segment._abbreviations_only_around_a_full_stop(tokenizer)
    assert tokenizer.abbreviation is not somajos
    texts = ABBREVIATED[language] + [" ".join(ABBREVIATED[language])]
    for text in texts:
        assert [m.span() for m in tokenizer.abbreviation.finditer(text)] == [m.span() for m in somajos.finditer(text)]
    assert sum(1 for text in texts for _ in somajos.finditer(text)) >= 10
    # Made in another process (as the model cache reads it back), its words of one length come in another
    # order: still SoMaJo's expression.
    prefix, *alternatives, suffix = somajos.pattern.split("|")
    tokenizer.abbreviation = reordered = regex.compile("|".join([prefix, *reversed(alternatives), suffix]),
                                                       somajos.flags)
    segment._abbreviations_only_around_a_full_stop(tokenizer)
    assert tokenizer.abbreviation is not reordered
    tokenizer.abbreviation = other = regex.compile(r"(?<!\w)[A-Z]\.")  # not SoMaJo's expression: left as it is
    segment._abbreviations_only_around_a_full_stop(tokenizer)
    assert tokenizer.abbreviation is other
