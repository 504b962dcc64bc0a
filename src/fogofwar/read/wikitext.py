"""Reader for MediaWiki wikitext (an article's source, as in dumps and Special:Export).

The article is rendered to the plain-text article shape the plain-text reader reads (``= Title =``,
an ``Infobox`` block of ``- Key: Value`` lines, prose under ``== Section ==`` headings) and parsed
by that reader, so the :class:`~fogofwar.model.Document` and everything downstream are the same
for both renderings.

Offsets: ``Document.text`` is the rendered text, and every offset the extractor writes (sections,
infobox entries, evidence ``start``/``end``) points into it. ``Document.source_map`` says where
each stretch of it came from in the wikitext; after extraction
:func:`fogofwar.read.citations.attach_citations` gives each evidence ``source_start``/
``source_end`` into the wikitext and the citations of its sentence or infobox item.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

import mwparserfromhell
from mwparserfromhell.nodes import Heading, Node, Template
from mwparserfromhell.wikicode import Wikicode

from fogofwar.errors import WikitextError
from fogofwar.model import Document
from fogofwar.read.citations import citation_marks
from fogofwar.read.plaintext import parse_text
from fogofwar.read.wikirender import Renderer
from fogofwar.read.wikirules import WikiRules, rules, template_name
from fogofwar.read.wikitemplates import params

FORMAT = "wikitext"
EXTENSIONS = (".wikitext", ".wiki", ".mediawiki")
_INFOBOX_OPEN = re.compile(r"\{\{\s*(?:template\s*:\s*)?infobox[ _]+([^|}<\n]+)", re.IGNORECASE)
_WIKITEXT_START = re.compile(r"^\s*(?:\{\{|'''|\[\[|__[A-Z]+__|#REDIRECT)", re.IGNORECASE)
_WIKITEXT_MARKS = re.compile(
    r"\[\[[^\]\n]+\]\]|<ref[\s>/]|\{\{[^{}\n]{1,80}[|}]|^==[^=\n]+==\s*$", re.M
)


def has_conflict_infobox(text: str) -> bool:
    """Whether wikitext holds an infobox of an armed-conflict event (military conflict, civilian
    or terrorist attack...). A fast scan, without parsing: meant for filtering dumps."""
    known = rules().conflict_infoboxes
    for m in _INFOBOX_OPEN.finditer(text):
        if "infobox " + " ".join(m.group(1).replace("_", " ").split()).lower() in known:
            return True
    return False


def looks_like_wikitext(text: str) -> bool:
    """Content sniffing: starts with a template, bold or link markup, or is dense with links,
    ``<ref>`` tags and templates (the plain-text shape has none of them)."""
    if _WIKITEXT_START.match(text):
        return True
    head = text[:20000]
    return len(_WIKITEXT_MARKS.findall(head)) >= 3


def read_wikitext(
    text: str,
    *,
    origin: str,
    title: str | None = None,
    page_id: str | None = None,
    revision: str | None = None,
    revision_timestamp: str | None = None,
    editor: str | None = None,
) -> Document:
    """Read one article's wikitext into a Document (the rendered text, its layout, the source map
    and the citations). ``title`` is the page title if known (else the infobox's, else the file
    name's)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    r = Renderer()
    try:
        code = mwparserfromhell.parse(text)
        infobox = conflict_infobox(code, r.rules)
        heading = title or _infobox_title(infobox, text) or _title_from_origin(origin)
        r.emit(f"= {_one_line(heading)} =\n", 0, 0)
        if infobox is not None:
            _render_infobox(r, infobox, text)
        _render_body(r, code, infobox)
        marks = citation_marks(r.anchors, code)
    except RecursionError:
        raise WikitextError("wikitext is nested too deeply to read", origin=origin) from None
    rendered = r.text()
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = parse_text(rendered, origin=origin, digest=digest)
    return replace(
        doc,
        format=FORMAT,
        revision=revision,
        page_id=page_id,
        revision_timestamp=revision_timestamp,
        editor=editor,
        source_map=tuple(r.spans),
        citations=tuple(marks),
    )


def render_plaintext(doc: Document) -> str:
    """The plain-text article a Document read from wikitext was parsed from."""
    return doc.text


def conflict_infobox(code: Wikicode, wiki_rules: WikiRules) -> Template | None:
    """The first conflict infobox of the article (top level first, then nested)."""
    for recursive in (False, True):
        for tpl in code.filter_templates(recursive=recursive):
            if template_name(str(tpl.name)) in wiki_rules.conflict_infoboxes:
                return tpl
    return None


def _infobox_title(infobox: Template | None, text: str) -> str | None:
    if infobox is None:
        return None
    for key in ("conflict", "title", "name"):
        if infobox.has(key):
            r = Renderer()
            r.code(infobox.get(key).value, 0)
            value = _one_line(r.text())
            if value:
                return value
    return None


def _title_from_origin(origin: str) -> str:
    if origin in ("<stdin>", "-"):
        return "untitled"
    return Path(origin).stem.replace("_", " ").strip() or "untitled"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _infobox_key(name: str, wiki_rules: WikiRules) -> str | None:
    key = " ".join(name.replace("_", " ").split()).lower()
    if (
        not key
        or key.replace(" ", "_") in wiki_rules.infobox_skip
        or not re.fullmatch(r"[a-z][\w ]{0,40}", key)
    ):
        return None
    renamed = wiki_rules.infobox_rename.get(key)
    return renamed if renamed else key[0].upper() + key[1:].replace(" ", "_")


def _render_infobox(r: Renderer, infobox: Template, text: str) -> None:
    """``- Key: Value`` lines, one per parameter, in the article's order."""
    at = _offset_of(infobox, text)
    source = str(infobox)
    found = params(infobox, at, source) if at >= 0 else None
    r.emit("Infobox\n", at, at)
    for p in found or []:
        key = _infobox_key(p.name, r.rules) if not p.positional else None
        if key is None:
            continue
        r.emit(f"- {key}: ", p.at, p.at)
        r.begin_cell()
        r.code(p.value, p.at)
        r.end_cell()
        r.emit("\n", p.at + len(str(p.value)), p.at + len(str(p.value)))
    r.emit("\n", at + len(source), at + len(source))


def _offset_of(node: Node, text: str) -> int:
    return text.find(str(node))


def _render_body(r: Renderer, code: Wikicode, infobox: Template | None) -> None:
    """The prose: every top-level node but the infobox, headings on lines of their own, the
    apparatus sections (References, See also, ...) left out."""
    at = 0
    skipping: int | None = None  # level of the apparatus heading being skipped
    for node in code.nodes:
        source = str(node)
        start, at = at, at + len(source)
        if isinstance(node, Heading):
            name = _one_line(node.title.strip_code()).lower()
            if skipping is not None and node.level > skipping:
                continue
            skipping = node.level if name in r.rules.apparatus else None
            if skipping is None:
                r.heading(node, start, source)
            continue
        if skipping is not None or node is infobox:
            continue
        r.node(node, start, source)
