"""The reader window, driven as a user would: drops, keys, clicks, closing and reopening."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QTableWidget

from telereader.app.dialogs.report import ReportModel
from telereader.app.models import DayItemsModel, ItemRole, plain_tooltip
from telereader.app.translation import install_translators
from telereader.app.widgets.calendar import to_qdate
from telereader.app.window import MainWindow
from telereader.app.window.actions import shortcut_help
from telereader.core.importer import import_paths
from telereader.core.model import FileStatus, Level
from telereader.core.store import Store
from tests.conftest import FIXTURES, SAMPLE

SAMPLE_DAY = dt.date(2026, 1, 14)
SMALL_DAY = dt.date(2026, 3, 2)
IMPORT_TIMEOUT_MS = 20_000


@pytest.fixture(autouse=True, scope="module")
def english(qapp):
    """The tests read the English UI text."""
    translators = install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


class Reader:
    """Opens windows on one data dir and closes them as a user would."""

    def __init__(self, qtbot, data_dir: Path):
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.stores: list[Store] = []
        self.windows: list[MainWindow] = []

    def open(self, *, wait_for_sample: bool = True) -> MainWindow:
        store = Store.open(self.data_dir)
        self.stores.append(store)
        window = MainWindow(store, self.data_dir, "en")
        self.windows.append(window)
        window.show()
        if wait_for_sample and not store.days():
            with self.qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS):
                window.start()
        else:
            window.start()
        return window

    def close(self, window: MainWindow) -> None:
        window.close()
        window.deleteLater()
        self.qtbot.wait(10)  # let it go, as the application would when its window closes

    def finish(self) -> None:
        for window in self.windows:
            if shiboken6.isValid(window):
                self.close(window)
        for store in self.stores:
            store.close()


@pytest.fixture
def reader(qtbot, data_dir):
    opened = Reader(qtbot, data_dir)
    yield opened
    opened.finish()


def drop(window: MainWindow, paths: list[Path]) -> None:
    """Send the drag-enter and drop events a file manager sends."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)


def drop_and_wait(qtbot, window: MainWindow, paths: list[Path]):
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS) as blocker:
        drop(window, paths)
    return blocker.args[0]


def rows(window: MainWindow) -> list:
    return [window.model.index(row).data(ItemRole) for row in range(window.model.rowCount())]


def press(qtbot, widget, key, text: str = "") -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key)


# ---- first start, drop, report -------------------------------------------------------------


def test_first_start_on_an_empty_library_shows_the_sample_day_with_a_drop_hint(reader):
    window = reader.open()
    assert window.model.day == SAMPLE_DAY
    assert window.model.matching == 93
    assert window.hint.isVisible()
    assert window.counts_label.text().startswith("93 items")
    assert window.report_dialog is None  # the sample import is quiet
    assert window.current_item() is not None
    assert window.detail.title.text() == window.current_item().title


def test_dropping_a_good_and_a_bad_file_imports_one_and_reports_both(reader, qtbot, tmp_path):
    window = reader.open()
    good = tmp_path / "small.md"
    shutil.copy(FIXTURES / "small.md", good)
    bad = tmp_path / "picture.md"
    shutil.copy(FIXTURES / "picture.md", bad)
    report = drop_and_wait(qtbot, window, [good, bad])
    assert [f.status for f in report.files] == [FileStatus.IMPORTED, FileStatus.REJECTED]
    assert window.model.day == SMALL_DAY  # the calendar goes to the newest imported day
    assert window.calendar.selectedDate() == to_qdate(SMALL_DAY)
    assert window.model.rowCount() == 7
    assert window.calendar.mark(SMALL_DAY)[1]  # a new day: underlined

    dialog = window.report_dialog
    assert dialog is not None and dialog.isVisible()
    model = dialog.model
    assert model.rowCount() == 2
    assert [model.index(r, 0).data() for r in range(2)] == ["small.md", "picture.md"]
    assert model.index(0, 3).data() == 7  # added
    assert model.index(1, 2).data() == "Rejected"
    assert "PNG" in model.index(1, 6).data()
    assert "2 files" in dialog.summary.text()


def test_dropping_the_same_files_again_reports_them_unchanged(reader, qtbot):
    window = reader.open()
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
    report = drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
    assert [f.status for f in report.files] == [FileStatus.UNCHANGED]
    window.status.report_button.click()  # a routine import: its report is asked for
    assert window.report_dialog.model.index(0, 2).data() == "Unchanged"
    assert window.report_dialog.model.index(0, 5).data() == 7


