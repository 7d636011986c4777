"""Direct quotes: the words inside quotation marks and who said them.

A quote may run over several sentences. Its speaker is the statement of the sentence where it
opens, else where it closes; a scare quote inside a sentence without a speech verb belongs to
that sentence's subject or continued speaker; else to the statement just before it.
"""

from __future__ import annotations

import logging

from ...model import Evidence, Quote, Sentence
from .quoted import QuotedSpan, is_said, quote_lexicon
from .speakers import Said, attribute, quote_speaker
from .speech import pointing_back
from .statements import SentenceSpeech

log = logging.getLogger(__name__)

MARKS = frozenset({"„", "“", "”", '"', "»", "«"})


def find_quotes(source_id: str, body: str, sentences: list[Sentence], speech: list[SentenceSpeech],
                masks: list[list[bool]], language: str = "de") -> list[Quote]:
    """The quoted spans that are something someone said (quoted.py), each with its speaker."""
    out: list[Quote] = []
    unsaid: list[Quote] = []
    """Quoted spans of no speech act: dropped unless they echo a quote someone said (a quoted heading)."""
    lex = quote_lexicon(language)
    before: tuple[Said | None, int, bool] = (None, -1, False)
    """The speaker of the quote before, the sentence it closed in, and whether it closed that sentence."""
    for first, last, s_first, s_last in _spans(sentences, masks):
        said = is_said(_quoted_span(sentences, masks, (first, s_first), last), lex)
        text = body[sentences[s_first].tokens[first].start: sentences[s_last].tokens[last[0]].end]
        text = " ".join(text.strip("„“”\"»«‚‘’' ,").split())
        if not text.strip():
            continue
        party, speaker = _speaker(speech, s_first, s_last, first, sentences)
        # the speaker as the article names them (statements/speakers.py)
        who = quote_speaker(speech, s_first, s_last, first, sentences)
        if who is None and _goes_on(sentences, s_first, first, before):
            who = before[0]
        before = (who, s_last, _closes(sentences[s_last], last[0]))
        party, speaker, role = attribute(who, party, speaker)
        ev = [Evidence(source_id, sentences[k].index, sentences[k].text) for k in range(s_first, s_last + 1)]
        quote = Quote(text=text, speaker=speaker, party=party, evidence=ev, speaker_role=role)
        (out if said else unsaid).append(quote)
    _echoes(out, out)
    echoing = [q for q in unsaid if _echoes([q], out)]
    return sorted(out + echoing, key=lambda q: q.evidence[0].sentence)


def _goes_on(sentences: list[Sentence], s_first: int, first: int, before: tuple[Said | None, int, bool]) -> bool:
    """A quote opening a paragraph goes on with the speaker of the quote that closed the paragraph before:
    "… verurteilte die Politik. „…“ ¶ „Ob wir es mögen oder nicht, …“" (a speaker named at it wins)."""
    said, closed_in, closing = before
    return said is not None and said.referent is not None and first == 0 and closing and closed_in == s_first - 1 \
        and sentences[closed_in].paragraph != sentences[s_first].paragraph


def _closes(sentence: Sentence, last: int) -> bool:
    """Only punctuation follows token ``last`` in the sentence: the quote closes it."""
    return all(not any(c.isalnum() for c in t.text) for t in sentence.tokens[last + 1:])


def _quoted_span(sentences: list[Sentence], masks: list[list[bool]], opening: tuple[int, int],
                 closing: tuple[int, int]) -> QuotedSpan:
    """The span from the opening mark (token, sentence) to the closing one (token, sentence)."""
    (first, s_first), (last, s_last) = opening, closing
    inner = [t for n in range(s_first, s_last + 1) for i, t in enumerate(sentences[n].tokens)
             if (n, i) > (s_first, first) and (n, i) < (s_last, last) or (n, i) == (s_last, last)]
    inner = [t for t in inner if t.text not in MARKS]
    sentence = sentences[s_first]
    before_colon = s_first > 0 and not any(not m for m in masks[s_first][:first]) \
        and sentences[s_first - 1].paragraph == sentence.paragraph \
        and sentences[s_first - 1].text.rstrip().endswith(":")
    return QuotedSpan(sentence, masks[s_first], first, last if s_last == s_first else None, inner, before_colon)


