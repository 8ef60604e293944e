"""A company's or theme's view read a page at a time through its days: the pages, one after
the other, are the whole list in the same order, wherever a page ends (inside a day, between
two digests whose hours overlap), whatever other filters thin the list."""

from __future__ import annotations

import datetime as dt

import pytest

from telereader.core import markets
from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths
from telereader.core.name_view import name_filter, name_page
from tests.test_name_view import import_days

# Two digests whose hours overlap: the 18th's window runs to 05:30 of the 19th, the 19th's
# starts at its midnight, so their items of the 19th's small hours take turns by time.
OVERLAPPING = {
    "2026-01-18": ("05:30", ["23:00", "01:00", "04:00"]),
    "2026-01-19": ("00:00", ["00:30", "02:00", "05:00", "09:00"]),
}


def import_overlapping(store, tmp_path) -> None:
    for day, (boundary, minutes) in OVERLAPPING.items():
        lines = [
            f"# 财联社【普通】电报 - {day}",
            f"> 统计周期：{day} {boundary} 至次日 {boundary}",
            "",
        ]
        for n, minute in enumerate(minutes):
            lines += [
                f"**[{minute}]** 【拉卡拉公告第{day[-2:]}{n}号】拉卡拉与东方财富签署合作协议，编号{day}{n}。",
                "",
            ]
        path = tmp_path / f"cls-telegraph-{day}.md"
        path.write_text("\n".join(lines), encoding="utf-8")
        import_paths(store, [path])
    markets.catch_up(store)


@pytest.fixture
def library(store, tmp_path):
    import_days(store, tmp_path, days=(14, 15, 16))
    import_overlapping(store, tmp_path)
    return store


def paged(store, item_filter: ItemFilter, limit: int) -> list[str]:
    ids: list[str] = []
    while True:
        page = name_page(store, item_filter, limit, ids[-1] if ids else None)
        if not page:
            return ids
        ids += [item.id for item in page]


def whole(store, item_filter: ItemFilter) -> list[str]:
    return [item.id for item in store.items_page(*item_filter.sql(), limit=10_000)]


def test_the_overlapping_digests_interleave_by_time():
    # the premise of the next tests: newest first is not day by day here
    times = sorted(
        (dt.datetime.fromisoformat(f"{day} {m}") + dt.timedelta(days=m < boundary), day)
        for day, (boundary, minutes) in OVERLAPPING.items()
        for m in minutes
    )
    assert [day[-2:] for _, day in times] == ["18", "19", "18", "19", "18", "19", "19"]


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 200])
def test_pages_of_a_name_one_after_the_other_are_its_whole_list(library, limit):
    names = [name for (name,) in library.conn.execute("SELECT DISTINCT name FROM market_mentions")]
    assert len(names) > 20
    for name in names:
        item_filter = name_filter(library.conn, name)
        assert paged(library, item_filter, limit) == whole(library, item_filter), name


def test_a_page_ending_among_the_overlapping_hours_goes_on_in_time_order(library):
    item_filter = name_filter(library.conn, "拉卡拉")
    first = name_page(library, item_filter, 3)
    days = [item.day.day for item in first]
    assert days == [19, 19, 18]  # 09:00 and 05:00 of the 19th, then the 18th's 04:00
    after = name_page(library, item_filter, 3, first[-1].id)
    assert [(item.day.day, item.time.hour) for item in after] == [(19, 2), (18, 1), (19, 0)]


@pytest.mark.parametrize("limit", [1, 4, 200])
def test_pages_keep_the_lists_other_filters(library, limit):
    everything = name_filter(library.conn, "拉卡拉")
    ids = whole(library, everything)
    library.set_read(ids[::2])  # every other item read: the unread are thinner than the days
    for other in (
        ItemFilter(unread_only=True),
        ItemFilter(important_only=True),
        ItemFilter(day_to=dt.date(2026, 1, 15)),
        ItemFilter(unread_only=True, day_from=dt.date(2026, 1, 15)),
    ):
        item_filter = name_filter(library.conn, "拉卡拉", other)
        assert paged(library, item_filter, limit) == whole(library, item_filter), other


def test_a_name_and_its_aliases_page_as_one_list(library):
    item_filter = ItemFilter(names=("拉卡拉", "东方财富", "同花顺"))
    assert paged(library, item_filter, 2) == whole(library, item_filter)
