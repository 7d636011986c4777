"""Reading seeds: text and Markdown with front matter; unreadable files are reported and skipped."""

from __future__ import annotations

from datetime import date

from briefing.sources import load_sources, read_source

from .conftest import SEED


def test_txt_title_is_the_first_line_and_language_is_detected(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Minister reist nach Paris\n\nDer Minister will am Freitag mit der Regierung sprechen.\n",
                 encoding="utf-8")
    s = read_source(p)
    assert s.title == "Minister reist nach Paris"
    assert s.language == "de"
    assert s.published is None and s.published_from == "unknown"
    assert s.body.startswith("Minister reist")


def test_english_text_is_detected(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Talks in Geneva\n\nThe two delegations will meet in Geneva on Monday, officials said.\n")
    assert read_source(p).language == "en"


def test_markdown_front_matter(tmp_path):
    p = tmp_path / "b.md"
    p.write_text("---\ntitle: Gipfel in Rom\npublished: 2022-03-01\nlanguage: de\nurl: https://example.org/a\n"
                 "source: Beispielzeitung\n---\nDer Gipfel beginnt morgen.\n", encoding="utf-8")
    s = read_source(p)
    assert (s.title, s.published, s.published_from) == ("Gipfel in Rom", date(2022, 3, 1), "front_matter")
    assert s.url == "https://example.org/a" and s.outlet == "Beispielzeitung"
    assert s.body == "Der Gipfel beginnt morgen.\n"


def test_latin1_text_is_read(tmp_path):
    p = tmp_path / "c.txt"
    p.write_bytes("Außenminister in Genf\n\nDie Gespräche über die Ukraine gehen weiter.\n".encode("latin-1"))
    assert read_source(p).title == "Außenminister in Genf"


def test_a_long_first_line_is_cut_to_its_first_sentence():
    s = read_source(SEED)
    assert s.title.startswith("Die Nato-Außenminister wollen am Freitag")
    assert len(s.title) <= 125


def test_unreadable_seeds_are_reported_and_skipped(tmp_path):
    (tmp_path / "good.txt").write_text("Titel\n\nDie Gespräche beginnen am Montag.\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.md").write_text("   \n")
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a seed type: ignored silently
    sources, problems = load_sources(tmp_path)
    assert [s.id for s in sources] == ["good"]
    reasons = {p.path.name: p.reason for p in problems}
    assert reasons == {"binary.txt": "binary file (contains NUL bytes)", "empty.md": "empty file",
                       "broken.md": reasons["broken.md"]}
    assert reasons["broken.md"].startswith("front matter is not valid YAML")
    assert str(problems[0]).startswith("skipped ")


def test_an_impossible_published_date_skips_that_source_with_one_line(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: T\npublished: 2022-02-30\n---\nDer Minister reist.\n",
                                     encoding="utf-8")
    (tmp_path / "good.md").write_text("---\ntitle: G\npublished: 2022-02-28\n---\nDer Minister reist.\n",
                                      encoding="utf-8")
    sources, problems = load_sources(tmp_path)
    assert [s.title for s in sources] == ["G"] and sources[0].published == date(2022, 2, 28)
    assert len(problems) == 1 and "2022-02-30 is not a real date" in str(problems[0])


def test_markup_in_a_text_source_is_stripped_script_and_style_content_dropped(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: Gipfel\npublished: 2022-03-01\n---\n"
                 "<p>Die Minister treffen sich am Freitag in Rom.<script>alert('x'); var a = 1 < 2;</script></p>"
                 "<style>p { color: red }</style><!-- Werbung -->\n"
                 "<div>Der Gipfel dauert <b>zwei</b> Tage.</div>\n", encoding="utf-8")
    s = read_source(p)
    assert "<" not in s.body and "alert" not in s.body and "color" not in s.body and "Werbung" not in s.body
    assert "Die Minister treffen sich am Freitag in Rom." in s.body and "Der Gipfel dauert zwei Tage." in s.body
    # a tag ends a paragraph: the sentence splitter never runs two blocks together, nor stops inside one
    from briefing.nlp.segment import segment

    texts = [x.text for x in segment(s.body, "de")]
    assert texts == ["Die Minister treffen sich am Freitag in Rom.", "Der Gipfel dauert zwei Tage."]


def test_text_without_markup_is_left_as_it_is(tmp_path):
    from briefing.markup import strip_markup

    text = "Die Zahl stieg von 3 < 5 auf mehr als 10 > 8 Prozent.\n"
    assert strip_markup(text) == text
