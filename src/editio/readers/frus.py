"""FRUS page text: a document of *Foreign Relations of the United States* as its web page reads.

The shape (see ``page_text.py`` in the benchmark): the State Department file number on the
first line when there is one, the heading, a dateline, paragraphs, the signature, and after
them the footnotes, renumbered from 1 and indented two spaces. Attachments ("[Enclosure]")
repeat the heading/dateline/paragraphs/signature pattern inside the document. The encoding
follows the Office of the Historian's own TEI (``frus-gold``): ``note type="source"`` for
the file number and for an attachment's label ("[Enclosure]"), ``opener/dateline``, ``closer/signed``, ``div type="attachment"``,
``list`` of ``label`` + ``item`` for numbered paragraphs.
"""
from __future__ import annotations

import re

from ..annotate.dates import FULL_MONTH
from ..annotate.pages import MARKER
from ..model import Block, Document, Inline
from .blocks import RawBlock, split_blocks, split_footnotes

NAME = "frus"
DESCRIPTION = "FRUS page text (Foreign Relations of the United States, as its web page reads)"

# 761.94/1300 · 740.00111 A.R.N.C./2113/6 · 810.20 Defense/1245a · 893.5151/441: Telegram
FILE_NUMBER = re.compile(
    r"^\d{1,4}(?:\.[\dA-Za-z]+)*(?:\s+[A-Za-z][\w.]*){0,3}/[\w./½¼¾⅓⅔–-]+(?::\s*[A-Za-z][A-Za-z ]{0,40})?$"
)
# Tokyo, April 2, 1938—8 p.m. [Received April 2—10:30 a.m.] · [Washington,] May 14, 1941.
DATELINE = re.compile(
    rf"^(?:\[?[A-Z][^\n,\[\]]{{0,60}},\]?\s+)?\[?(?:{FULL_MONTH}\s+\d{{1,2}},\s+\d{{4}}|undated)\]?"
    r"[^\n]{0,40}?\.?\]?(?:\s*\[(?:Received|Sent)[^\]\n]{0,80}\]\.?)?$"
)
ATTACHMENT = re.compile(r"^\[(?:Enclosure|Subenclosure|Annex|Attachment|Appendix|Tab)\b[^\]\n]{0,40}\]"
                        r"(?: \d{1,3}[a-c]?)?$")
# "270. Memorandum From the Assistant Secretary ...", "1. Editorial Note": later volumes number their headings
HEADING_NO = re.compile(r"^\d{1,4}\. (?:Editorial Note|Memorandum|Telegram|Letter|Despatch|Message|Note|Instruction|"
                        r"Circular|Airgram|Paper|Report|Minutes|Notes|Record|Draft|Statement|Intelligence|National)\b")
DESPATCH_NO = re.compile(r"^No\. \d+[A-Za-z]?$")
PAGE_ONLY = re.compile(rf"^{MARKER.pattern}$")  # a page marker standing alone between paragraphs
# "1. ", "1) ", "(1) ", "a. ", "(a) ", "A. " at the start of a paragraph
LABEL = re.compile(r"^(?P<open>\()?(?P<mark>\d{1,2}|[a-z]|[A-Z])(?P<close>[.)])\s+\S")
_SIG_TOKEN = re.compile(
    r"^(?:[A-Z][\w’'-]*\.?|[A-Z]\[[^\]\s]+\]\.?|[A-Z]\.|(?:von|van|de|der|del|la|da)|[A-Z][\w’'-]*\[[^\]\s]+\]|[A-Z]\[[^\]\s]+)$"
)
# words that start a closing phrase or a label, never a signature
_NOT_SIG = {"Sincerely", "Respectfully", "Very", "Enclosure", "Enclosures", "Attachment", "Memorandum", "Telegram",
            "Secret", "Confidential", "Strictly", "Personal", "Subject", "SUBJECT", "Participants", "Discussion",
            "Recommendations", "Recommendation", "Annex", "Editorial", "Note", "Not", "Infra", "Supra", "The"}


