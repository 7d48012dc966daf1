"""BagIt packages of a build for archives: make one from a build folder, verify one received.

The bag holds what an archive keeps: the TEI documents, the corpus persons register, the schema
they validate against and a README for the archivist, under SHA-256 manifests (RFC 8493, made
with the Library of Congress ``bagit`` library). The HTML and text editions are left out: they
are derived from the TEI by ``editio render`` and can be made again at any time.

A bag is made in a hidden folder beside its destination and renamed into place when complete,
so an interrupted run leaves no half-written bag under the name an archive would pick up.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from . import __version__, resources
from .config import load_publication
from .render import REGISTER_NAME
from .tei.writer import Publication
from .validate import Validator

# bagit logs every finding (and a traceback when bagging fails) on its own logger; with no
# handler configured Python would print those to stderr. Findings are reported here instead.
logging.getLogger("bagit").addHandler(logging.NullHandler())

CHECKSUMS = ("sha256",)
TEI_DIR = "tei"
SCHEMA_DIR = "schema"
README_NAME = "README.txt"
SCHEMA_FILES = ("editio.xsd", "xml.xsd")


class PackageError(ValueError):
    """The build folder cannot be packaged; ``problems`` lists each reason (one line each)."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Payload:
    """What goes into a bag, found in a build folder."""

    documents: tuple[Path, ...]
    register: Path
    schemas: tuple[Path, ...]


@dataclass
class Verification:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    documents: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def collect(out_dir: Path) -> Payload:
    """The TEI files of ``out_dir/tei`` (a build folder), its register and editio's schema."""
    tei_dir = out_dir / TEI_DIR
    if not tei_dir.is_dir():
        raise PackageError(f"{out_dir}: no {TEI_DIR}/ folder; package the output folder of editio build")
    files = sorted(p for p in tei_dir.iterdir() if p.suffix == ".xml" and p.is_file() and not p.name.startswith("."))
    register = tei_dir / REGISTER_NAME
    documents = tuple(p for p in files if p != register)
    if not documents:
        raise PackageError(f"{tei_dir}: holds no TEI documents")
    if not register.is_file():
        raise PackageError(f"{tei_dir}: no persons register ({REGISTER_NAME}); editio build writes it beside the documents")
    return Payload(documents, register, tuple(resources.schema(name) for name in SCHEMA_FILES))


def readme(payload: Payload) -> str:
    """The archivist's README; it depends on the payload counts and editio's version only."""
    n = len(payload.documents)
    documents = f"{n} TEI document{'s' if n != 1 else ''}"
    return f"""\
TEI package made by editio {__version__}
{'=' * (len('TEI package made by editio ') + len(__version__))}

This is a BagIt bag (RFC 8493). It holds {documents} of historical documents (FRUS, the
Foreign Relations of the United States, and web articles), the persons register of the corpus,
and the XML Schema every TEI file here is valid against.

What the files are
------------------
data/tei/<name>.xml     One historical document each, encoded in TEI P5 XML (UTF-8). The
                        teiHeader records the source file's name and SHA-256, how its bytes
                        were decoded, the editorial decisions taken, and the people named
                        (particDesc); the text keeps page breaks, footnotes at their anchors,
                        dates and person names.
data/tei/{REGISTER_NAME}     The persons register of the corpus: a TEI document whose body holds one
                        listPerson; each person has an xml:id (the target of the documents'
                        persName/@ref), canonical and variant names, and a list of the
                        documents that mention them with the number of mentions.
data/schema/editio.xsd  The schema (XSD 1.1) of the TEI that editio writes: a subset of TEI P5
                        4.3.0; a file valid against it is also valid against tei_all.
data/schema/xml.xsd     The W3C schema for the xml: attributes, imported by editio.xsd.
data/{README_NAME}         This file.
manifest-sha256.txt     The SHA-256 checksum of every file under data/.
tagmanifest-sha256.txt  The SHA-256 checksums of the tag files (bagit.txt, bag-info.txt and
                        manifest-sha256.txt).
bag-info.txt            Who made the bag and when, the payload size (Payload-Oxum), and the
                        counts of TEI documents, persons registers and schema files.

How they were made
------------------
editio read each raw source text (plain page text), decoded it, recognised its structure,
marked page breaks, footnotes, dates and person names, and wrote the TEI; it then gathered the
people named in all documents into the persons register. The same source bytes always give the
same TEI bytes. `editio package` validated every TEI file against data/schema/editio.xsd before
bagging and copied the files unchanged.

How to check them
-----------------
Fixity (no file missing, added or changed):
    bagit.py --validate BAG        (the Library of Congress bagit-python tool), or
    cd BAG && sha256sum -c manifest-sha256.txt

Fixity and validity together, with editio installed:
    editio package --verify BAG

Validity alone, with any XSD 1.1 processor (Saxon-EE, Xerces-J, Python's xmlschema):
    xmlschema-validate --version 1.1 --schema data/schema/editio.xsd data/tei/*.xml
"""


def bag_info(payload: Payload, publication: Publication) -> dict[str, str]:
    n = len(payload.documents)
    return {
        "Source-Organization": publication.publisher,
        "Bag-Software-Agent": f"editio {__version__}",
        "External-Description": (f"TEI P5 XML edition of {n} historical document{'s' if n != 1 else ''}, "
                                 "with the corpus persons register and the XML Schema they validate against."),
        "TEI-Document-Count": str(n),
        "Persons-Register-Count": "1",
        "Schema-File-Count": str(len(payload.schemas)),
    }


