"""A linted document is freed as soon as its findings are made.

The command line collects garbage rarely (commands/process.py), so anything a document
leaves in a reference cycle waits, and a corpus run's memory grew with it.
Linting must leave no cycles: refcounting alone frees every document.
"""

from __future__ import annotations

import gc
from pathlib import Path

from hypelint.api import lint_file
from hypelint.config import Config

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = sorted(p for p in (ROOT / "evaluation" / "drafts").iterdir() if p.suffix in (".md", ".txt", ".html"))


def test_linting_leaves_no_reference_cycles():
    config = Config()
    for path in DRAFTS:  # first use compiles patterns and fills caches: not per-document garbage
        lint_file(str(path), config)
    gc.collect()
    gc.disable()
    try:
        for path in DRAFTS:
            assert lint_file(str(path), config).findings is not None
        assert gc.collect() == 0
    finally:
        gc.enable()
