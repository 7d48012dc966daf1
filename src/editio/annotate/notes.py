"""Footnote anchors: put each listed footnote back where its number stood, with that number.

The page text lists the notes renumbered from 1 after the body; in the body each note's
original number (10, 11, 12 ...) sits where the superscript was, glued to the character
before it (``Ambassador10``, ``ago,11``, ``193712``) or, where the page had a space, alone
(``Athens 1661 3 and``). The original numbers run consecutively through the document, so
the anchors are found together: among all the ways of reading digits in the body as
anchors, the one that gives every listed note a number, in document order, in a run
N, N+1, N+2 ... (letter-suffixed insertions such as ``24a`` and repeated numbers allowed)
at the least cost. Costs say how anchor-like a reading is: glued to a word costs nothing,
splitting a year (``1937|12``) or a day (``28|49``) a little, a free-standing number more,
and leaving a note without an anchor most. That is what keeps ``27 vessels``, ``No. 98``,
``Your 1600`` and ``pp. 151186`` as text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, Document, Footnote, Inline, Span
from .dates import MONTH

# a run of digits, with the letter of an inserted note ("24a") where one follows
_RUN = re.compile(r"(?<!\d)(\d{1,7})([a-c])?(?!\w)")
_CLOSING = set(".,;:!?)]”’\"'»")
_SKIP = 10.0  # a note left without an anchor
_STANDALONE = 3.0
_REPEAT = 3.0
_JUMP = 4.0  # a number the volume skipped between two notes
_MAX_GAP = 3  # unanchored notes, or skipped numbers, between two anchors


@dataclass
class Candidate:
    inline: Inline
    start: int  # where the anchor's digits begin
    end: int  # after the digits (and letter suffix)
    number: int
    suffix: str
    cost: float
    run: int  # digit runs are exclusive: one reading per run

    @property
    def label(self) -> str:
        return f"{self.number}{self.suffix}"


_MONTH_BEFORE = re.compile(rf"{MONTH} $")


_YEAR_AFTER = re.compile(r"\d?,? \d{4}")


def _split_cost(text: str, start: int, prefix: str) -> float:
    """What reading a digit run as a number and a note costs: ``1937|12`` (a year) is likelier
    than ``January 28|49`` (a day after its month), which is likelier than anything else."""
    if len(prefix) == 4 and prefix[:2] in ("17", "18", "19", "20"):
        return 1.0
    if len(prefix) <= 2 and int(prefix) <= 31 and _MONTH_BEFORE.search(text, max(0, start - 11), start):
        # "September 12, 1955": with its year after it, the day is a day and no anchor
        return 3.5 if _YEAR_AFTER.match(text, start + len(prefix) + 1) else 1.5
    return 4.0


def candidates(inlines: list[Inline], labels: frozenset[int] = frozenset()) -> list[Candidate]:
    """Every reading of digits as a note number. In the inlines whose ``id`` is in ``labels``
    (file numbers, "[Enclosure]") only a number standing alone at the very end counts."""
    out: list[Candidate] = []
    run_no = 0
    for inline in inlines:
        text = inline.text
        for m in _RUN.finditer(text):
            if id(inline) in labels and not (m.end() == len(text.rstrip()) and text[m.start() - 1:m.start()] == " "):
                continue
            digits, suffix = m.group(1), m.group(2) or ""
            start, end = m.start(), m.end()
            if inline.covered(start, end):
                continue
            nxt, nxt2 = text[end:end + 1], text[end + 1:end + 2]
            # 3.5, 1,000, 8:30, 7-1-41, 711.94/2093: the digits go on past the separator
            if nxt in ".,:/-–" and nxt2.isdigit():
                continue
            before = text[start - 1] if start else ""
            if before in "/$#§£€(-–" or (before == ":" and start >= 2 and text[start - 2].isdigit()):
                continue  # 10:30, $1, No. 5/3: part of another number
            run_no += 1
            for k in range(len(digits)):
                if digits[k] == "0":
                    continue
                cost = _cost(text, start, digits, k)
                if cost is None:
                    continue
                out.append(Candidate(inline, start + k, end, int(digits[k:]), suffix, cost, run_no))
    return out


def _cost(text: str, start: int, digits: str, k: int) -> float | None:
    if k:
        prefix = digits[:k]
        before = text[start - 1] if start else " "
        if before.isalpha():  # "A19412": no reading of that as a number and a note
            return None
        return _split_cost(text, start, prefix)
    before = text[start - 1] if start else ""
    if not before or before.isspace():
        return _STANDALONE
    if before.isalpha():
        return 0.0
    if before in _CLOSING:
        before2 = text[start - 2] if start >= 2 else ""
        if before == ":" and before2.isdigit():
            return None
        # "March 31, 1941.22" is a real anchor, but a number after a number is also a list
        return 1.0 if before2.isdigit() else 0.0
    return _STANDALONE


def _predecessors(number: int, suffix: str, i: int):
    """Where the run may have been just before note ``i`` read as ``number``+``suffix``.

    Yields (note index, number, suffix or None for any, cost of the step). Besides the plain
    step from n-1 to n: an inserted note (24 -> 24a -> 24b), a repeated number, numbers the
    volume skipped here (``_JUMP`` each), and listed notes left without an anchor (``_SKIP``).
    """
    if suffix:
        prev = chr(ord(suffix) - 1)
        yield i - 1, number, "" if prev < "a" else prev, 0.0
        yield i - 1, number, suffix, _REPEAT
        return
    yield i - 1, number, "", _REPEAT
    for gap in range(_MAX_GAP + 1):
        if i - 1 - gap < 0:
            break
        for missing in range(_MAX_GAP + 1):
            yield i - 1 - gap, number - 1 - missing, None, gap * _SKIP + abs(missing - gap) * _JUMP


_WORK = 3_000_000  # candidate x note pairs the search may weigh (a few seconds at most)


def _affordable(cands: list[Candidate], k: int) -> list[Candidate]:
    """In a very long text with many notes, weigh the likeliest readings only: first drop
    free-standing numbers and odd splits, then all but numbers glued to a word."""
    for limit in (99.0, 2.0, 0.0):
        kept = [c for c in cands if c.cost <= limit]
        if len(kept) * k <= _WORK:
            return kept
    return kept


def find_anchors(footnotes: list[Footnote], inlines: list[Inline],
                 labels: frozenset[int] = frozenset()) -> dict[int, Candidate]:
    """Note index (0-based) -> chosen candidate, for the cheapest consistent reading."""
    k = len(footnotes)
    if not k:
        return {}
    cands = _affordable(candidates(inlines, labels), k)
    # best[i][(number, suffix)] = (cost, candidate index, back pointer (i', label) or None)
    best: list[dict[tuple[int, str], tuple[float, int, tuple | None]]] = [dict() for _ in range(k)]
    # the cheapest entry of best[i] for each number whatever its suffix ("any suffix" predecessors)
    by_num: list[dict[int, tuple[float, tuple[int, str]]]] = [dict() for _ in range(k)]
    j = 0
    while j < len(cands):
        run = cands[j].run
        updates = []
        while j < len(cands) and cands[j].run == run:
            c = cands[j]
            for i in range(k):
                options = [(i * _SKIP + c.cost, None)]  # notes before i unanchored, this the first anchor
                for pi, pn, ps, step in _predecessors(c.number, c.suffix, i):
                    if pi < 0 or pn < 1:
                        continue
                    if ps is None:
                        hit = by_num[pi].get(pn)
                        if hit:
                            options.append((hit[0] + step + c.cost, (pi, hit[1])))
                    else:
                        hit2 = best[pi].get((pn, ps))
                        if hit2:
                            options.append((hit2[0] + step + c.cost, (pi, (pn, ps))))
                cost, back = min(options, key=lambda o: o[0])
                updates.append((i, (c.number, c.suffix), cost, j, back))
            j += 1
        for i, label, cost, cj, back in updates:
            old = best[i].get(label)
            if old is None or cost < old[0]:
                best[i][label] = (cost, cj, back)
                num = by_num[i].get(label[0])
                if num is None or cost < num[0]:
                    by_num[i][label[0]] = (cost, label)
    # the end: the last anchored note i, then k-1-i notes without anchors
    final = (k * _SKIP, None)
    for i in range(k):
        for label, (cost, _cj, _back) in best[i].items():
            total = cost + (k - 1 - i) * _SKIP
            if total < final[0]:
                final = (total, (i, label))
    chosen: dict[int, Candidate] = {}
    at = final[1]
    while at is not None:
        i, label = at
        cost, cj, back = best[i][label]
        chosen[i] = cands[cj]
        at = back
    return chosen


def annotate_notes(doc: Document) -> None:
    """Anchor the document's footnotes; unanchored notes go to the end of the text, with a warning."""
    inlines = [b.inline for b in doc.blocks() if b.inline is not None]
    labels = frozenset(id(b.inline) for b in doc.blocks() if b.inline is not None and b.tag == "note")
    chosen = find_anchors(doc.footnotes, inlines, labels)
    labels = _labels(doc.footnotes, chosen)
    for i, fn in enumerate(doc.footnotes):
        fn.label = labels[i]
        attrs = {"n": labels[i], "place": "foot", "xml:id": f"{doc.id}-fn{fn.index}"}
        c = chosen.get(i)
        if c is None:
            doc.warnings.append(f"footnote {fn.index} of the list ({_excerpt(fn.inline.text)}) has no anchor in the "
                                f"text; kept at the end of the document as note {labels[i]}")
            doc.body.children.append(Block("note", attrs, fn.inline))
            continue
        c.inline.add(Span(c.start, c.end, "note", attrs, replace=True, content=fn.inline, priority=90))
    if doc.footnotes:
        given = [labels[i] for i in range(len(doc.footnotes))]
        doc.decisions.append(
            f"The {len(given)} footnote{'s' if len(given) > 1 else ''} listed after the text, renumbered from 1 in the "
            f"source, {'are' if len(given) > 1 else 'is'} restored to the original number{'s' if len(given) > 1 else ''} "
            f"({', '.join(given)}) and placed at {'their anchors' if len(given) > 1 else 'its anchor'} in the text.")
    else:
        _warn_orphan_anchors(doc, [i for i in inlines if id(i) not in labels])


