#!/usr/bin/env python3
"""Time editio's commands on a corpus of N documents and compare them with the project's goals.

    python benchmarks/run.py                    # N = 1,000 and 10,000
    python benchmarks/run.py --quick            # N = 200, a smoke run
    python benchmarks/run.py --n 1000 --keep /tmp/bench

The corpus is the FRUS gold documents rendered to page text by the benchmark's own renderer
($EDITIO_SHARED/bench/page_text.py), cycled to N documents, plus the three seeds. Each command
runs as a user runs it (the `editio` script, in a fresh process) under a small wrapper
interpreter that times it and reads getrusage(RUSAGE_CHILDREN) once it has ended: ru_maxrss there
is the largest resident set of the command or of any descendant it waited for (the worker
processes of --jobs), so it is the peak of the biggest single process, never a sum, and each
command gets a fresh wrapper so no command inherits another's peak. With --jobs J the whole run
holds up to about J + 1 such processes at once. The floor is lxml parsing and serialising the same TEI files in this
process. The slowest stage against its goal is then profiled in process with cProfile.
Stages whose command does not exist yet are skipped, and the report says so.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EDITIO_SHARED", REPO.parent / "shared")).resolve()
SEEDS = REPO / "seeds"
MB = 1_000_000

# docs/s each stage must reach (from the issue); None: no rate goal
GOALS = {"convert": 300, "validate": 300, "render html": 1000, "render text": 1000}
BUILD_GOAL_S = 60.0  # `editio build` on 10,000 documents
FLAT_RATIO = 2.0  # peak memory at the largest N over the smallest: flat if below this


@dataclass
class Row:
    stage: str
    command: str
    docs: int
    in_bytes: int
    seconds: float
    peak_kb: int | None  # None: measured in this process (the floor)
    exit_code: int

    @property
    def rate(self) -> float:
        return self.docs / self.seconds

    @property
    def mb_s(self) -> float:
        return self.in_bytes / MB / self.seconds


def editio_command() -> list[str]:
    script = Path(sys.executable).parent / "editio"
    if script.exists():
        return [str(script)]
    found = shutil.which("editio")
    if not found:
        sys.exit("run.py: the editio command is not installed (pip install -e . in this environment)")
    return [found]


def has_command(editio: list[str], name: str) -> bool:
    return subprocess.run([*editio, name, "--help"], capture_output=True).returncode == 0


# A bare interpreter that runs the command and reports on it. Not measured from this process: a
# child's ru_maxrss starts from the RSS of the process that spawned it (the forked or vforked
# address space is counted until exec), so this script's own size would show up as every
# command's floor. This wrapper is ~10 MB, well below any editio command.
WRAPPER = """\
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[2:])
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as f:
    f.write(f"{seconds} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {code}")
"""


def measure(cmd: list[str], log: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KiB) of the largest process of the command's tree, exit code."""
    result = log.with_suffix(".rusage")
    with open(log, "wb") as out:
        subprocess.run([sys.executable, "-I", "-S", "-c", WRAPPER, str(result), *cmd],
                       stdout=out, stderr=subprocess.STDOUT, check=True)
    seconds, peak, code = result.read_text().split()
    return float(seconds), int(peak), int(code)


# -- the corpus


def gold_texts() -> list[tuple[str, str]]:
    gold, bench = SHARED / "frus-gold" / "tei", SHARED / "bench" / "page_text.py"
    if not gold.is_dir() or not bench.is_file():
        sys.exit(f"run.py: shared material not found at {SHARED} (set EDITIO_SHARED)")
    sys.path.insert(0, str(bench.parent))
    try:
        from page_text import render
    finally:
        sys.path.remove(str(bench.parent))
    from lxml import etree

    return [(g.stem, render(etree.parse(str(g)).getroot()))
            for g in sorted(gold.glob("*.xml")) if not g.name.endswith("-persons.xml")]


