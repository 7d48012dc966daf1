"""Readers: one per kind of raw text, each building the same document model.

A reader is a module with ``NAME``, ``DESCRIPTION``, ``sniff(text) -> int`` (0-100: how sure
it is the text is its kind) and ``read(text, stem) -> Document``. To add a kind, write such a
module and list it in ``READERS``.
"""
from __future__ import annotations

from types import ModuleType

from . import frus, plain, webarticle

READERS: dict[str, ModuleType] = {m.NAME: m for m in (frus, webarticle, plain)}


def pick(text: str) -> str:
    """The reader most sure of ``text`` (plain text when none is)."""
    scores = {name: r.sniff(text) for name, r in READERS.items()}
    best = max(scores, key=lambda n: scores[n])
    return best if scores[best] >= 50 else plain.NAME


def describe(name: str) -> str:
    return READERS[name].DESCRIPTION
