"""Words to add to a watchlist: those that often occur with its keywords (core/suggest.py),
found in the background while the reader edits the list; a click adds one as a keyword."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from telereader.app.i18n import tr
from telereader.app.tasks import in_library, run_task, serial_pool


class SuggestionRow(QWidget):
    word_chosen = Signal(str)
    shown = Signal()  # suggestions arrived (tests wait for it)

    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("watch_suggestions")
        self.data_dir = data_dir
        self._pool = serial_pool(self)
        self._number = 0
        self.buttons: list[QToolButton] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        label = QLabel(tr("常一起出现："), self)
        label.setToolTip(tr("在这个列表的命中里远比别处常见的词；点击加为关键词"))
        self._layout.addWidget(label)
        self._layout.addStretch(1)
        self.hide()

    def show_for(self, watchlist_id: int | None, keywords: list[str]) -> None:
        from telereader.core.suggest import suggestions

        self._number += 1
        number = self._number
        if watchlist_id is None:
            self._show([])
            return

        def done(found) -> None:
            if number == self._number:
                self._show([entry.word for entry in found])

        run_task(
            in_library(self.data_dir, lambda store: suggestions(store, watchlist_id, keywords)),
            done, lambda _error: None, pool=self._pool, parent=self,
        )  # fmt: skip

    def _show(self, words: list[str]) -> None:
        for button in self.buttons:
            button.setParent(None)
            button.deleteLater()
        self.buttons = []
        for word in words:
            button = QToolButton(self)
            button.setText(word)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, word=word: self.word_chosen.emit(word))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self.buttons.append(button)
        self.setVisible(bool(words))
        self.shown.emit()

    def shutdown(self) -> None:
        self._number += 1
        self._pool.waitForDone(10_000)
