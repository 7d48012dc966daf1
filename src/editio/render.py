"""Reading editions from TEI: HTML pages and plain text, made by the XSLT 1.0 stylesheets in xslt/.

The stylesheets do the work; this module parses the inputs safely, compiles each stylesheet once
per process, gives the stylesheets what they cannot read themselves (they run with every file and
network access denied) and writes the results atomically. A bad input costs one line in the
report and its own output, never the others'.
"""
from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import resources, xmlsafe
from .fsio import expand, write_atomic
from .persons.corpus import RegisterBuilder

TEI_NS = "http://www.tei-c.org/ns/1.0"
_T = f"{{{TEI_NS}}}"

FORMATS = ("html", "text")
REGISTER_NAME = "persons.xml"
INDEX_PAGE = "index.html"
PERSONS_PAGE = "persons.html"
# copied beside the pages: the pages link them rather than inline them
ASSETS = ("edition.css", "notes.js")
_SUFFIX = {"html": ".html", "text": ".txt"}


class RenderError(ValueError):
    """An input that cannot be rendered; the message is one line and names the file."""


@dataclass
class Report:
    written: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    documents: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@functools.cache
def _stylesheet(name: str) -> etree.XSLT:
    # the stylesheets are editio's own files, so they are parsed with lxml's parser directly
    # (their xsl:include must resolve); the documents they transform go through xmlsafe
    return etree.XSLT(etree.parse(str(resources.xslt(name))),
                      access_control=etree.XSLTAccessControl.DENY_ALL)


# where the index's title, date and source cells read (the date: creation, else the first dateline)
_INDEX_PARTS = [
    ("teiHeader/fileDesc/titleStmt/title", "teiHeader/fileDesc/titleStmt/title"),
    ("teiHeader/fileDesc/sourceDesc", "teiHeader/fileDesc/sourceDesc"),
    ("teiHeader/profileDesc/creation", "teiHeader/profileDesc/creation"),
    ("text//dateline//date", "text/body/div/dateline/date"),
]


@dataclass
class IndexEntry:
    """What the index page needs of a document, so that the document itself can be let go:
    its title, source description, date of creation and first dateline date (at the paths
    the stylesheets read them from), and its counts of page breaks and footnotes."""

    stem: str
    summary: etree._Element
    pages: int
    notes: int

    @classmethod
    def of(cls, stem: str, root: etree._Element) -> "IndexEntry":
        # only what the index's title, date and source cells read, copied out of the document
        summary = etree.Element(root.tag, nsmap=root.nsmap)
        for source, target in _INDEX_PARTS:
            found = root.find("/".join(_T + step if step else "" for step in source.split("/")))
            if found is None:
                continue
            parent = summary
            for step in target.split("/")[:-1]:
                child = parent.find(_T + step)
                parent = child if child is not None else etree.SubElement(parent, _T + step)
            parent.append(copy.deepcopy(found))
        text = root.find(_T + "text")
        pages = sum(1 for _ in text.iter(_T + "pb")) if text is not None else 0
        notes = sum(1 for n in text.iter(_T + "note") if n.get("type") != "source") if text is not None else 0
        return cls(stem, summary, pages, notes)


class Renderer:
    """The edition stylesheets, compiled on first use and shared by every Renderer in the process."""

    def html(self, doc: etree._ElementTree, *, index: bool = False, persons: bool = False) -> bytes:
        """One document as an HTML page, linking to index.html and persons.html when they exist."""
        return self._apply("html.xsl", doc, **self._links(index, persons))

    def text(self, doc: etree._ElementTree, *, page_markers: bool = True) -> bytes:
        return self._apply("text.xsl", doc, **{"page-markers": etree.XSLT.strparam("yes" if page_markers else "no")})

    def index(self, entries: list[IndexEntry]) -> bytes:
        """The table of contents of the documents summarised by ``entries``."""
        corpus = etree.Element("corpus")
        for e in entries:
            etree.SubElement(corpus, "document", href=e.stem + ".html", pages=str(e.pages),
                             notes=str(e.notes)).append(e.summary)
        return self._apply("index.xsl", corpus.getroottree(), **self._links(True, True))

    def persons(self, register: etree._ElementTree, *, index: bool = False) -> bytes:
        """The persons page from a register in the format of persons.xml."""
        return self._apply("persons.xsl", register, **self._links(index, True))

    @staticmethod
    def _links(index: bool, persons: bool) -> dict[str, str]:
        return {"index-page": etree.XSLT.strparam(INDEX_PAGE if index else ""),
                "persons-page": etree.XSLT.strparam(PERSONS_PAGE if persons else "")}

    @staticmethod
    def _apply(name: str, doc: etree._ElementTree, **params: str) -> bytes:
        try:
            return bytes(_stylesheet(name)(doc, **params))
        except etree.XSLTApplyError as e:
            raise RenderError(f"the {name} stylesheet failed: {e}") from None


