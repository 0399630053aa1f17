#!/usr/bin/env python3
"""Benchmark hypelint against proselint, side by side, and check the targets.

    python scripts/bench.py [--corpus DIR] [--json FILE]

Runs, each as a command in a fresh child process (so interpreter start-up,
imports and rule loading count, as they do for a user):

* the corpus (../shared/corpus/news beside the checkout when present, else
  a generated one): proselint (`proselint check DIR`, one process, its
  fastest way: one process per file would pay its start-up 2,225 times),
  hypelint with all default rules --no-cache at --jobs 1 and --jobs 2, and
  hypelint with a cache, cold (empty cache) and warm (unchanged files);
* one small file (start-up), best of several runs, for both tools;
* one 2 MB and one 20 MB file made from the corpus text, for hypelint
  (--jobs 1, --no-cache), to show that cost grows linearly with input.

For each it prints wall time, CPU time (user + system, of the command and
its workers), MB/s, files/s and peak RSS (the largest process's), all from
getrusage(RUSAGE_CHILDREN) in a child that runs only that command; then the
ratios to proselint and the targets of issue 6 with whether each is met
(judged on wall time, as a user waits). CPU time is printed too because it
barely moves when other work shares the machine, and wall time does: the
load average at the start and end says how busy it was. Takes a few
minutes on two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "corpus" / "news"
MB = 1e6
# The child that runs one measured command and reports its wall time and the
# peak RSS of the largest process it waited for (the command or its workers).
_MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kib": usage.ru_maxrss,  # KiB on Linux
                  "code": done.returncode, "stderr": done.stderr.decode()[-400:]}))
"""


