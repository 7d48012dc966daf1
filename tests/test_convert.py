"""`editio convert`: the seeds, the rendered FRUS gold texts, and one small text per rule."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from lxml import etree

from editio.cli import main
from editio.convert import Converter
from fidelity import assert_faithful

TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def tei_of(text: str, name: str = "sample.txt", **kw) -> etree._Element:
    r = Converter(**kw).convert_bytes(text.encode("utf-8"), name)
    assert r.error is None, r.error
    return etree.fromstring(r.tei)


def body_xml(root) -> str:
    return etree.tostring(root.find("t:text", NS), encoding="unicode")


def notes(root):
    return [(n.get("n"), n) for n in root.iterfind(".//t:text//t:note[@place='foot']", NS)]


def word_before(note) -> str:
    """The last word before a note, as the benchmark sees it (text or tail of earlier nodes)."""
    parent = note.getparent()
    parts = [parent.text or ""]
    for sib in parent:
        if sib is note:
            break
        if sib.tag != TEI + "note":
            parts.append("".join(sib.itertext()))
        parts.append(sib.tail or "")
    return re.findall(r"[^\W_]+", "".join(parts))[-1]


# --- the seeds ---------------------------------------------------------------------------------

def load(path):
    return etree.parse(str(path)).getroot()


def test_seed_000_page_break_between_the_words_where_it_stood(seed_tei):
    xml = body_xml(load(seed_tei["000_b906adaf2d80d7b6"]))
    assert 'The Ambassador <pb n="4"/> said that he was wholly in accord' in xml
    assert xml.count("<pb ") == 1


def test_seed_000_notes_get_their_original_numbers_at_their_anchors(seed_tei):
    root = load(seed_tei["000_b906adaf2d80d7b6"])
    found = [(n, word_before(el), " ".join("".join(el.itertext()).split())) for n, el in notes(root)]
    assert [(n, w) for n, w, _ in found] == [("10", "Ambassador"), ("11", "ago"), ("12", "1937")]
    assert found[0][2] == "Konstantin Alexandrovich Umansky."
    assert found[2][2].startswith("Nonaggression treaty signed at Nanking, August 21, 1937")
    # 193712 is the year 1937 and note 12: the year stays whole in the text
    assert "agreement with China of 1937<note" in body_xml(root)
    ids = [el.get("{http://www.w3.org/XML/1998/namespace}id") for _, el in notes(root)]
    assert ids == ["d000_b906adaf2d80d7b6-fn1", "d000_b906adaf2d80d7b6-fn2", "d000_b906adaf2d80d7b6-fn3"]


def test_seed_001_file_number_heading_signature_and_note(seed_tei):
    root = load(seed_tei["001_09fab8ac0d1123dd"])
    div = root.find("t:text/t:body/t:div", NS)
    first = div[0]
    assert first.tag == TEI + "note" and first.get("type") == "source" and first.text == "761.94/1300"
    assert "".join(div.find("t:head", NS).itertext()) == "Memorandum of Conversation, by the Acting Secretary of State"
    signed = div.find("t:closer/t:signed", NS)
    assert "".join(signed.itertext()) == "S[umner] W[elles]"
    [(n, note)] = notes(root)
    assert n == "28" and word_before(note) == "Ambassador"
    assert 'to bring <pb n="921"/> pressure to bear' in body_xml(root)


@pytest.mark.parametrize("stem", ["000_b906adaf2d80d7b6", "001_09fab8ac0d1123dd"])
def test_frus_seeds_keep_every_character(seed_tei, seed_paths, stem):
    raw = next(p for p in seed_paths if p.stem == stem).read_text(encoding="utf-8")
    assert_faithful(raw, seed_tei[stem])


def test_seed_header_names_source_checksum_and_citation(seed_tei):
    root = load(seed_tei["000_b906adaf2d80d7b6"])
    bibl = root.find("t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl", NS)
    assert bibl.find("t:idno[@type='filename']", NS).text == "000_b906adaf2d80d7b6.txt"
    assert bibl.find("t:idno[@type='sha256']", NS).text == \
        "9f13fcc016afb613acb466ca82ed4df900b83ab1469cc6d13194891f74e07be1"
    assert bibl.find("t:ref", NS).get("target") == "https://history.state.gov/historicaldocuments/frus1941v04/d3"
    decl = " ".join(root.find(".//t:editorialDecl", NS).itertext())
    assert "frus reader" in decl and "(10, 11, 12)" in decl
    assert root.find(".//t:revisionDesc/t:change", NS).text.startswith("Encoded by editio")


def test_web_article_structure(seed_tei):
    root = load(seed_tei["002_3ddea093f206aa8a"])
    div = root.find("t:text/t:body/t:div", NS)
    assert div.find("t:head", NS).text == "Soviet-Japanese Neutrality Pact"
    assert div.find("t:dateline/t:date", NS).get("when") == "1941-04-13"
    treaty = div.find("t:floatingText[@type='treaty']", NS)
    assert [i.get("n") for i in treaty.iterfind(".//t:list[@type='articles']/t:item", NS)] == ["1", "2", "3", "4"]
    signatories = treaty.findall("t:body/t:closer/t:signed/t:list/t:item", NS)
    assert ["".join(i.itertext()) for i in signatories] == ["V. Molotov", "Yosuke Matsuoka", "Yoshitsugu Tatekawa"]
    timeline = div.findall("t:div[@type='timeline']/t:list/t:item", NS)
    assert [i[0].get("when") for i in timeline] == ["1941-03-29", "1941-04-13", "1945-04-05"]
    assert all(i[0].tag == TEI + "date" and not (i.text or "").strip() for i in timeline)
    figures = div.findall("t:div[@type='photographs']/t:figure", NS)
    assert len(figures) == 4
    assert "".join(figures[3].itertext()).startswith("Soviet Foreign Minister Molotov signing")
    assert div.find("t:bibl[@type='source']", NS).text == "Source: Wikipedia."


def test_web_article_leaves_chrome_out_and_says_so(seed_tei):
    root = load(seed_tei["002_3ddea093f206aa8a"])
    text = " ".join(root.find("t:text", NS).itertext())
    for chrome in ("ww2dbase", "Patreon", "Share this article", "Facebook", "RSS", "Your Email", "Security Code",
                   "Search WW2DB", "Famous WW2 Quote", "Iwo Jima", "file photo", "[8580]", "Contributor"):
        assert chrome not in text, chrome
    removed = [" ".join(i.itertext()) for i in root.iterfind(".//t:editorialDecl//t:list[@type='removed']/t:item", NS)]
    assert any("Patreon" in r for r in removed) and any("Iwo Jima" in r for r in removed)
    assert any("file photo [8580]" in r for r in removed)


def test_web_article_keeps_every_word_of_the_article(seed_tei, seed_paths):
    raw = next(p for p in seed_paths if p.stem == "002_3ddea093f206aa8a").read_text(encoding="utf-8")
    article = raw[raw.index("\nSoviet-Japanese Neutrality Pact\n"):raw.index("Did you enjoy this article?")]
    article = article.replace("ww2dbase", "").replace("Contributor:", "").replace("•", "")
    root = load(seed_tei["002_3ddea093f206aa8a"])
    assert re.sub(r"\s+", "", article) == re.sub(r"\s+", "", "".join(root.find("t:text", NS).itertext()))


def test_same_input_same_bytes(seed_paths):
    data = seed_paths[0].read_bytes()
    a = Converter().convert_bytes(data, seed_paths[0].name).tei
    b = Converter().convert_bytes(data, seed_paths[0].name).tei
    assert a == b


# --- the FRUS gold texts -----------------------------------------------------------------------

def test_every_gold_text_converts_and_keeps_every_character(gold_raw, gold_tei):
    assert len(gold_tei) >= 100
    for stem, path in gold_tei.items():
        assert_faithful(gold_raw[stem].read_text(encoding="utf-8"), path)


def test_gold_texts_are_read_as_frus(gold_tei):
    for stem, path in gold_tei.items():
        decl = " ".join(load(path).find(".//t:editorialDecl", NS).itertext())
        assert "frus reader" in decl, stem


# --- one rule at a time ------------------------------------------------------------------------

def test_page_marker_only_in_its_exact_form():
    root = tei_of("Title\n\nSee S[umner] and [8580] and [11] and [of] and [Extract] then [Page 12] on.\n")
    assert [pb.get("n") for pb in root.iter(TEI + "pb")] == ["12"]
    assert "S[umner] and [8580] and [11] and [of] and [Extract] then " in body_xml(root)


def test_page_marker_alone_between_paragraphs():
    root = tei_of("Heading\n\nFirst paragraph.\n\n[Page 518]\n\nSecond paragraph.\n")
    body = root.find("t:text/t:body/t:div", NS)
    assert [c.tag.split("}")[1] for c in body] == ["head", "p", "pb", "p"]


def test_note_after_period_and_after_closing_quote():
    root = tei_of("Heading\n\nHe met Matsuoka.22 Then he said “no.”23 Done.\n  1. First.\n  2. Second.\n")
    assert [(n, word_before(el)) for n, el in notes(root)] == [("22", "Matsuoka"), ("23", "no")]


def test_numbers_that_are_not_anchors_stay_text():
    text = ("Heading\n\nThere were 27 vessels, No. 98 and Article 3; your 1600 of April 2, see pp. 151186. "
            "The Ambassador10 came at 10:30.\n  1. The note.\n")
    root = tei_of(text)
    assert [(n, word_before(el)) for n, el in notes(root)] == [("10", "Ambassador")]
    xml = body_xml(root)
    for kept in ("27 vessels", "No. 98", "Article 3", "your 1600", "pp. 151186", "10:30"):
        assert kept in xml


def test_year_and_note_glued_together():
    root = tei_of("Heading\n\nThe agreement of 193712 covering it, and the text of 19388 too.\n"
                  "  1. Twelve.\n  2. Thirteen.\n")
    # the run must be consecutive: 12 then 13 is not there, so only one reading fits both
    assert [n for n, _ in notes(root)][0] == "12"
    assert "of 1937<note" in body_xml(root)


def test_day_and_note_glued_together():
    root = tei_of("Heading\n\nYour telegram of January 2849 arrived; see also point50 here.\n"
                  "  1. Not printed.\n  2. Also not printed.\n")
    assert [(n, word_before(el)) for n, el in notes(root)] == [("49", "28"), ("50", "point")]


def test_letter_suffixed_and_repeated_numbers():
    root = tei_of("Heading\n\nOne24 then inserted24a then next25 and again25 end.\n"
                  "  1. a\n  2. b\n  3. c\n  4. d\n")
    assert [n for n, _ in notes(root)] == ["24", "24a", "25", "25"]


def test_note_standing_alone_after_a_space():
    root = tei_of("Heading\n\nYour 1600, 2 Athens 1661 3 and Nicosia 142.4 We agree.\n  1. a\n  2. b\n  3. c\n")
    assert [(n, word_before(el)) for n, el in notes(root)] == [("2", "1600"), ("3", "1661"), ("4", "142")]


def test_note_without_anchor_is_kept_with_a_warning():
    r = Converter().convert_bytes(b"Heading\n\nNo anchor here at all.\n  1. A lonely note.\n", "lonely.txt")
    root = etree.fromstring(r.tei)
    [(n, el)] = notes(root)
    assert n == "1" and "".join(el.itertext()) == "A lonely note."
    assert el.getparent().tag == TEI + "div"
    assert any("has no anchor" in w for w in r.warnings)


def test_anchor_like_number_without_a_note_list_is_text_with_a_warning():
    r = Converter().convert_bytes(b"Heading\n\nThe Ambassador10 called.\n", "nolist.txt")
    assert b"Ambassador10 called" in r.tei
    assert any("looks like footnote anchor" in w for w in r.warnings)


def test_dateline_and_date():
    root = tei_of("893.5151/441: Telegram\n\nThe Ambassador in Japan (Grew) to the Secretary of State\n\n"
                  "Tokyo, April 2, 1938—8 p.m. [Received April 2—10:30 a.m.]\n\n220. Department’s 113.\n\nGrew\n")
    dl = root.find(".//t:opener/t:dateline", NS)
    assert dl.find("t:date", NS).get("when") == "1938-04-02"
    assert root.find(".//t:profileDesc/t:creation/t:date", NS).get("when") == "1938-04-02"
    assert "".join(root.find(".//t:closer/t:signed", NS).itertext()) == "Grew"
    # telegram paragraph numbers stay text
    assert root.find(".//t:text//t:p", NS).text.startswith("220. Department")


def test_impossible_dates_are_not_tagged():
    root = tei_of("Heading\n\nOn February 30, 1941 and on 13 Apr 1941.\n")
    assert [d.get("when") for d in root.iter(TEI + "date")] == ["1941-04-13"]


def test_numbered_paragraphs_become_a_list():
    root = tei_of("Heading\n\nAs follows:\n\n1. First point.\n\n2. Second point.\n\n3. Third point.\n\nEnd.\n",
                  profile="frus")
    lst = root.find(".//t:text//t:list", NS)
    assert [c.text for c in lst] == ["1.", "First point.", "2.", "Second point.", "3.", "Third point."]


def test_attachment_is_a_division_with_its_own_heading_and_signature():
    text = ("Heading\n\nText.\n\nCharles G. Fenwick\n\n[Enclosure]\n\nDissenting Opinion\n\nI regret.\n\n"
            "C. G. Fenwick\n\nRio de Janeiro, August 8, 1941.\n")
    root = tei_of(text, profile="frus")
    att = root.find(".//t:div[@type='attachment']", NS)
    assert att[0].get("type") == "source" and att[0].text == "[Enclosure]"
    assert att.find("t:head", NS).text == "Dissenting Opinion"
    closer = att.find("t:closer", NS)
    assert "".join(closer.find("t:signed", NS).itertext()) == "C. G. Fenwick"
    assert closer.find("t:dateline/t:date", NS).get("when") == "1941-08-08"


def test_plain_text_profile():
    root = tei_of("A Short Title\n\nFirst paragraph\nstill first.\n\nSecond [Page 2] paragraph.\n")
    assert "plain reader" in " ".join(root.find(".//t:editorialDecl", NS).itertext())
    assert root.find(".//t:text//t:head", NS).text == "A Short Title"
    assert len(root.findall(".//t:text//t:p", NS)) == 2


# --- the command -------------------------------------------------------------------------------

def test_cli_convert_writes_one_file_per_input(tmp_path, seed_paths):
    res = CliRunner().invoke(main, ["convert", str(seed_paths[0].parent), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.stem + ".xml" for p in seed_paths]


def test_cli_profile_override_is_recorded(tmp_path, seed_paths):
    res = CliRunner().invoke(main, ["convert", str(seed_paths[0]), "--out", str(tmp_path), "--profile", "plain"])
    assert res.exit_code == 0
    decl = " ".join(load(tmp_path / (seed_paths[0].stem + ".xml")).find(".//t:editorialDecl", NS).itertext())
    assert "--profile plain" in decl


def test_cli_usage_errors_exit_2(tmp_path):
    assert CliRunner().invoke(main, ["convert", "--out", str(tmp_path)]).exit_code == 2
    assert CliRunner().invoke(main, ["convert", "x.txt"]).exit_code == 2
    assert CliRunner().invoke(main, ["convert", "x.txt", "--out", str(tmp_path), "--profile", "nope"]).exit_code == 2


def test_project_configuration_sets_publisher_and_register(tmp_path, monkeypatch, seed_paths):
    register = tmp_path / "registers" / "ours.toml"
    register.parent.mkdir()
    register.write_text('[[person]]\nid = "p-nobody-anna"\nsurname = "Nobody"\nforenames = "Anna"\n'
                        'roles = ["Archivist"]\n', encoding="utf-8")
    (tmp_path / "editio.toml").write_text('[publication]\npublisher = "Example Library"\n\n'
                                          '[persons]\nregister = "registers/ours.toml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    root = tei_of("A Letter\n\nMrs. Anna Nobody and Mr. Welles met.\n")
    assert root.find(".//t:publicationStmt/t:publisher", NS).text == "Example Library"
    ids = {p.get("{http://www.w3.org/XML/1998/namespace}id") for p in root.iterfind(".//t:listPerson/t:person", NS)}
    assert "p-nobody-anna" in ids
    roles = [o.text for o in root.iterfind(".//t:person/t:occupation", NS)]
    assert "Archivist" in roles