def render_paths(paths: list[str | Path], fmt: str, out_dir: str | Path, page_markers: bool = True) -> Report:
    """Render TEI files, and the *.xml files inside folders (sorted), into ``out_dir``.

    HTML: DIR/<stem>.html per document; with more than one document (or a register among the
    inputs) also index.html and persons.html, the register coming from persons.xml when it is
    among the inputs and otherwise from the documents themselves. Text: DIR/<stem>.txt.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = Report()
    renderer = Renderer()

    inputs = expand(list(paths), ".xml")
    registers = [p for p in inputs if p.name == REGISTER_NAME]
    documents = [p for p in inputs if p.name != REGISTER_NAME]
    for p in paths:
        if Path(p).is_dir() and not any(q.parent == Path(p) for q in inputs):
            report.errors.append(f"{p}: no .xml files in this folder")

    register = None
    if fmt == "html" and registers:
        register = _read_register(registers[0], report)
        for extra in registers[1:]:
            report.errors.append(f"{extra}: a second persons register; only {registers[0]} is used")
    with_index = fmt == "html" and len(documents) > 1
    with_persons = with_index or register is not None
    reserved = {Path(INDEX_PAGE).stem, Path(PERSONS_PAGE).stem} if with_persons else set()

    entries: list[IndexEntry] = []
    registry = RegisterBuilder()
    stems: dict[str, Path] = {}
    for path in documents:
        stem = path.stem
        target = out_dir / (stem + _SUFFIX[fmt])
        try:
            if stem in reserved:
                raise RenderError(f"would overwrite the edition's own {stem}.html; rename the file")
            if stem in stems:
                raise RenderError(f"{stems[stem]} already renders to {target}")
            doc = _read_tei(path)
            data = (renderer.html(doc, index=with_index, persons=with_persons) if fmt == "html"
                    else renderer.text(doc, page_markers=page_markers))
            write_atomic(target, data)
        except (RenderError, OSError) as e:
            report.errors.append(f"{path}: {_one_line(e)}")
            continue
        stems[stem] = path
        report.written.append(target)
        if with_persons:
            entries.append(IndexEntry.of(stem, doc.getroot()))
            if register is None:
                registry.add(stem, doc.getroot())
    report.documents = len(stems)

    if fmt == "html" and (stems or register is not None):
        for name in ASSETS:
            _write(out_dir / name, resources.xslt(name).read_bytes(), report)
    if with_persons:
        if register is None:
            register = registry.tree()
        _write(out_dir / PERSONS_PAGE, renderer.persons(register, index=with_index), report)
    if with_index:
        _write(out_dir / INDEX_PAGE, renderer.index(entries), report)
    return report


def _write(path: Path, data: bytes, report: Report) -> None:
    try:
        write_atomic(path, data)
    except OSError as e:
        report.errors.append(f"{path}: {_one_line(e)}")
        return
    report.written.append(path)


def _read_tei(path: Path) -> etree._ElementTree:
    try:
        doc = xmlsafe.parse(path)
    except etree.XMLSyntaxError as e:
        raise RenderError(f"not well-formed XML ({e.msg})") from None
    except xmlsafe.UnsafeXMLError as e:
        raise RenderError(str(e).removeprefix(f"{path}: ")) from None
    root = doc.getroot()
    if root.tag != _T + "TEI":
        raise RenderError(f"not a TEI document (the root element is <{etree.QName(root).localname}>"
                          f"{' in ' + etree.QName(root).namespace if etree.QName(root).namespace else ' in no namespace'})")
    return doc


def _read_register(path: Path, report: Report) -> etree._ElementTree | None:
    try:
        register = _read_tei(path)
    except (RenderError, OSError) as e:
        report.errors.append(f"{path}: {_one_line(e)}")
        return None
    if register.find(f"{_T}text//{_T}listPerson") is None:
        report.errors.append(f"{path}: not a persons register (no listPerson in the text)")
        return None
    return register


def _one_line(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror[0].lower() + e.strerror[1:]
    return re.sub(r"\s+", " ", str(e)).strip()
