"""The one background-task helper: `run_task(func, on_done, on_failed, pool=...)`.

`func` runs on a thread of `pool`; its result (or the exception it raised) comes back on the
thread that called `run_task` (the UI thread), through a small relay object Qt queues signals
to. Pools are passed in, so work that must keep its order shares a one-thread pool, and tests
pass a `FakeThreadPool` that runs the work at once. Workers never touch a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from telereader.core.store import Store

EMIT_POLL_MS = 5  # how soon a relay whose answer came first is looked at again


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay, ended: threading.Event | None):
        super().__init__()
        self._func, self._relay, self._ended = func, relay, ended
        self.emitted = threading.Event()  # the worker is done with the relay

    def run(self) -> None:
        try:
            try:
                result = self._func()
            except BaseException as error:  # delivered to the caller's thread, which reports it
                self._relay.failed.emit(error)
            else:
                self._relay.done.emit(result)
        except RuntimeError:
            pass  # the relay is gone (the application is closing): nobody waits for the answer
        finally:
            self.emitted.set()
            if self._ended is not None:
                self._ended.set()  # after the last signal: the owner may now go


def run_task(
    func: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
    *,
    pool: Pool,
    parent: QObject | None = None,
    ended: threading.Event | None = None,
) -> None:
    """Run `func()` on `pool`; `on_done(result)` or `on_failed(error)` follow on this thread.

    With `parent`, the answer is dropped once `parent` is deleted. `ended` is set when the
    worker has let go (after its last signal).

    The relay is the application's child, deleted here, on this thread, and only once the
    worker is done emitting through it. Were it `parent`'s child, closing a window would delete
    it while a worker may be inside `emit` on it: a crash in the worker (seen in a test run).
    Were Python to own it, the worker dropping the last reference could delete it on the
    worker's thread, which Qt does not allow."""
    relay = _Relay(QCoreApplication.instance())
    task = _Task(func, relay, ended)
    emitted = task.emitted  # the task itself is deleted by its pool once it has run

    def delivered(callback: Callable[[Any], None] | None) -> Callable[[Any], None]:
        def deliver(value: Any) -> None:
            _delete_when_emitted(relay, emitted)
            if callback is not None and (parent is None or shiboken6.isValid(parent)):
                callback(value)

        return deliver

    relay.done.connect(delivered(on_done))
    relay.failed.connect(delivered(on_failed))
    pool.start(task)


def _delete_when_emitted(relay: _Relay, emitted: threading.Event) -> None:
    """Delete the relay once its worker has left `emit` (the answer can arrive here first)."""
    if emitted.is_set():
        relay.deleteLater()
    else:
        QTimer.singleShot(EMIT_POLL_MS, lambda: _delete_when_emitted(relay, emitted))


def serial_pool(parent: QObject | None = None) -> QThreadPool:
    """A pool of one thread: what is started on it runs in the order it was started."""
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    return pool


def in_library(data_dir: Path, work: Callable[[Store], Any]) -> Callable[[], Any]:
    """`work(store)` with a connection of its own, opened and closed on the worker thread."""

    def run() -> Any:
        with Store.open(data_dir) as store:
            return work(store)

    return run
