"""The market layer in the window: movers, themes and near-duplicates extracted in the
background after the window shows and after each import, with the progress in the status bar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from telereader.app.models import ItemRole
from telereader.core.importer import import_paths
from telereader.core.markets import day_movers, stale_days
from telereader.core.store import Store
from tests.conftest import FIXTURES, SAMPLE
from tests.test_window import (  # noqa: F401  (fixtures)
    SAMPLE_DAY,
    SMALL_DAY,
    drop_and_wait,
    english,
    reader,
)
from tests.test_window_watch import make_watchlist

MARKETS_TIMEOUT_MS = 60_000


def extracted(window) -> list:
    with Store.open(window.data_dir) as store:
        return stale_days(store.conn)


def test_the_first_start_extracts_the_sample_days_movers_in_the_background(reader, qtbot):
    window = reader.open()
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    qtbot.waitUntil(lambda: not window.market_catch_up.running and not extracted(window),
                    timeout=MARKETS_TIMEOUT_MS)  # fmt: skip
    assert "Extracting stocks and themes: 1/1 days" in said
    with Store.open(window.data_dir) as store:
        movers = day_movers(store.conn, SAMPLE_DAY, SAMPLE_DAY)
    assert len(movers) == 67  # counted by hand (tests/test_movers.py)
    assert movers[0].stock  # each with its stock, move and time


def test_an_import_is_extracted_after_it_while_the_window_stays_usable(reader, qtbot):
    window = reader.open()
    qtbot.waitUntil(lambda: not extracted(window), timeout=MARKETS_TIMEOUT_MS)
    with qtbot.waitSignal(window.market_catch_up.finished, timeout=MARKETS_TIMEOUT_MS) as ended:
        drop_and_wait(qtbot, window, [FIXTURES / "small.md"])
        window.show_day(SMALL_DAY)  # the reader goes on meanwhile
    assert ended.args[0] is not None
    qtbot.waitUntil(lambda: not window.market_catch_up.running, timeout=MARKETS_TIMEOUT_MS)
    assert extracted(window) == []


def test_a_library_imported_before_the_window_is_back_filled_once_it_shows(reader, qtbot):
    with Store.open(reader.data_dir) as store:
        import_paths(store, [FIXTURES / "small.md"], workers=0)
        assert stale_days(store.conn) == [SMALL_DAY]  # as a library made by an older version
    window = reader.open()
    qtbot.waitUntil(lambda: not extracted(window), timeout=MARKETS_TIMEOUT_MS)
    assert window.list.isEnabled()


# ---- the 相关 panel -------------------------------------------------------------------------------


def select_where(qtbot, window, test) -> str:
    """Select the first item of the day shown that passes `test`."""
    item_id = next(item.id for item in window.store.items_on(window.model.day) if test(item))
    assert window.list.select(item_id)
    return item_id


def test_the_selected_item_shows_its_related_items_best_first_and_a_click_opens_one(
    reader, qtbot
):
    """金融股 (10:30) shares 同花顺 and 四方精创 with 互联金融 (10:09): it comes first (checked
    by hand on the sample day, as in tests/test_markets.py)."""
    window = reader.open()
    qtbot.waitUntil(lambda: not extracted(window), timeout=MARKETS_TIMEOUT_MS)
    panel = window.related_panel
    select_where(qtbot, window, lambda item: (item.title or "").startswith("金融股"))
    qtbot.waitUntil(lambda: panel.related_list.count() > 0, timeout=MARKETS_TIMEOUT_MS)
    assert panel.isVisible() and panel.heading.text().startswith("Related")
    first = panel.related_list.item(0)
    assert "互联金融板块持续走高" in first.text()
    assert "同花顺" in first.toolTip() and "四方精创" in first.toolTip()
    wanted = panel.entries_shown(panel.related_list)[0]
    panel.related_list.itemClicked.emit(first)
    assert window.current_item().id == wanted
    assert window.model.day == SAMPLE_DAY
    qtbot.waitUntil(lambda: panel.current_id == wanted, timeout=MARKETS_TIMEOUT_MS)


def test_a_story_told_over_days_shows_as_a_thread_and_opens_on_its_day(reader, qtbot, tmp_path):
    base = SAMPLE.read_text(encoding="utf-8").split("---")[0]
    story = (
        "**[09:00]** 【{t}】财联社1月{d}日电，甲乙科技公告，公司固态电池中试线{x}，"
        "甲乙科技表示固态电池产品将向头部车企送样，产能规划保持不变。\n"
    )
    with Store.open(reader.data_dir) as store:
        for day, step in {15: "开工建设", 17: "完成设备调试"}.items():
            path = tmp_path / f"cls-telegraph-2026-01-{day}.md"
            path.write_text(base.replace("2026-01-14", f"2026-01-{day}") + "---\n\n"
                            + story.format(t=f"甲乙科技固态电池中试线{step}", d=day, x=step),
                            encoding="utf-8")  # fmt: skip
            import_paths(store, [path])
        with store.transaction():
            store.conn.execute("INSERT INTO market_names (name, kind, origin) "
                               "VALUES ('甲乙科技', 'company', 'reader')")  # fmt: skip
    window = reader.open()
    qtbot.waitUntil(lambda: not extracted(window), timeout=MARKETS_TIMEOUT_MS)
    window.show_day(dt.date(2026, 1, 15))
    select_where(qtbot, window, lambda item: "甲乙科技" in (item.title or ""))
    panel = window.related_panel
    qtbot.waitUntil(lambda: panel.thread_list.count() == 2, timeout=MARKETS_TIMEOUT_MS)
    assert panel.thread_list.item(0).text().startswith("▶ 01-15 09:00")
    panel.thread_list.itemClicked.emit(panel.thread_list.item(1))
    assert window.model.day == dt.date(2026, 1, 17)
    assert "完成设备调试" in window.current_item().title


# ---- a day's movers -------------------------------------------------------------------------------


def test_the_days_movers_show_by_theme_and_a_click_opens_the_item(reader, qtbot):
    """The 10:09 item of the sample day: 互联金融 moved 拉卡拉 20cm涨停, 君正集团 涨停, 同花顺
    涨超10% … (read by hand off its text)."""
    window = reader.open()
    window.actions_by_id["movers"].trigger()  # View → the day's movers (Ctrl+Shift+M)
    dialog = window.movers_dialog
    qtbot.waitUntil(lambda: dialog.loaded_day == SAMPLE_DAY, timeout=MARKETS_TIMEOUT_MS)
    assert dialog.isVisible()
    shown = dict(dialog.rows())
    fintech = shown["互联金融（8）"]
    assert fintech[:3] == [("拉卡拉", "20cm涨停", "10:09"), ("君正集团", "涨停", "10:09"),
                           ("同花顺", "涨超10%", "10:09")]  # fmt: skip
    assert sum(len(stocks) for stocks in shown.values()) == 67
    node = next(dialog.tree.topLevelItem(n) for n in range(dialog.tree.topLevelItemCount())
                if dialog.tree.topLevelItem(n).text(0) == "互联金融（8）")  # fmt: skip
    dialog.tree.itemClicked.emit(node.child(0), 0)
    assert window.model.day == SAMPLE_DAY
    assert window.current_item().title == "互联金融板块持续走高 拉卡拉20cm涨停"


# ---- watchlists holding a company or theme ------------------------------------------------------


def test_a_watchlist_of_at_names_lights_up_the_items_naming_them(reader, qtbot):
    window = reader.open()
    qtbot.waitUntil(lambda: not extracted(window), timeout=MARKETS_TIMEOUT_MS)
    dialog = make_watchlist(qtbot, window, "支付", ["@拉卡拉"])
    assert any("@宁德时代" in label.text() for label in dialog.findChildren(QLabel))  # the syntax
    dialog.close()
    window.watch_button.click()
    qtbot.waitUntil(lambda: window.hits_model.total == 1, timeout=MARKETS_TIMEOUT_MS)
    hit = window.hits_model.index(0, 0).data(ItemRole)
    assert hit.title == "互联金融板块持续走高 拉卡拉20cm涨停"
