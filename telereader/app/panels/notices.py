"""Notices: the sample-day drop hint, the new-hits banner, and the system tray."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from telereader.app.i18n import tr


class Notices(QWidget):
    hits_wanted = Signal()  # the banner's 查看
    tray_clicked = Signal()
    hint_dismissed = Signal()
    hint_affected = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tray: QSystemTrayIcon | None = None
        self.last_notice = ""  # the latest new-hits notice, as shown
        self.hint = QFrame(self)
        self.hint.setObjectName("drop_hint")
        self.hint.setFrameShape(QFrame.Shape.StyledPanel)
        hint_text = QLabel(
            tr(
                "这是示例数据。把每天的电报文件（.md）或整个文件夹拖到窗口上即可导入，"
                "也可以用“文件 → 导入”。"
            ),
            self.hint,
        )
        hint_text.setWordWrap(True)
        hint_close = QToolButton(self.hint)
        hint_close.setText("✕")
        hint_close.setToolTip(tr("不再显示"))
        hint_close.clicked.connect(self._dismiss_hint)
        hint_layout = QHBoxLayout(self.hint)
        hint_layout.addWidget(hint_text, 1)
        hint_layout.addWidget(hint_close, 0, Qt.AlignmentFlag.AlignTop)

        self.banner = QFrame(self)
        self.banner.setObjectName("hits_banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName("hits_banner_text")
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_text.setWordWrap(True)
        banner_show = QPushButton(tr("查看"), self.banner)
        banner_show.setObjectName("hits_banner_show")
        banner_show.clicked.connect(self.hits_wanted)
        banner_close = QToolButton(self.banner)
        banner_close.setText("✕")
        banner_close.setToolTip(tr("关闭"))
        banner_close.clicked.connect(self.banner.hide)
        banner_close.clicked.connect(self.hint_affected)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(banner_show)
        banner_layout.addWidget(banner_close, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.banner)

    def show_hint(self, wanted: bool) -> None:
        """The hint shows when wanted, and never over the hits banner."""
        self.hint.setVisible(wanted and not self.banner.isVisibleTo(self.window()))

    def _dismiss_hint(self) -> None:
        self.hint.hide()
        self.hint_dismissed.emit()

    def new_hits(self, new_hits: dict[str, int], icon: QIcon) -> None:
        """Count an import's new hits per watchlist: in the system tray where there is one,
        else in a banner above the list; both lead to the Watch view."""
        counts = "，".join(
            tr("%1 %2 条").replace("%1", name).replace("%2", str(count))
            for name, count in new_hits.items()
        )
        self.last_notice = tr("新的关注命中：") + counts
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(icon, self)
                self.tray.setToolTip("telereader")
                self.tray.messageClicked.connect(self.tray_clicked)
                self.tray.activated.connect(lambda *_args: self.tray_clicked.emit())
            self.tray.show()
            self.tray.showMessage("telereader", self.last_notice)  # plain text on every platform
            return
        self.banner_text.setText(self.last_notice)
        self.banner.show()
        self.hint_affected.emit()  # the hint steps aside

    def hide_banner(self) -> None:
        self.banner.hide()
