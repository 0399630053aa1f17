"""The commands of `hypelint`, a module each; cli.py parses the command line
and hands each command its arguments.

    check.py      `check`: lint, leave out what the baseline and --diff-base
                  leave out, report, and the exit code
    baseline.py   `baseline`: today's findings recorded
    show.py       `rules`, `explain`, `config`: what hypelint knows, shown
    linting.py    the paths a command names (and stdin) linted into a run
    output.py     where a report goes: never over an input, whole or not at all
    arguments.py  the option types the commands share (`audit`'s too)
    errors.py     exit codes, UsageError, and the one line an error prints
    streams.py    stdin and stdout closed or full: one line and exit 2, never a traceback
    process.py    a short run's process: garbage collection, SIGTERM

`hypelint audit` is the `audit` package (audit/command.py); `hypelint lsp`
the language server (lsp.py).
"""
