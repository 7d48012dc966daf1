"""Plain text: anything no other reader recognises.

Paragraphs are separated by blank lines; the first line is the title when it reads like one
(short, a line of its own, not ending like a sentence). Page breaks, footnotes and dates are
found by the same annotators as for every other kind.
"""
from __future__ import annotations

from ..model import Block, Document, Inline
from .blocks import split_blocks, split_footnotes
from .frus import PAGE_ONLY

NAME = "plain"
DESCRIPTION = "plain text: paragraphs separated by blank lines"


def sniff(text: str) -> int:
    return 1


def _title_like(text: str) -> bool:
    return "\n" not in text and len(text) <= 120 and not text.endswith((".", ",", ";", ":")) and text[:1].isupper()


def read(text: str, stem: str) -> Document:
    body_text, footnotes, warnings = split_footnotes(text)
    raw = split_blocks(body_text)
    div = Block("div", {"type": "text"})
    doc = Document(stem=stem, profile=NAME, body=div, footnotes=footnotes, warnings=warnings, title=stem)
    if raw and _title_like(raw[0].text) and len(raw) > 1:
        doc.title = raw[0].text
        div.children.append(Block("head", inline=Inline(raw.pop(0).text)))
    for rb in raw:
        m = PAGE_ONLY.match(rb.text)
        div.children.append(Block("pb", {"n": m.group(1)}) if m else Block("p", inline=Inline(rb.text)))
    return doc
