"""A name the reader adds is written into the market layer at once, for the items whose text
holds it, with exactly the rows a full extraction of every day would give: no day is left
stale for the catch-up to read whole again (a name as common as 宁德时代 is in almost every
day of ten years)."""

from __future__ import annotations

import shutil

import pytest

from telereader.core import markets
from telereader.core.importer import import_paths
from telereader.core.reader_names import add_name, alias_name, hide_name
from telereader.core.store import Store
from telereader.core.watchlists import save_watchlist
from tests.conftest import SAMPLE

EXTRA_LINES = (
    "**[14:30]** 【宁德时代发布新电池】财联社1月{d}日电，宁德时代今日发布新一代电池。\n"
    "**[14:40]** 【宁王股价再创新高】财联社1月{d}日电，宁王股价再创新高，拉卡拉跟涨。\n"
    "**[14:50]** 【宁德时代回应】财联社1月{d}日电，宁德时代（宁王）回应市场传闻。\n"
    "**[15:10]** 【东方财富证券发布公告】财联社1月{d}日电，东方财富证券称业务正常。\n"
)


def library(path) -> Store:
    store = Store.open(path)
    save_watchlist(store, "电池", ["@宁德时代"])
    for day in (14, 15):
        copy = path / f"cls-telegraph-2026-01-{day}.md"
        text = SAMPLE.read_text(encoding="utf-8").replace("2026-01-14", f"2026-01-{day}")
        text = text.replace("1月14日", f"1月{day}日") + EXTRA_LINES.format(d=day)
        copy.write_text(text, encoding="utf-8")
        import_paths(store, [copy])
    extract_every_day(store)
    return store


def extract_every_day(store: Store) -> None:
    """Every day extracted with every name known (a second pass: the first learns names
    day by day, newest first)."""
    for _ in range(2):
        store.conn.execute("DELETE FROM market_days")
        markets.catch_up(store)


def layer(store: Store) -> dict[str, list]:
    tables = {
        "mentions": "SELECT item_id, day, name, kind FROM market_mentions",
        "movers": "SELECT item_id, day, ord, theme, stock, move FROM market_movers",
        "hits": "SELECT * FROM watch_hits",
        "names": "SELECT name, kind, origin, hidden FROM market_names",
    }
    return {what: sorted(store.conn.execute(sql).fetchall()) for what, sql in tables.items()}


def reader_changes(store: Store) -> None:
    hide_name(store, "拉卡拉")  # hidden, then shown again: its movers come back
    markets.catch_up(store)  # hiding marks its days stale (not what is measured here)
    assert add_name(store, "宁德时代") == 2  # both days hold it
    alias_name(store, "宁王", "宁德时代")
    add_name(store, "东方财富证券")  # takes the place of 东方财富 where it is the longer
    add_name(store, "拉卡拉")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The library built once (two days, extracted twice): each test works on copies."""
    path = tmp_path_factory.mktemp("names") / "library"
    library(path).close()
    return path


@pytest.fixture
def two_libraries(built, tmp_path):
    at_once = Store.open(shutil.copytree(built, tmp_path / "at_once"))
    again = Store.open(shutil.copytree(built, tmp_path / "again"))
    yield at_once, again
    at_once.close()
    again.close()


def test_a_name_added_is_in_the_layer_at_once_with_no_day_left_to_extract(two_libraries):
    store, _ = two_libraries
    reader_changes(store)
    assert markets.stale_days(store.conn) == []
    names = {row[2] for row in layer(store)["mentions"]}
    assert {"宁德时代", "宁王", "东方财富证券", "拉卡拉"} <= names
    assert ("电池",) in {(name,) for (name,) in store.conn.execute(
        "SELECT w.name FROM watch_hits h JOIN watchlists w ON w.id = h.watchlist_id"
    )}  # fmt: skip


def test_adding_names_at_once_gives_the_rows_of_a_full_extraction(two_libraries):
    at_once, again = two_libraries
    reader_changes(at_once)
    reader_changes(again)
    extract_every_day(again)
    assert layer(at_once) == layer(again)
    mentions = layer(at_once)["mentions"]
    kinds = {(name, kind) for _, _, name, kind in mentions}
    assert ("东方财富证券", "company") in kinds and ("宁德时代", "company") in kinds
