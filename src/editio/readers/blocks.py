"""What every text reader shares: cutting a raw text into blocks and the footnote list."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Footnote, Inline

# "  12. Note text": the footnotes after the body, indented two spaces (FRUS page text)
_NOTE_LINE = re.compile(r"^ {2}(\d+)\.[ \t]?(.*)$")
_BLANK = re.compile(r"\n[ \t]*\n")


@dataclass
class RawBlock:
    text: str  # stripped of surrounding whitespace, inner line breaks kept
    line: int  # 1-based line of the source where it starts


def split_footnotes(text: str) -> tuple[str, list[Footnote], list[str]]:
    """Cut the trailing footnote list off ``text``; returns body, notes, warnings.

    The list is the run of two-space-indented numbered lines at the very end of the text.
    Its numbers are the page's renumbering (1, 2, 3 ...): the original ones are found at
    the anchors later, so the numbers here only have to run in order.
    """
    lines = text.split("\n")
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and _NOTE_LINE.match(lines[start - 1]):
        start -= 1
    found = [_NOTE_LINE.match(l) for l in lines[start:end]]
    # the list must start at 1: anything before a "  1." belongs to the body
    first = next((i for i, m in enumerate(found) if m.group(1) == "1"), None)
    if first is None:
        return text, [], []
    start += first
    found = found[first:]
    warnings = []
    numbers = [int(m.group(1)) for m in found]
    if numbers != list(range(1, len(numbers) + 1)):
        warnings.append(f"the footnote list is numbered {numbers[:10]}..., not 1, 2, 3 ...; taken in the order given")
    notes = [Footnote(i, Inline(m.group(2).strip())) for i, m in enumerate(found, 1)]
    return "\n".join(lines[:start]), notes, warnings


def split_blocks(text: str, first_line: int = 1) -> list[RawBlock]:
    """Blocks are separated by one or more blank lines."""
    out = []
    pos = 0
    line = first_line
    for m in list(_BLANK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append(RawBlock(chunk.strip(), line + chunk[:lead].count("\n")))
        if m:
            line += text[pos:m.end()].count("\n")
            pos = m.end()
    return out
