"""The corpus persons register built from converted documents' headers and @refs."""
from __future__ import annotations

from lxml import etree

from editio.annotate.persons import annotate_persons
from editio.model import Block, Document, Inline
from editio.persons.corpus import build_register
from editio.persons.register import load_register
from editio.persons.tei import TEI, listperson_element
from editio.validate import Validator

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def converted(stem: str, title: str, *paragraphs: str) -> etree._Element:
    """A minimal TEI document as the converter writes it: header title, listPerson, tagged text."""
    d = Document(stem, "test", Block("div", children=[Block("p", inline=Inline(p)) for p in paragraphs]))
    annotate_persons(d, load_register())
    tei = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    header = etree.SubElement(tei, f"{{{TEI}}}teiHeader")
    fd = etree.SubElement(header, f"{{{TEI}}}fileDesc")
    etree.SubElement(etree.SubElement(fd, f"{{{TEI}}}titleStmt"), f"{{{TEI}}}title").text = title
    etree.SubElement(etree.SubElement(fd, f"{{{TEI}}}publicationStmt"), f"{{{TEI}}}p").text = "test"
    etree.SubElement(etree.SubElement(fd, f"{{{TEI}}}sourceDesc"), f"{{{TEI}}}p").text = "test"
    pd = etree.SubElement(etree.SubElement(header, f"{{{TEI}}}profileDesc"), f"{{{TEI}}}particDesc")
    pd.append(listperson_element(d))
    body = etree.SubElement(etree.SubElement(tei, f"{{{TEI}}}text"), f"{{{TEI}}}body")
    for inline in d.inlines():
        p = etree.SubElement(body, f"{{{TEI}}}p")
        pos, last = 0, None
        p.text = ""
        for s in sorted(inline.spans, key=lambda s: s.start):
            chunk = inline.text[pos:s.start]
            if last is None:
                p.text += chunk
            else:
                last.tail = chunk
            last = etree.SubElement(p, f"{{{TEI}}}{s.tag}", s.attrs)
            last.text = inline.text[s.start:s.end]
            pos = s.end
        if last is None:
            p.text += inline.text[pos:]
        else:
            last.tail = inline.text[pos:]
    return tei


def docs():
    return [
        ("002_b", "Soviet-Japanese Neutrality Pact", "Yosuke Matsuoka met Molotov. Matsuoka, Stalin and Molotov."),
        ("001_a", "Memorandum of Conversation", "Foreign Minister Matsuoka went to Berlin. Mr. Averoff said no."),
    ]


def test_corpus_register(tei_all, tmp_path):
    tree = build_register([(stem, converted(stem, title, text)) for stem, title, text in docs()])
    root = tree.getroot()
    ns = {"t": TEI}
    assert root.findtext("t:teiHeader/t:fileDesc/t:titleStmt/t:title", namespaces=ns) == "Persons register"
    ids = [p.get(XML_ID) for p in root.iterfind(".//t:listPerson/t:person", ns)]
    assert ids == sorted(ids) == ["p-averoff", "p-matsuoka-yosuke", "p-molotov-vyacheslav", "p-stalin-joseph"]
    matsuoka = root.find(".//t:person[@xml:id='p-matsuoka-yosuke']", {**ns, "xml": "http://www.w3.org/XML/1998/namespace"})
    assert [(n.get("type"), n.text) for n in matsuoka.iterfind("t:persName", ns)] == [
        ("canonical", "Matsuoka, Yosuke"), ("variant", "Matsuoka"), ("variant", "Yosuke Matsuoka")]
    assert [(r.get("target"), r.get("n"), r.text) for r in matsuoka.iterfind("t:note[@type='mentions']/t:ref", ns)] == [
        ("001_a.xml", "1", "Memorandum of Conversation"), ("002_b.xml", "2", "Soviet-Japanese Neutrality Pact")]
    sources = [r.get("target") for r in root.iterfind("t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:ref", ns)]
    assert sources == ["001_a.xml", "002_b.xml"]
    out = tmp_path / "persons.xml"
    tree.write(str(out), encoding="UTF-8", xml_declaration=True)
    assert [str(p) for p in Validator().validate_file(out)] == []
    assert tei_all([out]) == ""


def test_corpus_register_is_deterministic():
    a = build_register([(s, converted(s, t, x)) for s, t, x in docs()])
    b = build_register([(s, converted(s, t, x)) for s, t, x in reversed(docs())])
    assert etree.tostring(a) == etree.tostring(b)


def test_document_header_with_listperson_is_valid_tei(tei_all, tmp_path):
    out = tmp_path / "doc.xml"
    etree.ElementTree(converted("001_a", "Memorandum", "Foreign Minister Matsuoka met V. Molotov and Stalin.")).write(
        str(out), encoding="UTF-8", xml_declaration=True)
    assert tei_all([out]) == ""