def tool(name: str) -> str:
    """The console script installed beside this interpreter, else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        sys.exit(f"bench: {name} is not installed (pip install -e . installs both)")
    return found


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    # This workplace sets PYTHONDONTWRITEBYTECODE, which makes every run compile
    # every module from source; an installed package has its bytecode. The
    # warm-up runs write it, so both tools start as they would for a user.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(command: list[str], ok_codes=(0, 1)) -> dict:
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, env=child_env())
    result = json.loads(out.stdout)
    if result["code"] not in ok_codes:
        sys.exit(f"bench: {' '.join(command[:3])} ... exited {result['code']}: {result['stderr']}")
    return result


def best_of(command: list[str], runs: int) -> dict:
    results = [measure(command) for _ in range(runs)]
    best = min(results, key=lambda r: r["wall"])
    return {**best, "rss_kib": max(r["rss_kib"] for r in results)}


# --- inputs ------------------------------------------------------------------------------


def corpus_files(given: str | None, scratch: Path) -> tuple[Path, str]:
    """A folder holding only the articles (the corpus's own README left out)."""
    source = Path(given) if given else NEWS
    folder = scratch / "corpus"
    folder.mkdir()
    if source.is_dir():
        for path in sorted(source.glob("*.md")):
            if path.name.lower() != "readme.md":
                shutil.copyfile(path, folder / path.name)
        return folder, f"{source} ({len(list(folder.iterdir()))} articles)"
    return _generated(folder), "generated (the BBC corpus is not beside the checkout)"


def _generated(folder: Path) -> Path:
    """2,000 news-like articles, some hyped, from a fixed seed."""
    rng = random.Random(6)
    sober = [
        "The council approved the budget on Tuesday, according to the minutes.",
        "Sales rose 4% in the third quarter, the company said in a filing.",
        "The minister told reporters the bill would be debated next month.",
        "Researchers at the university tested the drug on 120 patients.",
        "Shares closed 2.1% lower in London after the results.",
    ]
    hype = [
        "The most advanced AI ever built will replace radiologists within five years.",
        "Experts say the chatbot understands its users and decides on its own.",
        "It is a revolutionary, game-changing breakthrough, a testament to the team.",
        "Recently, the latest model has transformed the industry.",
    ]
    for n in range(2000):
        paragraphs = []
        for _ in range(rng.randint(4, 9)):
            pool = hype if rng.random() < 0.25 else sober
            paragraphs.append(" ".join(rng.choice(pool) for _ in range(rng.randint(2, 5))))
        (folder / f"article-{n:04}.md").write_text(f"# Article {n}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


def big_file(corpus: Path, size: int, path: Path) -> Path:
    """Corpus articles one after another (as sections) until `size` bytes."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir())]
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < size:
            for text in texts:
                chunk = text.rstrip("\n") + "\n\n"
                out.write(chunk)
                written += len(chunk.encode("utf-8"))
                if written >= size:
                    break
    return path


def size_of(paths) -> int:
    return sum(p.stat().st_size for p in paths)


# --- report --------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(open("/proc/meminfo", encoding="utf-8").readline().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu or 'unknown CPU'}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; Python {platform.python_version()}"


def versions() -> str:
    hypelint = subprocess.run([tool("hypelint"), "--version"], capture_output=True, text=True).stdout.strip()
    try:
        from importlib.metadata import version

        proselint = f"proselint {version('proselint')}"
    except Exception:
        proselint = "proselint (version unknown)"
    return f"{hypelint}; {proselint}"


def rule_counts() -> str:
    data = json.loads(subprocess.run([tool("hypelint"), "rules", "--format", "json"], capture_output=True, text=True,
                                     env=child_env()).stdout)  # fmt: skip
    on = [r for r in data if r["enabled"]]
    style = [r for r in data if r["pack"] == "proselint"]
    categories = {r["category"] for r in on}
    return (f"hypelint runs {len(on)} rules in {len(categories)} categories by default, judging context "
            f"(attribution, hedges, quotes); proselint's {len(style)} checks are one more opt-in pack")


def row(label: str, result: dict, size: int | None = None, files: int | None = None) -> str:
    wall = result["wall"]
    rate = f"{size / MB / wall:8.2f}" if size else f"{'':>8}"
    per = f"{files / wall:9.0f}" if files else f"{'':>9}"
    return f"{label:<42} {wall:8.2f} {result['cpu']:8.2f} {rate} {per} {result['rss_kib'] / 1024:8.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="folder of .md articles (default: ../shared/corpus/news, else generated)")
    parser.add_argument("--json", metavar="FILE", help="also write the measurements as JSON")
    options = parser.parse_args()
    hypelint, proselint = tool("hypelint"), tool("proselint")
    started = time.perf_counter()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    with tempfile.TemporaryDirectory(prefix="hypelint-bench-") as scratch_name:
        scratch = Path(scratch_name)
        corpus, described = corpus_files(options.corpus, scratch)
        articles = sorted(corpus.iterdir())
        corpus_bytes, count = size_of(articles), len(articles)
        small = articles[0]
        two = big_file(corpus, 2 * 10**6, scratch / "two-mb.md")
        twenty = big_file(corpus, 20 * 10**6, scratch / "twenty-mb.md")
        cache = scratch / "cache"
        check = [hypelint, "check", "--format", "concise"]

        print(f"machine:  {machine()}")
        print(f"tools:    {versions()}")
        print(f"corpus:   {described}: {count} files, {corpus_bytes / MB:.2f} MB")
        print(f"rules:    {rule_counts()}")
        print(f"load average at start: {load:.2f}\n", flush=True)

        # Warm-up: bytecode written, files in the page cache, for both tools alike.
        measure([proselint, "check", str(small)])
        measure(check + ["--no-cache", str(small)])

        results = {
            "proselint corpus": measure([proselint, "check", str(corpus)]),
            "hypelint corpus --jobs 1 --no-cache": measure(check + ["--jobs", "1", "--no-cache", str(corpus)]),
            "hypelint corpus --jobs 2 --no-cache": measure(check + ["--jobs", "2", "--no-cache", str(corpus)]),
            "hypelint corpus cold cache": measure(check + ["--cache-dir", str(cache), str(corpus)]),
            "hypelint corpus warm cache": best_of(check + ["--cache-dir", str(cache), str(corpus)], 3),
            "proselint small file": best_of([proselint, "check", str(small)], 7),
            "hypelint small file": best_of(check + ["--no-cache", str(small)], 7),
            "hypelint 2 MB file": measure(check + ["--jobs", "1", "--no-cache", str(two)]),
            "hypelint 20 MB file": measure(check + ["--jobs", "1", "--no-cache", str(twenty)]),
        }
        sizes = {"two": two.stat().st_size, "twenty": twenty.stat().st_size, "small": small.stat().st_size}

    jobs = os.cpu_count() or 1
    print(f"{'run':<42} {'wall s':>8} {'CPU s':>8} {'MB/s':>8} {'files/s':>9} {'RSS MiB':>8}")
    for label, result in results.items():
        if "corpus" in label:
            print(row(label, result, corpus_bytes, count))
        elif "small" in label:
            print(row(label, result, sizes["small"], 1))
        else:
            print(row(label, result, sizes["two" if "2 MB" in label else "twenty"], 1))
    print(f"(cold and warm cache runs use the default --jobs, {jobs} here; RSS is the largest single process)")

    pro = results["proselint corpus"]["wall"]
    one = results["hypelint corpus --jobs 1 --no-cache"]
    speedup = pro / one["wall"]
    start_ratio = results["hypelint small file"]["wall"] / results["proselint small file"]["wall"]
    jobs_ratio = one["wall"] / results["hypelint corpus --jobs 2 --no-cache"]["wall"]
    warm_share = results["hypelint corpus warm cache"]["wall"] / results["hypelint corpus cold cache"]["wall"]
    rss = one["rss_kib"] / 1024
    linear = results["hypelint 20 MB file"]["wall"] / results["hypelint 2 MB file"]["wall"]
    print("\nratios to proselint:")
    cpu_speedup = results["proselint corpus"]["cpu"] / one["cpu"]
    print(f"  corpus throughput, one process, no cache: {speedup:.1f}x proselint's (by CPU time: {cpu_speedup:.1f}x)")
    print(f"  corpus, --jobs 2: {pro / results['hypelint corpus --jobs 2 --no-cache']['wall']:.1f}x; "
          f"warm cache: {pro / results['hypelint corpus warm cache']['wall']:.0f}x")  # fmt: skip
    print(f"  small file (start-up): {start_ratio:.2f}x proselint's time")
    targets = [
        ("corpus, one process, cache off: >= 10x proselint's throughput", f"{speedup:.1f}x", speedup >= 10),
        ("one small file: start-up no slower than proselint's", f"{start_ratio:.2f}x its time", start_ratio <= 1.0),
        ("--jobs 2 >= 1.6x --jobs 1 (2 cores)", f"{jobs_ratio:.2f}x", jobs_ratio >= 1.6),
        ("warm cache <= 25% of cold", f"{warm_share:.0%}", warm_share <= 0.25),
        ("peak memory <= 100 MiB for the corpus run (--jobs 1)", f"{rss:.0f} MiB", rss <= 100),
        ("20 MB file <= ~10x the time of the 2 MB one (linear)", f"{linear:.1f}x", linear <= 11),
    ]
    print("\ntargets (issue 6):")
    for name, value, met in targets:
        print(f"  [{'met' if met else 'NOT met'}] {name}: {value}")
    after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nload average at end: {after:.2f}; whole benchmark: {time.perf_counter() - started:.0f} s")
    if options.json:
        Path(options.json).write_text(json.dumps({"results": results, "corpus_bytes": corpus_bytes, "files": count,
                                                  "sizes": sizes, "targets": targets}, indent=2) + "\n")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