def sniff(text: str) -> int:
    """How sure this reader is that ``text`` is FRUS page text (0-100)."""
    first = text.lstrip().split("\n", 1)[0].strip()
    score = 0
    if FILE_NUMBER.match(first):
        score += 60
    elif HEADING_NO.match(first):
        score += 50
    if re.search(r"\[Page \d+\]", text):
        score += 30
    if re.search(r"\n  1\. \S", text):
        score += 30
    if re.search(r"\bSecretary of State\b|\bMemorandum\b|\bTelegram\b|\bAmbassador\b", text[:2000]):
        score += 10
    return min(score, 100)


ANCHOR_ONLY = re.compile(r"^\d{1,3}[a-c]?$")
_GLUED_ANCHOR = re.compile(r"(?<=\D)\d{1,3}[a-c]?$")


def is_signature(text: str) -> bool:
    if "\n" in text or len(text) > 60:
        return False
    # a footnote number after the name ("Jr.5", "Hoover, Jr. 4") is not part of it
    tokens = [_GLUED_ANCHOR.sub("", t).rstrip(",") for t in text.split()]
    if tokens and ANCHOR_ONLY.match(tokens[-1]):
        tokens.pop()
    if not 1 <= len(tokens) <= 5 or tokens[0] in _NOT_SIG or text.endswith((":", ",", ";")):
        return False
    return all(_SIG_TOKEN.match(t) for t in tokens) and not (len(tokens) == 1 and tokens[0].endswith("."))


def read(text: str, stem: str) -> Document:
    body_text, footnotes, warnings = split_footnotes(text)
    raw = _merge_anchor_blocks(split_blocks(body_text))
    div = Block("div", {"type": "document"})
    doc = Document(stem=stem, profile=NAME, body=div, footnotes=footnotes, warnings=warnings)
    if raw and FILE_NUMBER.match(raw[0].text) and "\n" not in raw[0].text:
        div.children.append(Block("note", {"type": "source", "rend": "inline"}, Inline(raw[0].text)))
        raw = raw[1:]
    # attachments split the document: each "[Enclosure]" opens a part of its own
    parts: list[list[RawBlock]] = [[]]
    for rb in raw:
        if ATTACHMENT.match(rb.text):
            parts.append([rb])
        else:
            parts[-1].append(rb)
    div.children.extend(_part(parts[0], top=True))
    for part in parts[1:]:
        att = Block("div", {"type": "attachment"})
        # the editors' label of the attachment: an inline source note, as in the FRUS editors' own TEI
        att.children.append(Block("note", {"type": "source", "rend": "inline"}, Inline(part[0].text)))
        att.children.extend(_part(part[1:], top=False))
        doc.attachments.append(att)
    head = next((b for b in div.children if b.tag == "head"), None)
    doc.title = _title(head.inline.text) if head else stem
    return doc


def _merge_anchor_blocks(raw: list[RawBlock]) -> list[RawBlock]:
    """A block that is only a number is a footnote anchor standing after a block-level element
    (a note on a signature, on "[Enclosure]"): it joins the block before it."""
    out: list[RawBlock] = []
    for rb in raw:
        if out and ANCHOR_ONLY.match(rb.text):
            out[-1] = RawBlock(out[-1].text + " " + rb.text, out[-1].line)
        else:
            out.append(rb)
    return out


def _title(head: str) -> str:
    # the heading's own text without the page's footnote numbers or page markers
    t = re.sub(r"\s*\[Page \w+\]\s*", " ", head)
    return " ".join(t.split())


def _part(raw: list[RawBlock], top: bool) -> list[Block]:
    out: list[Block] = []
    rest = list(raw)
    # heading: the first block (an attachment's heading only when it does not read as a paragraph)
    if rest and not PAGE_ONLY.match(rest[0].text) and (top or _heading_like(rest[0].text)):
        out.append(Block("head", inline=Inline(rest.pop(0).text)))
    opener = Block("opener")
    if len(rest) > 1 and DESPATCH_NO.match(rest[0].text) and DATELINE.match(rest[1].text):
        opener.children.append(Block("seg", {"type": "number"}, Inline(rest.pop(0).text)))
    if rest and DATELINE.match(rest[0].text):
        opener.children.append(Block("dateline", inline=Inline(rest.pop(0).text)))
    if opener.children:
        out.append(opener)
    closer, after = _closer(rest)
    out.extend(_paragraphs(rest))
    if closer:
        out.append(closer)
    out.extend(after)
    return out


