"""While a library is migrated at open (a ten-year search index rebuild takes minutes), a
dialog says how far it is, so the wait does not look like a hang."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from telereader.core.messages import sentence

# Smaller libraries migrate in a few seconds at most: no dialog flashes up for them.
SHOW_FROM_ITEMS = 20_000


class MigrationProgress:
    """The callback `migrations.reporting_progress` takes: the dialog appears with the first
    report of a big migration and stays until `close` (after the migration's last step)."""

    def __init__(self, language: str | None = None, show_from: int | None = None):
        self.language = language
        self.show_from = SHOW_FROM_ITEMS if show_from is None else show_from
        self.dialog: QProgressDialog | None = None

    def __call__(self, done: int, total: int) -> None:
        if total < self.show_from:
            return
        if self.dialog is None:
            self.dialog = QProgressDialog()
            self.dialog.setWindowTitle("telereader")
            self.dialog.setCancelButton(None)  # a migration is one transaction: it must finish
            self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.dialog.setMinimumDuration(0)
            # the last batch is not the end (the index is merged after it): `close` ends it
            self.dialog.setAutoReset(False)
            self.dialog.setAutoClose(False)
            self.dialog.setRange(0, total)
            self.dialog.show()
        self.dialog.setLabelText(
            sentence("search_index_rebuild", self.language, done=f"{done:,}", total=f"{total:,}")
        )
        self.dialog.setValue(done)
        QApplication.processEvents()  # the open runs before the event loop: paint now

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
