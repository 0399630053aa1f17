"""`--jobs`: the same results as one process, in input order, and a failing
worker reported as that file's error, never a hang.

Worker processes are started with `spawn`: they import the functions they
run by name, so the task functions below live at module level (this file is
importable in a worker because pytest puts tests/ on sys.path, which spawn
hands on).

No outcome here may depend on how fast a busy machine runs: a task that is
meant to finish has no time-out, a slow start is simulated rather than
hoped against, and "it did not respawn forever" is a count, not a stopwatch.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from hypelint import cli

from hypelint.runtime import parallel, runner
from hypelint.api import lint_file
from hypelint.config import Config
from hypelint.runtime.parallel import run_tasks

DRAFTS = [
    "# Revolutionary AI\n\nThe most advanced model ever built will replace radiologists within five years.\n",
    "Experts say the chatbot understands its users. It is a game-changer.\n",
    "The council met on Tuesday and approved the budget, according to the minutes.\n",
    "## What does it cost?\n\n## When is it out?\n\nRecently, a breakthrough.\n",
]


# --- task functions (module level: workers import them by name) -------------------------


def square_slowly(n):
    time.sleep(0.05 if n % 3 == 0 else 0)  # later tasks finish first
    return n * n


def fail_on_three(n):
    if n == 3:
        raise ValueError("three is\nbad")
    return n


def crash_on_three(n):
    if n == 3:
        os._exit(7)  # no exception, no clean-up: the process is simply gone
    return n


def hang_on_three(n):
    if n == 3:
        time.sleep(600)
    return n


def start_slowly():
    time.sleep(1.5)  # as a worker on a loaded machine starts: longer than task 3's budget


def broken_setup():
    raise RuntimeError("cannot load the rules")


def failed(payload, message):
    return f"failed {payload}: {message}"


def crash_on_second_draft(task):
    if os.path.basename(task[1]) == "d01.md":
        os._exit(3)
    return lint_file(task[1], task[2])


# --- the pool ------------------------------------------------------------------------------


def test_results_come_back_in_input_order():
    assert list(run_tasks(square_slowly, range(30), 2, failed)) == [n * n for n in range(30)]


def test_one_process_gives_the_same():
    assert list(run_tasks(square_slowly, range(10), 1, failed)) == list(run_tasks(square_slowly, range(10), 2, failed))


def test_an_exception_fails_only_its_task_with_one_line():
    answers = list(run_tasks(fail_on_three, range(8), 2, failed))
    assert answers[:3] == [0, 1, 2] and answers[4:] == [4, 5, 6, 7]
    assert answers[3].startswith("failed 3: internal error (ValueError: three is bad at test_parallel.py:")
    assert "\n" not in answers[3]


def test_a_crashed_worker_fails_only_its_task_and_the_rest_carry_on():
    answers = list(run_tasks(crash_on_three, range(12), 2, failed))
    assert answers[3] == "failed 3: hypelint's worker process died (exit code 7)"
    assert answers[:3] + answers[4:] == [n for n in range(12) if n != 3]


def test_a_stuck_worker_is_stopped_after_its_time_out():
    # Only the stuck task has a time-out, so no other task can miss one however
    # slowly the machine runs; the workers start slower than that budget, and
    # task 3 sits fourth in its batch, so its clock starts when it does.
    answers = list(run_tasks(hang_on_three, range(8), 2, failed, init=start_slowly, timeout=lambda n: 1.0 if n == 3 else None))
    assert answers[3] == "failed 3: gave up after 1 s (the worker was stopped)"
    assert answers[:3] + answers[4:] == [0, 1, 2, 4, 5, 6, 7]


def test_a_worker_that_cannot_start_fails_every_task_without_respawning_forever(monkeypatch):
    started = []

    class CountedWorker(parallel._Worker):
        def __init__(self, *args):
            started.append(self)
            super().__init__(*args)

    monkeypatch.setattr(parallel, "_Worker", CountedWorker)
    answers = list(run_tasks(square_slowly, range(20), 2, failed, init=broken_setup))
    assert len(started) <= 2  # the first two, never a replacement
    assert len(answers) == 20
    assert all(a.startswith(f"failed {n}: internal error (RuntimeError: cannot load the rules") for n, a in enumerate(answers))


def test_tasks_are_pulled_lazily():
    pulled = []

    def payloads():
        for n in range(1000):
            pulled.append(n)
            yield n

    answers = run_tasks(square_slowly, payloads(), 2, failed)
    assert next(answers) == 0
    assert len(pulled) < 100  # a window, not the whole input
    answers.close()


# --- lint_files and the command line -----------------------------------------------------------


@pytest.fixture
def drafts(tmp_path):
    paths = []
    for n in range(24):
        path = tmp_path / "drafts" / f"d{n:02}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(DRAFTS[n % len(DRAFTS)] + f"\nDraft {n}.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def always_parallel(monkeypatch):
    """Any run is big enough for a pool (the real threshold wants ~0.5 MB)."""
    monkeypatch.setattr(runner, "PARALLEL_MIN_BYTES", 0)


def test_lint_files_on_two_processes_equals_one(drafts, always_parallel):
    items = [(path, Config()) for path in drafts]
    one = runner.lint_files(items, jobs=1)
    two = runner.lint_files(items, jobs=2)
    assert [r.path for r in two] == drafts
    assert [(r.findings, r.words, r.metrics, r.source, r.error) for r in two] == [
        (r.findings, r.words, r.metrics, r.source, r.error) for r in one
    ]
    assert sum(len(r.findings) for r in one) > 20


def test_small_runs_stay_in_this_process(drafts, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr("hypelint.runtime.parallel._Pool", no_pool)
    results = runner.lint_files([(path, Config()) for path in drafts], jobs=2)
    assert len(results) == len(drafts) and not any(r.error for r in results)


def check(capsys, *args):
    code = cli.main(["check", "--no-cache", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_check_jobs_2_reports_exactly_what_jobs_1_does(tmp_path, drafts, capsys, always_parallel):
    readme = tmp_path / "a-first.md"
    readme.write_text("A revolutionary, unprecedented leap.\n", encoding="utf-8")
    paths = [str(tmp_path / "drafts"), str(readme), str(tmp_path / "missing.md")]
    code1, one, err1 = check(capsys, "--jobs", "1", *paths)
    code2, two, err2 = check(capsys, "--jobs", "2", *paths)
    assert (code2, two, err2) == (code1, one, err1)
    assert code1 == 2 and "missing.md: no such file" in err1
    assert len(one["files"]) == 25 and one["summary"]["findings"] > 20


def test_a_crashing_worker_is_that_files_error_and_exit_2(drafts, capsys, always_parallel, monkeypatch):
    monkeypatch.setattr(runner, "_lint_task", crash_on_second_draft)
    code, report, err = check(capsys, "--jobs", "2", os.path.dirname(drafts[0]))
    assert code == 2
    errors = [line for line in err.splitlines() if line]
    assert errors == [f"hypelint: error: {drafts[1]}: hypelint's worker process died (exit code 3)"]
    by_path = {f["path"]: f for f in report["files"]}
    assert by_path[drafts[1]]["error"] and not by_path[drafts[0]]["error"]
    assert len(by_path) == 24 and {f["path"] for f in report["findings"]} >= {drafts[0], drafts[4], drafts[23]}


def test_jobs_must_be_a_positive_number(capsys):
    assert cli.main(["check", "--jobs", "0", "x.md"]) == 2
    assert "--jobs" in capsys.readouterr().err
