"""hypelint: a content-quality linter for AI-hype journalism.

Data flow, one package per stage: ``read`` (decode files, walk folders) ->
``parsers`` (a Document of Blocks) -> ``analysis`` (sentences, sections,
quotes, attribution, figures) -> ``rules`` and ``kinds`` applied by
``engine`` (findings) -> ``filters`` (suppressions, baseline, changed lines)
-> ``reporters``. ``patterns`` and ``runtime`` are the infrastructure.
"""

from hypelint._version import __version__
from hypelint.api import lint_paths, lint_text

__all__ = ["__version__", "lint_paths", "lint_text"]
