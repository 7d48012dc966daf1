"""Read persons from a FRUS "List of Persons" or a TEI listPerson, as register entries.

A FRUS volume's list (``<div xml:id="persons">``) has one ``<item>`` per person:
``<hi rend="strong"><persName xml:id="p_KC1">Karamanlis, Constantine</persName>,</hi>
Greek Prime Minister from October 1955 ...``; the text after the name is the role
(one ``occupation`` per ";"-separated part). A cross-reference item
(``Birgi (see Nuri Birgi)``) adds its heading as a variant of the person it points to.
A TEI ``listPerson`` (an editio corpus register or a document header) gives
``persName type="canonical"`` / ``type="variant"``, ``occupation`` and ``idno``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from lxml import etree

from .. import xmlsafe
from .names import compatible, forename_tokens, key, parse_inverted
from .register import ID, Person, new_person

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


class ImportError_(ValueError):
    """The file holds no persons editio can read."""


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def read_persons(path: Path, taken: dict[str, Person]) -> list[Person]:
    """The persons in ``path`` (FRUS list or TEI listPerson); ``taken``: the register's persons,
    so that a new person whose standard id belongs to someone else gets a longer one."""
    try:
        root = xmlsafe.parse(path).getroot()
    except (etree.XMLSyntaxError, xmlsafe.UnsafeXMLError) as e:
        raise ImportError_(f"{path}: not readable XML ({e})") from None
    except OSError as e:
        raise ImportError_(f"{path}: cannot read ({e.strerror})") from None
    if root.find(f".//{{{TEI}}}listPerson") is not None or _local(root) == "listPerson":
        persons = _from_listperson(root, taken)
    else:
        persons = _from_frus_list(root, taken)
    if not persons:
        raise ImportError_(f"{path}: no persons found (expected a FRUS List of Persons or a TEI listPerson)")
    return persons


def _roles(text: str) -> tuple[str, ...]:
    text = " ".join(text.split())
    return tuple(r.strip(" ,.") for r in re.split(r";\s*", text) if r.strip(" ,."))


def _from_frus_list(root, taken: dict[str, Person]) -> list[Person]:
    persons: dict[str, Person] = {}  # by editio id, in list order
    by_frus_id: dict[str, str] = {}  # the list's xml:id -> editio id
    crossrefs: list[tuple[str, str]] = []  # (variant heading, xml:id it points to)
    for item in root.iter(f"{{{TEI}}}item"):
        head = next((p for p in item.iter(f"{{{TEI}}}persName") if p.get(XML_ID)), None)
        if head is None:
            continue
        alt = next((p for p in item.iter(f"{{{TEI}}}persName") if p.get("type") == "alt" and p.get("corresp")), None)
        if alt is not None:
            crossrefs.append((_text(head), alt.get("corresp").lstrip("#")))
            continue
        parts = parse_inverted(_text(head))
        roles = _roles("".join(_tail_text(item, head)).strip(" ,"))
        twin = next((p for p in persons.values() if key(p.surname) == key(parts["surname"]) and p.roles == roles
                     and compatible(forename_tokens(parts["forenames"]), forename_tokens(p.forenames))), None)
        if twin is not None:
            # one person listed twice under slightly different forenames (Stephanos / Stephan)
            full = " ".join(x for x in (parts["forenames"], parts["particle"], parts["surname"]) if x)
            persons[twin.id] = replace(twin, variants=twin.variants + (full,))
            by_frus_id[head.get(XML_ID)] = twin.id
            continue
        p = new_person(parts["surname"], parts["forenames"], {**taken, **persons}, particle=parts["particle"],
                       suffix=parts["suffix"], roles=roles,
                       variants=tuple(f"{n} {parts['surname']}" for n in parts["nicknames"]))
        persons[p.id] = p
        by_frus_id[head.get(XML_ID)] = p.id
    for heading, target in crossrefs:
        pid = by_frus_id.get(target)
        if pid is not None and heading not in persons[pid].variants:
            persons[pid] = replace(persons[pid], variants=persons[pid].variants + (heading,))
    return list(persons.values())


def _tail_text(item, head):
    """The text of ``item`` after the element that holds the heading (its bold ``hi``)."""
    holder = head
    while holder.getparent() is not item:
        holder = holder.getparent()
    yield holder.tail or ""
    for sib in holder.itersiblings():
        yield _text(sib) + " "
        yield sib.tail or ""


def _from_listperson(root, taken: dict[str, Person]) -> list[Person]:
    out: dict[str, Person] = {}
    lists = [root] if _local(root) == "listPerson" else root.iter(f"{{{TEI}}}listPerson")
    for lp in lists:
        for el in lp.iter(f"{{{TEI}}}person"):
            names = [(n.get("type"), _text(n)) for n in el.findall(f"{{{TEI}}}persName")]
            canonical = next((t for ty, t in names if ty == "canonical"), names[0][1] if names else "")
            if not canonical:
                continue
            parts = parse_inverted(canonical)
            variants = tuple(t for ty, t in names if t != canonical)
            roles = tuple(_text(o) for o in el.findall(f"{{{TEI}}}occupation") if _text(o))
            idnos = {i.get("type"): _text(i) for i in el.findall(f"{{{TEI}}}idno")}
            fields = dict(particle=parts["particle"], suffix=parts["suffix"], variants=variants, roles=roles,
                          wikidata=idnos.get("wikidata", ""), viaf=idnos.get("viaf", ""))
            pid = el.get(XML_ID, "")
            if ID.match(pid):
                p = Person(pid, parts["surname"], parts["forenames"], **fields)
            else:
                p = new_person(parts["surname"], parts["forenames"], {**taken, **out}, **fields)
            out[p.id] = p
    return list(out.values())
