"""The wikitext reader: infobox keys, text-carrying templates, links, comments, tables, headings,
offsets back into the wikitext, detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogofwar.errors import EmptyInput, InputFormatError
from fogofwar.read import detect_format, read_bytes
from fogofwar.read.citations import source_span
from fogofwar.read.wikitext import has_conflict_infobox, read_wikitext

SAMPLE = Path(__file__).parent / "data" / "wikitext" / "made_up_battle.wikitext"
ARTICLE = SAMPLE.read_text("utf-8")  # a made-up article exercising the markup


def _doc():
    return read_wikitext(ARTICLE, origin="battle.wikitext", page_id="7", revision="99")


def test_infobox_is_rendered_with_the_plain_text_keys() -> None:
    doc = _doc()
    assert doc.title == "Battle of Somewhere"
    assert doc.format == "wikitext"
    assert (doc.page_id, doc.revision) == ("7", "99")
    assert doc.infobox_value("Partof") == "the Some War"
    assert doc.infobox_value("Place") == "Somewhere, Country"
    assert doc.infobox_value("Combatant1") == "Army; Militia"
    assert doc.infobox_value("Combatant2") == "Rebels; Allies"
    assert doc.infobox_value("Commander1") == "John Doe (KIA)"
    assert doc.infobox_value("Commander2") == "Jane Roe (POW)"
    assert doc.infobox_value("Strength1") == "c. 500 soldiers"
    assert doc.infobox_value("Strength2") == "200–300 fighters"
    assert doc.infobox_value("Casualties1") == "40 killed; 60 wounded"
    assert doc.infobox_value("Casualties2") == "120 killed (per Government)"
    assert doc.infobox_value("Image") is None


def test_prose_links_templates_tables_and_apparatus() -> None:
    doc = _doc()
    assert doc.text.startswith("= Battle of Somewhere =\nInfobox\n- Conflict: ")
    assert "fought on 3 May 2014 about 12 km from the town." in doc.text
    assert "According to the Monitor, 35 rebels were killed." in doc.text
    assert "1st Brigade; 12" in doc.text
    assert "[[" not in doc.text and "{{" not in doc.text and "<ref" not in doc.text
    assert "hidden note" not in doc.text
    assert [s.name for s in doc.sections] == ["lead", "Battle"]  # References left out
    assert "Press" not in doc.text


def test_offsets_map_back_into_the_wikitext() -> None:
    doc = _doc()
    start = doc.text.index("35 rebels")
    span = source_span(doc, start, start + len("35 rebels"))
    assert span is not None
    assert ARTICLE[span[0] : span[1]] == "35 rebels"
    entry = next(e for e in doc.infobox if e.key == "Casualties2")
    span = source_span(doc, entry.start, entry.start + 3)
    assert span is not None and ARTICLE[span[0] : span[1]] == "120"
    link = doc.text.index("the town")
    span = source_span(doc, link, link + len("the town"))
    assert span is not None and ARTICLE[span[0] : span[1]] == "the town"


def test_conflict_infobox_detection() -> None:
    assert has_conflict_infobox(ARTICLE)
    assert has_conflict_infobox("{{Infobox_civilian_attack\n| title = X\n}}")
    assert has_conflict_infobox("{{ infobox terrorist attack|title=X}}")
    assert not has_conflict_infobox("{{Infobox person\n| name = X\n}}")
    assert not has_conflict_infobox("Text about an infobox military conflict.")


def test_format_detection_by_extension_and_content() -> None:
    assert detect_format("plain words", "a.wiki") == "wikitext"
    assert detect_format("= Title =\nInfobox\n- Date: 2014", "a.txt") == "text"
    assert detect_format("{{Infobox military conflict\n|date=2014}}\nText", "a.txt") == "wikitext"
    assert detect_format("'''Foo''' is a battle.", "-") == "wikitext"
    assert detect_format("A plain sentence.\nAnother one.", "a.txt") == "text"


def test_read_bytes_honours_the_input_format() -> None:
    data = ARTICLE.encode()
    assert read_bytes(data, origin="a.txt").format == "wikitext"
    assert read_bytes(data, origin="a.txt", input_format="text").format == "plaintext-article"


def _prose(markup: str) -> str:
    doc = read_wikitext(markup, origin="t.wikitext")
    return doc.text.split("\n", 1)[1].strip()


def test_text_carrying_templates_render_their_text() -> None:
    assert _prose("{{convert|5|to|10|km|mi}} away") == "5 to 10 km away"
    assert _prose("{{cvt|3|-|4|mi}} away") == "3–4 mi away"
    assert _prose("the {{Ship|Japanese battleship|Yamato||2}} sank") == (
        "the Japanese battleship Yamato sank"
    )
    assert _prose("{{HMS|Victory|1765|6}} fired") == "HMS Victory fired"
    assert _prose("{{lang|fr|Grande Armée}} marched") == "Grande Armée marched"
    assert _prose("about {{circa|1200}} men") == "about c. 1200 men"
    assert _prose("£{{Formatnum:{{Inflation|UK|20|1799}}|0}} today") == "£ today"
    assert _prose("{{hlist|a|b}}") == "a b"
    assert _prose("x{{efn|a note with 500 dead}} y{{refn|another}}") == (
        "x (a note with 500 dead) y"  # {{refn}} mostly wraps a citation: nothing
    )
    assert _prose("x{{efn|A note. It tells more.}} y") == "x y"  # a sentence: not a breakdown


def test_malformed_markup_leaves_no_residue() -> None:
    assert _prose("Of ''Yamato'''s screening force") == "Of Yamato's screening force"
    assert _prose("He died.<ref>Unclosed {{cite book|title=T}}\n\nNext</ref> Later.") == (
        "He died. Later."
    )
    assert _prose("a <span style='x'>b</span> <div>c") == "a b c"


def test_headings_nested_in_unbalanced_markup_stay_headings() -> None:
    doc = read_wikitext("Lead ''text.\n\n===Sub===\nBody 5 killed.\n", origin="t.wikitext")
    assert [s.name for s in doc.sections] == ["lead", "Sub"]


def test_bad_input_is_one_clear_error() -> None:
    with pytest.raises(InputFormatError, match="unknown input format 'html'") as err:
        read_bytes(b"{{x}}", origin="a.wiki", input_format="html")
    assert err.value.code == "E701"
    with pytest.raises(EmptyInput):
        read_bytes(b"  \n", origin="a.wikitext")


def test_an_article_without_infobox_or_title_is_still_read() -> None:
    doc = read_wikitext("'''Foo''' was a clash in which 12 died.", origin="dir/Clash_at_Foo.wiki")
    assert doc.title == "Clash at Foo"
    assert doc.infobox == ()
    assert doc.text.endswith("Foo was a clash in which 12 died.")


@pytest.mark.parametrize(
    "deep",
    ["[[a|" * 3000 + "x" + "]]" * 3000, "{{a|" * 3000 + "x" + "}}" * 3000, "<span>" * 3000 + "x"],
    ids=["links", "templates", "tags"],
)
def test_markup_nested_very_deeply_is_read_without_a_crash(deep: str) -> None:
    doc = read_wikitext(deep, origin="deep.wiki")  # the parser's own depth limit holds
    assert doc.title == "deep"
    assert doc.text.startswith("= deep =\n")
