"""One item of megabytes (issue 12): the window shows it at once, loses none of it, and keeps
its row, tooltip and marks small."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from telereader.app.models import ItemRole
from telereader.app.widgets.detail import MAX_MARKS
from telereader.app.window import MainWindow
from telereader.core.importer import import_paths
from telereader.core.store import Store
from telereader.core.text import one_line, readable_body
from telereader.core.watchlists import save_watchlist
from tests.test_window import english  # noqa: F401  (the English UI, as a fixture)

DAY = dt.date(2026, 3, 2)
SENTENCE = (
    "财联社3月2日电，央行今日开展1000亿元7天期逆回购操作，①市场流动性保持合理充裕；"
    "②现货黄金日内涨1%，报2950美元/盎司；③多家存储厂商宣布涨价。"
)
OPENING = "长文开头：这一条的正文有两兆字节。"
ENDING = "全文到此结束。"
LONG_BODY = OPENING + SENTENCE * (2_000_000 // len(SENTENCE.encode("utf-8"))) + ENDING
SEARCH_TIMEOUT_MS = 20_000


@pytest.fixture
def window(qtbot, data_dir: Path, tmp_path: Path):
    """A window on a day holding an ordinary item at 09:30 and a 2 MB one at 10:00."""
    digest = tmp_path / "cls-telegraph-2026-03-02.md"
    digest.write_text(
        "# 财联社【普通】电报 - 2026-03-02\n"
        "> 统计周期：2026-03-02 05:30 至次日 05:30\n\n---\n\n"
        "**[09:30]** 财联社3月2日电，央行开展逆回购，现货黄金走强。\n\n"
        f"**[10:00]** {LONG_BODY}\n",
        encoding="utf-8",
    )
    store = Store.open(data_dir)
    import_paths(store, [digest])
    opened = MainWindow(store, data_dir, "en")
    opened.resize(1000, 700)
    opened.show()
    opened.start()
    opened.show_day(DAY)
    yield opened
    opened.close()
    opened.deleteLater()
    qtbot.wait(10)
    store.close()


def long_item(window: MainWindow):
    return next(item for item in window.model.day_items if item.time.hour == 10)


def select(window: MainWindow, item) -> None:
    window.list.setCurrentIndex(window.model.index(window.model.row_of(item.id)))


def test_the_long_item_shows_its_opening_and_the_whole_of_it_on_request(window, qtbot):
    item = long_item(window)
    assert item.body == LONG_BODY  # stored whole
    select(window, item)
    detail = window.detail
    shown = detail.body.toPlainText()
    assert shown.startswith(OPENING)
    assert len(shown) < len(readable_body(LONG_BODY)) // 2  # only the opening, at first
    assert detail.body_is_cut
    assert detail.show_all_button.isVisible()
    assert f"{len(LONG_BODY):,}" in detail.cut_label.text()  # says how long the whole is

    qtbot.mouseClick(detail.show_all_button, Qt.MouseButton.LeftButton)
    whole = detail.body.toPlainText()
    assert whole.startswith(OPENING) and whole.endswith(ENDING)
    assert whole == readable_body(LONG_BODY)  # nothing lost
    assert not detail.body_is_cut and not detail.show_all_button.isVisible()

    detail.body.selectAll()
    detail.body.copy()
    assert QApplication.clipboard().text().replace("\u2029", "\n") == whole  # copyable whole


def test_an_ordinary_item_is_shown_whole_as_before(window):
    ordinary = next(item for item in window.model.day_items if item.time.hour == 9)
    select(window, long_item(window))
    select(window, ordinary)
    assert window.detail.body.toPlainText() == ordinary.body
    assert not window.detail.body_is_cut
    assert not window.detail.show_all_button.isVisible()


def test_the_long_item_row_and_tooltip_stay_short(window):
    index = window.model.index(window.model.row_of(long_item(window).id))
    display = index.data(Qt.ItemDataRole.DisplayRole)
    assert display.startswith("10:00  " + OPENING[:5]) and display.endswith("…")
    assert len(display) <= 220
    assert len(index.data(Qt.ItemDataRole.ToolTipRole)) <= 1_000
    assert index.data(ItemRole).body == LONG_BODY


def test_marks_in_the_long_item_are_bounded(window, qtbot):
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.search.setText("央行")
        window.run_search()
    qtbot.waitUntil(lambda: window.searching and window.search_model.rowCount() == 2)
    select_result = window.search_model.row_of(long_item(window).id)
    window.list.setCurrentIndex(window.search_model.index(select_result))
    detail = window.detail
    assert detail.item.id == long_item(window).id
    assert 0 < detail.highlighted <= MAX_MARKS  # 25,000 places hold 央行: the first are marked
    selection = detail.body.extraSelections()[0]
    first = selection.cursor
    assert first.selectedText() == "央行"
    assert first.selectionStart() == detail.body.toPlainText().index("央行")

    save_watchlist(window.store, "黄金", ["黄金"])
    window.refresh_watchlists()
    detail.refresh_marks()
    assert 0 < detail.highlighted <= MAX_MARKS


def test_marks_in_an_ordinary_item_are_all_there(window, qtbot):
    with qtbot.waitSignal(window.search_service.finished, timeout=SEARCH_TIMEOUT_MS):
        window.search.setText("央行")
        window.run_search()
    qtbot.waitUntil(lambda: window.searching and window.search_model.rowCount() == 2)
    ordinary = next(item for item in window.model.day_items if item.time.hour == 9)
    window.list.setCurrentIndex(window.search_model.index(window.search_model.row_of(ordinary.id)))
    assert window.detail.highlighted == 1


@pytest.mark.parametrize(
    "text",
    [
        "",
        "short",
        "一二三 " * 1_000,
        " " * 5_000 + "words after a lot of white space " * 20,
        "x" * 119,
        "x" * 120,
        "x" * 121,
        "a \n\t b" * 10_000,
    ],
)
@pytest.mark.parametrize("limit", [1, 120, 300])
def test_an_excerpt_of_a_long_text_is_that_of_the_whole_text(text, limit):
    flat = " ".join(text.split())
    expected = flat if len(flat) <= limit else flat[: limit - 1] + "…"
    assert one_line(text, limit) == expected
