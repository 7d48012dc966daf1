"""Hostile XML given to every command that reads XML (validate, render, package --verify).

Each hostile file is refused with a one-line error naming it, and no output, message or
edition ever contains the content of the local file an external entity points at.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import bagit
import pytest

from editio.package import make_bag

EDITIO = Path(sys.executable).parent / "editio"
SECRET = "TOP-SECRET-7f3a9c"


def hostile_files(folder: Path) -> dict[str, Path]:
    secret = folder / "secret.txt"
    secret.write_text(SECRET)
    tei = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>{}</p></body></text></TEI>'
    files = {
        "external-entity": f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>\n'
                           + tei.format("&x;"),
        "parameter-entity": f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>\n'
                            + tei.format("text"),
        "external-dtd": f'<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "file://{secret}">\n' + tei.format("text"),
        "network-dtd": '<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">\n'
                       + tei.format("text"),
        "entity-bomb": '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa">'
                       + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
                       + "]>\n" + tei.format("&j;"),
        "xinclude": tei.format(f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://{secret}" '
                               'parse="text"/>'),
    }
    out = {}
    for name, text in files.items():
        (folder / f"{name}.xml").write_text(text)
        out[name] = folder / f"{name}.xml"
    return out


def run(*args) -> subprocess.CompletedProcess:
    if not EDITIO.exists():
        pytest.skip(f"the editio command is not installed beside {sys.executable}")
    # a real process with a timeout: an expanding bomb would be stopped, not hang the run
    return subprocess.run([str(EDITIO), *map(str, args)], capture_output=True, text=True, timeout=60)


def leaked(proc: subprocess.CompletedProcess, folder: Path | None = None) -> bool:
    if SECRET in proc.stdout + proc.stderr:
        return True
    return folder is not None and any(SECRET in p.read_text(errors="replace")
                                      for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def hostile(tmp_path):
    return hostile_files(tmp_path)


@pytest.mark.parametrize("name", ["external-entity", "parameter-entity", "external-dtd", "network-dtd",
                                  "entity-bomb", "xinclude"])
def test_validate_refuses_and_leaks_nothing(hostile, name):
    proc = run("validate", hostile[name])
    assert proc.returncode == 1
    assert f"{name}.xml" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert not leaked(proc)


@pytest.mark.parametrize("fmt", ["html", "text"])
@pytest.mark.parametrize("name", ["external-entity", "parameter-entity", "external-dtd", "network-dtd",
                                  "entity-bomb", "xinclude"])
def test_render_refuses_or_renders_without_following(hostile, tmp_path, name, fmt):
    out = tmp_path / "out"
    proc = run("render", hostile[name], "--format", fmt, "--out", out)
    assert "Traceback" not in proc.stderr
    assert not leaked(proc, out)
    if name != "xinclude":  # an xi:include element is inert text to editio: nothing is included
        assert proc.returncode == 1 and f"{name}.xml" in proc.stderr
        assert not any(out.glob(f"{name}.*"))


def test_package_verify_refuses_a_bag_with_hostile_tei(hostile, tmp_path, seed_paths, converter):
    build = tmp_path / "build"
    (build / "tei").mkdir(parents=True)
    for p in seed_paths:
        converter.convert_file(p, build / "tei")
    from editio.persons.corpus import build_register
    from lxml import etree
    from editio.tei.writer import serialise

    docs = [(p.stem, etree.parse(str(p)).getroot()) for p in sorted((build / "tei").glob("*.xml"))]
    (build / "tei" / "persons.xml").write_bytes(serialise(build_register(docs).getroot()))
    bag = tmp_path / "bag"
    make_bag(build, bag)
    # a hostile file slipped in, with manifests rewritten to match: fixity holds, the TEI does not
    (bag / "data" / "tei" / "evil.xml").write_bytes(hostile["external-entity"].read_bytes())
    b = bagit.Bag(str(bag))
    b.save(manifests=True)
    proc = run("package", "--verify", bag)
    assert proc.returncode == 1
    assert "evil.xml" in proc.stdout + proc.stderr
    assert not leaked(proc)
