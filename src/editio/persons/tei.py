"""The header's listPerson: the persons a document mentions, as particDesc/listPerson."""
from __future__ import annotations

from lxml import etree

from ..model import Document

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, f"{{{TEI}}}{tag}", {k: v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def person_element(parent, pid: str, canonical: str, variants, roles, wikidata: str = "", viaf: str = ""):
    """One ``<person>``: canonical name, variant forms (sorted, without the canonical), roles, ids."""
    p = _el(parent, "person", **{XML_ID: pid})
    _el(p, "persName", canonical, type="canonical")
    for v in sorted(set(variants) - {canonical}):
        _el(p, "persName", v, type="variant")
    for r in roles:
        _el(p, "occupation", r)
    if wikidata:
        _el(p, "idno", wikidata, type="wikidata")
    if viaf:
        _el(p, "idno", viaf, type="viaf")
    return p


def listperson_element(doc: Document) -> etree._Element | None:
    """``<listPerson>`` for profileDesc/particDesc, persons sorted by id; None when nobody is named."""
    if not doc.persons:
        return None
    lp = etree.Element(f"{{{TEI}}}listPerson", nsmap={None: TEI})
    for pid in sorted(doc.persons):
        entry = doc.persons[pid]
        p = entry.person
        person_element(lp, pid, p.canonical, entry.forms, p.roles, p.wikidata, p.viaf)
    return lp
