"""Citations of a wikitext article: each ``<ref>`` (named, reused ``<ref name=x/>``, list-defined
in ``{{reflist|refs=}}``), ``{{cite news|web|book|journal...}}`` and ``{{sfn}}`` with its
bibliography entry, read into a :class:`~fogofwar.model.Citation`; and, after extraction, attached
to the evidence of the claims in the sentence or infobox item they follow.

A citation is not a claimant: the encyclopedia states the figure. A claim with no ``said_on`` of
its own takes the date of its first dated citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from mwparserfromhell.nodes import ExternalLink, Tag, Template
from mwparserfromhell.wikicode import Wikicode

from fogofwar.model import Citation, CitationMark, Claim, Document, Evidence, SourceSpan
from fogofwar.read.wikirules import WikiRules, rules, template_name

if TYPE_CHECKING:
    from fogofwar.read.wikirender import Anchor

_MONTH_NAMES = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})")
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


def iso_date(text: str | None) -> str | None:
    """``"12 March 2014"``, ``"March 12, 2014"``, ``"2014-03-12"``, ``"March 2014"``,
    ``"2014"`` -> ISO (YYYY-MM-DD, YYYY-MM or YYYY); None when no date can be read."""
    if not text:
        return None
    t = " ".join(text.split())
    m = _ISO.match(t)
    if m and (m.group(2) is None or 1 <= int(m.group(2)) <= 12):
        parts = [m.group(1)] + [f"{int(g):02d}" for g in m.groups()[1:] if g]
        return "-".join(parts)
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        m = pattern.match(t)
        if m:
            day, month, year = (m.group(1), m.group(2), m.group(3))
            if order == "mdy":
                month, day = m.group(1), m.group(2)
            number = _MONTHS.get(month.lower())
            if number and 1 <= int(day) <= 31:
                return f"{year}-{number:02d}-{int(day):02d}"
    m = _MONTH_YEAR.match(t)
    if m and _MONTHS.get(m.group(1).lower()):
        return f"{m.group(2)}-{_MONTHS[m.group(1).lower()]:02d}"
    m = _YEAR.search(t)
    return m.group(1) if m else None


# -- parsing --------------------------------------------------------------------------------------
def _plain(code: Wikicode | str) -> str:
    text = code.strip_code() if isinstance(code, Wikicode) else code
    return " ".join(text.split())


def _field(tpl: Template, names: Iterable[str]) -> str | None:
    for name in names:
        if tpl.has(name):
            value = _plain(tpl.get(name).value)
            if value:
                return value
    return None


def from_cite(
    tpl: Template, name: str | None = None, wiki_rules: WikiRules | None = None
) -> Citation:
    """A ``{{cite ...}}`` / ``{{citation}}`` template's publisher, work, author, date, title,
    url (CS1/CS2 parameter names, the first one filled wins)."""
    f = (wiki_rules or rules()).cite_fields
    author = _field(tpl, f["author"])
    first = _field(tpl, f["first"])
    if author and first and "," not in author:
        author = f"{first} {author}"
    url = None
    for key in f["url"]:
        if tpl.has(key) and str(tpl.get(key).value).strip():
            url = str(tpl.get(key).value).strip()
            break
    return Citation(
        publisher=_field(tpl, f["publisher"]),
        work=_field(tpl, f["work"]),
        author=author,
        date=iso_date(_field(tpl, f["date"])),
        title=_field(tpl, f["title"]),
        url=url,
        name=name,
    )


def _from_ref(tag: Tag, name: str | None, wiki_rules: WikiRules) -> Citation | None:
    """The citation a ``<ref>`` holds: its cite template, else its plain text and first link."""
    if tag.contents is None or not str(tag.contents).strip():
        return None
    for tpl in tag.contents.filter_templates(recursive=False):
        if wiki_rules.is_cite(template_name(str(tpl.name))):
            return from_cite(tpl, name, wiki_rules)
    links = tag.contents.filter(forcetype=ExternalLink, recursive=True)
    url = str(links[0].url) if links else None
    title = _plain(tag.contents) or None
    return Citation(title=title, url=url, date=iso_date(title) if title else None, name=name)


def _ref_name(tag: Tag) -> str | None:
    if tag.has("name"):
        value = str(tag.get("name").value).strip().strip("\"'")
        return value or None
    return None


def _named_refs(code: Wikicode, wiki_rules: WikiRules) -> dict[str, Citation]:
    """Every ref with a name and a body, wherever it is (text, infobox, ``{{reflist|refs=}}``)."""
    named: dict[str, Citation] = {}
    for tag in code.filter_tags(recursive=True, matches=lambda n: str(n.tag).lower() == "ref"):
        name = _ref_name(tag)
        if name and name not in named:
            cited = _from_ref(tag, name, wiki_rules)
            if cited is not None:
                named[name] = cited
    return named


def _bibliography(code: Wikicode, wiki_rules: WikiRules) -> dict[tuple[str, str], Citation]:
    """Cite templates keyed by (author surname, year), the key ``{{sfn|Surname|Year}}`` uses."""
    entries: dict[tuple[str, str], Citation] = {}
    f = wiki_rules.cite_fields
    for tpl in code.filter_templates(recursive=True):
        if not wiki_rules.is_cite(template_name(str(tpl.name))):
            continue
        surname = _field(tpl, ("last", "last1", "author", "author1", "editor-last", "editor1-last"))
        year = _YEAR.search(_field(tpl, f["date"]) or "")
        if surname and year:
            entries.setdefault((surname.lower(), year.group(1)), from_cite(tpl, None, wiki_rules))
    return entries


def _from_short(tpl: Template, bibliography: dict[tuple[str, str], Citation]) -> Citation:
    positional = [_plain(p.value) for p in tpl.params if not p.showkey]
    year = next((p for p in positional if _YEAR.fullmatch(p.rstrip("abcdefgh"))), None)
    authors = [p for p in positional if p and p != year]
    if authors and year:
        entry = bibliography.get((authors[0].lower(), year.rstrip("abcdefgh")))
        if entry is not None:
            return entry
    return Citation(author=" and ".join(authors) or None, date=iso_date(year))


def citation_marks(anchors: Sequence[Anchor], code: Wikicode) -> list[CitationMark]:
    """The citation of each anchor the renderer met, reused refs and short citations resolved."""
    wiki_rules = rules()
    named = _named_refs(code, wiki_rules)
    bibliography = (
        _bibliography(code, wiki_rules)
        if any(isinstance(a.node, Template) for a in anchors)
        else {}
    )
    marks: list[CitationMark] = []
    for a in anchors:
        cited: Citation | None
        if isinstance(a.node, Template):
            cited = _from_short(a.node, bibliography)
        else:
            name = _ref_name(a.node)
            cited = _from_ref(a.node, name, wiki_rules) or (named.get(name) if name else None)
        if cited is not None:
            marks.append(CitationMark(a.at, cited, a.source_start, a.source_end))
    return marks


# -- attaching ------------------------------------------------------------------------------------
def source_span(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """Where ``[start, end)`` of a rendered document's text came from in its source."""
    if not doc.source_map:
        return None
    lo = hi = None
    for span in doc.source_map:
        if span.end <= start or span.start >= end:
            continue
        s, e = _mapped(span, max(start, span.start), min(end, span.end))
        lo = s if lo is None else min(lo, s)
        hi = e if hi is None else max(hi, e)
    return (lo, hi) if lo is not None and hi is not None else None


