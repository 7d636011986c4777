"""Who owns a phrase in the genitive: a name after a common noun owns that noun and does not speak ("die
Lage Deutschlands", "ein Sprecher Putins"), a document in the genitive attribute of a noun is no
subject ("die Unterstützer des Antrags"), and the holder of a speech act named by a noun speaks the
quote that follows ("der Vorwurf der Opposition, der Plan sei „…“"; English "the accusation of the
union"). English writes the owner before the noun ("Germany's situation"), so the first two
constructions are German only."""

from __future__ import annotations

from briefing.model import Sentence, Token
from briefing.nlp.actors.names import find_phrases, name_lexicon
from tests.nlp_support import annotated


def speakers(text: str, language: str = "de") -> list[str | None]:
    return [q.speaker for q in annotated(text, language).quotes]


def _sentence(words: list[tuple[str, str, str]]) -> Sentence:
    tokens, start = [], 0
    for text, pos, lemma in words:
        tokens.append(Token(text, start, start + len(text), pos, lemma))
        start += len(text) + 1
    return Sentence(1, 0, start - 1, " ".join(w[0] for w in words), tokens=tokens)


# a name in the genitive after a common noun

def test_a_name_in_the_genitive_after_a_common_noun_is_no_person():
    text = ("Der Bundespräsident Hans Weber sprach am Abend lange. Die wirtschaftliche Lage Deutschlands ist "
            "schwierig. Er sagte: „Ich bin davon überzeugt, dass es richtig ist.“")
    assert speakers(text) == ["Hans Weber"]


def test_the_owner_in_the_genitive_is_read_in_its_base_form_and_never_as_a_subject():
    words = [("Die", "ART", "der"), ("Lage", "NN", "Lage"), ("Italiens", "NE", "Italien"), ("sei", "VA(FIN)", "sein")]
    phrases = find_phrases(_sentence(words), [False] * 4, name_lexicon("de"))
    assert [(p.kind, p.name, p.free) for p in phrases] == [("name", "Italien", False)]


def test_a_role_before_a_known_name_in_the_genitive_is_that_persons_aide():
    text = ("Die Kanzlerin Angela Merkel reist nach Paris. Ein Sprecher Merkels sagte, der Besuch sei "
            "„ein wichtiges Signal“.")
    assert speakers(text) == ["Sprecher Merkels"]


def test_a_role_before_a_name_ending_in_s_that_nobody_named_is_the_name_and_role():
    text = "Der griechische Premier Kostas Andreas sagte, der Plan sei „ein Anfang“."
    assert speakers(text) == ["Kostas Andreas"]
    text = "Der Premier Andreas sagte, der Plan sei „ein Anfang“."
    assert speakers(text) == ["Andreas"]


# a document in the genitive attribute of a noun is no subject

def test_a_document_with_a_genitive_article_after_a_noun_is_its_attribute():
    text = "Am Abend widersprachen die Unterstützer des Antrags: „Das ist falsch.“"
    assert speakers(text) == [None]
    text = "Am Abend widersprach der Sprecher des Vereins: „Das ist falsch.“"
    assert speakers(text) == ["Sprecher des Vereins"]
    # a body after a noun the lexicon does not know as a role may be who speaks
    text = "Am Abend widersprach die Herausgeberschaft des Magazins: „Das ist falsch.“"
    assert speakers(text) == ["Magazins"]


# the holder of a speech act named by a noun

def test_the_holder_of_a_speech_noun_speaks_the_quote_after_it():
    text = ("Auf den Vorwurf der Opposition, der Plan sei „reine Augenwischerei“, ging die Regierung "
            "am Montag nicht ein.")
    assert speakers(text) == ["Opposition"]
    text = 'The accusation of the union that the plan was "a pure sham" went unanswered on Monday.'
    assert speakers(text, "en") == ["union"]
    text = 'The words of the minister went around the world: "We have landed."'
    assert speakers(text, "en") == ["minister"]


def test_a_speech_noun_with_no_quote_after_it_names_no_speaker_for_what_follows():
    text = ("Die Ministerin Eva Brandt begründete ihre Entscheidung. Zu dieser Einschätzung des Kanzlers sehe "
            "sie keine Alternative. Es sei „eine handlungsfähige Regierung“ nötig.")
    assert speakers(text) == ["Eva Brandt"]
