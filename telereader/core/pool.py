"""Where file parsing runs: in this process for a few files, in worker processes for many."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

# Starting a worker process costs ~0.2 s; parsing a day's file ~10 ms. Below this many files
# the pool would cost more than it saves.
PARALLEL_FROM_FILES = 24
MAX_WORKERS = 4


class Pool:
    """Runs functions now (in this process) or on worker processes, started at the first
    submission (a batch of files imported before starts none); `ahead` is how many files may be
    in flight before the oldest must be written."""

    def __init__(self, workers: int):
        self._workers = workers
        self._executor: Executor | None = None
        self.ahead = workers * 3

    def submit(self, function: Callable, *args: Any) -> Future:
        if self._workers == 0:
            future: Future = Future()
            future.set_result(function(*args))
            return future
        if self._executor is None:
            # "spawn" everywhere: forking a process that runs Qt threads is unsafe, and it is
            # what Windows and macOS do anyway, so every platform runs the same way.
            self._executor = ProcessPoolExecutor(
                self._workers, mp_context=multiprocessing.get_context("spawn")
            )
        return self._executor.submit(function, *args)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)


def worker_count(files: int, workers: int | None) -> int:
    if workers is not None:
        return max(0, workers)
    cores = os.cpu_count() or 1
    if cores < 2 or files < PARALLEL_FROM_FILES:
        return 0
    return min(cores, MAX_WORKERS)


@contextmanager
def parsing_pool(files: int, workers: int | None = None) -> Iterator[Pool]:
    pool = Pool(worker_count(files, workers))
    try:
        yield pool
    finally:
        pool.close()
