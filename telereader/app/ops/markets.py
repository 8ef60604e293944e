"""The market catch-up in the background: a couple of seconds after the window shows, and after
each import (app/ops/catchup.py).

core.markets.catch_up runs on a thread of its own with its own connection, one transaction a
day, newest days first, so the reader never waits and an interrupted catch-up resumes where it
stopped; `progress` and `finished` arrive on the UI thread. Asked again while running, it runs
once more when it ends (the new import's days were not stale when it started). Closing stops it
after the day in flight. Many stale days (a library from before the market layer) are read in
worker processes (core/pool.py, at most two on a small machine), a few in this thread.
"""

from __future__ import annotations

from telereader.app.ops.catchup import CatchUp, default_workers


class MarketCatchUp(CatchUp):
    def work(self, store) -> int:
        from telereader.core.markets import catch_up

        return catch_up(
            store,
            cancelled=self._stop.is_set,
            progress=self.progress.emit,  # queued to the UI thread
            workers=default_workers(),
        )
