"""Parsed wikitext -> plain text, keeping where every stretch of it came from.

The :class:`Renderer` walks mwparserfromhell nodes, writing their text and, for each piece, a
:class:`~fogofwar.model.SourceSpan`: text copied from the wikitext maps character for character;
text a template or entity produces maps to the whole markup that produced it. ``<ref>`` and
``{{sfn}}`` write nothing; they are kept as anchors (offset in the output + the node) for
:mod:`fogofwar.read.citations`. In an infobox cell (``cell`` mode) line breaks and list items
become ``"; "``, the item separator of the plain-text rendering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from fogofwar.model import SourceSpan
from fogofwar.read.wikirules import WikiRules, rules, template_name

ITEM_SEP = "; "
_LINK_DROP = re.compile(r"^\s*:?\s*(?:file|image|media|category|[a-z]{2,3}(?:-[a-z]+)?)\s*:", re.I)
_DROP_TAGS = frozenset(
    {"gallery", "math", "timeline", "score", "templatestyles", "syntaxhighlight", "imagemap",
     "references", "graph", "mapframe", "maplink", "chem", "hiero", "inputbox", "noinclude"}
)  # fmt: skip
# What the parser leaves as text when markup is malformed: unpaired quote runs, a <ref> it could
# not close, stray HTML tags, a template inside something unparsed.
_LEFTOVER = re.compile(
    r"'{2,}|<ref[^<>]*/>|<ref[^<>]*>.*?</ref\s*>|</?[a-zA-Z][\w-]*(?:\s[^<>]*)?/?>|\{\{[^{}]*\}\}",
    re.DOTALL,
)

# What an item labelled by a flag icon goes on with for the country to be its label: a figure
# ("400", "~400", "c. 400", "about 400"), not a name ("6th Army", "Army Group B").
_FIGURE_START = re.compile(r"\d(?![\d,.]*(?:st|nd|rd|th)\b)|[~≈+±<>]|[a-z]")

# An infobox footnote shown as a parenthesis is a breakdown, not an explanation: short, and with
# no sentence in it (a full stop that is not an abbreviation's such as "c.").
_NOTE_MAX = 200
_SENTENCE_END = re.compile(r"(?<![\s(]c)(?<![\s(]ca)(?<!\bapprox)[.!?](?:\s|$)")


@dataclass(frozen=True)
class Anchor:
    """A ``<ref>`` or short citation met while rendering: where it sits in the output."""

    at: int
    node: Tag | Template
    source_start: int
    source_end: int


def _after_attributes(node: Tag, source: str, start: int) -> int:
    """Where a table tag's contents begin: after ``{| class=x`` or ``| style=x |``."""
    if not node.attributes:
        return start
    last = str(node.attributes[-1])
    found = source.find(last, start)
    if found < 0:
        return start
    start = found + len(last)
    padding = str(getattr(node, "padding", "") or "")
    if source.startswith(padding, start):
        start += len(padding)
    return start


