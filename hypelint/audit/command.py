"""The options of `hypelint audit` and the run they ask for.

Standard library only at import: the command line builds every command's
options on each start, and an audit is not what most starts run.
"""

from __future__ import annotations

import os
import sys

from hypelint.audit import AuditError
from hypelint.commands.arguments import iso_date, positive, selectors


def add_arguments(parser) -> None:
    """The options of `hypelint audit`; cli.py makes the subcommand. The rule
    and date options take the types `check`'s do, so they read the same."""
    parser.add_argument("input", metavar="INPUT", help="articles: a .jsonl, .csv or .parquet file")
    parser.add_argument("--text-field", default="text", metavar="F", help="field holding the article text (default: text)")
    parser.add_argument("--id-field", default="id", metavar="F", help="field identifying the article (default: id)")
    parser.add_argument("--output", "-o", required=True, metavar="OUT", help="per-article results: .jsonl, .csv or .parquet")
    parser.add_argument("--format-in", choices=("markdown", "text", "html"), default="markdown",
                        help="how the texts are written (default: markdown)")  # fmt: skip
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local: this machine's cores; dask: a Dask cluster (needs hypelint[scale])")  # fmt: skip
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="Dask scheduler to use (default: start a local cluster)")  # fmt: skip
    parser.add_argument("--jobs", "-j", type=positive, metavar="N",
                        help="processes (local engine, or a local Dask cluster; default: all cores)")  # fmt: skip
    parser.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    parser.add_argument("--select", type=selectors, metavar="RULES", help="only these rules (as for check)")
    parser.add_argument("--ignore", type=selectors, default=[], metavar="RULES", help="leave out these rules")
    parser.add_argument("--extend-select", type=selectors, default=[], metavar="RULES", help="add rules")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                        help="read articles as of this date (default: today)")  # fmt: skip
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary table")


def run_command(args) -> int:
    """`hypelint audit`: exit 0 when every article was audited, 2 otherwise."""
    from hypelint.audit.run import audit
    from hypelint.audit.summary import print_summary
    from hypelint.commands.errors import print_error
    from hypelint.config import config_for
    from hypelint.reporters import printable
    from hypelint.runtime.parallel import default_jobs

    if args.scheduler and args.engine != "dask":
        raise AuditError("--scheduler is for --engine dask")
    config = config_for(None, args.config).with_cli(args.select, args.ignore, args.extend_select, None, args.date)
    jobs = args.jobs or default_jobs()
    show = sys.stdout.isatty() and sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
    summary = audit(args.input, args.output, args.text_field, args.id_field, config, fmt=args.format_in,
                    engine=args.engine, scheduler=args.scheduler, jobs=jobs, progress=show)  # fmt: skip
    if not args.quiet:
        print_summary(summary, rich_table=sys.stdout.isatty())
    for where_and_why in summary.first_unreadable:
        print_error(f"{args.input}: {where_and_why}")
    if summary.unreadable > len(summary.first_unreadable):
        more = summary.unreadable - len(summary.first_unreadable)
        print_error(f"{args.input}: {more:,} more row{'s' if more != 1 else ''} could not be read")
    if summary.failed:
        print(f"hypelint: {summary.failed} article{'s' if summary.failed != 1 else ''} could not be audited "
              f"(see the 'error' column of {printable(args.output)})", file=sys.stderr)  # fmt: skip
        return 2
    return 0
