"""Text fidelity: put a TEI file editio wrote back into the raw form it came from.

Page breaks become ``[Page n]`` again and each footnote its number at its anchor, the
note texts are collected in order; with whitespace squeezed out, that must equal the raw
text character for character (the whitespace is layout, everything else is the text).
"""
from __future__ import annotations

import re

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
_WS = re.compile(r"\s+")
_NOTE_LINE = re.compile(r"^ {2}\d+\.[ \t]?", re.M)


def squash(s: str) -> str:
    return _WS.sub("", s)


def reconstruct(root: etree._Element) -> tuple[str, list[str]]:
    """(the body as raw text, the footnote texts in document order)."""
    text = root.find(f"{TEI}text")
    notes: list[str] = []
    parts: list[str] = []

    def walk(el, out):
        tag = el.tag
        if tag == f"{TEI}pb":
            out.append(f"[Page {el.get('n')}]")
        elif tag == f"{TEI}note" and el.get("place") == "foot":
            out.append(el.get("n"))
            inner: list[str] = []
            inner.append(el.text or "")
            for c in el:
                walk(c, inner)
                inner.append(c.tail or "")
            notes.append("".join(inner))
            return
        else:
            out.append(el.text or "")
            for c in el:
                walk(c, out)
                out.append(c.tail or "")
            return

    walk(text, parts)
    return "".join(parts), notes


def split_raw(raw: str) -> tuple[str, list[str]]:
    """The raw text's body and its footnote list (without the list's own numbers)."""
    m = re.search(r"(?m)^  1\.[ \t]?", raw)
    if not m:
        return raw, []
    body, tail = raw[:m.start()], raw[m.start():]
    return body, [t for t in _NOTE_LINE.split(tail) if t.strip()]


def assert_faithful(raw: str, tei_path) -> None:
    root = etree.parse(str(tei_path)).getroot()
    body, notes = reconstruct(root)
    raw_body, raw_notes = split_raw(raw)
    assert squash(body) == squash(raw_body), _first_difference(squash(raw_body), squash(body))
    assert [squash(n) for n in notes] == [squash(n) for n in raw_notes]


def _first_difference(a: str, b: str) -> str:
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    return f"raw …{a[max(0, i - 40):i + 40]}… vs TEI …{b[max(0, i - 40):i + 40]}…"
