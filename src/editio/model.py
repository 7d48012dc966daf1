"""The document model every reader builds and the TEI writer consumes.

A reader cuts the raw text into blocks (heading, paragraphs, list items ...). Each block's
running text is an :class:`Inline`: the characters exactly as the source has them, plus
:class:`Span` annotations over character offsets. Annotators only ever add spans; the one
place that turns spans into nested TEI elements is :mod:`editio.tei.inline`. Keeping the
source characters untouched until that last step is what makes "every word in order"
checkable at every stage.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterator


def xml_id(stem: str) -> str:
    ident = re.sub(r"[^\w.-]", "_", stem, flags=re.ASCII)
    return ident if re.match(r"[A-Za-z_]", ident) else "d" + ident


@dataclass
class Span:
    """An element over ``text[start:end]`` of an :class:`Inline`.

    ``replace=False``: the element wraps those characters (persName, date, rs).
    ``replace=True``: the element stands *instead of* those characters, which are markup
    of the raw text rather than text (the ``[Page 4]`` marker, a footnote number); its
    own content, if any, is ``content`` (the footnote's text).
    Where two wrapping spans cross, the one with the higher ``priority`` survives.
    """

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    replace: bool = False
    content: "Inline | None" = None
    priority: int = 0


@dataclass
class Inline:
    text: str
    spans: list[Span] = field(default_factory=list)
    # (starts, ends) of the replacing spans, sorted: built on demand, dropped when a span is added
    _markers: tuple[list[int], list[int]] | None = field(default=None, repr=False, compare=False)

    def add(self, span: Span) -> None:
        self.spans.append(span)
        if span.replace:
            self._markers = None

    def covered(self, start: int, end: int) -> bool:
        """True where [start, end) overlaps a span that replaces text (markers are not words)."""
        if self._markers is None:
            marks = sorted((s.start, s.end) for s in self.spans if s.replace)
            self._markers = ([a for a, _ in marks], [b for _, b in marks])
        starts, ends = self._markers
        # markers never overlap each other, so their ends are sorted too
        i = bisect_left(ends, start + 1)
        return i < len(starts) and starts[i] < end


@dataclass
class Block:
    """A block-level TEI element: ``tag`` with ``attrs``, its own inline text, then children.

    A block has either inline content (``inline``) or block children, or both for the
    few TEI elements that mix them (a ``signed`` holding a list).
    """

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    inline: Inline | None = None
    children: list["Block"] = field(default_factory=list)

    def walk(self) -> Iterator["Block"]:
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass
class Footnote:
    """A note from the list after the text: its position in that list (1-based) and text."""

    index: int
    inline: Inline
    label: str | None = None  # the original number once the anchor is found ("12", "24a")


@dataclass
class Document:
    stem: str
    profile: str
    body: Block  # the document's <div>
    # enclosures and annexes: divisions of their own after the document's (TEI allows nothing
    # but closing matter after a closer, so they cannot sit inside it)
    attachments: list[Block] = field(default_factory=list)
    title: str = ""
    footnotes: list[Footnote] = field(default_factory=list)
    date: str | None = None  # ISO date of the document, where known
    # what the conversion did, for the header's encodingDesc: one sentence each
    decisions: list[str] = field(default_factory=list)
    # web chrome and other source text left out on purpose: (what, the text itself)
    removed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # persons named in the document: id -> register entry (filled by the persons annotator)
    persons: dict[str, object] = field(default_factory=dict)
    # person names a reader found as metadata (web article participants list): "Matsuoka, Yosuke"
    participants: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The document's xml:id, derived from the file stem (an XML name: no leading digit)."""
        return xml_id(self.stem)

    def blocks(self) -> Iterator[Block]:
        yield from self.body.walk()
        for a in self.attachments:
            yield from a.walk()

    def inlines(self) -> Iterator[Inline]:
        """Every inline run in document order, footnote texts last."""
        for b in self.blocks():
            if b.inline is not None:
                yield b.inline
        for fn in self.footnotes:
            yield fn.inline
