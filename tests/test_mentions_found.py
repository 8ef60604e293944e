"""Finding the known names in a text, and a catch-up that keeps them from day to day: the same
mentions as looking at every character and as extracting each day on its own."""

from __future__ import annotations

from telereader.core import markets
from telereader.core.importer import import_paths
from telereader.core.markets import Names
from tests.test_name_added_at_once import layer
from tests.test_name_view import import_days


def walked(names: frozenset[str], text: str) -> set[str]:
    """The plain walk: at each character the longest name starting there, then past it."""
    found, position = set(), 0
    while position < len(text) - 1:
        name = max((n for n in names if len(n) > 1 and text.startswith(n, position)), key=len,
                   default=None)  # fmt: skip
        if name:
            found.add(name)
            position += len(name)
        else:
            position += 1
    return found


def test_names_are_found_longest_first_whatever_characters_they_start_with():
    names = frozenset({"*ST佳沃", "中信海直", "中信", "]方", "A-股", "^X", "\\Y", "东", "海直跟涨"})
    texts = [
        "今日*ST佳沃涨停，中信海直跟涨，中信证券走高",
        "]方案 A-股 ^X \\Y 东方",
        "中信",  # a name that is the whole text
        "末尾是中信",
        "",
        "中",
    ]
    for text in texts:
        assert Names(names).mentioned(text) == walked(names, text), text
    assert Names(names).mentioned(texts[0]) == {"*ST佳沃", "中信海直", "中信"}
    assert Names(frozenset()).mentioned("中信海直") == set()


def forget_extraction(store) -> None:
    store.conn.execute("DELETE FROM market_names")
    store.conn.execute("DELETE FROM market_days")


OLDEST_DAY = """# 财联社【普通】电报 - 2026-01-13
> 统计周期：2026-01-13 05:30 至次日 05:30

**[10:00]** 【储能板块走高 华光新材20cm涨停】华光新材、科远智慧涨停，拉卡拉跟涨。

**[11:00]** 【华光新材发布公告】财联社1月13日电，华光新材称经营正常。
"""


def test_a_catch_up_of_many_days_gives_the_rows_of_each_day_extracted_alone(store, tmp_path):
    import_days(store, tmp_path, days=(14, 15, 16))
    oldest = tmp_path / "cls-telegraph-2026-01-13.md"
    oldest.write_text(OLDEST_DAY, encoding="utf-8")  # read last, it learns names of its own
    import_paths(store, [oldest])
    forget_extraction(store)
    markets.catch_up(store)  # the names learnt day by day, kept from one day to the next
    together = layer(store)
    forget_extraction(store)
    for day in markets.stale_days(store.conn):  # newest first, as the catch-up goes
        markets.catch_up(store, [day])
    assert layer(store) == together
    named = {name for item_id, _, name, _ in together["mentions"] if "1100" in item_id}
    assert "华光新材" in named  # learnt from the 10:00 item, found in the 11:00 one
