"""The persons register: loading and its checks, variants, the import of FRUS lists and TEI
listPerson files, the ``editio persons`` commands, and the benchmark recall on the FRUS gold."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import bench, shared_path
from editio.annotate.persons import annotate_persons, evidence, learn_corpus
from editio.model import Block, Document, Footnote, Inline, Span
from editio.persons.commands import persons_group
from editio.persons.importer import ImportError_, read_persons
from editio.persons.register import RegisterError, dumps, load_register, read_register

DATA = Path(__file__).parent / "data" / "persons"


def test_the_shipped_register_loads_once_and_declares_the_seed_people():
    reg = load_register()
    assert load_register() is reg
    for pid in ("p-welles-sumner", "p-umansky-konstantin", "p-matsuoka-yosuke", "p-molotov-vyacheslav",
                "p-stalin-joseph", "p-tatekawa-yoshitsugu", "p-ribbentrop-joachim", "p-schulenburg-friedrich-werner",
                "p-grew-joseph", "p-hull-cordell", "p-nomura-kichisaburo", "p-fenwick-charles"):
        assert reg.declares(pid), pid
    assert reg.persons["p-ribbentrop-joachim"].canonical == "Ribbentrop, Joachim von"
    assert reg.persons["p-schulenburg-friedrich-werner"].canonical == "Schulenburg, Friedrich-Werner Graf von der"
    assert "p-umansky-konstantin" in reg.surnames["oumansky"]


def test_an_edited_register_is_read_again(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text('[[person]]\nid = "p-a-b"\nsurname = "A"\nforenames = "B"\n', encoding="utf-8")
    assert list(load_register(path).persons) == ["p-a-b"]
    path.write_text('[[person]]\nid = "p-c-d"\nsurname = "Cee"\nforenames = "D"\n\n' * 1, encoding="utf-8")
    assert list(load_register(path).persons) == ["p-c-d"]


@pytest.mark.parametrize("toml, message", [
    ('[[person]]\nid = "p-a"\nsurname = "A"\n[[person]]\nid = "p-a"\nsurname = "B"\n', "id p-a is used twice"),
    ('[[person]]\nid = "P_A1"\nsurname = "A"\n', "is not p- followed by"),
    ('[[person]]\nid = "p-a"\n', "surname is missing"),
    ('[[person]]\nid = "p-a"\nsurname = "A"\nwikidata = "Q0x"\n', "is not a Q-number"),
    ('[[person]]\nid = "p-a"\nsurname = "A"\nroles = "x"\n', "roles must be a list of strings"),
    ('[[person]]\nid = "p-a"\nsurname = "A"\nborn = "1900"\n', "unknown field 'born'"),
    ('[[person]\n', "not a valid TOML register"),
])
def test_register_errors_are_one_line_and_name_the_file(tmp_path, toml, message):
    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(RegisterError) as e:
        read_register(path)
    assert message in str(e.value) and str(path) in str(e.value) and "\n" not in str(e.value)


def test_dumps_round_trips(tmp_path):
    reg = load_register()
    path = tmp_path / "copy.toml"
    path.write_text(dumps(reg), encoding="utf-8")
    again = read_register(path)
    assert again.persons == reg.persons
    assert dumps(again) == dumps(reg)


# --- import ------------------------------------------------------------------------------------

def test_import_a_frus_list_of_persons():
    persons = {p.id: p for p in read_persons(DATA / "frus-list.xml", load_register().persons)}
    assert persons["p-karamanlis-constantine"].roles == (
        "Greek Prime Minister from October 1955", "Minister of Defense, October 1955–February 1956")
    assert persons["p-dulles-john"].forenames == "John Foster"
    assert persons["p-dulles-allen"].roles == ("Director of Central Intelligence",)
    assert persons["p-cabell-charles"].forenames == "Charles P."  # the rank is not a forename
    hoover = persons["p-hoover-herbert"]
    assert (hoover.suffix, hoover.canonical) == ("Jr.", "Hoover, Herbert C., Jr.")
    assert persons["p-paul"].canonical == "Paul I"
    assert persons["p-bohlen-charles"].variants == ("Chip Bohlen",)
    assert persons["p-nuri-birgi-m"].variants == ("Birgi",)  # from the cross-reference item
    # one person listed twice with a shortened forename is one person
    assert persons["p-stephanopoulos-stephanos"].variants == ("Stephan Stephanopoulos",)
    assert "p-stephanopoulos-stephan" not in persons


def test_import_merges_by_id():
    base = load_register()
    incoming = read_persons(DATA / "frus-list.xml", base.persons)
    merged, added, updated = base.merged(incoming)
    assert (added, updated) == (len(incoming) - 1, 1)  # Molotov is in the shipped register: his role is added
    assert merged.persons["p-molotov-vyacheslav"].roles[-1] == "Soviet Foreign Minister until May 1956"
    again, added, updated = merged.merged(read_persons(DATA / "frus-list.xml", merged.persons))
    assert (added, updated) == (0, 0)


def test_import_a_tei_listperson():
    persons = {p.id: p for p in read_persons(DATA / "listperson.xml", {})}
    assert persons["p-steinhardt-laurence"].roles == ("Ambassador in the Soviet Union",)
    assert persons["p-harriman-averell"].canonical == "Harriman, W. Averell"  # no xml:id: a generated one
    assert persons["p-welles-sumner"].variants == ("B. Sumner Welles",)


def test_import_refuses_a_file_without_persons(tmp_path):
    f = tmp_path / "x.xml"
    f.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>no one</p></body></text></TEI>')
    with pytest.raises(ImportError_, match="no persons found"):
        read_persons(f, {})


def test_the_imported_register_tags_the_list_forms():
    base = load_register()
    reg, _, _ = base.merged(read_persons(DATA / "frus-list.xml", base.persons))
    d = Document("t", "test", Block("div", children=[Block("p", inline=Inline(
        "Mr. Allen Dulles and Secretary Dulles met Karamanlis; Mr. Constantin Karamanlis agreed. Birgi said no."))]))
    annotate_persons(d, reg)
    inline = next(d.inlines())
    got = [(inline.text[s.start:s.end], s.attrs["ref"]) for s in inline.spans]
    assert got == [("Allen Dulles", "#p-dulles-allen"), ("Dulles", "#p-dulles-john"),
                   ("Karamanlis", "#p-karamanlis-constantine"), ("Constantin Karamanlis", "#p-karamanlis-constantine"),
                   ("Birgi", "#p-nuri-birgi-m")]
    assert d.warnings == []


# --- the commands ------------------------------------------------------------------------------

def test_persons_import_list_check(tmp_path):
    runner = CliRunner()
    reg = tmp_path / "persons.toml"
    r = runner.invoke(persons_group, ["import", str(DATA / "frus-list.xml"), "--register", str(reg)])
    assert r.exit_code == 0, r.output
    assert re.match(rf"{re.escape(str(reg))}: 9 added, 1 updated, \d+ persons", r.output)
    r = runner.invoke(persons_group, ["import", str(DATA / "frus-list.xml"), "--register", str(reg)])
    assert ": 0 added, 0 updated" in r.output
    r = runner.invoke(persons_group, ["list", "--register", str(reg)])
    assert r.exit_code == 0
    assert "p-karamanlis-constantine\tKaramanlis, Constantine\tGreek Prime Minister" in r.output
    assert "p-stalin-joseph\tStalin, Joseph\t" in r.output and "wikidata Q855" in r.output

    tei = tmp_path / "doc.xml"
    tei.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc><particDesc><listPerson>'
        '<person xml:id="p-karamanlis-constantine"><persName type="canonical">Karamanlis, Constantine</persName></person>'
        '<person xml:id="p-averoff"><persName type="canonical">Averoff</persName></person>'
        '</listPerson></particDesc></profileDesc></teiHeader></TEI>', encoding="utf-8")
    r = runner.invoke(persons_group, ["check", str(tei), "--register", str(reg)])
    assert (r.exit_code, r.stdout) == (1, "p-averoff\tAveroff\n")
    r = runner.invoke(persons_group, ["check", str(tei), "--register", str(load_register().source)])
    assert r.exit_code == 1 and "p-karamanlis-constantine" in r.stdout


def test_persons_commands_usage_errors(tmp_path):
    runner = CliRunner()
    bad = tmp_path / "bad.xml"
    bad.write_text("<not xml")
    assert runner.invoke(persons_group, ["import", str(bad), "--register", str(tmp_path / "r.toml")]).exit_code == 2
    assert runner.invoke(persons_group, ["import", str(tmp_path / "missing.xml")]).exit_code == 2
    broken = tmp_path / "broken.toml"
    broken.write_text("[[person]]\n")
    r = runner.invoke(persons_group, ["list", "--register", str(broken)])
    assert r.exit_code == 2 and "id is missing" in r.output
    assert runner.invoke(persons_group, ["check", str(bad)]).exit_code == 2


# --- the benchmark measure, without the converter ---------------------------------------------------

def _gold_documents():
    gold = shared_path("frus-gold", "tei")
    (render,) = bench("page_text", "render")
    facts, words = bench("score", "facts", "words")
    out = []
    for path in sorted(gold.glob("*.xml")):
        if path.name.endswith("-persons.xml"):
            continue
        root = etree.parse(str(path)).getroot()
        body, _, notes = render(root).partition("\n  1. ")
        blocks = [Block("head" if i and "(" in b and i < 3 else "p", inline=Inline(b))
                  for i, b in enumerate(x for x in body.split("\n\n") if x.strip())]
        fns = [Footnote(i, Inline(re.sub(r"^\d+\. ", "", n.strip())))
               for i, n in enumerate(re.split(r"\n  (?=\d+\. )", "1. " + notes) if notes else [], 1)]
        d = Document(path.stem, "frus", Block("div", children=blocks), footnotes=fns)
        for inline in d.inlines():
            for m in re.finditer(r"\[Page \w+\]", inline.text):
                inline.add(Span(m.start(), m.end(), "pb", replace=True))
        out.append((d, facts(root)["pers"]))
    return out, words


def _recall(register) -> float:
    docs, words = _gold_documents()
    register = learn_corpus(register, [evidence(d) for d, _ in docs])
    hit = total = 0
    for d, gold in docs:
        annotate_persons(d, register)
        found = Counter(" ".join(words(i.text[s.start:s.end])) for i in d.inlines() for s in i.spans if s.tag == "persName")
        hit += sum((gold & found).values())
        total += sum(gold.values())
    return hit / total


def test_gold_recall_with_the_shipped_register():
    assert _recall(load_register()) >= 0.88


def test_gold_recall_with_the_list_of_persons_imported():
    base = load_register()
    reg, _, _ = base.merged(read_persons(shared_path("frus-gold", "tei", "frus1955-57v24-persons.xml"), base.persons))
    assert _recall(reg) >= 0.93
