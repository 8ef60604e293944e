"""The view of one company or theme: every item that names it across days, newest first, and
its moves; the reader's aliases count as the name."""

from __future__ import annotations

import datetime as dt

from telereader.core import markets
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.name_view import name_filter, name_movers
from telereader.core.reader_names import add_name, alias_name
from tests.conftest import SAMPLE


def import_days(store, tmp_path, days=(14, 15)) -> None:
    for day in days:
        copy = tmp_path / f"cls-telegraph-2026-01-{day}.md"
        text = SAMPLE.read_text(encoding="utf-8").replace("2026-01-14", f"2026-01-{day}")
        copy.write_text(text.replace("1月14日", f"1月{day}日"), encoding="utf-8")
        import_paths(store, [copy])
    markets.catch_up(store)


def shown(store, item_filter: ItemFilter) -> list:
    return store.items_page(*item_filter.sql(), limit=100)


def test_a_company_view_lists_every_item_naming_it_across_days_newest_first(store, tmp_path):
    import_days(store, tmp_path)
    items = shown(store, name_filter(store.conn, "东方财富"))
    assert len(items) == 4  # two a day (10:30 it moves, 10:57 it is only mentioned)
    assert [item.day for item in items] == [dt.date(2026, 1, 15)] * 2 + [dt.date(2026, 1, 14)] * 2
    assert items[0].time > items[1].time
    assert all("东方财富" in f"{item.title}{item.body}" for item in items)
    assert store.items_total(*name_filter(store.conn, "东方财富").sql()) == 4


def test_the_view_of_a_name_keeps_the_lists_filters(store, tmp_path):
    import_days(store, tmp_path)
    only_15 = ItemFilter(day_from=dt.date(2026, 1, 15))
    assert len(shown(store, name_filter(store.conn, "东方财富", only_15))) == 2


def test_a_company_seen_through_its_alias_shows_the_items_of_both_names(store, tmp_path):
    import_days(store, tmp_path, days=(14,))
    add_name(store, "英伟达")
    alias_name(store, "同花顺", "英伟达")  # a made-up alias: two names of the sample day
    markets.catch_up(store)
    both = {item.id for item in shown(store, name_filter(store.conn, "同花顺"))}
    assert len(both) == 4  # 英伟达 twice, 同花顺 twice, none names both


def test_a_names_moves_are_listed_newest_first_and_a_themes_are_its_stocks(store, tmp_path):
    import_days(store, tmp_path)
    moves = name_movers(store.conn, "拉卡拉")
    # the 10:09 item, checked by hand: 【…拉卡拉20cm涨停】 (its body's 涨停 is the same move)
    assert [(m.day.day, m.stock, m.move) for m in moves] == [
        (15, "拉卡拉", "20cm涨停"), (14, "拉卡拉", "20cm涨停"),
    ]  # fmt: skip
    theme = name_movers(store.conn, "互联金融")
    assert {m.theme for m in theme} == {"互联金融"} and "拉卡拉" in {m.stock for m in theme}
