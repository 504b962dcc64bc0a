"""What the wikitext reader used to lose: the keys of civilian- and terrorist-attack infoboxes
that name the kind of their figures (``fatalities``, ``injuries``), a flag icon that is the
only label of a figure in an infobox list, and an explanatory footnote (``{{efn}}``) in an
infobox cell. The articles are made up."""

from __future__ import annotations

from typing import Any

from fogofwar.extract import extract_document
from fogofwar.model import Claim
from fogofwar.read.wikitext import read_wikitext

ATTACK = """{{Infobox civilian attack
| title = Market bombing
| location = Sampletown, Freedonia
| date = 4 June 2011
| fatalities = 23 (including 2 attackers)
| injuries = 80+
| perpetrator = Sample Front
}}
A '''market bombing''' took place in Sampletown on 4 June 2011.
"""


def _rows(claims: list[Claim]) -> set[tuple[str, int | None, int | None, int | None]]:
    return {
        (c.kind, c.subject.side, c.value.low, c.value.high)
        for c in claims
        if c.evidence[0].section == "infobox"
    }


def test_fatalities_and_injuries_keys_give_killed_and_injured(nlp: Any) -> None:
    doc = read_wikitext(ATTACK, origin="attack.wikitext")
    assert doc.infobox_value("Fatalities") == "23 (including 2 attackers)"
    _, claims = extract_document(doc, nlp)
    assert _rows(claims) == {
        ("killed", None, 23, 23),
        ("killed", None, 2, 2),
        ("injured", None, 80, None),
    }


def test_the_perpetrators_of_an_attack_are_a_part_of_its_dead(nlp: Any) -> None:
    """People nouns of attacks (perpetrators, assailants, a gunman) make a breakdown part."""
    for words in ("the 2 perpetrators", "2 assailants", "2 shooters"):
        markup = ATTACK.replace("2 attackers", words)
        _, claims = extract_document(read_wikitext(markup, origin="attack.wikitext"), nlp)
        assert ("killed", None, 2, 2) in _rows(claims), words


def test_terrorist_attack_keys_with_their_own_words(nlp: Any) -> None:
    markup = (
        "{{Infobox terrorist attack\n| title = Station attack\n| date = 2 May 2009\n"
        "| deaths = 7 civilians, 3 attackers\n| injured = dozens\n}}\n"
        "The '''station attack''' happened on 2 May 2009.\n"
    )
    _, claims = extract_document(read_wikitext(markup, origin="s.wikitext"), nlp)
    rows = {(c.kind, c.value.words or c.value.low, c.subject.civilian) for c in claims}
    assert {("killed", 7, True), ("killed", 3, False), ("injured", "dozens", False)} <= rows


CONFLICT = """{{Infobox military conflict
| conflict = Battle of the Sample Plain
| date = 3 May 1940
| place = Sample Plain
| combatant1 = {{flagicon|Freedonia}} [[Freedonia]]<br />
{{flagicon|Sylvania}} [[Sylvania|Sylvanian Army]]
| combatant2 = {{flag|Ruritania}}
| units1 = {{flagicon|Freedonia}} 6th Army
| strength2 = 1,300 knights{{efn|600 mounted, 700 on foot}}<br />7,500 infantry
| casualties1 = {{ubl|'''5,000 men'''|{{flagicon|Freedonia}} 4,000|{{flagicon|Sylvania}} c. 1,000}}
| casualties2 = 900 killed{{efn|name=n1|Of whom 200 officers}}<br />12 guns{{efn|The 30 more in \
repair are not counted.}}
}}
The '''Battle of the Sample Plain''' was fought on 3 May 1940.{{efn|A note with 500 dead.}}
"""


def test_a_flag_icon_labels_the_figure_it_starts_and_never_a_name() -> None:
    doc = read_wikitext(CONFLICT, origin="plain.wikitext")
    assert doc.infobox_value("Combatant1") == "Freedonia; Sylvanian Army"
    assert doc.infobox_value("Combatant2") == "Ruritania"
    assert doc.infobox_value("Units1") == "6th Army"
    assert doc.infobox_value("Casualties1") == "5,000 men; Freedonia: 4,000; Sylvania: c. 1,000"


def test_an_infobox_footnote_is_a_parenthesis_and_a_prose_one_stays_out() -> None:
    doc = read_wikitext(CONFLICT, origin="plain.wikitext")
    assert (
        doc.infobox_value("Strength2") == "1,300 knights (600 mounted, 700 on foot); 7,500 infantry"
    )
    assert doc.infobox_value("Casualties2") == "900 killed (Of whom 200 officers); 12 guns"
    assert "500 dead" not in doc.text


def test_footnote_figures_in_the_infobox_are_claims_of_their_line(nlp: Any) -> None:
    _, claims = extract_document(read_wikitext(CONFLICT, origin="plain.wikitext"), nlp)
    rows = _rows(claims)
    assert {("strength", 2, 600, 600), ("strength", 2, 700, 700)} <= rows
    assert {("strength", 2, 1300, 1300), ("strength", 2, 7500, 7500)} <= rows
    assert {("killed", 2, 900, 900), ("killed", 2, 200, 200)} <= rows


def test_labels_and_notes_map_back_to_their_markup() -> None:
    doc = read_wikitext(CONFLICT, origin="plain.wikitext")
    for span in doc.source_map:
        if span.copied:
            assert CONFLICT[span.source_start : span.source_end] == doc.text[span.start : span.end]
    label = doc.text.index("Sylvania: c. 1,000")
    span = next(s for s in doc.source_map if s.start <= label < s.end)
    assert CONFLICT[span.source_start : span.source_end] == "{{flagicon|Sylvania}}"
    note = doc.text.index("600 mounted")
    span = next(s for s in doc.source_map if s.start <= note < s.end)
    assert span.copied and CONFLICT[span.source_start :].startswith("600 mounted, 700 on foot}}")
