"""Page breaks: ``[Page N]`` in the running text becomes ``<pb n="N"/>`` where it stood.

Only that exact form is a page break. ``[8580]``, ``[11]``, ``[of]``, ``[Extract]`` and the
editors' expansions ``S[umner]`` are text. The spaces around the marker stay in the text, so
the words on either side keep their spacing.
"""
from __future__ import annotations

import re

from ..model import Document, Span

MARKER = re.compile(r"\[Page ([0-9]+[a-z]?|[ivxlcdm]+|[IVXLCDM]+)\]")


def annotate_pages(doc: Document) -> int:
    """Add a pb span for every marker in the body; returns how many."""
    count = sum(1 for b in doc.blocks() if b.tag == "pb")
    for inline in doc.inlines():
        for m in MARKER.finditer(inline.text):
            inline.add(Span(m.start(), m.end(), "pb", {"n": m.group(1)}, replace=True, priority=100))
            count += 1
    return count
