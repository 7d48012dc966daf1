"""Raw text to TEI: the conversion pipeline, usable from Python.

    from editio.convert import Converter
    tei_bytes = Converter().convert_bytes(raw_bytes, "000_b906adaf2d80d7b6.txt").tei

decode -> read (one reader per kind) -> annotate (page breaks, then footnote anchors, then
dates, then person names: each later annotator sees the earlier ones' markers as covered)
-> write TEI. Everything is deterministic: the same bytes in give the same bytes out.
"""
from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import catalogue
from .annotate.dates import annotate_dates
from .annotate.notes import annotate_notes
from .annotate.pages import annotate_pages
from .annotate.persons import CorpusLearner, Evidence, annotate_persons, evidence
from .config import load_publication
from .config import register_path as configured_register
from .decode import InputError, decode
from .fsio import write_atomic
from .model import Document
from .persons.register import Register, load_register
from .persons.tei import listperson_element
from .readers import READERS, pick
from .tei.writer import Publication, Source, build, serialise

INPUT_SUFFIXES = (".txt", ".text", "")


@dataclass
class Result:
    source: Path
    output: Path | None = None
    tei: bytes | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    notes: int = 0


class Converter:
    """Converts raw texts; the register and configuration are loaded once and reused."""

    def __init__(self, profile: str | None = None, register: Register | None = None,
                 publication: Publication | None = None):
        if profile is not None and profile not in READERS:
            raise ValueError(f"unknown profile {profile!r}; known: {', '.join(READERS)}")
        self.profile = profile
        self.register = register if register is not None else load_register(configured_register())
        self.publication = publication or load_publication()

    def document(self, text: str, stem: str) -> Document:
        """The annotated document model of a decoded text."""
        doc = self.prepare(text, stem)
        annotate_persons(doc, self.register)
        return doc

    def prepare(self, text: str, stem: str) -> Document:
        """Read and annotate everything but person names (what corpus learning needs)."""
        profile = self.profile or pick(text)
        doc = READERS[profile].read(text, stem)
        if self.profile is None:
            doc.decisions.insert(0, f"The reader was chosen automatically ({profile}).")
        else:
            doc.decisions.insert(0, f"The reader was chosen by the user (--profile {profile}).")
        annotate_pages(doc)
        annotate_notes(doc)
        annotate_dates(doc)
        if not any(b.inline is not None and b.inline.text.strip() for b in doc.blocks()):
            raise InputError("no text left to encode once the page's chrome was left out")
        return doc

    def convert_bytes(self, data: bytes, filename: str) -> Result:
        """Convert one raw text; ``filename`` names it in the header and gives the stem."""
        stem = Path(filename).stem
        result = Result(Path(filename))
        try:
            decoded = decode(data)
            doc = self.document(decoded.text, stem)
        except InputError as e:
            result.error = str(e)
            return result
        sha = hashlib.sha256(data).hexdigest()
        source = Source(Path(filename).name, sha, decoded.encoding, decoded.how, decoded.line_ends,
                        decoded.dropped, decoded.nbsp, catalogue.lookup(sha))
        root = build(doc, source, self.publication, listperson_element(doc))
        result.tei = serialise(root)
        result.warnings = doc.warnings
        result.pages = int(root.find(".//{*}extent/{*}measure").get("quantity"))
        result.notes = len(doc.footnotes)
        return result

    def evidence(self, path: Path) -> Evidence | None:
        """What ``path`` tells about persons, for learning from a batch; None if it cannot be read."""
        try:
            decoded = decode(_read(path))
            return evidence(self.prepare(decoded.text, path.stem))
        except Exception:  # noqa: BLE001 - the text's error is reported when it is converted
            return None

    def convert_file(self, path: Path, out_dir: Path) -> Result:
        """Convert ``path`` to ``out_dir/<stem>.xml``, atomically; errors are reported, not raised."""
        try:
            data = _read(path)
        except InputError as e:
            return Result(path, error=str(e))
        try:
            result = self.convert_bytes(data, path.name)
        except Exception as e:  # noqa: BLE001 - one text editio cannot handle must not stop a batch
            return Result(path, error=f"editio failed on this text ({type(e).__name__}: {e}); please report it "
                                      f"with the file")
        result.source = path
        if result.tei is None:
            return result
        out = out_dir / (path.stem + ".xml")
        try:
            if out.resolve() == path.resolve():
                result.error = "the output would overwrite the input"
                return result
            write_atomic(out, result.tei)
        except OSError as e:
            result.error = f"cannot write {out}: {e.strerror or e}"
            return result
        result.output = out
        return result


def _read(path: Path) -> bytes:
    if not path.exists():
        raise InputError("no such file")
    if path.is_dir():
        raise InputError("is a folder, not a file")
    try:
        return path.read_bytes()
    except PermissionError:
        raise InputError("cannot be read (permission denied)") from None
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror or e})") from None


# --- batches -------------------------------------------------------------------------------

_worker: Converter | None = None


def _init_worker(profile: str | None, register: Register, publication: Publication) -> None:
    global _worker
    _worker = Converter(profile, register, publication)


def _work(path: str, out: str) -> Result:
    assert _worker is not None
    r = _worker.convert_file(Path(path), Path(out))
    r.tei = None  # the bytes are on disk; do not ship them back to the parent
    return r


def _gather(path: str) -> Evidence | None:
    assert _worker is not None
    return _worker.evidence(Path(path))


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover
        return max(1, os.cpu_count() or 1)


def convert_many(paths: list[Path], out_dir: Path, profile: str | None = None, register_path: Path | None = None,
                 jobs: int = 1, publication: Publication | None = None, learn: bool = True):
    """Convert every path into ``out_dir``; yields a :class:`Result` per input, in input order.

    With ``learn`` (and more than one input), a first pass gathers what each text says about
    persons and the register learns from the whole batch, so that a surname alone is tagged
    in every document once one of them names the person fully. With ``jobs`` > 1 both passes
    are spread over worker processes, each loading the register once and taking many files
    (in chunks, so the cost of a process is shared); nothing but small results crosses back.
    """
    publication = publication or load_publication()
    register = load_register(register_path or configured_register())
    parallel = jobs > 1 and len(paths) >= 8
    chunk = max(1, min(64, len(paths) // (jobs * 4)))
    if learn and len(paths) > 1:
        learner = CorpusLearner(register)
        by_stem = sorted(paths, key=lambda p: p.stem)
        if parallel:
            with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(profile, register, publication)) as ex:
                found = ex.map(_gather, map(str, by_stem), chunksize=chunk)
                for ev in found:
                    if ev is not None:
                        learner.add(ev)
        else:
            conv = Converter(profile, register, publication)
            for p in by_stem:
                ev = conv.evidence(p)
                if ev is not None:
                    learner.add(ev)
        register = learner.register()
    if not parallel:
        conv = Converter(profile, register, publication)
        for p in paths:
            r = conv.convert_file(p, out_dir)
            r.tei = None
            yield r
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(profile, register, publication)) as ex:
        yield from ex.map(_work, map(str, paths), [str(out_dir)] * len(paths), chunksize=chunk)