def test_a_dropped_folder_imports_with_warnings_in_the_report(reader, qtbot, tmp_path):
    window = reader.open()
    folder = tmp_path / "days"
    folder.mkdir()
    for name in ("bad-lines.md", "small.md", "empty.md"):
        shutil.copy(FIXTURES / name, folder / name)
    report = drop_and_wait(qtbot, window, [folder])
    assert len(report.files) == 3
    model = window.report_dialog.model
    explanations = [model.index(r, 6).data() for r in range(3)]
    assert "line 3: a text line that belongs to no item; ignored" in explanations[0]
    assert explanations[1] == "the file is empty"


def test_a_drop_while_importing_waits_for_the_running_import(reader, qtbot, tmp_path):
    window = reader.open()
    window.start_import([FIXTURES / "small.md"])
    drop(window, [FIXTURES / "bad-lines.md"])
    reports = []
    window.import_finished.connect(reports.append)
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=IMPORT_TIMEOUT_MS)
    assert dt.date(2026, 3, 4) in window.days and SMALL_DAY in window.days


def test_cancel_stops_between_files(reader, qtbot, tmp_path):
    window = reader.open()
    folder = tmp_path / "many"
    folder.mkdir()
    text = (FIXTURES / "small.md").read_text(encoding="utf-8")
    for day in range(1, 29):
        (folder / f"d{day:02}.md").write_text(
            text.replace("2026-03-02", f"2026-02-{day:02}"), "utf-8"
        )
    with qtbot.waitSignal(window.import_finished, timeout=IMPORT_TIMEOUT_MS) as blocker:
        window.start_import([folder])
        assert window.cancel_button.isVisible() and window.progress.isVisible()
        window.cancel_import()
    report = blocker.args[0]
    assert report.cancelled
    assert len(report.files) < 28
    assert not window.progress.isVisible()


# ---- reading with the keyboard --------------------------------------------------------------


def test_j_and_k_and_arrows_move_through_the_items(reader, qtbot):
    window = reader.open()
    window.list.setFocus()
    first = window.current_item()
    qtbot.keyClick(window.list, Qt.Key.Key_J)
    qtbot.keyClick(window.list, Qt.Key.Key_J)
    assert window.list.currentIndex().row() == 2
    qtbot.keyClick(window.list, Qt.Key.Key_K)
    assert window.list.currentIndex().row() == 1
    qtbot.keyClick(window.list, Qt.Key.Key_Up)
    assert window.current_item() == first
    qtbot.keyClick(window.list, Qt.Key.Key_Down)
    assert window.detail.item == window.current_item()


def test_s_stars_n_goes_to_the_note_enter_to_the_text_and_escape_back(reader, qtbot):
    window = reader.open()
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_S)
    assert window.current_item().starred
    assert window.detail.star_button.isChecked()
    qtbot.keyClick(window.list, Qt.Key.Key_N)
    assert window.detail.note.hasFocus()
    qtbot.keyClicks(window.detail.note, "s")  # typing a note never stars
    assert window.current_item().starred
    qtbot.keyClick(window.detail.note, Qt.Key.Key_Escape)
    assert window.list.hasFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Return)
    assert window.detail.body.hasFocus()
    qtbot.keyClick(window.detail.body, Qt.Key.Key_S)
    assert not window.current_item().starred
    qtbot.keyClick(window.detail.body, Qt.Key.Key_Slash)
    assert window.search.hasFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.list.hasFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()


def test_brackets_go_to_the_previous_and_next_day_with_items(reader, qtbot):
    window = reader.open()
    with Store.open(reader.data_dir) as other:
        import_paths(other, [FIXTURES / "small.md", FIXTURES / "bad-lines.md"])
    window.refresh_days()
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_BracketRight)
    assert window.model.day == SMALL_DAY
    qtbot.keyClick(window.list, Qt.Key.Key_BracketRight)
    assert window.model.day == dt.date(2026, 3, 4)
    qtbot.keyClick(window.list, Qt.Key.Key_BracketRight)
    assert window.model.day == dt.date(2026, 3, 4)
    qtbot.keyClick(window.list, Qt.Key.Key_BracketLeft)
    qtbot.keyClick(window.list, Qt.Key.Key_BracketLeft)
    assert window.model.day == SAMPLE_DAY
    window.go_to_newest_day()
    assert window.model.day == dt.date(2026, 3, 4)


