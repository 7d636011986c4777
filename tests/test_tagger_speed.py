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
