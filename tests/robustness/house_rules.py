"""House rules as a newsroom writes them, for the tests that load packs."""

from __future__ import annotations

import textwrap

HOUSE_STYLE = "\"'{match}' is not house style\""


def house_rule(code: str, name: str, params: str, message: str = HOUSE_STYLE, kind: str = "existence") -> str:
    """The YAML of a house rule (`params` is its params block, as YAML)."""
    return textwrap.dedent(
        f"""\
        code: {code}
        name: {name}
        category: promotional
        severity: warning
        kind: {kind}
        message: {message}
        description: A house rule.
        rationale: Testing.
        """
    ) + params
