"""Row heights that keep a day switch fast: a list with rows of their own heights asks for every
row's height when it shows a model, and measuring a wrapped row exactly (shaping its text) costs
about half a millisecond here, so a day of 300 rows would take 150 ms.

So the first rows asked for in one go (the top of the list, which is what shows first) are
measured exactly within a small time budget, the rest get an estimate from their length, and an
idle timer measures those afterwards, a few milliseconds at a time; when estimates turned out
wrong, `changed` asks the list to lay its rows out again (from the cache, cheap). A row painted
before it was measured is measured then, and asks the same.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import QStyleOptionViewItem

from telereader.app.models import ItemRole

BUDGET_S = 0.006  # exact measuring allowed per burst of layout, and per idle step
KEPT = 20_000  # heights remembered (a few weeks of days); then forgotten all at once

Measure = Callable[[QStyleOptionViewItem, QModelIndex], int]


class RowHeights(QObject):
    changed = Signal()  # some rows were laid out at an estimate that was wrong

    def __init__(self, measure: Measure, parent: QObject | None = None):
        super().__init__(parent)
        self._measure = measure
        self._exact: dict[tuple, int] = {}
        self._estimated: dict[tuple, int] = {}
        self._pending: deque[tuple[tuple, QAbstractItemModel, int]] = deque()
        self._option: QStyleOptionViewItem | None = None
        self._spent = 0.0
        self._filled = 0  # pixels of rows measured in this burst
        self._wrong = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._settle)

    def exact(self, key: tuple) -> int | None:
        return self._exact.get(key)

    def height(
        self,
        key: tuple,
        option: QStyleOptionViewItem,
        index: QModelIndex,
        estimate: Callable[[], int],
        room: int = 1 << 30,
    ) -> int:
        """The row's height: exact when known, or while the rows measured in this burst do
        not yet fill `room` pixels (what the list shows) and the budget allows; else an
        estimate."""
        known = self._exact.get(key)
        if known is not None:
            return known
        if key in self._estimated:
            return self._estimated[key]
        if self._spent < BUDGET_S and self._filled < room:
            exact = self._measured(key, option, index)
            self._filled += exact
            return exact
        guess = estimate()
        self._estimated[key] = guess
        if not self._pending:
            self._option = QStyleOptionViewItem(option)
            self._timer.start()
        self._pending.append((key, index.model(), index.row()))
        return guess

    def painted(self, key: tuple, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """A row is painted at `option.rect`: if that was an estimate, measure it now."""
        if key in self._exact:
            return
        exact = self._measured(key, option, index)
        if exact != self._estimated.pop(key, exact):
            self._wrong = True
            self._timer.start()

    def _measured(self, key: tuple, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        began = time.perf_counter()
        if len(self._exact) >= KEPT:
            self._exact.clear()
        exact = self._exact[key] = self._measure(option, index)
        self._spent += time.perf_counter() - began
        self._timer.start()  # the next turn of the event loop starts a new budget
        return exact

    def _settle(self) -> None:
        """Measure estimated rows for a few milliseconds; when none is left, say whether any
        estimate was wrong."""
        self._spent, self._filled = 0.0, 0
        began = time.perf_counter()
        while self._pending and time.perf_counter() - began < BUDGET_S:
            key, model, row = self._pending.popleft()
            index = model.index(row, 0) if shiboken6.isValid(model) else QModelIndex()
            if key in self._exact or self._option is None or not self._still(index, key):
                self._estimated.pop(key, None)
                continue
            exact = self._exact[key] = self._measure(self._option, index)
            if exact != self._estimated.pop(key, exact):
                self._wrong = True
        self._spent = 0.0
        if self._pending:
            self._timer.start()
        elif self._wrong:
            self._wrong = False
            self.changed.emit()

    @staticmethod
    def _still(index: QModelIndex, key: tuple) -> bool:
        """The row still shows the item the height was asked for (models reset meanwhile)."""
        item = index.data(ItemRole) if index.isValid() else None
        return item is not None and item.id == key[0][0]

    @property
    def settled(self) -> bool:
        """Every row asked for has its exact height."""
        return not self._pending and not self._timer.isActive()

    def clear(self) -> None:
        self._exact.clear()
        self._estimated.clear()
        self._pending.clear()
