#!/usr/bin/env python3
"""Lint every hostile input and report how hypelint fared, and what it cost in time and memory.

    python scripts/robustness.py            # each input at 1 MB or more, then 2, 10 and 20 MB of prose
    python scripts/robustness.py --quick    # each input at its test-suite size, 0.5 MB vs 5 MB of prose

The inputs are those of tests/robustness/cases.py, plus a folder of files
that are not files (a FIFO, a socket, symlink loops) and a house rule with a
catastrophic pattern. Each is linted by `hypelint check` in a process of its
own, so that its peak memory (the child's maximum resident set size) is its
own, and passes when it gives its expected outcome: a report and nothing on
stderr, or exit 2 with one line on stderr; never a traceback, never a hang
(an input still running after --hang seconds is stopped and fails).
Printed for each: seconds, seconds per MB, peak MiB, and the peak above a
run on a one-line draft per MB of input. At the end: how many inputs were
tried and passed, the largest time and memory per megabyte among the
inputs that scale, the ratio of the time for 20 MB of prose to the time for
2 MB (linear cost gives about 10), and the peak of a 10 MB prose draft
against its target, 250 MiB. The prose drafts are linted with the concise
report (the default for a file or a pipe); the JSON report of their tens of
thousands of findings adds its own copies. Exits 1 when an input fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from robustness.cases import CASES, MB, PROSE, Case, repeat  # noqa: E402

MiB = 1024 * 1024
# The peak a 10 MB prose draft must stay under (issue 16, item 7).
TARGET_MIB = 250


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mib: float  # the child's maximum resident set size


# The child lints, then writes its own peak resident set (VmHWM, in KiB) to
# the file HYPELINT_PEAK names. Its ru_maxrss cannot serve: on Linux a child
# starts from the parent's high-water mark, whatever the child itself uses.
_MEASURED_CHECK = """
import atexit, os, sys

def peak():
    with open("/proc/self/status") as status, open(os.environ["HYPELINT_PEAK"], "w") as out:
        out.write(next(line for line in status if line.startswith("VmHWM")).split()[1])

