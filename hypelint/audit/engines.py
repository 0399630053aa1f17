"""The engines that lint an audit's batches: `local` on this machine's cores,
`dask` on a Dask cluster. Both run `audit_batch` on the same batches and give
the answers back in input order."""

from __future__ import annotations

from collections import Counter, deque
from typing import Iterable, Iterator

from hypelint.audit import AuditError, Unreadable

# A Dask cluster gets this many batches per worker thread ahead of the results:
# enough to keep it busy, few enough to bound memory.
_DASK_AHEAD = 4


def audit_batch(task: tuple) -> list[dict]:
    """Lint a batch of articles (the unit of work of both engines).

    `task` is (config, fmt, [(id, text), ...]); each answer holds the id,
    the word count, findings per category and the hype rate, or an error
    (with `unreadable` set when the reader could not read the row).
    """
    from hypelint.api import lint_source
    from hypelint.reporters import hype_rate
    from hypelint.runtime.parallel import failure_message

    config, fmt, records = task
    answers = []
    for ident, text in records:
        if isinstance(text, Unreadable):
            answers.append({"id": ident, "error": str(text), "unreadable": True})
            continue
        if isinstance(text, str) and text.startswith("\ufeff"):
            text = text[1:]
        # Null in the table (or NaN in a CSV read elsewhere), or empty, which is
        # all a missing text can be in a CSV: nothing to score, not a 0.0 hype rate.
        if not isinstance(text, str) or not text.strip():
            answers.append({"id": ident, "error": "no text"})
            continue
        try:
            result = lint_source(text, None, fmt, config)
        except Exception as exc:
            answers.append({"id": ident, "error": failure_message(exc)})
            continue
        counts = Counter(finding.category for finding in result.findings)
        answers.append({"id": ident, "words": result.words, "counts": dict(counts),
                        "hype_rate": round(hype_rate(result), 3), "error": None})  # fmt: skip
    return answers


def _failed_batch(task: tuple, message: str) -> list[dict]:
    return [{"id": ident, "error": message} for ident, _ in task[2]]


def local_answers(tasks: Iterable[tuple], jobs: int, config) -> Iterator[list[dict]]:
    """Batches on `jobs` worker processes (parallel.run_tasks), answers back in input order."""
    from hypelint.runtime.parallel import run_tasks
    from hypelint.runtime.runner import load_rules

    return run_tasks(audit_batch, tasks, jobs, _failed_batch, init=load_rules, init_args=((config,),))


def dask_answers(tasks: Iterable[tuple], scheduler: str | None, jobs: int) -> Iterator[list[dict]]:
    """Batches through a Dask cluster, answers back in input order."""
    import logging

    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            # One single-threaded worker process per core: linting holds the GIL.
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)  # fmt: skip
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise AuditError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
    try:
        ahead = max(1, sum(client.nthreads().values())) * _DASK_AHEAD
        futures: deque = deque()
        for task in tasks:
            futures.append((task, client.submit(audit_batch, task, pure=False)))
            while len(futures) > ahead:
                yield _dask_result(*futures.popleft())
        while futures:
            yield _dask_result(*futures.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_result(task: tuple, future) -> list[dict]:
    try:
        return future.result()
    except Exception as exc:  # a worker that died on the batch (Dask retries first)
        from hypelint.runtime.parallel import failure_message

        return _failed_batch(task, failure_message(exc))
