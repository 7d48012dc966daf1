#!/usr/bin/env python3
"""Draw a reproducible random sample of editio's person tags for checking precision by hand.

    python benchmarks/persons_sample.py TEI_DIR [--n 60] [--seed 1941]

Prints one line per tag: document, the tagged words, the id given, and the text around it,
as a Markdown table with an empty verdict column to fill in (see persons-precision.md).
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from lxml import etree

T = "{http://www.tei-c.org/ns/1.0}"


def context(el, width: int = 50) -> str:
    """The text around a tag: what its parent says before and after it, whitespace folded."""
    parent = el.getparent()
    before, after, seen = [], [], False
    before.append(parent.text or "")
    for child in parent:
        target = after if seen else before
        if child is el:
            seen = True
            after.append(child.tail or "")
            continue
        if child.tag != T + "note":
            target.append("".join(child.itertext()))
        target.append(child.tail or "")
    b = " ".join("".join(before).split())[-width:]
    a = " ".join("".join(after).split())[:width]
    return f"…{b} **{' '.join(''.join(el.itertext()).split())}** {a}…"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("tei_dir", type=Path)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1941)
    args = ap.parse_args()
    tags = []
    for path in sorted(args.tei_dir.glob("*.xml")):
        if path.name == "persons.xml":
            continue
        root = etree.parse(str(path)).getroot()
        for el in root.iterfind(f".//{T}text//*[@ref]"):
            if el.tag in (T + "persName", T + "rs"):
                tags.append((path.stem, el))
    sample = random.Random(args.seed).sample(tags, min(args.n, len(tags)))
    print(f"{len(tags)} tags in {args.tei_dir}; sample of {len(sample)}, seed {args.seed}\n")
    print("| # | document | id | in context | verdict |\n|---:|---|---|---|---|")
    for i, (stem, el) in enumerate(sample, 1):
        print(f"| {i} | {stem} | {el.get('ref')[1:]} | {context(el).replace('|', '/')} | |")


if __name__ == "__main__":
    main()
