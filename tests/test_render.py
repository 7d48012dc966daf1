"""The HTML and plain-text editions: structure of the pages, links between them, every word of
the TEI in the text edition, bad inputs, and the command line."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from editio.cli import main
from editio.render import Renderer, render_paths

DATA = Path(__file__).parent / "data" / "render"
CORPUS = DATA / "corpus"
CONTRACT_SAMPLES = sorted(CORPUS.glob("*.xml"))
TEI = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI}}}"


def html_tree(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def ids(tree) -> list[str]:
    return tree.xpath("//@id")


@pytest.fixture(scope="module")
def html_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html")
    report = render_paths([CORPUS], "html", out)
    assert report.ok, report.errors
    return out


# --- HTML edition -----------------------------------------------------------------------------

def test_one_page_per_document_and_the_corpus_pages(html_out):
    names = sorted(p.name for p in html_out.iterdir())
    assert names == sorted([p.stem + ".html" for p in CONTRACT_SAMPLES]
                           + ["index.html", "persons.html", "edition.css", "notes.js"])


@pytest.mark.parametrize("name", [p.stem + ".html" for p in CONTRACT_SAMPLES] + ["index.html", "persons.html"])
def test_pages_are_html5_with_unique_ids_and_headings_in_order(html_out, name):
    data = (html_out / name).read_bytes()
    assert data.startswith(b"<!DOCTYPE html>\n<html lang=\"en\">")
    assert data.count(b"charset=UTF-8") == 1
    tree = html_tree(html_out / name)
    assert len(ids(tree)) == len(set(ids(tree)))
    levels = [int(h.tag[1]) for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    # no link inside a link, no block inside a paragraph (the HTML parser would have split them)
    assert not tree.xpath("//a//a")
    assert tree.xpath("//link[@rel='stylesheet']/@href") == ["edition.css"]


def test_footnotes_keep_source_numbers_and_link_both_ways(html_out):
    tree = html_tree(html_out / "frus-000.html")
    refs = tree.xpath("//sup[@class='fnref']/a")
    assert [a.text for a in refs] == ["10", "11", "12"]
    for a in refs:
        note = tree.get_element_by_id(a.get("href")[1:])
        assert note.tag == "li" and note.getparent().get("class") == "notes"
        back = note.xpath("a[@class='fn-back']")[0]
        assert back.get("href") == "#" + a.get("id")
        assert back.text == a.text
    assert tree.get_element_by_id("fn-10").text_content().strip() == "10 Konstantin Alexandrovich Umansky."
    # the note text is at the bottom, not in the paragraph
    assert "Konstantin" not in tree.xpath("string(//article)")


def test_note_in_a_heading_leaves_the_heading_whole(html_out):
    h1 = html_tree(html_out / "edge.html").xpath("//h1")[0]
    assert h1.text_content() == "The Ambassador in Japan (Grew) to the Secretary of State41"
    assert h1.xpath("sup/a/@href") == ["#fn-41"]
    assert html_tree(html_out / "edge.html").xpath("//title")[0].text == \
        "Telegram with every structure the editions must carry"


def test_page_markers_and_file_number(html_out):
    tree = html_tree(html_out / "frus-000.html")
    marker = tree.get_element_by_id("p4")
    assert marker.text == "[p. 4]" and marker.get("class") == "pb"
    edge = html_tree(html_out / "edge.html")
    # the file number stands above the heading
    first = edge.xpath("//article//section/*[1]")[0]
    assert first.get("class") == "source-note" and first.text == "894.00/1010: Telegram"
    assert first.getnext().tag == "h1"
    # a page break between list items is itself a list item
    assert edge.get_element_by_id("p6").getparent().tag == "li"


def test_metadata_block(html_out):
    meta = html_tree(html_out / "frus-001.html").xpath("//header[@class='edition-meta']")[0]
    text = meta.text_content()
    assert "Memorandum of Conversation, by the Acting Secretary of State" in text
    assert "Foreign Relations of the United States, 1941, vol. IV, The Far East" in text
    assert meta.xpath(".//a/@href") == ["https://history.state.gov/historicaldocuments/frus1941v04/d746"]
    encoding = html_tree(html_out / "frus-001.html").xpath("//footer[@class='encoding']")[0].text_content()
    assert "frus reader" in encoding and "TEI encoding made by editio" in encoding
    web = html_tree(html_out / "web-002.html")
    assert web.xpath("//header//time/@datetime") == ["1941-04-13"]


def test_structures_render_as_what_they_are(html_out):
    web = html_tree(html_out / "web-002.html")
    treaty = web.xpath("//blockquote[contains(@class, 'treaty')]")[0]
    assert treaty.xpath(".//ul[@class='signatories']/li//a/text()") == ["V. Molotov", "Yosuke Matsuoka", "Yoshitsugu Tatekawa"]
    assert [li.get("value") for li in treaty.xpath(".//ol[@class='articles']/li")] == ["1", "2", "3", "4"]
    assert len(web.xpath("//ul[@class='timeline']/li")) == 3
    assert len(web.xpath("//figure/figcaption")) == 4
    assert web.xpath("//time[@datetime='1945-04-05']")
    edge = html_tree(html_out / "edge.html")
    assert edge.xpath("//div[@class='p']/ul[@class='labelled']/li/span[@class='label']/i/text()") == ["a", "b"]
    assert edge.xpath("//div[@class='closer']/p[@class='signed']/a/text()") == ["Grew"]
    assert edge.xpath("//span[@lang='ja']/text()") == ["ichi"]


def test_person_mentions_are_numbered_per_person_and_link_to_the_register(html_out):
    tree = html_tree(html_out / "frus-000.html")
    mentions = tree.xpath("//*[contains(concat(' ', @class, ' '), ' person ')]")
    assert [m.get("id") for m in mentions] == ["p-welles-sumner-1", "p-umansky-konstantin-1", "p-welles-sumner-2",
                                               "p-umansky-konstantin-2"]
    persons = html_tree(html_out / "persons.html")
    person_ids = set(persons.xpath("//section[@class='person']/@id"))
    for page in html_out.glob("*.html"):
        for href in html_tree(page).xpath("//a[@class='person']/@href"):
            assert href.startswith("persons.html#") and href.split("#")[1] in person_ids, (page.name, href)


def test_every_mention_link_of_the_persons_page_resolves(html_out):
    persons = html_tree(html_out / "persons.html")
    links = persons.xpath("//a[@class='mention']/@href")
    assert len(links) > 20
    pages: dict[str, set[str]] = {}
    for href in links:
        page, fragment = href.split("#")
        if page not in pages:
            pages[page] = set(ids(html_tree(html_out / page)))
        assert fragment in pages[page], href
    # and every mention on every page is listed
    listed = set(links)
    for page in html_out.glob("*.html"):
        if page.name not in ("index.html", "persons.html"):
            for mention in html_tree(page).xpath("//*[contains(@class, 'person')]/@id"):
                assert f"{page.name}#{mention}" in listed


def test_register_computed_from_the_headers(html_out):
    grew = html_tree(html_out / "persons.html").get_element_by_id("p-grew-joseph")
    assert grew.xpath("h2/text()") == ["Grew, Joseph C."]
    text = grew.text_content()
    assert "Grew" in text and "Ambassador in Japan" in text
    assert grew.xpath(".//a[starts-with(@href, 'https://')]/@href") == [
        "https://www.wikidata.org/wiki/Q1368064", "https://viaf.org/viaf/44451046"]
    assert grew.xpath(".//a[@class='mention']/@href") == [f"edge.html#p-grew-joseph-{i}" for i in (1, 2, 3, 4)]


def test_register_file_among_the_inputs_is_used(tmp_path):
    report = render_paths([CORPUS / "frus-000.xml", DATA / "register" / "persons.xml"], "html", tmp_path)
    assert report.ok, report.errors
    assert not (tmp_path / "persons.html.xml").exists() and not (tmp_path / "index.html").exists()
    welles = html_tree(tmp_path / "persons.html").get_element_by_id("p-welles-sumner")
    assert welles.xpath(".//a[starts-with(@href, 'https://')]/@href") == [
        "https://www.wikidata.org/wiki/Q1347387", "https://viaf.org/viaf/27112938"]
    assert welles.xpath(".//a[@class='mention']/@href") == ["frus-000.html#p-welles-sumner-1",
                                                            "frus-000.html#p-welles-sumner-2"]
    # the sample's placeholder "Q..." is not a Wikidata item and is not linked
    page = html_tree(tmp_path / "frus-000.html")
    assert page.xpath("//a[@class='person']/@href")[0] == "persons.html#p-welles-sumner"
    assert not page.xpath("//nav//a[@href='index.html']")


def test_a_single_document_stands_alone(tmp_path):
    report = render_paths([CORPUS / "frus-000.xml"], "html", tmp_path)
    assert report.ok
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edition.css", "frus-000.html", "notes.js"]
    page = html_tree(tmp_path / "frus-000.html")
    assert not page.xpath("//nav") and not page.xpath("//a[@class='person']")
    assert page.xpath("//span[@class='person']/@id")[0] == "p-welles-sumner-1"


def test_index_lists_every_document(html_out):
    rows = html_tree(html_out / "index.html").xpath("//tbody/tr")
    assert [r.xpath("td[1]/a/@href")[0] for r in rows] == [p.stem + ".html" for p in CONTRACT_SAMPLES]
    frus = rows[[p.stem for p in CONTRACT_SAMPLES].index("frus-000")]
    assert [td.text_content().strip() for td in frus.xpath("td")][3:] == ["1", "3"]
    assert frus.xpath("td[3]//a/@href") == ["https://history.state.gov/historicaldocuments/frus1941v04/d3"]


def test_output_is_deterministic(tmp_path):
    for run in ("a", "b"):
        assert render_paths([CORPUS], "html", tmp_path / run).ok
        assert render_paths([CORPUS], "text", tmp_path / run).ok
    for page in (tmp_path / "a").iterdir():
        assert page.read_bytes() == (tmp_path / "b" / page.name).read_bytes(), page.name


# --- bad input and the command line ------------------------------------------------------------

def test_bad_inputs_are_one_line_errors_and_the_rest_renders(tmp_path):
    report = render_paths([DATA / "bad", CORPUS / "frus-000.xml"], "html", tmp_path)
    assert (tmp_path / "frus-000.html").is_file()
    assert len(report.errors) == 3
    for error, name in zip(sorted(report.errors), ("broken.xml", "entities.xml", "not-tei.xml")):
        assert error.startswith(str(DATA / "bad" / name) + ": ") and "\n" not in error
    assert "not well-formed" in sorted(report.errors)[0]
    assert "not a TEI document" in sorted(report.errors)[2]


def test_colliding_stems_and_reserved_names(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(CORPUS / "frus-000.xml", other / "frus-000.xml")
    shutil.copy(CORPUS / "frus-001.xml", other / "index.xml")
    report = render_paths([CORPUS / "frus-000.xml", other], "html", tmp_path / "out")
    assert len(report.errors) == 2
    assert any("already renders to" in e for e in report.errors)
    assert any("index.html" in e and "index.xml" in e for e in report.errors)


def test_cli_render(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["render", str(CORPUS), "--format", "text", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "frus-000.txt").read_text(encoding="utf-8").startswith(
        "Memorandum of Conversation, by the Under Secretary of State (Welles)\n")
    result = runner.invoke(main, ["render", str(CORPUS / "frus-000.xml"), str(DATA / "bad" / "not-tei.xml"),
                                  "--out", str(tmp_path / "h")])
    assert result.exit_code == 1
    assert f"editio: {DATA / 'bad' / 'not-tei.xml'}: not a TEI document" in result.output
    assert (tmp_path / "h" / "frus-000.html").is_file()
    assert runner.invoke(main, ["render", str(CORPUS), "--format", "pdf", "--out", str(tmp_path)]).exit_code == 2
    assert runner.invoke(main, ["render", str(CORPUS)]).exit_code == 2


def test_cli_no_page_markers(tmp_path):
    result = CliRunner().invoke(main, ["render", str(CORPUS / "frus-000.xml"), "--format", "text",
                                       "--no-page-markers", "--out", str(tmp_path)])
    assert result.exit_code == 0
    text = (tmp_path / "frus-000.txt").read_text(encoding="utf-8")
    assert "[p." not in text and "The Ambassador said that he was wholly in accord" in text


# --- plain-text edition ------------------------------------------------------------------------

def render_text(doc: etree._ElementTree, page_markers: bool = True) -> str:
    return Renderer().text(doc, page_markers=page_markers).decode("utf-8")


def test_text_edition_layout():
    text = render_text(etree.parse(str(CORPUS / "frus-000.xml")))
    head, _, rest = text.partition("\n\n")
    assert head.splitlines() == [
        "Memorandum of Conversation, by the Under Secretary of State (Welles)",
        "Source: Foreign Relations of the United States, 1941, vol. IV, The Far East, document 3. "
        "U.S. Department of State, Office of the Historian https://history.state.gov/historicaldocuments/frus1941v04/d3",
    ]
    assert "The Soviet Ambassador[10] called to see me" in rest
    assert "The Ambassador [p. 4] said" in rest
    assert rest.endswith("\n\nNotes\n\n[10] Konstantin Alexandrovich Umansky.\n"
                         "[11] See memorandum of December 17, 1940, by ...\n"
                         "[12] Nonaggression treaty signed at Nanking, August 21, 1937, ...\n")
    # one line per paragraph, whatever its length
    body = rest.partition("\n\nNotes\n\n")[0]
    assert [len(p.splitlines()) for p in body.split("\n\n")] == [1, 1, 1, 1]


def test_text_edition_lists_and_signatures():
    text = render_text(etree.parse(str(CORPUS / "web-002.xml")))
    assert "\n  • V. Molotov\n  • Yosuke Matsuoka\n  • Yoshitsugu Tatekawa\n" in text
    assert "\n\n29 Mar 1941 Japanese Foreign Minister Yosuke Matsuoka" in text
    edge = render_text(etree.parse(str(CORPUS / "edge.xml")))
    assert "\n  a. Neighborly friendship.\n  b. Mutual respect" in edge
    assert "A line\nbroken in the source" in edge
    assert "\n\n894.00/1010: Telegram\n\nThe Ambassador in Japan (Grew) to the Secretary of State[41]\n\n" in edge


BLOCKS = {"p", "head", "item", "label", "list", "div", "dateline", "signed", "closer", "opener", "salute",
          "figure", "floatingText", "body", "front", "back", "cell", "row", "table", "quote", "lg", "l",
          "byline", "trailer", "docAuthor", "lb"}


def expected_words(doc: etree._ElementTree) -> tuple[list[str], list[str]]:
    """The words of //text in order (each note replaced by its number), and the words of the
    notes in order, each preceded by its number."""
    text = doc.getroot().find(T + "text")
    notes = [n for n in text.iter(T + "note") if n.get("type") != "source"]
    labels = {id(n): n.get("n", str(i)).strip() for i, n in enumerate(notes, 1)}

    def walk(el, out, top=False):
        name = etree.QName(el).localname
        if not top and name == "note" and el.get("type") != "source":
            out.append(f" {labels[id(el)]} ")
        elif name != "pb":
            gap = " " if name in BLOCKS else ""
            out.append(gap + (el.text or ""))
            for child in el:
                walk(child, out)
            out.append(gap)
        if not top:
            out.append(el.tail or "")

    body: list[str] = []
    for child in text:
        walk(child, body)
    note_words: list[str] = []
    for note in notes:
        parts = [f" {labels[id(note)]} "]
        walk(note, parts, top=True)
        note_words += words("".join(parts))
    return words("".join(body)), note_words


def words(s: str) -> list[str]:
    return re.findall(r"\w+", s)


def split_text(output: str, has_notes: bool) -> tuple[str, str]:
    _, _, rest = output.partition("\n\n")
    if not has_notes:
        return rest, ""
    body, sep, notes = ("\n\n" + rest).rpartition("\n\nNotes\n\n")
    assert sep
    return body, notes


def assert_words_kept(doc: etree._ElementTree):
    body_expected, notes_expected = expected_words(doc)
    body, notes = split_text(render_text(doc, page_markers=False), bool(notes_expected))
    assert words(body) == body_expected
    assert words(notes) == notes_expected


@pytest.mark.parametrize("path", CONTRACT_SAMPLES, ids=lambda p: p.name)
def test_text_edition_keeps_every_word_of_the_samples(path):
    assert_words_kept(etree.parse(str(path)))


def test_text_edition_keeps_every_word_of_the_seeds():
    convert = pytest.importorskip("editio.convert", reason="the converter is not available")
    seeds = Path(__file__).parent.parent / "seeds"
    converter = convert.Converter()
    for seed in sorted(seeds.glob("*.txt")):
        result = converter.convert_bytes(seed.read_bytes(), seed.name)
        assert result.tei, result.error
        assert_words_kept(etree.ElementTree(etree.fromstring(result.tei)))


# generated TEI: words that meet element boundaries with and without spaces, notes in
# headings, lists and signatures, pages, line breaks, quoted documents

WORD = st.text(alphabet="abcxyzéжß0129’'-.,;:()[]", min_size=1, max_size=8)
SPACE = st.sampled_from(["", " ", "  ", "\n      ", "\t", "\u00a0"])
TEXT = st.lists(st.tuples(SPACE, WORD), max_size=5).map(lambda parts: "".join(s + w for s, w in parts))


@st.composite
def inline(draw, depth=0):
    """(xml, note count) of mixed content."""
    parts, notes = [draw(TEXT)], 0
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["persName", "hi", "date", "note", "pb", "lb", "rs"] if depth == 0
                                    else ["hi", "pb", "lb"]))
        if kind == "note":
            body, _ = draw(inline(depth + 1))
            n = draw(st.sampled_from(["", ' n="7"', ' n="24a"']))
            parts.append(f'<note{n} place="foot">{body}</note>')
            notes += 1
        elif kind in ("pb", "lb"):
            parts.append(f'<{kind} n="{draw(st.integers(1, 999))}"/>')
        else:
            body, inner = draw(inline(depth + 1))
            attrs = {"persName": ' ref="#p-a-b"', "rs": ' ref="#p-c"', "hi": ' rend="italic"', "date": ' when="1941-04-13"'}[kind]
            parts.append(f"<{kind}{attrs}>{body}</{kind}>")
        parts.append(draw(TEXT))
    return "".join(parts), notes


@st.composite
def block(draw):
    kind = draw(st.sampled_from(["p", "p", "head", "list", "closer", "p-with-list", "floatingText", "quote", "dateline"]))
    content = lambda: draw(inline())[0]  # noqa: E731
    if kind == "list":
        t = draw(st.sampled_from(["bulleted", "timeline", "articles"]))
        items = "".join(f"<item>{content()}</item>" for _ in range(draw(st.integers(1, 3))))
        return f'<list type="{t}">{items}</list>'
    if kind == "p-with-list":
        return f"<p>{content()}<list><label>{content()}</label><item>{content()}</item></list>{content()}</p>"
    if kind == "closer":
        return f"<closer>{content()}<signed>{content()}</signed></closer>"
    if kind == "floatingText":
        return f'<floatingText type="treaty"><body><p>{content()}</p></body></floatingText>'
    if kind == "quote":
        return f'<quote rend="blockquote"><p>{content()}</p></quote>'
    return f"<{kind}>{content()}</{kind}>"


@st.composite
def tei_document(draw):
    blocks = "\n".join(draw(st.lists(block(), min_size=1, max_size=6)))
    return (f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
            f'<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>'
            f'<text><body><div type="document">{blocks}</div></body></text></TEI>')


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tei_document())
def test_text_edition_keeps_every_word_of_generated_documents(xml):
    assert_words_kept(etree.ElementTree(etree.fromstring(xml)))
