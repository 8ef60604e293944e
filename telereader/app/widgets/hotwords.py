"""The hot-word strip over the timeline: what the day is about, and what is heating up (升温).

Two rows of flat word buttons; a click asks for a search of that word. Knows nothing of the
app: it is given (word, count) pairs and says which word was clicked.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from telereader.app.i18n import tr

HOT_SHOWN = 10
RISING_SHOWN = 6


class HotWordStrip(QWidget):
    word_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hot_words")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(0)
        self.hot_row, self.hot_label = self._row(layout, tr("热词"))
        self.rising_row, self.rising_label = self._row(layout, tr("升温"))
        self.hot_label.setToolTip(tr("这一天相对整个资料库最突出的词；点击即搜索"))
        self.rising_label.setToolTip(
            tr("最近七天远比之前常见的词（对数似然比）；“新”为之前从未出现")
        )
        self._row_buttons: tuple[list[QToolButton], list[QToolButton]] = ([], [])  # hot, rising
        # The words take the width the timeline has, never more: a row of ten words asking
        # for its width widened the timeline's column whenever the words changed (the word
        # catch-up changes them), and every row of the timeline was measured again, a UI
        # stall of 50-100 ms. The words that do not fit are left out (`_fit`).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hide()

    def _row(self, layout: QVBoxLayout, title: str) -> tuple[QHBoxLayout, QLabel]:
        row = QHBoxLayout()
        row.setSpacing(2)
        label = QLabel(title, self)
        label.setStyleSheet("color: palette(mid); font-weight: bold;")
        row.addWidget(label)
        row.addStretch(1)
        layout.addLayout(row)
        return row, label

    def show_words(
        self,
        hot: Sequence[tuple[str, int]],
        rising: Sequence[tuple[str, int, bool]] = (),
    ) -> None:
        """hot: (word, items); rising: (word, items, new). Hidden when there is nothing."""
        for button in self.buttons:
            button.setParent(None)
            button.deleteLater()
        self._row_buttons = ([], [])
        for word, count in hot[:HOT_SHOWN]:
            self._add(0, word, word, tr("%1 条").replace("%1", str(count)))
        new_mark = tr("新")  # never seen before the week
        for word, count, new in rising[:RISING_SHOWN]:
            text = f"{word}·{new_mark}" if new else word
            self._add(1, word, text, tr("%1 条").replace("%1", str(count)))
        self.rising_label.setVisible(bool(rising))
        self.setVisible(bool(hot) or bool(rising))
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Show each row's words, best first, as far as the strip's width goes."""
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        rows = ((self.hot_row, self.hot_label), (self.rising_row, self.rising_label))
        for (row, label), buttons in zip(rows, self._row_buttons, strict=True):
            used = label.sizeHint().width() + row.spacing()
            for button in buttons:
                used += button.sizeHint().width() + row.spacing()
                button.setVisible(used <= room)

    def _add(self, which: int, word: str, text: str, tip: str) -> None:
        """A word button at the end of the hot (0) or rising (1) row."""
        row = (self.hot_row, self.rising_row)[which]
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setObjectName("hot_word")
        button.clicked.connect(lambda: self.word_clicked.emit(word))
        row.insertWidget(row.count() - 1, button)  # before the stretch
        self._row_buttons[which].append(button)

    @property
    def buttons(self) -> list[QToolButton]:
        """The word buttons, hot then rising, best first, shown or left out by `_fit`."""
        return [*self._row_buttons[0], *self._row_buttons[1]]

    def words_shown(self) -> list[str]:
        """The words the strip shows (those that fit its width)."""
        return [button.text() for button in self.buttons if button.isVisibleTo(self)]
