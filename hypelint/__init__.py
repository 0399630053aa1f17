"""hypelint: a content-quality linter for AI-hype journalism.

Data flow: read -> parse (blocks, quotes, code, links) -> segment (sentences,
sections) -> rules -> findings -> suppress/select/filter -> sort -> report.
"""

__version__ = "0.1.0"

from .api import lint_paths, lint_text  # noqa: E402

__all__ = ["__version__", "lint_paths", "lint_text"]
