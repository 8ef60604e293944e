"""Work off the UI thread: a function runs on the thread pool, its result comes back as a signal.

Workers never touch a widget; each opens its own database connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from telereader.core.importer import import_paths
from telereader.core.model import ImportReport
from telereader.core.recovery import check_file
from telereader.core.store import Store


class _Runnable(QRunnable):
    def __init__(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable,
        ended: threading.Event | None = None,
    ):
        super().__init__()
        self._work, self._done, self._failed, self._ended = work, done, failed, ended

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # delivered to the UI thread, which reports it
            self._failed(error)
        else:
            self._done(result)
        finally:
            if self._ended is not None:
                self._ended.set()  # after the last signal: the owner may now go


class ImportJob(QObject):
    """Imports paths into the library in the background, with progress and cancel.

    Public signals are emitted on the UI thread only: the worker emits the private ones, which
    Qt queues to this object's thread, where they are passed on.
    """

    progress = Signal(int, int, int)  # files done, files total, items so far
    finished = Signal(object)  # ImportReport
    failed = Signal(object)  # the exception
    _progressed = Signal(int, int, int)
    _done = Signal(object)
    _broke = Signal(object)

    def __init__(self, data_dir: Path, paths: Sequence[Path], parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.paths = list(paths)
        self._cancel = threading.Event()
        self._ended = threading.Event()
        self.running = False
        self._progressed.connect(self._pass_on_progress)
        self._done.connect(self._finish)
        self._broke.connect(self._fail)

    def _pass_on_progress(self, done: int, total: int, items: int) -> None:
        self.progress.emit(done, total, items)

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        (pool or QThreadPool.globalInstance()).start(
            _Runnable(self._work, self._done.emit, self._broke.emit, self._ended)
        )

    def cancel(self) -> None:
        self._cancel.set()

    def stop(self, timeout_s: float = 30) -> None:
        """Cancel and wait for the worker to let go (it stops inside the file it is writing, which is rolled back),
        so that the window can close without the worker signalling into deleted objects."""
        self._cancel.set()
        if self.running:
            self._ended.wait(timeout_s)

    def _work(self) -> ImportReport:
        with Store.open(self.data_dir) as store:
            return import_paths(
                store, self.paths, progress=self._progressed.emit, cancelled=self._cancel.is_set
            )

    def _finish(self, report: ImportReport) -> None:
        self.running = False
        self.finished.emit(report)

    def _fail(self, error: BaseException) -> None:
        self.running = False
        self.failed.emit(error)


class LibraryTask(QObject):
    """Runs `work(store)` on a pool thread with a connection of its own; `finished(result)` or
    `failed(error)` arrive on the UI thread. Writes share a one-thread pool, so they happen in
    the order they were asked for."""

    finished = Signal(object)
    failed = Signal(object)
    _done = Signal(object)
    _broke = Signal(object)

    def __init__(self, data_dir: Path, work: Callable[[Store], Any], parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.work = work
        self.running = False
        self._done.connect(self._finish)
        self._broke.connect(self._fail)

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        (pool or QThreadPool.globalInstance()).start(
            _Runnable(self._work, self._done.emit, self._broke.emit)
        )

    def _work(self) -> Any:
        with Store.open(self.data_dir) as store:
            return self.work(store)

    def _finish(self, result: Any) -> None:
        self.running = False
        self.finished.emit(result)
        self.deleteLater()

    def _fail(self, error: BaseException) -> None:
        self.running = False
        self.failed.emit(error)
        self.deleteLater()


class IntegrityCheck(QObject):
    """SQLite's check of the whole library file, in the background after the window opens;
    `checked(problems)` arrives on the UI thread ([] when sound or without a verdict). Closing
    the window stops it within a few thousand SQLite steps."""

    checked = Signal(object)  # list[str]: what the check found
    _done = Signal(object)

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._closing = threading.Event()
        self._done.connect(self.checked.emit)

    def start(self) -> None:
        self._pool.start(
            _Runnable(
                lambda: check_file(self.data_dir, self._closing.is_set),
                self._done.emit,
                lambda _error: self._done.emit([]),
            )
        )

    def shutdown(self) -> None:
        self._closing.set()
        self._pool.waitForDone(10_000)