def make_bag(out_dir: Path, bag_path: Path, *, force: bool = False, publication: Publication | None = None,
             validator: Validator | None = None) -> bagit.Bag:
    """Package the build folder ``out_dir`` as the bag ``bag_path``.

    Raises :class:`PackageError` when ``bag_path`` exists (unless ``force``), when the build folder
    lacks documents or the register, or when a TEI file is not valid (no bag is written then).
    """
    if (bag_path.exists() or bag_path.is_symlink()) and not force:
        raise PackageError(f"{bag_path}: already exists; give --force to replace it")
    payload = collect(out_dir)
    validator = validator or Validator()
    problems = [str(p) for path in (*payload.documents, payload.register) for p in validator.validate_file(path)]
    if problems:
        raise PackageError(f"{out_dir}: invalid TEI; nothing was packaged", problems)
    info = bag_info(payload, publication or load_publication())

    bag_path.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{bag_path.name}.", suffix=".part", dir=bag_path.parent))
    try:
        os.chmod(work, 0o755)  # mkdtemp's 0700 would be copied onto data/ by bagit
        (work / TEI_DIR).mkdir()
        (work / SCHEMA_DIR).mkdir()
        for path in (*payload.documents, payload.register):
            shutil.copyfile(path, work / TEI_DIR / path.name)
        for path in payload.schemas:
            shutil.copyfile(path, work / SCHEMA_DIR / path.name)
        (work / README_NAME).write_text(readme(payload), encoding="utf-8", newline="\n")
        bagit.make_bag(str(work), info, checksums=list(CHECKSUMS))
        _move_into_place(work, bag_path)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return bagit.Bag(str(bag_path))


def _move_into_place(work: Path, bag_path: Path) -> None:
    if not (bag_path.exists() or bag_path.is_symlink()):
        os.rename(work, bag_path)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{bag_path.name}.", suffix=".old", dir=bag_path.parent))
    os.rename(bag_path, old / "bag")
    try:
        os.rename(work, bag_path)
    except BaseException:
        os.rename(old / "bag", bag_path)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


# -- verifying a received bag


def verify_bag(bag_path: Path, validator: Validator | None = None) -> Verification:
    """Check a received bag: BagIt fixity and completeness, then every TEI file's validity."""
    result = Verification(problems=_bag_problems(bag_path))
    tei_dir = bag_path / "data" / TEI_DIR
    files = sorted(p for p in tei_dir.glob("*.xml") if p.is_file()) if tei_dir.is_dir() else []
    if not files:
        result.problems.append(f"{tei_dir}: no TEI files; this is not a package made by editio")
        return result
    validator = validator or Validator()
    result.documents = sum(p.name != REGISTER_NAME for p in files)
    result.problems += [str(p) for path in files for p in validator.validate_file(path)]
    result.notes += _schema_notes(bag_path)
    return result


def _bag_problems(bag_path: Path) -> list[str]:
    try:
        bag = bagit.Bag(str(bag_path))
    except bagit.BagError as e:
        return [f"{bag_path}: not a readable BagIt bag ({_bagit_message(e)})"]
    try:
        bag.validate()
    except bagit.BagValidationError as e:
        details = [_detail(bag_path, d) for d in e.details]
        if details:
            return details
        # bagit stops at a structural or Payload-Oxum finding without naming the files behind it
        return _itemise(bag, bag_path) or [f"{bag_path}: {_bagit_message(e)}"]
    except bagit.BagError as e:
        return [f"{bag_path}: {_bagit_message(e)}"]
    return []


def _bagit_message(e: bagit.BagError) -> str:
    return getattr(e, "message", None) or str(e) or type(e).__name__


def _manifest_of(path: str, algorithm: str) -> str:
    return f"{'manifest' if path.startswith('data/') else 'tagmanifest'}-{algorithm}.txt"


def _detail(bag_path: Path, d: bagit.BagError) -> str:
    if isinstance(d, bagit.ChecksumMismatch):
        return (f"{bag_path / d.path}: changed since bagging "
                f"(its {d.algorithm} checksum differs from {_manifest_of(d.path, d.algorithm)})")
    if isinstance(d, bagit.FileMissing):
        return f"{bag_path / d.path}: missing (listed in the manifest, not in the bag)"
    if isinstance(d, bagit.UnexpectedFile):
        return f"{bag_path / d.path}: extra file (in the bag, not in any manifest)"
    return f"{bag_path}: {d}"


def _itemise(bag: bagit.Bag, bag_path: Path) -> list[str]:
    """Each missing, extra and changed file, found with bagit's listings and hashlib."""
    missing, extra = bag.compare_manifests_with_fs()
    lines = [_detail(bag_path, bagit.FileMissing(p)) for p in sorted(missing)]
    lines += [_detail(bag_path, bagit.UnexpectedFile(p)) for p in sorted(extra)]
    for rel, hashes in sorted(bag.entries.items()):
        path = bag_path / rel
        if rel in missing or not path.is_file():
            continue
        for algorithm, expected in sorted(hashes.items()):
            found = hashlib.new(algorithm, path.read_bytes()).hexdigest() if algorithm in hashlib.algorithms_available else None
            if found is not None and found != expected.lower():
                lines.append(_detail(bag_path, bagit.ChecksumMismatch(rel, algorithm)))
    return lines


def _schema_notes(bag_path: Path) -> list[str]:
    """The TEI is checked against this editio's schema; say so when the bag carries another."""
    notes = []
    for name in SCHEMA_FILES:
        copy = bag_path / "data" / SCHEMA_DIR / name
        if not copy.is_file():
            notes.append(f"{copy}: not in the bag; the TEI was checked against editio {__version__}'s {name}")
        elif copy.read_bytes() != resources.schema(name).read_bytes():
            notes.append(f"{copy}: differs from editio {__version__}'s {name} (made by another version?); "
                         "the TEI was checked against editio's own")
    return notes
