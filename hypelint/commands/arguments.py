"""The option types the commands share, so that `--select`, `--jobs` and
`--date` read alike in `check`, `baseline` and `audit`. Standard library only."""

from __future__ import annotations

import argparse
import datetime as dt


def selectors(value: str) -> list[str]:
    """`--select faq,HL201`: the comma-separated rule selectors, blanks left out."""
    return [part.strip() for part in value.split(",") if part.strip()]


def positive(value: str) -> int:
    """`--jobs 4`: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def iso_date(value: str) -> dt.date:
    """`--date 2025-03-14`: the day to read drafts as of."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2025-03-14") from None