def _mapped(span: SourceSpan, start: int, end: int) -> tuple[int, int]:
    if span.end - span.start == span.source_end - span.source_start:
        shift = span.source_start - span.start
        return start + shift, end + shift
    return span.source_start, span.source_end


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)|\n")
_ITEM_END = re.compile(r";|\n")


def _supporting(doc: Document, ev: Evidence) -> tuple[Citation, ...]:
    """The first run of citations placed at or after the end of the evidence, before the end of
    its sentence (prose) or of its item (infobox); a run is refs with no words between them."""
    text = doc.text
    infobox = ev.section.lower() == "infobox"
    boundary = (_ITEM_END if infobox else _SENTENCE_END).search(text, max(ev.end - 1, ev.start))
    stop = boundary.end() if boundary else len(text)
    if not infobox and boundary and boundary.group(0) != "\n":
        stop = boundary.end()
    line_end = text.find("\n", ev.end)
    line_end = len(text) if line_end < 0 else line_end
    found: list[Citation] = []
    last: int | None = None
    for mark in doc.citations:
        if mark.at < ev.end or mark.at > min(max(stop, ev.end), line_end):
            continue
        if last is not None and text[last : mark.at].strip(" ,;.:"):
            break
        if mark.citation not in found:
            found.append(mark.citation)
        last = mark.at
    return tuple(found)


def attach_citations(doc: Document, claims: Sequence[Claim]) -> list[Claim]:
    """Give each evidence its span in the source and its citations; a claim with no date of its
    own is dated by its first dated citation. Documents with no source map pass unchanged."""
    if not doc.source_map and not doc.citations:
        return list(claims)
    out: list[Claim] = []
    for claim in claims:
        evidence = []
        for ev in claim.evidence:
            if ev.document != doc.id:
                evidence.append(ev)
                continue
            span = source_span(doc, ev.start, ev.end)
            evidence.append(
                replace(
                    ev,
                    source_start=span[0] if span else None,
                    source_end=span[1] if span else None,
                    citations=_supporting(doc, ev),
                )
            )
        said_on = claim.said_on or next(
            (c.date for ev in evidence for c in ev.citations if c.date), None
        )
        out.append(replace(claim, evidence=tuple(evidence), said_on=said_on))
    return out
