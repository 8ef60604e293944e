"""Saved searches in the window: saved with their filters, listed beside the calendar with their
unread counts, opened with one click after a restart, renamed, reordered, deleted, exported."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QRadioButton

from telereader.core.saved_searches import SearchConditions, save_search, saved_searches
from tests.test_window import english, reader  # noqa: F401  (the English UI; windows on a library)
from tests.test_window_search import SEARCH_TIMEOUT_MS, shown, type_search

WAIT_MS = 10_000


def saved_change(qtbot, window):
    return qtbot.waitSignal(window.events.saved_searches_changed, timeout=WAIT_MS)


def names(window) -> list[str]:
    return [saved.name for saved in window.saved_panel.searches]


def test_a_saved_search_comes_back_after_a_restart_with_its_filters_and_results(reader, qtbot):
    window = reader.open()
    window.filter_buttons["hide_teasers"].click()
    type_search(qtbot, window, "黄金")
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.scope.setCurrentIndex(1)  # the day shown: a fixed day
    qtbot.waitUntil(lambda: window.search_model.request.search_filter.day_from is not None)
    results = [item.id for item in shown(window)]
    assert results
    with saved_change(qtbot, window):
        window.save_current_search("黄金当天")
    assert names(window) == ["黄金当天"]
    saved_id = window.saved_panel.searches[0].id
    assert window.saved_panel.isVisible()
    # its unread count, counted off the UI thread
    qtbot.waitUntil(
        lambda: window.saved_panel.row_text(saved_id) == f"黄金当天  ({len(results)})",
        timeout=WAIT_MS,
    )
    reader.close(window)

    again = reader.open()
    assert names(again) == ["黄金当天"]
    again.clear_filters()  # the filters shown are the reader's, whatever the saved search had
    assert again.search_bar.text() == "" and not again.filter_buttons["hide_teasers"].isChecked()
    row = again.saved_panel.rows.item(0)
    with qtbot.waitSignal(again.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        again.saved_panel.rows.itemClicked.emit(row)  # one click
    qtbot.waitUntil(lambda: again.searching, timeout=WAIT_MS)
    assert again.search_bar.text() == "黄金"
    assert again.filter_buttons["hide_teasers"].isChecked()
    assert again.search_model.request.search_filter.day_from is not None
    assert "2026-01-14" in again.counts_label.text()  # the saved day, which the scope cannot show
    assert [item.id for item in shown(again)] == results


def test_rename_reorder_delete_export_and_chart_from_the_side_list(reader, qtbot, monkeypatch):
    window = reader.open()
    window.save_current_search("名字")  # nothing in the box: nothing to save
    assert names(window) == [] and not window.saved_panel.isVisible()
    for name, query in (("一", "黄金"), ("二", "原油"), ("三", "央行")):
        save_search(window.store, name, query, SearchConditions(hide_teasers=True, last_days=30))
    window.refresh_saved_searches()
    rows = window.saved_panel.rows
    window.focus_saved_searches()
    assert rows.currentRow() == 0 and rows.hasFocus()

    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("黄金动向", True))
    with saved_change(qtbot, window):
        qtbot.keyClick(rows, Qt.Key.Key_F2)
    assert names(window) == ["黄金动向", "二", "三"]

    with saved_change(qtbot, window):
        qtbot.keyClick(rows, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert names(window) == ["二", "黄金动向", "三"]
    qtbot.waitUntil(lambda: rows.currentRow() == 1)

    # 导出… opens its results and the export dialog on the list shown
    gold = window.saved_panel.searches[1].id
    entries = {a.objectName(): a for a in window.saved_panel.context_menu_for(gold).actions()}
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        entries["saved_export"].trigger()
    qtbot.waitUntil(lambda: window.export_dialog is not None, timeout=WAIT_MS)
    total = window.search_model.total
    assert window.scope.currentData() == 30  # relative: back from the newest day, as the scope
    assert window.filter_buttons["hide_teasers"].isChecked()
    chosen = window.export_dialog.findChild(QRadioButton, "export_list")
    assert total > 0 and chosen.isChecked() and str(total) in chosen.text()
    window.export_dialog.reject()
    # 趋势: its results with the trend chart counting them
    window.back_to_day()
    entries["saved_trend"].trigger()
    qtbot.waitUntil(lambda: window.searching and window.trend_chart.total == total, timeout=WAIT_MS)

    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window.focus_saved_searches()
    rows.setCurrentRow(1)
    with saved_change(qtbot, window):
        qtbot.keyClick(rows, Qt.Key.Key_Delete)
    assert "黄金动向" in asked[0]
    assert names(window) == ["二", "三"]
    assert [saved.name for saved in saved_searches(window.store)] == ["二", "三"]
