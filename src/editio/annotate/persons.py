"""Person names: persName (and rs for a title a footnote identifies) over every mention.

Called by the converter after the page-break and footnote annotators::

    annotate_persons(doc, register)

Rules, in the order they decide (see the README section "Person names"):

1. A whole written form the register knows ("Yosuke Matsuoka", "V. Molotov",
   "S[umner] W[elles]", "Matsuoka, Yosuke") is that person.
2. Forenames before a known surname stay inside the name when they fit the person
   ("Charles G. Fenwick", "Constantin Karamanlis"); when they do not, a known forename or
   initials make a new person with that surname, anything else is not part of the name.
3. A name after a cue (Mr., Sir, Admiral, Prince, Foreign Minister, ...: outside persName,
   as the FRUS editors do), in a heading's parenthesis after an office ("Ambassador in
   Japan (Grew)"), alone on a signature line, or made of a known forename and a surname, is
   a person even when the register lacks it: it gets a generated id and a warning.
4. A surname alone is a person when the register allows it alone (``bare``), or when this
   document names that person in one of the ways above.
Where one surname fits several register persons, the one whose role the cue names wins
("Secretary Dulles"), then the one this document names more fully, then the only one the
editor's register declares (over persons learnt from other documents); otherwise the mention gets the surname's
own id (``p-dulles``) and a warning.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from ..model import Block, Document, Inline, Span
from ..persons.names import key, slug, forename_tokens, compatible, person_id
from ..persons.register import Person, Register
from ..persons.tagger import CAPS, Segment, segments

# forenames common enough to mark "Forename Surname" as a person without a cue
_FORENAMES = frozenset("""
john james charles george william robert henry thomas joseph edward richard francis frank harold herbert arthur
walter paul peter david samuel stanley hugh eugene nelson clarence cordell sumner franklin harry alfred louis
frederick albert ernest ralph howard raymond edwin donald kenneth winston anthony adolf benito neville
philip stephen michael andrew daniel benjamin hans karl otto heinrich friedrich wilhelm ernst pierre jean
jacques louis carlos juan jose luis manuel pedro antonio francisco alberto oswaldo getulio enrique
konstantin vyacheslav nikolai ivan andrei alexander maxim yosuke shigenori fumimaro kichisaburo koki
""".split())

_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")
_RS_TITLE = re.compile(
    r"\b([Tt]he[ \u00a0]+(?:[A-Z][\w’'-]*[ \u00a0]+){0,4}?"
    r"(?:Ambassador|Minister|Secretary|President|Chargé|Consul|Counselor|Premier|Chancellor|Admiral|General|"
    r"Emperor|King|Queen|Prince|Envoy|Delegate|Representative|Governor|Commissioner|Chairman|Director|Attaché)"
    r"(?:[ \u00a0]+(?:in|at|to|of|for)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w’'-]*(?:[ \u00a0]+[A-Z][\w’'-]*){0,3})?)"
    r"[ \u00a0]*$"
)


@dataclass
class MentionedPerson:
    """A person named in one document: the register entry (or a generated one) and the forms seen."""

    person: Person
    registered: bool
    forms: set[str] = field(default_factory=set)


class _Resolver:
    def __init__(self, register: Register):
        self.reg = register
        self.local: dict[str, Person] = {}  # persons this document names that the register lacks
        self.local_full: dict[str, set[str]] = {}
        self.local_surnames: dict[str, set[str]] = {}
        self.known: set[str] = set()  # named in this document in a way that needs no context
        self.warnings: list[str] = []

    def person(self, pid: str) -> Person:
        return self.reg.persons.get(pid) or self.local[pid]

    def _add_local(self, surname: str, forenames: str = "") -> str:
        p = Person(person_id(surname, forenames), surname, forenames)
        if p.id not in self.local and p.id not in self.reg:
            self.local[p.id] = p
            for form in p.forms():
                k = key(form)
                (self.local_surnames if " " not in k else self.local_full).setdefault(k, set()).add(p.id)
        return p.id

    def add_participant(self, name: str) -> None:
        surname, _, forenames = (x.strip() for x in name.partition(","))
        pid = self.reg.find(surname, forenames) or self._add_local(surname, forenames)
        self.known.add(pid)

    def _ids(self, table: str, k: str) -> set[str]:
        return getattr(self.reg, table).get(k, set()) | getattr(self, "local_" + table).get(k, set())

    def _choose(self, ids: set[str], seg: Segment, final: bool) -> str | None:
        if len(ids) == 1:
            return next(iter(ids))
        if seg.cue:
            # "President Santos": the Santos whose role is a presidency, not the President's brother
            cue = re.compile(rf"^(?:\w+ )?{re.escape(seg.cue)}\b", re.IGNORECASE)
            by_role = [i for i in ids if any(cue.search(r) for r in self.person(i).roles)]
            if len(by_role) == 1:
                return by_role[0]
        known = ids & self.known
        if len(known) == 1:
            return next(iter(known))
        declared = {i for i in ids if self.reg.declares(i)}
        if len(declared) == 1:
            # the editor's register outranks persons learnt from other documents
            return next(iter(declared))
        if not final:
            return None
        surname = self.person(min(ids)).surname
        pid = "p-" + slug(surname)
        if pid not in self.reg and pid not in self.local:
            self._add_local(surname)
            self.warnings.append(f"person ambiguous: {surname} may be {' or '.join(sorted(ids))}; tagged as {pid}")
        return pid

    def resolve(self, seg: Segment, final: bool) -> tuple[int, str] | None:
        """(start of the name within the segment, id), or None: not (yet) a person."""
        toks = seg.tokens
        words = [t.text for t in toks]
        strong = bool(seg.cue or seg.hint) or seg.how in ("paren", "signature")
        if any(t.kind == CAPS for t in toks) and seg.how != "signature":
            return None
        whole = key(" ".join(words))
        if seg.how == "inverted":
            ids = self._ids("full", whole)
            if not ids:
                return None
            pid = self._choose(ids, seg, final)
            return (seg.start, pid) if pid else None
        if len(toks) > 1 and (ids := self._ids("full", whole)):
            pid = self._choose(ids, seg, final)
            return (seg.start, pid) if pid else None
        surname = key(words[-1])
        given = [w for w, t in zip(words[:-1], toks[:-1]) if t.kind != "part"]
        ids = self._ids("surnames", surname)
        if ids and given:
            fits = {i for i in ids if compatible(forename_tokens(" ".join(given)), forename_tokens(self.person(i).forenames))}
            if fits:
                pid = self._choose(fits, seg, final)
                return (seg.start, pid) if pid else None
            if seg.cue or self._forename_like(given, seg):
                return seg.start, self._add_local(_clean(words[-1]), _clean(" ".join(given)))
            # what stands before the surname is not a forename of anyone: not part of the name
            toks, words, given = toks[-1:], words[-1:], []
            seg = Segment(toks[0].start, seg.end, toks, seg.cue, seg.how, seg.initial)
        if ids:
            if strong or ids & (self.known | self.reg.bare_ok | set(self.local)):
                pid = self._choose(ids, seg, final)
                return (toks[0].start, pid) if pid else None
            return None
        if strong or (given and self._forename_like(given, seg)):
            if not re.search(r"[a-zà-ÿ]", words[-1]) and seg.how != "signature":
                return None
            surname_text = _clean(words[-1])
            if len(key(surname_text)) < 2:
                return None
            return seg.start, self._add_local(surname_text, _clean(" ".join(given)))
        return None

    def _forename_like(self, given: list[str], seg: Segment) -> bool:
        first = key(given[0])
        if seg.start == 0 and len(given) == 1 and len(first) == 1 and seg.how == "plain":
            return False  # "A. Extension of ...": a list label, not an initial
        return bool(first) and (first in _FORENAMES or first in self.reg.forenames
                                or any(len(key(g)) == 1 and g.endswith((".", "]")) for g in given))


def _clean(s: str) -> str:
    return s.replace("[", "").replace("]", "")


def _signature_inlines(doc: Document) -> set[int]:
    out: set[int] = set()

    def walk(b: Block, inside: bool) -> None:
        inside = inside or b.tag == "signed" or (b.tag == "list" and b.attrs.get("type") == "signatories")
        if inside and b.inline is not None:
            out.add(id(b.inline))
        for c in b.children:
            walk(c, inside)

    walk(doc.body, False)
    return out


class _Ranges:
    """Which character ranges of one inline are taken: overlap tests in log time (a 50 MB
    paragraph has hundreds of thousands of markers, so a scan per name would be quadratic)."""

    def __init__(self, ranges) -> None:
        self.starts: list[int] = []
        self.reach: list[int] = []  # the furthest end among ranges[:i + 1]
        for a, b in sorted(ranges):
            self.starts.append(a)
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start


def _covered(inline: Inline) -> _Ranges:
    return _Ranges((s.start, s.end) for s in inline.spans if s.replace)


def annotate_persons(doc: Document, register: Register) -> None:
    """Tag every person mention of ``doc``; fill ``doc.persons``; warn of names the register lacks."""
    res = _Resolver(register)
    for name in doc.participants:
        res.add_participant(name)
    signed = _signature_inlines(doc)
    work: list[tuple[Inline, Segment]] = []
    for inline in doc.inlines():
        covered = _covered(inline)
        for seg in segments(inline.text, signature=id(inline) in signed):
            if not covered.overlaps(seg.start, seg.end):
                work.append((inline, seg))
    # first the mentions that need no context, which tell what this document knows,
    # then the rest (bare surnames, ambiguous ones) with that knowledge
    hits: dict[int, tuple[int, str]] = {}
    for final in (False, True):
        for n, (inline, seg) in enumerate(work):
            if n not in hits:
                r = res.resolve(seg, final)
                if r:
                    hits[n] = r
                    res.known.add(r[1])
    # per inline, left to right; where candidates overlap the longer wins ("Matsuoka, Yosuke")
    by_inline: dict[int, list[tuple[int, int, str]]] = {}
    inlines: dict[int, Inline] = {}
    for n, (start, pid) in hits.items():
        inline, seg = work[n]
        inlines[id(inline)] = inline
        by_inline.setdefault(id(inline), []).append((start, seg.end, pid))
    for key_, found in by_inline.items():
        inline = inlines[key_]
        last_end = -1
        for start, end, pid in sorted(found, key=lambda h: (h[0], -h[1])):
            if start < last_end:
                continue
            last_end = end
            inline.add(Span(start, end, "persName", {"ref": "#" + pid}))
            entry = doc.persons.get(pid)
            if entry is None:
                entry = doc.persons[pid] = MentionedPerson(res.person(pid), register.declares(pid))
            entry.forms.add(" ".join(inline.text[start:end].split()))
    _title_references(doc)
    doc.warnings.extend(res.warnings)
    for pid, entry in sorted(doc.persons.items()):
        if not entry.registered:
            doc.warnings.append(f"person not in the register: {' / '.join(sorted(entry.forms))} (tagged as {pid})")


@dataclass
class Evidence:
    """What one document tells about persons, for :class:`CorpusLearner`: the name segments
    that can teach a person (a cue, a hint, a heading's parenthesis, a signature, forenames:
    a lone plain surname never adds one) and its lower-case words. Small and picklable, so
    worker processes gather it and the parent learns without holding the documents."""

    stem: str
    segments: list[Segment]
    plain_words: set[str]


def evidence(doc: Document) -> Evidence:
    signed = _signature_inlines(doc)
    segs: list[Segment] = []
    words: set[str] = set()
    for inline in doc.inlines():
        words.update(_LOWER_WORD.findall(inline.text))
        segs += [seg for seg in segments(inline.text, signature=id(inline) in signed)
                 if (seg.cue or seg.hint or seg.how != "plain" or len(seg.tokens) > 1)
                 and not inline.covered(seg.start, seg.end)]
    return Evidence(doc.stem, segs, words)


class CorpusLearner:
    """The register plus the persons a batch of documents names with a cue, in a heading's
    parenthesis, on a signature line or with forenames, that the register lacks ("the corpus
    knows them"): with it, a surname alone is tagged in every document once any of them has
    named the person that way ("Mr. Karamanlis" in one, "Karamanlis said" in another).

    Feed the documents' evidence in order of stem, so that the result depends on the set of
    documents and not on the order they were given in; memory grows with the names and the
    vocabulary, not with the documents. A learnt surname the documents also use as an
    ordinary word ("strong") is tagged alone only where its own document names the person.
    """

    def __init__(self, register: Register):
        self._register = register
        self._resolver = _Resolver(register)
        self._plain_words: set[str] = set()
        self._last = ""

    def add(self, ev: Evidence) -> None:
        if ev.stem < self._last:
            raise ValueError(f"evidence out of order: {ev.stem} after {self._last}")
        self._last = ev.stem
        self._plain_words |= ev.plain_words
        for seg in ev.segments:
            self._resolver.resolve(seg, final=False)

    def register(self) -> Register:
        reg = self._register
        learned = {pid: replace(p, bare=False if key(p.surname) in self._plain_words else None)
                   for pid, p in self._resolver.local.items()}
        return Register({**reg.persons, **learned}, reg.source, reg.learned | frozenset(learned))


def learn_corpus(register: Register, found: list[Evidence]) -> Register:
    """:class:`CorpusLearner` over ``found``, in order of stem."""
    learner = CorpusLearner(register)
    for ev in sorted(found, key=lambda e: e.stem):
        learner.add(ev)
    return learner.register()


def _title_references(doc: Document) -> None:
    """rs over "The Soviet Ambassador" when the footnote anchored right after it names the person."""
    for inline in doc.inlines():
        notes = [s for s in inline.spans if s.replace and s.tag == "note" and s.content is not None]
        if not notes:
            continue
        covered = _covered(inline)
        named = _Ranges((s.start, s.end) for s in inline.spans if s.tag == "persName")
        for note in notes:
            names = sorted((s for s in note.content.spans if s.tag == "persName"), key=lambda s: s.start)
            if not names:
                continue
            first = names[0]
            text = note.content.text
            if text[:first.start].strip() or not re.match(r"\s*(?:[.;,(]|$)", text[first.end:]):
                continue
            m = _RS_TITLE.search(inline.text, max(0, note.start - 200), note.start)
            if not m:
                continue
            start, end = m.start(1), m.end(1)
            if covered.overlaps(start, end) or named.overlaps(start, end):
                continue
            inline.add(Span(start, end, "rs", {"type": "person", "ref": first.attrs["ref"]}))
