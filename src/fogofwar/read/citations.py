"""Citations of a wikitext article: each ``<ref>`` (named, reused ``<ref name=x/>``, list-defined
in ``{{reflist|refs=}}``), ``{{cite news|web|book|journal...}}`` and ``{{sfn}}`` with its
bibliography entry, read into a :class:`~fogofwar.model.Citation`; and, after extraction, attached
to the evidence of the claims in the sentence or infobox item they follow.

A citation is not a claimant: the encyclopedia states the figure. A claim with no ``said_on`` of
its own takes the date of its first dated citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from mwparserfromhell.nodes import ExternalLink, Node, Tag, Template, Wikilink
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
_FULL_DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}\b|\b[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\b"
)
_SURNAME = ("last", "last1", "author", "author1", "editor-last", "editor1-last")


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


def _named(tpl: Template) -> dict[str, Wikicode]:
    """A template's named parameters by lower-cased name (the first of a repeated name)."""
    out: dict[str, Wikicode] = {}
    for p in tpl.params:
        if p.showkey:
            out.setdefault(str(p.name).strip().lower(), p.value)
    return out


def _field(fields: dict[str, Wikicode], names: Iterable[str]) -> str | None:
    for name in names:
        if name in fields:
            value = _plain(fields[name])
            if value:
                return value
    return None


def from_cite(
    tpl: Template, name: str | None = None, wiki_rules: WikiRules | None = None
) -> Citation:
    """A ``{{cite ...}}`` / ``{{citation}}`` template's publisher, work, author, date, title,
    url (CS1/CS2 parameter names, the first one filled wins)."""
    f = (wiki_rules or rules()).cite_fields
    fields = _named(tpl)
    author = _field(fields, f["author"])
    first = _field(fields, f["first"])
    if author and first and "," not in author:
        author = f"{first} {author}"
    urls = (str(fields[k]).strip() for k in f["url"] if k in fields)
    return Citation(
        publisher=_field(fields, f["publisher"]),
        work=_field(fields, f["work"]),
        author=author,
        date=iso_date(_field(fields, f["date"])),
        title=_field(fields, f["title"]),
        url=next((u for u in urls if u), None),
        name=name,
    )


def _from_ref(tag: Tag, name: str | None, wiki_rules: WikiRules) -> Citation | None:
    """The citation a ``<ref>`` holds: its cite template, else its plain text and first link
    (a date only when the text gives a full one: a bare year in a note is not its date)."""
    if tag.contents is None or not str(tag.contents).strip():
        return None
    url = None
    for node in tag.contents.nodes:
        if isinstance(node, Template) and wiki_rules.is_cite(template_name(str(node.name))):
            return from_cite(node, name, wiki_rules)
        if url is None and isinstance(node, ExternalLink):
            url = str(node.url)
    title = _plain(tag.contents) or None
    full = _FULL_DATE.search(title or "")
    return Citation(title=title, url=url, date=iso_date(full.group(0)) if full else None, name=name)


def _ref_name(tag: Tag) -> str | None:
    if tag.has("name"):
        value = str(tag.get("name").value).strip().strip("\"'")
        return value or None
    return None


def _walk(code: Wikicode) -> Iterator[Node]:
    """Every node, depth first: into template parameters, tag contents and link texts."""
    for node in code.nodes:
        yield node
        if isinstance(node, Template):
            for p in node.params:
                yield from _walk(p.value)
        elif isinstance(node, Tag) and node.contents is not None:
            yield from _walk(node.contents)
        elif isinstance(node, Wikilink) and node.text is not None:
            yield from _walk(node.text)


def _index(
    code: Wikicode, wiki_rules: WikiRules
) -> tuple[dict[str, Citation], dict[tuple[str, str], Citation]]:
    """Refs with a name and a body, wherever they are (text, infobox, ``{{reflist|refs=}}``),
    and cite templates by (author surname, year), the key ``{{sfn|Surname|Year}}`` uses."""
    named: dict[str, Citation] = {}
    bibliography: dict[tuple[str, str], Citation] = {}
    for node in _walk(code):
        if isinstance(node, Tag) and str(node.tag).strip().lower() == "ref":
            name = _ref_name(node)
            if name and name not in named:
                cited = _from_ref(node, name, wiki_rules)
                if cited is not None:
                    named[name] = cited
        elif isinstance(node, Template) and wiki_rules.is_cite(template_name(str(node.name))):
            fields = _named(node)
            surname = _field(fields, _SURNAME)
            year = _YEAR.search(_field(fields, wiki_rules.cite_fields["date"]) or "")
            if surname and year:
                key = (surname.lower(), year.group(1))
                bibliography.setdefault(key, from_cite(node, None, wiki_rules))
    return named, bibliography


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
    if not anchors:
        return []
    wiki_rules = rules()
    named, bibliography = _index(code, wiki_rules)
    marks: list[CitationMark] = []
    for a in anchors:
        cited: Citation | None
        if isinstance(a.node, Template):
            cited = _from_short(a.node, bibliography)
        else:
            name = _ref_name(a.node)
            cited = named.get(name) if name else None
            cited = cited or _from_ref(a.node, name, wiki_rules)
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
    if span.copied:
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
