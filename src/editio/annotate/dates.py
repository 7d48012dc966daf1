"""Dates: ``April 13, 1941`` and ``13 Apr 1941`` become ``<date when="1941-04-13">``, ``Aug 1945``
``<date when="1945-08">``.

Only complete, real calendar dates are tagged (a ``when`` must be valid ISO 8601); a day and
month without a year, or "the 13th day of the fourth month of the 16th year of Showa", stay
text. A footnote number glued to the year (``1941.22``, ``194112``) is already a span of
its own; the year stops before it.
"""
from __future__ import annotations

import datetime as dt
import re

from ..model import Document, Inline, Span

_NAMES = "January February March April May June July August September October November December".split()
MONTHS = {m.lower(): i for i, m in enumerate(_NAMES, 1)}
MONTHS.update({m[:3].lower(): i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
# a month's name in full (as FRUS datelines write it), and in full or abbreviated ("Apr", "Sept.")
FULL_MONTH = "(?:" + "|".join(_NAMES) + ")"
MONTH = "(?:" + "|".join(_NAMES) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
DATE = re.compile(
    rf"\b(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH})\s+(?P<y2>\d{{4}})"
    rf"|(?P<m3>{MONTH})\s+(?P<y3>\d{{4}}))"
)


def iso(day: str | None, month: str, year: str) -> str | None:
    """ISO 8601 for a day (or, without one, a month) of the calendar; None for no such date."""
    try:
        d = dt.date(int(year), MONTHS[month.rstrip(".").lower()], int(day or 1))
    except (ValueError, KeyError):
        return None
    return d.isoformat() if day else d.isoformat()[:7]


def find_dates(inline: Inline) -> list[tuple[int, int, str]]:
    out = []
    text = inline.text
    for m in DATE.finditer(text):
        end = m.end()
        after = text[end:end + 1]
        # a fifth digit is only allowed where a footnote anchor begins
        if after.isdigit() and not inline.covered(end, end + 1):
            continue
        if inline.covered(m.start(), end):
            continue
        when = iso(m.group("d1") or m.group("d2"), m.group("m1") or m.group("m2") or m.group("m3"),
                   m.group("y1") or m.group("y2") or m.group("y3"))
        if when:
            out.append((m.start(), end, when))
    return out


def annotate_dates(doc: Document) -> None:
    """Tag every full date; the first date of the dateline (or of the text) dates the document."""
    for block in doc.blocks():
        if block.inline is None:
            continue
        for start, end, when in find_dates(block.inline):
            block.inline.add(Span(start, end, "date", {"when": when}, priority=50))
            if doc.date is None and block.tag == "dateline":
                doc.date = when
    for fn in doc.footnotes:
        for start, end, when in find_dates(fn.inline):
            fn.inline.add(Span(start, end, "date", {"when": when}, priority=50))
