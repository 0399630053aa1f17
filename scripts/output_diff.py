"""Show that a change left hypelint's findings alone.

A refactoring must not change what hypelint reports. This script runs
``hypelint check --format json`` over the sample drafts (``examples/``), the
labelled corpus (``evaluation/``), the real articles of ``../shared/realdev``
and the BBC corpus of ``../shared/corpus/news``, and either keeps the reports
(``snapshot``) or compares fresh ones with the kept ones (``compare``)::

    python scripts/output_diff.py snapshot /tmp/before     # on the old commit
    python scripts/output_diff.py compare /tmp/before      # on the new one

``compare`` prints one line per set, and for a set that differs the first
differing lines of the two reports; its exit code is 1 when any set differs.
The date is pinned so that relative-time findings do not move with the clock,
and the results cache is off so that every file is linted afresh. Sets whose
folder is missing (the shared corpora on a machine without them) are skipped
and said so.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {
    "examples": ROOT / "examples",
    "evaluation": ROOT / "evaluation",
    "realdev": SHARED / "realdev",
    "bbc": SHARED / "corpus" / "news",
}
PINNED_DATE = "2026-12-05"


def report(folder: Path) -> str:
    """The JSON report of one set, linted from the project root (paths in it
    relative to that root, so that two checkouts compare)."""
    command = [
        sys.executable, "-m", "hypelint", "check", os.path.relpath(folder, ROOT),
        "--format", "json", "--no-cache", "--fail-on", "never",
        "--date", PINNED_DATE,
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"hypelint failed on {folder} (exit {done.returncode}): "
                 f"{done.stderr.strip()}")
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["snapshot", "compare"])
    parser.add_argument("store", type=Path, help="folder the reports are kept in")
    parser.add_argument("--only", choices=sorted(SETS), action="append",
                        help="only this set (repeatable)")
    args = parser.parse_args()
    args.store.mkdir(parents=True, exist_ok=True)
    differing = 0
    for name in args.only or SETS:
        folder = SETS[name]
        if not folder.is_dir():
            print(f"{name:<11} skipped: {folder} is not there")
            continue
        kept = args.store / f"{name}.json"
        fresh = report(folder)
        if args.action == "snapshot":
            kept.write_text(fresh, encoding="utf-8")
            print(f"{name:<11} kept {len(fresh.splitlines())} lines in {kept}")
            continue
        if not kept.is_file():
            print(f"{name:<11} no snapshot at {kept}")
            differing += 1
            continue
        before = kept.read_text(encoding="utf-8")
        if before == fresh:
            print(f"{name:<11} identical ({len(fresh.splitlines())} lines)")
            continue
        differing += 1
        print(f"{name:<11} DIFFERS")
        diff = difflib.unified_diff(before.splitlines(), fresh.splitlines(),
                                    "before", "after", lineterm="", n=2)
        for line in list(diff)[:40]:
            print("    " + line)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
