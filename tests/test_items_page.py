"""Pages of items across days, newest first: what the starred and notes views read."""

from __future__ import annotations

from telereader.core.filters import ItemFilter
from telereader.core.importer import import_paths

PALLADIUM_DAY = """# 财联社【普通】电报 - 2016-02-29
> 统计周期：2016-02-29 05:30 至次日 05:30

---

**[09:32]** 【铑金早盘上涨】财联社2月29日电，铑金早盘上涨。

**[22:10]** 【铑金夜盘走强】财联社2月29日电，铑金夜盘走强。

**[02:13]** 【铑金凌晨回落】财联社3月1日电，铑金凌晨回落。
"""


def imported(store, tmp_path):
    path = tmp_path / "palladium.md"
    path.write_text(PALLADIUM_DAY, encoding="utf-8")
    import_paths(store, [path])
    return store.items_on(store.days()[0].day)


def test_starred_items_come_a_page_at_a_time_newest_first_after_midnight_first(store, tmp_path):
    morning, evening, after_midnight = imported(store, tmp_path)
    store.set_starred([morning.id, evening.id, after_midnight.id], True)
    conditions, params = ItemFilter(starred_only=True).sql()
    assert store.items_total(conditions, params) == 3
    first = store.items_page(conditions, params, limit=2)
    rest = store.items_page(conditions, params, limit=2, offset=2)
    assert [item.id for item in first + rest] == [after_midnight.id, evening.id, morning.id]


def test_items_with_a_note_are_the_ones_a_note_was_written_for(store, tmp_path):
    morning, evening, _after_midnight = imported(store, tmp_path)
    store.set_note(evening.id, "watch the night session")
    store.set_note(morning.id, "")  # no note at all
    noted = ItemFilter(noted_only=True)
    assert [item.note for item in store.items_page(*noted.sql(), limit=10)] == [
        "watch the night session"
    ]
    assert store.items_total(*noted.sql()) == 1
    assert noted.matches(store.item(evening.id)) and not noted.matches(store.item(morning.id))
    unread_noted = ItemFilter(noted_only=True, unread_only=True)
    store.set_read([evening.id])
    assert store.items_total(*unread_noted.sql()) == 0
