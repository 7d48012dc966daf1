"""Web article: an encyclopaedia page saved as text (World War II Database, WW2DB).

The page's own text is the title, the date, the ``ww2dbase``-marked paragraphs (a treaty
quoted in full among them), a timeline and photo captions. Everything after that is the
site's chrome (appeal for support, share buttons, comment form, site search, related links,
the quote of the day) and is left out; the header lists each passage left out, with its
text, so nothing disappears silently. The "Participants" links name the article's persons
and are kept as metadata for the persons register.
"""
from __future__ import annotations

import re

from ..model import Block, Document, Inline
from .blocks import RawBlock, split_blocks

NAME = "webarticle"
DESCRIPTION = "web article from the World War II Database (ww2db.com) saved as text"

MARK = "ww2dbase"
_BULLET = re.compile(r"^\s*[•·▪◦*-]\s+")
_DATE_LINE = re.compile(r"^\d{1,2} [A-Z][a-z]{2} \d{4}$")
_TIMELINE_ITEM = re.compile(r"^\d{1,2} [A-Z][a-z]{2} \d{4} \S")
_TREATY_INTRO = re.compile(r"\b(?:text|terms)\b.*\b(?:treaty|pact|agreement|convention|declaration)\b.*follows:?$"
                           r"|\b(?:treaty|pact|agreement|convention)\b.*\bas follows:?$", re.I)
_TREATY_END = re.compile(r"^(?:In (?:confirmation|witness|faith) whereof|Done (?:at|in) )", re.I)
_ARTICLE = re.compile(r"^Article (\w+)\b", re.I)
_NUMBERS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
# the site's chrome, by its first words: (pattern, what it is, for the header)
_CHROME = [
    (re.compile(r"^.{0,200} file photo \[\d+\]$"), "the page's image caption"),
    (re.compile(r"^Contributor:\s*$"), "the empty contributor field"),
    (re.compile(r"^Did you enjoy this article\?"), "the appeal for support on Patreon"),
    (re.compile(r"^Share this article"), "the share buttons"),
    (re.compile(r"^(?:Facebook|Twitter|Google\+|StumbleUpon)\b"), "the share buttons"),
    (re.compile(r"^Stay updated with WW2DB"), "the RSS link"),
    (re.compile(r"^RSS Feeds"), "the RSS link"),
    (re.compile(r"^Posting Your Comments"), "the comment form"),
    (re.compile(r"^Your Name\b"), "the comment form"),
    (re.compile(r"^Note: We hope that visitor conversations"), "the comment policy"),
    (re.compile(r"^Search WW2DB"), "the site search and the article's related links"),
    (re.compile(r"^Location:"), "the article's related links"),
    (re.compile(r"^.{0,200} Photo Gallery\n"), "the photo gallery preview"),
    (re.compile(r"^Famous WW2 Quote"), "the quote of the day"),
]


def sniff(text: str) -> int:
    return 90 if MARK in text[:20000] else 0


def _chrome(text: str) -> str | None:
    return next((what for pat, what in _CHROME if pat.match(text)), None)


def read(text: str, stem: str) -> Document:
    raw = split_blocks(text)
    div = Block("div", {"type": "article"})
    doc = Document(stem=stem, profile=NAME, body=div, title=stem)
    blocks: list[RawBlock] = []
    ended = False
    for rb in raw:
        # once the page's furniture has begun, all that follows is the site's, not the article's;
        # an unrecognised block there (the quote's attribution) belongs with the block before it
        what = _chrome(rb.text) or (doc.removed[-1][0] if ended and doc.removed else None)
        if what is None:
            blocks.append(rb)
            continue
        ended = ended or what in ("the appeal for support on Patreon", "the share buttons")
        if what == "the site search and the article's related links":
            doc.participants.extend(_participants(rb.text))
        doc.removed.append((what, " ".join(rb.text.split())))
    marked = sum(1 for b in blocks if b.text.startswith(MARK))
    if marked:
        doc.decisions.append(f"The site's paragraph marker \"{MARK}\" was removed from the start of {marked} paragraphs.")
    _structure(doc, blocks)
    if doc.participants:
        doc.decisions.append("The article's list of participants (" + "; ".join(doc.participants)
                             + ") was used to identify the persons it names.")
    return doc


