"""The audit's totals over a corpus, gathered row by row and printed as a
table (rich on a terminal, plain text elsewhere)."""

from __future__ import annotations

from array import array
from collections import Counter

# Rows that could not be read are named on stderr up to this many; a file of
# them (a binary file given as a table, say) is then counted, not listed.
NAMED_UNREADABLE = 10


class Summary:
    """Totals over a corpus, filled in as rows arrive."""

    def __init__(self, categories: list[str]):
        self.categories = categories
        self.articles = self.failed = self.words = self.findings = self.hype_findings = 0
        self.by_category: Counter[str] = Counter()
        self.rates = array("d")  # each audited article's hype rate, for the median
        self.with_hype = 0
        self.unreadable = 0  # rows the reader could not read
        self.first_unreadable: list[str] = []  # where and why, for the first NAMED_UNREADABLE of them

    def add(self, row: dict, unreadable: bool = False) -> None:
        self.articles += 1
        if row["error"] is not None:
            self.failed += 1
            if unreadable:
                self.unreadable += 1
                if len(self.first_unreadable) < NAMED_UNREADABLE:
                    self.first_unreadable.append(row["error"])
            return
        self.words += row["words"]
        self.findings += row["findings"]
        for name in self.categories:
            self.by_category[name] += row[name]
        hype = row["findings"] - row.get("meta", 0)
        self.hype_findings += hype
        self.with_hype += hype > 0
        self.rates.append(row["hype_rate"])

    @property
    def hype_rate(self) -> float:
        return self.hype_findings * 1000 / self.words if self.words else 0.0

    @property
    def median_rate(self) -> float:
        if not self.rates:
            return 0.0
        ordered = sorted(self.rates)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def summary_rows(summary: Summary) -> list[tuple[str, str]]:
    """The summary as (label, value) rows, for either rendering."""
    rows = [
        ("articles", f"{summary.articles:,}"),
        ("words", f"{summary.words:,}"),
        ("findings", f"{summary.findings:,}"),
        ("hype rate (findings per 1,000 words)", f"{summary.hype_rate:.2f}"),
        ("median article's hype rate", f"{summary.median_rate:.2f}"),
        ("articles with any hype finding", _share(summary.with_hype, summary.articles - summary.failed)),
    ]
    rows += [(f"  {name}", f"{summary.by_category[name]:,}") for name in summary.categories]
    if summary.failed:
        rows.append(("articles not audited (error)", f"{summary.failed:,}"))
    return rows


def _share(part: int, whole: int) -> str:
    return f"{part:,} ({part * 100 / whole:.1f}%)" if whole else "0"


def print_summary(summary: Summary, rich_table: bool) -> None:
    rows = summary_rows(summary)
    if rich_table:
        from rich.console import Console
        from rich.table import Table

        table = Table("", "", title="hypelint audit", show_header=False)
        for label, value in rows:
            table.add_row(label, value)
        Console().print(table)
        return
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")
