"""Start the window: check the platform, choose fonts and language, open the library."""

from __future__ import annotations

import ctypes.util
import os
import sys
from pathlib import Path

from telereader.core.messages import current_language, render
from telereader.core.model import Problem
from telereader.core.recovery import RECOVERABLE, in_use_elsewhere, open_unless_marked
from telereader.core.store import LibraryError, default_data_dir
from telereader.desktop import DESKTOP_ID

XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
    "libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0"
)


def missing_linux_libraries() -> bool:
    """Qt's xcb plugin aborts with a cryptic message when these are absent; look first."""
    if not sys.platform.startswith("linux"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return False
    if os.environ.get("WAYLAND_DISPLAY") and not platform:
        return False
    return any(
        ctypes.util.find_library(name) is None
        for name in ("xcb-cursor", "xcb-icccm", "xkbcommon-x11")
    )


def cannot_show_a_window(language: str) -> str | None:
    """Why no window can open here, in one sentence, or None."""
    if missing_linux_libraries():
        return (
            "telereader: 窗口需要几个系统库，请先运行 "
            if language == "zh"
            else "telereader: the window needs a few system libraries; run "
        ) + f"sudo apt-get install -y {XCB_PACKAGES}"
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        return "telereader: " + (
            "没有图形界面（DISPLAY 未设置）；命令行用法见 telereader --help"
            if language == "zh"
            else "there is no display (DISPLAY is not set); see telereader --help for the command line"
        )
    return None


def paint_on_one_thread() -> None:
    """Qt's raster engine hands every fill of 96 lines or more (a list's background, a
    scrollbar's groove) to a pool of threads and waits for them: on two cores the hand-off
    cost more than the fills (a day switch: 18.7 ms p50 with the pool, 17.4 without, the two
    run in turn). Qt reads the switch once, at its first such fill: set before any paint."""
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def run_app(data_dir: Path | None = None, files: list[Path] | None = None) -> int:
    language = current_language()
    refusal = cannot_show_a_window(language)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from telereader.app.single import InstanceServer, hand_over
    from telereader.app.translation import install_translators
    from telereader.app.widgets.look import app_icon, apply_cjk_font
    from telereader.app.window import MainWindow
    from telereader.core.sqlite_memory import memory_statistics_off

    memory_statistics_off()  # before any library is opened: searches count in parts
    paint_on_one_thread()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("telereader")
    app.setOrganizationName("telereader")
    app.setDesktopFileName(DESKTOP_ID)  # Wayland and docks match the window to its .desktop
    app.setWindowIcon(app_icon())
    if language == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_translators(app, language)
    apply_cjk_font(app)
    directory = data_dir or default_data_dir()
    if hand_over(directory, files or []):
        # A window is already open on this library: it imports the files and comes forward.
        return 0
    store = open_library(directory, language)
    if store is None:
        return 1
    window = MainWindow(store, directory, language)
    instances = InstanceServer(directory, window)
    instances.files_received.connect(window.receive_files)
    instances.listen()  # if another window won a race to it, this one still works alone
    window.show()
    window.start()
    if files:
        window.start_import(files)
    if os.environ.get("TELEREADER_SMOKE_TEST"):
        quit_after_first_import(app, window)
    code = app.exec()
    store.close()
    return code


def open_library(directory: Path, language: str):
    """The library, or after real damage the one recovery made; None when the reader is told
    why it cannot be used (busy, full disk, read-only, …) or chose not to recover."""
    from PySide6.QtWidgets import QMessageBox

    from telereader.app.dialogs.migration import MigrationProgress
    from telereader.app.dialogs.recovery import offer_recovery
    from telereader.core.migrations import reporting_progress

    progress = MigrationProgress(language)
    try:
        with reporting_progress(progress):
            return open_unless_marked(directory)
    except LibraryError as error:
        progress.close()
        problem = error.problem
        if problem.code in RECOVERABLE and in_use_elsewhere(directory):
            # damaged or not, another program has it open: nothing is offered that moves it
            problem = Problem("library_busy", params=problem.params)
        if problem.code not in RECOVERABLE:
            QMessageBox.critical(None, "telereader", render(problem, language))
            return None
        return offer_recovery(error.problem, directory, language)
    finally:
        progress.close()


def quit_after_first_import(app, window) -> None:
    """A built app proves it runs (packaging/build.sh): the window opens, the first import
    ends, it prints what it shows and quits."""
    from PySide6.QtCore import QTimer

    def smoke_done(*_args) -> None:
        if window.job is not None and (window.job.running or window.queued):
            return  # files given on the command line are imported after the sample
        print(
            f"telereader smoke test: {len(window.days)} days, showing {window.model.day} "
            f"with {window.model.matching} items"
        )
        window.close()
        app.quit()

    if window.job is not None and window.job.running:
        window.import_finished.connect(smoke_done)
    else:
        QTimer.singleShot(0, smoke_done)
