"""The document model as a TEI P5 document: header and text."""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .. import __version__
from ..model import Block, Document
from .inline import TEI_NS, XML_NS, fill, qname, set_attrs


@dataclass
class Source:
    """Where the raw text came from and how its bytes were read."""

    filename: str
    sha256: str
    encoding: str
    how: str
    line_ends: str
    dropped: int = 0
    nbsp: int = 0
    citation: dict[str, str] | None = None


@dataclass
class Publication:
    """The publication statement, from the project's configuration (``editio.toml``)."""

    publisher: str = "Unpublished working encoding (editio project)"
    licence: str = "The source texts are in the public domain; this encoding is dedicated to the public domain (CC0 1.0)."
    licence_url: str = "https://creativecommons.org/publicdomain/zero/1.0/"
    extra: dict[str, str] = field(default_factory=dict)


def _el(parent, tag, text=None, **attrs):
    el = etree.SubElement(parent, qname(tag))
    set_attrs(el, {k.replace("_", ":", 1) if k.startswith("xml_") else k: v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def build(doc: Document, source: Source, publication: Publication, listperson=None) -> etree._Element:
    root = etree.Element(qname("TEI"), nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}id", doc.id)
    root.set(f"{{{XML_NS}}}lang", "en")
    _header(root, doc, source, publication, listperson)
    text = _el(root, "text")
    body = _el(text, "body")
    _block(body, doc.body)
    for attachment in doc.attachments:
        _block(body, attachment)
    _indent(root, 0)
    return root


def serialise(root: etree._Element) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8", xml_declaration=False) + b"\n"


def _header(root, doc: Document, source: Source, pub: Publication, listperson) -> None:
    h = _el(root, "teiHeader")
    fd = _el(h, "fileDesc")
    ts = _el(fd, "titleStmt")
    _el(ts, "title", doc.title)
    es = _el(fd, "editionStmt")
    ed = _el(es, "edition", "TEI encoding made by ")
    _el(ed, "name", "editio", type="software").tail = " "
    _el(ed, "num", __version__, type="version")
    pages = sum(1 for b in doc.blocks() if b.tag == "pb") + sum(
        1 for i in doc.inlines() for s in i.spans if s.tag == "pb")
    ext = _el(fd, "extent")
    _el(ext, "measure", _plural(pages, "page break"), unit="pagebreak", quantity=str(pages)).tail = ", "
    _el(ext, "measure", _plural(len(doc.footnotes), "footnote"), unit="footnote", quantity=str(len(doc.footnotes)))
    ps = _el(fd, "publicationStmt")
    _el(ps, "publisher", pub.publisher)
    av = _el(ps, "availability", status="free")
    _el(av, "licence", pub.licence, target=pub.licence_url)
    _el(ps, "idno", root.get(f"{{{XML_NS}}}id"), type="editio")
    sd = _el(fd, "sourceDesc")
    bibl = _el(sd, "bibl")
    c = source.citation
    if c:
        _el(bibl, "title", c["title"], level="m").tail = ", " + c["part"] + ". " if c.get("part") else ". "
        if c.get("description"):
            _el(bibl, "note", c["description"] + ".", type="description")
        if c.get("publisher"):
            _el(bibl, "publisher", c["publisher"])
        if c.get("url"):
            _el(bibl, "ref", c["url"], target=c["url"])
    else:
        _el(bibl, "title", doc.title or source.filename)
    _el(bibl, "idno", source.filename, type="filename")
    _el(bibl, "idno", source.sha256, type="sha256")

    enc = _el(h, "encodingDesc")
    ai = _el(enc, "appInfo")
    app = _el(ai, "application", ident="editio", version=__version__)
    _el(app, "label", "editio")
    decl = _el(enc, "editorialDecl")
    from ..readers import describe

    _el(decl, "p", f"Converted from the raw text {source.filename} with the {doc.profile} reader "
                   f"({describe(doc.profile)}).")
    norm = _el(decl, "normalization")
    _el(norm, "p", _normalisation(source))
    for sentence in doc.decisions:
        _el(decl, "p", sentence)
    if doc.removed:
        p = _el(decl, "p", f"Left out as web page chrome, not part of the text ({_plural(len(doc.removed), 'passage')}):")
        lst = _el(p, "list", type="removed")
        for what, text in doc.removed:
            item = _el(lst, "item", f"{what}: ")
            _el(item, "q", text)
    for w in doc.warnings:
        _el(decl, "p", "Warning: " + w, rend="warning")

    pd = _el(h, "profileDesc")
    if doc.date:
        cr = _el(pd, "creation")
        _el(cr, "date", doc.date, when=doc.date)
    lu = _el(pd, "langUsage")
    _el(lu, "language", "English", ident="en")
    if listperson is not None:
        pdesc = _el(pd, "particDesc")
        pdesc.append(listperson)

    rd = _el(h, "revisionDesc")
    _el(rd, "change", f"Encoded by editio {__version__} from {source.filename}.")


def _normalisation(s: Source) -> str:
    how = {"BOM": "identified by its byte order mark", "valid UTF-8": "valid UTF-8",
           "detected": "detected by charset-normalizer"}[s.how]
    parts = [f"The source was read as {s.encoding} ({how})"]
    if s.line_ends != "LF":
        parts.append(f"its {s.line_ends} line ends were normalised to LF")
    parts.append("the text was put in Unicode normalisation form NFC")
    if s.nbsp:
        parts.append(f"{_plural(s.nbsp, 'no-break space')} became ordinary spaces")
    parts.append(f"{_plural(s.dropped, 'character')} that XML cannot hold (control characters) "
                 f"{'was' if s.dropped == 1 else 'were'} removed")
    return "; ".join(parts) + "."


def _block(parent, block: Block) -> None:
    el = etree.SubElement(parent, qname(block.tag))
    set_attrs(el, block.attrs)
    if block.inline is not None:
        fill(el, block.inline)
        if block.tag == "note":
            # a footnote anchored on a label note ("[Enclosure] 6") follows it: notes do not nest
            for inner in reversed(el.findall(".//" + qname("note"))):
                el.addnext(inner)
    for child in block.children:
        _block(el, child)


# elements whose children are blocks: whitespace between them is layout, not text
_CONTAINERS = {"TEI", "teiHeader", "fileDesc", "titleStmt", "editionStmt", "publicationStmt", "sourceDesc",
               "encodingDesc", "appInfo", "application", "editorialDecl", "normalization", "profileDesc",
               "particDesc", "listPerson", "person", "langUsage", "revisionDesc", "creation", "text", "body",
               "div", "list", "opener", "closer", "floatingText", "availability"}


def _indent(el, level: int) -> None:
    """Indent the block structure only; mixed content is left exactly as written."""
    name = etree.QName(el).localname
    if name not in _CONTAINERS or (el.text and el.text.strip()) or not len(el):
        return
    if any(c.tail and c.tail.strip() for c in el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for c in el:
        _indent(c, level + 1)
        c.tail = pad
    el[-1].tail = "\n" + "  " * level
