"""File → Export…: which items (starred, the day shown, the list as shown, a watchlist's hits)
in which format (Markdown, CSV, JSON, HTML), to which file. Never overwrites without asking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from telereader.app.i18n import QT_TR_NOOP, tr
from telereader.app.tasks import in_library, run_task
from telereader.core.export import FORMATS, export, selected
from telereader.core.files import write_atomically
from telereader.core.filters import ItemFilter
from telereader.core.keywords import Watchlist
from telereader.core.messages import describe
from telereader.core.store import Store, StoredItem

FORMAT_LABELS = {
    "md": QT_TR_NOOP("Markdown（可再导入，适合 Obsidian / Typora）"),
    "csv": QT_TR_NOOP("CSV（Excel、WPS 表格）"),
    "json": "JSON",
    "html": QT_TR_NOOP("HTML（单个文件，可打印）"),
}
FORMAT_FILTERS = {
    "md": "Markdown (*.md)",
    "csv": "CSV (*.csv)",
    "json": "JSON (*.json)",
    "html": "HTML (*.html)",
}

ItemsOf = Callable[[Store], list[StoredItem]]


@dataclass(frozen=True)
class ExportChoice:
    """One thing the reader can export: shown as `label`, read by `items` on a worker."""

    key: str
    label: str
    items: ItemsOf
    file_stem: str


def hits_choice(watchlist: Watchlist) -> ExportChoice:
    return ExportChoice(
        f"hits-{watchlist.id}",
        tr("关注列表“%1”的命中").replace("%1", watchlist.name),
        lambda store: selected(store, ItemFilter(watchlist_id=watchlist.id)),
        f"telereader-{watchlist.name}",
    )


def may_replace(parent: QWidget, path: Path) -> bool:
    """Ask before a file the reader has is replaced; No is the default."""
    answer = QMessageBox.question(
        parent,
        tr("文件已存在"),
        tr("“%1”已存在。要替换它吗？").replace("%1", str(path)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class ExportDialog(QDialog):
    exported = Signal(str, int)  # the file written, how many items

    def __init__(
        self,
        choices: list[ExportChoice],
        data_dir: Path,
        language: str = "zh",
        chosen: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.choices = choices
        self.data_dir = data_dir
        self.language = language
        self.running = False  # an export is being written
        self.pool: QThreadPool | None = None  # the window's writer: exports follow its writes
        self.setObjectName("export")
        self.setWindowTitle(tr("导出"))

        self.group = QButtonGroup(self)
        what = QVBoxLayout()
        for number, choice in enumerate(choices):
            button = QRadioButton(choice.label, self)
            button.setObjectName(f"export_{choice.key}")
            self.group.addButton(button, number)
            what.addWidget(button)
            if choice.key == chosen or number == 0:
                button.setChecked(True)
        self.format = QComboBox(self)
        self.format.setObjectName("export_format")
        for fmt in FORMATS:
            self.format.addItem(tr(FORMAT_LABELS[fmt]), fmt)
        self.state = QLabel(self)
        self.state.setObjectName("export_state")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("导出…"))
        self.buttons.accepted.connect(lambda: self.export_to())
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(tr("导出内容："), what)
        form.addRow(tr("格式："), self.format)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)

    def choice(self) -> ExportChoice:
        return self.choices[max(0, self.group.checkedId())]

    def choose(self, key: str) -> None:
        for number, choice in enumerate(self.choices):
            if choice.key == key:
                self.group.button(number).setChecked(True)

    def choose_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(self.format.findData(fmt))

    def export_to(self, path: Path | None = None) -> None:
        """Export to `path`, or to a file the reader picks; an existing file only after they
        agree to replace it."""
        fmt = self.format.currentData()
        choice = self.choice()
        if path is None:
            picked, _ = QFileDialog.getSaveFileName(
                self,
                tr("导出到文件"),
                f"{choice.file_stem}.{fmt}",
                FORMAT_FILTERS[fmt],
                options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, the same way always
            )
            if not picked:
                return
            path = Path(picked)
            if not path.suffix:
                path = path.with_suffix(f".{fmt}")
        if path.exists() and not may_replace(self, path):
            return
        self.buttons.setEnabled(False)
        self.state.setText(tr("正在导出…"))

        def work(store: Store) -> int:
            items = choice.items(store)
            write_atomically(path, export(items, fmt))
            return len(items)

        self.running = True
        run_task(
            in_library(self.data_dir, work),
            lambda count: self._written(path, count),
            self._failed,
            pool=self.pool or QThreadPool.globalInstance(),
            parent=self,
        )

    def _written(self, path: Path, count: int) -> None:
        self.running = False
        self.buttons.setEnabled(True)
        self.state.setText(
            tr("已导出 %1 条到 %2").replace("%1", str(count)).replace("%2", str(path))
        )
        self.exported.emit(str(path), count)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.buttons.setEnabled(True)
        message = describe(error, self.language)
        self.state.setText(tr("导出失败：") + message)
        QMessageBox.warning(self, tr("导出失败"), tr("导出失败：") + message)