def make_corpus(folder: Path, n: int, texts: list[tuple[str, str]]) -> list[Path]:
    """The seeds, then the gold page texts cycled until there are ``n`` files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in sorted(SEEDS.glob("*.txt"))[:n]:
        shutil.copyfile(seed, folder / seed.name)
        paths.append(folder / seed.name)
    for i in range(n - len(paths)):
        stem, text = texts[i % len(texts)]
        path = folder / f"g{i:05d}_{stem}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def size(paths) -> int:
    return sum(p.stat().st_size for p in paths)


def tei_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.xml") if p.name != "persons.xml")


# -- the stages


def floor(files: list[Path]) -> Row:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    start = time.perf_counter()
    for path in files:
        etree.tostring(etree.fromstring(path.read_bytes(), parser), encoding="UTF-8")
    seconds = time.perf_counter() - start
    return Row("floor: lxml parse + serialise", "in process", len(files), size(files), seconds, None, 0)


def run_n(n: int, work: Path, texts, editio: list[str], available: dict[str, bool], repeat: int) -> list[Row]:
    base = work / f"n{n}"
    raw = make_corpus(base / "raw", n, texts)
    raw_bytes = size(raw)
    tei = base / "tei"
    rows: list[Row] = []
    log = base / "logs"
    log.mkdir(exist_ok=True)

    def run(stage: str, args: list[str], docs: int, in_bytes: int) -> None:
        # the fastest of the repeats is the one least disturbed by other work on the machine
        runs = [measure([*editio, *args], log / (stage.replace(" ", "_") + ".log")) for _ in range(repeat)]
        seconds, peak, code = min(r[0] for r in runs), max(r[1] for r in runs), max(r[2] for r in runs)
        shown = " ".join(["editio", *(a.replace(str(base), "$N") for a in args)])
        rows.append(Row(stage, shown, docs, in_bytes, seconds, peak, code))
        print(f"  N={n:>6} {stage:<24} {seconds:8.2f} s", file=sys.stderr)

    run("startup (editio --version)", ["--version"], 0, 0)
    if available["convert"]:
        run("convert --jobs 1", ["convert", "-q", "--jobs", "1", str(base / "raw"), "-o", str(base / "tei-j1")], n, raw_bytes)
        shutil.rmtree(base / "tei-j1")
        run("convert --jobs 2", ["convert", "-q", "--jobs", "2", str(base / "raw"), "-o", str(base / "tei-j2")], n, raw_bytes)
        shutil.rmtree(base / "tei-j2")
        run("convert", ["convert", "-q", str(base / "raw"), "-o", str(tei)], n, raw_bytes)
    files = tei_files(tei) if tei.is_dir() else []
    if files:
        tei_bytes = size(files)
        if available["validate"]:
            run("validate", ["validate", str(tei)], len(files), tei_bytes)
        if available["render"]:
            run("render html", ["render", "--format", "html", str(tei), "-o", str(base / "html")], len(files), tei_bytes)
            run("render text", ["render", "--format", "text", str(tei), "-o", str(base / "text")], len(files), tei_bytes)
        rows.append(floor(files))
    if available["build"]:
        run("build", ["build", str(base / "raw"), "-o", str(base / "build")], n, raw_bytes)
    return rows


# -- profiling


def profile(stage: str, work: Path, n: int, texts) -> str:
    """cProfile of the in-process API doing ``stage`` on ``n`` documents; the top of the listing."""
    base = work / f"profile-n{n}"
    raw = make_corpus(base / "raw", n, texts)
    tei = base / "tei"
    tei.mkdir(exist_ok=True)
    from editio.convert import Converter

    if stage != "convert":  # the other stages need the TEI first, made outside the profile
        conv = Converter()
        for p in raw:
            conv.convert_file(p, tei)
    prof = cProfile.Profile()
    if stage == "convert":
        conv = Converter()
        prof.enable()
        for p in raw:
            conv.convert_file(p, tei)
        prof.disable()
    elif stage == "validate":
        from editio.validate import validate_paths

        prof.enable()
        validate_paths([tei])
        prof.disable()
    else:
        from editio.render import render_paths

        prof.enable()
        render_paths([tei], stage.split()[1], base / "out")
        prof.disable()
    prof.dump_stats(str(work / f"profile-{stage.replace(' ', '-')}.prof"))
    text = io.StringIO()
    stats = pstats.Stats(prof, stream=text).strip_dirs()
    stats.sort_stats("tottime").print_stats(18)
    stats.sort_stats("cumulative").print_stats(18)
    return text.getvalue()


# -- the report


def fmt_mb(kb: int | None) -> str:
    return "-" if kb is None else f"{kb / 1024:.0f}"


def report(results: dict[int, list[Row]], available: dict[str, bool], argv: list[str], corpus_note: str,
           jobs: int) -> tuple[str, tuple[str, int] | None]:
    import lxml.etree

    import editio

    out = [f"Command: `{' '.join(argv)}`", "",
           f"Machine: {platform.machine()}, {os.cpu_count()} cores (default --jobs {jobs}), "
           f"Python {platform.python_version()}, lxml {'.'.join(map(str, lxml.etree.LXML_VERSION[:3]))}, "
           f"libxml2 {'.'.join(map(str, lxml.etree.LIBXML_VERSION))}, libxslt {'.'.join(map(str, lxml.etree.LIBXSLT_VERSION))}, "
           f"editio {editio.__version__}", "", corpus_note, ""]
    missing = [name for name, ok in available.items() if not ok]
    if missing:
        out += [f"Skipped (no such editio command yet): {', '.join('editio ' + m for m in missing)}", ""]
    for n, rows in results.items():
        convert = next((r for r in rows if r.stage == "convert"), None)
        fl = next((r for r in rows if r.stage.startswith("floor")), None)
        out += [f"### N = {n:,}", "",
                "| stage | docs | s | docs/s | MB/s (input) | peak RSS MB | exit | × floor |",
                "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for r in rows:
            if r.docs == 0:
                out.append(f"| {r.stage} | - | {r.seconds:.2f} | - | - | {fmt_mb(r.peak_kb)} | {r.exit_code} | - |")
                continue
            times = f"{r.seconds / fl.seconds:.1f}" if fl and r.stage.startswith("convert") else "-"
            out.append(f"| {r.stage} | {r.docs:,} | {r.seconds:.2f} | {r.rate:,.0f} | {r.mb_s:.2f} | "
                       f"{fmt_mb(r.peak_kb)} | {r.exit_code} | {times} |")
        if convert and fl:
            out += ["", f"convert takes {convert.seconds / fl.seconds:.0f}× the floor "
                        f"(lxml parse + serialise of the {fl.docs:,} TEI files it wrote, "
                        f"{fl.seconds:.3f} s, {fl.rate:,.0f} docs/s, in process)."]
        out.append("")

    out += ["### Goals", "", "| goal | measured | met |", "|---|---|---|"]
    worst: tuple[float, str, int] | None = None
    for stage, goal in GOALS.items():
        for n, rows in results.items():
            r = next((r for r in rows if r.stage == stage), None)
            if r is None:
                continue
            out.append(f"| {stage} ≥ {goal:,} docs/s (N = {n:,}) | {r.rate:,.0f} docs/s | {'yes' if r.rate >= goal else 'NO'} |")
            ratio = r.rate / goal
            if worst is None or ratio < worst[0]:
                worst = (ratio, stage, n)
    ns = sorted(results)
    if len(ns) > 1:
        small, big = ns[0], ns[-1]
        for stage in ("convert", "validate", "render html", "render text", "build"):
            a = next((r for r in results[small] if r.stage == stage), None)
            b = next((r for r in results[big] if r.stage == stage), None)
            if a and b and a.peak_kb and b.peak_kb:
                ratio = b.peak_kb / a.peak_kb
                out.append(f"| {stage}: memory flat in N (peak at {big:,} < {FLAT_RATIO:g}× peak at {small:,}) | "
                           f"{fmt_mb(a.peak_kb)} → {fmt_mb(b.peak_kb)} MB ({ratio:.1f}×) | {'yes' if ratio < FLAT_RATIO else 'NO'} |")
    for n, rows in results.items():
        r = next((r for r in rows if r.stage == "build"), None)
        if r and n == 10_000:
            out.append(f"| build on 10,000 docs < {BUILD_GOAL_S:.0f} s | {r.seconds:.1f} s | {'yes' if r.seconds < BUILD_GOAL_S else 'NO'} |")
    if not available["build"]:
        out.append("| build on 10,000 docs < 60 s | not measured: no `editio build` yet | - |")
    return "\n".join(out), (worst[1:] if worst else None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (default: 1000 10000)")
    ap.add_argument("--quick", action="store_true", help="a smoke run: N = 200")
    ap.add_argument("--keep", type=Path, help="keep the corpora, outputs, logs and profile in this folder")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each command this many times and report the fastest (default: 1)")
    ap.add_argument("--profile", choices=[*GOALS, "none"], default=None,
                    help="the stage to profile (default: the one furthest below its goal)")
    args = ap.parse_args()
    ns = [200] if args.quick else sorted(set(args.n))
    if min(ns) < 1 or args.repeat < 1:
        ap.error("--n and --repeat must be positive")

    editio = editio_command()
    available = {name: has_command(editio, name) for name in ("convert", "validate", "render", "build")}
    from editio.convert import default_jobs

    jobs = default_jobs()
    texts = gold_texts()
    corpus_note = (f"Corpus: the 3 seeds, then the {len(texts)} FRUS gold documents rendered to page text "
                   f"by $EDITIO_SHARED/bench/page_text.py, cycled to N files.")
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="editio-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = {n: run_n(n, work, texts, editio, available, args.repeat) for n in ns}
        table, worst = report(results, available, ["python", "benchmarks/run.py", *sys.argv[1:]], corpus_note, jobs)
        print(table)
        # the stage furthest below its goal, at the N where it is furthest below
        stage, n = worst or (None, 0)
        if args.profile is not None:
            stage, n = (None if args.profile == "none" else args.profile), min(1000, min(ns))
        if stage and (stage == "convert" or available["convert"]):
            print(f"\n### Profile: {stage}, in process, N = {n:,}\n\n```")
            print(profile(stage, work, n, texts).rstrip())
            print("```")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
