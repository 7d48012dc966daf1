"""BagIt packages: made from a build folder of the converted seeds, checked by editio and by
bagit itself, then damaged in each way an archive meets (changed, missing, added, invalid) and
verified again."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import bagit
import pytest
import xmlschema
from click.testing import CliRunner
from lxml import etree

from editio import __version__, xmlsafe
from editio.cli import main
from editio.package import PackageError, make_bag, verify_bag
from editio.persons.corpus import build_register
from editio.tei.writer import Publication

DOC = "data/tei/000_b906adaf2d80d7b6.xml"


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory, converter, seed_paths) -> Path:
    """What `editio build` leaves for packaging: tei/ with the documents and persons.xml."""
    out = tmp_path_factory.mktemp("build")
    tei = out / "tei"
    tei.mkdir()
    docs = []
    for p in seed_paths:
        r = converter.convert_file(p, tei)
        assert r.error is None, r.error
        docs.append((p.stem, xmlsafe.parse(r.output).getroot()))
    (tei / "persons.xml").write_bytes(etree.tostring(build_register(docs), xml_declaration=True, encoding="UTF-8"))
    (out / "html").mkdir()
    (out / "html" / "index.html").write_text("<html/>", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def made_bag(tmp_path_factory, build_dir) -> Path:
    bag = tmp_path_factory.mktemp("bags") / "bag"
    result = CliRunner().invoke(main, ["package", str(build_dir), "-o", str(bag)])
    assert result.exit_code == 0, result.output
    return bag


@pytest.fixture
def bag(tmp_path, made_bag) -> Path:
    """A fresh copy of the bag to damage."""
    import shutil

    copy = tmp_path / "received"
    shutil.copytree(made_bag, copy)
    return copy


def verify(bag: Path):
    return CliRunner().invoke(main, ["package", "--verify", str(bag)])


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("editio: ") and "note:" not in line]


def rewrite_manifest_entry(bag: Path, rel: str) -> None:
    """What a careful forger does: make the manifests agree with a changed file."""
    def sha(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    for manifest, entry in (("manifest-sha256.txt", rel), ("tagmanifest-sha256.txt", "manifest-sha256.txt")):
        path = bag / manifest
        text = re.sub(rf"^[0-9a-f]{{64}}(\s+){re.escape(entry)}$", rf"{sha(bag / entry)}\g<1>{entry}",
                      path.read_text(encoding="utf-8"), flags=re.M)
        assert text != path.read_text(encoding="utf-8"), manifest
        path.write_text(text, encoding="utf-8")


# -- making a bag


def test_the_bag_holds_the_tei_the_register_the_schema_and_a_readme(made_bag, build_dir):
    payload = sorted(str(p.relative_to(made_bag)) for p in (made_bag / "data").rglob("*") if p.is_file())
    documents = sorted(f"data/tei/{p.name}" for p in (build_dir / "tei").glob("*.xml"))
    assert "data/tei/persons.xml" in documents
    assert payload == sorted(documents + ["data/README.txt", "data/schema/editio.xsd", "data/schema/xml.xsd"])
    for rel in documents:
        assert (made_bag / rel).read_bytes() == (build_dir / "tei" / Path(rel).name).read_bytes()
    assert not any("html" in p for p in payload)
    assert sorted(p.name for p in made_bag.iterdir()) == [
        "bag-info.txt", "bagit.txt", "data", "manifest-sha256.txt", "tagmanifest-sha256.txt"]


def test_bagit_itself_finds_the_bag_valid_with_sha256_manifests(made_bag):
    bag = bagit.Bag(str(made_bag))
    assert bag.validate()
    assert bag.algorithms == ["sha256"]
    assert len(bag.payload_entries()) == 7


def test_bag_info_names_source_software_date_and_counts(made_bag):
    info = bagit.Bag(str(made_bag)).info
    assert info["Source-Organization"] == Publication().publisher
    assert info["Bag-Software-Agent"] == f"editio {__version__}"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", info["Bagging-Date"])
    assert info["TEI-Document-Count"] == "3"
    assert info["Persons-Register-Count"] == "1"
    assert info["Schema-File-Count"] == "2"
    assert "3 historical documents" in info["External-Description"]
    size = sum(p.stat().st_size for p in (made_bag / "data").rglob("*") if p.is_file())
    assert info["Payload-Oxum"] == f"{size}.7"


def test_source_organization_comes_from_the_publication(tmp_path, build_dir):
    bag = make_bag(build_dir, tmp_path / "bag", publication=Publication(publisher="Office of the Historian"))
    assert bag.info["Source-Organization"] == "Office of the Historian"


def test_the_readme_tells_what_the_files_are_and_how_to_check_them(made_bag):
    text = (made_bag / "data" / "README.txt").read_text(encoding="utf-8")
    for needle in ("3 TEI documents", "data/tei/persons.xml", "data/schema/editio.xsd", "XSD 1.1",
                   "manifest-sha256.txt", "bagit.py --validate", "editio package --verify",
                   f"editio {__version__}"):
        assert needle in text, needle


def test_the_readme_instruction_for_other_xsd_processors_holds(made_bag):
    # the bag's schema is complete on its own (xml.xsd travels with it) and accepts every TEI file
    schema = xmlschema.XMLSchema11(str(made_bag / "data" / "schema" / "editio.xsd"))
    for path in sorted((made_bag / "data" / "tei").glob("*.xml")):
        schema.validate(str(path))


def test_packaging_twice_gives_the_same_payload_and_manifest(tmp_path, build_dir, made_bag):
    again = make_bag(build_dir, tmp_path / "again")
    for name in ("manifest-sha256.txt", "bagit.txt"):
        assert (Path(again.path) / name).read_bytes() == (made_bag / name).read_bytes()


def test_an_existing_bag_is_kept_unless_forced(tmp_path, build_dir):
    target = tmp_path / "bag"
    target.mkdir()
    (target / "precious.txt").write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(main, ["package", str(build_dir), "-o", str(target)])
    assert result.exit_code == 1
    assert "already exists" in result.output and "--force" in result.output
    assert (target / "precious.txt").read_text(encoding="utf-8") == "keep me"

    result = CliRunner().invoke(main, ["package", str(build_dir), "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert not (target / "precious.txt").exists()
    assert bagit.Bag(str(target)).validate()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bag"]  # no temporary folders left


def test_invalid_tei_is_not_packaged(tmp_path, build_dir):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(build_dir, out)
    doc = out / "tei" / Path(DOC).name
    doc.write_text(doc.read_text(encoding="utf-8").replace("<head>", "<hexd>", 1).replace("</head>", "</hexd>", 1),
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["package", str(out), "-o", str(tmp_path / "bag")])
    assert result.exit_code == 1
    assert f"{doc}:" in result.output and "hexd" in result.output
    assert "nothing was packaged" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_folder_without_the_register_is_refused(tmp_path, seed_paths, converter):
    (tmp_path / "out" / "tei").mkdir(parents=True)
    converter.convert_file(seed_paths[0], tmp_path / "out" / "tei")
    with pytest.raises(PackageError, match="persons.xml"):
        make_bag(tmp_path / "out", tmp_path / "bag")
    assert not (tmp_path / "bag").exists()


def test_usage_errors_exit_2(tmp_path, build_dir, made_bag):
    assert CliRunner().invoke(main, ["package", str(build_dir)]).exit_code == 2
    assert CliRunner().invoke(main, ["package", "--verify", str(made_bag), "-o", str(tmp_path / "x")]).exit_code == 2
    assert CliRunner().invoke(main, ["package", "--verify", str(tmp_path / "nowhere")]).exit_code == 2


# -- verifying a received bag


def test_an_untouched_bag_verifies(made_bag):
    result = verify(made_bag)
    assert result.exit_code == 0, result.output
    assert problem_lines(result.output) == []
    assert "3 TEI documents" in result.output


def test_a_changed_byte_is_named(bag):
    path = bag / DOC
    data = bytearray(path.read_bytes())
    i = data.index(b"Welles")
    data[i] = ord("V")
    path.write_bytes(bytes(data))
    assert not bagit.Bag(str(bag)).is_valid()
    result = verify(bag)
    assert result.exit_code == 1
    assert problem_lines(result.output) == [
        f"editio: {bag / DOC}: changed since bagging (its sha256 checksum differs from manifest-sha256.txt)"]


def test_a_deleted_file_is_named(bag):
    (bag / "data/tei/persons.xml").unlink()
    assert not bagit.Bag(str(bag)).is_valid()
    result = verify(bag)
    assert result.exit_code == 1
    assert problem_lines(result.output) == [
        f"editio: {bag / 'data/tei/persons.xml'}: missing (listed in the manifest, not in the bag)"]


def test_an_added_file_is_named(bag):
    (bag / "data" / "notes.txt").write_text("added after bagging\n", encoding="utf-8")
    assert not bagit.Bag(str(bag)).is_valid()
    result = verify(bag)
    assert result.exit_code == 1
    assert problem_lines(result.output) == [
        f"editio: {bag / 'data/notes.txt'}: extra file (in the bag, not in any manifest)"]


def test_a_changed_length_and_a_changed_tag_file_are_both_named(bag):
    # a longer file trips bagit's Payload-Oxum check, which names no file; editio still does
    with open(bag / DOC, "ab") as f:
        f.write(b"\n")
    info = bag / "bag-info.txt"
    info.write_text(info.read_text(encoding="utf-8").replace("Source-Organization: ", "Source-Organization: X"),
                    encoding="utf-8")
    lines = problem_lines(verify(bag).output)
    assert f"editio: {bag / 'bag-info.txt'}: changed since bagging (its sha256 checksum differs from tagmanifest-sha256.txt)" in lines
    assert f"editio: {bag / DOC}: changed since bagging (its sha256 checksum differs from manifest-sha256.txt)" in lines


def test_invalid_tei_under_matching_checksums_is_reported(bag):
    path = bag / DOC
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("<head>", "<hexd>", 1).replace("</head>", "</hexd>", 1), encoding="utf-8")
    rewrite_manifest_entry(bag, DOC)
    assert bagit.Bag(str(bag)).validate()  # fixity alone cannot see it
    result = verify(bag)
    assert result.exit_code == 1
    lines = problem_lines(result.output)
    assert len(lines) == 1
    assert lines[0].startswith(f"editio: {path}:") and "hexd" in lines[0]


def test_a_schema_other_than_editios_is_noted(bag):
    path = bag / "data/schema/editio.xsd"
    path.write_bytes(path.read_bytes().replace(b"XSD 1.1", b"XSD 1.X", 1))
    rewrite_manifest_entry(bag, "data/schema/editio.xsd")
    result = verify(bag)
    assert result.exit_code == 0, result.output
    assert f"editio: note: {path}: differs from editio {__version__}'s editio.xsd" in result.output


def test_a_folder_that_is_not_a_bag(tmp_path):
    result = verify(tmp_path)
    assert result.exit_code == 1
    assert "not a readable BagIt bag" in result.output
    assert "no TEI files" in result.output


def test_verify_bag_api(made_bag):
    result = verify_bag(made_bag)
    assert result.ok and result.documents == 3 and result.notes == []
