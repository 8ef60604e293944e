"""The window's layout as the reader sees it: the calendar column, the timeline as the main area
and the detail as a side panel, proportions that follow the window, the reader's own splitter
positions (and a saved state of the old two-column layout ignored), the collapsible calendar,
the note box that grows with its text, and zoom of the timeline with its level shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from telereader.app.models import ItemRole
from telereader.app.widgets.note import MAX_LINES, MIN_LINES
from telereader.app.window import state
from telereader.app.window.columns import CALENDAR_WIDTH
from telereader.core.importer import import_paths
from telereader.core.store import Store
from tests.conftest import FIXTURES
from tests.test_window import SAMPLE_DAY, SMALL_DAY, english, reader  # noqa: F401  (fixtures)


def settle() -> None:
    QApplication.processEvents()


def timeline_share(window) -> float:
    _calendar, timeline, detail = window.main_splitter.sizes()
    return timeline / (timeline + detail)


# ---- the three columns ----------------------------------------------------------------------


def test_at_1400_by_900_the_calendar_is_narrow_and_the_timeline_has_most_of_the_rest(
    reader, qtbot
):
    window = reader.open()
    window.resize(1400, 900)
    settle()
    calendar, timeline, detail = window.main_splitter.sizes()
    # 230 px, or what the calendar and its buttons need in a larger font (a CJK family)
    assert calendar == window.main_splitter.calendar_width() >= CALENDAR_WIDTH
    assert calendar < 300
    assert abs(timeline_share(window) - 0.6) < 0.02
    assert timeline > detail > 400
    assert window.list.width() > 600  # the timeline, not the detail, is the main area


def test_the_proportions_follow_the_window_when_it_is_resized(reader, qtbot):
    window = reader.open()
    window.resize(1400, 900)
    settle()
    calendar = window.main_splitter.sizes()[0]
    window.resize(1000, 700)
    settle()
    assert window.main_splitter.sizes()[0] == calendar  # the calendar keeps its width
    assert abs(timeline_share(window) - 0.6) < 0.02
    window.main_splitter.setSizes([calendar, 500, 250])  # the reader's own proportion
    window.resize(1400, 900)
    settle()
    assert window.main_splitter.sizes()[0] == calendar
    assert abs(timeline_share(window) - 500 / 750) < 0.02


def test_the_readers_splitter_positions_come_back(reader, qtbot):
    window = reader.open()
    window.resize(790, 600)  # the offscreen screen is 800 px wide: a geometry within it
    window.main_splitter.setSizes([240, 360, 180])
    settle()
    sizes = window.main_splitter.sizes()
    reader.close(window)

    reopened = reader.open()
    settle()
    assert reopened.main_splitter.sizes() == sizes


def _old_layout_state(data_dir) -> None:
    """What the two-column layout saved: calendar over the list on the left, detail right."""
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = state.open_settings(data_dir)
    main, left = QSplitter(Qt.Orientation.Horizontal), QSplitter(Qt.Orientation.Vertical)
    for splitter, sizes in ((main, [420, 980]), (left, [300, 500])):
        for _ in sizes:
            splitter.addWidget(QWidget())
        splitter.setSizes(sizes)
    settings.setValue("window/main_splitter", main.saveState())
    settings.setValue("window/left_splitter", left.saveState())
    settings.sync()


def test_a_saved_state_of_the_old_layout_is_ignored_and_the_new_proportions_apply(
    reader, qtbot
):
    _old_layout_state(reader.data_dir)
    window = reader.open()
    window.resize(1400, 900)
    settle()
    calendar, timeline, detail = window.main_splitter.sizes()
    assert calendar == window.main_splitter.calendar_width() and timeline > 0 and detail > 0
    assert abs(timeline_share(window) - 0.6) < 0.02
    reader.close(window)
    settings = state.open_settings(reader.data_dir)
    assert not settings.contains("window/main_splitter")  # no longer kept
    assert not settings.contains("window/left_splitter")
    assert settings.contains(state.COLUMNS)


def test_a_damaged_saved_splitter_state_leaves_the_default_proportions(reader, qtbot):
    reader.data_dir.mkdir(parents=True)
    settings = state.open_settings(reader.data_dir)
    settings.setValue(state.COLUMNS, QByteArray(b"\x00\x01not a state"))
    settings.sync()
    window = reader.open()
    window.resize(1400, 900)
    settle()
    assert all(size > 0 for size in window.main_splitter.sizes())
    assert abs(timeline_share(window) - 0.6) < 0.02


# ---- the calendar collapses -----------------------------------------------------------------


def test_f9_collapses_the_calendar_and_the_day_stays_named_and_reachable_by_keys(reader, qtbot):
    window = reader.open()
    with Store.open(reader.data_dir) as other:
        import_paths(other, [FIXTURES / "small.md"])
    window.refresh_days()
    window.resize(1400, 900)
    settle()
    timeline_before = window.main_splitter.sizes()[1]
    assert window.day_nav.isVisible() and not window.day_label.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    settle()
    assert not window.day_nav.isVisible()
    assert window.main_splitter.sizes()[1] > timeline_before  # the timeline takes the room
    assert window.day_label.isVisible()
    assert SAMPLE_DAY.isoformat() in window.day_label.text()
    assert not window.actions_by_id["toggle_calendar"].isChecked()
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_BracketRight)
    assert window.model.day == SMALL_DAY
    assert SMALL_DAY.isoformat() in window.day_label.text()
    reader.close(window)

    reopened = reader.open()
    assert not reopened.day_nav.isVisible()  # remembered
    assert SMALL_DAY.isoformat() in reopened.day_label.text()
    reopened.actions_by_id["toggle_calendar"].trigger()  # 查看 → 显示日历
    settle()
    assert reopened.day_nav.isVisible() and not reopened.day_label.isVisible()
    assert reopened.main_splitter.sizes()[0] >= reopened.main_splitter.calendar_width()
    assert reopened.actions_by_id["toggle_calendar"].isChecked()
    reader.close(reopened)
    assert reader.open().day_nav.isVisible()


def test_collapsing_the_calendar_while_it_has_the_focus_gives_the_keys_to_the_list(
    reader, qtbot
):
    window = reader.open()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.calendar.setFocus()
    window.toggle_calendar()
    assert window.list.hasFocus()
    window.list.setFocus()
    day = window.model.day
    qtbot.keyClick(window.list, Qt.Key.Key_BracketLeft)  # no earlier day: nothing breaks
    assert window.model.day == day == dt.date(2026, 1, 14)


# ---- the detail as a side panel: the note box grows with its text ------------------------------


def test_the_note_box_starts_small_grows_with_its_text_then_scrolls(reader, qtbot):
    window = reader.open()
    note = window.detail.note
    settle()
    empty_height = note.height()
    assert empty_height == note.height_for(MIN_LINES)
    assert window.detail.body.height() > empty_height  # the item's text has the room
    note.setPlainText("\n".join(f"line {n}" for n in range(6)))
    settle()
    assert note.height() == note.height_for(6) > empty_height
    note.setPlainText("\n".join(f"line {n}" for n in range(40)))
    settle()
    assert note.height() == note.height_for(MAX_LINES)
    assert note.verticalScrollBar().maximum() > 0
    window.move_selection(+1)  # another item, no note: small again
    settle()
    assert note.height() == empty_height


def test_the_detail_has_a_place_for_further_panels_under_the_note(reader, qtbot):
    window = reader.open()
    panel = QWidget()
    window.detail.add_panel(panel)
    assert panel.parent() is window.detail


# ---- zoom applies to the timeline, and the level is shown ----------------------------------------


def test_zoom_changes_the_timelines_font_and_rows_and_shows_the_level(reader, qtbot):
    window = reader.open()
    settle()
    font_size = window.list.font().pointSizeF()
    row_height = window.list.visualRect(window.model.index(0)).height()
    assert window.status.zoom_label.text() == "100%"
    window.list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert window.status.zoom_label.text() == "125%"  # 15 pt of 12
    assert window.list.font().pointSizeF() > font_size
    qtbot.waitUntil(
        lambda: window.list.visualRect(window.model.index(0)).height() > row_height,
        timeout=5000,
    )
    zoomed = window.list.font().pointSizeF()
    reader.close(window)

    reopened = reader.open()
    assert reopened.status.zoom_label.text() == "125%"  # remembered, as the size is
    assert reopened.list.font().pointSizeF() == zoomed
    reopened.zoom(0)  # Ctrl+0
    assert reopened.status.zoom_label.text() == "100%"
    assert reopened.list.font().pointSizeF() == font_size


def test_a_long_title_does_not_raise_the_windows_least_height(reader, qtbot):
    window = reader.open()
    window.resize(1400, 900)
    settle()
    item = window.current_item()
    least = window.minimumSizeHint().height()
    window.detail.show_item(item.replace(title="长标题" * 80))  # wraps to many lines
    settle()
    assert window.minimumSizeHint().height() == least
    window.resize(1400, least)  # and the window still shrinks that far
    settle()
    assert window.height() == least


# ---- painted once, in place ----------------------------------------------------------------


def detail_geometry(window) -> list:
    detail = window.detail
    return [widget.geometry() for widget in (detail.meta, detail.title, detail.body,
                                             detail.source, detail.note)]  # fmt: skip


def test_a_new_item_and_a_new_day_are_laid_out_before_they_are_painted(reader, qtbot):
    """Nothing moves a turn of the event loop after the switch: the detail's labels and the
    calendar's month are laid out in the switch, so the first paint is the final one."""
    window = reader.open()
    with Store.open(reader.data_dir) as other:
        import_paths(other, [FIXTURES / "small.md"])
    window.refresh_days()
    settle()
    items = [window.list.model().index(row, 0).data(ItemRole) for row in range(12)]
    for item in sorted(items, key=lambda item: len(item.title or ""))[::3]:
        window.list.select(item.id)  # titles short and long, one line and more
        before = detail_geometry(window)
        settle()
        assert detail_geometry(window) == before
    month = window.calendar.findChild(QWidget, "qt_calendar_monthbutton")
    for day in (SMALL_DAY, SAMPLE_DAY, SMALL_DAY):
        window.show_day(day)
        before = detail_geometry(window), month.geometry()
        settle()
        assert (detail_geometry(window), month.geometry()) == before


def test_a_day_switch_gives_the_list_the_rows_that_fill_it_whatever_the_windows_height(
    reader, qtbot
):
    """Each row given to the list costs a size hint at every switch: the first page is what
    fills the list at the least height a row has, so the list is full at once, and no more."""
    window = reader.open()
    for height in (700, 1400):
        window.resize(1200, height)
        settle()
        window.show_day(SAMPLE_DAY)  # 93 items, loaded again at this height
        model, shown = window.list.model(), window.list.viewport().height()
        last = window.list.visualRect(model.index(model.rowCount() - 1, 0))
        assert last.bottom() >= shown  # full at once: no gap at the bottom for a turn
        least = window.list.fontMetrics().height() + 12  # one line and the row's padding
        assert model.rowCount() <= shown // least + 2
