"""The filter bar: 全部 and four toggles; `changed(ItemFilter)` after each change."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from telereader.app.i18n import QT_TR_NOOP, tr
from telereader.app.widgets.look import FilterButton
from telereader.core.filters import ItemFilter

FILTERS = (
    ("unread", QT_TR_NOOP("未读")),
    ("important", QT_TR_NOOP("加红")),
    ("starred", QT_TR_NOOP("星标")),
    ("hide_teasers", QT_TR_NOOP("隐藏预告")),
)


class FilterBar(QWidget):
    changed = Signal(object)  # ItemFilter

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        all_button = QToolButton(self)
        all_button.setObjectName("filter_all")
        all_button.setText(tr("全部"))
        all_button.clicked.connect(self.clear)
        layout.addWidget(all_button)
        self.buttons: dict[str, FilterButton] = {}
        for key, label in FILTERS:
            button = FilterButton(self)
            button.setObjectName(f"filter_{key}")
            button.setText(tr(label))
            button.setCheckable(True)
            button.toggled.connect(lambda _on: self.changed.emit(self.current()))
            layout.addWidget(button)
            self.buttons[key] = button
        layout.addStretch(1)

    def current(self) -> ItemFilter:
        checked = self.checked()
        return ItemFilter(
            unread_only=checked["unread"],
            important_only=checked["important"],
            starred_only=checked["starred"],
            hide_teasers=checked["hide_teasers"],
        )

    def checked(self) -> dict[str, bool]:
        return {key: button.isChecked() for key, button in self.buttons.items()}

    def set_checked(self, checked: dict[str, bool]) -> None:
        """Set the toggles without `changed` (settings coming back)."""
        for key, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(checked.get(key, False))
            button.blockSignals(False)

    def clear(self) -> None:
        self.set_checked({})
        self.changed.emit(self.current())
