"""Linting many files: cache look-ups here, the rest on worker processes.

`lint_files(items, jobs, cache)` gives one FileResult per (path, Config), in
the order given, whatever order the workers finish in. It is what `hypelint
check` runs; `api.lint_file` stays the one-file, one-process entry point
that everything here reuses.

A pool costs each worker a fresh interpreter and a load of the rules (about
half a second), so a run with little left to lint after the cache stays in
this process: the pool is worth it only past PARALLEL_MIN_BYTES.
"""

from __future__ import annotations

import os
from typing import Callable, Iterator, Sequence

from hypelint.api import lint_file
from hypelint.config import Config, resolve_rules
from hypelint.model import FileResult
from hypelint.runtime.parallel import default_jobs, run_tasks
from hypelint.read.source import InputError, decode, read_bytes

# Below this much text to lint, starting workers costs more than it saves.
PARALLEL_MIN_BYTES = 512 * 1024
# A worker on one file longer than this (seconds, plus per MB) is stopped and
# the file reported: generous, since only a hang should ever reach it.
TIMEOUT_BASE = 120.0
TIMEOUT_PER_MB = 30.0


def lint_files(
    items: Sequence[tuple[str, Config]],
    jobs: int | None = 1,
    cache=None,
    on_result: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Lint every (path, config), with `jobs` processes (None: all cores) and an optional cache.Cache.

    Results come back in the order of `items`. A file that cannot be read,
    or on which hypelint fails (an exception, a crashed or stuck worker),
    gets a result with `error` set, so one bad file never stops the run.
    `on_result` is called once per file as its result is known (a progress
    bar), in no particular order.
    """
    results: list[FileResult | None] = [None] * len(items)
    misses: list[tuple[int, str, Config, int]] = []  # (index, path, config, size)
    keys: dict[int, tuple[str, str | None]] = {}  # index -> (cache key, decoded text)
    for index, (path, config) in enumerate(items):
        size = _size(path)
        if cache is not None:
            try:
                data = read_bytes(path)
            except InputError:  # lint_file reports it, as it would without a cache
                data = None
            if data is not None:
                try:
                    text = decode(data, path)
                except InputError:  # not text (a Word file), or bad bytes lint_file will report
                    text = None
                key = cache.key(path, data, config)
                hit = cache.get(key, text)
                if hit is not None:
                    results[index] = hit
                    if on_result:
                        on_result(hit)
                    continue
                keys[index] = (key, text)
        misses.append((index, path, config, size))
    pending_bytes = sum(size for *_, size in misses)
    workers = 1
    if len(misses) > 1 and pending_bytes >= PARALLEL_MIN_BYTES:
        workers = min(jobs or default_jobs(), len(misses))
    configs = tuple(dict.fromkeys(config for _, _, config, _ in misses))
    answers = run_tasks(_lint_task, misses, workers, _failed, init=load_rules, init_args=(configs,), timeout=_timeout)
    for (index, *_), result in zip(misses, answers):
        results[index] = result
        if cache is not None and index in keys:
            key, text = keys.pop(index)
            cache.put(key, result, text)
        if on_result:
            on_result(result)
    return results  # type: ignore[return-value]  # every slot is filled above


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def load_rules(configs: tuple[Config, ...]) -> None:
    """A worker's set-up: load and compile each config's rules once, before any file."""
    for config in configs:
        resolve_rules(config)


def _lint_task(task: tuple[int, str, Config, int]) -> FileResult:
    _, path, config, _ = task
    return lint_file(path, config)


def _failed(task: tuple[int, str, Config, int], message: str) -> FileResult:
    _, path, config, _ = task
    return FileResult(path=path, findings=[], error=f"{path}: {message}", fail_on=config.fail_on)


def _timeout(task: tuple[int, str, Config, int]) -> float:
    return TIMEOUT_BASE + TIMEOUT_PER_MB * task[3] / 1e6
