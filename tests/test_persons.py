"""Person names: the tagger's cues and exclusions, ids across documents, the header's listPerson.

Documents are built directly from the seed texts and from short strings (no converter), with
the page-break and footnote markers as replace spans, the way the converter hands them over.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from editio.annotate.persons import annotate_persons, evidence, learn_corpus
from editio.model import Block, Document, Footnote, Inline, Span
from editio.persons.register import load_register
from editio.persons.tei import TEI, listperson_element

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def register():
    return load_register()


def doc(*blocks: tuple[str, str], notes: list[str] = (), stem: str = "t", participants=()) -> Document:
    """A document of (tag, text) blocks; "signed" blocks sit in a closer, [Page N] is a marker."""
    children = []
    for tag, text in blocks:
        b = Block(tag, inline=Inline(text))
        children.append(Block("closer", children=[b]) if tag == "signed" else b)
    d = Document(stem, "test", Block("div", children=children),
                 footnotes=[Footnote(i, Inline(t)) for i, t in enumerate(notes, 1)],
                 participants=list(participants))
    for inline in d.inlines():
        for m in re.finditer(r"\[Page \w+\]", inline.text):
            inline.add(Span(m.start(), m.end(), "pb", {"n": "4"}, replace=True))
    return d


def names(d: Document) -> list[tuple[str, str]]:
    """(text, ref) of every persName, in document order."""
    return [(i.text[s.start:s.end], s.attrs["ref"][1:])
            for i in d.inlines() for s in sorted(i.spans, key=lambda s: s.start) if s.tag == "persName"]


def tag(register, *texts: str, tagname: str = "p", **kw) -> list[tuple[str, str]]:
    d = doc(*[(tagname, t) for t in texts], **kw)
    annotate_persons(d, register)
    return names(d)


# --- cues: the cue word stays outside persName, as in the FRUS editors' tagging -----------------

@pytest.mark.parametrize("text, expected", [
    ("I spoke with Mr. Dooman today.", ("Dooman", "p-dooman-eugene")),
    ("Sir Robert Craigie called.", ("Robert Craigie", "p-craigie-robert")),
    ("Admiral Nomura said nothing.", ("Nomura", "p-nomura-kichisaburo")),
    ("He met Prince Konoye at noon.", ("Konoye", "p-konoye-fumimaro")),
    ("Foreign Minister Matsuoka left Berlin.", ("Matsuoka", "p-matsuoka-yosuke")),
    ("Dr. Fenwick reported on the Committee.", ("Fenwick", "p-fenwick-charles")),
    ("the copy I left with Mr. Bonsai last spring", ("Bonsai", "p-bonsal-philip")),
])
def test_cue_words_stay_outside_the_name(register, text, expected):
    assert tag(register, text) == [expected]


def test_a_cue_makes_an_unknown_name_a_person_with_a_generated_id(register):
    d = doc(("p", "Mr. Averoff said the plan would fail. Averoff then left."))
    annotate_persons(d, register)
    assert names(d) == [("Averoff", "p-averoff"), ("Averoff", "p-averoff")]
    assert d.warnings == ["person not in the register: Averoff (tagged as p-averoff)"]
    assert d.persons["p-averoff"].registered is False


# --- headings and signatures -------------------------------------------------------------------

@pytest.mark.parametrize("head, expected", [
    ("Memorandum of Conversation, by the Under Secretary of State (Welles)", [("Welles", "p-welles-sumner")]),
    ("The Ambassador in Japan (Grew) to the Secretary of State", [("Grew", "p-grew-joseph")]),
    ("The Ambassador in the Soviet Union ( Steinhardt ) to the Secretary of State", [("Steinhardt", "p-steinhardt")]),
    ("Memorandum by the Assistant Chief of the Division (Daniels) to the Minister in Paraguay (Frost)",
     [("Daniels", "p-daniels-paul"), ("Frost", "p-frost-wesley")]),
])
def test_names_in_heading_parentheses(register, head, expected):
    assert tag(register, head, tagname="head") == expected


def test_a_parenthesis_without_an_office_before_it_is_not_a_name(register):
    assert tag(register, "the Government of China (Chungking) agreed", tagname="head") == []


@pytest.mark.parametrize("signature, expected", [
    ("S[umner] W[elles]", ("S[umner] W[elles]", "p-welles-sumner")),
    ("Grew", ("Grew", "p-grew-joseph")),
    ("J[oseph] W. B[allantine]", ("J[oseph] W. B[allantine]", "p-ballantine-joseph")),
    ("C. G. Fenwick", ("C. G. Fenwick", "p-fenwick-charles")),
    ("Herbert Brownell, Jr.", ("Herbert Brownell, Jr.", "p-brownell-herbert")),
    ("HULL", ("HULL", "p-hull-cordell")),
])
def test_signatures(register, signature, expected):
    assert tag(register, signature, tagname="signed") == [expected]


# --- full names, particles, initials, inverted forms ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("German Foreign Minister Joachim von Ribbentrop in Berlin", ("Joachim von Ribbentrop", "p-ribbentrop-joachim")),
    ("German ambassador Friedrich Werner von der Schulenburg reported",
     ("Friedrich Werner von der Schulenburg", "p-schulenburg-friedrich-werner")),
    ("Japanese Foreign Minister Yosuke Matsuoka again met", ("Yosuke Matsuoka", "p-matsuoka-yosuke")),
    ("V. Molotov", ("V. Molotov", "p-molotov-vyacheslav")),
    ("Konstantin Alexandrovich Umansky.", ("Konstantin Alexandrovich Umansky", "p-umansky-konstantin")),
    ("Mr. Oumansky called.", ("Oumansky", "p-umansky-konstantin")),
    ("Charles G. Fenwick", ("Charles G. Fenwick", "p-fenwick-charles")),
])
def test_full_names(register, text, expected):
    assert tag(register, text) == [expected]


def test_unknown_initials_and_surname_make_a_person(register):
    assert tag(register, "He cabled W. A. Harriman in London.") == [("W. A. Harriman", "p-harriman-wa")]


def test_forenames_that_do_not_fit_make_a_different_person(register):
    # the register's Johnson is Nelson T.; Byron F. Johnson is someone else
    assert tag(register, "a report by Byron F. Johnson of the Army") == [("Byron F. Johnson", "p-johnson-byron")]


def test_inverted_participant_names(register):
    d = doc(("item", "Matsuoka, Yosuke"), ("item", "Tatekawa, Yoshitsugu"), ("item", "Arita, Hachiro"),
            ("p", "Arita was not present."), participants=["Matsuoka, Yosuke", "Arita, Hachiro"])
    annotate_persons(d, register)
    assert names(d) == [("Matsuoka, Yosuke", "p-matsuoka-yosuke"), ("Tatekawa, Yoshitsugu", "p-tatekawa-yoshitsugu"),
                        ("Arita, Hachiro", "p-arita-hachiro"), ("Arita", "p-arita-hachiro")]


# --- bare surnames -----------------------------------------------------------------------------

def test_bare_surnames_the_register_knows(register):
    assert tag(register, "note Molotov and Stalin in background; Matsuoka countered.") == [
        ("Molotov", "p-molotov-vyacheslav"), ("Stalin", "p-stalin-joseph"), ("Matsuoka", "p-matsuoka-yosuke")]


def test_a_surname_that_is_also_a_word_needs_the_document_to_name_the_person(register):
    # "Frost" is an ordinary word: alone, it is tagged only where the document names Wesley Frost
    assert tag(register, "Frost covered the fields.") == []
    assert tag(register, "the Minister in Paraguay (Frost)", "Frost agreed.")[1] == ("Frost", "p-frost-wesley")


def test_an_ambiguous_surname_is_resolved_by_the_document_or_the_cue(tmp_path):
    reg_path = tmp_path / "r.toml"
    reg_path.write_text(
        '[[person]]\nid = "p-santos-eduardo"\nsurname = "Santos"\nforenames = "Eduardo"\nroles = ["President of Colombia"]\n\n'
        '[[person]]\nid = "p-santos-enrique"\nsurname = "Santos"\nforenames = "Enrique"\n'
        'roles = ["Brother of the President of Colombia"]\n', encoding="utf-8")
    reg = load_register(reg_path)
    assert tag(reg, "President Santos agreed.") == [("Santos", "p-santos-eduardo")]
    assert tag(reg, "Enrique Santos wrote. Santos then left.") == [
        ("Enrique Santos", "p-santos-enrique"), ("Santos", "p-santos-enrique")]
    d = doc(("p", "Santos then left."))
    annotate_persons(d, reg)
    assert names(d) == [("Santos", "p-santos")]
    assert d.warnings[0].startswith("person ambiguous: Santos may be p-santos-eduardo or p-santos-enrique")


# --- what is not a person ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "the Soviet Union had sent war matériel to the government of Chungking",
    "The Soviet Ambassador called to see me.",
    "He went to Berlin and to Rome in March.",
    "the Foreign Office and the General Assembly",
    "Source: Wikipedia.",
    "the Roosevelt Administration",
    "a cable from the S.S. Argentina",
    "In the opinion of the Foreign Minister Brazil is the most important.",
    "A. Extension of the present functions",
    "The Department of State said nothing.",
])
def test_not_persons(register, text):
    assert tag(register, text) == []


def test_no_name_over_a_page_marker(register):
    d = doc(("p", "He met Mr. Dooman [Page 4] Grew said nothing."))
    annotate_persons(d, register)
    inline = next(d.inlines())
    for s in inline.spans:
        if s.tag == "persName":
            assert not inline.covered(s.start, s.end)
    assert names(d) == [("Dooman", "p-dooman-eugene"), ("Grew", "p-grew-joseph")]


# --- rs: a title that a footnote identifies -------------------------------------------------------

def test_a_title_identified_by_its_footnote_becomes_rs(register):
    text = "The Soviet Ambassador10 called to see me. The Ambassador said no."
    d = doc(("p", text), notes=["Konstantin Alexandrovich Umansky."])
    host = next(d.inlines())
    host.add(Span(21, 23, "note", {"n": "10"}, replace=True, content=d.footnotes[0].inline))
    annotate_persons(d, register)
    rs = [s for s in host.spans if s.tag == "rs"]
    assert [(text[s.start:s.end], s.attrs) for s in rs] == [
        ("The Soviet Ambassador", {"type": "person", "ref": "#p-umansky-konstantin"})]


def test_a_footnote_that_does_not_start_with_a_name_makes_no_rs(register):
    d = doc(("p", "The Soviet Ambassador10 called."), notes=["See the memorandum by Mr. Henderson."])
    host = next(d.inlines())
    host.add(Span(21, 23, "note", {"n": "10"}, replace=True, content=d.footnotes[0].inline))
    annotate_persons(d, register)
    assert not [s for s in host.spans if s.tag == "rs"]


# --- the seeds: same person, same id, in every document -----------------------------------------

def seed_doc(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    body, _, notes = text.partition("\n  1. ")
    blocks = [b.strip() for b in body.split("\n\n") if b.strip()]
    parts = []
    for i, b in enumerate(blocks):
        for line in b.split("\n"):
            line = line.strip(" •")
            if line:
                parts.append(("head" if i == 0 else "signed" if line == "S[umner] W[elles]" else "p", line))
    footnotes = [re.sub(r"^\d+\. ", "", n.strip()) for n in re.split(r"\n  (?=\d+\. )", "1. " + notes)] if notes else []
    participants = re.findall(r"» (\w+, \w+)", text)
    return doc(*parts, notes=footnotes, stem=path.stem, participants=participants)


@pytest.fixture(scope="module")
def seeds(register) -> dict[str, Document]:
    out = {}
    for p in sorted(SEEDS.glob("*.txt")):
        d = seed_doc(p)
        annotate_persons(d, register)
        out[p.stem[:3]] = d
    return out


def test_same_person_same_id_across_the_seeds(seeds):
    ids = {k: set(d.persons) for k, d in seeds.items()}
    assert "p-welles-sumner" in ids["000"] & ids["001"]
    assert "p-matsuoka-yosuke" in ids["001"] & ids["002"]
    assert "p-umansky-konstantin" in ids["000"] & ids["001"]
    assert {"p-molotov-vyacheslav", "p-stalin-joseph", "p-tatekawa-yoshitsugu", "p-ribbentrop-joachim",
            "p-schulenburg-friedrich-werner"} <= ids["002"]


def test_seed_002_names(seeds):
    found = {text for text, _ in names(seeds["002"])}
    assert {"Vyacheslav Mikhailovich Molotov", "V. Molotov", "Yosuke Matsuoka", "Yoshitsugu Tatekawa",
            "Joachim von Ribbentrop", "Ribbentrop", "Friedrich Werner von der Schulenburg", "Joseph Stalin",
            "Molotov", "Stalin", "Matsuoka", "Matsuoka, Yosuke"} <= found
    assert not found & {"Soviet Union", "Wikipedia", "Moscow", "Berlin", "Japan", "Soviet Foreign Minister Molotov"}
    assert all(ref in seeds["002"].persons for _, ref in names(seeds["002"]))


def test_every_ref_resolves_and_known_names_raise_no_warning(seeds):
    for d in seeds.values():
        assert {ref for _, ref in names(d)} == set(d.persons)
    assert seeds["000"].warnings == []
    assert seeds["001"].warnings == []


# --- the corpus knows: a name cued in one document is found alone in another ---------------------

def test_learn_corpus(register):
    a = doc(("p", "Mr. Karamanlis said that Cyprus mattered."), stem="a")
    b = doc(("p", "Karamanlis will probably form a government. Strong winds blew."), stem="b")
    c = doc(("p", "Colonel Strong agreed. It was a strong case."), stem="c")
    corpus = learn_corpus(register, [evidence(d) for d in (b, c, a)])
    for d in (a, b, c):
        annotate_persons(d, corpus)
    assert names(b) == [("Karamanlis", "p-karamanlis")]  # "Strong" is also a word: not alone
    assert names(c) == [("Strong", "p-strong")]
    assert b.warnings == ["person not in the register: Karamanlis (tagged as p-karamanlis)"]
    assert "p-karamanlis" not in register


# --- the header ----------------------------------------------------------------------------------

def test_listperson_element(seeds):
    lp = listperson_element(seeds["000"])
    assert lp.tag == f"{{{TEI}}}listPerson"
    ids = [p.get("{http://www.w3.org/XML/1998/namespace}id") for p in lp]
    assert ids == sorted(ids) == ["p-henderson-loy", "p-umansky-konstantin", "p-welles-sumner"]
    welles = lp[2]
    assert [(etree.QName(c).localname, c.get("type"), c.text) for c in welles] == [
        ("persName", "canonical", "Welles, Sumner"), ("persName", "variant", "S[umner] W[elles]"),
        ("persName", "variant", "Welles"), ("occupation", None, "Under Secretary of State")]
    assert listperson_element(doc(("p", "Nobody here."))) is None


def test_listperson_has_authority_ids(seeds):
    lp = listperson_element(seeds["002"])
    stalin = lp.find(f"{{{TEI}}}person[@{{http://www.w3.org/XML/1998/namespace}}id='p-stalin-joseph']")
    assert stalin.find(f"{{{TEI}}}idno[@type='wikidata']").text == "Q855"


def test_annotation_is_deterministic(register):
    a, b = seed_doc(SEEDS / "002_3ddea093f206aa8a.txt"), seed_doc(SEEDS / "002_3ddea093f206aa8a.txt")
    annotate_persons(a, register)
    annotate_persons(b, register)
    assert etree.tostring(listperson_element(a)) == etree.tostring(listperson_element(b))
    assert names(a) == names(b)
