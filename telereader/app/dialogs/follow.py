"""File → 自动导入文件夹…: the folders whose new and changed digest files are imported by themselves."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from telereader.app.i18n import tr


class FollowDialog(QDialog):
    """A list of folders with Add… and Remove; OK follows exactly the folders listed."""

    def __init__(self, folders: Sequence[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("follow_dialog")
        self.setWindowTitle(tr("自动导入文件夹"))
        explain = QLabel(
            tr("这些文件夹里新出现或有变化的电报文件会自动导入（文件写完后几秒内）。"), self
        )
        explain.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("followed_folders")
        self.list.addItems([str(folder) for folder in folders])
        add = QPushButton(tr("添加文件夹…"), self)
        add.setObjectName("add_followed")
        add.clicked.connect(self.choose_folder)
        self.remove = QPushButton(tr("移除"), self)
        self.remove.setObjectName("remove_followed")
        self.remove.clicked.connect(self.remove_current)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        for part in (explain, self.list):
            layout.addWidget(part)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(520, 300)

    def folders(self) -> list[Path]:
        return [Path(self.list.item(row).text()) for row in range(self.list.count())]

    def add_folder(self, folder: Path) -> None:
        if str(folder) not in {str(known) for known in self.folders()}:
            self.list.addItem(str(folder))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("添加自动导入的文件夹"))
        if folder:
            self.add_folder(Path(folder))

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
