"""`hypelint audit`: hype measured across a corpus of articles.

    hypelint audit articles.parquet --text-field body --id-field url --output hype.csv

Reads a table of articles (.jsonl, .csv or .parquet), lints each article's
text with `api.lint_source` (the rules and config `check` would use) and
writes one row per article to OUTPUT (.jsonl, .csv or .parquet):

    id, words, findings, hype_rate, <one column per category>, error

`hype_rate` is findings per 1,000 words, counted as the reports count it
(`reporters.hype_rate`: every category but `meta`). A summary table follows
on stdout; a progress bar shows on a terminal.

The data flow, a module each:

    command.py   the options of `hypelint audit`, and the run they ask for
    run.py       `audit()`: the steps below, in order
    tables.py    the input table read in batches of (id, text), a row that
                 cannot be read as (id or None, Unreadable); lines.py reads
                 JSONL and CSV text safely
    engines.py   each batch linted: `local` on this machine's cores
                 (parallel.run_tasks), `dask` on a Dask cluster
                 (`--scheduler ADDRESS`, or a local cluster started for the run)
    writer.py    one row per article, written to OUTPUT whole or not at all
    summary.py   the totals, printed as a table at the end

Both engines run the same function on the same batches, so they write the
same rows in the same (input) order. Input is read and output written in
batches, so a corpus larger than memory is fine.

pyarrow (Parquet) and dask[distributed] are optional: `pip install
'hypelint[scale]'`. Nothing heavy is imported until a run needs it.
"""


from typing import NamedTuple


class AuditError(Exception):
    """An audit that cannot run; the message is one line."""


class Unreadable(NamedTuple):
    """A row of the input that could not be read, in place of its text: where
    it is ("line 7", "row 7") and why. Its output row gives that as its error,
    and the command names it on stderr."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"