class Renderer:
    """Accumulates rendered text, its source map and citation anchors."""

    def __init__(self, wiki_rules: WikiRules | None = None) -> None:
        self.rules = wiki_rules or rules()
        self.parts: list[str] = []
        self.spans: list[SourceSpan] = []
        self.anchors: list[Anchor] = []
        self.pos = 0
        self.cell = False
        self._coarse: tuple[int, int] | None = None
        self._lstrip = False
        self._fresh = False  # in a cell with nothing written yet
        self._label: tuple[str, int, int] | None = None  # a flag icon's country, see label()

    # -- output -------------------------------------------------------------------------------
    def emit(self, text: str, source_start: int, source_end: int, copied: bool = False) -> None:
        """Write ``text`` produced by the markup at ``[source_start, source_end)``; ``copied``:
        the text is that markup, character for character."""
        copied = copied and self._coarse is None
        if self._label is not None and text.strip():
            label, self._label = self._label, None
            if _FIGURE_START.match(text.lstrip()):
                self.emit(f"{label[0]}: ", label[1], label[2])
        if self._lstrip:
            stripped = text.lstrip(" \t\n;" if self._fresh else " \t\n")
            if copied:
                source_start += len(text) - len(stripped)
            text = stripped
            self._lstrip = not text
        if self.cell and text.strip():
            self._fresh = False
        if not text.strip() and "\n" in text:
            kept = "\n" * min(text.count("\n"), 2 - self._trailing_newlines())
            if copied and kept:
                first = text.index("\n")
                source_start, source_end = source_start + first, source_start + first + len(kept)
                copied = text[first : first + len(kept)] == kept
            text = kept
        elif text.startswith("\n"):  # no more than one blank line between paragraphs
            run = len(text) - len(text.lstrip("\n"))
            cut = run - min(run, 2 - self._trailing_newlines())
            if cut and copied:
                source_start += cut
            text = text[cut:]
        if not text:
            return
        if text[0] == " " and self.last_char() == " " and text.strip():
            if copied:
                source_start += 1
            text = text[1:]  # no double space where a template wrote nothing
        if self._coarse is not None:
            source_start, source_end = self._coarse
        self.parts.append(text)
        self.spans.append(
            SourceSpan(self.pos, self.pos + len(text), source_start, source_end, copied)
        )
        self.pos += len(text)

    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else "\n"

    def _trailing_newlines(self) -> int:
        """How many line breaks the output ends with (at most 2; spaces between ignored)."""
        tail = "".join(self.parts[-4:]).rstrip(" \t")
        return min(2, len(tail) - len(tail.rstrip("\n"))) if self.parts else 2

    def strip_start(self) -> None:
        """Skip the whitespace the next output begins with (a table cell's padding)."""
        self._lstrip = True

    def strip_end(self) -> None:
        """Drop the spaces the output ends with (a table cell's padding)."""
        while self.parts and self.parts[-1].rstrip(" \t") != self.parts[-1]:
            last, span = self.parts[-1], self.spans[-1]
            kept = last.rstrip(" \t")
            cut = len(last) - len(kept)
            self.pos -= cut
            if not kept:
                self.parts.pop()
                self.spans.pop()
                continue
            self.parts[-1] = kept
            self.spans[-1] = SourceSpan(
                span.start, span.end - cut, span.source_start,
                span.source_end - cut if span.copied else span.source_end, span.copied,
            )  # fmt: skip

    def separator(self, at: int) -> None:
        """A list-item or line break: ``"; "`` in a cell (never doubled, never first), else a
        space (or nothing at the start of a line)."""
        if self.cell:
            if self._fresh:
                return
            if self.parts[-1].rstrip().endswith(";"):
                if self.last_char() == ";":
                    self.emit(" ", at, at)
            else:
                self.strip_end()
                self.emit(ITEM_SEP, at, at)
            self._lstrip = True
        elif self.last_char() not in " \n":
            self.emit(" ", at, at)

    def label(self, country: str, at: int, end: int) -> None:
        """A flag icon at ``[at, end)``: when it begins an item of an infobox cell and the item
        goes on with a figure, the country labels it (``"X: 400"``); before a name (or in
        prose) it writes nothing, as the picture it is."""
        if self.cell and country and (self._fresh or self.parts[-1].rstrip().endswith(";")):
            self._label = (country, at, end)

    def note(self, code: Wikicode, at: int, end: int) -> None:
        """An explanatory footnote (its text ``code`` starts at ``at``), in an infobox cell or in
        prose: when it is a breakdown ("600 A, 700 B": a fragment, no sentence), a parenthesis
        after what it explains; else nothing (a note that tells more is not the item, nor the
        sentence)."""
        probe = Renderer(self.rules)
        probe.begin_cell()
        probe.code(code, at)
        text = probe.text().strip()
        if not text or len(text) > _NOTE_MAX or _SENTENCE_END.search(text):
            return
        self.emit(" (", at, at)
        self.strip_start()
        self.code(code, at)
        self.strip_end()
        self.drop_trailing_separator()
        self.emit(")", end, end)

    def begin_cell(self) -> None:
        """Start an infobox value: breaks become ``"; "``, leading space is skipped."""
        self.cell = self._fresh = self._lstrip = True

    def end_cell(self) -> None:
        self._label = None
        self.drop_trailing_separator()
        self.strip_end()
        self.cell = self._fresh = self._lstrip = False

    def drop_trailing_separator(self) -> None:
        while self.parts and self.parts[-1] == ITEM_SEP:
            self.parts.pop()
            self.spans.pop()
            self.pos -= len(ITEM_SEP)

    def text(self) -> str:
        return "".join(self.parts)

    # -- nodes --------------------------------------------------------------------------------
    def code(self, code: Wikicode, at: int) -> None:
        """Render every node of ``code``, which starts at offset ``at`` of the wikitext."""
        for node in code.nodes:
            source = str(node)
            self.node(node, at, source)
            at += len(source)

    def node(self, node: Node, at: int, source: str) -> None:
        end = at + len(source)
        if isinstance(node, Text):
            self._text(source, at)
        elif isinstance(node, HTMLEntity):
            self.emit(node.normalize().replace("\u00a0", " "), at, end)
        elif isinstance(node, Wikilink):
            self._wikilink(node, at, source)
        elif isinstance(node, ExternalLink):
            if node.title is not None:
                self._inner(node.title, at, source)
        elif isinstance(node, Tag):
            self._tag(node, at, source)
        elif isinstance(node, Template):
            self.template(node, at, source)
        elif isinstance(node, Heading):
            self.heading(node, at, source)
        elif isinstance(node, Comment):
            return
        # Arguments ({{{1}}}) and anything else render as nothing.

    def _text(self, text: str, at: int) -> None:
        """Text as written, less the markup the parser left in it (a bold or italic opened and
        never closed, a <ref> it could not close, a stray tag); in a cell, line breaks are item
        separators."""
        cursor = 0
        for m in _LEFTOVER.finditer(text):
            self._lines(text[cursor : m.start()], at + cursor)
            cursor = m.end()
            quotes = m.group(0).startswith("'")
            if quotes and len(m.group(0)) % 2 and text[m.end() : m.end() + 1].isalpha():
                self.emit("'", at + cursor - 1, at + cursor, copied=True)  # "X'''s"
        self._lines(text[cursor:], at + cursor)

    def _lines(self, text: str, at: int) -> None:
        if not self.cell:
            self.emit(text, at, at + len(text), copied=True)
            return
        for number, line in enumerate(text.split("\n")):
            if number:
                self.separator(at)
                at += 1
            self.emit(line, at, at + len(line), copied=True)
            at += len(line)

    def heading(self, node: Heading, at: int, source: str) -> None:
        """``== Title ==`` on a line of its own, the title rendered."""
        marks = "=" * node.level
        if self.last_char() != "\n":
            self.emit("\n", at, at)
        sub = Renderer(self.rules)
        sub.code(node.title, at + node.level)
        name = " ".join(sub.text().split()) or "untitled"
        end = at + len(source)
        self.emit(f"{marks} {name} {marks}", at, end)

    def _inner(self, code: Wikicode, at: int, source: str) -> None:
        """Render ``code``, a part of the node whose markup is ``source`` at ``at``."""
        inner = str(code)
        offset = source.find(inner) if inner else -1
        if offset < 0:
            return
        self.code(code, at + offset)

    def _wikilink(self, node: Wikilink, at: int, source: str) -> None:
        title = str(node.title)
        if _LINK_DROP.match(title):
            return
        if node.text is not None:
            self.code(node.text, at + 2 + len(title) + 1)
        else:
            self.code(node.title, at + 2)

    def _tag(self, node: Tag, at: int, source: str) -> None:
        name = str(node.tag).strip().lower()
        end = at + len(source)
        if name == "ref":
            self.anchors.append(Anchor(self.pos, node, at, end))
        elif name == "br":
            self.separator(at)
        elif name in _DROP_TAGS:
            return
        elif name in ("li", "dt", "dd") and node.wiki_markup:
            self.separator(at)
        elif name == "tr":
            if self.last_char() != "\n":
                self.emit("\n", at, at)
            self._contents(node, at, source)
        elif name in ("td", "th", "caption"):
            if self.last_char() not in "\n":
                self.emit(ITEM_SEP, at, at)
            self.strip_start()
            self._contents(node, at, source)
            self._lstrip = False
            self.strip_end()
        elif name == "table":
            self.emit("\n", at, at)
            self._contents(node, at, source)
            self.emit("\n", end, end)
        else:
            self._contents(node, at, source)

    def _contents(self, node: Tag, at: int, source: str) -> None:
        """Render a tag's contents, which begin after its opening markup (``''``, ``|``,
        ``<b ...>``); where that cannot be told, mapped to the whole tag."""
        if node.contents is None:
            return
        inner = str(node.contents)
        if node.wiki_markup:
            start = source.find(str(node.wiki_markup)) + len(str(node.wiki_markup))
            start = _after_attributes(node, source, start)
        else:
            start = source.find(">") + 1
        if start > 0 and source[start : start + len(inner)] == inner:
            self.code(node.contents, at + start)
            return
        previous = self.coarse((at, at + len(source)))  # not located exactly: the whole tag
        self.code(node.contents, at)
        self.reset_coarse(previous)

    # -- templates ----------------------------------------------------------------------------
    def template(self, node: Template, at: int, source: str) -> None:
        from fogofwar.read.wikitemplates import render_template

        render_template(self, node, at, source)

    def coarse(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """Map everything written until reset to ``span`` (a template whose parts could not be
        located exactly); returns the previous setting."""
        previous = self._coarse
        if previous is None:
            self._coarse = span
        return previous

    def reset_coarse(self, previous: tuple[int, int] | None) -> None:
        self._coarse = previous


__all__ = ["ITEM_SEP", "Anchor", "Renderer", "template_name"]
