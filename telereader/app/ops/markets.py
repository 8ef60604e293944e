"""The market catch-up in the background: a couple of seconds after the window shows, and after
each import (copying the word catch-up's pattern, app/ops/words.py).

core.markets.catch_up runs on a thread of its own with its own connection, one transaction a
day, newest days first, so the reader never waits and an interrupted catch-up resumes where it
stopped; `progress` and `finished` arrive on the UI thread. Asked again while running, it runs
once more when it ends (the new import's days were not stale when it started). Closing stops it
after the day in flight. Many stale days (a library from before the market layer) are read in
worker processes (core/pool.py, at most two on a small machine), a few in this thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from telereader.app.ops.words import default_workers
from telereader.app.tasks import Pool, in_library, run_task, serial_pool


class MarketCatchUp(QObject):
    progress = Signal(int, int)  # days done, days stale when it started
    finished = Signal(object)  # days extracted, or None when it failed

    def __init__(self, data_dir: Path, parent: QObject | None = None, pool: Pool | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self._pool = pool or serial_pool(self)
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
        from telereader.core.markets import catch_up

        self.running, self._again = True, False

        def work(store) -> int:
            return catch_up(
                store,
                cancelled=self._stop.is_set,
                progress=self.progress.emit,  # queued to the UI thread
                workers=default_workers(),
            )

        run_task(
            in_library(self.data_dir, work),
            self._ended,
            lambda _error: self._ended(None),
            pool=self._pool,
            parent=self,
        )

    def _ended(self, result: int | None) -> None:
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