def _participants(text: str) -> list[str]:
    out, on = [], False
    for line in text.split("\n"):
        line = line.strip()
        if line.endswith(":"):
            on = line == "Participants:"
            continue
        if on and line.startswith("»"):
            out.append(line.lstrip("» ").strip())
    return out


def _strip(text: str) -> str:
    return text[len(MARK):] if text.startswith(MARK) else text


def _structure(doc: Document, blocks: list[RawBlock]) -> None:
    div = doc.body
    i = 0
    if i < len(blocks) and "\n" not in blocks[i].text and not blocks[i].text.startswith(MARK):
        doc.title = blocks[i].text
        div.children.append(Block("head", inline=Inline(blocks[i].text)))
        i += 1
    if i < len(blocks) and _DATE_LINE.match(blocks[i].text):
        div.children.append(Block("dateline", inline=Inline(blocks[i].text)))
        i += 1
    current = div
    treaty: Block | None = None
    closing = False
    while i < len(blocks):
        text = blocks[i].text
        i += 1
        if _BULLET.match(text):
            items = [_BULLET.sub("", line) for line in text.split("\n") if line.strip()]
            target = treaty.children[0] if treaty is not None else current
            if treaty is not None and closing:
                target.children.append(Block("closer", children=[Block("signed", children=[_list(items, "signatories")])]))
                treaty, closing = None, False
                continue
            kind = "articles" if all(_ARTICLE.match(t) for t in items) else None
            target.children.append(_list(items, kind))
            continue
        lines = [l for l in text.split("\n") if l.strip()]
        if all(_TIMELINE_ITEM.match(l) for l in lines):
            current.children.append(Block("list", {"type": "timeline"},
                                          children=[Block("item", inline=Inline(l)) for l in lines]))
            continue
        if not text.startswith(MARK) and "\n" not in text and len(text) <= 100 and not text.endswith("."):
            # a heading of the page's own: the timeline, the photographs
            kind = "timeline" if text.endswith("Timeline") else "photographs" if text == "Photographs" else "section"
            current = Block("div", {"type": kind}, children=[Block("head", inline=Inline(text))])
            div.children.append(current)
            treaty = None
            continue
        if current.attrs.get("type") == "photographs" and not text.startswith(MARK):
            for n, caption in enumerate(split_captions(text), 1):
                current.children.append(Block("figure", {"n": str(n)}, children=[Block("head", inline=Inline(caption))]))
            continue
        para = _strip(text)
        if not para.strip():
            continue  # a paragraph marker with nothing after it
        if para.startswith("Source:"):
            div.children.append(Block("bibl", {"type": "source"}, Inline(para)))
            continue
        if treaty is not None:
            treaty.children[0].children.append(Block("p", inline=Inline(para)))
            if _TREATY_END.match(para):
                closing = True
            continue
        current.children.append(Block("p", inline=Inline(para)))
        if _TREATY_INTRO.search(para):
            treaty = Block("floatingText", {"type": "treaty"}, children=[Block("body")])
            current.children.append(treaty)
    if any(b.tag == "floatingText" for b in div.walk()):
        doc.decisions.append("The treaty quoted in full is encoded as a text within the text (floatingText); "
                             "its bulleted lists of representatives, articles and signatories as lists.")


def _list(items: list[str], kind: str | None) -> Block:
    lst = Block("list", {"type": kind} if kind else {"type": "bulleted"})
    for t in items:
        attrs = {}
        m = _ARTICLE.match(t)
        if kind == "articles" and m:
            word = m.group(1).lower()
            attrs["n"] = str(_NUMBERS.get(word, word))
        lst.children.append(Block("item", attrs, Inline(t)))
    return lst


_JOIN = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z])")


def split_captions(text: str) -> list[str]:
    """Captions the page ran together ("...in backgroundJapanese Foreign...") split apart.

    A split falls where a lower-case word runs straight into a capitalised one; names like
    McArthur are safe because the part before the capital must be four lower-case letters
    that begin a word.
    """
    out, start = [], 0
    for m in _JOIN.finditer(text):
        word_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        if text[word_start:m.start()].islower():
            out.append(text[start:m.start()].strip())
            start = m.start()
    out.append(text[start:].strip())
    return [c for c in out if c]
