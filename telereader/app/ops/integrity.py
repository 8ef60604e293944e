"""SQLite's check of the whole library file, in the background after the window opens."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from telereader.app.tasks import Pool, run_task, serial_pool
from telereader.core.recovery import check_file


class IntegrityCheck(QObject):
    """`checked(problems)` arrives on the UI thread ([] when sound or without a verdict).
    Closing the window stops it within a few thousand SQLite steps."""

    checked = Signal(object)  # list[str]: what the check found

    def __init__(self, data_dir: Path, parent: QObject | None = None, pool: Pool | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self._pool = pool or serial_pool(self)
        self._closing = threading.Event()

    def start(self) -> None:
        run_task(
            lambda: check_file(self.data_dir, self._closing.is_set),
            self.checked.emit,
            lambda _error: self.checked.emit([]),
            pool=self._pool,
            parent=self,
        )

    def shutdown(self) -> None:
        self._closing.set()
        wait = getattr(self._pool, "waitForDone", None)
        if wait is not None:
            wait(10_000)
