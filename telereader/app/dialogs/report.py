"""The import report: per file what was added, updated, unchanged, warned about or refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from telereader.app.i18n import QT_TR_NOOP, tr
from telereader.app.models import plain_tooltip
from telereader.app.widgets.look import Colours
from telereader.core.messages import render
from telereader.core.model import FileReport, FileStatus, ImportReport


def status_text(report: FileReport) -> str:
    if report.status is FileStatus.REJECTED:
        return tr("拒绝")
    if report.status is FileStatus.UNCHANGED:
        return tr("未变")
    return tr("有警告") if report.warnings else tr("已导入")


class ReportModel(QAbstractTableModel):
    COLUMNS = (
        QT_TR_NOOP("文件"),
        QT_TR_NOOP("日期"),
        QT_TR_NOOP("结果"),
        QT_TR_NOOP("新增"),
        QT_TR_NOOP("更新"),
        QT_TR_NOOP("未变"),
        QT_TR_NOOP("说明"),
    )

    def __init__(self, report: ImportReport, language: str, parent=None):
        super().__init__(parent)
        self.report = report
        self.language = language

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.report.files)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.COLUMNS):
            return tr(self.COLUMNS[section])
        return None

    def explanation(self, report: FileReport) -> str:
        if report.reason is not None:
            return render(report.reason, self.language)
        return "\n".join(render(w, self.language) for w in report.warnings)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.report.files):
            return None
        report = self.report.files[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                Path(report.path).name,
                report.day.isoformat() if report.day else "",
                status_text(report),
                report.added,
                report.updated,
                report.unchanged,
                " · ".join(self.explanation(report).splitlines()),
            )
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = report.path if column == 0 else self.explanation(report)
            return plain_tooltip(text) if text else None
        troubled = report.status is FileStatus.REJECTED or bool(report.warnings)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and troubled:
            return QBrush(Colours.for_palette(QCoreApplication.instance().palette()).important)
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def summary(report: ImportReport) -> str:
    files = len(report.files)
    rejected = len(report.rejected)
    warned = sum(1 for f in report.files if f.warnings)
    text = (
        tr("%1 个文件：新增 %2 条，更新 %3 条；%4 个文件被拒绝，%5 个有警告。")
        .replace("%1", str(files))
        .replace("%2", str(report.added))
        .replace("%3", str(report.updated))
        .replace("%4", str(rejected))
        .replace("%5", str(warned))
    )
    if report.cancelled:
        text += " " + tr("导入已取消，其余文件未导入。")
    return text


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import_report")
        self.setWindowTitle(tr("导入报告"))
        self.model = ReportModel(report, language, self)
        self.summary = QLabel(summary(report), self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(100)  # sizing a year's report by every row stalls
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 360)
