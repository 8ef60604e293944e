"""Two parts of the watchlists dialog: a list's options (titles only, 加红 only, alert), and the
preview of what the keyword line under the cursor would light up, counted in the background
(the newest line wins; a count still running for an older one is interrupted)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from telereader.app.i18n import tr
from telereader.app.tasks import run_task, serial_pool
from telereader.core.keywords import KeywordError, WatchOptions, parse_keyword
from telereader.core.store import Store

PREVIEW_DELAY_MS = 250  # the preview follows the line this long after the last keystroke
PREVIEW_TITLES = 3
_PROGRESS_STEPS = 20_000  # SQLite steps between two looks at whether the count is stale


class OptionsRow(QWidget):
    """Three check boxes; `changed` carries the options the reader set."""

    changed = Signal(object)  # WatchOptions

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.titles_only = QCheckBox(tr("只匹配标题"), self)
        self.titles_only.setObjectName("watch_titles_only")
        self.important_only = QCheckBox(tr("只匹配加红"), self)
        self.important_only.setObjectName("watch_important_only")
        self.alert = QCheckBox(tr("新命中时提醒"), self)
        self.alert.setObjectName("watch_alert")
        self.alert.setToolTip(tr("关闭后，导入带来的新命中照样标记、出现在关注视图，但不再弹出提醒"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes:
            layout.addWidget(box)
            box.toggled.connect(lambda _checked: self.changed.emit(self.options()))
        layout.addStretch(1)

    @property
    def boxes(self) -> tuple[QCheckBox, QCheckBox, QCheckBox]:
        return self.titles_only, self.important_only, self.alert

    def options(self) -> WatchOptions:
        return WatchOptions(
            self.titles_only.isChecked(), self.important_only.isChecked(), self.alert.isChecked()
        )

    def show_options(self, options: WatchOptions | None) -> None:
        """Show a list's options without announcing them as a change; None: no list."""
        shown = options or WatchOptions()
        for box, value in zip(
            self.boxes, (shown.titles_only, shown.important_only, shown.alert), strict=True
        ):
            box.blockSignals(True)
            box.setChecked(value)
            box.setEnabled(options is not None)
            box.blockSignals(False)


class KeywordPreview(QLabel):
    """“This line lights up N items: title; title…”, for the line being typed."""

    shown = Signal()  # a preview arrived (tests wait for it)

    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("watch_preview")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.data_dir = data_dir
        self._pool = serial_pool(self)
        self._number = 0  # the newest request; read by the worker to see it is stale
        self._waiting: tuple[int, str, WatchOptions] | None = None
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._next)

    def preview(self, line: str, options: WatchOptions) -> None:
        """Count what `line` would light up under `options`, once typing pauses."""
        self._number += 1
        keyword = _keyword(line)
        if keyword is None:
            self._waiting = None
            self._timer.stop()
            self.clear()
            return
        self._waiting = (self._number, line, options)
        self._timer.start()

    def _next(self) -> None:
        if self._running or self._waiting is None:
            return  # the one running starts the waiting one when it ends
        number, line, options = self._waiting
        self._waiting = None
        self._running = True
        run_task(
            lambda: self._count(number, line, options),
            lambda result: self._answered(number, result),
            lambda _error: self._answered(number, None),  # interrupted, or the library is busy
            pool=self._pool,
            parent=self,
        )

    def _count(self, number: int, line: str, options: WatchOptions) -> tuple[int, list[str]]:
        """On the preview's thread: how many items, and the titles of the newest few."""
        from telereader.core.watch_matching import matching_seqs

        keyword = _keyword(line)
        assert keyword is not None
        with Store.open(self.data_dir) as store:
            store.conn.set_progress_handler(lambda: number != self._number, _PROGRESS_STEPS)
            seqs = matching_seqs(store.conn, options, keyword)
            newest = store.items_by_seq(sorted(seqs, reverse=True)[:PREVIEW_TITLES])
        return len(seqs), [(item.title or item.body)[:40] for item in newest]

    def _answered(self, number: int, result: tuple[int, list[str]] | None) -> None:
        self._running = False
        if number == self._number and result is not None:
            count, titles = result
            if count == 0:
                self.setText(tr("这一行目前没有命中"))
            else:
                self.setText(
                    tr("这一行命中 %n 条", "", count) + tr("，最新：") + "；".join(titles)
                )
            self.shown.emit()
        self._next()


    def shutdown(self) -> None:
        """Before the dialog goes: a count still running is interrupted and waited for."""
        self._number += 1
        self._waiting = None
        self._timer.stop()
        self._pool.waitForDone(10_000)


def _keyword(line: str):
    try:
        return parse_keyword(line)
    except (KeywordError, sqlite3.Error):
        return None
