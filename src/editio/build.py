"""``editio build``: raw texts to validated TEI, the persons register and both editions.

    SRC/*.txt  ->  OUT/tei/<stem>.xml + OUT/tei/persons.xml
               ->  OUT/html/<stem>.html + index.html + persons.html (+ edition.css, notes.js)
               ->  OUT/text/<stem>.txt

Files in those three folders that this build did not write (left from texts since removed)
are deleted, so OUT is exactly what the sources give.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lxml import etree

from .convert import convert_many
from .fsio import expand, write_atomic
from .persons.corpus import RegisterBuilder
from .render import REGISTER_NAME, render_paths
from .tei.writer import serialise
from .validate import Validator

# what a build writes; anything else in its folders is the user's and stays
_OWNED = {".xml", ".html", ".txt", ".css", ".js"}


@dataclass
class BuildReport:
    documents: int = 0
    pages: int = 0
    footnotes: int = 0
    persons: int = 0
    warnings: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def table(self) -> str:
        rows = [("documents", self.documents), ("page breaks", self.pages), ("footnotes", self.footnotes),
                ("persons", self.persons), ("warnings", len(self.warnings)), ("failures", len(self.failures))]
        width = max(len(k) for k, _ in rows)
        return "\n".join(f"{k:<{width}}  {v:>7}" for k, v in rows)


def build(src: Path, out: Path, jobs: int = 1, register_path: Path | None = None,
          progress: Callable[[int], object] | None = None) -> BuildReport:
    """Run the whole pipeline; ``progress(n)`` is called as n more inputs are converted."""
    report = BuildReport()
    inputs = expand([src], ".txt")
    tei_dir, html_dir, text_dir = out / "tei", out / "html", out / "text"
    for d in (tei_dir, html_dir, text_dir):
        d.mkdir(parents=True, exist_ok=True)

    converted: list[Path] = []
    for r in convert_many(inputs, tei_dir, register_path=register_path, jobs=jobs):
        if progress:
            progress(1)
        if r.error:
            report.failures.append(f"{r.source}: {r.error}")
            continue
        converted.append(r.output)
        report.warnings += [f"{r.source}: {w}" for w in r.warnings]
        report.pages += r.pages
        report.footnotes += r.notes

    # each document is parsed once here, checked, registered and let go: memory stays flat
    validator = Validator()
    registry = RegisterBuilder()
    valid: list[Path] = []
    for path in converted:
        tree = etree.parse(str(path))
        if validator.validate_tree(tree, str(path)):
            # said again from the file, for line numbers a person can go to
            report.failures += [str(p) for p in validator.validate_file(path)]
            path.unlink()  # invalid TEI is not handed on to an archive
            continue
        registry.add(path.stem, tree.getroot())
        valid.append(path)
    report.documents = len(valid)

    register = registry.tree()
    register_file = tei_dir / REGISTER_NAME
    write_atomic(register_file, serialise(register.getroot()))
    report.failures += [str(p) for p in validator.validate_file(register_file)]
    report.persons = len(register.getroot().findall(".//{*}listPerson/{*}person"))
    report.written += valid + [register_file]

    for fmt, target in (("html", html_dir), ("text", text_dir)):
        rendered = render_paths(valid + [register_file], fmt, target)
        report.failures += rendered.errors
        report.written += rendered.written

    _remove_stale(out, {p.resolve() for p in report.written})
    return report


def _remove_stale(out: Path, written: set[Path]) -> None:
    for folder in ("tei", "html", "text"):
        for p in (out / folder).iterdir():
            if p.is_file() and p.suffix in _OWNED and p.resolve() not in written:
                p.unlink()
