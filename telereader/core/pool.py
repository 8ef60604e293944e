"""Where file parsing runs: in this process for a few files, in worker processes for many.

multiprocessing (and concurrent.futures' process pool, ctypes) are imported when the first
worker starts: the window imports this module at start-up, and most imports need no worker."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Starting a worker process costs ~0.2 s; parsing a day's file ~10 ms. Below this many files
# the pool would cost more than it saves.
PARALLEL_FROM_FILES = 24
MAX_WORKERS = 4


class WorkerDied(Exception):
    """A file's worker process died while parsing it (killed for memory, a crash in native
    code), and again when the file was tried alone in a fresh worker: it is this file."""


class Pool:
    """Runs functions now (in this process) or on worker processes, started at the first
    submission (a batch of files imported before starts none); `ahead` is how many files may be
    in flight before the oldest must be written.

    A worker that dies (an out-of-memory kill, a segfault) breaks the whole process pool, and
    every file in flight on it fails, though only one of them caused it. So a broken pool is
    replaced by a fresh one at the next submission, and each file whose work failed that way is
    tried once more, alone, in a spare worker that runs one file at a time: the innocent files
    are parsed there, and the file that kills that worker too is the culprit (WorkerDied).
    Never in this process: a file that crashes a worker would crash the import."""

    def __init__(self, workers: int):
        self._workers = workers
        self._executor: ProcessPoolExecutor | None = None
        self._spare: ProcessPoolExecutor | None = None  # one worker, for files tried again
        self.ahead = workers * 3
        self._unfinished = 0  # submitted, not done: a close then stops the workers at once
        self._counting = threading.Lock()

    def _track(self, future: Future) -> Future:
        with self._counting:
            self._unfinished += 1
        future.add_done_callback(self._one_done)
        return future

    def _one_done(self, _future: Future) -> None:
        with self._counting:
            self._unfinished -= 1

    @property
    def in_process(self) -> bool:
        return self._workers == 0

    def submit(self, function: Callable, *args: Any) -> Job:
        if self._workers == 0:
            return Job(run_here(function, *args))
        self._executor, future = _submitted(self._executor, self._workers, function, args)
        return Job(self._track(future), self, function, args)

    def _alone(self, function: Callable, args: tuple) -> Future:
        """Run on the spare worker, the only file there (its caller waits for it before it
        sends another), so that if the worker dies it was this file."""
        self._spare, future = _submitted(self._spare, 1, function, args)
        return self._track(future)

    def close(self, now: bool = False) -> None:
        """Let the workers go: when every submission is done, as usual; `now`, or with work
        still submitted (a catch-up stopped by the window's close), the workers are stopped
        at once: their work is for no one, and before Python 3.12 a shutdown that waits can
        wait for ever on a queue's feeder thread (gh-94777, seen with Debian 12's 3.11.2)."""
        with self._counting:
            now = now or self._unfinished > 0
        for executor in (self._executor, self._spare):
            if executor is None:
                continue
            if now:
                stop_now(executor)
            elif getattr(executor, "_broken", False):
                shut_down_broken(executor)
            else:
                executor.shutdown(wait=True, cancel_futures=True)


class Job:
    """One submission's result, tried again alone if its worker process died; WorkerDied when
    that worker died too."""

    def __init__(
        self,
        future: Future,
        pool: Pool | None = None,
        function: Callable | None = None,
        args: tuple = (),
    ):
        self._future = future
        self._pool = pool
        self._function = function
        self._args: tuple | None = args  # kept only until the result is in: they may be big
        self._tried_alone = False

    def result(self, timeout: float | None = None) -> Any:
        """As Future.result: TimeoutError while not ready, the function's exception if it
        raised one."""
        try:
            result = self._future.result(timeout)
        except TimeoutError:
            raise  # not ready yet: asked again
        except BaseException as error:
            if not _broken_pool(error):
                self._args = None
                raise
            if self._pool is None or self._function is None or self._args is None:
                raise
            if self._tried_alone:
                self._args = None
                raise WorkerDied("the worker process died on this file twice") from error
            self._tried_alone = True
            self._future = self._pool._alone(self._function, self._args)
            return self.result(timeout)
        self._args = None
        return result


def _broken_pool(error: BaseException) -> bool:
    """A worker's death broke the process pool. Without the process pool's module loaded, no
    worker ever ran."""
    process = sys.modules.get("concurrent.futures.process")
    return process is not None and isinstance(error, process.BrokenProcessPool)


def _submitted(
    executor: ProcessPoolExecutor | None, workers: int, function: Callable, args: tuple
) -> tuple[ProcessPoolExecutor, Future]:
    """Submit, first starting the executor, or a new one when a worker's death broke it (it
    knows by the time the work that was on that worker has failed)."""
    if executor is None:
        executor = _start(workers)
    from concurrent.futures.process import BrokenProcessPool  # loaded by _start

    try:
        return executor, executor.submit(function, *args)
    except BrokenProcessPool:
        shut_down_broken(executor)
        executor = _start(workers)
        return executor, executor.submit(function, *args)


def stop_now(executor: ProcessPoolExecutor) -> None:
    """Stop the workers without waiting for their work, then shut the executor down.

    A worker stopped while it wrote its result leaves half a message in the result pipe, and
    the executor's manager thread waits for the rest for ever (its shutdown with it: seen in
    the test suite's window closes). Once the workers are gone, closing this process's copy
    of the pipe's writing end (it never writes there) leaves no writer: the manager thread
    reads the end of the pipe, takes the pool for broken and ends."""
    processes = list(getattr(executor, "_processes", {}).values())
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.terminate()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(STOP_WAIT_S)
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    if writer is not None and not any(_alive(process) for process in processes):
        with contextlib.suppress(OSError):
            writer.close()
    shut_down_broken(executor)


STOP_WAIT_S = 5.0  # a terminated worker is gone in milliseconds; this is for a stuck machine


def _alive(process) -> bool:
    try:
        return process.is_alive()
    except (OSError, ValueError, AssertionError):
        return False


def shut_down_broken(executor: ProcessPoolExecutor) -> None:
    """Shut down an executor a dead worker broke. Before Python 3.12 (gh-94777) its queue's
    feeder thread can block for ever writing a big file's bytes into a pipe no process reads
    any more, and shutdown waits for that thread (seen with Debian 12's 3.11.2). Closing our
    end of the pipe's reading side makes the write fail, and the thread end."""
    reader = getattr(getattr(executor, "_call_queue", None), "_reader", None)
    if reader is not None:
        with contextlib.suppress(OSError):
            reader.close()
    executor.shutdown(wait=True, cancel_futures=True)


def _start(workers: int) -> ProcessPoolExecutor:
    # "spawn" everywhere: forking a process that runs Qt threads is unsafe, and it is what
    # Windows and macOS do anyway, so every platform runs the same way.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    )


def run_here(function: Callable, *args: Any) -> Future:
    """Run now, in this process; the result (or the exception) waits in the future, as it
    would from a worker."""
    future: Future = Future()
    try:
        future.set_result(function(*args))
    except Exception as error:
        future.set_exception(error)
    return future


PARENT_CHECK_S = 0.5
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Run first in every worker: end this process when the importing process ends, however it
    ends (a SIGKILL included), so that no worker parses on for nobody.

    On Linux the kernel sends SIGKILL at the parent's death (prctl PR_SET_PDEATHSIG). On every
    platform a daemon thread also watches the parent: multiprocessing's sentinel for it (a pipe
    the parent holds open, a process handle on Windows) and, on POSIX, the parent's process id,
    which changes when the worker is adopted."""
    # Ctrl-C in a terminal reaches the whole process group: the importing process handles it
    # (it cancels and shuts the pool down); a worker that died of it would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        _kill_me_when_parent_dies()
    if os.name == "posix" and os.getppid() != parent:  # died before the signal was asked for
        os._exit(1)
    import multiprocessing

    process = multiprocessing.parent_process()
    sentinel = process.sentinel if process is not None else None
    threading.Thread(target=_watch_parent, args=(parent, sentinel), daemon=True).start()


def _kill_me_when_parent_dies() -> None:
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the watching thread still ends the worker, a moment later


def _watch_parent(parent: int, sentinel: Any) -> None:
    import multiprocessing.connection

    while True:
        if sentinel is not None:
            if multiprocessing.connection.wait([sentinel], timeout=PARENT_CHECK_S):
                break
        else:
            time.sleep(PARENT_CHECK_S)
        if os.name == "posix" and os.getppid() != parent:
            break
    os._exit(1)


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
