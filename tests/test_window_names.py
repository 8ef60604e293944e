"""The view of a company or theme in the window: the names with their counts, narrowed by
typing; a name's items across days in the list, newest first, with its moves; reached from the
day column, the 相关 panel and the movers window; the reader's corrections of names written
through LibraryOps."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from telereader.app.models import ItemRole
from telereader.core.reader_names import reader_names
from telereader.core.store import Store
from tests.test_window import (  # noqa: F401  (fixtures)
    SAMPLE_DAY,
    english,
    reader,
)
from tests.test_window_markets import MARKETS_TIMEOUT_MS, extracted, select_where

FINTECH_TITLE = "互联金融板块持续走高 拉卡拉20cm涨停"


def names_window(reader, qtbot):
    window = reader.open()
    qtbot.waitUntil(lambda: not extracted(window), timeout=MARKETS_TIMEOUT_MS)
    window.day_nav.across_buttons["name"].click()  # the day column's 公司与题材
    dialog = window.names_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=MARKETS_TIMEOUT_MS)
    return window, dialog


def wait_for_name(qtbot, window, name: str) -> None:
    """A name's view comes when its first page, read on a worker, arrives."""
    qtbot.waitUntil(
        lambda: window.across and window.across_model.view.title == name,
        timeout=MARKETS_TIMEOUT_MS,
    )


def listed_titles(window) -> list[str]:
    model = window.across_model
    return [model.index(row, 0).data(ItemRole).title for row in range(model.rowCount())]


def test_the_names_are_listed_with_counts_narrowed_by_typing_and_one_shows_its_items(
    reader, qtbot
):
    window, dialog = names_window(reader, qtbot)
    assert dialog.isVisible()
    assert dialog.names_shown()[0] in {"东方财富", "同花顺", "四方精创", "润泽科技", "互联金融"}
    dialog.typed.setText("拉卡")
    assert dialog.names_shown() == ["拉卡拉"]
    assert dialog.shown.index(0, 2).data() == "1"
    dialog.typed.clear()
    dialog.kind.setCurrentIndex(2)  # themes only
    assert "互联金融" in dialog.names_shown() and "拉卡拉" not in dialog.names_shown()
    dialog.kind.setCurrentIndex(0)
    # choosing a name lists its items across days, newest first, and its moves
    dialog.typed.setText("东方财富")
    dialog.table.clicked.emit(dialog.shown.index(0, 0))
    wait_for_name(qtbot, window, "东方财富")
    assert window.across and window.across_model.total == 2  # 10:30 moves, 10:57 named
    first, second = (window.across_model.index(r, 0).data(ItemRole) for r in (0, 1))
    assert all("东方财富" in f"{item.title}{item.body}" for item in (first, second))
    assert first.time > second.time  # newest first
    assert window.status.counts_label.text().startswith("东方财富 · ")
    qtbot.waitUntil(lambda: dialog.moves.topLevelItemCount() > 0, timeout=MARKETS_TIMEOUT_MS)
    move = dialog.moves.topLevelItem(0)
    assert move.text(1) == "东方财富"
    dialog.moves.itemClicked.emit(move, 0)  # opens the item on its day
    opened = window.current_item()
    assert window.model.day == SAMPLE_DAY and "东方财富" in f"{opened.title}{opened.body}"
    window.go_back()  # Back returns to the name's items
    assert window.across and window.across_model.view.title == "东方财富"


def test_the_related_panel_and_the_movers_window_show_a_names_items(reader, qtbot):
    window = reader.open()
    qtbot.waitUntil(lambda: not extracted(window), timeout=MARKETS_TIMEOUT_MS)
    select_where(qtbot, window, lambda item: item.title == FINTECH_TITLE)
    panel = window.related_panel
    qtbot.waitUntil(lambda: "拉卡拉" in panel.names, timeout=MARKETS_TIMEOUT_MS)
    assert "互联金融" in panel.names
    panel.names_line.linkActivated.emit("互联金融")
    wait_for_name(qtbot, window, "互联金融")
    assert window.across and window.across_model.view.title == "互联金融"
    assert FINTECH_TITLE in listed_titles(window)
    # the movers window: a stock (or theme) chosen there, its items across days
    window.actions_by_id["movers"].trigger()
    dialog = window.movers_dialog
    qtbot.waitUntil(lambda: dialog.loaded_day == SAMPLE_DAY, timeout=MARKETS_TIMEOUT_MS)
    tree = dialog.tree
    node = next(tree.topLevelItem(n) for n in range(tree.topLevelItemCount())
                if tree.topLevelItem(n).text(0).startswith("互联金融"))  # fmt: skip
    tree.setCurrentItem(node.child(0))  # 拉卡拉
    dialog.name_button.click()
    wait_for_name(qtbot, window, "拉卡拉")
    assert listed_titles(window) == [FINTECH_TITLE]


def test_hiding_a_name_in_the_names_window_is_the_readers_data_and_takes_it_off_the_list(
    reader, qtbot
):
    window, dialog = names_window(reader, qtbot)
    dialog.typed.setText("东方财富")
    dialog.table.clicked.emit(dialog.shown.index(0, 0))
    with qtbot.waitSignal(window.events.names_changed, timeout=MARKETS_TIMEOUT_MS):
        dialog.findChild(QPushButton, "hide_name").click()
    qtbot.waitUntil(lambda: dialog.names_shown() == [], timeout=MARKETS_TIMEOUT_MS)
    with Store.open(window.data_dir) as store:
        assert [(n.name, n.hidden) for n in reader_names(store.conn)] == [("东方财富", True)]
    window.change_name("add", "英伟达", "company")  # as the 添加名称… asks, once answered
    dialog.typed.setText("英伟达")
    qtbot.waitUntil(lambda: dialog.names_shown() == ["英伟达"], timeout=MARKETS_TIMEOUT_MS)


def test_a_names_first_page_is_read_off_the_window_thread_the_list_staying_until_it_comes(
    reader, qtbot, monkeypatch
):
    import threading

    from telereader.core import name_view

    window = reader.open()
    qtbot.waitUntil(lambda: not extracted(window), timeout=MARKETS_TIMEOUT_MS)
    readers, arrived = [], threading.Event()
    real_page = name_view.name_page

    def page(*args, **kwargs):
        readers.append(threading.current_thread())
        arrived.wait(30)  # held until the test has looked at the window meanwhile
        return real_page(*args, **kwargs)

    monkeypatch.setattr(name_view, "name_page", page)
    day_list = window.list.model()
    window.show_name("拉卡拉")
    assert not window.across and window.list.model() is day_list  # the day, as it was
    arrived.set()
    wait_for_name(qtbot, window, "拉卡拉")
    assert listed_titles(window) == [FINTECH_TITLE]
    assert readers and threading.main_thread() not in readers