def _heading_like(text: str) -> bool:
    return len(text) <= 300 and "\n" not in text and not text.rstrip().endswith((".", ":"))


def _closer(rest: list[RawBlock]) -> tuple[Block | None, list[Block]]:
    """Take the signature (and a dateline after it) off the end of ``rest``.

    Returns the closer and the page breaks that followed the signature, which stay after it.
    """
    i = len(rest) - 1
    while i >= 0 and PAGE_ONLY.match(rest[i].text):
        i -= 1
    dateline = None
    if i >= 1 and DATELINE.match(rest[i].text) and is_signature(rest[i - 1].text):
        dateline = rest[i]
        i -= 1
    if i >= 1 and dateline is None and DATELINE.match(rest[i].text):
        # a place and date closing the text without a signature ("Tokyo, April 20, 1938.")
        closer = Block("closer", children=[Block("dateline", inline=Inline(rest[i].text))])
    elif i >= 1 and is_signature(rest[i].text):
        closer = Block("closer", children=[Block("signed", inline=Inline(rest[i].text))])
        if dateline:
            closer.children.append(Block("dateline", inline=Inline(dateline.text)))
    else:
        return None, []
    after = [Block("pb", {"n": PAGE_ONLY.match(b.text).group(1)}) for b in rest[i + 1:] if b is not dateline]
    del rest[i:]
    return closer, after


def _paragraphs(rest: list[RawBlock]) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(rest):
        text = rest[i].text
        m = PAGE_ONLY.match(text)
        if m:
            out.append(Block("pb", {"n": m.group(1)}))
            i += 1
            continue
        run = _numbered_run(rest, i)
        if run > 1:
            lst = Block("list")
            for k in range(i, i + run):
                t = rest[k].text
                if PAGE_ONLY.match(t):
                    lst.children.append(Block("pb", {"n": PAGE_ONLY.match(t).group(1)}))
                    continue
                label, item = t.split(None, 1)
                lst.children.append(Block("label", inline=Inline(label)))
                lst.children.append(Block("item", inline=Inline(item)))
            out.append(lst)
            i += run
            continue
        out.append(Block("p", inline=Inline(text)))
        i += 1
    return out


def _label_scheme(text: str) -> tuple[str, str, str] | None:
    """How a list label is written: ("1", ".", "") for "1. ", ("a", ")", "(") for "(a) " ..."""
    m = LABEL.match(text)
    if not m:
        return None
    return m.group("open") or "", m.group("close"), m.group("mark")


def _nth(mark: str) -> int:
    return int(mark) if mark.isdigit() else ord(mark.lower()) - ord("a") + 1


def _numbered_run(rest: list[RawBlock], i: int) -> int:
    """Length of a run of blocks labelled 1., 2., 3. ... (or a), b) ..., (A), (B) ...) from ``i``;
    page markers inside the run count. A single numbered paragraph (a telegram's "220.") is no list."""
    first = _label_scheme(rest[i].text)
    if first is None or _nth(first[2]) != 1:
        return 0
    expect, k = 1, i
    while k < len(rest):
        t = rest[k].text
        if PAGE_ONLY.match(t) and k > i:
            k += 1
            continue
        sch = _label_scheme(t)
        if sch is None or sch[:2] != first[:2] or _nth(sch[2]) != expect or (sch[2].isdigit() != first[2].isdigit()) \
                or (sch[2].isupper() != first[2].isupper()):
            break
        expect += 1
        k += 1
    while k > i and PAGE_ONLY.match(rest[k - 1].text):
        k -= 1
    return k - i if expect > 2 else 0
