"""A rule's phrases or patterns compiled into one guarded, case-insensitive pattern.

`term_pattern` makes whole-word alternations that forgive spacing and
hyphenation; `compile_terms` does so for a rule's param, refusing one that
lists too many or too long terms, or an invalid pattern, with a clear error.
"""

from __future__ import annotations

import regex

from hypelint.patterns.guard import GuardedPattern


def term_pattern(terms: tuple[str, ...], is_regex: bool = False) -> GuardedPattern:
    """One case-insensitive alternation of whole-word terms, longest first.

    A space in a term matches any run of white space (a line break included)
    and a hyphen matches a hyphen, a dash or a space, so "game-changing"
    finds "game changing" too. Every search of it runs within a time budget
    (guard.py), so a catastrophic pattern cannot hang a run.
    """
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        if is_regex:
            parts.append(f"(?:{term})")
            continue
        escaped = regex.escape(term.strip())
        escaped = escaped.replace(r"\ ", r"\s+").replace(r"\-", r"[-‐‑–\s]?")
        parts.append(escaped)
    return GuardedPattern(regex.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", regex.I | regex.V0))


# Limits on what one param of a rule may list: far above what any pack
# needs (the shipped ones list at most 69 terms of at most 772 characters),
# low enough that a pasted word list or a generated monster is refused with
# a clear error rather than compiled for minutes.
MAX_TERMS = 2000
MAX_TERM_LENGTH = 2000
MAX_TERMS_LENGTH = 200_000


def compile_terms(terms: tuple[str, ...], is_regex: bool, param: str) -> GuardedPattern:
    """term_pattern, with a bad pattern reported as a bad param of the rule."""
    check_terms(terms, is_regex, param)
    try:
        return term_pattern(terms, is_regex)
    except regex.error as exc:
        raise ValueError(f"param {param!r} has an invalid pattern: {exc}") from None


def check_terms(terms: tuple[str, ...], is_regex: bool, param: str) -> None:
    """Refuse a param that lists more, or longer, terms than MAX_* allow."""
    what = "patterns" if is_regex else "phrases"
    if len(terms) > MAX_TERMS:
        raise ValueError(f"param {param!r} lists {len(terms)} {what}; the limit is {MAX_TERMS}")
    longest = max(terms, key=len, default="")
    if len(longest) > MAX_TERM_LENGTH:
        raise ValueError(
            f"param {param!r} has a {what[:-1]} of {len(longest)} characters ({longest[:30]!r}...); "
            f"the limit is {MAX_TERM_LENGTH}"
        )
    if sum(map(len, terms)) > MAX_TERMS_LENGTH:
        raise ValueError(f"param {param!r} lists {what} of {sum(map(len, terms))} characters in all; the limit is {MAX_TERMS_LENGTH}")
