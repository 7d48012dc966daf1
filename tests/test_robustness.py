"""Awkward raw input and faulty paths: convert or refuse in one line, never crash, never half-write."""
from __future__ import annotations

import os
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

from editio import fsio
from editio.cli import main
from editio.convert import Converter

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def text_of(path) -> str:
    root = etree.parse(str(path)).getroot()
    return " ".join(" ".join(root.find("t:text", NS).itertext()).split())


def header_of(path) -> str:
    return " ".join(etree.parse(str(path)).getroot().find("t:teiHeader", NS).itertext())


@pytest.fixture
def batch(tmp_path):
    """A folder with one good text beside the awkward one under test."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Good Title\n\nA good paragraph.\n", encoding="utf-8")
    return src, tmp_path / "out"


@pytest.mark.parametrize("name,data,cause", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n \r\n", "empty"),
    ("controls.txt", b"\x01\x02\x03\n", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    ("archive.txt", None, "ZIP"),
    ("nul.txt", b"abc\x00def\x00" * 100, "binary"),
])
def test_refused_inputs_name_the_file_and_leave_no_output(batch, name, data, cause):
    src, out = batch
    if data is None:
        with zipfile.ZipFile(src / name, "w") as z:
            z.writestr("a.txt", "hello")
    else:
        (src / name).write_bytes(data)
    res = run("convert", src, "--out", out)
    assert res.exit_code == 1
    errors = [l for l in res.output.splitlines() if l.startswith("editio:")]
    assert len(errors) == 1 and name in errors[0] and cause in errors[0]
    assert not (out / (name[:-4] + ".xml")).exists()
    assert (out / "good.xml").exists()  # the rest of the batch went on
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1252", "latin-1"])
def test_other_encodings_are_detected_and_recorded(tmp_path, encoding):
    text = ("Memorandum of Conversation\n\nThe Ambassador said “war matériel” was sent — at once; "
            "the café’s owner agreed.\n" if encoding != "latin-1" else
            "Memorandum of Conversation\n\nThe Ambassador said the war matériel was sent; the café agreed.\n")
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    res = run("convert", tmp_path / "a.txt", "--out", tmp_path / "out")
    assert res.exit_code == 0, res.output
    body = text_of(tmp_path / "out" / "a.xml")
    assert "matériel" in body and "café" in body
    if encoding == "cp1252":
        assert "“war matériel”" in body and "—" in body
    expected = {"utf-16": "utf-16", "utf-8-sig": "utf-8-sig", "cp1252": "cp1252", "latin-1": "cp1252"}[encoding]
    assert f"read as {expected}" in header_of(tmp_path / "out" / "a.xml")


@pytest.mark.parametrize("ends", ["\r\n", "\r", "mixed"])
def test_line_ends_are_normalised(tmp_path, ends):
    lines = ["Title Line", "", "First paragraph.", "", "Second paragraph."]
    data = ("\r\n".join(lines[:3]) + "\n" + "\r".join(lines[3:])) if ends == "mixed" else ends.join(lines)
    r = Converter().convert_bytes(data.encode(), "e.txt")
    root = etree.fromstring(r.tei)
    assert [p.text for p in root.iterfind(".//t:text//t:p", NS)] == ["First paragraph.", "Second paragraph."]
    assert b"\r" not in r.tei
    assert f"its {'CRLF' if ends == chr(13) + chr(10) else 'CR' if ends == chr(13) else 'mixed'} line ends" \
        in " ".join(root.find("t:teiHeader", NS).itertext())


def test_control_characters_are_dropped_and_counted():
    r = Converter().convert_bytes("Title\n\nBell\x07 and\x0b form\x0c feed.\n".encode(), "c.txt")
    root = etree.fromstring(r.tei)
    assert root.find(".//t:text//t:p", NS).text == "Bell and form feed."
    assert "3 characters that XML cannot hold" in " ".join(root.find("t:teiHeader", NS).itertext())


def test_xml_metacharacters_come_out_as_text():
    r = Converter().convert_bytes(b"Title\n\nA & B <Co.> ]]> &amp; \"q\" 'a'\n", "m.txt")
    root = etree.fromstring(r.tei)
    assert root.find(".//t:text//t:p", NS).text == "A & B <Co.> ]]> &amp; \"q\" 'a'"


def test_unbalanced_and_nested_brackets_keep_every_character():
    raw = "Title\n\nSee [Page [Page 3 ]] and S[umner W[elles and [Page 4] end ]].\n"
    r = Converter().convert_bytes(raw.encode(), "b.txt")
    root = etree.fromstring(r.tei)
    assert [pb.get("n") for pb in root.iter("{http://www.tei-c.org/ns/1.0}pb")] == ["4"]
    p = "".join(root.find(".//t:text//t:p", NS).itertext())
    assert p == "See [Page [Page 3 ]] and S[umner W[elles and  end ]]."


def test_footnote_list_without_anchors_keeps_every_note(tmp_path):
    r = Converter().convert_bytes(b"Title\n\nNo numbers here.\n  1. First note.\n  2. Second note.\n", "n.txt")
    root = etree.fromstring(r.tei)
    notes = root.findall(".//t:text//t:note[@place='foot']", NS)
    assert [(n.get("n"), n.text) for n in notes] == [("1", "First note."), ("2", "Second note.")]
    assert sum("has no anchor" in w for w in r.warnings) == 2


@pytest.mark.slow
def test_a_5_mb_line_and_a_50_mb_file(tmp_path):
    line = ("word " * 1_000_000).strip()
    (tmp_path / "line.txt").write_text("Title\n\n" + line + "\n", encoding="utf-8")
    para = "The Ambassador [Page 7] said that 27 vessels of 1941 had sailed on April 2, 1941. " * 12
    with open(tmp_path / "big.txt", "w", encoding="utf-8") as f:
        f.write("Title\n\n")
        written = 0
        while written < 50_000_000:
            f.write(para + "\n\n")
            written += len(para) + 2
    res = run("convert", tmp_path / "line.txt", tmp_path / "big.txt", "--out", tmp_path / "out", "--jobs", "1")
    assert res.exit_code == 0, res.output
    assert text_of(tmp_path / "out" / "line.xml").count("word") == 1_000_000
    big = (tmp_path / "out" / "big.xml").read_bytes()
    text = big[big.index(b"<text>"):]
    assert text.count(b"<p>") > 40_000 and text.count(b"<pb ") == 12 * text.count(b"<p>")


def test_missing_file_folder_as_file_and_unreadable_file(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text("Title\n\nText.\n")
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "locked.txt").write_text("Title\n\nSecret.\n")
    real = type(tmp_path).read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(type(tmp_path), "read_bytes", read_bytes)
    res = run("convert", tmp_path / "nope.txt", tmp_path / "dir.txt", tmp_path / "locked.txt", tmp_path / "ok.txt",
              "--out", tmp_path / "out", "--jobs", "1")
    assert res.exit_code == 1
    errors = [l for l in res.output.splitlines() if l.startswith("editio:")]
    assert len(errors) == 3
    for expected in ("nope.txt: no such file", "dir.txt: no .txt files in this folder",
                     "locked.txt: cannot be read (permission denied)"):
        assert any(expected in e for e in errors), expected
    assert "Traceback" not in res.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ok.xml"]


def test_output_folder_that_cannot_be_created(tmp_path):
    (tmp_path / "file").write_text("x")
    (tmp_path / "a.txt").write_text("Title\n\nText.\n")
    res = run("convert", tmp_path / "a.txt", "--out", tmp_path / "file" / "sub")
    assert res.exit_code == 1
    assert "cannot create the output folder" in res.output and "Traceback" not in res.output


def test_output_folder_that_cannot_be_written(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Title\n\nText.\n")
    (tmp_path / "out").mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(tmp_path / "out") else real(p, mode))
    res = run("convert", tmp_path / "a.txt", "--out", tmp_path / "out")
    assert res.exit_code == 1 and "not writable" in res.output


def test_input_that_is_also_the_output(tmp_path):
    src = tmp_path / "a.xml"
    src.write_text("Title\n\nText.\n")
    res = run("convert", src, "--out", tmp_path)
    assert res.exit_code == 1 and "would overwrite the input" in res.output
    assert src.read_text() == "Title\n\nText.\n"


def test_interrupted_write_leaves_no_file(tmp_path, monkeypatch):
    target = tmp_path / "a.xml"

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fsio.write_atomic(target, b"<TEI/>")
    assert list(tmp_path.iterdir()) == []


def test_rerun_after_interruption_redoes_what_is_missing(tmp_path, seed_paths):
    out = tmp_path / "out"
    assert run("convert", seed_paths[0], "--out", out).exit_code == 0
    first = (out / (seed_paths[0].stem + ".xml")).read_bytes()
    assert run("convert", *seed_paths, "--out", out).exit_code == 0
    assert (out / (seed_paths[0].stem + ".xml")).read_bytes() == first
    assert len(list(out.glob("*.xml"))) == len(seed_paths)


def test_a_web_page_that_is_all_chrome_is_refused(tmp_path):
    (tmp_path / "chrome.txt").write_text("ww2dbase\n\nDid you enjoy this article? Please consider supporting us.\n\n"
                                         "Share this article with your friends:\n", encoding="utf-8")
    res = run("convert", tmp_path / "chrome.txt", "--out", tmp_path / "out")
    assert res.exit_code == 1 and "no text left to encode" in res.output


def test_a_failure_inside_editio_is_one_line_and_the_batch_goes_on(tmp_path, monkeypatch):
    from editio.readers import plain

    def broken(text, stem):
        if "boom" in text:
            raise RuntimeError("simulated defect")
        return real(text, stem)

    real = plain.read
    monkeypatch.setattr(plain, "read", broken)
    (tmp_path / "a.txt").write_text("Title\n\nboom\n")
    (tmp_path / "b.txt").write_text("Title\n\nfine\n")
    res = run("convert", tmp_path / "a.txt", tmp_path / "b.txt", "--out", tmp_path / "out", "--jobs", "1")
    assert res.exit_code == 1
    assert "a.txt: editio failed on this text (RuntimeError: simulated defect)" in res.output
    assert (tmp_path / "out" / "b.xml").exists() and not (tmp_path / "out" / "a.xml").exists()
