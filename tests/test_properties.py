"""Invariants of conversion over generated texts (hypothesis).

For random documents with paragraphs, ``[Page N]`` markers, footnote numbers glued to words
with a matching note list, names, dates, XML metacharacters and odd whitespace: the TEI is
well-formed and valid, every character of the input but the markers is in it in order (each
note at its anchor, with its number), and the same input gives the same bytes.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from editio.convert import Converter
from editio.validate import Validator
from fidelity import reconstruct, split_raw, squash

WORDS = ["the", "Ambassador", "said", "that", "Japan", "would", "agree", "to", "a", "pact", "matériel", "café",
         "Mr.", "Matsuoka", "Welles", "Sumner", "Soviet", "Union", "A", "&", "B", "<Co.>", "]]>", "&amp;", "“quoted”",
         "don’t", "S[umner]", "[of]", "[8580]", "—", "27", "vessels", "No.", "98", "1600,", "p.", "Berlin"]
DATES = ["April 13, 1941", "13 Apr 1941", "December 17, 1940", "Aug 1945"]
SPACE = st.sampled_from([" ", " ", " ", "  ", "\t"])

converter = Converter()
validator = Validator()


@st.composite
def documents(draw):
    n_pars = draw(st.integers(1, 5))
    page = draw(st.integers(2, 900))
    first_note = draw(st.integers(1, 60))
    paragraphs, notes = [], []
    for _ in range(n_pars):
        parts = []
        for _ in range(draw(st.integers(1, 25))):
            kind = draw(st.integers(0, 19))
            if kind == 0:
                parts.append(f"[Page {page}]")
                page += 1
            elif kind == 1:
                parts.append(draw(st.sampled_from(DATES)))
            elif kind == 2:
                # a note number glued to the word before it, as the page's superscript was
                word = draw(st.sampled_from(["Ambassador", "agreement", "Matsuoka.", "ago,", "said”", "Welles"]))
                parts.append(f"{word}{first_note + len(notes)}")
                notes.append(" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))))
            else:
                parts.append(draw(st.sampled_from(WORDS)))
        text = ""
        for i, part in enumerate(parts):
            text += (draw(SPACE) if i else "") + part
        paragraphs.append(text)
    title = draw(st.sampled_from(["Memorandum of Conversation", "The Ambassador in Japan (Grew) to the Secretary"]))
    body = title + "\n\n" + draw(st.sampled_from(["\n\n", "\n\n\n", "\n \n"])).join(paragraphs) + "\n"
    return body + "".join(f"  {i}. {t}\n" for i, t in enumerate(notes, 1)), first_note, len(notes)


def check(doc) -> None:
    raw, first_note, k = doc
    result = converter.convert_bytes(raw.encode("utf-8"), "generated.txt")
    assert result.error is None
    root = etree.fromstring(result.tei)
    assert validator.validate_bytes(result.tei, "generated.xml") == []
    body, note_texts = reconstruct(root)
    raw_body, raw_notes = split_raw(raw)
    assert squash(body) == squash(raw_body)
    assert [squash(n) for n in note_texts] == [squash(n) for n in raw_notes]
    numbers = [n.get("n") for n in root.iterfind(".//{*}text//{*}note[@place='foot']")]
    assert numbers == [str(first_note + i) for i in range(k)]
    assert converter.convert_bytes(raw.encode("utf-8"), "generated.txt").tei == result.tei


@settings(max_examples=int(os.environ.get("EDITIO_EXAMPLES", 300)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_texts_convert_faithfully(doc):
    check(doc)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_texts_convert_faithfully_many(doc):
    check(doc)
