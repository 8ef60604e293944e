"""The status bar's own widgets: the counts of the list shown, import progress and cancel."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from telereader.app.i18n import tr


class StatusPanel(QObject):
    cancel_wanted = Signal()

    def __init__(self, bar: QStatusBar):
        super().__init__(bar)
        self.bar = bar
        self.counts_label = QLabel(bar)
        self.counts_label.setObjectName("counts")
        self.progress = QProgressBar(bar)
        self.progress.setObjectName("import_progress")
        self.progress.setMaximumWidth(220)
        self.progress_label = QLabel(bar)
        self.cancel_button = QPushButton(tr("取消导入"), bar)
        self.cancel_button.setObjectName("cancel_import")
        self.cancel_button.clicked.connect(self.cancel_wanted)
        bar.addWidget(self.counts_label, 1)
        for widget in self._import_widgets():
            bar.addPermanentWidget(widget)
            widget.hide()

    def _import_widgets(self) -> tuple:
        return (self.progress_label, self.progress, self.cancel_button)

    def show_counts(self, text: str) -> None:
        self.counts_label.setText(text)

    def say(self, text: str, timeout_ms: int) -> None:
        self.bar.showMessage(text, timeout_ms)

    def import_started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress_label.setText(tr("正在导入…"))
        for widget in self._import_widgets():
            widget.show()

    def import_progress(self, done: int, total: int, items: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress_label.setText(
            tr("正在导入 %1/%2 个文件，%3 条")
            .replace("%1", str(done))
            .replace("%2", str(total))
            .replace("%3", str(items))
        )

    def import_cancelling(self) -> None:
        self.progress_label.setText(tr("正在取消…"))

    def import_ended(self) -> None:
        for widget in self._import_widgets():
            widget.hide()
