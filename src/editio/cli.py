"""The command line: a thin Click layer over the library API."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__
from .persons.commands import persons_group
from .readers import READERS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="editio")
def main() -> None:
    """Raw texts of historical documents to validated TEI P5, and reading editions from it."""


def _fail(message: str) -> None:
    click.echo(f"editio: {message}", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
# the folder is checked (and created) by the command itself, so its errors read like the others
@click.option("--out", "-o", "out_dir", required=True, type=click.Path(path_type=Path, readable=False),
              help="Folder for the TEI files (DIR/<stem>.xml); created if missing.")
@click.option("--profile", type=click.Choice(sorted(READERS)), default=None,
              help="The kind of raw text, instead of detecting it.")
@click.option("--register", "register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Persons register to use instead of the packaged one.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Worker processes (default: the cores available).")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
def convert(inputs, out_dir, profile, register_path, jobs, quiet):
    """Convert raw texts (files, or folders of .txt files) to TEI P5."""
    from .convert import convert_many, default_jobs
    from .fsio import expand

    paths = expand(list(inputs), ".txt")
    empty = [p for p in inputs if p.is_dir() and not any(q.parent == p for q in paths)]
    _make_dir(out_dir)
    failed = len(empty)
    for p in empty:
        _fail(f"{p}: no .txt files in this folder")
    with _register_errors():
        for r in convert_many(paths, out_dir, profile, register_path, jobs or default_jobs()):
            if r.error:
                failed += 1
                _fail(f"{r.source}: {r.error}")
                continue
            if not quiet:
                for w in r.warnings:
                    click.echo(f"{r.source}: warning: {w}", err=True)
    if not quiet:
        done = len(paths) - failed + len(empty)
        click.echo(f"converted {done} of {len(paths)} file{'s' if len(paths) != 1 else ''} "
                   f"into {out_dir}" + (f"; {failed} failed" if failed else ""), err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("src", required=False, default="seeds", type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", "-o", "out", default="output", type=click.Path(path_type=Path, readable=False),
              help="Output folder (default: output/): tei/, html/ and text/ inside it.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Worker processes for the conversion (default: the cores available).")
@click.option("--register", "register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Persons register to use instead of the packaged one.")
def build(src, out, jobs, register_path):
    """Convert, validate and render everything in SRC (default: seeds/) into OUT (default: output/)."""
    from tqdm import tqdm

    from .build import build as run_build
    from .convert import default_jobs
    from .fsio import expand

    if not src.is_dir():
        raise click.BadParameter(f"{src} is not a folder", param_hint="SRC")
    _make_dir(out)
    total = len(expand([src], ".txt"))
    # a bar for people at a terminal; logs and CI get the summary only
    with tqdm(total=total, unit="doc", desc="converting", disable=not sys.stderr.isatty(), leave=False) as bar:
        with _register_errors():
            report = run_build(src, out, jobs or default_jobs(), register_path, progress=bar.update)
    for f in report.failures:
        _fail(f)
    if report.warnings:
        click.echo(f"{len(report.warnings)} warning(s); the first: {report.warnings[0]}", err=True)
    click.echo(report.table())
    click.echo(f"written to {out}/tei, {out}/html and {out}/text")
    sys.exit(0 if report.ok else 1)


@contextmanager
def _register_errors():
    """An unusable persons register is a usage error (exit 2), said in one line."""
    from .persons.register import RegisterError

    try:
        yield
    except RegisterError as e:
        raise click.UsageError(str(e)) from None


def _make_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        _fail(f"{path}: cannot create the output folder ({e.strerror or e})")
        sys.exit(1)
    if not os.access(path, os.W_OK):
        _fail(f"{path}: the output folder is not writable")
        sys.exit(1)


@main.command("render")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["html", "text"]), default="html", show_default=True,
              help="The edition to make.")
@click.option("--out", "-o", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the edition (DIR/<stem>.html or .txt); created if missing.")
@click.option("--no-page-markers", is_flag=True,
              help="Leave the [p. N] page markers out of the text edition.")
def render_command(paths, fmt, out_dir, no_page_markers):
    """Publish TEI files (or folders of them) as an HTML or plain-text reading edition.

    With more than one document the HTML edition gets index.html and persons.html; a
    persons.xml among the inputs is taken as the corpus persons register.
    """
    from .render import render_paths

    try:
        report = render_paths(list(paths), fmt, out_dir, page_markers=not no_page_markers)
    except OSError as e:
        _fail(f"{out_dir}: cannot write the edition ({e.strerror or e})")
        sys.exit(1)
    for error in report.errors:
        _fail(f"{error}")
    click.echo(f"rendered {report.documents} document{'s' if report.documents != 1 else ''} ({fmt}) into {out_dir}"
               + (f"; {len(report.errors)} failed" if report.errors else ""), err=True)
    sys.exit(1 if report.errors else 0)


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one file:line:column: message line per problem; json: a report object.")
@click.pass_context
def validate_command(ctx: click.Context, paths: tuple[str, ...], fmt: str) -> None:
    """Check TEI files (and every .xml file in folders) against editio's schema.

    Exit status 0 when every file is valid, 1 when any is not.
    """
    from .validate import format_report, validate_paths

    report = validate_paths(paths)
    click.echo(format_report(report, fmt))
    ctx.exit(0 if report.valid else 1)


@main.command("package")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "-o", "bag_path", type=click.Path(path_type=Path),
              help="The bag to make (a new folder).")
@click.option("--force", is_flag=True, help="Replace the bag if it exists.")
@click.option("--verify", is_flag=True,
              help="Check the bag FOLDER instead: manifests, completeness and the validity of its TEI.")
def package_command(folder, bag_path, force, verify):
    """Package a build folder (its tei/) as a BagIt bag for an archive, or --verify a received bag.

    \b
    editio package OUT -o BAG       make BAG from the output folder OUT of editio build
    editio package --verify BAG     check BAG; exit 1 and one line per problem if it is damaged
    """
    from .package import PackageError, make_bag, verify_bag

    if verify:
        if bag_path is not None or force:
            raise click.UsageError("--verify takes the bag as its argument and no --out or --force")
        result = verify_bag(folder)
        for line in result.problems:
            _fail(f"{line}")
        for line in result.notes:
            _fail(f"note: {line}")
        if result.ok:
            click.echo(f"{folder}: bag complete and unchanged; {result.documents} TEI document"
                       f"{'s' if result.documents != 1 else ''} and the persons register valid", err=True)
        else:
            click.echo(f"{folder}: {len(result.problems)} problem{'s' if len(result.problems) != 1 else ''}", err=True)
        sys.exit(0 if result.ok else 1)
    if bag_path is None:
        raise click.UsageError("give the bag to make with --out/-o BAG (or --verify to check a bag)")
    try:
        bag = make_bag(folder, bag_path, force=force)
    except PackageError as e:
        for line in e.problems:
            _fail(f"{line}")
        _fail(f"{e}")
        sys.exit(1)
    except OSError as e:
        _fail(f"{bag_path}: cannot write the bag ({e.strerror or e})")
        sys.exit(1)
    click.echo(f"packaged {bag.info['TEI-Document-Count']} TEI documents, the persons register and the schema "
               f"into {bag_path} (Payload-Oxum {bag.info['Payload-Oxum']})", err=True)
    sys.exit(0)


main.add_command(persons_group)
