"""A bar chart of matching items per period, painted with QPainter: hover a bar for its count,
click it to open its day. Knows nothing of the app: it is given bars and says which was clicked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from telereader.app.i18n import tr

CHART_HEIGHT = 72
MARGIN = 4
LABEL_HEIGHT = 14


@dataclass(frozen=True)
class Bar:
    label: str  # the period: 2026-01-14, 2026-W03, 2026-01
    first_day: dt.date
    count: int


class TrendChart(QWidget):
    day_clicked = Signal(object)  # dt.date: the first day of the bar clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trend_chart")
        self.setMouseTracking(True)
        self.setFixedHeight(CHART_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.bars: list[Bar] = []
        self.total = 0
        self.hovered: int | None = None
        self.hide()

    def show_bars(self, bars: Sequence[Bar], total: int) -> None:
        self.bars, self.total, self.hovered = list(bars), total, None
        self.setVisible(bool(self.bars))
        self.update()

    def _plot(self) -> QRectF:
        return QRectF(MARGIN, MARGIN, self.width() - 2 * MARGIN,
                      self.height() - 2 * MARGIN - LABEL_HEIGHT)  # fmt: skip

    def bar_at(self, x: float) -> int | None:
        plot = self._plot()
        if not self.bars or not plot.left() <= x < plot.right():
            return None
        return min(len(self.bars) - 1, int((x - plot.left()) / plot.width() * len(self.bars)))

    def bar_centre(self, index: int) -> QPoint:
        """Where bar `index` stands (tests click there)."""
        plot = self._plot()
        width = plot.width() / len(self.bars)
        return QPoint(int(plot.left() + (index + 0.5) * width), int(plot.bottom() - 1))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        palette = self.palette()
        plot = self._plot()
        highest = max(bar.count for bar in self.bars) or 1
        width = plot.width() / len(self.bars)
        gap = 1.0 if width > 3 else 0.0
        for index, bar in enumerate(self.bars):
            if not bar.count:
                continue
            height = max(1.0, plot.height() * bar.count / highest)
            colour = palette.highlight() if index == self.hovered else palette.mid()
            painter.fillRect(
                QRectF(plot.left() + index * width, plot.bottom() - height,
                       max(1.0, width - gap), height),
                colour,
            )  # fmt: skip
        painter.setPen(palette.text().color())
        label_box = QRectF(plot.left(), plot.bottom() + 1, plot.width(), LABEL_HEIGHT)
        painter.drawText(label_box, Qt.AlignmentFlag.AlignLeft, self.bars[0].label)
        painter.drawText(label_box, Qt.AlignmentFlag.AlignRight, self.bars[-1].label)
        painter.drawText(
            label_box, Qt.AlignmentFlag.AlignHCenter,
            tr("共 %1 条，最多 %2 条").replace("%1", str(self.total)).replace("%2", str(highest)),
        )  # fmt: skip
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().x())
        if index != self.hovered:
            self.hovered = index
            self.update()
        if index is None:
            QToolTip.hideText()
            return
        bar = self.bars[index]
        text = tr("%1：%2 条").replace("%1", bar.label).replace("%2", str(bar.count))
        self.setToolTip(text)
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def leaveEvent(self, event) -> None:
        self.hovered = None
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self.day_clicked.emit(self.bars[index].first_day)
