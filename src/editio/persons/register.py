"""The editor-maintained persons register: who is who, under which names, with which ids.

The register is a TOML file (the packaged default is ``editio/data/persons.toml``), one
``[[person]]`` table per person::

    [[person]]
    id = "p-welles-sumner"          # p- + surname slug + first forename slug
    surname = "Welles"
    forenames = "Sumner"
    particle = ""                    # "von", "von der": printed after the forenames
    suffix = ""                      # "Jr.", "III"
    variants = ["S. Welles"]         # other spellings; a one-word variant acts as a surname
    roles = ["Under Secretary of State"]
    wikidata = ""                    # Q-number, only when certain
    viaf = ""
    bare = true                      # optional: may the surname alone be tagged in any document?

``bare`` left out means: yes, unless the surname is also a forename or a common word or
place (see ``_COMMON``); such a surname is tagged alone only in documents that name the
person more fully, or after a cue ("Mr. Paul", "King Paul").
"""
from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import resources
from .names import PARTICLES, compatible, forename_tokens, key, person_id

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ID = re.compile(r"^p-[a-z0-9]+(?:-[a-z0-9]+)*$")
_FIELDS = ("id", "surname", "forenames", "particle", "suffix", "variants", "roles", "wikidata", "viaf", "bare")

# Surnames that are also ordinary words, places or forenames: tagged alone only where the
# document already names the person, or after a cue.
_COMMON = frozenset("""
white young wood gray grey green brown black king paul george lay salt frost knight lyon lincoln lodge
foster wilson cannon baker dean early long short little hall field march may june
""".split())


class RegisterError(ValueError):
    """The register file cannot be read or breaks a rule (one line, names the file)."""


@dataclass(frozen=True)
class Person:
    id: str
    surname: str
    forenames: str = ""
    particle: str = ""
    suffix: str = ""
    variants: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    wikidata: str = ""
    viaf: str = ""
    bare: bool | None = None

    @property
    def canonical(self) -> str:
        """"Surname, Forenames particle[, Suffix]"; "Paul I" for a name without forenames."""
        if not self.forenames:
            return " ".join(x for x in (self.surname, self.suffix) if x)
        name = f"{self.surname}, {' '.join(x for x in (self.forenames, self.particle) if x)}"
        return f"{name}, {self.suffix}" if self.suffix else name

    def forms(self) -> list[str]:
        """Every written form this person is looked up by (variants included)."""
        s = " ".join(x for x in (self.particle, self.surname) if x)
        out = [self.surname, s, *self.variants]
        if self.forenames:
            given = self.forenames.split()
            initials = " ".join(g[0] + "." for g in given if g not in PARTICLES)
            out += [f"{self.forenames} {s}", f"{given[0]} {s}", f"{initials} {s}", f"{given[0][0]}. {s}",
                    f"{self.surname}, {self.forenames}", f"{self.surname}, {given[0]}"]
        elif self.suffix:
            out.append(f"{self.surname} {self.suffix}")
        return out


@dataclass
class Register:
    """Persons by id, and the lookup tables the tagger uses (built once, at load time)."""

    persons: dict[str, Person] = field(default_factory=dict)
    source: str = ""
    # ids of persons learnt from the documents being converted, not declared by the editor
    learned: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        # key of a whole written form -> ids; key of a one-word form (a surname) -> ids
        self.full: dict[str, set[str]] = {}
        self.surnames: dict[str, set[str]] = {}
        self.forenames: set[str] = set()
        for p in self.persons.values():
            for form in p.forms():
                k = key(form)
                if not k:
                    continue
                table = self.surnames if " " not in k else self.full
                table.setdefault(k, set()).add(p.id)
            self.forenames.update(t for t in forename_tokens(p.forenames) if len(t) > 1)
        self.bare_ok = {
            pid for pid, p in self.persons.items()
            if (p.bare if p.bare is not None else key(p.surname) not in _COMMON and key(p.surname) not in self.forenames)
        }

    def __contains__(self, pid: str) -> bool:
        return pid in self.persons

    def declares(self, pid: str) -> bool:
        """Is ``pid`` a person the editor's register declares (not one learnt from documents)?"""
        return pid in self.persons and pid not in self.learned

    def __len__(self) -> int:
        return len(self.persons)

    def find(self, surname: str, forenames: str) -> str | None:
        """The id of the register person with this surname whose forenames fit, if exactly one."""
        ids = self.surnames.get(key(surname), set()) | self.full.get(key(surname), set())
        fits = [i for i in sorted(ids) if compatible(forename_tokens(forenames), forename_tokens(self.persons[i].forenames))]
        return fits[0] if len(fits) == 1 else None

    def merged(self, incoming: list[Person]) -> tuple["Register", int, int]:
        """A new register with ``incoming`` merged in by id: (register, added, updated).

        An update keeps what the editor wrote and adds what is new: variants and roles are
        unioned, empty fields filled; a non-empty field the editor set is never overwritten.
        """
        persons = dict(self.persons)
        added = updated = 0
        for new in incoming:
            old = persons.get(new.id)
            if old is None:
                persons[new.id] = new
                added += 1
                continue
            merged = replace(
                old,
                forenames=old.forenames or new.forenames,
                particle=old.particle or new.particle,
                suffix=old.suffix or new.suffix,
                variants=tuple(dict.fromkeys(old.variants + new.variants)),
                roles=tuple(dict.fromkeys(old.roles + new.roles)),
                wikidata=old.wikidata or new.wikidata,
                viaf=old.viaf or new.viaf,
            )
            if merged != old:
                persons[new.id] = merged
                updated += 1
        return Register(persons, self.source, self.learned - set(persons)), added, updated


