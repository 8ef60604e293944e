"""The main window: composes the panels, routes between the day, search and Watch views, and
closes. Feature logic lives in the panels, ops/ and dialogs/; panels talk through signals
wired here, and every view follows the one library-changed event (app/events.py)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from telereader.app.dialogs.export import ExportDialog, may_replace
from telereader.app.dialogs.follow import FollowDialog
from telereader.app.dialogs.help import about_box, damage_box, shortcuts_dialog
from telereader.app.dialogs.watchlists import WatchlistDialog
from telereader.app.events import LibraryEvents
from telereader.app.i18n import tr
from telereader.app.ops.following import FolderFollowing
from telereader.app.ops.importing import ImportController
from telereader.app.ops.integrity import IntegrityCheck
from telereader.app.ops.library import LibraryOps
from telereader.app.ops.markets import MarketCatchUp
from telereader.app.ops.words import WordCatchUp
from telereader.app.panels.days import DayNavigation
from telereader.app.panels.filters import FilterBar
from telereader.app.panels.items import ItemList
from telereader.app.panels.notices import Notices
from telereader.app.panels.search import SearchBar
from telereader.app.panels.status import StatusPanel
from telereader.app.search_service import SearchService
from telereader.app.tasks import serial_pool
from telereader.app.widgets.detail import DetailPane
from telereader.app.widgets.hotwords import HotWordStrip
from telereader.app.widgets.trendchart import TrendChart
from telereader.app.window import columns, state
from telereader.app.window.actions import build_actions, shortcut_help
from telereader.app.window.back import BackNavigation
from telereader.app.window.choices import export_choices
from telereader.app.window.looking import Looking
from telereader.app.window.markets import Markets
from telereader.app.window.reactions import Reactions
from telereader.app.window.reading import ReaderKeys
from telereader.app.window.saved import SavedSearchViews
from telereader.app.window.trends import Trends
from telereader.app.window.viewing import ViewControls
from telereader.app.window.views import Views
from telereader.app.window.words import Words
from telereader.core.messages import describe
from telereader.core.recovery import mark_damaged
from telereader.core.report_text import restore_summary
from telereader.core.seeds import sample_days
from telereader.core.store import Store
from telereader.core.walk import DIGEST_SUFFIXES

CHECK_EVERY_S = 24 * 3600  # the background check of the whole library file
READ_AFTER_MS = 1200  # an item selected this long counts as read
WORDS_AFTER_START_MS = 2000  # the word catch-up starts this long after the window
MARKETS_AFTER_START_MS = 2500  # and the market catch-up, once the word one has begun
CLOSE_WAIT_MS = 3000  # closing gives writes under way this long, then keeps notes in a file
DEFAULT_WINDOW_SIZE = (1400, 900)


def default_window_size(window: QWidget) -> QSize:
    """1400×900, or less on a smaller screen."""
    wanted = QSize(*DEFAULT_WINDOW_SIZE)
    screen = window.screen()
    return wanted.boundedTo(screen.availableGeometry().size()) if screen else wanted


class MainWindow(
    Views, BackNavigation, Reactions, ReaderKeys, Looking, ViewControls, Words, Markets, Trends,
    SavedSearchViews, QMainWindow,
):  # fmt: skip
    import_finished = Signal(object)  # ImportReport after the window has taken it in; None: failed

    def __init__(self, store: Store, data_dir: Path, language: str = "zh"):
        super().__init__()
        self.store, self.data_dir, self.language = store, data_dir, language
        self.settings = state.open_settings(data_dir)
        self.events = LibraryEvents(self)
        self.ops = LibraryOps(store, data_dir, self.events, self)
        self.writer = self.ops.writer
        self.importer = ImportController(data_dir, self, language)
        self.following = FolderFollowing(self.importer, self)
        self.follow_dialog: FollowDialog | None = None
        self.search_service = SearchService(data_dir, self)
        self.integrity = IntegrityCheck(data_dir, self)
        self.word_catch_up = WordCatchUp(data_dir, self)
        self.market_catch_up = MarketCatchUp(data_dir, self)
        self._trend_pool = serial_pool(self)
        self.last_search = None
        self.search_watchlist: int | None = None  # the search bar's choice, for searches
        self.hits_watchlist: int | None = None  # and for the Watch view apart
        self._pending_item: str | None = None  # to select once the day shown is loaded
        self._fresh_days: set[dt.date] = set()
        self.watchlists = []
        self.watch_dialog: WatchlistDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.write_warning: QMessageBox | None = None
        self.damage_found = False  # the background check found the library damaged
        self.setObjectName("main_window")
        self.setWindowTitle("telereader · " + tr("财联社电报"))
        self.setAcceptDrops(True)
        self._compose()
        self._wire()
        self.actions_by_id, self._shortcuts = build_actions(
            self, (self.list, self.detail.body), self.list
        )
        self.export_action = self.actions_by_id["export"]
        for checkable in ("toggle_calendar", "newest_first", "fold_similar"):
            self.actions_by_id[checkable].setCheckable(True)
        state.restore(self.settings, self, self.main_splitter, self.filter_bar, self.detail)
        self.set_calendar_shown(state.calendar_shown(self.settings))
        self.set_newest_first(state.newest_first(self.settings))
        self.set_fold_similar(state.fold_similar(self.settings))
        self.apply_zoom()
        self._update_hint()

    # ---- composing -------------------------------------------------------------------------------

    def _compose(self) -> None:
        self.day_nav = DayNavigation(self)
        self.calendar = self.day_nav.calendar
        self.watch_button = self.day_nav.watch_button
        self.notices = Notices(self)
        self.hint, self.banner = self.notices.hint, self.notices.banner
        self.banner_text = self.notices.banner_text
        self.search_bar = SearchBar(self)
        self.search, self.scope = self.search_bar.edit, self.search_bar.scope
        self.watch_scope, self.best_first = self.search_bar.watch_scope, self.search_bar.best_first
        self.filter_bar = FilterBar(self)
        self.filter_buttons = self.filter_bar.buttons
        self.hot_strip = HotWordStrip(self)
        self.trend_chart = TrendChart(self)
        self.list = ItemList(self.store, self.search_service, self)
        self.list.set_overlay(self.writer.overlay, self.writer.pending_items)
        self.model, self.delegate = self.list.day_model, self.list.delegate
        self.search_model, self.hits_model = self.list.search_model, self.list.hits_model
        self.across_model = self.list.across_model
        self.list.empty_text = self.empty_text
        self.detail = DetailPane(self.ops.save_note, self, retry=self.writer.retry)
        self._compose_markets()
        self._compose_saved()
        self.day_label = columns.day_label(self)
        above = (self.day_label, self.notices, self.search_bar, self.filter_bar)
        timeline = columns.timeline_column(
            self, (*above, self.hot_strip, self.trend_chart), self.list
        )
        self.main_splitter = columns.Columns(self.day_nav, timeline, self.detail, self)
        self.setCentralWidget(self.main_splitter)
        self.status = StatusPanel(self.statusBar())
        self.counts_label, self.progress = self.status.counts_label, self.status.progress
        self.cancel_button = self.status.cancel_button
        self.list_point_size = self.list.font().pointSizeF()  # at 100 %
        self.resize(default_window_size(self))
        self.main_splitter.use_default_sizes(self.width())
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(READ_AFTER_MS)
        self._read_timer.timeout.connect(self._mark_current_read)

    def _wire(self) -> None:
        self.day_nav.day_chosen.connect(self._load_day)
        self.day_nav.day_chosen.connect(self._show_day_name)
        self.day_nav.newest_wanted.connect(self.go_to_newest_day)
        self.day_nav.new_wanted.connect(self.next_new)
        self.day_nav.hits_wanted.connect(self.show_watch_view)
        self.day_nav.across_wanted.connect(self.show_across_view)
        self.notices.hits_wanted.connect(self.show_watch_view)
        self.notices.tray_clicked.connect(self._show_from_tray)
        self.notices.hint_dismissed.connect(
            lambda: self.settings.setValue(state.HINT_DISMISSED, True)
        )
        self.notices.hint_affected.connect(self._update_hint)
        self.search_bar.requested.connect(self.run_search)
        self.search_bar.typing.connect(self._search_typed)
        self.search_bar.emptied.connect(self._search_emptied)
        self.search_bar.submitted.connect(self.enter_results)
        self.search_bar.watchlist_chosen.connect(self._watch_scope_changed)
        self.filter_bar.changed.connect(self._filters_changed)
        self.list.current_item_changed.connect(self._current_changed)
        self.list.opened.connect(self._activated)
        self.list.similar_clicked.connect(self.toggle_similar_of)
        self.detail.star_toggled.connect(self.set_starred)
        self.search_service.finished.connect(self._search_finished)
        self.search_service.failed.connect(self._search_failed)
        self.integrity.checked.connect(self.library_checked)
        self.word_catch_up.progress.connect(self._words_progress)
        self.word_catch_up.finished.connect(self._words_finished)
        self._wire_markets()
        self._wire_saved()
        self.hot_strip.word_clicked.connect(self.search_word)
        self.search_service.finished.connect(self._search_trend)
        self.day_nav.hits_wanted.connect(self._watch_trend)  # after show_watch_view: connected first
        self.notices.hits_wanted.connect(self._watch_trend)
        self.trend_chart.day_clicked.connect(self.open_trend_day)
        self.status.cancel_wanted.connect(self.cancel_import)
        self.importer.started.connect(self.status.import_started)
        self.importer.progress.connect(self.status.import_progress)
        self.importer.ended.connect(self.status.import_ended)
        self.importer.waiting.connect(
            lambda: self.status.say(tr("上一批导入完成后继续导入新拖入的文件"), 5000)
        )
        self.importer.taken_in.connect(self.events.days_changed)
        self.importer.imported.connect(self._imported)
        self.importer.routine.connect(self.status.import_done)
        self.status.report_wanted.connect(self.importer.show_report)
        self.events.items_changed.connect(self._items_changed)
        self.events.watchlists_changed.connect(self.watchlists_changed)
        self.events.days_changed.connect(self._days_changed)
        self.events.day_deleted.connect(self._day_deleted)
        self.events.looked.connect(self.refresh_new_days)
        self.events.day_deleted.connect(self._forget_look)
        self.ops.trouble.connect(self.status.say)
        self.ops.write_failed.connect(self._write_failed)
        self.ops.restored.connect(self._restored)
        self._wire_back()

    # ---- state across starts -----------------------------------------------------------------

    def save_settings(self) -> None:
        current = self.current_item()
        state.save(
            self.settings, self, self.main_splitter, self.filter_bar, self.detail,
            self.model.day, current.id if current else None,
        )  # fmt: skip

    def start(self) -> None:
        """Show the library where the reader left it; an empty library gets the sample day."""
        self.ops.reapply_unsaved_notes()
        last = self.settings.value(state.CHECKED_AT, 0.0, type=float)
        if time.time() - last >= CHECK_EVERY_S:  # the whole-file check: at most once a day
            self.integrity.start()
        self.refresh_days()
        self.refresh_watchlists()
        self.refresh_saved_searches()
        # resumes where the last run stopped, once the window has shown itself: its worker
        # processes and writes never compete with the first paint
        self.word_catch_up.start_later(WORDS_AFTER_START_MS)
        self.market_catch_up.start_later(MARKETS_AFTER_START_MS)
        self.focus_list()  # j/k/S/N work at once; the calendar is a click away
        self.following.follow(state.followed_folders(self.settings))
        if not self.days:
            samples = sample_days()
            if samples and not self.settings.value(state.SAMPLE_REMOVED, False, type=bool):
                self.start_import(samples, quiet=True)
            return
        remembered = self.settings.value(state.DAY, "", type=str)
        try:
            day = dt.date.fromisoformat(remembered) if remembered else None
        except ValueError:
            day = None
        self.show_day(
            day if day in self.days else self.days[-1],
            self.settings.value(state.ITEM, "", type=str) or None,
        )

    # ---- importing, watchlists, export, backup, help ------------------------------------------

    @property
    def job(self):
        return self.importer.job

    @property
    def report_dialog(self):
        return self.importer.report_dialog

    @property
    def import_error(self) -> str:
        return self.importer.error

    @property
    def queued(self) -> bool:
        """Paths dropped during an import wait for it to end."""
        return self.importer.queued

    @property
    def last_restore(self):
        return self.ops.last_restore

    @property
    def tray(self):
        return self.notices.tray

    @property
    def last_notice(self) -> str:
        return self.notices.last_notice

    def choose_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in DIGEST_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            tr("导入电报文件"),
            "",
            tr("电报文件") + f" ({patterns});;" + tr("所有文件") + " (*)",
        )
        if paths:
            self.start_import([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("导入文件夹"))
        if folder:
            self.start_import([Path(folder)])

    def choose_followed_folders(self) -> FollowDialog:
        self.follow_dialog = dialog = FollowDialog(self.following.folders, self)
        dialog.accepted.connect(lambda: self.follow_folders(dialog.folders()))
        dialog.open()
        return dialog

    def follow_folders(self, folders: list[Path]) -> None:
        """Follow these folders from now on and at every start (none: stop following)."""
        state.set_followed_folders(self.settings, folders)
        self.following.follow(folders)
        if folders:
            self.status.say(tr("正在自动导入 %n 个文件夹", None, len(folders)), 5000)
        else:
            self.status.say(tr("已停止自动导入"), 5000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    def start_import(self, paths, quiet: bool = False) -> None:
        """Import in the background; the window stays usable. A drop during an import waits."""
        self.importer.start(paths, quiet)

    def receive_files(self, paths: list[Path]) -> None:
        """Another telereader started on this library handed over its files ("Open with" while
        the window is open): come forward and import them."""
        self.come_forward()
        if paths:
            self.start_import(paths)

    def come_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def cancel_import(self) -> None:
        if self.importer.job is not None:
            self.importer.cancel()
            self.status.import_cancelling()

    def _imported(self, report) -> None:
        self.word_catch_up.start()
        self.market_catch_up.start()
        if report is not None and report.new_hits:
            self.notify_new_hits(report.new_hits)
        self.import_finished.emit(report)

    def notify_new_hits(self, new_hits: dict[str, int]) -> None:
        self.notices.new_hits(new_hits, self.windowIcon())

    def _show_from_tray(self) -> None:
        self.come_forward()
        self.show_watch_view()

    def library_checked(self, problems: list[str]) -> None:
        """The background check ended; on damage, remember it for the next start (which offers
        to restore the automatic backup into a new library) and tell the reader now."""
        if not problems:
            self.settings.setValue(state.CHECKED_AT, time.time())
            return
        self.damage_found = self.ops.damage_found = True
        mark_damaged(self.data_dir, problems)
        self.damage_notice = damage_box(problems, self)
        self.damage_notice.open()

    def edit_watchlists(self) -> WatchlistDialog:
        if self.watch_dialog is None:
            self.watch_dialog = WatchlistDialog(self.store, self.ops, self)
        else:
            self.watch_dialog.reload()
        self.watch_dialog.show()
        self.watch_dialog.raise_()
        return self.watch_dialog

    def export_choices(self):
        return export_choices(self)

    def show_export(self, chosen: str | None = None) -> ExportDialog:
        self.detail.flush_note()  # the note just typed goes out with its item
        self.export_dialog = ExportDialog(
            self.export_choices(), self.data_dir, self.language, chosen or "list", self
        )
        self.export_dialog.pool = self.writer.pool  # after the writes asked for before it
        self.export_dialog.exported.connect(
            lambda path, count: self.status.say(
                tr("已导出 %1 条到 %2").replace("%1", str(count)).replace("%2", path), 8000
            )
        )
        self.export_dialog.open()
        return self.export_dialog

    def back_up(self, path: Path | None = None) -> None:
        """Write the reader's stars, notes, read marks and watchlists to one JSON file."""
        self.detail.flush_note()
        if path is None:
            picked, _ = QFileDialog.getSaveFileName(
                self,
                tr("备份笔记和星标"),
                str(Path.home() / f"telereader-backup-{dt.date.today().isoformat()}.json"),
                "JSON (*.json)",
                options=QFileDialog.Option.DontConfirmOverwrite,  # asked below
            )
            if not picked:
                return
            path = Path(picked)
        if path.exists() and not may_replace(self, path):
            return
        self.ops.back_up(
            path,
            lambda _: self.status.say(tr("已备份到 %1").replace("%1", str(path)), 8000),
            self._failure_box(tr("备份失败")),
        )

    def restore(self, path: Path | None = None) -> None:
        """Merge a backup into the library: nothing of the library's is removed."""
        self.detail.flush_note()
        if path is None:
            picked, _ = QFileDialog.getOpenFileName(
                self, tr("从备份恢复"), str(Path.home()),
                "JSON (*.json);;" + tr("所有文件") + " (*)",
            )  # fmt: skip
            if not picked:
                return
            path = Path(picked)
        self.ops.restore(path, self._failure_box(tr("恢复失败")))

    def _restored(self, report) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("从备份恢复"),
            restore_summary(report, self.language),
            parent=self,
        )
        box.setObjectName("restored")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def _failure_box(self, failure: str):
        def show(error: BaseException) -> None:
            message = describe(error, self.language)
            QMessageBox.warning(
                self, failure, tr("%1：%2").replace("%1", failure).replace("%2", message)
            )

        return show

    def show_shortcuts(self) -> None:
        self.shortcuts_dialog = shortcuts_dialog(shortcut_help(), self)
        self.shortcuts_dialog.open()

    def show_about(self) -> None:
        about_box(self.store.path, self).open()

    # ---- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # The last import's end may still be on its way; it must not start the queued batch
        # on a window that is going away (its worker would signal into deleted objects).
        self.importer.close_queue()
        self.following.stop(CLOSE_WAIT_MS)  # no look starts an import from now on
        # An import holds the write lock for a whole file: it stops first (rolled back inside
        # the file it is writing), else the notes' writes wait behind it past CLOSE_WAIT_MS.
        self.importer.close()
        self.detail.flush_note()
        self.leave_day()  # the day shown counts as looked at, before the writer finishes
        self.ops.close(CLOSE_WAIT_MS)  # with a last automatic backup, on the writer's thread
        if self.watch_dialog is not None:
            self.watch_dialog.finish()
        self.save_settings()
        self.search_service.shutdown()
        self.integrity.shutdown()
        self.word_catch_up.shutdown()
        self.market_catch_up.shutdown()
        # Writes that land from now on change nothing on screen: the window is gone, and its
        # library connection may be closed before their events arrive.
        self.events.blockSignals(True)
        event.accept()
