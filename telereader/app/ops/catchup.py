"""A catch-up of derived tables in the background (words, markets): a thread of its own with its
own connection, one transaction a day in the core, so the reader never waits; `progress` and
`finished` arrive on the UI thread. Asked again while running, it runs once more when it ends
(the new import's days were not pending when it started). Closing stops it after the day in
flight. Subclasses say what one run does (`work`) and what closing lets go of (`release`)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from telereader.app.tasks import Pool, in_library, run_task, serial_pool

MAX_WORKERS = 2  # a catch-up leaves a core's share to the reader on a small machine


def default_workers() -> int:
    return max(1, min(MAX_WORKERS, (os.cpu_count() or 1) - 1 or 1))


class CatchUp(QObject):
    progress = Signal(int, int)  # days done, days pending when it started
    finished = Signal(object)  # what `work` returned, or None when it failed

    def __init__(self, data_dir: Path, parent: QObject | None = None, pool: Pool | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self._pool = pool or serial_pool(self)
        self._stop = threading.Event()
        self.running = False
        self._again = False

    def work(self, store):
        """One run, on the catch-up's thread (stop when `self._stop` is set)."""
        raise NotImplementedError

    def release(self) -> None:
        """What closing lets go of once the run in flight has ended."""

    def start_later(self, delay_ms: int) -> None:
        """Start once `delay_ms` have passed (not at all if the window closed meanwhile)."""
        QTimer.singleShot(delay_ms, self, self.start)

    def start(self) -> None:
        if self._stop.is_set():
            return  # closed
        if self.running:
            self._again = True
            return
        self.running, self._again = True, False
        run_task(
            in_library(self.data_dir, self.work),
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
        self.release()
