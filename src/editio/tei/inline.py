"""The one place where spans become nested TEI elements.

Annotators work independently and may propose spans that cross (a name running over the
end of a date, say). Spans are taken in order of priority and a span that would cross one
already taken is dropped; markers that stand for text (page breaks, note anchors) have the
highest priority, so no name or date can swallow half of one.
"""
from __future__ import annotations

from lxml import etree

from ..model import Inline, Span

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def qname(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def set_attrs(el: etree._Element, attrs: dict[str, str]) -> None:
    for k, v in attrs.items():
        el.set(f"{{{XML_NS}}}{k[4:]}" if k.startswith("xml:") else k, v)


def _crosses(a: Span, b: Span) -> bool:
    if a.replace or b.replace:
        # a marker is a point of the text: it may sit inside a wrapping span, never across one's edge
        r, o = (a, b) if a.replace else (b, a)
        if r.replace and o.replace:
            return r.start < o.end and o.start < r.end and not (r.start == r.end == o.start == o.end)
        return o.start < r.end and r.start < o.end and not (o.start <= r.start and r.end <= o.end)
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def _twin(a: Span, b: Span) -> bool:
    """The same element twice over the same text (two annotators agreeing) is written once."""
    return (a.start, a.end, a.tag, a.replace) == (b.start, b.end, b.tag, b.replace)


def resolve(spans: list[Span]) -> list[Span]:
    """Spans that nest, the crossing ones of lower priority dropped, in document order."""
    kept: list[Span] = []
    for cluster in _clusters(s for s in spans if s.end >= s.start):
        taken: list[Span] = []
        for s in sorted(cluster, key=lambda s: (-s.priority, s.start, -s.end)):
            if not any(_crosses(s, k) or _twin(s, k) for k in taken):
                taken.append(s)
        kept += taken
    # outer before inner: same start, longer first; a marker (empty range) before text it precedes
    kept.sort(key=lambda s: (s.start, -(s.end - s.start), not s.replace, -s.priority))
    return kept


def _clusters(spans):
    """Groups of spans that overlap one another (directly or through others): spans in different
    groups cannot cross, so each group is weighed on its own and a long text stays linear."""
    group: list[Span] = []
    reach = -1
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if group and s.start >= reach and not (s.start == s.end == reach):
            yield group
            group = []
        group.append(s)
        reach = max(reach, s.end) if len(group) > 1 else s.end
    if group:
        yield group


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def fill(parent: etree._Element, inline: Inline) -> None:
    """Write ``inline`` (text and spans) as the content of ``parent``."""
    spans = resolve(inline.spans)
    _fill(parent, inline.text, 0, len(inline.text), spans)


def _fill(parent: etree._Element, text: str, lo: int, hi: int, spans: list[Span]) -> None:
    pos = lo
    i = 0
    while i < len(spans):
        s = spans[i]
        _append_text(parent, text[pos:s.start])
        el = etree.SubElement(parent, qname(s.tag))
        set_attrs(el, s.attrs)
        # spans inside this one are the following spans that end within it
        j = i + 1
        while j < len(spans) and spans[j].start < s.end:
            j += 1
        inner = spans[i + 1:j]
        if s.replace:
            if s.content is not None:
                fill(el, s.content)
        else:
            _fill(el, text, s.start, s.end, inner)
        pos = s.end
        i = j
    _append_text(parent, text[pos:hi])
