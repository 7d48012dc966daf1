"""The project schema (schemas/editio.xsd) and the validator built on it (editio.validate)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import xmlschema
from click.testing import CliRunner
from lxml import etree

from editio import resources, xmlsafe
from editio.validate import (Problem, Report, SchemaConventionError, Validator, format_report,
                             validate_paths)

DATA = Path(__file__).parent / "data" / "validate"
VALID = sorted((DATA / "valid").glob("*.xml"))
INVALID = DATA / "invalid"
SECRET = (INVALID / "secret.txt").read_text(encoding="utf-8").strip()
XS = "{http://www.w3.org/2001/XMLSchema}"
TEI = "{http://www.tei-c.org/ns/1.0}"

# each invalid fixture and words its one message must contain
EXPECTED = {
    "not-well-formed.xml": "not well-formed XML: the end tag </closr> does not match the start tag <closer>",
    "empty.xml": "the file is empty",
    "not-tei-namespace.xml": "TEI is in no namespace",
    "no-teiHeader.xml": "TEI has no teiHeader",
    "no-text.xml": "TEI has no text",
    "pb-without-n.xml": "pb: the attribute n is required but missing",
    "footnote-without-n.xml": 'a footnote (place="foot") needs n',
    "footnote-without-id.xml": 'a footnote (place="foot") needs an xml:id',
    "footnote-id-not-document-id.xml": "must begin with its document's id",
    "persname-ref-to-nobody.xml": '<persName ref="#p-nobody">: ref must be "#" followed by the xml:id of a person',
    "rs-ref-to-nobody.xml": '<rs type="person" ref="#p-umansky">: ref must be',
    "duplicate-xml-id.xml": 'xml:id "d000_b906adaf2d80d7b6-fn10" is already used',
    "date-1941-13-45.xml": 'date: when="1941-13-45" is not a valid value: a real calendar date',
    "date-february-30.xml": 'when="1937-02-30" is not a valid value',
    "unknown-element.xml": "paragraph inside div is not an element of the TEI that editio writes",
    "tei-element-editio-never-writes.xml": "ab inside div is not an element of the TEI that editio writes",
    "attribute-not-allowed.xml": "the attribute type is not allowed on p",
    "note-in-note.xml": '<note type="inner">: a note cannot stand inside another note',
    "two-heads.xml": "a second head inside div: a division has one head",
    "div-after-closer.xml": "div is not allowed here inside div; expected one of div, closer",
    "no-revisionDesc.xml": "the header of a document needs a revisionDesc",
    "no-editionStmt.xml": "the fileDesc of a document needs an editionStmt",
    "external-entity.xml": "declares entities in a DOCTYPE",
    "entity-bomb.xml": "declares entities in a DOCTYPE",
}
HOSTILE = {"external-entity.xml", "entity-bomb.xml"}
NOT_PARSABLE = HOSTILE | {"not-well-formed.xml", "empty.xml", "duplicate-xml-id.xml"}


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


@pytest.fixture(scope="module")
def xsd11() -> xmlschema.XMLSchema11:
    return xmlschema.XMLSchema11(str(resources.schema("editio.xsd")))


def test_every_invalid_fixture_has_an_expectation():
    assert {p.name for p in INVALID.glob("*.xml")} == set(EXPECTED)


# -- the schema itself, read by xmlschema (XSD 1.1)


def test_schema_is_xsd_1_1_and_accepts_the_valid_fixtures(xsd11):
    for path in VALID:
        errors = list(xsd11.iter_errors(xmlsafe.parse(path)))
        assert errors == [], f"{path.name}: {errors[0]}" if errors else ""


@pytest.mark.parametrize("name", sorted(set(EXPECTED) - NOT_PARSABLE))
def test_xmlschema_rejects_what_editio_rejects(xsd11, name):
    # the validator evaluates the assertions with lxml; xmlschema, reading the same file as XSD
    # 1.1, must come to the same verdict
    assert not xsd11.is_valid(xmlsafe.parse(INVALID / name))


def test_xmlschema_also_refuses_duplicate_ids(xsd11):
    # lxml's parser refuses this before validation; xmlschema's own parser reads it and xs:ID catches it
    assert not xsd11.is_valid(str(INVALID / "duplicate-xml-id.xml"))


def test_every_element_has_documentation_for_archivists():
    root = etree.parse(str(resources.schema("editio.xsd"))).getroot()
    for element in root.findall(f"{XS}element"):
        doc = element.findtext(f"{XS}annotation/{XS}documentation") or ""
        assert len(doc.split()) >= 5, element.get("name")


def test_schema_allows_exactly_the_elements_editio_writes():
    root = etree.parse(str(resources.schema("editio.xsd"))).getroot()
    declared = {e.get("name") for e in root.findall(f"{XS}element")}
    assert declared == set(
        "TEI teiHeader fileDesc titleStmt title editionStmt edition name num extent measure "
        "publicationStmt publisher availability licence idno sourceDesc bibl ref encodingDesc "
        "appInfo application label editorialDecl normalization p list item term profileDesc "
        "langUsage language particDesc listPerson person persName occupation note revisionDesc "
        "change text body div head opener closer dateline date signed salute pb lb rs "
        "floatingText figure placeName quote q supplied hi creation seg".split())


def test_readme_names_the_guidelines_version():
    readme = resources.schema("README.md").read_text(encoding="utf-8")
    assert "4.3.0" in readme and "xs:assert" in readme


# -- the validator


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixtures_have_no_problem(validator, path):
    assert validator.validate_file(path) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_invalid_fixture_gets_one_plain_message(validator, name):
    problems = validator.validate_file(INVALID / name)
    assert len(problems) == 1, problems
    assert EXPECTED[name] in problems[0].message
    assert str(problems[0]).startswith(f"{INVALID / name}:{problems[0].line}:{problems[0].column}: ")


@pytest.mark.parametrize("name, tag", [
    ("pb-without-n.xml", "<pb"), ("persname-ref-to-nobody.xml", "<persName"),
    ("note-in-note.xml", '<note type="inner"'), ("two-heads.xml", "<head"),
    ("date-1941-13-45.xml", "<date"), ("footnote-without-n.xml", '<note place="foot"'),
])
def test_line_and_column_point_at_the_offending_start_tag(validator, name, tag):
    problem, = validator.validate_file(INVALID / name)
    line = (INVALID / name).read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert line[problem.column - 1:].startswith(tag)


def test_external_entity_content_never_appears(validator):
    report = validate_paths([INVALID / "external-entity.xml"], validator)
    for fmt in ("text", "json"):
        assert SECRET not in format_report(report, fmt)
    assert "EDITIO-LEAKED-SECRET" not in format_report(report, "text")


def test_entities_are_refused_in_utf16_too(validator, tmp_path):
    # the quick byte test of xmlsafe cannot see "<!ENTITY" in UTF-16; the check after parsing does
    secret = tmp_path / "secret.txt"
    secret.write_text("UTF16-SECRET", encoding="utf-8")
    doc = (f'<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE TEI [<!ENTITY s SYSTEM "{secret.as_uri()}">]>\n'
           '<TEI xmlns="http://www.tei-c.org/ns/1.0">&s;</TEI>\n')
    path = tmp_path / "utf16.xml"
    path.write_bytes(doc.encode("utf-16"))
    problem, = validator.validate_file(path)
    assert "declares entities" in problem.message and "UTF16-SECRET" not in str(problem)


def test_a_root_that_is_not_tei(validator, tmp_path):
    path = tmp_path / "html.xml"
    path.write_text("<html><body/></html>", encoding="utf-8")
    problem, = validator.validate_file(path)
    assert problem.message == "the root element is html, not TEI: this is not a TEI document"


def test_validate_tree_works_on_a_tree_in_memory(validator):
    tree = xmlsafe.parse(INVALID / "pb-without-n.xml")
    problem, = validator.validate_tree(tree, "in-memory")
    assert (problem.file, problem.line, problem.column) == ("in-memory", 63, 1)
    assert validator.validate_tree(xmlsafe.parse(VALID[0]), "ok") == []


def test_folders_give_their_xml_files_in_sorted_order(validator):
    report = validate_paths([DATA / "invalid", VALID[0]], validator)
    files = [Path(r.file).name for r in report.results]
    assert files == [*sorted(EXPECTED), VALID[0].name]  # secret.txt is not XML, so not read
    assert [r.valid for r in report.results] == [False] * len(EXPECTED) + [True]


def test_a_missing_file_is_a_problem_not_a_crash(validator, tmp_path):
    problem, = validate_paths([tmp_path / "gone.xml"], validator).problems
    assert problem.message.startswith("cannot read the file")


def test_a_folder_without_xml_files_is_a_problem(validator, tmp_path):
    report = validate_paths([tmp_path], validator)
    assert not report.valid and "holds no .xml file" in report.problems[0].message


def test_the_schema_is_compiled_once_per_run(monkeypatch):
    compiled = []
    real = etree.XMLSchema
    monkeypatch.setattr(etree, "XMLSchema", lambda *a, **k: compiled.append(1) or real(*a, **k))
    report = validate_paths([DATA / "valid"])
    assert report.valid and len(report.results) == len(VALID) and compiled == [1]


def test_assertions_must_follow_the_not_offenders_convention(tmp_path):
    xsd = etree.parse(str(resources.schema("editio.xsd")))
    assertion = next(xsd.iter(f"{XS}assert"))
    assertion.set("test", "count(.//tei:note) le 3")
    bad = tmp_path / "editio.xsd"
    xsd.write(str(bad))
    (tmp_path / "xml.xsd").write_bytes(resources.schema("xml.xsd").read_bytes())
    with pytest.raises(SchemaConventionError, match="not\\(OFFENDERS\\)"):
        Validator(bad)


def test_reports_in_text_and_json():
    problem = Problem("a.xml", 3, 7, "pb: the attribute n is required but missing")
    from editio.validate import FileResult
    report = Report((FileResult("a.xml", (problem,)), FileResult("b.xml", ())))
    assert format_report(report, "text").splitlines() == [
        "a.xml:3:7: pb: the attribute n is required but missing", "1 of 2 files invalid, 1 problem(s)"]
    data = json.loads(format_report(report, "json"))
    assert data["valid"] is False
    assert data["files"][0]["problems"] == [{"line": 3, "column": 7, "message": problem.message}]
    assert data["files"][1] == {"file": "b.xml", "valid": True, "problems": []}


# -- the command line


@pytest.fixture(scope="module")
def cli():
    from editio.cli import main

    if "validate" not in main.commands:
        pytest.skip("the validate command is not registered in editio.cli")
    runner = CliRunner()
    return lambda *args: runner.invoke(main, ["validate", *map(str, args)])


def test_cli_accepts_the_valid_fixtures(cli):
    result = cli(*VALID)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"{len(VALID)} files valid"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_rejects_each_invalid_fixture_naming_the_file(cli, name):
    result = cli(INVALID / name)
    assert result.exit_code == 1
    assert f"{INVALID / name}:" in result.output and EXPECTED[name] in result.output
    assert "Traceback" not in result.output


def test_cli_json_format(cli):
    result = cli("--format", "json", VALID[0], INVALID / "pb-without-n.xml")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [f["valid"] for f in data["files"]] == [True, False]


def test_cli_usage_errors_exit_2(cli):
    assert cli(DATA / "no-such-file.xml").exit_code == 2
    assert cli("--format", "xml", VALID[0]).exit_code == 2
    assert cli().exit_code == 2


def test_cli_refuses_an_entity_bomb_promptly():
    # a real process, so that a bomb that did expand would be stopped by the timeout
    # instead of hanging the test run
    editio = Path(sys.executable).parent / "editio"
    if not editio.exists():
        pytest.skip(f"the editio command is not installed beside {sys.executable}")
    proc = subprocess.run([str(editio), "validate", str(INVALID / "entity-bomb.xml")],
                          capture_output=True, text=True, timeout=60)
    if proc.returncode == 2 and "No such command" in proc.stderr:
        pytest.skip("the validate command is not registered in editio.cli")
    assert proc.returncode == 1
    assert "entity-bomb.xml:1:1: declares entities in a DOCTYPE" in proc.stdout
    assert "lol" not in proc.stdout
