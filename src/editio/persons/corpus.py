"""The corpus persons register (``persons.xml``): every person of a set of converted documents.

Built from the documents' own headers (particDesc/listPerson) and the ``@ref`` of their
persName and rs elements, so it says exactly what the published files say: one
``<person>`` per id with the canonical name, the variant forms seen anywhere, roles and
authority ids, and a ``<note type="mentions">`` listing the documents that name the person
(``<ref target="STEM.xml" n="COUNT">title</ref>``). Persons are sorted by id, documents by
stem, variants alphabetically: the same documents give the same bytes.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from .. import __version__
from .tei import TEI, XML_ID, person_element

_NS = {"t": TEI}


def _el(parent, tag: str, text: str | None = None, **attrs):
    el = etree.SubElement(parent, f"{{{TEI}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def build_register(docs: list[tuple[str, etree._Element]]) -> etree._ElementTree:
    """The corpus register for ``docs``: (file stem, root TEI element of the converted document)."""
    builder = RegisterBuilder()
    for stem, root in docs:
        builder.add(stem, root)
    return builder.tree()


@dataclass
class _Entry:
    # (stem, value) pairs: the earliest document by stem decides, whatever order they came in
    canonical: list[tuple[str, str]] = field(default_factory=list)
    variants: set[str] = field(default_factory=set)
    roles: list[tuple[str, int, str]] = field(default_factory=list)
    idno: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    mentions: dict[str, int] = field(default_factory=dict)


class RegisterBuilder:
    """The corpus register gathered one document at a time, so that a batch of any size can
    be registered without holding its documents: ``add`` each, then ``tree()``. The result
    does not depend on the order of the documents."""

    def __init__(self) -> None:
        self.persons: dict[str, _Entry] = {}
        self.titles: dict[str, str] = {}

    def add(self, stem: str, root: etree._Element) -> None:
        title_el = root.find("t:teiHeader/t:fileDesc/t:titleStmt/t:title", _NS)
        self.titles[stem] = _text(title_el) if title_el is not None else stem
        counts = Counter(
            el.get("ref")[1:] for el in root.iterfind(".//t:text//*[@ref]", _NS)
            if etree.QName(el).localname in ("persName", "rs") and el.get("ref", "").startswith("#p-")
        )
        for p in root.iterfind("t:teiHeader/t:profileDesc/t:particDesc/t:listPerson/t:person", _NS):
            pid = p.get(XML_ID)
            entry = self.persons.setdefault(pid, _Entry())
            for name in p.iterfind("t:persName", _NS):
                if name.get("type") == "canonical":
                    entry.canonical.append((stem, _text(name)))
                else:
                    entry.variants.add(_text(name))
            entry.roles += [(stem, i, _text(occ)) for i, occ in enumerate(p.iterfind("t:occupation", _NS))]
            for idno in p.iterfind("t:idno", _NS):
                entry.idno.setdefault(idno.get("type"), []).append((stem, _text(idno)))
            entry.mentions[stem] = counts.get(pid, 0)

    def tree(self) -> etree._ElementTree:
        titles = dict(sorted(self.titles.items()))
        persons = {}
        for pid, e in self.persons.items():
            roles: list[str] = []
            for _, _, role in sorted(e.roles):
                if role not in roles:
                    roles.append(role)
            persons[pid] = {"canonical": min(e.canonical)[1] if e.canonical else "", "variants": e.variants,
                            "roles": roles, "idno": {t: min(v)[1] for t, v in e.idno.items()},
                            "mentions": e.mentions}
        return _register_tree(persons, titles)


def _register_tree(persons: dict[str, dict], titles: dict[str, str]) -> etree._ElementTree:
    tei = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    tei.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    file_desc = _el(_el(tei, "teiHeader"), "fileDesc")
    _el(_el(file_desc, "titleStmt"), "title", "Persons register")
    edition = _el(_el(file_desc, "editionStmt"), "edition", "Built by ")
    _el(edition, "name", "editio", type="software").tail = " "
    _el(edition, "num", __version__, type="version")
    publication = _el(file_desc, "publicationStmt")
    _el(publication, "publisher", "editio project")
    _el(_el(publication, "availability", status="free"), "licence",
        "The register is dedicated to the public domain (CC0 1.0).",
        target="https://creativecommons.org/publicdomain/zero/1.0/")
    bibl = _el(_el(file_desc, "sourceDesc"), "bibl",
               f"Derived from the person lists and name tagging of {len(titles)} "
               f"document{'s' if len(titles) != 1 else ''}: ")
    for n, (stem, title) in enumerate(titles.items()):
        _el(bibl, "ref", title, target=f"{stem}.xml").tail = "; " if n < len(titles) - 1 else "."
    body = _el(_el(tei, "text"), "body")
    lp = _el(body, "listPerson")
    for pid in sorted(persons):
        e = persons[pid]
        p = person_element(lp, pid, e["canonical"], e["variants"], e["roles"],
                           e["idno"].get("wikidata", ""), e["idno"].get("viaf", ""))
        note = _el(p, "note", type="mentions")
        for stem, n in sorted(e["mentions"].items()):
            _el(note, "ref", titles[stem], target=f"{stem}.xml", n=str(n))
    return etree.ElementTree(tei)