def _echoes(quotes: list[Quote], said: list[Quote]) -> bool:
    """A quote of no speaker that repeats most words of an attributed one (a quoted heading such as
    „Risiken verringern, nicht abkoppeln“ over the paragraph quoting it in full) is that speaker's.
    True when any of ``quotes`` took a speaker so."""
    def words(text: str) -> set[str]:
        return {w.strip(".,;:!?„“”\"»«‚‘").lower() for w in text.split()} - {""}

    took = False
    for q in quotes:
        if q.party is not None or q.speaker is not None:
            continue
        own = words(q.text)
        if len(own) < 2:
            continue
        best, share = None, 0.0
        for other in said:
            if other.party is None and other.speaker is None:
                continue
            overlap = len(own & words(other.text)) / len(own)
            if overlap > share:
                best, share = other, overlap
        if best is not None and share >= 0.6:
            q.party, q.speaker, q.speaker_role = best.party, best.speaker, best.speaker_role
            took = True
    return took


def _spans(sentences: list[Sentence], masks: list[list[bool]]):
    """(first token, last token, first sentence, last sentence) of each quoted run."""
    start = None
    for n, (s, mask) in enumerate(zip(sentences, masks)):
        for i, inside in enumerate(mask):
            if inside and start is not None and s.tokens[i].text in MARKS:
                prev = (n, i - 1) if i > 0 else (n - 1, len(masks[n - 1]) - 1)
                if prev[0] >= 0 and sentences[prev[0]].tokens[prev[1]].text in MARKS and prev != start:
                    # „…“ „…“: a closing mark straight before an opening one parts two quotes
                    yield start[1], (prev[1], prev[0]), start[0], prev[0]
                    start = None
            if inside and start is None:
                start = (n, i)
            elif not inside and start is not None:
                if i == 0:  # the quote closed with the sentence before
                    yield start[1], (len(masks[n - 1]) - 1, n - 1), start[0], n - 1
                else:
                    yield start[1], (i - 1, n), start[0], n
                start = None
        if start is not None and (n + 1 == len(sentences) or sentences[n + 1].paragraph != s.paragraph):
            yield start[1], (len(mask) - 1, n), start[0], n
            start = None


def _speaker(speech: list[SentenceSpeech], s_first: int, s_last: int, first_tok: int,
             sentences: list[Sentence]) -> tuple[str | None, str | None]:
    for n in (s_first, s_last):
        if speech[n].statements:
            st = speech[n].statements[0]
            for cand in speech[n].statements:
                if cand.first <= first_tok <= cand.last or n != s_first:
                    st = cand
                    break
            return st.parties[0], st.speaker
        fb = speech[n].fallback
        if fb is not None:
            return fb.party, fb.person or (fb.text if fb.kind in ("person", "office") else None)
    for n in range(s_first - 1, max(s_first - 2, -1), -1):
        if speech[n].statements and sentences[n].paragraph == sentences[s_first].paragraph:
            st = speech[n].statements[-1]
            return st.parties[0], st.speaker
        if sentences[n].text.rstrip().endswith(":"):
            # "Selenskyj wandte sich an das Parlament:" closing the paragraph before the quote
            if speech[n].statements:
                st = speech[n].statements[-1]
                return st.parties[0], st.speaker
            who = speech[n].subject
            if who is not None and who.party:
                return who.party, who.person
    after = s_last + 1
    if after < len(sentences) and sentences[after].paragraph == sentences[s_last].paragraph \
            and speech[after].statements and sentences[after].tokens \
            and pointing_back(sentences[after]):
        # '"…" That was how Blinken put it.' / '„…“ Das sagte Scholz.': the next sentence points back
        st = speech[after].statements[0]
        return st.parties[0], st.speaker
    return None, None

