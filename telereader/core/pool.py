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
    """Runs functions now (in this process) or on worker processes; `ahead` is how many
    files may be in flight before the oldest must be written."""

    def __init__(self, executor: Executor | None, ahead: int):
        self._executor = executor
        self.ahead = ahead

    def submit(self, function: Callable, *args: Any) -> Future:
        if self._executor is not None:
            return self._executor.submit(function, *args)
        future: Future = Future()
        future.set_result(function(*args))
        return future


def worker_count(files: int, workers: int | None) -> int:
    if workers is not None:
        return max(0, workers)
    cores = os.cpu_count() or 1
    if cores < 2 or files < PARALLEL_FROM_FILES:
        return 0
    return min(cores, MAX_WORKERS)


@contextmanager
def parsing_pool(files: int, workers: int | None = None) -> Iterator[Pool]:
    count = worker_count(files, workers)
    if count == 0:
        yield Pool(None, ahead=0)
        return
    # "spawn" everywhere: forking a process that runs Qt threads is unsafe, and it is what
    # Windows and macOS do anyway, so every platform runs the same way.
    executor = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield Pool(executor, ahead=count * 3)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
