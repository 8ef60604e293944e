"""The status bar's own widgets: the counts of the list shown, import progress and cancel, the
zoom level."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from telereader.app.i18n import tr
from telereader.core.model import ImportReport


class StatusPanel(QObject):
    cancel_wanted = Signal()
    report_wanted = Signal()  # the last import's report, asked for

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
        self.import_summary = QLabel(bar)
        self.import_summary.setObjectName("import_summary")
        self.report_button = QPushButton(tr("报告"), bar)
        self.report_button.setObjectName("import_report")
        self.report_button.setFlat(True)
        self.report_button.setToolTip(tr("查看这次导入的逐个文件报告"))
        self.report_button.clicked.connect(self.report_wanted)
        self.zoom_label = QLabel(bar)
        self.zoom_label.setObjectName("zoom_level")
        self.zoom_label.setToolTip(tr("字号：Ctrl+= 放大，Ctrl+- 缩小，Ctrl+0 还原"))
        bar.addWidget(self.counts_label, 1)
        for widget in (self.import_summary, self.report_button):
            bar.addPermanentWidget(widget)
            widget.hide()
        for widget in self._import_widgets():
            bar.addPermanentWidget(widget)
            widget.hide()
        bar.addPermanentWidget(self.zoom_label)

    def _import_widgets(self) -> tuple:
        return (self.progress_label, self.progress, self.cancel_button)

    def show_counts(self, text: str) -> None:
        self.counts_label.setText(text)

    def show_zoom(self, percent: int) -> None:
        self.zoom_label.setText(f"{percent}%")

    def say(self, text: str, timeout_ms: int) -> None:
        self.bar.showMessage(text, timeout_ms)

    def import_done(self, report: ImportReport) -> None:
        """A routine import: what it brought in, in one line, and its report a click away."""
        changed = report.added or report.updated
        text = (
            tr("已导入 %n 个文件：新增 %1 条，更新 %2 条", None, len(report.files))
            if changed
            else tr("已导入 %n 个文件：没有新条目", None, len(report.files))
        )
        self.import_summary.setText(
            text.replace("%1", str(report.added)).replace("%2", str(report.updated))
        )
        self.import_summary.show()
        self.report_button.show()

    def import_started(self) -> None:
        self.import_summary.hide()
        self.report_button.hide()
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