atexit.register(peak)
from hypelint.cli import main
raise SystemExit(main())
"""


def run(folder: Path, *args: str, hang: int, report: str = "json") -> Run:
    """`hypelint check --no-cache --jobs 1 --format <report> *args` in `folder`, in a
    child process stopped after `hang` seconds (exit code -9, "hung" on stderr)."""
    arguments = ["check", "--no-cache", "--jobs", "1", "--format", report, *args]
    measured = os.path.exists("/proc/self/status")
    command = [sys.executable, "-c", _MEASURED_CHECK, *arguments] if measured else [sys.executable, "-m", "hypelint", *arguments]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        environment = {**os.environ, "HYPELINT_PEAK": peak.name}
        child = subprocess.Popen(command, cwd=folder, env=environment, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        timer = threading.Timer(hang, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        written = peak.read().strip()
    if child.returncode == -signal.SIGKILL:
        stderr += f"hung: still running after {hang} s\n"
    if measured:
        peak_mib = int(written) / 1024 if written.isdigit() else float("nan")
    else:  # elsewhere, the child's ru_maxrss (bytes on macOS), an upper bound
        peak_mib = usage.ru_maxrss / (MiB if sys.platform == "darwin" else 1024)
    return Run(child.returncode, stdout, stderr, seconds, peak_mib)


def judge(case: Case, code: int, stdout: str, stderr: str) -> str:
    """'' when the outcome is the expected one, else what went wrong."""
    lines = stderr.splitlines()
    if case.outcome == "stopped":  # a config or baseline that cannot be used: no report at all
        if code != 2 or stdout or len(lines) != 1 or not re.fullmatch("hypelint: error: " + case.error + ".*", lines[0]):
            return f"expected exit 2, no report and one line matching {case.error!r}, got exit {code}: {lines}"
        return ""
    try:
        files = json.loads(stdout)["files"]
    except (ValueError, KeyError, TypeError):
        return f"no JSON report (exit {code}): {stderr.strip()[:200]}"
    if case.outcome == "clean":
        if code not in (0, 1) or lines or files[0]["error"]:
            return f"expected a clean result, got exit {code}: {stderr.strip()[:200]}"
        return ""
    if code != 2 or len(lines) != 1 or not re.fullmatch("hypelint: error: " + case.error + ".*", lines[0]):
        return f"expected exit 2 and one line matching {case.error!r}, got exit {code}: {lines}"
    return ""


def special_files(folder: Path, hang: int) -> str:
    """A folder with a FIFO, a socket and symlink loops beside one draft: only the draft is linted."""
    drafts = folder / "specials"
    drafts.mkdir()
    (drafts / "story.md").write_text("A revolutionary story.\n", encoding="utf-8")
    server = None
    if hasattr(os, "mkfifo"):
        os.mkfifo(drafts / "pipe.md")
    if hasattr(socket, "AF_UNIX"):
        server = socket.socket(socket.AF_UNIX)
        with contextlib.suppress(OSError):
            server.bind(str(drafts / "socket.md"))
    os.symlink("loop-b.md", drafts / "loop-a.md")
    os.symlink("loop-a.md", drafts / "loop-b.md")
    os.symlink(".", drafts / "again")
    try:
        outcome = run(folder, "specials", hang=hang)
    finally:
        if server:
            server.close()
    paths = [entry["path"] for entry in json.loads(outcome.stdout)["files"]] if outcome.stdout else []
    if outcome.code != 1 or outcome.stderr or paths != [os.path.join("specials", "story.md")]:
        return f"exit {outcome.code}, files {paths}, stderr {outcome.stderr.strip()[:200]}"
    return ""


def catastrophic_rule(folder: Path, hang: int) -> str:
    """A house rule with `(a|aa)+$`: reported and skipped, the other rules still run."""
    project = folder / "house"
    (project / "pack").mkdir(parents=True)
    (project / "pack" / "bad.yaml").write_text(
        "code: HL991\nname: house.catastrophic\ncategory: promotional\nseverity: warning\nkind: existence\n"
        "message: bad\ndescription: A pattern gone wrong.\nrationale: Testing.\n"
        'params:\n  regex: true\n  terms: ["(a|aa)+$"]\n',
        encoding="utf-8",
    )
    (project / "hypelint.toml").write_text('rule-packs = ["pack"]\nextend-select = ["HL991"]\n', encoding="utf-8")
    (project / "draft.md").write_text("A revolutionary " + "a" * 60 + "!\n", encoding="utf-8")
    outcome = run(project, "draft.md", hang=hang)
    lines = outcome.stderr.splitlines()
    rules = {finding["rule"] for finding in json.loads(outcome.stdout)["findings"]} if outcome.stdout else set()
    if outcome.code != 2 or len(lines) != 1 or not lines[0].endswith("pattern timed out on draft.md; rule skipped") or "HL201" not in rules:
        return f"exit {outcome.code}, rules {sorted(rules)}, stderr {lines}"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="test-suite sizes, and 0.5 MB vs 5 MB of prose")
    parser.add_argument("--hang", type=int, default=600, help="seconds after which an input counts as hung")
    args = parser.parse_args()

    tried = passed = 0
    per_mb: list[tuple[float, str, float]] = []  # (seconds per MB, case, MB)
    memory_per_mb: list[tuple[float, str, float]] = []  # (MiB above start-up per MB, case, MB)
    with tempfile.TemporaryDirectory(prefix="hypelint-robustness-") as scratch:
        folder = Path(scratch)
        (folder / "start-up.md").write_text("A line.\n", encoding="utf-8")
        start_up = run(folder, "start-up.md", hang=args.hang).peak_mib
        (folder / "start-up.md").unlink()
        print(f"start-up peak (a one-line draft): {start_up:.0f} MiB; MiB/MB below is the peak above it per MB of input")
        print(f"{'input':28} {'MB':>7} {'seconds':>8} {'s/MB':>7} {'peak MiB':>9} {'MiB/MB':>7}  outcome")
        for case in CASES:
            size = case.size if args.quick or not case.scales or case.large else max(case.size, 1 * MB)
            path = folder / case.filename
            path.write_bytes(case.make(size))
            if case.config:
                (folder / "hypelint.toml").write_bytes(case.config(size))
            megabytes = path.stat().st_size / MB
            outcome = run(folder, case.filename, hang=args.hang)
            path.unlink()
            if case.config:
                (folder / "hypelint.toml").unlink()
            problem = judge(case, outcome.code, outcome.stdout, outcome.stderr)
            tried += 1
            passed += not problem
            rate = outcome.seconds / megabytes if megabytes else 0.0
            # Above start-up: an input refused early peaks below a draft linted (never below 0).
            memory = max(0.0, outcome.peak_mib - start_up) / megabytes if megabytes else 0.0
            measured = case.scales and megabytes >= 0.1
            if measured:
                per_mb.append((rate, case.name, megabytes))
                memory_per_mb.append((memory, case.name, megabytes))
            shown = f"{rate:7.2f}" if measured else f"{'-':>7}"
            shown_memory = f"{memory:7.1f}" if measured else f"{'-':>7}"
            print(f"{case.name:28} {megabytes:7.2f} {outcome.seconds:8.2f} {shown} {outcome.peak_mib:9.0f} {shown_memory}"
                  f"  {problem or case.outcome}", flush=True)  # fmt: skip
        for name, test in (("special-files", special_files), ("catastrophic-rule", catastrophic_rule)):
            start = time.perf_counter()
            problem = test(folder, args.hang)
            tried += 1
            passed += not problem
            print(f"{name:28} {'':>7} {time.perf_counter() - start:8.2f} {'':>7} {'':>9} {'':>7}  {problem or 'as expected'}",
                  flush=True)  # fmt: skip

        small, large = (0.5, 5) if args.quick else (2, 20)
        prose: dict[float, Run] = {}
        for megabytes in (small, large) if args.quick else (small, 10, large):
            path = folder / f"prose-{megabytes}mb.md"
            path.write_bytes(repeat(PROSE, int(megabytes * MB)))
            # The report a run to a file or a pipe gets by default: the JSON of
            # 70,000 findings would add its own copies to the draft's cost.
            prose[megabytes] = outcome = run(folder, path.name, hang=args.hang * 10, report="concise")
            path.unlink()
            print(f"{'prose (concise report)':28} {megabytes:7.2f} {outcome.seconds:8.2f} {outcome.seconds / megabytes:7.2f}"
                  f" {outcome.peak_mib:9.0f} {(outcome.peak_mib - start_up) / megabytes:7.1f}  exit {outcome.code}",
                  flush=True)  # fmt: skip

    worst, hungriest = max(per_mb), max(memory_per_mb)
    ratio = prose[large].seconds / prose[small].seconds
    print()
    print(f"hostile inputs tried: {tried}, passed: {passed}")
    print(f"largest time per MB: {worst[0]:.2f} s/MB ({worst[1]}, {worst[2]:.1f} MB)")
    print(f"largest memory per MB: {hungriest[0]:.1f} MiB/MB above start-up ({hungriest[1]}, {hungriest[2]:.1f} MB)")
    print(f"{large} MB vs {small} MB of prose: {prose[large].seconds:.1f} s / {prose[small].seconds:.1f} s = {ratio:.1f}x"
          f" for {large / small:.0f}x the size (linear: about {large / small:.0f}x)")  # fmt: skip
    if 10 in prose:
        peak = prose[10].peak_mib
        verdict = "met" if peak < TARGET_MIB else "NOT met"
        print(f"10 MB prose draft: peak {peak:.0f} MiB (target: under {TARGET_MIB} MiB) [{verdict}]")
    else:
        print("10 MB prose draft: not run with --quick")
    return 0 if passed == tried else 1


if __name__ == "__main__":
    raise SystemExit(main())
