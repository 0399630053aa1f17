#!/usr/bin/env python3
"""Lint every hostile input and report how hypelint fared, and how its cost grows.

    python scripts/robustness.py            # each input at 1 MB or more, then 2 MB vs 20 MB of prose
    python scripts/robustness.py --quick    # each input at its test-suite size, 0.5 MB vs 5 MB

The inputs are those of tests/robustness/cases.py, plus a folder of files
that are not files (a FIFO, a socket, symlink loops) and a house rule with a
catastrophic pattern. Each is linted by `hypelint check` in this process and
passes when it gives its expected outcome: a report and nothing on stderr,
or exit 2 with one line on stderr; never a traceback, never a hang (an
input still running after --hang seconds fails). Printed at the end: how
many inputs were tried and passed, the largest time per megabyte among the
inputs that scale, and the ratio of the time for 20 MB of prose to the time
for 2 MB (linear cost gives about 10). Exits 1 when an input fails.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from robustness.cases import CASES, MB, PROSE, Case, repeat  # noqa: E402

from hypelint.cli import main as hypelint  # noqa: E402
from hypelint.config import forget  # noqa: E402


class Hung(Exception):
    pass


def run(folder: Path, *args: str, hang: int) -> tuple[int, str, str, float]:
    """`hypelint check --no-cache --format json *args` in `folder`: (exit code, stdout, stderr, seconds)."""
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(folder)

    def hung(signum, frame):
        raise Hung()

    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, hung)
        signal.alarm(hang)
    start = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = hypelint(["check", "--no-cache", "--jobs", "1", "--format", "json", *args])
    except Hung:
        code = -1
        err.write(f"hung: still running after {hang} s\n")
    except BaseException as exc:  # a traceback is a failure to report, not a reason to stop
        code = -2
        err.write(f"crashed: {type(exc).__name__}: {exc}\n")
    finally:
        seconds = time.perf_counter() - start
        if hasattr(signal, "SIGALRM"):
            signal.alarm(0)
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue(), seconds


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
        code, stdout, stderr, _ = run(folder, "specials", hang=hang)
    finally:
        if server:
            server.close()
    paths = [entry["path"] for entry in json.loads(stdout)["files"]] if stdout else []
    if code != 1 or stderr or paths != [os.path.join("specials", "story.md")]:
        return f"exit {code}, files {paths}, stderr {stderr.strip()[:200]}"
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
    code, stdout, stderr, _ = run(project, "draft.md", hang=hang)
    lines = stderr.splitlines()
    rules = {finding["rule"] for finding in json.loads(stdout)["findings"]} if stdout else set()
    if code != 2 or len(lines) != 1 or not lines[0].endswith("pattern timed out on draft.md; rule skipped") or "HL201" not in rules:
        return f"exit {code}, rules {sorted(rules)}, stderr {lines}"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="test-suite sizes, and 0.5 MB vs 5 MB of prose")
    parser.add_argument("--hang", type=int, default=600, help="seconds after which an input counts as hung")
    args = parser.parse_args()

    tried = passed = 0
    per_mb: list[tuple[float, str, float]] = []
    with tempfile.TemporaryDirectory(prefix="hypelint-robustness-") as scratch:
        folder = Path(scratch)
        print(f"{'input':28} {'MB':>7} {'seconds':>8} {'s/MB':>7}  outcome")
        for case in CASES:
            size = case.size if args.quick or not case.scales or case.large else max(case.size, 1 * MB)
            path = folder / case.filename
            path.write_bytes(case.make(size))
            if case.config:
                (folder / "hypelint.toml").write_bytes(case.config(size))
                forget()  # this process has read the folder as having no config
            megabytes = path.stat().st_size / MB
            code, stdout, stderr, seconds = run(folder, case.filename, hang=args.hang)
            path.unlink()
            if case.config:
                (folder / "hypelint.toml").unlink()
                forget()
            problem = judge(case, code, stdout, stderr)
            tried += 1
            passed += not problem
            rate = seconds / megabytes if megabytes else 0.0
            if case.scales and megabytes >= 0.1:
                per_mb.append((rate, case.name, megabytes))
            shown = f"{rate:7.2f}" if case.scales else f"{'-':>7}"
            print(f"{case.name:28} {megabytes:7.2f} {seconds:8.2f} {shown}  {problem or case.outcome}", flush=True)
        for name, test in (("special-files", special_files), ("catastrophic-rule", catastrophic_rule)):
            start = time.perf_counter()
            problem = test(folder, args.hang)
            tried += 1
            passed += not problem
            print(f"{name:28} {'':>7} {time.perf_counter() - start:8.2f} {'':>7}  {problem or 'as expected'}", flush=True)

        small, large = (0.5, 5) if args.quick else (2, 20)
        timings = {}
        for megabytes in (small, large):
            path = folder / f"prose-{megabytes}mb.md"
            path.write_bytes(repeat(PROSE, int(megabytes * MB)))
            code, stdout, stderr, seconds = run(folder, path.name, hang=args.hang * 10)
            path.unlink()
            timings[megabytes] = seconds
            print(f"{'prose':28} {megabytes:7.2f} {seconds:8.2f} {seconds / megabytes:7.2f}  exit {code}", flush=True)

    worst = max(per_mb)
    ratio = timings[large] / timings[small]
    print()
    print(f"hostile inputs tried: {tried}, passed: {passed}")
    print(f"largest time per MB: {worst[0]:.2f} s/MB ({worst[1]}, {worst[2]:.1f} MB)")
    print(f"{large} MB vs {small} MB of prose: {timings[large]:.1f} s / {timings[small]:.1f} s = {ratio:.1f}x"
          f" for {large / small:.0f}x the size (linear: about {large / small:.0f}x)")  # fmt: skip
    return 0 if passed == tried else 1


if __name__ == "__main__":
    raise SystemExit(main())
