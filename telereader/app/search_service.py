"""Searches run on a thread of their own; the newest request wins.

While the reader types, requests arrive faster than a slow search (a punctuation-only query
scans the library) can finish. Only one search runs at a time on a dedicated thread with its own
connection; a request made meanwhile replaces any still waiting, and results of a request that
is no longer the newest are dropped, so the list never flickers through stale answers.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from telereader.core.search import SearchFilter, SearchResult, search
from telereader.core.store import Store

PROGRESS_STEPS = 20_000  # SQLite virtual-machine steps between two looks at `_stale`


@dataclass(frozen=True)
class SearchRequest:
    number: int
    text: str
    search_filter: SearchFilter
    best_first: bool
    offset: int
    limit: int


class _Run(QRunnable):
    def __init__(self, service: SearchService, request: SearchRequest):
        super().__init__()
        self.service, self.request = service, request

    def run(self) -> None:
        self.service._execute(self.request)


class SearchService(QObject):
    """Public signals are emitted on the UI thread only: the search thread emits the private
    ones, which Qt queues to this object's thread, where they are passed on."""

    finished = Signal(object, object)  # SearchRequest, SearchResult
    failed = Signal(object, object)  # SearchRequest, exception
    _answered = Signal(object, object)
    _broke = Signal(object, object)

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._lock = threading.Lock()
        self._waiting: SearchRequest | None = None
        self._running = False
        self._store: Store | None = None  # opened and used on the search thread only
        self._counter = 0
        self._closing = False
        self.latest = 0
        self._answered.connect(self._pass_on_answer)
        self._broke.connect(self._pass_on_failure)

    def _pass_on_answer(self, request: SearchRequest, result: SearchResult) -> None:
        self.finished.emit(request, result)

    def _pass_on_failure(self, request: SearchRequest, error: BaseException) -> None:
        self.failed.emit(request, error)

    def request(
        self,
        text: str,
        search_filter: SearchFilter,
        best_first: bool = False,
        offset: int = 0,
        limit: int = 100,
    ) -> SearchRequest:
        self._counter += 1
        request = SearchRequest(self._counter, text, search_filter, best_first, offset, limit)
        if offset == 0:
            self.latest = request.number  # a new search: earlier ones are stale
        with self._lock:
            self._waiting = request
            start = not self._running
            self._running = True
        if start:
            self._pool.start(_Run(self, request))
        return request

    def is_current(self, request: SearchRequest) -> bool:
        return request.number >= self.latest

    def _execute(self, request: SearchRequest) -> None:
        while True:
            with self._lock:
                if self._waiting is not None:
                    request, self._waiting = self._waiting, None
                else:
                    self._running = False
                    return
            for attempt in range(2):
                try:
                    if self._store is None:
                        self._store = Store.open(self.data_dir)
                        # SQLite asks this every few thousand steps of any statement: a search
                        # still running when a newer one waits (or the window closes) is stale,
                        # so it stops there instead of making the reader wait for a scan of a
                        # decade the index cannot narrow.
                        self._store.db.conn.set_progress_handler(self._stale, PROGRESS_STEPS)
                    result: SearchResult = search(
                        self._store,
                        request.text,
                        limit=request.limit,
                        offset=request.offset,
                        search_filter=request.search_filter,
                        best_first=request.best_first,
                    )
                except sqlite3.OperationalError as error:
                    if "interrupt" not in str(error):
                        self._broke.emit(request, error)
                        break
                    with self._lock:
                        superseded = self._waiting is not None or self._closing
                    if superseded:
                        break  # the newer request runs next, or the window is closing
                    if attempt == 1:
                        self._broke.emit(request, error)
                    # else the interruption was meant for the search before this one: again
                except Exception as error:  # delivered to the window, which says what went wrong
                    self._broke.emit(request, error)
                    break
                else:
                    self._answered.emit(request, result)
                    break

    def _stale(self) -> bool:
        return self._closing or self._waiting is not None

    def shutdown(self) -> None:
        """Stop: drop what waits, stop what runs, close the connection."""
        with self._lock:
            self._waiting = None
            self._closing = True
        self._pool.waitForDone(5000)
        if self._store is not None:
            self._store.close()
            self._store = None
