"""The window's three columns: the calendar (collapsible), the timeline (the main area: the item
list with the search bar and filters above it) and the detail as a side panel on the right, in
one horizontal splitter whose proportions follow the window."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

CALENDAR_WIDTH = 230  # px: a month's grid and the view buttons, two to a row
TIMELINE_SHARE = 0.6  # of the width the calendar leaves; the detail has the remainder
CALENDAR, TIMELINE, DETAIL = range(3)


def default_sizes(width: int, calendar_width: int = CALENDAR_WIDTH) -> list[int]:
    """The columns' widths for a splitter `width` px wide."""
    rest = max(0, width - calendar_width)
    timeline = round(rest * TIMELINE_SHARE)
    return [calendar_width, timeline, rest - timeline]


def timeline_column(parent: QWidget, above: tuple[QWidget, ...], items: QWidget) -> QWidget:
    """The panels `above` (banners, search bar, filters) over the item list, which takes the
    height left."""
    column = QWidget(parent)
    column.setObjectName("timeline")
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for panel in above:
        layout.addWidget(panel)
    layout.addWidget(items, 1)
    return column


def day_label(parent: QWidget) -> QLabel:
    """The day shown, above the timeline while the calendar is collapsed."""
    label = QLabel(parent)
    label.setObjectName("day_label")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class Columns(QSplitter):
    """calendar | timeline | detail. On resizing, the calendar keeps its width and the timeline
    and the detail share the rest in the proportion they had (QSplitter grows the widgets with
    a stretch factor in proportion to their sizes)."""

    def __init__(self, calendar: QWidget, timeline: QWidget, detail: QWidget, parent: QWidget):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("main_splitter")
        for widget in (calendar, timeline, detail):
            self.addWidget(widget)
        self.setStretchFactor(CALENDAR, 0)
        self.setStretchFactor(TIMELINE, 1)
        self.setStretchFactor(DETAIL, 1)
        self.setChildrenCollapsible(False)  # the calendar hides by its own toggle, not by a drag

    def calendar_width(self) -> int:
        return max(CALENDAR_WIDTH, self.widget(CALENDAR).minimumSizeHint().width())

    def use_default_sizes(self, width: int) -> None:
        self.setSizes(default_sizes(width, self.calendar_width()))

    def restore(self, saved: object) -> bool:
        """The reader's saved positions, when they are a state of these columns that leaves
        every shown column room; else the default proportions."""
        if (
            isinstance(saved, QByteArray | bytes)
            and self.restoreState(QByteArray(saved))
            and all(size > 0 for size in self.sizes())
        ):
            return True
        self.use_default_sizes(self.window().width())
        return False

    def set_calendar_shown(self, shown: bool) -> None:
        calendar = self.widget(CALENDAR)
        if calendar.isHidden() != shown:
            return
        calendar.setVisible(shown)
        if shown and self.sizes()[CALENDAR] < self.calendar_width():
            self.use_default_sizes(sum(self.sizes()))  # it comes back at its width
