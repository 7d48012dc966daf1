"""Check TEI files against editio's schema (schemas/editio.xsd) and say what is wrong in plain words.

The schema is XSD 1.1. Its structure (elements, content models, attribute types, real dates) is
XSD 1.0 and is checked by libxml2 through lxml; its xs:assert rules (footnote ids, references
that must resolve, no note in a note, the header a document needs) are written as
``not(OFFENDERS)`` with OFFENDERS a path that is XPath 1.0 as well as 2.0, and are evaluated with
lxml so that each offending element is reported at its own line. Measured on this machine this is
about a hundred times faster than validating with xmlschema, which the tests use to check that
both readings of the schema agree (see schemas/README.md).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from . import fsio, resources, xmlsafe

TEI_NS = "http://www.tei-c.org/ns/1.0"
XS_NS = "http://www.w3.org/2001/XMLSchema"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_XS = f"{{{XS_NS}}}"
_TEI = f"{{{TEI_NS}}}"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class FileResult:
    file: str
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Report:
    results: tuple[FileResult, ...]

    @property
    def valid(self) -> bool:
        return all(result.valid for result in self.results)

    @property
    def problems(self) -> list[Problem]:
        return [problem for result in self.results for problem in result.problems]


class SchemaConventionError(ValueError):
    """editio.xsd breaks a convention the validator relies on (a maintainer's error, not a user's)."""


@dataclass(frozen=True)
class _Assertion:
    offenders: etree.XPath
    message: str


def _documentation(node: etree._Element) -> str:
    text = node.findtext(f"{_XS}annotation/{_XS}documentation") or ""
    return " ".join(text.split())


def _outer_not_argument(test: str) -> str | None:
    """``X`` if ``test`` is exactly ``not(X)``, else None."""
    test = test.strip()
    if not (test.startswith("not(") and test.endswith(")")):
        return None
    depth = 0
    for i, char in enumerate(test[3:], start=3):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and i != len(test) - 1:
            return None
    return test[4:-1]


def _take_assertions(xsd: etree._ElementTree) -> dict[str, list[_Assertion]]:
    """Remove the xs:assert rules from ``xsd`` (leaving its XSD 1.0 part) and compile them."""
    namespaces = {prefix: uri for prefix, uri in xsd.getroot().nsmap.items() if prefix}
    assertions: dict[str, list[_Assertion]] = {}
    for node in list(xsd.iter(f"{_XS}assert")):
        test = node.get("test", "")
        offenders = _outer_not_argument(test)
        owner = next(node.iterancestors(f"{_XS}element"), None)
        message = _documentation(node)
        if offenders is None or owner is None or owner.get("name") is None or not message:
            raise SchemaConventionError(
                f"editio.xsd line {node.sourceline}: an xs:assert must sit in a global element, "
                f"read not(OFFENDERS) and carry xs:documentation; found test={test!r}")
        try:
            compiled = etree.XPath(offenders, namespaces=namespaces)
        except etree.XPathSyntaxError as err:
            raise SchemaConventionError(
                f"editio.xsd line {node.sourceline}: the assertion path is not XPath 1.0 ({err}): {offenders}") from err
        assertions.setdefault(owner.get("name"), []).append(_Assertion(compiled, message))
        node.getparent().remove(node)
    return assertions


def _local(name: str) -> str:
    """``{TEI}persName`` -> ``persName``; other namespaces keep their URI so they are not confused."""
    if name.startswith(_TEI):
        return name[len(_TEI):]
    if name.startswith(f"{{{XML_NS}}}"):
        return "xml:" + name[len(XML_NS) + 2:]
    return name


def _expected(listing: str) -> str:
    names = [_local(n.strip()) for n in listing.split(",") if n.strip()]
    if len(names) == 1:
        return names[0]
    return "one of " + ", ".join(names)


class Validator:
    """The compiled schema; build one per run and validate any number of files with it."""

    def __init__(self, schema: str | Path | None = None) -> None:
        path = Path(schema) if schema is not None else resources.schema("editio.xsd")
        xsd = etree.parse(str(path))  # editio's own file, so the plain parser is fine
        self._assertions = _take_assertions(xsd)
        self._schema = etree.XMLSchema(xsd)
        root = xsd.getroot()
        self._elements = {e.get("name") for e in root.findall(f"{_XS}element")}
        self._type_docs = {t.get("name"): _documentation(t) for t in root.iter(f"{_XS}simpleType")
                           if t.get("name")}

    # -- entry points

    def validate_file(self, path: str | Path) -> list[Problem]:
        name = str(path)
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            return [Problem(name, 0, 0, f"cannot read the file: {err.strerror or err}")]
        return self.validate_bytes(data, name)

    def validate_bytes(self, data: bytes, name: str) -> list[Problem]:
        try:
            tree = xmlsafe.parse_bytes(data, name)
        except xmlsafe.UnsafeXMLError as err:
            return [Problem(name, 1, 1, _without_name(str(err), name) + " (refused for safety; remove the DOCTYPE)")]
        except etree.XMLSyntaxError as err:
            return [_syntax_problem(err, name)]
        encoding = tree.docinfo.encoding or "utf-8"
        try:
            lines = data.decode(encoding, errors="replace").splitlines()
        except LookupError:
            lines = None
        return self._check(tree, name, lines)

    def validate_tree(self, tree: etree._ElementTree, name: str) -> list[Problem]:
        """Validate a tree already in memory; columns are 1 since the source text is unknown."""
        return self._check(tree, name, None)

    # -- the checks

    def _check(self, tree: etree._ElementTree, name: str, lines: list[str] | None) -> list[Problem]:
        root = tree.getroot()
        entry = self._entry_problem(root)
        if entry:
            line, column = _locate(root, lines)
            return [Problem(name, line, column, entry)]
        problems = self._structure_problems(tree, name, lines)
        problems += self._assertion_problems(root, name, lines)
        return sorted(set(problems))

    def _entry_problem(self, root: etree._Element) -> str | None:
        qname = etree.QName(root)
        if qname.localname == "TEI" and qname.namespace is None:
            return f'the root element TEI is in no namespace; TEI elements belong to the TEI namespace: add xmlns="{TEI_NS}" to it'
        if qname.localname == "TEI" and qname.namespace != TEI_NS:
            return f'the root element TEI is in the namespace "{qname.namespace}"; it must be in the TEI namespace "{TEI_NS}"'
        if root.tag != f"{_TEI}TEI":
            return f"the root element is {_local(root.tag)}, not TEI: this is not a TEI document"
        if root.find(f"{_TEI}teiHeader") is None:
            return "TEI has no teiHeader: the header describing the file must be the first child of TEI"
        if root.find(f"{_TEI}text") is None:
            return "TEI has no text: the text of the document must follow the teiHeader"
        return None

    def _structure_problems(self, tree, name, lines) -> list[Problem]:
        if self._schema.validate(tree):
            return []
        # libxml2 reports a bad attribute value twice (the facet, then the type): keep the fuller message
        messages: dict[tuple, tuple[str, etree._Element | None, int]] = {}
        for entry in self._schema.error_log:
            element = _element_at(tree, entry.path)
            message = self._plain(entry.message, element)
            value = re.match(r"Element '[^']+', attribute '([^']+)'", entry.message)
            key = (entry.path, value.group(1)) if value else (entry.path, message)
            if key not in messages or len(message) > len(messages[key][0]):
                messages[key] = (message, element, entry.line)
        problems = []
        for message, element, line in messages.values():
            line, column = _locate(element, lines) if element is not None else (line, 1)
            problems.append(Problem(name, line, column, message))
        return problems

    def _assertion_problems(self, root, name, lines) -> list[Problem]:
        problems = []
        for element_name, assertions in self._assertions.items():
            for context in root.iter(f"{_TEI}{element_name}"):
                for assertion in assertions:
                    for offender in assertion.offenders(context):
                        line, column = _locate(offender, lines)
                        problems.append(Problem(name, line, column, f"{_start_tag(offender)}: {assertion.message}"))
        return problems

    # -- libxml2's messages in plain words

    def _plain(self, message: str, element: etree._Element | None) -> str:
        message = message.strip()
        m = re.match(r"Element '([^']+)': This element is not expected\.(?: Expected is (?:one of )?\( (.*) \)\.)?$", message)
        if m:
            tag, expected = _local(m.group(1)), m.group(2)
            where = f" inside {_local(element.getparent().tag)}" if element is not None and element.getparent() is not None else ""
            if m.group(1).startswith(_TEI) and tag not in self._elements:
                return (f"{tag}{where} is not an element of the TEI that editio writes;"
                        f" check the spelling, or use one of the elements editio writes")
            if not m.group(1).startswith(_TEI) and not m.group(1).startswith("{"):
                return f"{tag}{where} is in no namespace; it must be in the TEI namespace {TEI_NS}"
            if tag == "head" and element is not None and element.getprevious() is not None and any(
                    s.tag == f"{_TEI}head" for s in element.itersiblings(preceding=True)):
                return f"a second head{where}: a division has one head; make the others p or a new div"
            hint = f"; expected {_expected(expected)}" if expected else "; nothing more may follow here"
            return f"{tag} is not allowed here{where}{hint}"
        m = re.match(r"Element '([^']+)': Missing child element\(s\)\. Expected is (?:one of )?\( (.*) \)\.$", message)
        if m:
            return f"{_local(m.group(1))} is incomplete: {_expected(m.group(2))} is missing here"
        m = re.match(r"Element '([^']+)', attribute '([^']+)': The attribute '[^']+' is not allowed\.$", message)
        if m:
            return f"{_local(m.group(1))}: the attribute {_local(m.group(2))} is not allowed on {_local(m.group(1))}"
        m = re.match(r"Element '([^']+)': The attribute '([^']+)' is required but missing\.$", message)
        if m:
            return f"{_local(m.group(1))}: the attribute {_local(m.group(2))} is required but missing"
        m = re.match(r"Element '([^']+)', attribute '([^']+)': (?:\[facet '\w+'\] The value '(.*)' is|'(.*)' is) not", message, re.S)
        if m:
            tag, attribute = _local(m.group(1)), _local(m.group(2))
            value = m.group(3) if m.group(3) is not None else m.group(4)
            return f'{tag}: {attribute}="{value}" is not a valid value' + self._value_hint(message)
        m = re.match(r"Element '([^']+)': Character content other than whitespace is not allowed", message)
        if m:
            return f"{_local(m.group(1))} cannot hold text directly, only the elements it contains"
        m = re.match(r"Element '([^']+)': Element content is not allowed", message)
        if m:
            return f"{_local(m.group(1))} holds text only, no elements"
        return re.sub(r"\{" + re.escape(TEI_NS) + r"\}", "", message).replace("Element '", "'")

    def _value_hint(self, message: str) -> str:
        allowed = re.search(r"not an element of the set \{(.*)\}", message)
        if allowed:
            return f"; allowed: {allowed.group(1)}"
        if "'xs:ID'" in message:
            return ": an xml:id starts with a letter or _, has no spaces, and is used once in the file"
        named = re.search(r"type '(?:\{[^}]*\})?([^']+)'", message)
        doc = self._type_docs.get(named.group(1)) if named else None
        if not doc:
            return ""
        first_sentence = doc.split(". ")[0].rstrip(".")
        return f": {first_sentence[0].lower()}{first_sentence[1:]}"


def _without_name(message: str, name: str) -> str:
    prefix = f"{name}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def _syntax_problem(err: etree.XMLSyntaxError, name: str) -> Problem:
    line, column = err.position if err.position else (err.lineno or 1, 1)
    message = re.sub(r", line \d+, column \d+$", "", err.msg or str(err))
    if "amplification" in message or "entity reference loop" in message:
        message = "entity expansion refused: the document declares entities that would expand to a huge text"
    elif "external entity" in message:
        message = "refers to an external entity; editio loads none (refused for safety; remove the DOCTYPE)"
    elif message.startswith("ID ") and message.endswith("already defined"):
        ident = message[3:-len(" already defined")]
        message = f'xml:id "{ident}" is already used by an earlier element; every xml:id must be unique in the file'
    elif message == "the file is empty":
        message = "the file is empty: a TEI document was expected"
    elif message.startswith("Document is empty"):
        message = "the file holds no XML element: a TEI document was expected"
    elif mismatch := re.match(r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)$", message):
        start, start_line, end = mismatch.groups()
        message = f"not well-formed XML: the end tag </{end}> does not match the start tag <{start}> of line {start_line}"
    else:
        message = f"not well-formed XML: {message}"
    return Problem(name, line or 1, max(column or 1, 1), message)


def _element_at(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    if not path:
        return None
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    return found[0] if found and isinstance(found[0], etree._Element) else None


def _start_tag(element: etree._Element) -> str:
    attributes = "".join(f' {_local(k)}="{v}"' for k, v in element.attrib.items())
    return f"<{_local(element.tag)}{attributes}>"


def _locate(element: etree._Element, lines: list[str] | None) -> tuple[int, int]:
    """Line and column of the start tag of ``element`` (lxml knows the line its start tag ends on)."""
    line = element.sourceline or 1
    if not lines or line > len(lines):
        return line, 1
    qname = etree.QName(element)
    pattern = re.compile(r"<(?:[\w.-]+:)?" + re.escape(qname.localname) + r"(?=[\s/>]|$)")
    same_line = [e for e in element.getroottree().getroot().iter(element.tag) if e.sourceline == line]
    rank = same_line.index(element) if element in same_line else 0
    hits = list(pattern.finditer(lines[line - 1]))
    if rank < len(hits):
        return line, hits[rank].start() + 1
    for earlier in range(line - 1, max(line - 50, 0), -1):  # a start tag spread over several lines
        hits = list(pattern.finditer(lines[earlier - 1]))
        if hits:
            return earlier, hits[-1].start() + 1
    return line, 1


# -- files and folders


def validate_paths(paths: Iterable[str | Path], validator: Validator | None = None) -> Report:
    """Validate each file given and every .xml file inside each folder given (sorted, not recursive)."""
    validator = validator or Validator()
    results = []
    for given in map(Path, paths):
        files = fsio.expand([given], ".xml")
        if not files:
            results.append(FileResult(str(given), (Problem(str(given), 0, 0, "the folder holds no .xml file"),)))
        results += [FileResult(str(path), tuple(validator.validate_file(path))) for path in files]
    return Report(tuple(results))


def format_report(report: Report, fmt: str = "text") -> str:
    """``text``: one ``file:line:column: message`` line per problem, then a summary line;
    ``json``: an object with ``valid`` and, per file, its problems."""
    if fmt == "json":
        return json.dumps({
            "valid": report.valid,
            "files": [{
                "file": result.file,
                "valid": result.valid,
                "problems": [{"line": p.line, "column": p.column, "message": p.message} for p in result.problems],
            } for result in report.results],
        }, ensure_ascii=False, indent=2)
    if fmt != "text":
        raise ValueError(f"unknown report format {fmt!r}; use 'text' or 'json'")
    invalid = sum(not result.valid for result in report.results)
    total = len(report.results)
    files = "file" if total == 1 else "files"
    summary = (f"{total} {files} valid" if not invalid
               else f"{invalid} of {total} {files} invalid, {len(report.problems)} problem(s)")
    return "\n".join([*(str(p) for p in report.problems), summary])
