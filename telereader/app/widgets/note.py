"""The note box: as tall as its text, from a few lines up to a limit, then it scrolls."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget

MIN_LINES = 3  # an empty note is a small box, not a large empty one
MAX_LINES = 12  # beyond this the box scrolls


class NoteEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    @property
    def lines(self) -> int:
        """The lines the text takes as wrapped at the box's width."""
        return max(1, round(self.document().documentLayout().documentSize().height()))

    def height_for(self, lines: int) -> int:
        margins = self.contentsMargins()
        document = 2 * self.document().documentMargin()
        text = lines * self.fontMetrics().lineSpacing()
        return round(text + document + margins.top() + margins.bottom())

    def _fit(self, *_args) -> None:
        lines = max(MIN_LINES, min(MAX_LINES, self.lines))
        height = self.height_for(lines)
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()  # a narrower box wraps into more lines

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()
