"""The word catch-up in the background: after the window opens and after each import.

core.wordstats.catch_up runs on a thread of its own with its own connection (one transaction a
day, cutting in worker processes), so the reader never waits; `progress` and `finished` arrive
on the UI thread. Asked again while running, it runs once more when it ends (the new import's
days were not pending when it started). Closing stops it after the day in flight.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from telereader.app.tasks import Pool, in_library, run_task, serial_pool
from telereader.core.pool import Pool as CorePool

MAX_WORKERS = 2  # the catch-up leaves a core's share to the reader on a small machine


def default_workers() -> int:
    return max(1, min(MAX_WORKERS, (os.cpu_count() or 1) - 1 or 1))


class WordCatchUp(QObject):
    progress = Signal(int, int)  # days done, days pending
    finished = Signal(object)  # core.wordstats.CatchUp, or None when it failed

    def __init__(
        self,
        data_dir: Path,
        parent: QObject | None = None,
        pool: Pool | None = None,
        workers: int | None = None,
    ):
        # Cutting runs in worker processes, never in the window's own process, even for one
        # day: jieba's dictionary takes a second of Python to load, which would hold the
        # window's interpreter (its UI thread included) for that long.
        super().__init__(parent)
        self.data_dir = data_dir
        self._pool = pool or serial_pool(self)
        self._workers = workers or default_workers()
        self._cutters: CorePool | None = None  # worker processes kept between catch-ups
        self._stop = threading.Event()
        self.running = False
        self._again = False

    def start_later(self, delay_ms: int) -> None:
        """Start once `delay_ms` have passed (not at all if the window closed meanwhile)."""
        QTimer.singleShot(delay_ms, self, self.start)

    def start(self) -> None:
        if self._stop.is_set():
            return  # closed
        if self.running:
            self._again = True
            return
        from telereader.core.wordstats import catch_up

        self.running, self._again = True, False

        if self._cutters is None:
            self._cutters = CorePool(self._workers)

        def work(store):
            return catch_up(
                store,
                pool=self._cutters,
                progress=self.progress.emit,  # queued to the UI thread
                should_stop=self._stop.is_set,
            )

        run_task(
            in_library(self.data_dir, work),
            self._ended,
            lambda _error: self._ended(None),
            pool=self._pool,
            parent=self,
        )

    def _ended(self, result) -> None:
        self.running = False
        self.finished.emit(result)
        if self._again and not self._stop.is_set():
            self.start()

    @property
    def closed(self) -> bool:
        """Shut down: answers still on their way (queued before the close) are for no one."""
        return self._stop.is_set()

    def shutdown(self) -> None:
        self._stop.set()
        wait = getattr(self._pool, "waitForDone", None)
        if wait is not None:
            wait(10_000)
        if self._cutters is not None:
            self._cutters.close(now=True)  # their work is for no one now
