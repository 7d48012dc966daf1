"""Whatever editio's schema accepts is valid TEI: checked against the official tei_all.rng (P5 4.3.0)
with jing, on every valid fixture, on the converter's output for the seeds and the FRUS gold
texts, and on the committed build output (with its persons register)."""
from __future__ import annotations

from pathlib import Path

import pytest

from editio.validate import Validator

VALID = sorted((Path(__file__).parent / "data" / "validate" / "valid").glob("*.xml"))


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def test_there_are_valid_fixtures_of_each_kind():
    names = {p.name for p in VALID}
    assert {"frus-000.xml", "web-002.xml", "persons.xml", "frus-attachment.xml"} <= names


def test_valid_fixtures_are_valid_tei(tei_all, validator):
    for path in VALID:
        assert validator.validate_file(path) == [], path
    assert tei_all(VALID) == ""


def test_a_div_after_a_closer_is_refused_by_tei_as_by_editio(tei_all, validator):
    # the one structural rule most likely to surprise: TEI lets nothing but closing matter
    # follow a closer, so an attachment div must come before the document's closer
    path = Path(__file__).parent / "data" / "validate" / "invalid" / "div-after-closer.xml"
    assert validator.validate_file(path)
    assert "not allowed here" in tei_all([path])


def test_converted_seeds_are_valid_for_editio_and_tei(seed_tei, tei_all, validator):
    outputs = sorted(seed_tei.values())
    assert outputs
    for path in outputs:
        assert validator.validate_file(path) == [], path
    assert tei_all(outputs) == ""


def test_converted_gold_texts_are_valid_for_editio_and_tei(gold_tei, tei_all, validator):
    outputs = sorted(gold_tei.values())
    for path in outputs:
        assert validator.validate_file(path) == [], path
    assert tei_all(outputs) == ""


def test_committed_build_output_is_valid_for_editio_and_tei(tei_all, validator):
    outputs = sorted((Path(__file__).parents[1] / "output" / "tei").glob("*.xml"))
    assert any(p.name == "persons.xml" for p in outputs) and len(outputs) > 1
    for path in outputs:
        assert validator.validate_file(path) == [], path
    assert tei_all(outputs) == ""
