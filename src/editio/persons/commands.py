"""``editio persons``: import a FRUS List of Persons or a TEI listPerson, list and check the register.

Exit codes: 0 done; 1 ``check`` found names the register lacks; 2 unusable input
(unreadable file, invalid register, no persons in the import).
"""
from __future__ import annotations

from pathlib import Path

import click
from lxml import etree

from .. import resources, xmlsafe
from .importer import ImportError_, read_persons
from ..config import LOCAL_REGISTER
from ..config import register_path as configured_register
from .register import RegisterError, read_register, write_register

TEI = "http://www.tei-c.org/ns/1.0"
_REGISTER_HELP = ("The register file (TOML). Default: the project's ([persons] register in editio.toml, "
                  "else persons.toml in the current folder), else the shipped register.")


class _Fail(click.ClickException):
    exit_code = 2


def _register_path(path: Path | None) -> Path:
    return path or configured_register() or resources.data("persons.toml")


def _read(path: Path):
    try:
        return read_register(path)
    except RegisterError as e:
        raise _Fail(str(e)) from None


@click.group("persons")
def persons_group() -> None:
    """The persons register: who is who, under which names and ids."""


@persons_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--register", "register_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The register file to merge into (TOML); created from the shipped register if it does not exist. "
                   "Default: the project's register ([persons] register in editio.toml, else persons.toml here).")
def import_command(file: Path, register_path: Path | None) -> None:
    """Merge the persons of FILE (a FRUS "List of Persons" or a TEI listPerson) into the register, by id."""
    target = register_path or configured_register() or LOCAL_REGISTER
    base = _read(target if target.exists() else resources.data("persons.toml"))
    try:
        incoming = read_persons(file, base.persons)
    except ImportError_ as e:
        raise _Fail(str(e)) from None
    merged, added, updated = base.merged(incoming)
    try:
        write_register(merged, target)
    except OSError as e:
        raise _Fail(f"{target}: cannot write the register ({e.strerror})") from None
    click.echo(f"{target}: {added} added, {updated} updated, {len(merged)} persons")


@persons_group.command("list")
@click.option("--register", "register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), help=_REGISTER_HELP)
def list_command(register_path: Path | None) -> None:
    """Print the register: id, canonical name, roles and authority ids, one person a line."""
    reg = _read(_register_path(register_path))
    for pid in sorted(reg.persons):
        p = reg.persons[pid]
        extra = [x for x in (p.wikidata and f"wikidata {p.wikidata}", p.viaf and f"viaf {p.viaf}") if x]
        click.echo("\t".join([pid, p.canonical, "; ".join(p.roles), ", ".join(extra)]).rstrip())


@persons_group.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--register", "register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), help=_REGISTER_HELP)
def check_command(files: tuple[Path, ...], register_path: Path | None) -> None:
    """Report the persons tagged in converted TEI FILES that the register lacks (exit 1 if any)."""
    reg = _read(_register_path(register_path))
    missing: dict[str, set[str]] = {}
    for f in files:
        try:
            root = xmlsafe.parse(f).getroot()
        except (etree.XMLSyntaxError, xmlsafe.UnsafeXMLError, OSError) as e:
            raise _Fail(f"{f}: not readable XML ({e})") from None
        for p in root.iterfind(f".//{{{TEI}}}particDesc/{{{TEI}}}listPerson/{{{TEI}}}person"):
            pid = p.get("{http://www.w3.org/XML/1998/namespace}id", "")
            if pid not in reg:
                forms = {" ".join("".join(n.itertext()).split()) for n in p.iterfind(f"{{{TEI}}}persName")}
                missing.setdefault(pid, set()).update(forms)
    for pid in sorted(missing):
        click.echo(f"{pid}\t{' / '.join(sorted(missing[pid]))}")
    click.echo(f"{len(missing)} persons not in the register", err=True)
    raise SystemExit(1 if missing else 0)
