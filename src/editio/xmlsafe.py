"""The one way editio parses XML it did not write itself: no DTDs, no entities, no network.

Every XML input (``validate``, ``render``, ``package --verify``) goes through :func:`parse`.
lxml's defaults would load external DTDs only on request and never fetch from the network,
but they do resolve internal and external entities; here nothing is resolved, a DOCTYPE
with entity declarations is refused outright (it has no place in TEI that editio writes),
and libxml2's own limits stop expansion bombs before they grow.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree


class UnsafeXMLError(ValueError):
    """The document declares entities or otherwise asks the parser to reach outside it."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
    )


_PARSER = _parser()


def parse_bytes(data: bytes, name: str = "<bytes>") -> etree._ElementTree:
    """Parse ``data``; raise :class:`UnsafeXMLError` for a DOCTYPE that declares entities or
    points at an external DTD, :class:`etree.XMLSyntaxError` for XML that is not well-formed."""
    if b"<!ENTITY" in data or b"<!entity" in data:
        raise UnsafeXMLError(f"{name}: declares entities in a DOCTYPE; editio expands none")
    if not data.strip():
        raise etree.XMLSyntaxError("the file is empty", None, 1, 1, name)
    tree = etree.fromstring(data, _PARSER).getroottree()
    # the byte test above misses a DOCTYPE in UTF-16 or UTF-32; nothing was expanded, but refuse alike
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise UnsafeXMLError(f"{name}: declares entities in a DOCTYPE; editio expands none")
    if tree.docinfo.system_url or tree.docinfo.public_id:
        raise UnsafeXMLError(f"{name}: refers to an external DTD ({tree.docinfo.system_url}); editio loads none")
    return tree


def parse(path: str | Path) -> etree._ElementTree:
    path = Path(path)
    return parse_bytes(path.read_bytes(), str(path))
