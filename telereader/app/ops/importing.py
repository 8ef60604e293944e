"""Imports in the background: one job at a time, paths dropped meanwhile wait their turn."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from telereader.app.dialogs.report import ImportReportDialog
from telereader.app.i18n import tr
from telereader.app.tasks import Pool, run_task
from telereader.core.importer import import_paths
from telereader.core.library_errors import library_error
from telereader.core.messages import describe
from telereader.core.model import FileStatus, ImportReport
from telereader.core.store import LIBRARY_FILE, Store


def is_routine(report: ImportReport) -> bool:
    """Every file imported or unchanged, no warning, nothing refused, not cancelled: nothing
    the reader has to look at. A drop that found no digest file at all is not routine: the
    report says so."""
    return (
        bool(report.files)
        and not report.cancelled
        and all(f.status is not FileStatus.REJECTED and not f.warnings for f in report.files)
    )


class ImportJob(QObject):
    """Imports paths into the library in the background, with progress and cancel.

    Public signals are emitted on the UI thread only: the worker emits the private progress
    signal, which Qt queues to this object's thread, where it is passed on."""

    progress = Signal(int, int, int)  # files done, files total, items so far
    finished = Signal(object)  # ImportReport
    failed = Signal(object)  # the exception
    _progressed = Signal(int, int, int)

    def __init__(self, data_dir: Path, paths: Sequence[Path], parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.paths = list(paths)
        self._cancel = threading.Event()
        self._ended = threading.Event()
        self.running = False
        self._progressed.connect(self.progress.emit)

    def start(self, pool: Pool | None = None) -> None:
        self.running = True
        run_task(
            self._work,
            self._finish,
            self._fail,
            pool=pool or QThreadPool.globalInstance(),
            parent=self,
            ended=self._ended,
        )

    def cancel(self) -> None:
        self._cancel.set()

    def stop(self, timeout_s: float = 30) -> None:
        """Cancel and wait for the worker to let go (it stops inside the file it is writing,
        which is rolled back), so that the window can close without the worker signalling into
        deleted objects."""
        self._cancel.set()
        if self.running:
            self._ended.wait(timeout_s)

    def _work(self) -> ImportReport:
        with Store.open(self.data_dir) as store:
            return import_paths(
                store, self.paths, progress=self._progressed.emit, cancelled=self._cancel.is_set
            )

    def _finish(self, report: ImportReport) -> None:
        self.running = False
        self.finished.emit(report)

    def _fail(self, error: BaseException) -> None:
        self.running = False
        self.failed.emit(error)


class ImportController(QObject):
    """The window's imports: the running job, the batch waiting behind it, the quiet flag (the
    sample day imports without a report) and the report or failure shown afterwards."""

    started = Signal()
    progress = Signal(int, int, int)  # files done, files total, items so far
    ended = Signal()  # the job is over, whichever way
    taken_in = Signal(object)  # ImportReport: the library holds it now (views follow)
    imported = Signal(object)  # ImportReport once reported; None: the import failed
    routine = Signal(object)  # ImportReport of an import without a problem: no dialog opened
    waiting = Signal()  # paths were queued behind the running import

    def __init__(self, data_dir: Path, parent: QWidget, language: str = "zh"):
        super().__init__(parent)
        self.data_dir = data_dir
        self.language = language
        self._parent = parent
        self.job: ImportJob | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.last_report: ImportReport | None = None
        self.failed_box: QMessageBox | None = None
        self.error = ""  # what stopped the last import that failed
        self._queued: list[Path] = []
        self._quiet = False
        self._background = False
        self._closing = False

    @property
    def queued(self) -> bool:
        return bool(self._queued)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def start(self, paths: Sequence[Path], quiet: bool = False, background: bool = False) -> None:
        """`quiet`: no report at all (the sample day); `background`: a followed folder's files,
        a line in the status bar and the report on demand even when a file had a problem (no
        dialog pops up over the reader's work by itself)."""
        if self._closing:
            return  # a queued batch whose turn came after the close: dropped, as on close
        if self.running:
            self._queued.extend(paths)
            self.waiting.emit()
            return
        self._quiet, self._background = quiet, background
        self.job = ImportJob(self.data_dir, paths, self)
        self.job.progress.connect(self.progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.started.emit()
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def close_queue(self) -> None:
        """The window is closing: drop the waiting batch, start nothing more."""
        self._closing = True
        self._queued.clear()

    def close(self) -> None:
        """The window is closing: stop the running job."""
        self.close_queue()
        if self.running:
            self.job.stop()  # every finished file is complete; the rest can be dropped again

    def _finished(self, report: ImportReport) -> None:
        self.ended.emit()
        self.taken_in.emit(report)
        if not self._quiet:
            self.last_report = report
            if is_routine(report) or self._background:
                self.routine.emit(report)  # a line in the status bar, the report on demand
            else:
                self.show_report()
        self.imported.emit(report)
        self._next()

    def show_report(self) -> None:
        """Open the last import's report (by itself for a problem, else on the reader's ask)."""
        if self.last_report is not None:
            self.report_dialog = ImportReportDialog(self.last_report, self.language, self._parent)
            self.report_dialog.open()

    def _failed(self, error: BaseException) -> None:
        self.ended.emit()
        if isinstance(error, sqlite3.Error):
            error = library_error(
                self.data_dir / LIBRARY_FILE, error
            )  # a full disk, say, in plain words
        message = describe(error, self.language)
        self.error = f"{type(error).__name__}: {message}"
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            tr("导入失败"),
            tr("导入没有完成：") + message,
            parent=self._parent,
        )
        box.setObjectName("import_failed")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()  # the window keeps running; the files imported so far are complete
        self.failed_box = box
        self.imported.emit(None)
        self._next()

    def _next(self) -> None:
        if self._queued:
            queued, self._queued = self._queued, []
            self.start(queued)
