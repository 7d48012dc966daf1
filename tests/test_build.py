"""`editio build`: the whole pipeline, and the committed output/ being exactly what it writes."""
from __future__ import annotations

import shutil

from click.testing import CliRunner

from conftest import REPO, SEEDS
from editio.build import build
from editio.cli import main


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_tei_register_html_and_text(tmp_path):
    report = build(SEEDS, tmp_path, jobs=1)
    assert report.ok, report.failures
    assert report.documents == 3 and report.footnotes == 4 and report.pages == 2 and report.persons >= 6
    got = set(files(tmp_path))
    stems = [p.stem for p in sorted(SEEDS.glob("*.txt"))]
    assert {f"tei/{s}.xml" for s in stems} | {"tei/persons.xml"} <= got
    assert {f"html/{s}.html" for s in stems} | {"html/index.html", "html/persons.html"} <= got
    assert {f"text/{s}.txt" for s in stems} <= got


def test_committed_output_is_exactly_what_build_writes(tmp_path):
    build(SEEDS, tmp_path, jobs=1)
    assert files(tmp_path) == files(REPO / "output"), "output/ is stale: run `editio build` and commit output/"


def test_parallel_build_gives_the_same_bytes(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(4):  # enough inputs for the worker pool to be used
        for p in SEEDS.glob("*.txt"):
            shutil.copy(p, src / f"{i}{p.name}")
    build(src, tmp_path / "one", jobs=1)
    build(src, tmp_path / "two", jobs=2)
    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    assert len([n for n in one if n.startswith("tei/")]) == 4 * 3 + 1
    assert one == two


def test_stale_outputs_are_removed_and_user_files_kept(tmp_path):
    (tmp_path / "tei").mkdir(parents=True)
    (tmp_path / "tei" / "gone.xml").write_text("<old/>")
    (tmp_path / "tei" / "notes.md").write_text("mine")
    build(SEEDS, tmp_path, jobs=1)
    assert not (tmp_path / "tei" / "gone.xml").exists()
    assert (tmp_path / "tei" / "notes.md").read_text() == "mine"


def test_cli_build_prints_the_summary_and_fails_on_a_bad_input(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEEDS / "000_b906adaf2d80d7b6.txt", src)
    (src / "empty.txt").write_text("")
    res = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert res.exit_code == 1
    assert "empty.txt: empty" in res.output
    assert "documents" in res.output and "failures" in res.output
    assert (tmp_path / "out" / "html" / "000_b906adaf2d80d7b6.html").exists()
