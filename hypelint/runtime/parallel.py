"""Many tasks on several cores: a small process pool that always answers.

`run_tasks(func, payloads, jobs)` applies a module-level function to each
payload in worker processes and yields the results in input order. Workers
are started with the `spawn` method (the same on Linux, macOS and Windows,
and safe when the parent has threads, such as a progress bar's), each runs
`init` once (so rules load and compile once per worker, not per task), and
each is sent a few tasks at a time.

Why not `concurrent.futures.ProcessPoolExecutor`: when one of its workers
dies, every pending future fails with BrokenProcessPool and nothing says
which task killed it, and it cannot stop a worker stuck on one task. Here a
worker answers each task as it finishes, so the parent always knows which
task a worker is on: an exception, a crash or a time-out becomes that one
task's failure (`on_failure`), the worker is replaced, the other tasks carry
on, and nothing ever waits forever.
"""

from __future__ import annotations

import os
import signal
import time
import traceback
from collections import deque
from typing import Any, Callable, Iterable, Iterator

# Most tasks sent to a worker at once: few enough that a crash hands few back
# and the last tasks spread over every worker, enough that the round trip
# between batches is a small share of the work.
_BATCH = 4
# Seconds the parent waits for a stopped worker to exit before killing it.
_GRACE = 2.0


def default_jobs() -> int:
    """The cores this process may run on (its affinity where the OS says)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # macOS and Windows have no affinity call
        return max(1, os.cpu_count() or 1)


def failure_message(exc: BaseException) -> str:
    """One line for an exception: its type, message and where it was raised."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    text = " ".join(str(exc).split()) or "(no message)"
    return f"internal error ({type(exc).__name__}: {text}{where})"


def run_tasks(
    func: Callable[[Any], Any],
    payloads: Iterable[Any],
    jobs: int,
    on_failure: Callable[[Any, str], Any],
    init: Callable[..., None] | None = None,
    init_args: tuple = (),
    timeout: Callable[[Any], float | None] | None = None,
) -> Iterator[Any]:
    """Yield func(payload) for every payload, in input order.

    `func` and `init` must be module-level functions and payloads and
    results picklable (they cross process boundaries). A task that raises,
    whose worker dies, or that runs longer than `timeout(payload)` seconds
    yields `on_failure(payload, message)` instead, with a one-line message.
    With `jobs` <= 1 everything runs in this process (no time-outs there).
    Payloads are pulled lazily, so a long iterator is never held whole.
    """
    if jobs <= 1:
        if init:
            init(*init_args)
        for payload in payloads:
            try:
                yield func(payload)
            except Exception as exc:  # the same contract as a worker's
                yield on_failure(payload, failure_message(exc))
        return
    pool = _Pool(func, jobs, on_failure, init, init_args, timeout)
    try:
        yield from pool.run(iter(payloads))
    finally:
        pool.close()


class _Worker:
    """One worker process, its end of the pipe and the tasks it holds."""

    def __init__(self, context, func, init, init_args):
        parent_end, child_end = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child_end, func, init, init_args), daemon=True)
        self.process.start()
        child_end.close()  # the child's copy; ours would keep the pipe open after it dies
        self.conn = parent_end
        self.held: deque[tuple[int, Any]] = deque()  # sent, not yet answered, in order
        self.deadline: float | None = None  # for the first held task
        self.ready = False  # set up and listening: a death before then is no task's fault


