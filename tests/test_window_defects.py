"""The window defects a new user met (issue 11), each driven as that user would meet it."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTableWidget,
    QToolButton,
)

from telereader.app.translation import install_translators
from telereader.app.widgets.look import Colours
from telereader.core.filters import ItemFilter
from telereader.core.search import search
from telereader.core.watchlists import hit_page, watchlists
from tests.conftest import FIXTURES
from tests.test_window import (  # noqa: F401  (fixtures)
    drop_and_wait,
    english,
    reader,
)
from tests.test_window_search import type_search
from tests.test_window_watch import WAIT_MS, list_rows, make_watchlist, wait_until_applied

# A digest whose window runs past midnight: the 02:13 item happened on 1 March.
PALLADIUM_DAY = """# 财联社【普通】电报 - 2016-02-29
> 统计周期：2016-02-29 05:30 至次日 05:30

---

**[09:32]** 【铑金早盘上涨】财联社2月29日电，铑金早盘上涨。

**[10:05]** 【【盘中宝】铑金需求翻倍，这家公司产能领先】①铑金需求快速增长；②公司产能行业领先。

**[22:10]** 【铑金夜盘走强】财联社2月29日电，铑金夜盘走强。

**[02:13]** 【铑金凌晨回落】财联社3月1日电，铑金凌晨回落。
"""
PALLADIUM_IMPORTANT = """# 财联社【加红】电报 - 2016-03-01
> 统计周期：2016-03-01 05:30 至次日 05:30

