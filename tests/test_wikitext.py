"""The wikitext reader: infobox keys, text-carrying templates, links, comments, tables, headings,
offsets back into the wikitext, detection."""

from __future__ import annotations

from fogofwar.read import detect_format, read_bytes
from fogofwar.read.citations import source_span
from fogofwar.read.wikitext import has_conflict_infobox, read_wikitext

ARTICLE = """{{Use dmy dates|date=May 2014}}
{{Infobox military conflict
| conflict    = Battle of Somewhere
| partof      = the [[Some War]]
| date        = 3 May 2014
| place       = [[Somewhere]], [[Country]]
| image       = Battle.jpg
| result      = Government victory
| combatant1  = {{flagicon|Foo}} [[Foo Army|Army]]<br/>{{flag|Militia}}
| combatant2  = {{plainlist|
* [[Rebels]]
* Allies
}}
| commander1  = [[John Doe]] {{KIA}}
| commander2  = Jane Roe {{POW}}
| strength1   = {{circa|500}} soldiers
| strength2   = 200–300 fighters<!-- hidden note -->
| casualties1 = 40 killed<ref name="r1">{{cite news |title=Fighting |work=Reuters |date=4 May 2014 |url=http://example.org/a}}</ref><br />60 wounded
| casualties2 = 120 killed (per [[Government]])<ref name="r1" />
}}
The '''Battle of Somewhere''' was fought on {{nowrap|3 May 2014}} about {{convert|12|km|mi}} from [[Town|the town]].<ref>{{cite web|title=Report|publisher=Monitor|date=2014-05-05}}</ref>

== Battle ==
According to the [[Monitor (group)|Monitor]], 35 rebels were killed.{{sfn|Smith|2015|p=4}}

{| class="wikitable"
! Unit !! Losses
|-
| 1st Brigade || 12
|}

== References ==
{{reflist}}
* {{cite book |last=Smith |first=Ann |year=2015 |title=The Battle |publisher=Press}}
"""


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