def _person(entry: dict, where: str) -> Person:
    unknown = set(entry) - set(_FIELDS)
    if unknown:
        raise RegisterError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    for name in ("id", "surname"):
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            raise RegisterError(f"{where}: {name} is missing")
    if not ID.match(entry["id"]):
        raise RegisterError(f"{where}: id {entry['id']!r} is not p- followed by lower-case ascii words joined by -")
    for name in ("forenames", "particle", "suffix", "wikidata", "viaf"):
        if not isinstance(entry.get(name, ""), str):
            raise RegisterError(f"{where}: {name} must be a string")
    for name in ("variants", "roles"):
        value = entry.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RegisterError(f"{where}: {name} must be a list of strings")
    if entry.get("wikidata") and not re.fullmatch(r"Q[1-9][0-9]*", entry["wikidata"]):
        raise RegisterError(f"{where}: wikidata {entry['wikidata']!r} is not a Q-number")
    if entry.get("viaf") and not re.fullmatch(r"[0-9]+", entry["viaf"]):
        raise RegisterError(f"{where}: viaf {entry['viaf']!r} is not a number")
    if "bare" in entry and not isinstance(entry["bare"], bool):
        raise RegisterError(f"{where}: bare must be true or false")
    return Person(
        id=entry["id"], surname=entry["surname"].strip(), forenames=entry.get("forenames", "").strip(),
        particle=entry.get("particle", "").strip(), suffix=entry.get("suffix", "").strip(),
        variants=tuple(entry.get("variants", [])), roles=tuple(entry.get("roles", [])),
        wikidata=entry.get("wikidata", ""), viaf=entry.get("viaf", ""), bare=entry.get("bare"),
    )


def read_register(path: Path) -> Register:
    """Parse and check a register file (no caching: the importer reads, merges and writes)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise RegisterError(f"{path}: cannot read the register ({e.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise RegisterError(f"{path}: not a valid TOML register ({e})") from None
    entries = data.get("person", [])
    if set(data) - {"person"} or not isinstance(entries, list):
        raise RegisterError(f"{path}: a register holds only [[person]] tables")
    persons: dict[str, Person] = {}
    for n, entry in enumerate(entries, 1):
        p = _person(entry, f"{path}: person {n}")
        if p.id in persons:
            raise RegisterError(f"{path}: person {n}: id {p.id} is used twice")
        persons[p.id] = p
    return Register(persons, str(path))


@functools.lru_cache(maxsize=8)
def _cached(path: str, mtime_ns: int, size: int) -> Register:
    return read_register(Path(path))


def load_register(path: Path | None = None) -> Register:
    """The register at ``path`` (None: the packaged default), read once per process.

    The cache is keyed by the file's modification time and size, so an edited register
    is read again; an unchanged one costs a stat.
    """
    path = Path(path) if path is not None else resources.data("persons.toml")
    try:
        st = path.stat()
    except OSError as e:
        raise RegisterError(f"{path}: cannot read the register ({e.strerror})") from None
    return _cached(str(path.resolve()), st.st_mtime_ns, st.st_size)


def _toml_string(s: str) -> str:
    # a JSON string literal is a valid TOML basic string (same escapes)
    return json.dumps(s, ensure_ascii=False)


def dumps(register: Register) -> str:
    """The register as TOML, persons sorted by id, empty fields left out (deterministic)."""
    out = ["# editio persons register: one [[person]] table per person, sorted by id.",
           "# Fields: id, surname, forenames, particle, suffix, variants, roles, wikidata, viaf, bare.", ""]
    for pid in sorted(register.persons):
        p = register.persons[pid]
        out.append("[[person]]")
        for name in _FIELDS:
            value = getattr(p, name)
            if value in ("", (), None):
                continue
            if isinstance(value, bool):
                out.append(f"{name} = {'true' if value else 'false'}")
            elif isinstance(value, tuple):
                out.append(f"{name} = [{', '.join(map(_toml_string, value))}]")
            else:
                out.append(f"{name} = {_toml_string(value)}")
        out.append("")
    return "\n".join(out)


def write_register(register: Register, path: Path) -> None:
    path.write_text(dumps(register), encoding="utf-8")


def new_person(surname: str, forenames: str = "", taken: dict[str, Person] | None = None, **fields) -> Person:
    """A person with the standard id; when a different person holds that id, all forenames go in."""
    pid = person_id(surname, forenames)
    if taken and pid in taken and not compatible(forename_tokens(forenames), forename_tokens(taken[pid].forenames)):
        pid = "p-" + "-".join(filter(None, [pid[2:], *[t for t in forename_tokens(forenames)[1:]]]))
        n = 2
        base = pid
        while pid in taken:
            pid, n = f"{base}-{n}", n + 1
    return Person(pid, surname, forenames, **fields)
