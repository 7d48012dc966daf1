"""Documents per second of `editio validate` against lxml's own XMLSchema (the XSD 1.0 part of
editio.xsd alone) and xmlschema (the whole XSD 1.1 schema), in one run, on N copies of a valid
document. Prints figures; asserts nothing.

    python benchmarks/validate_bench.py [N] [DOCUMENT]
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import xmlschema
from lxml import etree

from editio import resources, xmlsafe
from editio.validate import Validator, validate_paths

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DOCUMENT = REPO / "tests" / "data" / "validate" / "valid" / "web-002.xml"
XS = "{http://www.w3.org/2001/XMLSchema}"


def xsd10_part() -> etree.XMLSchema:
    xsd = etree.parse(str(resources.schema("editio.xsd")))
    for node in list(xsd.iter(f"{XS}assert")):
        node.getparent().remove(node)
    return etree.XMLSchema(xsd)


def rate(label: str, count: int, run) -> None:
    start = time.perf_counter()
    ok = run()
    seconds = time.perf_counter() - start
    print(f"{label:<52} {count / seconds:9.0f} documents/s  ({count} in {seconds:.2f} s, all valid: {ok})")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    document = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_DOCUMENT
    folder = Path(tempfile.mkdtemp(prefix="editio-bench-"))
    try:
        data = document.read_bytes()
        files = []
        for i in range(n):
            path = folder / f"doc{i:05d}.xml"
            path.write_bytes(data)
            files.append(path)
        print(f"{n} copies of {document.name} ({len(data) / 1024:.1f} KB)")

        start = time.perf_counter()
        validator = Validator()
        print(f"{'editio: compile the schema once':<52} {time.perf_counter() - start:9.3f} s")
        rate("editio validate (XSD 1.0 by lxml + assertions)", n, lambda: validate_paths([folder], validator).valid)

        schema10 = xsd10_part()
        rate("lxml XMLSchema, XSD 1.0 part only (no assertions)", n,
             lambda: all(schema10.validate(xmlsafe.parse(p)) for p in files))

        m = max(1, min(n, 200))
        schema11 = xmlschema.XMLSchema11(str(resources.schema("editio.xsd")))
        rate("xmlschema XMLSchema11, whole schema", m,
             lambda: all(schema11.is_valid(xmlsafe.parse(p)) for p in files[:m]))
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