def test_space_in_the_items_text_pages_the_text(reader, qtbot):
    # (Space in the list pages the timeline: tests/test_layout_paging.py)
    window = reader.open()
    window.resize(700, 400)
    window.detail.body.setPlainText("\n".join(f"第{n}行" for n in range(300)))
    bar = window.detail.body.verticalScrollBar()
    assert bar.value() == 0
    window.focus_detail()
    qtbot.keyClick(window.detail.body, Qt.Key.Key_Space)
    assert bar.value() > 0


def test_help_lists_every_shortcut(reader, qtbot):
    window = reader.open()
    window.show_shortcuts()
    table = window.shortcuts_dialog.findChild(QTableWidget)
    keys = {table.item(row, 0).text() for row in range(table.rowCount())}
    assert keys == {keys for keys, _ in shortcut_help()}
    assert {"J / ↓", "S", "N", "Esc", "[ / ]", "/ , Ctrl+F", "Space"} <= keys


# ---- the reader's data across sessions -------------------------------------------------------


def test_star_and_note_are_kept_across_closing_and_reopening(reader, qtbot):
    window = reader.open()
    window.move_selection(+3)
    chosen = window.current_item()
    window.detail.star_button.click()
    window.detail.note.setFocus()
    qtbot.keyClicks(window.detail.note, "watch silver")
    reader.close(window)  # closing saves the note without waiting for the timer

    reopened = reader.open()
    assert reopened.current_item().id == chosen.id  # the selected item comes back
    assert reopened.current_item().starred
    assert reopened.detail.note.toPlainText() == "watch silver"
    assert reopened.detail.star_button.isChecked()


def test_a_note_is_saved_shortly_after_typing_and_when_switching_items(reader, qtbot):
    window = reader.open()
    item = window.current_item()
    window.detail.note.setFocus()
    qtbot.keyClicks(window.detail.note, "abc")
    qtbot.waitUntil(lambda: window.store.item(item.id).note == "abc", timeout=2000)
    qtbot.keyClicks(window.detail.note, "d")
    window.move_selection(+1)  # switching hands the note to the writer at once
    assert rows(window)[0].note == "abcd"  # shown at once, in the library a moment later
    qtbot.waitUntil(lambda: window.store.item(item.id).note == "abcd", timeout=2000)


def test_an_item_becomes_read_after_being_selected_for_a_moment(reader, qtbot):
    window = reader.open()
    item = window.current_item()
    qtbot.waitUntil(lambda: window.store.item(item.id).read, timeout=3000)
    assert "unread 92" in window.counts_label.text()
    assert not window.model.index(0).data(Qt.ItemDataRole.FontRole).bold()
    window.mark_day_read()
    assert "unread 0" in window.counts_label.text()


def test_filters_combine_and_are_remembered(reader, qtbot):
    window = reader.open()
    with Store.open(reader.data_dir) as other:
        import_paths(other, [FIXTURES / "small.md", FIXTURES / "small-important.md"])
    window.refresh_days()
    window.show_day(SMALL_DAY)
    assert window.model.rowCount() == 7
    window.filter_buttons["hide_teasers"].click()
    assert window.model.rowCount() == 6
    window.filter_buttons["important"].click()
    assert {item.level for item in rows(window)} == {Level.IMPORTANT}
    assert window.model.rowCount() == 2
    assert "showing 2" in window.counts_label.text()
    window.filter_buttons["starred"].click()
    assert window.model.rowCount() == 0
    window.filter_buttons["starred"].click()
    window.filter_buttons["unread"].click()
    reader.close(window)

    reopened = reader.open()
    assert reopened.filter_buttons["important"].isChecked()
    assert reopened.filter_buttons["hide_teasers"].isChecked()
    assert reopened.filter_buttons["unread"].isChecked()
    assert not reopened.filter_buttons["starred"].isChecked()
    assert reopened.model.day == SMALL_DAY
    reopened.clear_filters()
    assert reopened.model.rowCount() == 7