**[08:00]** 【铑金期货创新高】财联社3月1日电，铑金期货创新高。
"""
# (real date, clock) of the palladium items, newest first
PALLADIUM_NEWEST_FIRST = [
    ("2016-03-01", "08:00"),
    ("2016-03-01", "02:13"),
    ("2016-02-29", "22:10"),
    ("2016-02-29", "10:05"),
    ("2016-02-29", "09:32"),
]


@pytest.fixture
def palladium(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "palladium"
    folder.mkdir()
    paths = [folder / "cls-2016-02-29.md", folder / "cls-important-2016-03-01.md"]
    paths[0].write_text(PALLADIUM_DAY, encoding="utf-8")
    paths[1].write_text(PALLADIUM_IMPORTANT, encoding="utf-8")
    return paths


def shown_dates(window) -> list[tuple[str, str]]:
    """(date, clock) as each row of the list shows them."""
    model = window.list.model()
    texts = [model.index(row).data(Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())]
    return [tuple(text.split()[:2]) for text in texts]


def type_into(editor, text: str) -> None:
    """Type at the cursor, a character at a time (QTest cannot type Chinese)."""
    for char in text:
        editor.insertPlainText(char)


# ---- 1. the watchlist editor keeps what is being typed ---------------------------------------


def test_the_keyword_editor_keeps_text_and_cursor_when_a_background_apply_finishes(reader, qtbot):
    window = reader.open()
    dialog = window.edit_watchlists()
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.add_watchlist("芯片")
    editor = dialog.keywords
    typed = "中芯国际\n华虹\n英伟达|NVIDIA\n存储芯片"
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):  # the reader pauses: it applies
        type_into(editor, typed)
    wait_until_applied(qtbot, dialog)
    assert "1" in dialog.state.text() or "hit" in dialog.state.text()  # the state refreshed
    assert editor.toPlainText() == typed
    assert editor.textCursor().position() == len(typed)  # the cursor stayed where typing ended

    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        type_into(editor, "台积电")
    wait_until_applied(qtbot, dialog)
    saved = watchlists(window.store)[0]
    assert [k.line for k in saved.keywords] == [
        "中芯国际",
        "华虹",
        "英伟达|NVIDIA",
        "存储芯片台积电",
    ]


def test_a_pause_after_a_new_line_keeps_the_new_line_for_the_next_keyword(reader, qtbot):
    window = reader.open()
    dialog = window.edit_watchlists()
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        dialog.add_watchlist("芯片")
    editor = dialog.keywords
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        type_into(editor, "中芯国际\n")
    wait_until_applied(qtbot, dialog)
    with qtbot.waitSignal(dialog.changed, timeout=WAIT_MS):
        type_into(editor, "华虹")
    wait_until_applied(qtbot, dialog)
    assert [k.line for k in watchlists(window.store)[0].keywords] == ["中芯国际", "华虹"]


# ---- 2. the Watch view's list does not narrow searches ------------------------------------------


def test_a_list_chosen_in_the_watch_view_does_not_narrow_a_later_search(reader, qtbot):
    window = reader.open()
    make_watchlist(qtbot, window, "芯片", ["芯片"]).close()
    chips = watchlists(window.store)[0]
    window.show_watch_view()
    window.watch_scope.setCurrentIndex(window.watch_scope.findData(chips.id))
    assert window.hits_model.watchlist_id == chips.id
    window.escape()  # back to the day

    assert not window.watch_scope.isEnabled()
    assert window.watch_scope.currentData() is None  # the day view names no list
    assert window.watch_scope.currentText() == "All items"

    everything = search(window.store, "黄金").total
    assert everything > 0
    type_search(qtbot, window, "黄金")
    assert window.search_model.total == everything
    assert window.watch_scope.isEnabled() and window.watch_scope.currentData() is None

    # Narrowing is the reader's own choice, and the search bar names it.
    with qtbot.waitSignal(window.search_service.finished, timeout=WAIT_MS):
        window.watch_scope.setCurrentIndex(window.watch_scope.findData(chips.id))
    narrowed = search(window.store, "黄金", search_filter=ItemFilter(watchlist_id=chips.id))
    qtbot.waitUntil(lambda: window.search_model.total == narrowed.total, timeout=WAIT_MS)
    assert narrowed.total < everything
    assert window.watch_scope.currentText() == "芯片"


# ---- 3. focus starts on the list ----------------------------------------------------------------


def test_keyboard_focus_starts_on_the_item_list_at_first_start_and_after_a_restart(reader, qtbot):
    window = reader.open()
    assert window.focusWidget() is window.list
    reader.close(window)
    window = reader.open()
    assert window.focusWidget() is window.list


# ---- 4. items after midnight ----------------------------------------------------------------------


def test_search_results_show_the_real_date_of_items_after_midnight_newest_first(
    reader, qtbot, palladium
):
    window = reader.open()
    drop_and_wait(qtbot, window, palladium)
    type_search(qtbot, window, "铑金")
    assert shown_dates(window) == PALLADIUM_NEWEST_FIRST


def test_the_watch_view_shows_the_real_date_of_items_after_midnight_newest_first(
    reader, qtbot, palladium
):
    window = reader.open()
    drop_and_wait(qtbot, window, palladium)
    make_watchlist(qtbot, window, "铑金", ["铑金"]).close()
    window.show_watch_view()
    assert shown_dates(window) == PALLADIUM_NEWEST_FIRST


def test_the_core_queries_put_items_in_real_time_order(reader, qtbot, palladium):
    window = reader.open()
    drop_and_wait(qtbot, window, palladium)
    make_watchlist(qtbot, window, "铑金", ["铑金"]).close()
    for items in (
        search(window.store, "铑金").items,
        hit_page(window.store, 100),
        search(window.store, "铑金", limit=2, offset=1).items,
    ):
        times = [item.time for item in items]
        assert times == sorted(times, reverse=True)
    assert [f"{i.time:%Y-%m-%d %H:%M}" for i in hit_page(window.store, 100)] == [
        " ".join(when) for when in PALLADIUM_NEWEST_FIRST
    ]


# ---- 5. the search box's clear button ------------------------------------------------------------


def clear_button_showing(qtbot, line_edit, expected: bool = True) -> bool:
    """Whether the box's clear button ends up showing (it fades in and out: wait for the
    expected state, up to a generous timeout, so a loaded machine does not fail the test)."""

    def showing() -> bool:
        return any(
            button.isVisible() and (button.property("opacity") or 0) > 0
            for button in line_edit.findChildren(QToolButton)
        )

    with contextlib.suppress(AssertionError):  # still the other state: the caller says
        qtbot.waitUntil(lambda: showing() == expected, timeout=5000)
    qtbot.wait(50)  # settled: a fade that would come back has started by now
    return showing()


def test_no_clear_button_stays_in_the_empty_search_box_after_escape(reader, qtbot):
    window = reader.open()
    type_search(qtbot, window, "黄金")
    assert clear_button_showing(qtbot, window.search)
    window.escape()
    assert window.search.text() == ""
    assert not clear_button_showing(qtbot, window.search, expected=False)


def test_no_clear_button_stays_in_the_empty_search_box_after_opening_a_result(reader, qtbot):
    window = reader.open()
    type_search(qtbot, window, "黄金")
    window.open_result()
    assert window.search.text() == ""
    assert not clear_button_showing(qtbot, window.search, expected=False)


# ---- 6. the filters apply in the Watch view ------------------------------------------------------


def test_the_filter_buttons_narrow_the_watch_view(reader, qtbot, palladium):
    window = reader.open()
    drop_and_wait(qtbot, window, palladium)
    make_watchlist(qtbot, window, "铑金", ["铑金"]).close()
    every_hit = hit_page(window.store, 100)
    window.store.set_starred([every_hit[2].id], True)
    window.store.set_read([every_hit[0].id, every_hit[1].id])
    window.show_watch_view()
    assert len(list_rows(window)) == 5

    for key, wanted in (
        ("hide_teasers", lambda item: item.kind.value != "teaser"),
        ("unread", lambda item: not item.read),
        ("important", lambda item: item.level.value == "important"),
        ("starred", lambda item: item.starred),
    ):
        window.filter_buttons[key].setChecked(True)
        assert window.watching
        expected = [item.id for item in hit_page(window.store, 100) if wanted(item)]
        assert 0 < len(expected) < 5, key
        assert [item.id for item in list_rows(window)] == expected, key
        assert f"{len(expected)} " in window.counts_label.text()
        shown_list = next(c for c in window.export_choices() if c.key == "list")  # "the list shown"
        assert [item.id for item in shown_list.items(window.store)] == expected[::-1], key
        window.filter_buttons[key].setChecked(False)
    assert len(list_rows(window)) == 5


# ---- 7. nothing clipped ----------------------------------------------------------------------------


def test_the_watchlist_choice_shows_all_watchlists_unclipped(reader, qtbot):
    window = reader.open()
    make_watchlist(qtbot, window, "芯片", ["芯片"]).close()
    window.show_watch_view()
    combo = window.watch_scope
    assert combo.currentText() == "All watchlists"
    qtbot.waitUntil(lambda: combo.isVisible())
    QApplication.processEvents()
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    assert field.width() >= QFontMetrics(combo.font()).horizontalAdvance(combo.currentText())


def test_the_search_placeholder_is_not_elided(reader, qtbot):
    window = reader.open()
    QApplication.processEvents()
    box = window.search
    metrics = QFontMetrics(box.font())
    frame = box.sizeHint().width() - 17 * metrics.horizontalAdvance("x")  # Qt's own measure
    assert box.width() >= frame + metrics.horizontalAdvance(box.placeholderText())


def test_the_shortcuts_table_shows_every_description_whole(reader, qtbot):
    window = reader.open()
    window.show_shortcuts()
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget)
    for column in range(2):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), column
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    dialog.close()


# ---- 8. the sample-day hint -------------------------------------------------------------------------


def test_the_sample_hint_goes_once_real_days_are_in_and_stays_gone(reader, qtbot):
    window = reader.open()
    assert window.hint.isVisible()  # only the bundled sample so far
    drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
    assert not window.hint.isVisible()
    reader.close(window)
    window = reader.open()
    assert not window.hint.isVisible()


def test_the_sample_hint_and_the_hits_banner_are_never_stacked(reader, qtbot, palladium):
    window = reader.open()
    make_watchlist(qtbot, window, "铑金", ["铑金"]).close()
    assert window.hint.isVisible()
    drop_and_wait(qtbot, window, palladium)
    if window.tray is None:
        assert window.banner.isVisible()
    assert not (window.banner.isVisible() and window.hint.isVisible())
    window.notify_new_hits({"铑金": 1})
    assert not (window.banner.isVisible() and window.hint.isVisible())


# ---- 9. Qt's own dialogs in Chinese ------------------------------------------------------------------


def chinese_qt_dialogs(qapp) -> tuple[str, str]:
    translators = install_translators(qapp, "zh")
    try:
        return (
            QCoreApplication.translate("QFileDialog", "Look in:"),
            QCoreApplication.translate("QFileDialog", "Files of type:"),
        )
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_file_dialogs_speak_chinese_in_the_chinese_ui(qapp):
    look_in, files_of_type = chinese_qt_dialogs(qapp)
    assert look_in == "查找范围："
    assert files_of_type == "文件类型："


def test_qt_chinese_is_found_even_where_qt_looks_for_its_translations_elsewhere(
    qapp, monkeypatch, tmp_path
):
    """A frozen app or a system Qt may point QLibraryInfo at a folder without qtbase_zh_CN;
    the copy shipped with PySide6 is used then."""
    real_path = QLibraryInfo.path

    def elsewhere(which):
        if which == QLibraryInfo.LibraryPath.TranslationsPath:
            return str(tmp_path)
        return real_path(which)

    monkeypatch.setattr(QLibraryInfo, "path", elsewhere)
    assert chinese_qt_dialogs(qapp)[0] == "查找范围："


# ---- 10. states that must stay visible -------------------------------------------------------------


def paint_row(window, row: int, selected: bool) -> QImage:
    option = QStyleOptionViewItem()
    option.initFrom(window.list)
    option.rect = QRect(0, 0, 600, 32)
    option.font = window.list.font()
    option.widget = window.list
    option.state |= QStyle.StateFlag.State_Enabled
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    image = QImage(600, 32, QImage.Format.Format_ARGB32)
    image.fill(window.list.palette().color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    window.delegate.paint(painter, option, window.list.model().index(row, 0))
    painter.end()
    return image


def pixels_near(image: QImage, colour: QColor, distance: int = 40) -> int:
    found = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
                <= distance
            ):
                found += 1
    return found


def test_the_important_and_note_badges_stay_legible_on_the_selected_row(reader, qtbot):
    from telereader.app.widgets.look import contrast

    window = reader.open()
    drop_and_wait(qtbot, window, [FIXTURES / "small-important.md"])
    row = next(r for r, item in enumerate(list_rows(window)) if item.level.value == "important")
    item = list_rows(window)[row]
    window.ops.save_note(item.id, "看一看")
    colours = Colours.for_palette(window.list.palette())
    # Each badge is drawn in its own colour on a ground it contrasts with, selected or not.
    for colour in (colours.important, colours.note):
        ground = window.delegate.badge_ground(window.list.palette(), selected=True)
        assert contrast(colour, ground) >= 4.5
    # the badges only: an unselected 加红 row's title is red too, a selected one's is not
    font = window.list.font()
    left = window.delegate._text_left(font, show_day=False)
    badges = window.delegate._badges(list_rows(window)[row], None, window.delegate.watchlists)
    strip = QRect(left, 0, window.delegate.badges_width(badges, font), 32)
    unselected = paint_row(window, row, selected=False).copy(strip)
    selected = paint_row(window, row, selected=True).copy(strip)
    for colour in (colours.important, colours.note):
        assert pixels_near(selected, colour) >= pixels_near(unselected, colour) // 2 > 0


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e0e0e0"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e0e0e0"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e0e0e0"),
        (QPalette.ColorRole.Highlight, "#2a82da"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def mean_lightness(image: QImage) -> float:
    total = 0
    for y in range(image.height()):
        for x in range(image.width()):
            total += image.pixelColor(x, y).lightness()
    return total / (image.width() * image.height())


def test_a_checked_filter_button_looks_different_under_a_dark_palette(reader, qtbot):
    window = reader.open()
    window.setPalette(dark_palette())
    button = window.filter_buttons["unread"]
    button.setChecked(False)
    QApplication.processEvents()
    unchecked = button.grab().toImage()
    button.setChecked(True)
    QApplication.processEvents()
    checked = button.grab().toImage()
    assert abs(mean_lightness(checked) - mean_lightness(unchecked)) >= 25


def test_a_keyword_marked_on_the_selected_row_stays_readable(reader):
    from telereader.app.widgets.delegate import ItemDelegate
    from telereader.app.widgets.look import contrast
    from telereader.core.watchlists import PALETTE

    window = reader.open()
    for palette in (window.list.palette(), dark_palette()):
        colours = Colours.for_palette(palette)
        for colour in PALETTE:
            marked = ItemDelegate.mark_format(colour, colours, palette)
            assert contrast(marked.foreground().color(), marked.background().color()) >= 4.5


def test_keywords_marked_in_the_detail_stay_readable_after_switching_to_a_dark_palette(reader, qtbot):
    """Marks are tinted from the palette; switching palette while an item is shown re-tints them
    (they kept the light tint: pale marks under light text)."""
    from telereader.app.models import ItemRole
    from telereader.app.widgets.look import contrast

    window = reader.open()
    make_watchlist(qtbot, window, "黄金", ["黄金"]).close()
    model = window.list.model()
    row = next(
        row
        for row in range(model.rowCount())
        if "黄金" in model.index(row, 0).data(ItemRole).body
    )
    window.list.setCurrentIndex(model.index(row, 0))
    qtbot.waitUntil(lambda: window.detail.body.extraSelections() != [], timeout=WAIT_MS)
    window.setPalette(dark_palette())
    QApplication.processEvents()
    text = window.detail.body.palette().color(QPalette.ColorRole.Text)
    for selection in window.detail.body.extraSelections():
        background = selection.format.background().color()
        assert contrast(text, background) >= 4.5