def _labels(footnotes: list[Footnote], chosen: dict[int, Candidate]) -> list[str]:
    """Original numbers: from the anchors, and for unanchored notes counted on from a neighbour."""
    labels: list[str | None] = [chosen[i].label if i in chosen else None for i in range(len(footnotes))]
    for i in range(len(labels)):
        if labels[i] is None:
            prev = next((j for j in range(i - 1, -1, -1) if j in chosen), None)
            nxt = next((j for j in range(i + 1, len(labels)) if j in chosen), None)
            if prev is not None:
                labels[i] = str(chosen[prev].number + (i - prev))
            elif nxt is not None and chosen[nxt].number - (nxt - i) >= 1:
                labels[i] = str(chosen[nxt].number - (nxt - i))
            else:
                labels[i] = str(footnotes[i].index)
    return labels  # type: ignore[return-value]


_GLUED = re.compile(r"(?<=[a-z])\d{1,3}[a-c]?(?!\w)")


def _warn_orphan_anchors(doc: Document, inlines: list[Inline]) -> None:
    """Numbers glued to a word look like anchors; without a note list they stay text, with a warning."""
    seen = []
    for inline in inlines:
        for m in _GLUED.finditer(inline.text):
            if not inline.covered(m.start(), m.end()):
                seen.append(inline.text[max(0, m.start() - 12):m.end()].split()[-1])
    if seen:
        many = len(seen) > 1
        doc.warnings.append(f"{len(seen)} number{'s' if many else ''} glued to a word look{'' if many else 's'} like "
                            f"footnote anchor{'s' if many else ''} ({', '.join(seen[:5])}) but the text has no "
                            f"footnote list; kept as text")


def _excerpt(text: str, n: int = 40) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[:n - 1] + "…"
