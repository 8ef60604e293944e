"""Searches run on a thread of their own; the newest request wins.

While the reader types, requests may arrive faster than a search can finish (a common
character's count at ten years, a term the index cannot decide re-read against the text). Only one search runs at a time on a dedicated thread with its own
connection; a request made meanwhile replaces any still waiting, and results of a request that
is no longer the newest are dropped, so the list never flickers through stale answers.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from telereader.app.tasks import Pool, run_task, serial_pool
from telereader.core.filters import ItemFilter
from telereader.core.library_errors import SQLITE_INTERRUPT, sqlite_code
from telereader.core.note_search import search_with_notes as search  # items and notes
from telereader.core.search import SearchResult
from telereader.core.store import Store

PROGRESS_STEPS = 20_000  # SQLite virtual-machine steps between two looks at `_stale`


@dataclass(frozen=True)
class SearchRequest:
    number: int
    text: str
    search_filter: ItemFilter
    best_first: bool
    offset: int
    limit: int
    notes_only: bool = False  # search the reader's notes only


class SearchService(QObject):
    """`finished` and `failed` are emitted on the UI thread: each search runs as one task of
    the shared runner (`run_task`) on a one-thread pool, and the next waiting request starts
    when its answer is in."""

    finished = Signal(object, object)  # SearchRequest, SearchResult
    failed = Signal(object, object)  # SearchRequest, exception

    def __init__(self, data_dir: Path, parent: QObject | None = None, pool: Pool | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self._pool = pool or serial_pool(self)
        self._lock = threading.Lock()
        self._waiting: SearchRequest | None = None
        self._running = False
        self._store: Store | None = None  # opened and used on the search thread only
        self._counter = 0
        self._closing = False
        self.latest = 0

    def request(
        self,
        text: str,
        search_filter: ItemFilter,
        best_first: bool = False,
        offset: int = 0,
        limit: int = 100,
        notes_only: bool = False,
    ) -> SearchRequest:
        self._counter += 1
        request = SearchRequest(
            self._counter, text, search_filter, best_first, offset, limit, notes_only
        )
        if offset == 0:
            self.latest = request.number  # a new search: earlier ones are stale
        with self._lock:
            self._waiting = request
            start = not self._running
            self._running = True
        if start:
            self._next()
        return request

    @property
    def answering(self) -> bool:
        """A search asked for has not answered yet."""
        with self._lock:
            return self._running

    def is_current(self, request: SearchRequest) -> bool:
        return request.number >= self.latest

    def _next(self) -> None:
        """Start the request waiting, if any (a newer one replaced those before it)."""
        with self._lock:
            request, self._waiting = self._waiting, None
            if request is None or self._closing:
                self._running = False
                return
        run_task(
            lambda: self._execute(request),
            self._answered,
            lambda error: self._broke(request, error),
            pool=self._pool,
            parent=self,
        )

    def _answered(self, answer: tuple[SearchRequest, SearchResult] | None) -> None:
        if answer is not None:
            self.finished.emit(*answer)
        self._next()

    def _broke(self, request: SearchRequest, error: BaseException) -> None:
        self.failed.emit(request, error)
        self._next()

    def _execute(self, request: SearchRequest) -> tuple[SearchRequest, SearchResult] | None:
        """On the search thread: the answer, or None when a newer request (or the closing
        window) interrupted it."""
        for attempt in range(2):
            try:
                if self._store is None:
                    self._store = Store.open(self.data_dir)
                    # SQLite asks this every few thousand steps of any statement: a search
                    # still running when a newer one waits (or the window closes) is stale,
                    # so it stops there instead of making the reader wait for a scan of a
                    # decade the index cannot narrow.
                    self._store.conn.set_progress_handler(self._stale, PROGRESS_STEPS)
                result: SearchResult = search(
                    self._store,
                    request.text,
                    limit=request.limit,
                    offset=request.offset,
                    search_filter=request.search_filter,
                    best_first=request.best_first,
                    notes_only=request.notes_only,
                )
            except sqlite3.OperationalError as error:
                if sqlite_code(error) != SQLITE_INTERRUPT:
                    raise
                with self._lock:
                    superseded = self._waiting is not None or self._closing
                if superseded:
                    return None  # the newer request runs next, or the window is closing
                if attempt == 1:
                    raise
                # else the interruption was meant for the search before this one: again
            else:
                return request, result
        return None

    def _stale(self) -> bool:
        return self._closing or self._waiting is not None

    def shutdown(self) -> None:
        """Stop: drop what waits, stop what runs, close the connection."""
        with self._lock:
            self._waiting = None
            self._closing = True
        wait = getattr(self._pool, "waitForDone", None)
        if wait is not None:
            wait(5000)
        if self._store is not None:
            self._store.close()
            self._store = None
