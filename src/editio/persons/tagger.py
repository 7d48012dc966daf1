"""Candidate names in running text: capitalised word runs cut at titles, stop words and institutions.

One compiled token pattern finds the capitalised words, initials and name particles of an
inline text; tokens separated only by spaces form a run; inside a run, title words
("Mr.", "Foreign Minister"), stop words ("The", "Soviet", "March") and institution words
("Union", "Office") split off the name-like stretches, which are the candidates
(:class:`Segment`). Which candidates are persons, and which persons, is decided against the
register and the rest of the document in :mod:`editio.annotate.persons`; this module only
reads the shape of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .names import ABBREVIATIONS, INSTITUTIONS, PLACES, STOPWORDS, TITLES, TITLES_LOWER, TOKEN

NAME, PART, TITLE, STOP, INST, CAPS = "name", "part", "title", "stop", "inst", "caps"

# office words that, some way before "(Name)", make the parenthesis a person's name:
# "The Ambassador in China (Johnson)", "the Assistant Chief of the Division ... (Henderson)"
_OFFICE = re.compile(
    r"\b(?:Ambassador|Minister|Secretary|Chargé|Charge|Consul|Counselor|Chief|Director|Adviser|Advisor|Member|"
    r"Delegate|Representative|President|Chairman|Attaché|Officer|Commissioner|Governor|Agent|Head|Assistant|"
    r"Envoy|Attorney|Admiral|General|Commander|Senator|Mayor|Judge)\b"
)
# a name followed by a verb of saying is a person ("Penfield reported", "Zorlu asserts")
_VERB = re.compile(
    r"[ \u00a0]+(?:[a-z]+ly[ \u00a0]+)?(?:said|says|stated|states|reported|reports|noted|notes|replied|replies|"
    r"asked|asks|commented|comments|expressed|suggested|suggests|indicated|indicates|declared|declares|added|"
    r"argued|argues|thought|thinks|agreed|agrees|told|tells|explained|emphasized|urged|urges|wrote|writes|felt|"
    r"feels|believed|believes|remarked|responded|answered|inquired|observed|pointed|mentioned|asserted|asserts|"
    r"insisted|insists|recalled|promised|proposed|proposes|warned|informed|assured|denied|admitted|continued|"
    r"concluded|hoped|hopes|wanted|wants|wished|intends|intended|stressed|reiterated|confirmed|"
    r"repeated|delivered|announced|visited|questioned|spoke|speaks|accepted|refused|rejected|claimed|offered|"
    r"approached|wondered|declined|conceded|acknowledged|predicted|described|characterized|favored|opposed)\b"
)
# "Drafted by Williams, Jones, and Laingen": the names of a source note's drafting line
_BY = re.compile(r"\b(?:[Dd]rafted|[Ii]nitialed|[Aa]pproved|[Cc]leared|[Pp]repared|[Rr]ead|[Ss]igned)[ \u00a0]+by[ \u00a0]+")
_LIST_GAP = re.compile(r",?[ \u00a0]+and[ \u00a0]+|,[ \u00a0]+")
_NOT_INITIALS = frozenset({"U.S.", "S.S.", "U.S.S.", "H.M.S.", "U.K.", "U.N.", "U.S.S.R.", "N.A.T.O.", "P.S."})
_SUFFIX = re.compile(r",?[ \u00a0](?:Jr\.|Sr\.|III|II|IV)(?![^\W\d_])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\n“\"(—]\s*)$")
_LAST_WORD = re.compile(r"(\w+)[ \u00a0]+$")
_OPEN = re.compile(r"\(\s*$")
_CLOSE = re.compile(r"\s*\)")


@dataclass
class Token:
    start: int
    end: int
    text: str
    kind: str


@dataclass
class Segment:
    """A name-like stretch of text: its tokens, the cue before it and how it was found."""

    start: int
    end: int
    tokens: list[Token]
    cue: str = ""  # the title words just before it ("Foreign Minister"), or a lower-case office word
    how: str = "plain"  # plain | paren (a heading's "(Welles)") | signature | inverted ("Matsuoka, Yosuke")
    # what around it says it is a person: "verb" (followed by "said", "reported" ...), "by" (a drafting line)
    hint: str = ""
    initial: bool = False  # starts a sentence (its capital says nothing)

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens if t.kind != PART]


def _kind(word: str, is_initial: bool, is_particle: bool) -> str:
    if is_particle:
        return PART
    if is_initial:
        # U.S., S.S. (a ship), H.M.S., U.K., U.N. are not initials of a person
        return STOP if word in _NOT_INITIALS else NAME
    if word in INSTITUTIONS:
        return INST
    if word in TITLES:
        return TITLE
    if word in STOPWORDS or word in PLACES or word in ("Jr", "Sr"):
        return STOP
    if len(word) > 1 and word.isupper():
        return CAPS
    return NAME


def tokens(text: str) -> list[list[Token]]:
    """Runs of tokens separated by nothing but spaces (a sentence's full stop ends a run)."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    prev_end = -1
    stopped = False
    for m in TOKEN.finditer(text):
        word = m.group("word")
        dotted = bool(m.group("dot"))
        end = m.end()
        if word and dotted and word not in ABBREVIATIONS:
            end -= 1  # the full stop ends the sentence, not the word
        tok = Token(m.start(), end, text[m.start():end],
                    _kind(word or m.group("init") or "", bool(m.group("init")), bool(m.group("part"))))
        gap = text[prev_end:m.start()] if prev_end >= 0 else None
        if run and (stopped or gap is None or gap.strip(" \t\u00a0") or not gap):
            runs.append(run)
            run = []
        run.append(tok)
        prev_end = end
        stopped = bool(word and dotted and word not in ABBREVIATIONS)
    if run:
        runs.append(run)
    return runs


def _cue(text: str, run: list[Token], i: int) -> str:
    j = i
    while j > 0 and run[j - 1].kind == TITLE:
        j -= 1
    if j < i:
        return " ".join(t.text for t in run[j:i])
    if i == 0:
        m = _LAST_WORD.search(text, max(0, run[0].start - 40), run[0].start)
        if m and m.group(1) in TITLES_LOWER:
            return m.group(1)
    return ""


def segments(text: str, signature: bool = False) -> list[Segment]:
    """The name candidates of ``text``; ``signature``: the text is a signature line."""
    runs = tokens(text)
    if signature and len(runs) == 1 and all(t.kind in (NAME, PART, CAPS) for t in runs[0]) \
            and not text[runs[0][-1].end:].strip(" .,\u00a0\n") and not text[:runs[0][0].start].strip():
        run = runs[0]
        return [Segment(run[0].start, _suffix_end(text, run[-1].end), run, how="signature")]
    out: list[Segment] = []
    for run in runs:
        i = 0
        while i < len(run):
            if run[i].kind not in (NAME, PART):
                i += 1
                continue
            j = i
            while j < len(run) and run[j].kind in (NAME, PART):
                j += 1
            a, b = i, j
            while a < b and run[a].kind == PART:
                a += 1
            while b > a and run[b - 1].kind == PART:
                b -= 1
            followed_by = run[j].kind if j < len(run) else None
            if a < b and followed_by != INST:
                toks = run[a:b]
                start, end = toks[0].start, toks[-1].end
                seg = Segment(start, _suffix_end(text, end), toks, cue=_cue(text, run, a))
                seg.initial = a == 0 and bool(_SENTENCE_START.search(text, max(0, start - 4), start))
                if _VERB.match(text, seg.end):
                    seg.hint = "verb"
                if _OPEN.search(text, max(0, start - 4), start) and _CLOSE.match(text, end) \
                        and _OFFICE.search(text, max(text.rfind(")", max(0, start - 200), start) + 1, start - 200, 0), start):
                    seg.how = "paren"
                out.append(seg)
            i = j
    for m in _BY.finditer(text):
        at = m.end()
        for seg in out:
            if seg.start < at:
                continue
            if seg.start != at:
                break
            seg.hint = "by"
            gap = _LIST_GAP.match(text, seg.end)
            if not gap:
                break
            at = gap.end()
    # "Matsuoka, Yosuke": two candidates joined by a comma may be one inverted name
    joined = []
    for x, y in zip(out, out[1:]):
        if text[x.end:y.start] == ", " and not x.cue and len(x.words) <= 2 and len(y.words) <= 3:
            joined.append(Segment(x.start, y.end, x.tokens + y.tokens, how="inverted"))
    return joined + out


def _suffix_end(text: str, end: int) -> int:
    m = _SUFFIX.match(text, end)
    return m.end() if m else end