def test_window_geometry_splitters_and_font_size_come_back(reader, qtbot):
    window = reader.open()
    window.resize(790, 540)
    window.main_splitter.setSizes([240, 330, 210])
    window.list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    size = window.detail.point_size
    sizes = window.main_splitter.sizes()
    reader.close(window)

    reopened = reader.open()
    assert reopened.detail.point_size == size == 14
    assert (reopened.width(), reopened.height()) == (790, 540)
    assert reopened.main_splitter.sizes() == sizes
    with qtbot.waitActive(reopened):
        reopened.activateWindow()
    reopened.list.setFocus()
    qtbot.keyClick(reopened.list, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert reopened.detail.point_size == 12


# ---- plain text, calendar, models ---------------------------------------------------------------


def test_text_from_files_is_shown_as_plain_text_never_html(reader, qtbot, tmp_path):
    window = reader.open()
    hostile = tmp_path / "hostile-2026-03-05.md"
    hostile.write_text(
        "# 财联社【普通】电报 - 2026-03-05\n\n"
        "**[09:00]** 【<b>粗体</b><a href='http://x'>链接</a>】<img src=x>正文<script>x</script>\n",
        encoding="utf-8",
    )
    drop_and_wait(qtbot, window, [hostile])
    window.show_day(dt.date(2026, 3, 5))
    assert window.detail.title.text() == "<b>粗体</b><a href='http://x'>链接</a>"
    assert window.detail.title.textFormat() == Qt.TextFormat.PlainText
    assert window.detail.body.toPlainText() == "<img src=x>正文<script>x</script>"
    tooltip = window.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tooltip and "&lt;b&gt;" in tooltip
    assert plain_tooltip("<i>") == "<p style='white-space:pre-wrap'>&lt;i&gt;</p>"


def test_the_calendar_marks_days_with_items_and_their_count(reader):
    window = reader.open()
    assert window.calendar.dateTextFormat(to_qdate(SAMPLE_DAY)).toolTip() == "93 items"
    assert window.calendar.mark(SAMPLE_DAY) is not None
    assert window.calendar.mark(dt.date(2026, 1, 15)) is None
    assert window.calendar.dateTextFormat(to_qdate(dt.date(2026, 1, 15))).toolTip() == ""


def test_every_item_model_passes_the_model_tester(reader, qtmodeltester, store):
    import_paths(store, [SAMPLE])
    model = DayItemsModel(store)
    model.load(SAMPLE_DAY)
    qtmodeltester.check(model)
    model.load(None)
    qtmodeltester.check(model)
    report = import_paths(store, [FIXTURES / "small.md", FIXTURES / "empty.md"])
    qtmodeltester.check(ReportModel(report, "en"))


def test_the_star_badge_repaints_only_its_row(reader, qtbot):
    window = reader.open()
    changed = []
    window.model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    window.move_selection(+5)
    window.toggle_star()
    assert (5, 5) in changed
    assert all(top == bottom for top, bottom in changed)


def test_starring_and_notes_keep_a_rolling_automatic_backup(reader, qtbot):
    from telereader.core.backup import latest_auto_backup

    window = reader.open()
    assert latest_auto_backup(reader.data_dir) is None
    window.toggle_star()  # the backup follows as soon as the star is in the library
    qtbot.waitUntil(lambda: latest_auto_backup(reader.data_dir) is not None, timeout=3000)
    backup = latest_auto_backup(reader.data_dir)
    assert window.current_item().id in backup.read_text(encoding="utf-8")


def test_closing_while_an_import_ends_drops_the_batch_waiting_behind_it(reader, qtbot):
    """Files dropped during an import wait their turn; closing the window drops them, even when
    the running import's end arrives after the close (its worker would otherwise start the next
    batch on a window about to be deleted)."""
    window = reader.open(wait_for_sample=False)  # the sample day is importing
    assert window.job is not None and window.job.running
    window.start_import([FIXTURES / "small.md"])  # waits behind it
    first = window.job
    window.close()  # waits for the running import's worker to let go
    qtbot.wait(100)  # its end is delivered now, after the close
    assert window.job is first
    assert window.store.items_on(dt.date(2026, 3, 2)) == []


def test_a_closed_window_no_longer_follows_the_library(reader, qtbot):
    """Events of writes that land after the close (a read mark, say) reach a window whose
    library connection may already be closed: they change nothing and raise nothing."""
    window = reader.open()
    item = window.current_item()
    window.close()  # the object lives on until the event loop deletes it
    reader.stores[-1].close()
    window.events.items_changed.emit((item.id,), "read")
    window.events.watchlists_changed.emit()
