"""Help → Keyboard shortcuts and About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from telereader import __version__
from telereader.app.i18n import tr


def shortcuts_dialog(rows: list[tuple[str, str]], parent: QWidget) -> QDialog:
    """A table of (keys, what they do, untranslated)."""
    dialog = QDialog(parent)
    dialog.setObjectName("shortcuts")
    dialog.setWindowTitle(tr("键盘快捷键"))
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels([tr("按键"), tr("作用")])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for row, (keys, meaning) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(keys))
        table.setItem(row, 1, QTableWidgetItem(tr(meaning)))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    # Wide enough for every description in full, in every language.
    table.setMinimumWidth(
        sum(
            max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(table.columnCount())
        )
        + 2 * table.frameWidth()
        + table.verticalScrollBar().sizeHint().width()
    )
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(460, 520)
    return dialog


def about_box(library: Path, parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(tr("关于 telereader"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        f"telereader {__version__}\n"
        + tr("财联社电报离线阅读器")
        + "\n"
        + tr("资料库：")
        + str(library)
    )
    return box


def damage_box(problems: list[str], parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("damaged")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("资料库已损坏"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        tr(
            "检查发现资料库文件已损坏，部分电报可能读不出来。你的星标、笔记和关注列表有自动备份。"
            "关闭后再次打开 telereader，可以把备份恢复到一个新资料库（原文件会保留）。"
        )
    )
    box.setDetailedText("\n".join(problems))
    return box