class _Pool:
    def __init__(self, func, jobs, on_failure, init, init_args, timeout):
        self.func, self.jobs, self.on_failure = func, jobs, on_failure
        self.init, self.init_args, self.timeout = init, init_args, timeout
        import multiprocessing  # here, not at the top: a run on one process never needs it

        self.context = multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = []
        self.fatal: str | None = None  # a worker could not start: fail the rest, do not respawn forever

    def run(self, payloads: Iterator[Any]) -> Iterator[Any]:
        queue: deque[tuple[int, Any]] = deque()  # taken from the iterator (or handed back), not yet sent
        done: dict[int, Any] = {}  # answered, waiting for the tasks before them
        next_index = taken = 0
        exhausted = False
        # At most this many tasks are taken and unyielded: memory stays bounded
        # however long the input, and a slow task holds back only a window.
        window = self.jobs * _BATCH * 4
        while True:
            while not exhausted and taken - next_index < window:
                try:
                    queue.append((taken, next(payloads)))
                    taken += 1
                except StopIteration:
                    exhausted = True
            if self.fatal:
                while queue:
                    index, payload = queue.popleft()
                    done[index] = self.on_failure(payload, self.fatal)
            self._dispatch(queue)
            while next_index in done:
                yield done.pop(next_index)
                next_index += 1
            if exhausted and next_index == taken:
                return
            if not any(worker.held for worker in self.workers):
                continue  # everything left is answered or queued; loop to yield or dispatch it
            self._collect(queue, done)

    def _dispatch(self, queue: deque) -> None:
        """Send a batch to every idle worker, starting workers while there is work.

        Only an idle worker gets tasks: it has no answer left to send and is
        waiting to read, so neither end can block on a full pipe while the
        other blocks on its own.
        """
        if self.fatal:
            return
        while queue and len(self.workers) < self.jobs:
            self.workers.append(_Worker(self.context, self.func, self.init, self.init_args))
        for worker in self.workers:
            if worker.held or not queue:
                continue
            size = min(_BATCH, -(-len(queue) // self.jobs))  # smaller batches near the end keep every core busy
            batch = [queue.popleft() for _ in range(size)]
            worker.held.extend(batch)
            worker.deadline = self._deadline(batch[0][1])
            try:
                worker.conn.send(batch)
            except OSError:  # it died before we knew; _collect sees its sentinel and sorts it out
                pass

    def _deadline(self, payload) -> float | None:
        seconds = self.timeout(payload) if self.timeout else None
        return None if seconds is None else time.monotonic() + seconds

    def _collect(self, queue: deque, done: dict) -> None:
        """Wait for answers, deaths or a deadline, and handle what happened."""
        busy = [worker for worker in self.workers if worker.held]
        deadlines = [worker.deadline for worker in busy if worker.deadline is not None]
        limit = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        handles = {}
        for worker in busy:
            handles[worker.conn] = worker
            handles[worker.process.sentinel] = worker
        from multiprocessing.connection import wait

        ready = wait(list(handles), limit)
        for worker in {id(handles[h]): handles[h] for h in ready}.values():
            if self._drain(worker, done) and worker.process.is_alive():
                continue
            if worker.held:
                worker.process.join(_GRACE)  # its exit code is known once it is reaped
                died = _exit_text(worker.process.exitcode)
                if not worker.ready and not self.fatal:
                    # It never got as far as its first task (a broken install, a main
                    # module without the `if __name__ == "__main__":` guard): every
                    # replacement would die the same way.
                    self.fatal = f"hypelint's worker processes cannot start ({died})"
                self._lose(worker, queue, done, f"hypelint's worker process died ({died})")
            else:  # it answered everything, then went (or reported it cannot start)
                self.workers.remove(worker)
                _stop(worker)
        now = time.monotonic()
        for worker in busy:
            if worker in self.workers and worker.held and worker.deadline is not None and now >= worker.deadline:
                seconds = self.timeout(worker.held[0][1]) if self.timeout else 0
                self._lose(worker, queue, done, f"gave up after {seconds:g} s (the worker was stopped)")

    def _drain(self, worker: _Worker, done: dict) -> bool:
        """Read every answer waiting in a worker's pipe; False when it is dead."""
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if message[0] == "ready":
                    worker.ready = True
                    continue
                if message[0] == "fatal":
                    self.fatal = message[1]
                    return False
                status, index, value = message
                held_index, payload = worker.held.popleft()
                assert held_index == index, "a worker answers its tasks in order"
                done[index] = value if status == "ok" else self.on_failure(payload, value)
                worker.deadline = self._deadline(worker.held[0][1]) if worker.held else None
        except (EOFError, OSError):
            return False
        return True

    def _lose(self, worker: _Worker, queue: deque, done: dict, message: str) -> None:
        """Stop a worker: its current task fails, its other tasks go back first in line."""
        self.workers.remove(worker)
        _stop(worker)
        if worker.held:
            index, payload = worker.held.popleft()
            done[index] = self.on_failure(payload, self.fatal or message)
        queue.extendleft(reversed(worker.held))

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.conn.send(None)  # asks it to exit
            except OSError:
                pass
        for worker in self.workers:
            _stop(worker)
        self.workers = []


def _exit_text(code: int | None) -> str:
    if code is None:
        return "it closed its pipe"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _stop(worker: _Worker) -> None:
    worker.process.join(_GRACE if not worker.held else 0)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.conn.close()


def _worker_main(conn, func, init, init_args) -> None:
    """A worker's life: set up once, then answer batches until told to stop."""
    # Ctrl-C reaches the whole process group; the parent decides what happens.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        if init:
            init(*init_args)
    except Exception as exc:
        conn.send(("fatal", failure_message(exc)))
        return
    conn.send(("ready",))
    while True:
        try:
            batch = conn.recv()
        except EOFError:  # the parent has gone
            return
        if batch is None:
            return
        for index, payload in batch:
            try:
                answer = ("ok", index, func(payload))
            except Exception as exc:
                answer = ("error", index, failure_message(exc))
            try:
                conn.send(answer)
            except (OSError, EOFError):
                return
            except Exception as exc:  # an answer that does not pickle
                conn.send(("error", index, failure_message(exc)))
