"""The word catch-up in the background: after the window opens and after each import.

core.wordstats.catch_up runs on a thread of its own with its own connection (one transaction a
day, cutting in worker processes), so the reader never waits; `progress` and `finished` arrive
on the UI thread. Asked again while running, it runs once more when it ends (the new import's
days were not pending when it started). Closing stops it after the day in flight.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from telereader.app.ops.catchup import CatchUp, default_workers
from telereader.app.tasks import Pool
from telereader.core.pool import Pool as CorePool


class WordCatchUp(CatchUp):
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
        super().__init__(data_dir, parent, pool)
        self._workers = workers or default_workers()
        self._cutters: CorePool | None = None  # worker processes kept between catch-ups

    def work(self, store):
        from telereader.core.wordstats import catch_up

        if self._cutters is None:
            self._cutters = CorePool(self._workers)
        return catch_up(
            store,
            pool=self._cutters,
            progress=self.progress.emit,  # queued to the UI thread
            should_stop=self._stop.is_set,
        )

    def release(self) -> None:
        if self._cutters is not None:
            self._cutters.close(now=True)  # their work is for no one now
